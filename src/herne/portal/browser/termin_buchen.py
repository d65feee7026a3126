"""The page "Termin buchen" of a service: office, day, time, name and e-mail in plain HTML forms."""

from babel.dates import format_date
from datetime import timedelta
from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.booking.application_visit import WRONG_OFFICE
from herne.portal.booking.application_visit import account_email
from herne.portal.booking.application_visit import account_name
from herne.portal.booking.application_visit import find_application
from herne.portal.booking.application_visit import refusal as visit_refusal
from herne.portal.booking.application_visit import service_of
from herne.portal.booking.application_visit import visit_minutes
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.office import office_settings
from herne.portal.booking.request import NO_START
from herne.portal.booking.request import booking_errors
from herne.portal.booking.reservation import ReservationRefused
from herne.portal.booking.reservation import reserve
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import compute_slots
from herne.portal.booking.slots import earliest_day
from herne.portal.booking.slots import last_day
from herne.portal.booking.slots import refusal
from herne.portal.booking.storage import taken_counter
from herne.portal.booking.storage import utcnow
from herne.portal.browser.booking_offices import bookable_offices
from herne.portal.restapi.services.termine import office_and_service
from herne.portal.restapi.services.termine import parse_date
from herne.portal.restapi.services.termine import parse_start
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from urllib.parse import urlencode


def long_date(day):
    """ "Dienstag, 2. März 2027": the accessible name of a day."""
    return format_date(day, format="EEEE, d. MMMM y", locale="de_DE")


def clock(moment):
    return moment.astimezone(BERLIN).strftime("%H:%M")


