"""Every cookie the portal sets is out of reach of scripts and other sites, and over HTTPS only there."""

import pytest
import requests
from tests.fixtures.applications import CITIZEN
from urllib.parse import urlsplit


def set_cookies(response):
    """The Set-Cookie lines of a response, by cookie name."""
    lines = response.raw.headers.getlist("Set-Cookie")
    return {line.split("=", 1)[0]: line for line in lines}


def attributes(line):
    return {part.strip().lower() for part in line.split(";")[1:]}


@pytest.fixture()
def log_in(demo_functional):
    """Log the demo citizen in through the log-in form: the ticket and a welcome message."""
    portal_url = demo_functional["portal"].absolute_url()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(portal_url))

    def send(**headers):
        username, password = CITIZEN
        return requests.post(
            f"{portal_url}/login",
            data={
                "__ac_name": username,
                "__ac_password": password,
                "came_from": "",
                "buttons.login": "Anmelden",
            },
            headers={"Origin": origin, "Referer": f"{portal_url}/login", **headers},
            allow_redirects=False,
            timeout=30,
        )

    return send


def test_cookies_are_http_only_and_same_site(log_in):
    cookies = set_cookies(log_in())
    # the log-in ticket and Plone's status message ("Willkommen!")
    assert {"__ac", "statusmessages"} <= set(cookies), cookies
    for name, line in cookies.items():
        assert "httponly" in attributes(line), f"{name} without HttpOnly: {line}"
        assert "samesite=lax" in attributes(line), f"{name} without SameSite: {line}"
        assert "secure" not in attributes(line), f"{name} Secure over plain HTTP: {line}"


def test_cookies_are_secure_behind_https(log_in):
    cookies = set_cookies(log_in(**{"X-Forwarded-Proto": "https"}))
    assert {"__ac", "statusmessages"} <= set(cookies), cookies
    for name, line in cookies.items():
        assert "secure" in attributes(line), f"{name} without Secure over HTTPS: {line}"
        assert "httponly" in attributes(line), f"{name} without HttpOnly: {line}"
        assert "samesite=lax" in attributes(line), f"{name} without SameSite: {line}"
