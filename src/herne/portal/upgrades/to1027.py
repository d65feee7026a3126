"""1026 -> 1027: Digitallotsen follow the open applications they entered; existing ones get the new permissions."""

from plone import api


def upgrade(setup_tool):
    # The open states now let the local role EnteringHelper view; existing applications follow.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
