"""1021 -> 1022: the editorial group chooses the front page's featured services without site administration."""

from herne.portal.setuphandlers import EDITORS_GROUP
from herne.portal.setuphandlers import let_editors_manage_front_page
from plone import api


def upgrade(setup_tool):
    if api.group.get(groupname=EDITORS_GROUP) is not None:
        let_editors_manage_front_page()
