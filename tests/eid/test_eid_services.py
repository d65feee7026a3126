"""Trust level per service on the form page, its submission and REST; prefill from verified claims."""

from plone import api
import re
import transaction


def form_url(portal, service_id):
    return portal["leistungen"][service_id]["antrag"].absolute_url()


def applications_of_email(email):
    transaction.abort()
    userid = next(u.getId() for u in api.user.get_users() if u.getProperty("email") == email)
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Application", applicant=userid)
    ]


def hidden(page, name):
    match = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)"[^>]*name="{re.escape(name)}"', page
    )
    return match.group(1) if match else ""


def has_input(page, name):
    return re.search(rf'<(input|textarea|select)[^>]*\sname="{re.escape(name)}"', page) is not None


def option_token(page, title):
    match = re.search(rf'<option[^>]*value="([^"]*)"[^>]*>\s*{re.escape(title)}\s*<', page)
    return match.group(1) if match else title


def post_form(browser, url, **overrides):
    """Submit the Führungszeugnis form as a browser would, plus whatever a tamperer adds."""
    page = browser.get(url).text
    data = {
        "_authenticator": hidden(page, "_authenticator"),
        "form.widgets.herne_submission_token": hidden(page, "form.widgets.herne_submission_token"),
        "form.widgets.certificate_kind:list": option_token(page, "Privatführungszeugnis"),
        "form.widgets.certificate_kind-empty-marker": "1",
        "form.widgets.birth_place": "Bochum",
        "form.widgets.nationality": "deutsch",
        "form.widgets.privacy_consent:list": "selected",
        "form.widgets.privacy_consent-empty-marker": "1",
        "form.widgets.herne_contact": "email",  # the radio comes checked with E-Mail
        "form.buttons.submit": "Absenden",
    }
    data.update(overrides)
    return browser.post(url, data=data)


TAMPERED = {
    "form.widgets.first_name": "Mallory",
    "form.widgets.last_name": "Fälscher",
    "form.widgets.birth_date": "2001-01-01",
    "form.widgets.street": "Fremde Straße 1",
    "form.widgets.postcode": "10115",
    "form.widgets.city": "Berlin",
}


class TestVerifiedPrefill:
    def test_form_shows_verified_fields_fixed(self, eid_site, eid_browser):
        browser = eid_browser()
        page = browser.login(
            "erika", "substantial", came_from=form_url(eid_site["portal"], "fuehrungszeugnis")
        )
        assert "Erika" in page.text and "Mustermann" in page.text
        assert "Friedrich-Ebert-Platz 2" in page.text
        assert "aus dem Online-Ausweis bestätigt" in page.text
        # the verified birth date with its full year, as everywhere else on the portal
        assert "12.08.1964" in page.text
        assert "12.08.64" not in page.text
        # shown, not offered as inputs
        assert not has_input(page.text, "form.widgets.first_name")
        assert not has_input(page.text, "form.widgets.street")
        # what the eID does not verify stays editable
        assert has_input(page.text, "form.widgets.birth_place")

    def test_tampered_post_cannot_change_verified_fields(self, eid_site, eid_browser):
        browser = eid_browser()
        url = form_url(eid_site["portal"], "fuehrungszeugnis")
        browser.login("erika", "substantial", came_from=url)
        response = post_form(browser, url, **TAMPERED)
        assert response.status_code == 200
        applications = applications_of_email("erika.mustermann@example.org")
        assert len(applications) == 1
        application = applications[0]
        assert application.applicant_name == "Erika Mustermann"
        rows = {row["name"]: row["value"] for row in application.submitted_data}
        assert rows["first_name"] == "Erika"
        assert rows["last_name"] == "Mustermann"
        assert rows["birth_date"] == "12.08.1964"
        assert rows["street"] == "Friedrich-Ebert-Platz 2"
        assert rows["postcode"] == "44623"
        assert rows["city"] == "Herne"
        assert rows["birth_place"] == "Bochum"
        assert "Mallory" not in str(application.submitted_data)

    def test_rest_form_marks_verified_fields_and_ignores_tampering(self, eid_site, eid_browser):
        browser = eid_browser()
        url = form_url(eid_site["portal"], "fuehrungszeugnis")
        browser.login("max", "substantial")
        headers = {"Accept": "application/json"}
        listing = browser.get(f"{url}/@antragsformular", headers=headers)
        assert listing.status_code == 200
        fields = {field["name"]: field for field in listing.json()["fields"]}
        assert fields["first_name"] == {**fields["first_name"], "value": "Max", "verified": True}
        assert fields["birth_date"]["value"] == "1990-01-31"
        assert fields["birth_place"]["verified"] is False
        response = browser.post(
            f"{url}/@antragsformular",
            headers=headers,
            json={
                "values": {
                    "certificate_kind": "Privatführungszeugnis",
                    "first_name": "Mallory",
                    "city": "Berlin",
                    "birth_place": "Hagen",
                    "nationality": "deutsch",
                    "privacy_consent": True,
                }
            },
        )
        assert response.status_code == 201, response.text
        assert re.fullmatch(r"HER-\d{4}-\d{6}", response.json()["reference_number"])
        application = applications_of_email("max.muster@example.org")[0]
        assert application.applicant_name == "Max Muster"
        rows = {row["name"]: row["value"] for row in application.submitted_data}
        assert rows["city"] == "Herne"
        assert rows["birth_place"] == "Hagen"


