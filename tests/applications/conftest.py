"""The portal mailing to the real SMTP server, and citizen browsers for the application tests."""

from plone import api
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture()
def demo_portal(demo_functional):
    return demo_functional["portal"]


@pytest.fixture()
def citizen(demo_functional):
    """A logged-in browser of a demo citizen."""

    def make(username="buerger"):
        browser = Browser(demo_functional["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "de")
        browser.addHeader("Authorization", f"Basic {username}:demo-{username}-2026")
        return browser

    return make


@pytest.fixture()
def browser_as(demo_functional):
    """A logged-in browser for any user name and password."""

    def make(username, password):
        browser = Browser(demo_functional["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {username}:{password}")
        return browser

    return make


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HTML_AS_PDF = b"<html><body><script>alert('x')</script></body></html>"


CLERK = ("sachbearbeitung", "demo-sachbearbeitung-2026")
WOHNGELD_CLERK = ("sachbearbeitung-wohngeld", "demo-sachbearbeitung-wohngeld-2026")


@pytest.fixture()
def submitted(demo_functional):
    """Submit an application for a demo service as a citizen, committed for the browsers."""
    from herne.portal.applications.factory import create_application

    portal = demo_functional["portal"]

    def make(
        service_id="fuehrungszeugnis", userid="buerger", address="Bahnhofstraße 12\n44623 Herne"
    ):
        service = portal["leistungen"][service_id]
        with api.env.adopt_user(username=userid):
            application = create_application(
                service,
                userid=userid,
                applicant_name="Bernd Bergmann" if userid == "buerger" else "Berta Brandt",
                rows=[{"name": "first_name", "title": "Vorname", "value": "Bernd"}],
                uploads={},
                consent_time=None,
                delivery_method=service.result_delivery,
                delivery_address=address,
            )
        transaction.commit()
        return application

    return make


def state_of(application):
    transaction.abort()  # see what the browser's requests committed
    return api.content.get_state(application)
