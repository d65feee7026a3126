"""The visit of an application on its page: the link "Termin buchen", the booked time, and cancelling it."""

from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.booking.application_visit import booking_url
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.application_visit import owner_refusal
from herne.portal.booking.bookings import cancel
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden


CANCEL_VIEW = "antrag-termin-absagen"


class ApplicationVisit:
    """Mixin of the application page: for its applicant only."""

    def _visit_booking(self):
        if "_visit" not in self.__dict__:
            self._visit = (
                open_booking(self.context, utcnow())
                if owner_refusal(self.context) is None
                else None
            )
        return self._visit

    def visit_booking_url(self):
        """The link "Termin buchen" while the application needs a visit and none is booked."""
        if owner_refusal(self.context) is not None or self._visit_booking() is not None:
            return None
        return booking_url(self.context)

    def booked_visit(self):
        """The booked time as German text (with code), or None."""
        booking = self._visit_booking()
        if booking is None:
            return None
        local = booking["start"].astimezone(BERLIN)
        return _(
            "Ihr Termin: ${date} um ${time} Uhr (Buchungscode ${code})",
            mapping={
                "date": local.strftime("%d.%m.%Y"),
                "time": local.strftime("%H:%M"),
                "code": booking["code"],
            },
        )

    def visit_cancel_url(self):
        return f"{self.context.absolute_url()}/@@{CANCEL_VIEW}"


class CancelApplicationVisit(BrowserView):
    """POST only, with the CSRF token: the applicant cancels the application's open booking."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if owner_refusal(self.context) is not None:
            raise Forbidden("Not your application")
        booking = open_booking(self.context, utcnow())
        if booking is not None:
            cancel(department_of(self.context), booking)
            IStatusMessage(self.request).add(_("Ihr Termin wurde abgesagt."), type="info")
        self.request.response.redirect(self.context.absolute_url())
        return ""