class TestTrustGate:
    def test_basic_eid_log_in_too_low_for_substantial_service(self, eid_site, eid_browser):
        browser = eid_browser()
        url = form_url(eid_site["portal"], "fuehrungszeugnis")
        page = browser.login("erika", "basic", came_from=url)
        assert "Erneut mit Online-Ausweis anmelden" in page.text
        assert "form.buttons.submit" not in page.text
        # she did use the Online-Ausweis: told about its level, not about a "simple account"
        assert "einfachen Benutzerkonto" not in page.text
        assert "Vertrauensniveau" in page.text
        assert "acl_users/oidc/login?came_from=" in page.text
        # a submission posted anyway files nothing
        post_form(browser, url, **{"form.widgets.first_name": "Erika"})
        assert applications_of_email("erika.mustermann@example.org") == []
        headers = {"Accept": "application/json"}
        for response in (
            browser.get(f"{url}/@antragsformular", headers=headers),
            browser.post(f"{url}/@antragsformular", headers=headers, json={"values": {}}),
        ):
            assert response.status_code == 403
            assert "Online-Ausweis" in response.json()["error"]["message"]
            assert "einfachen Benutzerkonto" not in response.json()["error"]["message"]
            assert "acl_users/oidc/login" in response.json()["error"]["eid_login_url"]

    def test_substantial_eid_log_in_enough_for_basic_service(self, eid_site, eid_browser):
        browser = eid_browser()
        page = browser.login(
            "erika", "substantial", came_from=form_url(eid_site["portal"], "hundesteuer")
        )
        assert "form.buttons.submit" in page.text

    def test_local_account_counts_as_basic_on_rest(self, eid_site, eid_browser):
        browser = eid_browser()
        browser.auth = ("buerger", "demo-buerger-2026")
        headers = {"Accept": "application/json"}
        portal = eid_site["portal"]
        strong = browser.get(
            f"{form_url(portal, 'fuehrungszeugnis')}/@antragsformular", headers=headers
        )
        assert strong.status_code == 403
        assert "einfachen Benutzerkonto" in strong.json()["error"]["message"]
        basic = browser.get(f"{form_url(portal, 'hundesteuer')}/@antragsformular", headers=headers)
        assert basic.status_code == 200
        assert not any(field["verified"] for field in basic.json()["fields"])

    def test_rest_submission_only_as_json(self, eid_site, eid_browser):
        """A foreign page cannot send JSON without a CORS preflight; form posts are refused."""
        browser = eid_browser()
        url = form_url(eid_site["portal"], "hundesteuer")
        browser.login("erika", "substantial")
        response = browser.post(
            f"{url}/@antragsformular",
            headers={"Accept": "application/json", "Content-Type": "text/plain"},
            data='{"values": {"dog_name": "Bello"}}',
        )
        assert response.status_code == 415
        assert "als JSON" in response.json()["error"]["message"]
        assert applications_of_email("erika.mustermann@example.org") == []

    def test_anonymous_rest_gets_401(self, eid_site, eid_browser):
        response = eid_browser().get(
            f"{form_url(eid_site['portal'], 'hundesteuer')}/@antragsformular",
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 401
