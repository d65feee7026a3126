"""The page "Termin anzeigen" for the phone at the counter: the booking with its code as a QR image.

Reached with the mail's token link (no login), like its QR image and calendar file; a
wrong or used token gets 404 and nothing of any booking.
"""

from herne.portal import _
from herne.portal.applications.office import office as office_of
from herne.portal.booking.bookings import NOT_FOUND
from herne.portal.booking.calendar_file import booking_calendar
from herne.portal.booking.code_image import code_png
from herne.portal.booking.day_list import STATE_TITLES
from herne.portal.booking.links import CALENDAR_FILE
from herne.portal.booking.links import CANCEL_PAGE
from herne.portal.booking.links import MOVE_PAGE
from herne.portal.booking.links import QR_IMAGE
from herne.portal.booking.links import link_query
from herne.portal.booking.move import movable
from herne.portal.booking.offices import unrestricted_object
from herne.portal.booking.storage import utcnow
from herne.portal.browser.booking_link_pages import BookingLinkPage
from herne.portal.browser.booking_token import keep_private
from herne.portal.browser.booking_token import linked_booking
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class ShowBookingPage(BookingLinkPage):
    """The booking's time, place, service, code and state, the QR code, and links to change it."""

    index = ViewPageTemplateFile("templates/termin_anzeigen.pt")
    title = _("Ihr Termin")

    def refusal_before_action(self):
        if self.request.method == "POST":  # nothing to do here
            return NOT_FOUND
        return None

    def details(self):
        return [
            *super().details(),
            {
                "label": _("Stand"),
                "value": STATE_TITLES.get(self.booking["state"], self.booking["state"]),
            },
        ]

    def link(self, page):
        query = link_query(self.office, self.booking, self.field("token"))
        return f"{api.portal.get().absolute_url()}/@@{page}?{query}"

    def qr_url(self):
        return self.link(QR_IMAGE)

    def calendar_url(self):
        return self.link(CALENDAR_FILE)

    def changeable(self):
        """Still ahead and holding its place: it can be moved or cancelled."""
        return movable(self.booking, utcnow())

    def move_url(self):
        return self.link(MOVE_PAGE)

    def cancel_url(self):
        return self.link(CANCEL_PAGE)

    def qr_alt(self):
        return _("QR-Code des Buchungscodes ${code}", mapping={"code": self.booking["code"]})


class BookingFile(BrowserView):
    """A file of the booking the link names; 404 with a German text for any other link."""

    content_type = None
    filename = None

    def __call__(self):
        response = self.request.response
        keep_private(response)
        response.setHeader("X-Content-Type-Options", "nosniff")
        office, booking = linked_booking(self.request)
        if booking is None:
            response.setStatus(404)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(NOT_FOUND, context=self.request)
        data = self.render(office, booking)
        response.setHeader("Content-Type", self.content_type)
        response.setHeader("Content-Disposition", f'inline; filename="{self.filename}"')
        response.setHeader("Content-Length", str(len(data)))
        return data

    def render(self, office, booking):
        raise NotImplementedError


class BookingQRImage(BookingFile):
    """The booking code as a QR image: only the code, nothing personal."""

    content_type = "image/png"
    filename = "buchungscode.png"

    def render(self, office, booking):
        return code_png(booking["code"])


class BookingCalendarFile(BookingFile):
    """The booking's ``.ics`` file, as attached to the mail."""

    content_type = "text/calendar; charset=utf-8"
    filename = "termin.ics"

    def render(self, office, booking):
        service = unrestricted_object(booking["service"])
        title = service.title if service is not None else ""
        return booking_calendar(booking, office_of(office), title, utcnow())
