"""OZG coverage of the published catalogue: per category, maturity level and department, against the target."""

from dataclasses import dataclass
from herne.portal.controlpanels.portal import portal_setting
from herne.portal.eid.provider import eid_enabled
from herne.portal.languages import german_only
from herne.portal.reporting.maturity import CATEGORY_TITLES
from herne.portal.reporting.maturity import LEVEL_TITLES
from herne.portal.reporting.maturity import announced_without_form
from herne.portal.reporting.maturity import category_of
from herne.portal.reporting.maturity import facts_of
from herne.portal.reporting.maturity import maturity_level
import math
from plone import api


ONLINE_CATEGORIES = ("fully_online", "online_with_originals")


@dataclass(frozen=True)
class ServiceRow:
    title: str
    url: str
    department: str
    category: str
    level: int
    facts: object
    announced_without_form: bool


def catalogue_rows():
    """One row per published service, from the service pages themselves."""
    catalog = api.portal.get_tool("portal_catalog")
    eid_available = eid_enabled()
    rows = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Service", review_state="published", sort_on="sortable_title", **german_only()
    ):
        service = brain._unrestrictedGetObject()
        facts = facts_of(service, eid_available)
        department = service.department_object()
        rows.append(
            ServiceRow(
                title=service.Title(),
                url=service.absolute_url(),
                department=department.Title() if department is not None else "",
                category=category_of(service, facts),
                level=maturity_level(facts),
                facts=facts,
                announced_without_form=announced_without_form(service, facts),
            )
        )
    return rows


def share(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


def summarize(rows, target_percent):
    """Counts per category and level, the online share, and how far the target is."""
    total = len(rows)
    categories = {key: sum(1 for r in rows if r.category == key) for key in CATEGORY_TITLES}
    online = sum(categories[key] for key in ONLINE_CATEGORIES)
    needed = math.ceil(target_percent * total / 100.0)
    return {
        "total": total,
        "categories": categories,
        "levels": {level: sum(1 for r in rows if r.level == level) for level in LEVEL_TITLES},
        "online": online,
        "online_share": share(online, total),
        "target_percent": target_percent,
        "missing_for_target": max(0, needed - online),
        "announced_without_form": [r.title for r in rows if r.announced_without_form],
    }


def per_department(rows):
    """The same figures per responsible department, departments in alphabetical order."""
    result = []
    for department in sorted({r.department for r in rows}):
        mine = [r for r in rows if r.department == department]
        online = sum(1 for r in mine if r.category in ONLINE_CATEGORIES)
        result.append(
            {
                "department": department or "—",
                "total": len(mine),
                "online": online,
                "online_share": share(online, len(mine)),
                "categories": {
                    key: sum(1 for r in mine if r.category == key) for key in CATEGORY_TITLES
                },
            }
        )
    return result


def ozg_target():
    """The share of services (per cent) the city wants online, from the control panel."""
    return portal_setting("ozg_target_percent", 80) or 80


def ozg_coverage():
    rows = catalogue_rows()
    return rows, summarize(rows, ozg_target()), per_department(rows)
