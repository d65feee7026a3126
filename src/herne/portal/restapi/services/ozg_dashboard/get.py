"""``GET @ozg-dashboard``: the dashboard page's summary and tables, with when they were computed."""

from herne.portal.reporting.dashboard import build_dashboard
from herne.portal.reporting.dashboard import computed_at
from plone.restapi.services import Service


def _iso(moment):
    return moment.isoformat(timespec="seconds") if moment is not None else None


class DashboardGet(Service):
    """Application statistics are kept a few minutes: ``computed_at`` says when they were
    computed (per table, and the oldest at the top); null means computed for this answer."""

    def reply(self):
        summary, tables = build_dashboard(self.request)
        return {
            "@id": f"{self.context.absolute_url()}/@ozg-dashboard",
            "computed_at": _iso(computed_at(tables)),
            "summary": {
                **{key: value for key, value in summary.items() if key != "levels"},
                "levels": {str(level): count for level, count in summary["levels"].items()},
            },
            "tables": [
                {
                    "name": table.name,
                    "title": table.title,
                    "columns": table.columns,
                    "rows": table.rows,
                    "notes": table.notes,
                    "computed_at": _iso(table.computed_at),
                }
                for table in tables
            ],
        }
