"""The clerk's worklist ("Arbeitskorb"): filter, batch from catalog metadata, steps per row or selection, CSV."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications import clerk_news
from herne.portal.applications.postausgang import brain_overdue
from herne.portal.applications.postausgang import overdue_count
from herne.portal.applications.processing import COMMENT_REQUIRED
from herne.portal.applications.processing import ProcessingRefused
from herne.portal.applications.processing import exits_of
from herne.portal.applications.processing import perform
from herne.portal.applications.processing import processing_states_titles
from herne.portal.applications.processing import state_title
from herne.portal.applications.processing import transition_title
from herne.portal.applications.worklist import ALL_STATES
from herne.portal.applications.worklist import WorklistFilter
from herne.portal.applications.worklist import clerk_areas
from herne.portal.applications.worklist import days_waiting
from herne.portal.applications.worklist import form_text
from herne.portal.applications.worklist import works_in_any_department
from herne.portal.browser.csv_export import csv_download
from herne.portal.formats import german_date
from herne.portal.german_pages import IGermanPage
from herne.portal.languages import german_only
from herne.portal.payment.summary import worklist_payment_title
from plone import api
from plone.batching import Batch
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import implementer


BATCH_SIZE = 30
#: Steps that need a text for the citizen are taken on the application page, not from the list.
QUICK_STEP_EXCLUDED = set(COMMENT_REQUIRED)


def quick_steps(state_id):
    return [step for step in exits_of(state_id) if step not in QUICK_STEP_EXCLUDED]


@implementer(IGermanPage)
class WorklistView(BrowserView):
    """Applications of the current clerk's departments, oldest first."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see the worklist")
        if self.request.method == "POST":
            self.take_steps()
            self.request.response.redirect(self.url())
            return ""
        return self.index()

    @memoize
    def areas(self):
        return clerk_areas()

    @memoize
    def filter(self):
        return WorklistFilter(self.request.form)

    def url(self, **params):
        query = {**self.filter().as_params(), **params}
        base = f"{api.portal.get().absolute_url()}/@@arbeitskorb"
        return f"{base}?{urlencode(query)}" if query else base

    def csv_url(self):
        query = self.filter().as_params()
        base = f"{api.portal.get().absolute_url()}/@@arbeitskorb-csv"
        return f"{base}?{urlencode(query)}" if query else base

    def results(self, **batching):
        """Catalog brains of the filter; nothing when the user works in no department."""
        areas = self.areas()
        if not areas:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        # searchResults (not unrestricted): the catalog's own security check stays in place.
        return catalog.searchResults(**self.filter().query(areas), **batching)

    def start(self):
        try:
            return max(0, int(self.request.form.get("b_start", 0)))
        except (TypeError, ValueError):
            return 0

    @memoize
    def batch(self):
        start = self.start()
        # The catalog sorts only as far as this page; the total stays right.
        results = self.results(b_start=start, b_size=BATCH_SIZE)
        return Batch(results, BATCH_SIZE, start)

    def rows(self):
        return rows_of(self.batch())

    @memoize
    def overdue_letters(self):
        """Applications with a letter unprinted for two working days: nothing is sent silently."""
        return overdue_count(self.areas())

    def state_options(self):
        current = self.filter().state
        options = [{"value": "", "title": _("Alle offenen"), "selected": not current}]
        options.append({"value": ALL_STATES, "title": _("Alle"), "selected": current == ALL_STATES})
        options += [
            {"value": state_id, "title": title, "selected": current == state_id}
            for state_id, title in processing_states_titles()
        ]
        return options

    def service_options(self):
        uids = [area.department_uid for area in self.areas() if area.department_uid]
        if not uids:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Service", department_uid=uids, sort_on="sortable_title", **german_only()
        )
        current = self.filter().service
        return [{"value": b.UID, "title": b.Title, "selected": current == b.UID} for b in brains]

    def bulk_steps(self):
        steps = []
        for state_id in processing_states_titles():
            for step in quick_steps(state_id[0]):
                if step not in steps:
                    steps.append(step)
        return [{"id": step, "title": transition_title(step)} for step in steps]

    def take_steps(self):
        """Row buttons post ``row_step=<uid>:<step>``; the bulk button the step for the selection."""
        CheckAuthenticator(self.request)
        form = self.request.form
        if form_text(form, "row_step"):
            uid, _sep, step = form_text(form, "row_step").partition(":")
            uids = [uid]
        else:
            step = form_text(form, "bulk_step")
            uids = form.get("uids") or []
            if isinstance(uids, str):
                uids = [uids]
        messages = IStatusMessage(self.request)
        if not uids or not step:
            messages.add(_("Bitte wählen Sie Anträge und einen Schritt aus."), type="error")
            return
        uids = [uid for uid in uids if isinstance(uid, str)][: BATCH_SIZE * 10]
        found = self.applications_by_uid(uids)
        done = 0
        for uid in uids:
            application = found.get(uid)
            if application is None:
                messages.add(
                    _(
                        "Ein ausgewählter Antrag wurde nicht gefunden oder gehört nicht zu Ihrer Organisationseinheit."
                    ),
                    type="error",
                )
                continue
            try:
                perform(application, step)
                done += 1
            except ProcessingRefused as refused:
                messages.add(
                    _(
                        "${reference}: ${reason}",
                        mapping={
                            "reference": application.reference_number,
                            "reason": translate(refused.message, context=self.request),
                        },
                    ),
                    type="error",
                )
        if done:
            messages.add(
                _(
                    "„${step}“ bei ${count} Antrag/Anträgen ausgeführt.",
                    mapping={"step": transition_title(step), "count": done},
                ),
                type="info",
            )

    def applications_by_uid(self, uids):
        """Only applications in the clerk's own areas, in one query; a tampered UID finds nothing."""
        areas = self.areas()
        if not areas or not uids:
            return {}
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            UID=uids,
            portal_type="Application",
            path={"query": ["/".join(area.getPhysicalPath()) for area in areas], "depth": 1},
        )
        return {brain.UID: brain.getObject() for brain in brains}


