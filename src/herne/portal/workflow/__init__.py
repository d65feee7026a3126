"""Workflow guards and handlers of herne.portal."""
