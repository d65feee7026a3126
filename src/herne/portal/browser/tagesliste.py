"""The page "Tagesliste" of an office: its bookings of one day, check-in, done, no-show, booking for a caller, cancelling and moving for a caller, print view."""

from datetime import date
from datetime import timedelta
from herne.portal import _
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.caller_booking import book_for_caller
from herne.portal.booking.caller_booking import free_times
from herne.portal.booking.caller_booking import office_services
from herne.portal.booking.counter_application import visit_for
from herne.portal.booking.counter_clerks import is_office_clerk
from herne.portal.booking.day_list import ARRIVED
from herne.portal.booking.day_list import DONE
from herne.portal.booking.day_list import MOVES
from herne.portal.booking.day_list import NO_SHOW
from herne.portal.booking.day_list import CounterRefusal
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.day_list import describe
from herne.portal.booking.day_list import mark
from herne.portal.booking.move import movable
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
from herne.portal.browser.tagesliste_changes import BAD_DATE
from herne.portal.browser.tagesliste_changes import CHANGE_STEPS
from herne.portal.browser.tagesliste_changes import CounterChanges
from herne.portal.browser.termin_buchen import long_date
from herne.portal.german_pages import IGermanPage
from herne.portal.i18n import in_german
from herne.portal.restapi.services.termine import parse_start
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.interface import implementer


#: The buttons of a row: form value → state.
ROW_ACTIONS = {"erledigt": DONE, "nicht-erschienen": NO_SHOW}


@implementer(IGermanPage)
class DayListView(CounterChanges, BrowserView):
    """``@@tagesliste?date=YYYY-MM-DD``: for the clerks of this office only."""

    table = ViewPageTemplateFile("templates/tagesliste_table.pt")
    change_page = ViewPageTemplateFile("templates/tagesliste_aendern.pt")

    def __call__(self):
        if not is_office_clerk(self.context):
            raise Unauthorized("Tagesliste")
        self.now = utcnow()
        self.errors = {}
        self.message = None
        form = self.request.form
        raw = form.get("date")
        try:
            self.day = date.fromisoformat(raw) if isinstance(raw, str) else self.today()
        except ValueError:
            self.day = self.today()
            self.errors["date"] = BAD_DATE
        self.services = office_services(self.context)
        self.service = self.chosen_service()
        self.name = self.text_field("name")
        self.email = self.text_field("email")
        self.reference = self.text_field("application")
        self.pending = None  # "absagen" or "verschieben" while the clerk confirms
        self.visit = self.application_visit()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            redirect = self.handle_post(form)
            if redirect:
                return self.request.response.redirect(redirect)
            if self.pending:
                return self.change_page()
        return self.index()

    def text_field(self, name):
        value = self.request.form.get(name)
        return value if isinstance(value, str) else ""

    def today(self):
        return utcnow().astimezone(BERLIN).date()

    def chosen_service(self):
        uid = self.request.form.get("service")
        for service in self.services:
            if service.UID() == uid:
                return service
        return self.services[0] if self.services else None

    def handle_post(self, form):
        action = form.get("action")
        code = form.get("code")
        try:
            if action == "einchecken":
                booking = mark(self.context, self.day, code, ARRIVED, self.now)
                if booking.get("application"):
                    application = api.content.get(UID=booking["application"])
                    if application is not None:
                        return application.absolute_url()
                self.message = _("${name} ist erschienen.", mapping={"name": booking["name"]})
            elif action in ROW_ACTIONS:
                booking = mark(self.context, self.day, code, ROW_ACTIONS[action], self.now)
                self.message = _(
                    "Termin ${code}: ${state}.",
                    mapping={"code": booking["code"], "state": describe(booking)["state_title"]},
                )
            elif action == "buchen":
                self.book_for_caller(form)
            elif action in CHANGE_STEPS:
                self.change_step(action, code)
        except CounterRefusal as refusal:
            self.errors["code"] = refusal.message
        return None

    def book_for_caller(self, form):
        chosen = self.service is not None and form.get("service") == self.service.UID()
        service = self.service if chosen else None
        try:
            booking, _token = book_for_caller(
                self.context,
                service,
                parse_start(form.get("start")),
                self.name,
                self.email,
                self.now,
                self.reference,
            )
        except CallerBookingRefused as refused:
            self.errors.update(refused.errors)
            return
        self.name = self.email = self.reference = ""
        self.visit = None
        self.message = _(
            "Termin ${code} um ${time} Uhr für ${name} ist gebucht und bestätigt.",
            mapping={
                "code": booking["code"],
                "time": booking["start"].astimezone(BERLIN).strftime("%H:%M"),
                "name": booking["name"],
            },
        )

    def application_visit(self):
        """The visit for the application the clerk named (to offer its times), else None."""
        if not self.reference.strip():
            return None
        try:
            return visit_for(self.context, self.reference, self.now)
        except ValueError as refusal:
            self.errors["application"] = refusal.args[0]
            return None

    def booked_service(self):
        """The service the caller form books: the named application's, else the one chosen."""
        return self.visit.service if self.visit is not None else self.service

    def free_times(self):
        if self.visit is not None:
            return free_times(
                self.context, self.visit.service, self.day, self.now, self.visit.minutes
            )
        if self.service is None:
            return []
        return free_times(self.context, self.service, self.day, self.now)

    def rows(self):
        rows = []
        for booking in day_bookings(self.context, self.day, self.now):
            row = describe(booking)
            row["can_finish"] = booking["state"] in MOVES[DONE] and booking["state"] != DONE
            row["can_miss"] = booking["state"] in MOVES[NO_SHOW] and booking["state"] != NO_SHOW
            row["can_change"] = movable(booking, self.now)
            rows.append(row)
        return rows

    def day_title(self):
        return long_date(self.day)

    def day_url(self, days=0, view="tagesliste"):
        day = self.day + timedelta(days=days)
        return f"{self.context.absolute_url()}/@@{view}?date={day.isoformat()}"

    def message_text(self):
        return in_german(self.message) if self.message else None

    def error(self, field):
        message = self.errors.get(field)
        return in_german(message) if message else None


class DayListPrintView(DayListView):
    """``@@tagesliste-drucken``: the same list without navigation or forms, for the printer."""

    def __call__(self):
        if not is_office_clerk(self.context):
            raise Unauthorized("Tagesliste")
        if self.request.method == "POST":
            raise Unauthorized("Tagesliste")
        return super().__call__()
