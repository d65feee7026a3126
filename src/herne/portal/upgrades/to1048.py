"""1047 -> 1048: the folder trees of the application root and areas in shards (see content/sharded_tree.py)."""

from Acquisition import aq_base
from herne.portal.applications.areas import APPLICATIONS_FOLDER_ID
from herne.portal.content.application_area import IApplicationArea
from herne.portal.content.application_area import shard_trees
import logging
from plone import api


logger = logging.getLogger(__name__)


def upgrade(setup_tool):
    root = api.portal.get().get(APPLICATIONS_FOLDER_ID)
    if root is None:
        return
    areas = [area for area in root.objectValues() if IApplicationArea.providedBy(area)]
    for container in (root, *areas):
        if shard_trees(aq_base(container)):
            logger.info("%s: %d entries in shards", container.absolute_url(1), len(container))
