"""The citizen's pages of a payment: back from the pay page, and paying again."""

from herne.portal import _
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.flow import payment_of
from herne.portal.payment.flow import settle
from herne.portal.payment.flow import start_payment
from herne.portal.payment.provider import CANCELLED
from herne.portal.payment.provider import FAILED
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import PENDING
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.authenticator import createToken
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden
from zope.i18n import translate
from zope.interface import alsoProvides


HEADINGS = {
    CANCELLED: _("Zahlung abgebrochen"),
    FAILED: _("Zahlung fehlgeschlagen"),
    PENDING: _("Zahlung noch nicht bestätigt"),
    None: _("Zahlung nicht möglich"),
}
TEXTS = {
    CANCELLED: _(
        "Sie haben die Zahlung abgebrochen. Ihr Antrag ist als Entwurf gespeichert und wurde "
        "noch nicht abgeschickt. Sie können jetzt erneut bezahlen."
    ),
    FAILED: _(
        "Der Bezahldienst konnte die Zahlung nicht ausführen. Ihr Antrag ist als Entwurf "
        "gespeichert und wurde noch nicht abgeschickt. Sie können jetzt erneut bezahlen."
    ),
    PENDING: _(
        "Der Bezahldienst hat Ihre Zahlung noch nicht bestätigt. Sobald die Bestätigung da ist, "
        "wird Ihr Antrag abgeschickt; Ihr Postkorb zeigt den Stand. Bitte bezahlen Sie nicht "
        "ein zweites Mal."
    ),
}
PAID_NOTICE = _("Vielen Dank, Ihre Zahlung ist eingegangen. Ihr Aktenzeichen: ${reference}")


class PaymentReturnView(BrowserView):
    """Where the pay page sends the citizen back: the state is read from the payment service only."""

    template = ViewPageTemplateFile("templates/payment_outcome.pt")

    def __call__(self):
        # Settling writes on a GET: it follows the payment service's state, not the request's.
        alsoProvides(self.request, IDisableCSRFProtection)
        self.error = None
        try:
            self.state = settle(self.context)
        except PaymentServiceError as error:
            self.state, self.error = None, error.message
        if self.state == PAID:
            IStatusMessage(self.request).add(
                _(PAID_NOTICE, mapping={"reference": self.context.reference_number}),
                type="info",
            )
            self.request.response.redirect(self.context.absolute_url())
            return ""
        if self.state is None and self.error is None:
            self.request.response.redirect(self.context.absolute_url())
            return ""
        return self.template()

    def heading(self):
        return translate(HEADINGS[self.state], context=self.request)

    def text(self):
        return translate(self.error or TEXTS[self.state], context=self.request)

    def amount(self):
        record = payment_of(self.context) or {}
        return record.get("amount", "").replace(".", ",")

    def may_pay_again(self):
        return self.state in (CANCELLED, FAILED) and api.content.get_state(self.context) == "draft"

    def authenticator(self):
        return createToken()


class PayAgainView(BrowserView):
    """POST only, with the CSRF token: a new payment for a cancelled or failed one.

    A payment still open is never opened twice: the citizen goes back to its pay page.
    """

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        application = self.context
        record = payment_of(application)
        if not record or api.content.get_state(application) != "draft":
            raise Forbidden("No payment to make")
        if record.get("state") == PENDING:
            self.request.response.redirect(record["pay_url"])
            return ""
        try:
            pay_url = start_payment(application)
        except PaymentServiceError as error:
            IStatusMessage(self.request).add(error.message, type="error")
            self.request.response.redirect(application.absolute_url())
            return ""
        self.request.response.redirect(pay_url)
        return ""
