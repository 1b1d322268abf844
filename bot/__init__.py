"""Newsdesk: answers questions about news articles with exact, attributed passages."""

__version__ = "0.1.0"
