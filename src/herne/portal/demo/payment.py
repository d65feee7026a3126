"""The demo site paying online with the test payment service that ``HERNE_PAYMENT=1 make start`` runs."""

from plone import api


#: The test payment service's log-in (herne.portal.payment.sandbox's defaults).
DEMO_PAYMENT_USER = "herne"
DEMO_PAYMENT_PASSWORD = "herne-pay-secret"
DEMO_ORIGINATOR = "herne"
DEMO_ENDPOINT = "stadtkasse"
#: The demo services whose fees are paid online (each has a demo form).
DEMO_PAID_SERVICES = ("bewohnerparkausweis", "fuehrungszeugnis")
PREFIX = "herne.portal.payment"


def configure_demo_payment(port=8091, host="127.0.0.1", services=None):
    """E-payment on, with the test payment service on ``port``; returns the services switched on.

    ``services`` (ids) instead of DEMO_PAID_SERVICES.
    """
    from herne.portal.payment.credentials import set_payment_password

    api.portal.set_registry_record(f"{PREFIX}.enabled", True)
    api.portal.set_registry_record(f"{PREFIX}.base_url", f"http://{host}:{int(port)}")
    api.portal.set_registry_record(f"{PREFIX}.originator_id", DEMO_ORIGINATOR)
    api.portal.set_registry_record(f"{PREFIX}.default_endpoint_id", DEMO_ENDPOINT)
    api.portal.set_registry_record(f"{PREFIX}.username", DEMO_PAYMENT_USER)
    set_payment_password(DEMO_PAYMENT_PASSWORD)
    folder = api.portal.get().get("leistungen")
    switched = []
    for service_id in services or DEMO_PAID_SERVICES:
        service = folder.get(service_id) if folder is not None else None
        if service is not None:
            service.payment_enabled = True
            service.reindexObject()
            switched.append(service_id)
    return switched
