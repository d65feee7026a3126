"""Content types of the service catalogue."""
