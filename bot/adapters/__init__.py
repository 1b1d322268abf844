"""Surfaces: each module translates one platform's events into core calls and back."""
