"""What its owner or the responsible clerk sees of one application: the page and the REST detail read it."""

from herne.portal import _
from herne.portal.applications.contact import by_letter
from herne.portal.applications.contact import contact_method
from herne.portal.applications.contact import contact_title
from herne.portal.applications.letters import PRINTED_ACTION
from herne.portal.applications.letters import PRINTED_TITLE
from herne.portal.applications.letters import letters_of
from herne.portal.applications.mail_texts import state_in
from herne.portal.applications.messages import FROM_CITIZEN
from herne.portal.applications.messages import notes_by_step
from herne.portal.applications.messages import step_key
from herne.portal.applications.messages import visible_messages
from herne.portal.applications.next_step import must_act
from herne.portal.applications.next_step import next_step
from herne.portal.applications.office import department_of
from herne.portal.applications.processing import WORKFLOW_ID
from herne.portal.applications.processing import state_title
from herne.portal.applications.processing import transition_title
from herne.portal.applications.worklist import CITY_ROLES
from herne.portal.assist.acting import WITHDRAWN_ACTION
from herne.portal.assist.acting import WITHDRAWN_TITLE
from herne.portal.assist.acting import behalf_text
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.claim import claim_code
from herne.portal.assist.provenance import provenance_json
from herne.portal.assist.provenance import provenance_text
from herne.portal.assist.renewal import RENEWED_ACTION
from herne.portal.assist.renewal import RENEWED_TITLE
from herne.portal.booking.application_visit import owner_refusal
from herne.portal.booking.own_visit import open_visit
from herne.portal.booking.storage import utcnow
from herne.portal.fitconnect.summary import delivery_summary
from herne.portal.formats import german_datetime
from herne.portal.i18n import LANGUAGE_NAMES
from herne.portal.i18n import answer_language
from herne.portal.i18n import application_language
from herne.portal.i18n import in_german
from herne.portal.i18n import in_request_language
from herne.portal.restapi.services.antrag_termin import visit_json
from plone import api
from plone.memoize.instance import memoize
from zope.globalrequest import getRequest


#: History entries that are the city's internal business, never shown to the citizen.
INTERNAL_ACTIONS = ("hand_over", PRINTED_ACTION)
HAND_OVER_TITLE = _("An andere Organisationseinheit abgegeben")
OWN_ACTION_TITLES = {
    "hand_over": HAND_OVER_TITLE,
    PRINTED_ACTION: PRINTED_TITLE,
    WITHDRAWN_ACTION: WITHDRAWN_TITLE,
    RENEWED_ACTION: RENEWED_TITLE,
}


def action_title(action):
    if not action:
        return ""
    return OWN_ACTION_TITLES.get(action) or transition_title(action)


def _download_url(item):
    return f"{item.absolute_url()}/@@download/file/{item.file.filename}"


