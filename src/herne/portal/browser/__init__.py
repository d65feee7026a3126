"""Classic UI pages of herne.portal."""
