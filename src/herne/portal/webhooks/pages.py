"""@@webhooks: administrators add and remove a department's endpoints; a new secret is shown once."""

from herne.portal import _
from herne.portal.languages import german_only
from herne.portal.outbox.settings import outbox_setting
from herne.portal.webhooks.addresses import check_address
from herne.portal.webhooks.endpoints import add_endpoint
from herne.portal.webhooks.endpoints import all_endpoints
from herne.portal.webhooks.endpoints import public_record
from herne.portal.webhooks.endpoints import remove_endpoint
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


NO_DEPARTMENT = _("Bitte wählen Sie eine Organisationseinheit.")
ADDED = _(
    "Der Webhook ist gespeichert. Das Geheimnis wird nur jetzt angezeigt: "
    "Bitte tragen Sie es im Fachverfahren ein."
)
REMOVED = _("Der Webhook ist entfernt.")


def departments():
    catalog = api.portal.get_tool("portal_catalog")
    return [
        {"uid": brain.UID, "title": brain.Title}
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Department", sort_on="sortable_title", **german_only()
        )
    ]


class WebhooksView(BrowserView):
    errors = None
    message = None
    secret = None

    def __call__(self):
        self.errors = {}
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if form.get("remove"):
                if remove_endpoint(form.get("remove")):
                    self.message = REMOVED
            else:
                self._add(form)
        return self.index()

    def _add(self, form):
        department_uid = form.get("department_uid", "")
        url = (form.get("url") or "").strip()
        if department_uid not in {item["uid"] for item in departments()}:
            self.errors["department_uid"] = NO_DEPARTMENT
        error, _addresses = check_address(url, outbox_setting("allow_private_webhooks"))
        if error is not None:
            self.errors["url"] = error
        if self.errors:
            return
        _id, self.secret = add_endpoint(department_uid, url)
        self.message = ADDED

    def departments(self):
        return departments()

    def rows(self):
        titles = {item["uid"]: item["title"] for item in departments()}
        rows = []
        for endpoint in all_endpoints():
            row = public_record(endpoint)
            row["department"] = titles.get(endpoint["department_uid"], "")
            rows.append(row)
        return sorted(rows, key=lambda row: (row["department"], row["url"]))
