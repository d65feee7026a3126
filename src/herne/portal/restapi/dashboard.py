"""REST: ``GET @ozg-dashboard``, the dashboard's summary and tables as JSON."""

from herne.portal.reporting.dashboard import build_dashboard
from plone.restapi.services import Service


class DashboardGet(Service):
    def reply(self):
        summary, tables = build_dashboard(self.request)
        return {
            "@id": f"{self.context.absolute_url()}/@ozg-dashboard",
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
                }
                for table in tables
            ],
        }
