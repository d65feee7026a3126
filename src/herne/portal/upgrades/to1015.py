"""1014 -> 1015: Plone's content tools on applications (copy, URL management, folder contents, display) only for staff."""

from plone import api


def upgrade(setup_tool):
    # The workflow's new permissions reach existing applications.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
