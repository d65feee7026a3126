"""Fixed vocabularies of the service catalogue."""
