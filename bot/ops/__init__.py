"""What operators need beside the chat adapters: health, status and reloads across replicas."""
