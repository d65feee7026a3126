"""eID log-in against a real OpenID provider: the whole redirect flow, member, session, log-out."""

from herne.portal.eid.identity import verified_identity
from plone import api
import pytest
import transaction
from urllib.parse import parse_qs
from urllib.parse import urlsplit


def eid_members():
    transaction.abort()
    return [user for user in api.user.get_users() if user.getId().startswith("eid-")]


def member_by_email(email):
    transaction.abort()
    return api.user.get(username=_userid_with_email(email))


def _userid_with_email(email):
    for user in api.user.get_users():
        if user.getProperty("email") == email:
            return user.getId()
    return None


class TestLoginFlow:
    def test_first_log_in_creates_member_and_returns_to_came_from(self, eid_site, eid_browser):
        portal = eid_site["portal"]
        form_url = portal["leistungen"]["fuehrungszeugnis"]["antrag"].absolute_url()
        browser = eid_browser()
        page = browser.login("erika", "substantial", came_from=form_url)
        assert page.status_code == 200
        assert page.url == form_url
        assert browser.has_session()
        assert "Sie sind mit Ihrem Online-Ausweis angemeldet" in page.text
        member = member_by_email("erika.mustermann@example.org")
        assert member is not None
        assert member.getId().startswith("eid-")
        assert member.getProperty("fullname") == "Erika Mustermann"
        identity = verified_identity(member.getId())
        assert identity["street"] == "Friedrich-Ebert-Platz 2"
        assert identity["postcode"] == "44623"
        assert identity["city"] == "Herne"
        assert identity["birthdate"].isoformat() == "1964-08-12"
        assert identity["trust_level"] == "substantial"
        # The substantial service shows its form now.
        assert "form.buttons.submit" in page.text

    def test_later_log_in_updates_verified_data(self, eid_site, eid_browser):
        eid_browser().login("max", "substantial")
        userid = member_by_email("max.muster@example.org").getId()
        api.user.get(userid=userid).setMemberProperties({"fullname": "Veraltet"})
        transaction.commit()
        eid_browser().login("max", "high")
        transaction.abort()
        assert api.user.get(userid=userid).getProperty("fullname") == "Max Muster"
        assert verified_identity(userid)["trust_level"] == "high"
        assert (
            len([m for m in eid_members() if m.getProperty("email") == "max.muster@example.org"])
            == 1
        )

    def test_log_out_ends_plone_and_provider_session(self, eid_site, eid_browser):
        browser = eid_browser()
        browser.login("erika", "substantial")
        portal_url = eid_site["portal"].absolute_url()
        response = browser.get(f"{portal_url}/logout", allow_redirects=False)
        assert response.status_code == 302
        target = urlsplit(response.headers["location"])
        assert f"{target.scheme}://{target.netloc}" == eid_site["issuer"]
        assert target.path == "/session/end"
        query = parse_qs(target.query)
        assert query["post_logout_redirect_uri"] == [f"{portal_url}/logged-out"]
        assert query["client_id"] == ["herne-portal"]
        assert not browser.has_session()
        postkorb = browser.get(f"{portal_url}/@@postkorb")
        assert "Anmelden" in postkorb.text or postkorb.url.startswith(f"{portal_url}/login")

    def test_deleting_the_member_deletes_its_verified_data(self, eid_site, eid_browser):
        eid_browser().login("erika", "substantial")
        userid = member_by_email("erika.mustermann@example.org").getId()
        assert verified_identity(userid)
        with api.env.adopt_roles(["Manager"]):
            api.user.delete(username=userid)
        transaction.commit()
        assert verified_identity(userid) == {}

    def test_unreachable_provider_explained(self, eid_site, eid_browser):
        from tests.fixtures.eid import configure_eid
        from tests.fixtures.ports import free_port

        configure_eid(f"http://127.0.0.1:{free_port()}")
        try:
            browser = eid_browser()
            response = browser.get(
                f"{browser.portal_url}/acl_users/oidc/login", allow_redirects=False
            )
            assert response.status_code == 503
            assert "gerade nicht erreichbar" in response.text
            assert not any(cookie.name == "herne_eid_state" for cookie in browser.cookies)
        finally:
            configure_eid(eid_site["issuer"])

    def test_log_in_page_offers_eid(self, eid_site, eid_browser):
        page = eid_browser().get(f"{eid_site['portal'].absolute_url()}/login")
        assert "Mit Online-Ausweis anmelden" in page.text
        assert "acl_users/oidc/login" in page.text


REFUSALS = [
    ("issuer", "", "Aussteller, Empfänger, Gültigkeit oder Signatur"),
    ("audience", "", "Aussteller, Empfänger, Gültigkeit oder Signatur"),
    ("expired", "", "Aussteller, Empfänger, Gültigkeit oder Signatur"),
    ("tampered", "max", "Aussteller, Empfänger, Gültigkeit oder Signatur"),
    ("foreign-key", "", "Aussteller, Empfänger, Gültigkeit oder Signatur"),
    ("alg-none", "", "Aussteller, Empfänger, Gültigkeit oder Signatur"),
    ("no-nonce", "", "gehört nicht zu dieser Anmeldung"),
    ("nonce", "a-nonce-of-another-log-in", "gehört nicht zu dieser Anmeldung"),
    ("acr", "unbekannt", "Vertrauensniveau gemeldet, das dieses Portal nicht kennt"),
]


