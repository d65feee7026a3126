"""Varnish in front of the cluster: public pages come from the cache, personal ones never, edits show at once.

On the cluster of ``conftest.py``; skipped where Varnish is not installed (the
cluster then runs without a cache).
"""

from html.parser import HTMLParser
from pathlib import Path
import pytest
import re
import requests
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.fixtures.applications import CITIZEN  # noqa: E402
from tests.fixtures.applications import OTHER_CITIZEN  # noqa: E402


pytestmark = pytest.mark.slow

SERVICE = "leistungen/hundesteuer"
FORM = f"{SERVICE}/antrag"
ADMIN = ("admin", "admin")
REFERENCE = re.compile(r"HER-\d{4}-\d{6}")


@pytest.fixture(scope="module")
def site(cluster):
    settings, _env = cluster
    if not settings.cache:
        pytest.skip("Varnish is not installed (Debian package varnish): the cluster has no cache")
    return settings.public_url


class HiddenInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value") or ""


def hidden_inputs(html):
    parser = HiddenInputs()
    parser.feed(html)
    return parser.values


def logged_in(site, credentials):
    """A session with the citizen's log-in cookie, logged in through the cache."""
    session = requests.Session()
    origin = site.rsplit("/", 1)[0]
    username, password = credentials
    response = session.post(
        f"{site}/login",
        data={
            "__ac_name": username,
            "__ac_password": password,
            "came_from": "",
            "buttons.login": "Anmelden",
        },
        headers={"Origin": origin},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302 and "__ac" in session.cookies, response.status_code
    return session


def submit_dog_tax(session, site, last_name):
    """The citizen applies for the dog tax; returns the application's address."""
    page = session.get(f"{site}/{FORM}", timeout=60)
    assert page.status_code == 200
    fields = {
        **hidden_inputs(page.text),
        "form.widgets.registration_type:list": "Hund abmelden",
        "form.widgets.first_name": "Cache",
        "form.widgets.last_name": last_name,
        "form.widgets.birth_date": "1970-01-01",
        "form.widgets.street": "Bahnhofstraße 1",
        "form.widgets.postcode": "44623",
        "form.widgets.city": "Herne",
        "form.widgets.email": "",
        "form.widgets.dog_name": "Bello",
        "form.widgets.dog_breed": "Dackel",
        "form.widgets.dog_since": "2026-01-15",
        "form.widgets.iban": "",
        "form.widgets.privacy_consent:list": "selected",
        "form.widgets.herne_contact": "email",
        "form.buttons.submit": "Antrag absenden",
    }
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    sent = session.post(
        f"{site}/{FORM}",
        data=fields,
        files={"form.widgets.transfer_proof": ("vertrag.pdf", pdf, "application/pdf")},
        allow_redirects=False,
        timeout=120,
    )
    assert sent.status_code == 302 and "/antraege/" in sent.headers["Location"], sent.status_code
    return sent.headers["Location"]


def test_anonymous_service_page_comes_from_the_cache(site):
    first = requests.get(f"{site}/{SERVICE}", timeout=60)
    second = requests.get(f"{site}/{SERVICE}", timeout=60)
    assert first.status_code == second.status_code == 200
    assert second.headers["X-Cache"] == "HIT"
    assert second.text == first.text


def test_a_second_citizen_never_sees_the_first_ones_pages(site):
    first = logged_in(site, CITIZEN)
    second = logged_in(site, OTHER_CITIZEN)
    application = submit_dog_tax(first, site, "Erstbuerger")

    own = first.get(application, timeout=60)
    assert own.status_code == 200 and "Erstbuerger" in own.text
    postkorb = first.get(f"{site}/@@postkorb", timeout=60)
    assert postkorb.status_code == 200
    reference = REFERENCE.search(own.text).group(0)
    assert reference in postkorb.text
    form = first.get(f"{site}/{FORM}", timeout=60)
    token = hidden_inputs(form.text)["form.widgets.herne_submission_token"]
    authenticator = hidden_inputs(form.text).get("_authenticator")

    # The uploaded proof, as the application page links it.
    downloads = sorted(set(re.findall(r'href="([^"]*download[^"]*)"', own.text)))
    assert downloads, "the application page links no file"
    for link in downloads:
        owned = first.get(link, timeout=60)
        assert owned.status_code == 200 and owned.content.startswith(b"%PDF"), link

    # The same addresses, asked by the second citizen and by anonymous visitors right after.
    for _round in range(2):
        other_postkorb = second.get(f"{site}/@@postkorb", timeout=60)
        assert other_postkorb.status_code == 200
        assert reference not in other_postkorb.text
        assert "Erstbuerger" not in other_postkorb.text
        other_form = second.get(f"{site}/{FORM}", timeout=60)
        other_inputs = hidden_inputs(other_form.text)
        assert other_inputs["form.widgets.herne_submission_token"] != token
        if authenticator:
            assert other_inputs.get("_authenticator") != authenticator
        other_application = second.get(application, timeout=60, allow_redirects=False)
        assert "Erstbuerger" not in other_application.text
        assert reference not in other_application.text
        for link in downloads:
            for client in (second, requests):
                other_file = client.get(link, timeout=60, allow_redirects=False)
                assert not other_file.content.startswith(b"%PDF"), link
                assert other_file.headers.get("X-Cache") != "HIT", link
        for path in (application, f"{site}/@@postkorb", f"{site}/{FORM}"):
            anonymous = requests.get(path, timeout=60, allow_redirects=False)
            assert "Erstbuerger" not in anonymous.text
            assert reference not in anonymous.text
            assert token not in anonymous.text
            assert anonymous.headers.get("X-Cache") != "HIT", path
        for response in (other_postkorb, other_form, other_application):
            assert response.headers.get("X-Cache") != "HIT"


def test_the_rest_answer_is_not_the_cached_page(site):
    requests.get(f"{site}/{SERVICE}", timeout=60)
    answer = requests.get(f"{site}/{SERVICE}", headers={"Accept": "application/json"}, timeout=60)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.json()["@id"].endswith(SERVICE)


def test_an_edit_is_visible_to_anonymous_within_one_second(site):
    url = f"{site}/{SERVICE}"
    requests.get(url, timeout=60)
    cached = requests.get(url, timeout=60)
    assert cached.headers["X-Cache"] == "HIT"
    # the A-Z lists the service: it is in the cache too
    requests.get(f"{site}/leistungen", timeout=60)
    assert requests.get(f"{site}/leistungen", timeout=60).headers["X-Cache"] == "HIT"
    title = f"Hundesteuer (geändert {time.time():.0f})"
    assert title not in cached.text
    edit = requests.patch(
        url,
        json={"title": title},
        auth=ADMIN,
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert edit.status_code == 204, edit.text
    saved = time.monotonic()
    while title not in (shown := requests.get(url, timeout=60)).text:
        assert time.monotonic() - saved < 1.0, "the edit was not visible within 1 s"
        time.sleep(0.05)
    assert shown.status_code == 200
    # and the A-Z shows the new title too (purged with the service)
    assert title in requests.get(f"{site}/leistungen", timeout=60).text
