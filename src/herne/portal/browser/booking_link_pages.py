"""The pages behind the confirm and cancel links of the booking mail: show the booking, change it on POST only.

Mail scanners open links before the citizen does, so opening a link never changes
anything; the button's POST does. The token in the link is the authorisation (no
login); the form also carries Plone's authenticator, checked on the POST.
"""

from herne.portal import _
from herne.portal.applications.office import office as office_of
from herne.portal.booking.bookings import NOT_FOUND
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import confirm
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import utcnow
from herne.portal.browser.booking_token import LINK_FIELDS
from herne.portal.browser.booking_token import keep_private
from herne.portal.browser.booking_token import link_field
from herne.portal.browser.booking_token import linked_booking
from herne.portal.formats import german_date
from herne.portal.formats import german_time
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


EXPIRED = _("Die Reservierung ist abgelaufen; bitte buchen Sie den Termin erneut.")


class BookingLinkPage(BrowserView):
    """One booking, found by office, time, code and the link's token; a button that acts on it."""

    index = ViewPageTemplateFile("templates/booking_link_page.pt")
    token_kind = "token_hash"
    title = None
    lead = None
    button = None
    done_message = None

    def __call__(self):
        keep_private(self.request.response)
        self.refusal = None
        self.done = False
        self.office, self.booking = linked_booking(self.request, self.token_kind)
        if self.booking is None:
            return self.refuse(404, NOT_FOUND)
        refusal = self.refusal_before_action()
        if refusal is not None:
            return self.refuse(400, refusal)
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            changed = self.act()
            if changed is None:
                return self.refuse(400, EXPIRED)
            self.booking = changed
            self.done = True
        return self.index()

    def field(self, name):
        return link_field(self.request, name)

    def refuse(self, status, message):
        self.request.response.setStatus(status)
        self.refusal = message
        self.booking = None
        return self.index()

    def refusal_before_action(self):
        return None

    def act(self):
        raise NotImplementedError

    def link_fields(self):
        return [{"name": name, "value": self.field(name)} for name in LINK_FIELDS]

    def details(self):
        """What the page shows: time, office, service and code (not the citizen's name or address)."""
        booking = self.booking
        place = office_of(self.office)
        service = api.content.get(UID=booking["service"])
        return [
            {
                "label": _("Wann"),
                "value": _(
                    "${date} um ${time} Uhr",
                    mapping={
                        "date": german_date(booking["start"]),
                        "time": german_time(booking["start"]),
                    },
                ),
            },
            {"label": _("Wo"), "value": ", ".join((place.title, *place.address))},
            {"label": _("Leistung"), "value": service.title if service is not None else ""},
            {"label": _("Buchungscode"), "value": booking["code"]},
        ]


class ConfirmBookingPage(BookingLinkPage):
    token_kind = "confirm_hash"
    title = _("Termin bestätigen")
    lead = _("Bitte bestätigen Sie Ihren Termin. Erst dann ist er fest für Sie reserviert.")
    button = _("Termin bestätigen")
    done_message = _("Ihr Termin ist bestätigt. Wir freuen uns auf Ihren Besuch.")

    def refusal_before_action(self):
        booking = self.booking
        if booking["state"] != BOOKED or booking["hold_until"] <= utcnow():
            return EXPIRED
        return None

    def act(self):
        return confirm(self.office, self.booking, utcnow())


class CancelBookingPage(BookingLinkPage):
    title = _("Termin absagen")
    lead = _("Möchten Sie diesen Termin absagen? Die Zeit wird dann für andere frei.")
    button = _("Termin absagen")
    done_message = _("Ihr Termin ist abgesagt.")

    def act(self):
        return cancel(self.office, self.booking)
