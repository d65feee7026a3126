"""The visit of an application on its page and in the Postkorb: "Termin buchen", the booked time, moving and cancelling it."""

from herne.portal import _
from herne.portal.booking.application_visit import booking_url
from herne.portal.booking.application_visit import owner_refusal
from herne.portal.booking.own_visit import NO_OPEN_VISIT
from herne.portal.booking.own_visit import VisitRefused
from herne.portal.booking.own_visit import cancel_own_visit
from herne.portal.booking.own_visit import open_visit
from herne.portal.booking.own_visit import own_visit
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
from herne.portal.browser.booking_move_page import MoveBookingPage
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden


CANCEL_VIEW = "antrag-termin-absagen"
MOVE_VIEW = "antrag-termin-verschieben"


def visit_text(booking):
    """ "Ihr Termin: 02.03.2027 um 09:05 Uhr (Buchungscode …)" for the applicant."""
    local = booking["start"].astimezone(BERLIN)
    return _(
        "Ihr Termin: ${date} um ${time} Uhr (Buchungscode ${code})",
        mapping={
            "date": local.strftime("%d.%m.%Y"),
            "time": local.strftime("%H:%M"),
            "code": booking["code"],
        },
    )


class ApplicationVisit:
    """Mixin of the application page: for its applicant only."""

    def _visit_booking(self):
        if "_visit" not in self.__dict__:
            self._visit = (
                open_visit(self.context.UID(), utcnow())[1]
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
        return visit_text(booking) if booking is not None else None

    def visit_cancel_url(self):
        return f"{self.context.absolute_url()}/@@{CANCEL_VIEW}"

    def visit_move_url(self):
        return f"{self.context.absolute_url()}/@@{MOVE_VIEW}"


class CancelApplicationVisit(BrowserView):
    """POST only, with the CSRF token: the applicant cancels the application's open booking.

    Back to the application page, or to the Postkorb when the form came from there.
    """

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        try:
            cancel_own_visit(self.context, utcnow())
        except VisitRefused as refused:
            if refused.status == 403:
                raise Forbidden("Not your application") from None
            messages.add(NO_OPEN_VISIT, type="warning")
        else:
            messages.add(_("Ihr Termin wurde abgesagt."), type="info")
        back = self.context.absolute_url()
        if self.request.form.get("zurueck") == "postkorb":
            back = api.portal.get().absolute_url() + "/@@postkorb"
        self.request.response.redirect(back)
        return ""


class MoveApplicationVisit(MoveBookingPage):
    """ "Termin verschieben" for the signed-in applicant: the same steps as the mail's link, no token.

    Anyone but the applicant gets 403 before anything of a booking is shown.
    """

    refused_title = _("Kein Termin zum Verschieben")
    not_found = NO_OPEN_VISIT

    def find_booking(self):
        try:
            return own_visit(self.context, utcnow())
        except VisitRefused as refused:
            if refused.status == 403:
                raise Forbidden("Not your application") from None
            return None, None

    def link_fields(self):
        return []

    def url(self):
        return f"{self.context.absolute_url()}/@@{MOVE_VIEW}"
