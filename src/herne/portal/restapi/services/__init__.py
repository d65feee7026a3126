"""REST endpoints of herne.portal, one folder each as in plone.restapi."""
