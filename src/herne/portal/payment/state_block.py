"""The payment block of the application page: state, amount, reference, and the way to pay (again)."""

from herne.portal import _
from herne.portal.payment.amount import euro_text
from herne.portal.payment.flow import open_pay_url
from herne.portal.payment.flow import payment_of
from herne.portal.payment.provider import CANCELLED
from herne.portal.payment.provider import FAILED
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import PENDING
from herne.portal.payment.refunds import may_mark_refunded
from herne.portal.payment.refunds import refund_of
from herne.portal.payment.summary import METHODS
from plone import api
from plone.protect.authenticator import createToken
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


STATES = {
    PENDING: _(
        "Die Zahlung ist offen oder noch nicht bestätigt. Der Antrag wird abgeschickt, sobald sie bestätigt ist."
    ),
    PAID: _("Bezahlt."),
    CANCELLED: _("Die Zahlung wurde abgebrochen. Der Antrag ist noch nicht abgeschickt."),
    FAILED: _("Die Zahlung ist fehlgeschlagen. Der Antrag ist noch nicht abgeschickt."),
}
STYLES = {
    PENDING: "alert-warning",
    PAID: "alert-success",
    CANCELLED: "alert-danger",
    FAILED: "alert-danger",
}


class PaymentStateBlock(BrowserView):
    """Empty for an application without a payment; shown to whoever may see the application."""

    template = ViewPageTemplateFile("templates/payment_state.pt")

    def __call__(self):
        self.record = payment_of(self.context)
        if not self.record:
            return ""
        return self.template()

    @property
    def is_draft(self):
        return api.content.get_state(self.context) == "draft"

    def state_text(self):
        return translate(STATES.get(self.record.get("state"), ""), context=self.request)

    def css_class(self):
        return STYLES.get(self.record.get("state"), "alert-light")

    def amount(self):
        return str(self.record.get("amount", "")).replace(".", ",")

    def lines(self):
        """What the amount is made of: "2 × 5,00 € je weiteres Exemplar", one per line."""
        lines = []
        for line in self.record.get("lines") or ():
            amount = euro_text(line["amount"])
            if line.get("quantity", 1) > 1:
                text = f"{line['quantity']} × {line['label']}: {amount} €"
            else:
                text = f"{line['label']}: {amount} €"
            lines.append({"text": text})
        return lines

    def method(self):
        method = self.record.get("method", "")
        return translate(METHODS[method], context=self.request) if method in METHODS else method

    def is_applicant(self):
        return api.user.get_current().getId() == getattr(self.context, "applicant", None)

    def pay_url(self):
        return open_pay_url(self.context) if self.is_applicant() else None

    def may_pay_again(self):
        return (
            self.is_applicant()
            and self.is_draft
            and self.record.get("state") in (CANCELLED, FAILED)
        )

    def refund(self):
        return refund_of(self.context)

    def may_mark_refunded(self):
        return may_mark_refunded(self.context)

    def authenticator(self):
        return createToken()
