"""Catalog indexers of the service catalogue."""
