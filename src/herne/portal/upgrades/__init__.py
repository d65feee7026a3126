"""Upgrade steps of herne.portal: one module per profile version."""
