"""A session ends on the server: a ticket from before log-out, a password change or eID switch-off is refused."""

import base64
from plone import api
import pytest
import re
import requests
from tests.fixtures.eid import configure_eid
import transaction
from urllib.parse import urlsplit
import uuid


PASSWORD = "Alt-Passwort-2026!"
NEW_PASSWORD = "Neu-Passwort-2026!"


def _hidden_fields(html):
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="hidden"' not in tag:
            continue
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def local_member():
    """A fresh local account (user id, password), committed so the served site sees it."""
    username = f"abmeldung-{uuid.uuid4().hex[:8]}"
    api.user.create(email=f"{username}@example.org", username=username, password=PASSWORD)
    transaction.commit()
    return username


def form_login(portal_url, username, password=PASSWORD):
    """A browser logged in through Plone's log-in form."""
    browser = requests.Session()
    browser.headers["Accept-Language"] = "de"
    page = browser.get(f"{portal_url}/login")
    data = _hidden_fields(page.text)
    data.update({"__ac_name": username, "__ac_password": password, "buttons.login": "Anmelden"})
    # As a browser posts it from the log-in page: the portal refuses posts from other sites.
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(portal_url))
    browser.post(
        f"{portal_url}/login",
        data=data,
        headers={"Origin": origin, "Referer": f"{portal_url}/login"},
        allow_redirects=False,
    )
    assert browser.cookies.get("__ac"), "the log-in form issued no ticket"
    return browser


def ticket_of(browser):
    return browser.cookies.get("__ac")


def replay(url, ticket, **kwargs):
    """A request from another machine carrying only the copied ticket."""
    headers = {"Accept": "application/json", "Cookie": f"__ac={ticket}", **kwargs}
    return requests.get(url, headers=headers, allow_redirects=False)


def ticket_works(portal_url, userid, ticket):
    """Whether the ticket still shows the user's own account through REST."""
    response = replay(f"{portal_url}/@users/{userid}", ticket)
    assert response.status_code in (200, 401), response.text
    return response.status_code == 200


def refresh_issues_ticket(portal_url, ticket):
    response = replay(f"{portal_url}/acl_users/session/refresh", ticket)
    return "__ac=" in response.headers.get("Set-Cookie", "") and not re.search(
        r"__ac=(\"\"|deleted|;)", response.headers.get("Set-Cookie", "")
    )


