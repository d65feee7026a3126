"""``GET <application>/@zahlung``: the payment state, asked of the payment service while it is open."""

from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.flow import settle
from herne.portal.payment.summary import payment_json
from herne.portal.restapi.services.base import JSONService
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class PaymentGet(JSONService):
    """Whoever may see the application sees its payment; an open one is settled first."""

    def reply(self):
        # Settling follows the payment service's state, never the request's: safe on a GET.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            settle(self.context)
        except PaymentServiceError as error:
            return self.error(503, message=error.message)
        return {
            "@id": f"{self.context.absolute_url()}/@zahlung",
            "application": self.context.absolute_url(),
            "state": api.content.get_state(self.context),
            "reference_number": getattr(self.context, "reference_number", None) or None,
            **payment_json(self.context),
        }
