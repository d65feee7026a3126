"""The application page: state, what happens next, history, data, documents and the clerk's tools."""

from herne.portal import _
from herne.portal.applications.conversation import attachments_allowed
from herne.portal.applications.messages import FROM_CITIZEN
from herne.portal.applications.messages import mark_seen_by_citizen
from herne.portal.applications.messages import notes_by_step
from herne.portal.applications.messages import step_key
from herne.portal.applications.messages import visible_messages
from herne.portal.applications.next_step import must_act
from herne.portal.applications.next_step import next_step
from herne.portal.applications.office import department_of
from herne.portal.applications.processing import COMMENT_REQUIRED
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import WORKFLOW_ID
from herne.portal.applications.processing import exits_of
from herne.portal.applications.processing import refusal
from herne.portal.applications.processing import state_title
from herne.portal.applications.processing import transition_title
from herne.portal.browser.text import MultilineText
from herne.portal.workflow.application import open_originals
from plone import api
from plone.memoize.view import memoize
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.interface import alsoProvides


#: History entries that are the city's internal business, never shown to the citizen.
INTERNAL_ACTIONS = ("hand_over",)
HAND_OVER_TITLE = _("An andere Organisationseinheit abgegeben")
DATE_FORMAT = "%d.%m.%Y, %H:%M Uhr"


def action_title(action):
    if not action:
        return ""
    return HAND_OVER_TITLE if action == "hand_over" else transition_title(action)


class ApplicationView(MultilineText, BrowserView):
    """What the citizen and the responsible clerks see of one application."""

    processing_panel = ViewPageTemplateFile("templates/processing_panel.pt")

    #: Field name -> German message, set by the step views when they show the page again.
    errors = {}

    def form_value(self, name, default=""):
        return self.request.form.get(name, default) if self.errors else default

    @memoize
    def state(self):
        return api.content.get_state(self.context)

    def state_title(self):
        return state_title(self.state())

    def is_draft(self):
        return self.state() == "draft"

    @memoize
    def is_applicant(self):
        return api.user.get_current().getId() == self.context.applicant

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

    def submitted(self):
        submitted = self.context.submitted
        return submitted.strftime(DATE_FORMAT) if submitted else None

    def rows(self):
        return [row for row in self.context.submitted_data or [] if row.get("value")]

    def files(self):
        # An application has a handful of files: reading them directly is cheap.
        return [
            {
                "title": item.field_title,
                "filename": item.file.filename,
                "url": f"{item.absolute_url()}/@@download/file/{item.file.filename}",
                "size_kb": max(1, item.file.getSize() // 1024),
            }
            for item in self.context.contentValues()
            if item.portal_type == "ApplicationFile"
        ]

    # What the citizen must do

    def __call__(self):
        if (
            self.request.method == "GET"
            and self.is_applicant()
            and mark_seen_by_citizen(self.context)
        ):
            # The read marker is the only write of this GET: ours, and harmless.
            alsoProvides(self.request, IDisableCSRFProtection)
            self.context.reindexObject(idxs=["citizen_unread"])
        return self.index()

    def next_step(self):
        return next_step(self.context, self.state(), self.department())

    def must_act(self):
        return self.is_applicant() and must_act(self.state())

    def messages(self):
        """The conversation, oldest first; status notices without text are left out."""
        for_city = not self.is_applicant()
        names = {
            item.getId(): item
            for item in self.context.contentValues()
            if item.portal_type == "ApplicationFile"
        }
        result = []
        for entry in visible_messages(self.context, for_city):
            if entry.get("kind") == "note":  # shown with its step in the history
                continue
            if entry.get("kind") == "status" and not entry.get("text"):
                continue
            from_citizen = entry["sender"] == FROM_CITIZEN
            result.append(
                {
                    "time": entry["time"].strftime(DATE_FORMAT),
                    "from_citizen": from_citizen,
                    "author": entry["author"] if for_city else "",
                    "text": entry["text"],
                    "files": [
                        {
                            "filename": names[file_id].file.filename,
                            "url": f"{names[file_id].absolute_url()}/@@download/file/{names[file_id].file.filename}",
                        }
                        for file_id in entry.get("files", ())
                        if file_id in names
                    ],
                }
            )
        return result

    def can_write(self):
        return not self.is_draft()

    def message_attachments_allowed(self):
        return attachments_allowed(self.context, self.is_applicant())

    @memoize
    def department(self):
        return department_of(self.context)

    def originals(self):
        return [
            {
                "name": item["name"],
                "shown": bool(item.get("shown_at")),
                "shown_at": item["shown_at"].strftime(DATE_FORMAT) if item.get("shown_at") else "",
                "checked_by": item.get("checked_by") or "",
            }
            for item in self.context.originals or ()
        ]

    def open_originals(self):
        return open_originals(self.context)

    def open_request(self):
        """The clerk's text of the latest information request."""
        for entry in reversed(self._history()):
            if entry.get("action") == "request_info":
                return entry.get("comments") or ""
        return ""

    def can_answer(self):
        return self.state() == "info_requested" and refusal(self.context, "answer") is None

    def can_withdraw(self):
        return self.is_applicant() and refusal(self.context, "withdraw") is None

    # History

    def _history(self):
        return list((self.context.workflow_history or {}).get(WORKFLOW_ID, ()))

    def history(self):
        """Every step with who, when and comment; the citizen sees no internal comments."""
        for_city = not self.is_applicant()
        notes = notes_by_step(self.context) if for_city else {}
        entries = []
        for entry in self._history():
            action = entry.get("action")
            internal = bool(entry.get("internal")) or action in INTERNAL_ACTIONS
            if internal and not for_city and action in INTERNAL_ACTIONS:
                continue
            # internal comments are notes outside the workflow history, for the city only
            comment = entry.get("comments") or ""
            if for_city and internal:
                comment = notes.get(step_key(entry.get("time"))) or comment
            entries.append(
                {
                    "action": action_title(action),
                    "state": state_title(entry.get("review_state")),
                    "time": entry["time"].strftime(DATE_FORMAT) if entry.get("time") else "",
                    "actor": entry.get("actor") if for_city else "",
                    "comment": comment,
                    "internal": internal and for_city,
                }
            )
        return list(reversed(entries))

    # The clerk's tools

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
        return any(step["id"] in ("approve", "reject") for step in self.allowed_steps())

    def can_tick_originals(self):
        return self.can_process() and bool(self.open_originals())

    def other_departments(self):
        if not self.can_process():
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Department", sort_on="sortable_title"
        )
        return [
            {"uid": brain.UID, "title": brain.Title}
            for brain in brains
            if self.context.department_uid != brain.UID
        ]
