"""1011 -> 1012: no account search for citizens; existing applications lose the sharing page."""

from plone import api


def upgrade(setup_tool):
    # The workflow's new permissions (sharing page, local roles) reach existing applications.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
