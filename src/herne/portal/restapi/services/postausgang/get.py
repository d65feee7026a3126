"""GET ``@postausgang`` (``?gedruckt=1`` the printed, ``b_start``/``b_size``): letters as JSON, clerks only."""

from herne.portal import _
from herne.portal.applications.postausgang import rows_of
from herne.portal.applications.postausgang import search
from herne.portal.applications.worklist import clerk_areas
from herne.portal.restapi.services.base import JSONService
from plone import api


NOT_LOGGED_IN = _("Bitte melden Sie sich an, um den Postausgang zu sehen.")
NOT_A_CLERK = _("Den Postausgang sehen nur die Sachbearbeiterinnen und Sachbearbeiter.")
#: Applications (with their letters) per page, at most.
MAX_SIZE = 100


def _number(value, default, highest):
    try:
        return min(highest, max(0, int(value)))
    except (TypeError, ValueError):
        return default


class PostausgangService(JSONService):
    def clerk_areas(self):
        """The caller's areas, or the JSON error for anonymous callers and non-clerks."""
        if api.user.is_anonymous():
            return None, self.error(401, message=NOT_LOGGED_IN)
        areas = clerk_areas()
        if not areas:
            return None, self.error(403, message=NOT_A_CLERK)
        return areas, None


class PostausgangGet(PostausgangService):
    def reply(self):
        areas, refused = self.clerk_areas()
        if refused:
            return refused
        printed = self.request.form.get("gedruckt") == "1"
        start = _number(self.request.form.get("b_start"), 0, 10**6)
        size = _number(self.request.form.get("b_size"), 25, MAX_SIZE) or 25
        # The catalog sorts only as far as this page; the total stays right.
        results = search(areas, printed, sort_limit=start + size)
        total = getattr(results, "actual_result_count", None) or len(results)
        # The restricted search in the caller's own areas; rows from its metadata (see the page).
        page = results[start : start + size]
        url = f"{api.portal.get().absolute_url()}/@postausgang"
        return {
            "@id": url,
            "printed": printed,
            "items": rows_of(page, printed),
            "applications_total": total,
            "b_start": start,
            "b_size": size,
        }