class BookingView(BrowserView):
    """One step per request: office → day → time → name and e-mail → booked."""

    step = "office"
    booking = None
    application = None
    application_uid = None

    def __call__(self):
        self.errors = {}
        self.now = utcnow()
        form = self.request.form
        self.name = form.get("name") if isinstance(form.get("name"), str) else ""
        self.email = form.get("email") if isinstance(form.get("email"), str) else ""
        self.office = self.settings = self.minutes = None
        self.offices = bookable_offices(self.context)
        self.day = self.start = None
        office_id = form.get("office")
        errors = {}
        if form.get("application") is not None:
            refused = self.for_application(form.get("application"), office_id)
            if refused is not None:
                return refused
        elif office_id is None:
            return self.index()
        else:
            office, _service, settings, minutes, errors = office_and_service(
                office_id, self.context.UID()
            )
            if not errors and office in self.offices:
                self.office, self.settings, self.minutes = office, settings, minutes
        if self.office is None:
            self.errors["office"] = errors.get("office") or _(
                "Dieses Amt bietet für diese Leistung keine Termine an."
            )
            return self.index()
        self.step = "day"
        if self.request.method == "POST":
            return self.submit()
        if form.get("start") is not None:
            return self.show_details(parse_start(form.get("start")))
        if form.get("day") is not None:
            return self.show_times(parse_date(form.get("day")))
        return self.index()

    def for_application(self, uid, office_id):
        """Take office and visit length from the citizen's application; a refusal page otherwise.

        Only the applicant books for an application (anyone else: 403, nothing stored).
        """
        application = find_application(uid) if isinstance(uid, str) else None
        service = service_of(application) if application is not None else None
        if application is None or service is None or service.UID() != self.context.UID():
            return self.refuse(400, _("Diesen Antrag gibt es nicht."))
        refused = visit_refusal(application, self.now)
        if refused is not None:
            return self.refuse(*refused)
        office = department_of(application)
        if office is None or office_id not in (None, office.getId()):
            return self.refuse(400, WRONG_OFFICE)
        self.application, self.application_uid = application, application.UID()
        self.offices = [office]
        self.office, self.settings = office, office_settings(office)
        self.minutes = visit_minutes(application)
        self.name = self.name or account_name()
        self.email = self.email or account_email()
        return None

    def refuse(self, status, message):
        self.request.response.setStatus(status)
        self.step = "refused"
        self.errors["application"] = message
        return self.index()

    # Steps

    def show_times(self, day, error=None):
        if day is None or not self.times(day):
            self.errors["day"] = error or _(
                "An diesem Tag gibt es keine freien Termine; bitte wählen Sie einen der "
                "angebotenen Tage."
            )
            return self.index()
        self.day = day
        self.step = "time"
        if error:
            self.errors["start"] = error
        return self.index()

    def time_refusal(self, start):
        """The German reason ``start`` cannot be booked here, or None."""
        return refusal(self.settings, self.minutes, start, self.now)

    def show_details(self, start):
        """The confirm step, or the times of the day again with the reason next to them."""
        reason = NO_START if start is None else self.time_refusal(start)
        if reason is None and start.astimezone(BERLIN).isoformat() not in {
            time["value"] for time in self.times(start.astimezone(BERLIN).date())
        }:
            reason = FULL
        if reason is not None:
            return self.refuse_time(start, reason)
        self.start = start
        self.step = "details"
        return self.index()

    def refuse_time(self, start, message):
        """The times of the day again, with the message next to them (or the days)."""
        day = start.astimezone(BERLIN).date() if start is not None else None
        if day is not None and self.times(day):
            return self.show_times(day, message)
        self.errors["day"] = message
        return self.index()

    def submit(self):
        CheckAuthenticator(self.request)
        start = parse_start(self.request.form.get("start"))
        errors = booking_errors(self.settings, self.minutes, start, self.name, self.email, self.now)
        if "start" in errors:
            return self.refuse_time(start, errors["start"])
        self.start = start
        self.step = "details"
        if errors:
            self.errors.update(errors)
            return self.index()
        try:
            booking, _token = reserve(
                self.office,
                self.context,
                start,
                self.settings.capacity,
                self.now,
                self.name.strip(),
                self.email.strip(),
                self.application,
                self.minutes,
            )
        except ReservationRefused as refused:
            if refused.field == "application":
                return self.refuse(400, refused.message)
            self.errors[refused.field] = refused.message
            return self.index()
        except SlotFull:
            return self.refuse_time(start, FULL)
        self.booking = booking
        self.step = "booked"
        return self.index()

    # What the template shows

    def slots(self, first, last):
        return [
            slot
            for slot in compute_slots(
                self.settings,
                self.minutes,
                first,
                last,
                self.now,
                taken_counter(self.office, first, last, self.now),
            )
            if slot.free > 0
        ]

    def weeks(self):
        """The days with free times up to the horizon, grouped by week: [{"title", "days"}]."""
        first, last = earliest_day(self.now), last_day(self.settings, self.now)
        days = sorted({slot.start.date() for slot in self.slots(first, last)})
        weeks = []
        for day in days:
            monday = day - timedelta(days=day.weekday())
            if not weeks or weeks[-1]["monday"] != monday:
                weeks.append(
                    {
                        "monday": monday,
                        "title": _("Woche ab ${date}", mapping={"date": long_date(monday)}),
                        "days": [],
                    }
                )
            weeks[-1]["days"].append({"value": day.isoformat(), "title": long_date(day)})
        return weeks

    def times(self, day):
        return [
            {
                "value": slot.start.isoformat(),
                "time": clock(slot.start),
                "free": slot.free,
                "id": "herne-time-" + clock(slot.start).replace(":", ""),
            }
            for slot in self.slots(day, day)
        ]

    def day_title(self):
        return long_date(self.day or self.start.astimezone(BERLIN).date())

    def start_title(self):
        return _(
            "${date}, ${time} Uhr",
            mapping={
                "date": long_date(self.start.astimezone(BERLIN).date()),
                "time": clock(self.start),
            },
        )

    def start_time(self):
        return clock(self.start)

    def start_day(self):
        return self.start.astimezone(BERLIN).date().isoformat()

    def start_value(self):
        return self.start.isoformat()

    def selected_start(self):
        value = self.request.form.get("start")
        return value if isinstance(value, str) else None

    def free_text(self, free):
        return _("${count} frei", mapping={"count": free})

    def url(self):
        return self.context.absolute_url() + "/@@termin-buchen"

    def step_url(self, **params):
        if self.application_uid:
            params["application"] = self.application_uid
        return self.url() + ("?" + urlencode(params) if params else "")
