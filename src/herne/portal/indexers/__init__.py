"""Catalog indexers: of the service catalogue and of applications."""
