"""Whether a service's fees are paid online, and the payment provider that takes them."""

from herne.portal.controlpanels.payment import DEFAULT_BOOKING_TEXT
from herne.portal.controlpanels.payment import SETTINGS_PREFIX
from herne.portal.controlpanels.payment import IPaymentSettings
from herne.portal.controlpanels.payment import booking_text
from herne.portal.controlpanels.payment import parse_endpoints
from herne.portal.payment.amount import amount_due
from herne.portal.payment.credentials import payment_password
from herne.portal.payment.errors import NOT_CONFIGURED
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.provider import XBezahldiensteClient
from herne.portal.payment.service import IServicePayment
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def payment_settings():
    return getUtility(IRegistry).forInterface(IPaymentSettings, prefix=SETTINGS_PREFIX, check=False)


def endpoint_for(department, settings=None):
    """The payment service endpoint taking ``department``'s fees, or "" when there is none."""
    settings = settings or payment_settings()
    endpoints = parse_endpoints(settings.department_endpoints)
    key = department.getId() if department is not None else None
    return endpoints.get(key) or settings.default_endpoint_id or ""


def payment_switched_on(service):
    """The service's own switch "Gebühren online bezahlen" (its behavior may be absent)."""
    behavior = IServicePayment(service, None)
    return bool(behavior is not None and behavior.payment_enabled)


def payment_configured(service):
    """True when the citizen pays ``service``'s fees online: switched on and fully set up."""
    if not payment_switched_on(service):  # the service's own switch first: no registry read
        return False
    settings = payment_settings()
    return bool(
        settings.enabled
        and settings.base_url
        and settings.originator_id
        and endpoint_for(service.department_object(), settings)
    )


def provider_for(service):
    """The payment provider for ``service``'s department; raises PaymentServiceError if none."""
    if not payment_configured(service):
        raise PaymentServiceError(NOT_CONFIGURED, f"payment not configured for {service.getId()}")
    settings = payment_settings()
    return XBezahldiensteClient(
        base_url=settings.base_url,
        originator_id=settings.originator_id,
        endpoint_id=endpoint_for(service.department_object(), settings),
        username=settings.username or "",
        password=payment_password(),
    )


def booking_text_for(service, reference):
    """The booking text on the citizen's statement for a payment ``reference`` of ``service``."""
    pattern = payment_settings().booking_text_pattern
    text = booking_text(pattern, reference, service.title)
    if text is None:
        text = booking_text(DEFAULT_BOOKING_TEXT, reference, service.title)
    return text[:140]


def fees_paid_online(service):
    """True when an application for ``service`` is paid before it is submitted."""
    return payment_configured(service) and amount_due(service) > 0