class TestLocalLogOut:
    def test_ticket_refused_after_log_out_form(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        browser = form_login(portal_url, userid)
        ticket = ticket_of(browser)
        assert ticket_works(portal_url, userid, ticket)
        browser.get(f"{portal_url}/logout")
        assert not ticket_works(portal_url, userid, ticket)
        assert not refresh_issues_ticket(portal_url, ticket)
        # Logging in again works.
        again = form_login(portal_url, userid)
        assert ticket_works(portal_url, userid, ticket_of(again))
        assert not ticket_works(portal_url, userid, ticket)

    def test_ticket_refused_after_rest_log_out(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        ticket = ticket_of(form_login(portal_url, userid))
        response = requests.post(
            f"{portal_url}/@logout",
            headers={"Accept": "application/json", "Cookie": f"__ac={ticket}"},
        )
        assert response.status_code in (200, 204), response.text
        assert not ticket_works(portal_url, userid, ticket)

    def test_log_out_ends_every_session_of_the_user(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        first = ticket_of(form_login(portal_url, userid))
        second = form_login(portal_url, userid)
        second.get(f"{portal_url}/logout")
        assert not ticket_works(portal_url, userid, first)

    def test_forged_ticket_does_not_log_the_victim_out(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        ticket = ticket_of(form_login(portal_url, userid))
        forged = base64.b64encode(b"0" * 32 + b"00000000" + userid.encode() + b"!").decode()
        requests.get(f"{portal_url}/logout", headers={"Cookie": f"__ac={forged}"})
        requests.get(f"{portal_url}/acl_users/session/remove", headers={"Cookie": f"__ac={forged}"})
        assert ticket_works(portal_url, userid, ticket)

    def test_password_change_refuses_older_tickets(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        old = ticket_of(form_login(portal_url, userid))
        browser = form_login(portal_url, userid)
        page = browser.get(f"{portal_url}/@@change-password")
        data = _hidden_fields(page.text)
        data.update(
            {
                "form.widgets.current_password": PASSWORD,
                "form.widgets.new_password": NEW_PASSWORD,
                "form.widgets.new_password_ctl": NEW_PASSWORD,
                "form.buttons.reset_passwd": "Passwort ändern",
            }
        )
        response = browser.post(f"{portal_url}/@@change-password", data=data)
        assert response.status_code == 200
        assert not ticket_works(portal_url, userid, old)
        # The browser that changed the password keeps a fresh session ...
        assert ticket_works(portal_url, userid, ticket_of(browser))
        # ... and the new password logs in.
        assert ticket_works(
            portal_url, userid, ticket_of(form_login(portal_url, userid, NEW_PASSWORD))
        )

    def test_rest_password_reset_refuses_older_tickets(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        old = ticket_of(form_login(portal_url, userid))
        response = requests.post(
            f"{portal_url}/@users/{userid}/reset-password",
            json={"old_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers={"Accept": "application/json"},
            auth=(userid, PASSWORD),
        )
        assert response.status_code == 200, response.text
        assert not ticket_works(portal_url, userid, old)
        assert ticket_works(
            portal_url, userid, ticket_of(form_login(portal_url, userid, NEW_PASSWORD))
        )


class TestEidLogOut:
    def _eid_session(self, eid_site, eid_browser, person="erika"):
        browser = eid_browser()
        browser.login(person, "substantial")
        assert browser.has_session()
        ticket = ticket_of(browser)
        transaction.abort()
        userid = next(
            user.getId()
            for user in api.user.get_users()
            if user.getId().startswith("eid-")
            and user.getProperty("email") == f"{person}.mustermann@example.org"
        )
        return browser, ticket, userid

    def test_eid_ticket_refused_after_log_out(self, eid_site, eid_browser):
        portal_url = eid_site["portal"].absolute_url()
        browser, ticket, userid = self._eid_session(eid_site, eid_browser)
        assert ticket_works(portal_url, userid, ticket)
        response = browser.get(f"{portal_url}/logout", allow_redirects=False)
        assert response.status_code == 302
        assert not ticket_works(portal_url, userid, ticket)
        assert not refresh_issues_ticket(portal_url, ticket)
        page = replay(f"{portal_url}/@@postkorb", ticket, Accept="text/html")
        assert page.status_code != 200 or "Sie sind mit Ihrem Online-Ausweis" not in page.text
        # A new eID log-in works.
        _browser, fresh, _userid = self._eid_session(eid_site, eid_browser)
        assert ticket_works(portal_url, userid, fresh)

    def test_switching_eid_off_refuses_eid_tickets(self, eid_site, eid_browser):
        portal_url = eid_site["portal"].absolute_url()
        _browser, ticket, userid = self._eid_session(eid_site, eid_browser)
        local = local_member()
        local_ticket = ticket_of(form_login(portal_url, local))
        try:
            configure_eid(eid_site["issuer"], enabled=False)
            assert not ticket_works(portal_url, userid, ticket)
            assert not refresh_issues_ticket(portal_url, ticket)
            # Local sessions are not affected.
            assert ticket_works(portal_url, local, local_ticket)
        finally:
            configure_eid(eid_site["issuer"], enabled=True)
        # Switching it on again does not bring the old ticket back; a new log-in works.
        assert not ticket_works(portal_url, userid, ticket)
        _browser, fresh, _userid = self._eid_session(eid_site, eid_browser)
        assert ticket_works(portal_url, userid, fresh)


@pytest.fixture(autouse=True)
def _fresh_view():
    transaction.abort()
    yield
    transaction.abort()