class ApplicationDetail:
    """One application as the current user may see it: the citizen or the city's side."""

    def __init__(self, application):
        self.application = application

    @memoize
    def state(self):
        return api.content.get_state(self.application)

    def state_title(self):
        """The state in the reader's language (German on the city's pages)."""
        return state_in(state_title(self.state()), answer_language(getRequest()))

    @memoize
    def is_applicant(self):
        return api.user.get_current().getId() == self.application.applicant

    @memoize
    def is_enterer(self):
        """Whether the current user entered the application for its applicant (assist)."""
        entered_by = self.application.entered_by
        return bool(entered_by) and api.user.get_current().getId() == entered_by

    @memoize
    def is_entering_helper(self):
        """Whether the current user is the Digitallotse who entered the application."""
        entry = self.application.entry or {}
        return self.is_enterer() and entry.get("capacity") == HELPER

    @memoize
    def for_city(self):
        """The city's side (internal notes, actors): neither the applicant nor their helper."""
        return not self.is_applicant() and not self.is_entering_helper()

    def provenance(self):
        """Who entered it for the applicant, in the page's language; "" when the applicant applied."""
        return provenance_text(self.application.entry, answer_language(getRequest()))

    def claim_code(self):
        """The open claim code, for the one who entered the application only."""
        return claim_code(self.application) if self.is_enterer() else None

    @memoize
    def department(self):
        return department_of(self.application)

    def submitted(self):
        submitted = self.application.submitted
        return german_datetime(submitted) if submitted else None

    def rows(self):
        return [row for row in self.application.submitted_data or [] if row.get("value")]

    def _files(self):
        # An application has a handful of files: reading them directly is cheap.
        return [
            item
            for item in self.application.contentValues()
            if item.portal_type == "ApplicationFile"
        ]

    def files(self):
        return [
            {
                "title": item.field_title,
                "filename": item.file.filename,
                "url": _download_url(item),
                "size_kb": max(1, item.file.getSize() // 1024),
            }
            for item in self._files()
        ]

    def next_step(self):
        """What comes next for the citizen (a translatable message)."""
        return next_step(self.application, self.state(), self.department())

    def must_act(self):
        return self.is_applicant() and must_act(self.state())

    def messages(self):
        """The conversation, oldest first; status notices without text are left out."""
        for_city = self.for_city()
        names = {item.getId(): item for item in self._files()}
        result = []
        for entry in visible_messages(self.application, for_city):
            if entry.get("kind") == "note":  # shown with its step in the history
                continue
            if entry.get("kind") == "status" and not entry.get("text"):
                continue
            result.append(
                {
                    "time": german_datetime(entry["time"]),
                    "from_citizen": entry["sender"] == FROM_CITIZEN,
                    "author": entry["author"] if for_city else "",
                    # "geschrieben von Digitallotse X (Organisation) für Y", for every reader
                    "written_for": behalf_text(entry.get("on_behalf")),
                    "text": entry["text"],
                    "files": [
                        {
                            "filename": names[file_id].file.filename,
                            "url": _download_url(names[file_id]),
                        }
                        for file_id in entry.get("files", ())
                        if file_id in names
                    ],
                }
            )
        return result

    def originals(self):
        return [
            {
                "name": item["name"],
                "shown": bool(item.get("shown_at")),
                "shown_at": german_datetime(item["shown_at"]) if item.get("shown_at") else "",
                "checked_by": item.get("checked_by") or "",
            }
            for item in self.application.originals or ()
        ]

    def contact(self):
        """How the applicant hears from the city, with the letters' address."""
        application = self.application
        return {
            "method": contact_method(application),
            "title": contact_title(application),
            "postal_address": application.postal_address if by_letter(application) else None,
            "language": application_language(application),
            "language_title": in_german(LANGUAGE_NAMES[application_language(application)]),
        }

    def letters(self):
        """The letters written instead of mails, for the city only (the applicant gets them by post).

        Not for the applicant, nor for a helper who entered the application: the department's.
        """
        roles = set(api.user.get_current().getRolesInContext(self.application))
        if self.is_applicant() or not CITY_ROLES & roles:
            return []
        url = self.application.absolute_url()
        return [
            {
                "title": letter["kind_title"],
                "subject": letter["subject"],
                "created": german_datetime(letter["created"]),
                "printed": german_datetime(letter["printed"]) if letter["printed"] else None,
                "printed_by": letter["printed_by"],
                "url": f"{url}/@@brief?id={letter['id']}",
            }
            for letter in letters_of(self.application)
        ]

    def workflow_history(self):
        return list((self.application.workflow_history or {}).get(WORKFLOW_ID, ()))

    def open_request(self):
        """The clerk's text of the latest information request."""
        for entry in reversed(self.workflow_history()):
            if entry.get("action") == "request_info":
                return entry.get("comments") or ""
        return ""

    def history(self):
        """Every step with who, when and comment, newest first; the citizen sees no internal comments."""
        for_city = self.for_city()
        notes = notes_by_step(self.application) if for_city else {}
        entries = []
        for entry in self.workflow_history():
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
                    "state": state_in(
                        state_title(entry.get("review_state")), answer_language(getRequest())
                    ),
                    "time": german_datetime(entry["time"]) if entry.get("time") else "",
                    "actor": entry.get("actor") if for_city else "",
                    "comment": comment,
                    "internal": internal and for_city,
                }
            )
        return list(reversed(entries))

    def as_json(self):
        """The detail as the REST API gives it (``GET <application>/@antrag``)."""
        application = self.application
        return {
            "@id": application.absolute_url(),
            "reference_number": application.reference_number,
            "service_title": application.service_title,
            "review_state": self.state(),
            "state_title": self.state_title(),
            "must_act": self.must_act(),
            "next_step": in_request_language(self.next_step()),
            "submitted": self.submitted(),
            "data": [{"title": row["title"], "value": row["value"]} for row in self.rows()],
            "originals": self.originals(),
            "history": self.history(),
            "messages": self.messages(),
            "documents": self.files(),
            "contact": self.contact(),
            "letters": self.letters(),
            "receipt": f"{application.absolute_url()}/@@receipt"
            if application.reference_number
            else None,
            "erfasst": provenance_json(application),
            "zuordnungscode": self.claim_code(),
            "termin": self.own_visit_json(),
            "fachverfahren": delivery_summary(application),
        }

    def own_visit_json(self):
        """The open visit with its move and cancel services, for the applicant only."""
        if owner_refusal(self.application) is not None:
            return None
        booking = open_visit(self.application.UID(), utcnow())[1]
        return visit_json(self.application.absolute_url(), booking) if booking else None
