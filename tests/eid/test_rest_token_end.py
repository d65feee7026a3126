"""A REST log-in token ends with the account's sessions: log-out, password change, eID switch-off."""

from plone import api
import pytest
import requests
from tests.fixtures.eid import configure_eid
import transaction
import uuid


PASSWORD = "Alt-Passwort-2026!"
NEW_PASSWORD = "Neu-Passwort-2026!"
REFUSED = "Bitte melden Sie sich an."


def local_member():
    username = f"token-{uuid.uuid4().hex[:8]}"
    transaction.abort()  # see what the served site wrote meanwhile
    api.user.create(email=f"{username}@example.org", username=username, password=PASSWORD)
    transaction.commit()
    return username


def rest_login(portal_url, login, password=PASSWORD):
    response = requests.post(
        f"{portal_url}/@login",
        json={"login": login, "password": password},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    return response.json()["token"]


def with_token(method, url, token, **kwargs):
    """A request from another machine carrying only the copied token."""
    headers = {"Accept": "application/json", "Authorization": f"Bearer {token}"}
    return requests.request(method, url, headers=headers, allow_redirects=False, **kwargs)


def token_works(portal_url, userid, token):
    """Whether the token still opens the user's Postkorb; a refusal speaks German."""
    response = with_token("GET", f"{portal_url}/@postkorb", token)
    assert response.status_code in (200, 401), response.text
    if response.status_code == 401:
        assert REFUSED in response.text
    return response.status_code == 200


def renew_works(portal_url, token):
    return with_token("POST", f"{portal_url}/@login-renew", token).status_code == 200


class TestLocalToken:
    def test_token_refused_after_rest_log_out(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        token = rest_login(portal_url, userid)
        other = rest_login(portal_url, userid)
        assert token_works(portal_url, userid, token)
        response = with_token("POST", f"{portal_url}/@logout", token)
        assert response.status_code in (200, 204), response.text
        assert not token_works(portal_url, userid, token)
        assert not renew_works(portal_url, token)
        # Log-out ends every session of the account, as the log-in form's log-out does.
        assert not token_works(portal_url, userid, other)
        # Logging in again works.
        assert token_works(portal_url, userid, rest_login(portal_url, userid))

    def test_token_refused_after_classic_log_out(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        token = rest_login(portal_url, userid)
        # The log-out page, called with the token: the token's own log-out ends its sessions.
        with_token("GET", f"{portal_url}/logout", token)
        assert not token_works(portal_url, userid, token)

    def test_token_refused_after_password_change(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        old = rest_login(portal_url, userid)
        response = with_token(
            "POST",
            f"{portal_url}/@users/{userid}/reset-password",
            old,
            json={"old_password": PASSWORD, "new_password": NEW_PASSWORD},
        )
        assert response.status_code == 200, response.text
        assert not token_works(portal_url, userid, old)
        assert token_works(portal_url, userid, rest_login(portal_url, userid, NEW_PASSWORD))

    def test_token_refused_after_password_set_by_the_administration(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        old = rest_login(portal_url, userid)
        transaction.abort()
        api.user.get(userid=userid).setSecurityProfile(password=NEW_PASSWORD)
        transaction.commit()
        assert not token_works(portal_url, userid, old)

    def test_forged_token_is_refused_and_logs_nobody_out(self, eid_site):
        portal_url = eid_site["portal"].absolute_url()
        userid = local_member()
        token = rest_login(portal_url, userid)
        header, _payload, signature = token.split(".")
        victim_id = local_member()
        victim = rest_login(portal_url, victim_id)
        # The victim's claims under this token's signature.
        forged = f"{header}.{victim.split('.')[1]}.{signature}"
        assert not token_works(portal_url, victim_id, forged)
        assert with_token("POST", f"{portal_url}/@logout", forged).status_code < 500
        assert not renew_works(portal_url, forged)
        assert token_works(portal_url, victim_id, victim)


class TestEidToken:
    def _eid_token(self, eid_browser, person="erika"):
        browser = eid_browser()
        browser.login(person, "substantial")
        assert browser.has_session()
        response = browser.post(
            f"{browser.portal_url}/@login-renew", headers={"Accept": "application/json"}
        )
        assert response.status_code == 200, response.text
        transaction.abort()
        userid = next(
            user.getId()
            for user in api.user.get_users()
            if user.getId().startswith("eid-")
            and user.getProperty("email") == f"{person}.mustermann@example.org"
        )
        return response.json()["token"], userid

    def test_eid_token_refused_after_switching_eid_off(self, eid_site, eid_browser):
        portal_url = eid_site["portal"].absolute_url()
        token, userid = self._eid_token(eid_browser)
        local = local_member()
        local_token = rest_login(portal_url, local)
        assert token_works(portal_url, userid, token)
        try:
            configure_eid(eid_site["issuer"], enabled=False)
            assert not token_works(portal_url, userid, token)
            assert not renew_works(portal_url, token)
            # Tokens of local accounts are not affected.
            assert token_works(portal_url, local, local_token)
        finally:
            configure_eid(eid_site["issuer"], enabled=True)
        # Switching eID on again does not bring the old token back; a new log-in works.
        assert not token_works(portal_url, userid, token)
        fresh, _userid = self._eid_token(eid_browser)
        assert token_works(portal_url, userid, fresh)

    def test_eid_token_refused_after_log_out(self, eid_site, eid_browser):
        portal_url = eid_site["portal"].absolute_url()
        token, userid = self._eid_token(eid_browser)
        assert with_token("POST", f"{portal_url}/@logout", token).status_code in (200, 204)
        assert not token_works(portal_url, userid, token)


@pytest.fixture(autouse=True)
def _fresh_view():
    transaction.abort()
    yield
    transaction.abort()
