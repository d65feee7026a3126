"""The application page: state, what happens next, history, data, documents and the clerk's tools."""

from herne.portal.applications import clerk_news
from herne.portal.applications.conversation import answer_refusal
from herne.portal.applications.conversation import attachments_allowed
from herne.portal.applications.conversation import closed_for_messages
from herne.portal.applications.conversation import closed_refusal
from herne.portal.applications.conversation import may_write
from herne.portal.applications.conversation import writes_as_applicant
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.applications.limits import MAX_FILES
from herne.portal.applications.messages import mark_seen_by_citizen
from herne.portal.applications.next_step import must_act
from herne.portal.applications.processing import COMMENT_REQUIRED
from herne.portal.applications.processing import DECISIONS
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import exits_of
from herne.portal.applications.processing import refusal
from herne.portal.applications.processing import transition_title
from herne.portal.assist.acting import withdraw_refusal
from herne.portal.assist.renewal import renew_refusal
from herne.portal.browser.application_visit import ApplicationVisit
from herne.portal.browser.clerk_visit import ClerkVisit
from herne.portal.browser.text import MultilineText
from herne.portal.german_pages import IGermanPage
from herne.portal.languages import german_only
from herne.portal.workflow.application import open_originals
from plone import api
from plone.memoize.view import memoize
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.interface import alsoProvides
from zope.interface import implementer


@implementer(IGermanPage)
class ApplicationView(ApplicationVisit, ClerkVisit, MultilineText, BrowserView):
    """What the citizen and the responsible clerks see of one application."""

    processing_panel = ViewPageTemplateFile("templates/processing_panel.pt")

    #: Field name -> German message, set by the step views when they show the page again.
    errors = {}

    @property
    def detail(self):
        """The application as the current user may see it (shared with the REST API)."""
        if "_detail" not in self.__dict__:
            self._detail = ApplicationDetail(self.context)
        return self._detail

    def state(self):
        return self.detail.state()

    def state_title(self):
        return self.detail.state_title()

    def is_applicant(self):
        return self.detail.is_applicant()

    def shown_in_german(self):
        """The city's side reads German; the applicant and their Digitallotse their own language."""
        return self.detail.for_city()

    def department(self):
        return self.detail.department()

    def submitted(self):
        return self.detail.submitted()

    def rows(self):
        return self.detail.rows()

    def files(self):
        return self.detail.files()

    def next_step(self):
        return self.detail.next_step()

    def must_act(self):
        return self.detail.must_act()

    def citizen_must_act(self):
        """For the clerk: whether the application waits for the citizen."""
        return must_act(self.state())

    def messages(self):
        return self.detail.messages()

    def originals(self):
        return self.detail.originals()

    def open_request(self):
        return self.detail.open_request()

    def history(self):
        return self.detail.history()

    def contact(self):
        return self.detail.contact()

    def letters(self):
        return self.detail.letters()

    def form_value(self, name, default=""):
        return self.request.form.get(name, default) if self.errors else default

    def is_draft(self):
        return self.state() == "draft"

    @memoize
    def can_process(self):
        return api.user.has_permission(PROCESS, obj=self.context)

    @memoize
    def resume_url(self):
        """The service's form, filled from this draft."""
        service = api.content.get(UID=self.context.service_uid)
        if service is None:
            return None
        forms = api.content.find(context=service, portal_type="EasyForm", depth=1)
        return f"{forms[0].getURL()}?entwurf={self.context.UID()}" if forms else None

    # What the citizen must do

    def __call__(self):
        if self.request.method == "GET":
            self.mark_seen()
        return self.index()

    def mark_seen(self):
        """The citizen has seen the city's news, a clerk of the department the citizen's."""
        if self.is_applicant():
            changed = mark_seen_by_citizen(self.context)
            if changed:
                self.context.reindexObject(idxs=["citizen_unread"])
        elif self.detail.is_entering_helper():
            changed = False  # the helper who entered it is not the department
        else:
            changed = clerk_news.opened(self.context)
        if changed:
            # The read marker is the only write of this GET: ours, and harmless.
            alsoProvides(self.request, IDisableCSRFProtection)

    def file_numbers(self):
        """1 … MAX_FILES: the file fields of the answer and the message form."""
        return range(1, MAX_FILES + 1)

    def can_write(self):
        return not self.is_draft()

    @memoize
    def writes_as_applicant(self):
        """The applicant, or the Digitallotse writing for them while the consent holds."""
        return writes_as_applicant(self.context)

    def may_write(self):
        """The message form: for the applicant (or their Digitallotse) and the department."""
        return may_write(self.context, self.writes_as_applicant())

    @memoize
    def messages_closed(self):
        return closed_for_messages(self.context)

    def closed_notice(self):
        """Whom to contact instead of writing on a closed application."""
        return closed_refusal(self.context, self.writes_as_applicant())

    def message_attachments_allowed(self):
        return attachments_allowed(self.context, self.writes_as_applicant())

    def open_originals(self):
        return open_originals(self.context)

    def can_withdraw_consent(self):
        """The applicant or the department may end the Digitallotse's consent."""
        return withdraw_refusal(self.context) is None

    def renew_consent_url(self):
        """The page that renews the withdrawn consent, for the department; None otherwise."""
        if renew_refusal(self.context) is not None:
            return None
        portal_url = api.portal.get().absolute_url()
        return (
            f"{portal_url}/@@einwilligung-erneuern?reference_number={self.context.reference_number}"
        )

    def can_answer(self):
        return self.state() == "info_requested" and answer_refusal(self.context) is None

    def can_withdraw(self):
        return self.is_applicant() and refusal(self.context, "withdraw") is None

    # The clerk's tools

    @memoize
    def steps(self):
        """The department's steps out of the current state, each allowed or with the reason why not."""
        if not self.can_process():
            return []
        return [
            {
                "id": step,
                "title": transition_title(step),
                "refused": refusal(self.context, step),
                "needs_comment": step in COMMENT_REQUIRED,
            }
            for step in exits_of(self.state())
        ]

    def allowed_steps(self):
        return [step for step in self.steps() if step["refused"] is None]

    def refused_steps(self):
        return [step for step in self.steps() if step["refused"] is not None]

    def offers_decision_letter(self):
        return any(step["id"] in DECISIONS for step in self.allowed_steps())

    def can_tick_originals(self):
        return self.can_process() and bool(self.open_originals())

    def other_departments(self):
        if not self.can_process():
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Department", sort_on="sortable_title", **german_only()
        )
        return [
            {"uid": brain.UID, "title": brain.Title}
            for brain in brains
            if self.context.department_uid != brain.UID
        ]
