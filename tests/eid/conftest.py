"""A real OpenID Connect provider (npm oidc-provider on Node) next to the served demo site."""

from contextlib import contextmanager
import os
from pathlib import Path
from plone import api
from plone.testing.zope import Browser
import pytest
import re
import requests
import select
import shutil
import subprocess
import time
import transaction
from urllib.parse import urljoin


PROVIDER_DIR = Path(__file__).resolve().parents[2] / "eid-provider"
CLIENT_ID = "herne-portal"
CLIENT_SECRET = "herne-test-secret"


def _install_provider():
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=PROVIDER_DIR,
            check=True,
        )


@contextmanager
def running_provider(portal_url):
    """Start provider.mjs on a free port; yields its issuer URL."""
    _install_provider()
    env = {
        **os.environ,
        "OP_PORT": "0",
        "OP_TEST_HOOKS": "1",
        "OP_CLIENT_ID": CLIENT_ID,
        "OP_CLIENT_SECRET": CLIENT_SECRET,
        "OP_REDIRECT_URIS": f"{portal_url}/acl_users/oidc/callback",
        "OP_POST_LOGOUT_URIS": f"{portal_url}/logged-out",
    }
    process = subprocess.Popen(
        [shutil.which("node") or "node", "provider.mjs"],
        cwd=PROVIDER_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 30
        issuer = None
        while issuer is None and time.time() < deadline:
            ready, _w, _x = select.select([process.stdout], [], [], 1)
            if ready:
                line = process.stdout.readline()
                if not line and process.poll() is not None:
                    break
                if line.startswith("READY "):
                    issuer = line.split()[1]
        if issuer is None:
            raise RuntimeError("the OpenID provider did not start")
        yield issuer
    finally:
        process.terminate()
        process.wait(10)


def configure_eid(issuer, enabled=True):
    prefix = "herne.portal.eid"
    api.portal.set_registry_record(f"{prefix}.enabled", enabled)
    api.portal.set_registry_record(f"{prefix}.issuer", issuer)
    api.portal.set_registry_record(f"{prefix}.client_id", CLIENT_ID)
    api.portal.set_registry_record(f"{prefix}.client_secret", CLIENT_SECRET)
    transaction.commit()


@pytest.fixture(scope="class")
def eid_site(demo_functional_class):
    """One served demo site and one provider for a whole test class."""
    demo_functional_class.testSetUp()
    try:
        portal = demo_functional_class["portal"]
        with running_provider(portal.absolute_url()) as issuer:
            configure_eid(issuer)
            yield {"portal": portal, "issuer": issuer, "app": demo_functional_class["app"]}
    finally:
        demo_functional_class.testTearDown()


class EidBrowser(requests.Session):
    """A citizen's browser going through the provider's pages, one redirect at a time."""

    def __init__(self, portal_url, issuer):
        super().__init__()
        self.portal_url = portal_url
        self.issuer = issuer
        self.headers["Accept-Language"] = "de"

    @property
    def callback_url(self):
        return f"{self.portal_url}/acl_users/oidc/callback"

    def follow(self, response, stop_at=None):
        while response.is_redirect:
            location = urljoin(response.url, response.headers["location"])
            if stop_at and location.startswith(stop_at):
                return location
            response = self.get(location, allow_redirects=False)
        return response

    def start(self, came_from=None):
        params = {"came_from": came_from} if came_from is not None else {}
        response = self.get(
            f"{self.portal_url}/acl_users/oidc/login", params=params, allow_redirects=False
        )
        return self.follow(response)

    def tamper_next_token(self, mode, value=""):
        requests.post(f"{self.issuer}/test/next-token", data={"mode": mode, "value": value})

    def login(self, person="erika", acr="substantial", came_from=None, stop_at_callback=False):
        """The whole log-in; returns the final page, or the callback URL when asked to stop there."""
        page = self.start(came_from)
        assert page.status_code == 200, page.text
        action = re.search(r'action="([^"]+)"', page.text).group(1)
        response = self.post(
            urljoin(page.url, action), data={"login": person, "acr": acr}, allow_redirects=False
        )
        return self.follow(response, stop_at=self.callback_url if stop_at_callback else None)

    def has_session(self):
        return any(cookie.name == "__ac" and cookie.value for cookie in self.cookies)


@pytest.fixture()
def eid_browser(eid_site):
    def make():
        return EidBrowser(eid_site["portal"].absolute_url(), eid_site["issuer"])

    return make


def plone_browser(app, session):
    """A test browser carrying the same Plone session cookie as ``session``."""
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "de")
    ticket = session.cookies.get("__ac")
    browser.addHeader("Cookie", f'__ac="{ticket}"' if ticket else "")
    return browser
