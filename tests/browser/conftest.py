"""Browsers on the demo site for the citizen and editor pages."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import pytest


@pytest.fixture()
def demo_portal(demo_functional):
    return demo_functional["portal"]


@pytest.fixture()
def anon_browser(demo_functional):
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "de")
    return browser


@pytest.fixture()
def browser_for(demo_functional):
    """A browser logged in as one of the demo users (or the site owner)."""

    def make(username, password):
        browser = Browser(demo_functional["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "de")
        browser.addHeader("Authorization", f"Basic {username}:{password}")
        return browser

    return make


@pytest.fixture()
def manager_browser(browser_for):
    return browser_for(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
