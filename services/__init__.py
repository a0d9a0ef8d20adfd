"""The worker processes; each package is one service and imports no other service."""
