"""The page "Tagesliste" of an office: its bookings of one day, check-in, done, no-show, booking for a caller, cancelling and moving for a caller, print view."""

from datetime import date
from datetime import timedelta
from herne.portal import _
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.caller_booking import book_for_caller
from herne.portal.booking.caller_booking import free_times
from herne.portal.booking.caller_booking import office_services
from herne.portal.booking.counter_application import visit_for
from herne.portal.booking.counter_changes import cancel_for_caller
from herne.portal.booking.counter_changes import changeable
from herne.portal.booking.counter_changes import move_for_caller
from herne.portal.booking.counter_changes import move_times
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
from herne.portal.browser.termin_buchen import long_date
from herne.portal.i18n import in_german
from herne.portal.restapi.services.termine import parse_start
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized


#: The buttons of a row: form value → state.
ROW_ACTIONS = {"erledigt": DONE, "nicht-erschienen": NO_SHOW}
#: The steps of cancelling and moving a caller's booking: asking shows the confirmation page.
CHANGE_STEPS = ("absagen", "absagen-bestaetigen", "verschieben", "verschieben-bestaetigen")
BAD_DATE = _("Bitte geben Sie das Datum als JJJJ-MM-TT an, zum Beispiel 2027-03-02.")


class DayListView(BrowserView):
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

    def change_step(self, action, code):
        """Ask before cancelling or moving a caller's booking, then do it; refusals go next to their field."""
        try:
            if action == "absagen-bestaetigen":
                self.cancelled(cancel_for_caller(self.context, self.day, code, self.now))
            elif action == "verschieben-bestaetigen":
                start = parse_start(self.request.form.get("start"))
                self.moved(*move_for_caller(self.context, self.day, code, start, self.now))
            else:
                self.ask(action, code)
        except CallerBookingRefused as refused:
            if "code" in refused.errors:
                self.errors["code"] = refused.errors["code"]
                return
            self.errors.update(refused.errors)
            self.ask("verschieben", code)

    def ask(self, action, code):
        """Show the confirmation page of ``action`` for the booking ``code`` (refused as the change would be)."""
        booking = changeable(self.context, self.day, code, self.now)
        self.booking = {**describe(booking), "has_email": bool(booking["email"])}
        self.pending = action
        if action == "verschieben":
            raw = self.request.form.get("neuer_tag")
            self.move_day = self.day
            if isinstance(raw, str) and raw:
                try:
                    self.move_day = date.fromisoformat(raw)
                except ValueError:
                    self.errors["neuer_tag"] = BAD_DATE

    def move_times(self):
        booking = changeable(self.context, self.day, self.booking["code"], self.now)
        return move_times(self.context, booking, self.move_day, self.now)

    def cancelled(self, booking):
        mapping = {"code": booking["code"], "name": booking["name"]}
        if booking["email"]:
            self.message = _(
                "Termin ${code} von ${name} ist abgesagt; die Absage geht per E-Mail an die "
                "hinterlegte Adresse.",
                mapping=mapping,
            )
        else:
            self.message = _(
                "Termin ${code} von ${name} ist abgesagt. Es ist keine E-Mail-Adresse "
                "hinterlegt: Bitte sagen Sie es der Person selbst.",
                mapping=mapping,
            )

    def moved(self, old, new):
        start = new["start"].astimezone(BERLIN)
        self.message = _(
            "Termin ${old} ist verschoben auf ${date} um ${time} Uhr, neuer Code ${code}.",
            mapping={
                "old": old["code"],
                "date": start.strftime("%d.%m.%Y"),
                "time": start.strftime("%H:%M"),
                "code": new["code"],
            },
        )

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
