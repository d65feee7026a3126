"""OZG dashboard for the digitalisation unit: coverage, maturity, trend and statistics; CSV per table."""

from datetime import date
from herne.portal import _
from herne.portal.browser.csv_export import csv_download
from herne.portal.formats import decimal_comma
from herne.portal.german_pages import IGermanPage
from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.dashboard import as_of
from herne.portal.reporting.dashboard import build_dashboard
from herne.portal.reporting.dashboard import build_table
from herne.portal.reporting.snapshots import take_snapshot
from plone.protect import CheckAuthenticator
from plone.protect import protect
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound
from zope.interface import implementer


@implementer(IGermanPage)
class DashboardView(BrowserView):
    """``@@ozg-dashboard``: every figure as a table, the important ones also as a chart."""

    def update(self):
        self.summary, self.tables = build_dashboard(self.request)

    def __call__(self):
        self.update()
        return self.index()

    def number(self, value):
        """A figure as German readers write it: decimal comma."""
        return decimal_comma(value) if isinstance(value, float) else value

    def csv_url(self, table):
        return f"{self.context.absolute_url()}/@@ozg-dashboard-csv?tabelle={table.name}"

    def as_of(self, table):
        """``Stand: ...`` for figures kept in the cache; nothing for those computed just now."""
        return as_of(table.computed_at, self.request) if table.computed_at else ""


@implementer(IGermanPage)
class DashboardCSVView(BrowserView):
    """``@@ozg-dashboard-csv?tabelle=<name>``: one table of the dashboard as CSV, ending with its date."""

    def __call__(self):
        name = self.request.form.get("tabelle")
        table = build_table(self.request, name)  # only this table's figures are computed
        if table is None:
            raise NotFound(name)
        return csv_download(
            self.request.response,
            f"ozg-{table.name}-{date.today().isoformat()}.csv",
            table.columns,
            [*table.rows, [], [as_of(table.computed_at, self.request)]],
        )


class SnapshotView(BrowserView):
    """``@@ozg-snapshot`` (POST): keep today's coverage for the trend."""

    @protect(CheckAuthenticator)
    def __call__(self, REQUEST=None):
        if self.request.method != "POST":
            raise NotFound("POST only")
        _rows, summary, _departments = ozg_coverage()
        day = take_snapshot(summary)
        IStatusMessage(self.request).add(
            _("Der Stand vom ${day} ist festgehalten.", mapping={"day": day}), type="info"
        )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@ozg-dashboard")
        return ""
