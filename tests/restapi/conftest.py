"""HTTP sessions against the demo site served by a real WSGI server."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import requests


class PortalSession(requests.Session):
    """A requests session whose URLs are relative to the portal."""

    def __init__(self, base_url):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.headers.update({"Accept": "application/json", "Content-Type": "application/json"})

    def request(self, method, url, *args, **kwargs):
        if not url.startswith("http"):
            url = f"{self.base_url}/{url.lstrip('/')}"
        return super().request(method, url, *args, **kwargs)


@pytest.fixture()
def rest_portal(demo_functional):
    return demo_functional["portal"]


@pytest.fixture()
def api_session(rest_portal):
    def make(username=None, password=None):
        session = PortalSession(rest_portal.absolute_url())
        if username:
            session.auth = (username, password)
        return session

    yield make


@pytest.fixture()
def manager_session(api_session):
    return api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
