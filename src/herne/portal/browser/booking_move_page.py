"""The page "Termin verschieben" behind the mail's link: a free time of the same office, service and length.

The same day and time choice as "Termin buchen" (plain forms, no script); the token of the
link authorises, no login. Choosing changes nothing; the button's POST moves the booking.
"""

from herne.portal import _
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import NOT_FOUND
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.links import SHOW_PAGE
from herne.portal.booking.links import page_url
from herne.portal.booking.move import NOT_MOVABLE
from herne.portal.booking.move import movable
from herne.portal.booking.move import move_booking
from herne.portal.booking.move import move_refusal
from herne.portal.booking.move import move_slots
from herne.portal.booking.office import office_settings
from herne.portal.booking.offices import unrestricted_object
from herne.portal.booking.request import NO_START
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
from herne.portal.browser.booking_token import LINK_FIELDS
from herne.portal.browser.booking_token import keep_private
from herne.portal.browser.booking_token import link_field
from herne.portal.browser.booking_token import linked_booking
from herne.portal.browser.termin_buchen import BookingView
from herne.portal.browser.termin_buchen import clock
from herne.portal.browser.termin_buchen import long_date
from herne.portal.restapi.services.termine import parse_date
from herne.portal.restapi.services.termine import parse_start
from plone import api
from plone.protect import CheckAuthenticator
from urllib.parse import urlencode


class MoveBookingPage(BookingView):
    """day → time → confirm → moved; every step carries the link's four fields."""

    step = "day"
    refusal = None
    moved = None
    moved_token = None
    refused_title = _("Dieser Link ist nicht gültig")
    not_found = NOT_FOUND

    def __call__(self):
        keep_private(self.request.response)
        self.errors = {}
        self.now = utcnow()
        self.day = self.start = None
        self.office, self.booking = self.find_booking()
        if self.booking is None:
            return self.refuse(404, self.not_found)
        if not movable(self.booking, self.now):
            return self.refuse(400, NOT_MOVABLE)
        self.settings = office_settings(self.office)
        self.minutes = self.booking["minutes"]
        form = self.request.form
        if self.request.method == "POST":
            return self.submit()
        if form.get("start") is not None:
            return self.show_details(parse_start(form.get("start")))
        if form.get("day") is not None:
            return self.show_times(parse_date(form.get("day")))
        return self.index()

    def find_booking(self):
        """(office, booking) the page moves: here the one the mail's link names."""
        return linked_booking(self.request)

    def refuse(self, status, message):
        self.request.response.setStatus(status)
        self.step = "refused"
        self.refusal = message
        self.booking = None
        return self.index()

    def time_refusal(self, start):
        """The German reason the booking cannot move to ``start``, or None."""
        return move_refusal(self.office, self.booking, start, self.now)

    def submit(self):
        CheckAuthenticator(self.request)
        start = parse_start(self.request.form.get("start"))
        reason = (
            NO_START if start is None else move_refusal(self.office, self.booking, start, self.now)
        )
        if reason is not None:
            return self.refuse_time(start, reason)
        try:
            self.moved, self.moved_token = move_booking(self.office, self.booking, start, self.now)
        except SlotFull:
            return self.refuse_time(start, FULL)
        self.start = start
        self.step = "moved"
        return self.index()

    # What the template shows

    def slots(self, first, last):
        """The times the booking can move to (the day and time choice read them)."""
        return move_slots(self.office, self.booking, first, last, self.now)

    def current_title(self):
        start = self.booking["start"].astimezone(BERLIN)
        return _(
            "${date}, ${time} Uhr",
            mapping={"date": long_date(start.date()), "time": clock(start)},
        )

    def service_title(self):
        service = unrestricted_object(self.booking["service"])
        return service.title if service is not None else ""

    def link_fields(self):
        return [{"name": name, "value": link_field(self.request, name)} for name in LINK_FIELDS]

    def url(self):
        return api.portal.get().absolute_url() + "/@@termin-verschieben"

    def step_url(self, **params):
        fields = {field["name"]: field["value"] for field in self.link_fields()}
        return self.url() + "?" + urlencode({**fields, **params})

    def show_url(self):
        """The new booking's page with its QR code (the new token; the old one no longer works)."""
        return page_url(SHOW_PAGE, self.office, self.moved, self.moved_token)
