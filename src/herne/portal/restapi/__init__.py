"""plone.restapi services of herne.portal."""
