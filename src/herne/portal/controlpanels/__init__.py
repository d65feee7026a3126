"""Control panels of herne.portal."""