def news_title(brain):
    """ "Neue Antwort" / "Neue Nachricht" while a clerk has not opened the application since."""
    return clerk_news.TITLES.get(getattr(brain, clerk_news.INDEX, None) or "")


def rows_of(brains):
    """Worklist rows from catalog metadata only; the workflow is read once per state."""
    now = DateTime()
    titles, steps = {}, {}
    rows = []
    for brain in brains:
        state = brain.review_state
        if state not in titles:
            titles[state] = state_title(state)
            steps[state] = [
                {"id": step, "title": transition_title(step)} for step in quick_steps(state)
            ]
        rows.append(
            {
                "uid": brain.UID,
                "url": brain.getURL(),
                "reference": brain.reference_number,
                "service": brain.service_title,
                "applicant": brain.applicant_name or brain.applicant,
                "state": state,
                "state_title": titles[state],
                "submitted": german_date(brain.submitted) if brain.submitted else "",
                "days": days_waiting(brain.submitted, now),
                "steps": steps[state],
                "news": news_title(brain),
                "letter_overdue": brain_overdue(brain, now),
                "payment": worklist_payment_title(getattr(brain, "payment_state", None)),
            }
        )
    return rows


CSV_COLUMNS = (
    ("reference", _("Aktenzeichen")),
    ("service", _("Leistung")),
    ("applicant", _("Antragsteller/in")),
    ("state_title", _("Stand")),
    ("submitted", _("Eingegangen am")),
    ("days", _("Tage seit Eingang")),
)


class WorklistCSVView(WorklistView):
    """Every application of the current filter as CSV (semicolons, UTF-8 with BOM for spreadsheets)."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see the worklist")
        if not self.areas():
            raise Forbidden("Not a clerk")
        return csv_download(
            self.request.response,
            f"arbeitskorb-{DateTime().strftime('%Y-%m-%d')}.csv",
            [translate(title, context=self.request) for _key, title in CSV_COLUMNS],
            ([row[key] for key, _title in CSV_COLUMNS] for row in rows_of(self.results())),
        )


class IsClerkView(BrowserView):
    """Whether the current user works in any department: shows the worklist link."""

    def __call__(self):
        # Evaluated for the personal bar on every page: the catalog answers, no area is woken.
        return works_in_any_department()
