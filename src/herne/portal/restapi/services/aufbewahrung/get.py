"""``GET @aufbewahrung``: what a retention run would anonymise, delete and remove now."""

from herne.portal.applications.retention import apply_retention
from herne.portal.restapi.services.base import JSONService


class RetentionGet(JSONService):
    """A dry run: nothing is changed."""

    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@aufbewahrung",
            **apply_retention(dry_run=True).as_dict(),
        }
