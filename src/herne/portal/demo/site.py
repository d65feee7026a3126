"""Settings the demo site gets when `make start` creates it: mail to the demo mail server, eID with the demo provider."""

from herne.portal.demo.background import EID_CLIENT_ID
from herne.portal.demo.background import EID_CLIENT_SECRET
from herne.portal.demo.background import eid_issuer
from herne.portal.eid.provider import eid_settings
from herne.portal.eid.secret import set_client_secret
from plone import api


#: who the demo's mails come from
DEMO_SENDER_ADDRESS = "serviceportal@herne.example"
DEMO_SENDER_NAME = "Stadt Herne – Serviceportal"


def configure_demo_mail(host="127.0.0.1", port=8025):
    """Plone's mail settings (control panel "E-Mail") point to the demo mail server."""
    api.portal.set_registry_record("plone.smtp_host", host)
    api.portal.set_registry_record("plone.smtp_port", int(port))
    api.portal.set_registry_record("plone.email_from_address", DEMO_SENDER_ADDRESS)
    api.portal.set_registry_record("plone.email_from_name", DEMO_SENDER_NAME)


def configure_demo_eid(port=8090):
    """eID log-in offered, with the demo OpenID provider that `make start` runs on ``port``."""
    settings = eid_settings()
    settings.issuer = eid_issuer(port)
    settings.client_id = EID_CLIENT_ID
    set_client_secret(EID_CLIENT_SECRET)
    settings.enabled = True