class TestRefusals:
    @pytest.mark.parametrize("mode,value,message", REFUSALS, ids=[r[0] for r in REFUSALS])
    def test_bad_id_token_refused(self, eid_site, eid_browser, mode, value, message):
        before = {m.getId() for m in eid_members()}
        browser = eid_browser()
        page = browser.start()
        browser.tamper_next_token(mode, value)
        action = page.text.split('action="', 1)[1].split('"', 1)[0]
        response = browser.post(
            eid_site["issuer"] + action,
            data={"login": "erika", "acr": "substantial"},
            allow_redirects=False,
        )
        result = browser.follow(response)
        assert result.status_code == 400
        assert message in result.text
        assert "Anmeldung mit dem Online-Ausweis nicht möglich" in result.text
        assert not browser.has_session()
        assert {m.getId() for m in eid_members()} == before

    def test_replayed_callback_refused(self, eid_site, eid_browser):
        browser = eid_browser()
        callback = browser.login(stop_at_callback=True)
        first = browser.follow(browser.get(callback, allow_redirects=False))
        assert first.status_code == 200 and browser.has_session()
        browser.cookies.clear()
        # The same answer again, even with the binding cookie of the first log-in.
        replay = browser.get(callback, allow_redirects=False)
        assert replay.status_code == 400
        assert "bereits verwendet" in replay.text
        assert not browser.has_session()

    def test_state_missing_or_unknown_refused(self, eid_site, eid_browser):
        browser = eid_browser()
        callback = browser.login(stop_at_callback=True)
        query = parse_qs(urlsplit(callback).query)
        without_state = browser.get(browser.callback_url, params={"code": query["code"][0]})
        assert without_state.status_code == 400
        assert "abgelaufen, wurde bereits verwendet" in without_state.text
        forged = browser.get(
            browser.callback_url, params={"code": query["code"][0], "state": "guessed"}
        )
        assert forged.status_code == 400
        assert not browser.has_session()

    def test_answer_in_another_browser_refused(self, eid_site, eid_browser):
        """Login CSRF: a victim's browser must not take over an attacker's log-in answer."""
        callback = eid_browser().login(stop_at_callback=True)
        victim = eid_browser()
        response = victim.get(callback, allow_redirects=False)
        assert response.status_code == 400
        assert not victim.has_session()

    def test_provider_error_refused(self, eid_site, eid_browser):
        browser = eid_browser()
        browser.start()
        state = next(c.value for c in browser.cookies if c.name == "herne_eid_state")
        response = browser.get(
            browser.callback_url, params={"error": "access_denied", "state": state}
        )
        assert response.status_code == 400
        assert "abgebrochen oder abgelehnt" in response.text
        assert not browser.has_session()

    @pytest.mark.parametrize(
        "came_from",
        [
            "////evil.example",
            "//evil.example/herne",
            "https://evil.example/",
            "http://localhost.evil.example/",
            "javascript:alert(1)",
            "/\\evil.example",
            "\\\\evil.example",
        ],
    )
    def test_came_from_outside_portal_refused(self, eid_site, eid_browser, came_from):
        browser = eid_browser()
        response = browser.get(
            f"{browser.portal_url}/acl_users/oidc/login",
            params={"came_from": came_from},
            allow_redirects=False,
        )
        assert response.status_code == 400
        assert "führt aus dem Serviceportal hinaus" in response.text
        assert "evil.example" not in response.headers.get("location", "")
        assert not any(cookie.name == "herne_eid_state" for cookie in browser.cookies)

    def test_rest_code_exchange_of_the_plugin_is_closed(self, eid_site, eid_browser):
        browser = eid_browser()
        response = browser.post(
            f"{browser.portal_url}/@login-oidc/oidc",
            json={"code": "x", "state": "y"},
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 404
        assert "Anmeldeseite des Portals" in response.json()["error"]["message"]
        assert not browser.has_session()

    def test_rest_log_out_of_the_plugin_answers_in_german(self, eid_site, eid_browser):
        browser = eid_browser()
        browser.login("erika", "substantial")
        response = browser.get(
            f"{browser.portal_url}/@logout-oidc", headers={"Accept": "application/json"}
        )
        assert response.status_code == 404
        assert "POST @logout" in response.json()["error"]["message"]


class TestAccountConflict:
    def test_local_account_under_an_eid_id_is_not_taken_over(self, eid_site, eid_browser):
        from herne.portal.eid.identity import eid_userid

        userid = eid_userid(eid_site["issuer"], "d4e5f6-max-muster")
        api.user.create(email="mallory@example.org", username=userid, password="mallory-2026!")
        transaction.commit()
        browser = eid_browser()
        result = browser.login("max", "substantial")
        assert result.status_code == 400
        assert "bereits ein anderes Benutzerkonto" in result.text
        assert not browser.has_session()
        transaction.abort()
        assert verified_identity(userid) == {}
        assert api.user.get(userid=userid).getProperty("email") == "mallory@example.org"
