"""``@@herne-conflict-stats``: this process's retried and unresolved conflicts as JSON."""

from herne.portal.conflicts.counter import snapshot
import json
from Products.Five.browser import BrowserView


class ConflictStats(BrowserView):
    """Counts since the process started; Manager only (they name paths and object ids)."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json")
        self.request.response.setHeader("Cache-Control", "no-store")
        return json.dumps(snapshot(), sort_keys=True)
