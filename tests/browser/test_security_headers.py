"""Every response of the portal carries the security headers; form-action keeps forms on the portal."""

from herne.portal.interfaces import IHernePortalLayer
from herne.portal.security_headers import apply_security_headers
from herne.portal.security_headers import security_headers
from io import BytesIO
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
import pytest
import requests
import transaction
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
from zope.interface import alsoProvides
from ZPublisher.HTTPRequest import HTTPRequest
from ZPublisher.HTTPResponse import HTTPResponse


ISSUER = "https://id.example.org:8443/realms/herne"


def header(browser, name):
    return browser.headers.get(name)


def assert_security_headers(headers):
    policy = headers.get("Content-Security-Policy")
    assert policy, "Content-Security-Policy missing"
    directives = {
        part.strip().split(" ", 1)[0]: part.strip() for part in policy.split(";") if part.strip()
    }
    assert directives["form-action"].startswith("form-action 'self'")
    assert directives["frame-ancestors"] == "frame-ancestors 'self'"
    assert directives["base-uri"] == "base-uri 'self'"
    assert directives["object-src"] == "object-src 'none'"
    assert directives["default-src"] == "default-src 'self'"
    assert "'unsafe-inline'" in directives["script-src"]
    # no page needs eval (tests/e2e checks that nothing is blocked without it)
    assert "'unsafe-eval'" not in directives["script-src"]
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin"


@pytest.fixture()
def citizen_browser(browser_as):
    return browser_as("buerger", "demo-buerger-2026")


def test_html_page(anon_browser, demo_portal):
    anon_browser.open(demo_portal.absolute_url())
    assert_security_headers(anon_browser.headers)
    assert header(anon_browser, "Strict-Transport-Security") is None


def test_application_form_page(citizen_browser, demo_portal):
    citizen_browser.open(demo_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url())
    assert "form.buttons.submit" in citizen_browser.contents
    assert_security_headers(citizen_browser.headers)


def test_file_download(manager_browser, demo_portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=demo_portal,
            type="File",
            id="merkblatt",
            title="Merkblatt",
            file=NamedBlobFile(b"%PDF-1.4\n%%EOF\n" * 5000, filename="merkblatt.pdf"),
        )
    transaction.commit()
    manager_browser.open(f"{demo_portal.absolute_url()}/merkblatt/@@download/file")
    assert manager_browser.contents.startswith(b"%PDF")
    assert_security_headers(manager_browser.headers)


def test_not_found_page(anon_browser, demo_portal):
    anon_browser.handleErrors = True
    anon_browser.raiseHttpErrors = False
    anon_browser.open(f"{demo_portal.absolute_url()}/gibt-es-nicht")
    assert anon_browser.headers["status"].startswith("404")
    assert_security_headers(anon_browser.headers)


def test_unauthorized_page(anon_browser, demo_portal):
    anon_browser.handleErrors = True
    anon_browser.raiseHttpErrors = False
    anon_browser.open(f"{demo_portal.absolute_url()}/@@overview-controlpanel")
    assert_security_headers(anon_browser.headers)


def test_hsts_only_over_https_and_when_set(demo_functional, demo_portal):
    def fetch(**headers):
        browser = Browser(demo_functional["app"])
        browser.handleErrors = False
        for name, value in headers.items():
            browser.addHeader(name, value)
        browser.open(demo_portal.absolute_url())
        return browser

    # Over https but the setting is off.
    browser = fetch(**{"X-Forwarded-Proto": "https"})
    assert header(browser, "Strict-Transport-Security") is None

    api.portal.set_registry_record("herne.portal.site.hsts_max_age", 31536000)
    transaction.commit()
    # Over plain http: never.
    assert header(fetch(), "Strict-Transport-Security") is None
    browser = fetch(**{"X-Forwarded-Proto": "https"})
    assert browser.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert_security_headers(browser.headers)


def test_hsts_for_https_server_url(demo_functional, demo_portal):
    api.portal.set_registry_record("herne.portal.site.hsts_max_age", 600)
    request = demo_functional["request"]
    request["SERVER_URL"] = "https://www.herne.example"
    alsoProvides(request, IHernePortalLayer)
    assert security_headers(request)["Strict-Transport-Security"] == (
        "max-age=600; includeSubDomains"
    )
    request["SERVER_URL"] = "http://www.herne.example"
    assert "Strict-Transport-Security" not in security_headers(request)


def test_eid_issuer_may_receive_forms(anon_browser, demo_portal):
    api.portal.set_registry_record("herne.portal.eid.enabled", True)
    api.portal.set_registry_record("herne.portal.eid.issuer", ISSUER)
    api.portal.set_registry_record("herne.portal.eid.client_id", "serviceportal")
    transaction.commit()
    anon_browser.open(demo_portal.absolute_url())
    assert_security_headers(anon_browser.headers)
    policy = anon_browser.headers["Content-Security-Policy"]
    assert "form-action 'self' https://id.example.org:8443" in policy
    assert "/realms" not in policy


def test_no_issuer_while_eid_disabled(anon_browser, demo_portal):
    api.portal.set_registry_record("herne.portal.eid.enabled", False)
    api.portal.set_registry_record("herne.portal.eid.issuer", ISSUER)
    api.portal.set_registry_record("herne.portal.eid.client_id", "serviceportal")
    transaction.commit()
    anon_browser.open(demo_portal.absolute_url())
    assert "id.example.org" not in anon_browser.headers["Content-Security-Policy"]


def test_streamed_response(demo_functional):
    request = demo_functional["request"]
    alsoProvides(request, IHernePortalLayer)
    previous = getRequest()
    setRequest(request)
    try:
        request.response.write(b"chunk")
    finally:
        setRequest(previous)
    assert_security_headers(
        {
            name: request.response.getHeader(name)
            for name in (
                "Content-Security-Policy",
                "X-Content-Type-Options",
                "Referrer-Policy",
            )
        }
    )


def test_outside_the_portal_nothing_is_set():
    environ = {"SERVER_NAME": "nohost", "SERVER_PORT": "80", "REQUEST_METHOD": "GET"}
    request = HTTPRequest(BytesIO(), environ, HTTPResponse())
    assert not IHernePortalLayer.providedBy(request)
    apply_security_headers(request)
    assert request.response.getHeader("Content-Security-Policy") is None


def test_never_raises():
    class Broken:
        def __getattr__(self, name):
            raise RuntimeError(name)

    apply_security_headers(Broken())
    apply_security_headers(None)


def test_rest_api_json(demo_functional):
    portal = demo_functional["portal"]
    response = requests.get(
        portal.absolute_url(),
        headers={"Accept": "application/json"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=30,
    )
    assert response.headers["Content-Type"].startswith("application/json")
    assert_security_headers(response.headers)


def test_rest_api_json_error(demo_functional):
    portal = demo_functional["portal"]
    response = requests.get(
        f"{portal.absolute_url()}/gibt-es-nicht",
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 404
    assert_security_headers(response.headers)
