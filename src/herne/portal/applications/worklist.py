"""The clerk's worklist ("Arbeitskorb"): which areas are theirs and the catalog query for a filter."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications import clerk_news
from herne.portal.applications.areas import application_root
from herne.portal.applications.processing import processing_states_titles
from herne.portal.workflow.application_table import OPEN_STATES
from plone import api
import re


CITY_ROLES = {"Clerk", "Manager", "Site Administrator"}
ALL_STATES = "alle"
NEWS_ONLY = "1"
REFERENCE = re.compile(r"^HER-(\d{4})-(\d{1,6})$", re.IGNORECASE)
WORD = re.compile(r"\w+", re.UNICODE)


def clerk_areas(user=None):
    """The application areas in which ``user`` (default: the current one) works applications."""
    user = user or api.user.get_current()
    root = application_root()
    return [
        area
        for area in root.objectValues()
        if area.portal_type == "ApplicationArea" and CITY_ROLES & set(user.getRolesInContext(area))
    ]


def form_text(form, name):
    """A form value as stripped text; a tampered request repeating the field gives ""."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def works_in_any_department():
    """Whether the current user may see any application area; one catalog query, no objects.

    Only clerks (through their area's local role) and the site's staff may view areas.
    """
    catalog = api.portal.get_tool("portal_catalog")
    return bool(catalog.searchResults(portal_type="ApplicationArea", sort_limit=1))


def processing_states():
    return [state_id for state_id, _title in processing_states_titles()]


class WorklistFilter:
    """The filter of the worklist as the clerk typed it, checked; errors per field in German."""

    def __init__(self, form):
        self.errors = {}
        self.state = form_text(form, "state")
        self.service = form_text(form, "service")
        self.age = form_text(form, "age")
        self.text = form_text(form, "text")[:200]
        #: only applications on which the citizen answered or wrote since a clerk last looked
        self.news = form_text(form, "news") == NEWS_ONLY
        #: only applications a Digitallotse or a clerk entered for someone else (issue 18)
        self.entered = form_text(form, "erfasst") == NEWS_ONLY
        if self.state and self.state != ALL_STATES and self.state not in processing_states():
            self.errors["state"] = _("Diesen Stand gibt es nicht.")
            self.state = ""
        self.min_age_days = None
        if self.age:
            if not self.age.isdigit() or int(self.age) > 3650:
                self.errors["age"] = _("Bitte geben Sie eine ganze Zahl von Tagen an (0 bis 3650).")
            else:
                self.min_age_days = int(self.age)

    def as_params(self):
        return {
            name: value
            for name, value in (
                ("state", self.state),
                ("service", self.service),
                ("age", "" if "age" in self.errors else self.age),
                ("text", self.text),
                ("news", NEWS_ONLY if self.news else ""),
                ("erfasst", NEWS_ONLY if self.entered else ""),
            )
            if value
        }

    def query(self, areas):
        """A catalog query for the filter, limited to ``areas``, oldest submission first."""
        query = {
            "portal_type": "Application",
            "path": {"query": ["/".join(area.getPhysicalPath()) for area in areas], "depth": 1},
            "sort_on": "submitted",
            "sort_order": "ascending",
        }
        if self.state == ALL_STATES:
            query["review_state"] = processing_states()
        else:
            query["review_state"] = [self.state] if self.state else list(OPEN_STATES)
        if self.service:
            query["service_uid"] = self.service
        if self.news:
            query[clerk_news.INDEX] = list(clerk_news.TITLES)
        if self.entered:
            # Every application with someone in entered_by (user ids are never empty).
            query["entered_by"] = {"query": "", "range": "min"}
        if self.min_age_days is not None:
            query["submitted"] = {"query": DateTime() - self.min_age_days, "range": "max"}
        if self.text:
            reference = REFERENCE.match(self.text)
            if reference:
                year, number = reference.groups()
                query["reference_number"] = f"HER-{year}-{int(number):06d}"
            else:
                words = WORD.findall(self.text)
                if words:
                    query["SearchableText"] = " ".join(f"{word}*" for word in words)
        return query


def days_waiting(submitted, now=None):
    if submitted is None:
        return None
    return max(0, int((now or DateTime()) - submitted))
