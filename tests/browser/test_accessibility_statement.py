"""The accessibility statement: its sections, the footer link and feedback by real e-mail."""

from herne.portal.browser.accessibility_statement import OMBUDS_URL
from herne.portal.browser.accessibility_statement import STATEMENT_DATE
from herne.portal.browser.accessibility_statement import ascii_address
from plone import api
from plone.testing.zope import Browser
import pytest
import re
from tests.fixtures.mail import parsed
import time
import transaction
from urllib.error import HTTPError
from urllib.parse import urlencode


PAGE = "@@erklaerung-barrierefreiheit"
CITY_ADDRESS = "serviceportal@herne.example"  # what the mailbox fixture sets


def text_of(browser):
    return re.sub(r"\s+", " ", browser.contents)


def field_html(browser, name):
    """The markup of one field of the feedback form: label, input, description and error."""
    match = re.search(
        rf'<div class="[^"]*" id="formfield-form-widgets-{name}".*?</div>\s*(?=<div class="mb-3|</div>)',
        browser.contents,
        re.S,
    )
    assert match, name
    return re.sub(r"\s+", " ", match.group(0))


def settle(messages, timeout=5):
    """Wait for mail to arrive, or long enough to be sure none is on its way."""
    deadline = time.time() + timeout
    while not messages and time.time() < deadline:
        time.sleep(0.05)
    return messages


@pytest.fixture()
def page_url(demo_portal):
    return f"{demo_portal.absolute_url()}/{PAGE}"


@pytest.fixture()
def feedback_browser(demo_functional, mailbox, page_url):
    """An anonymous visitor on the statement page, with the site's mail set up."""
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "de")
    browser.open(page_url)
    return browser


def fill(browser, message="", name="", email="", page=""):
    browser.getControl(name="form.widgets.name").value = name
    browser.getControl(name="form.widgets.email").value = email
    browser.getControl(name="form.widgets.page").value = page
    browser.getControl(name="form.widgets.message").value = message
    browser.getControl(name="form.buttons.send").click()


def test_statement_has_the_sections_the_law_asks_for(anon_browser, page_url):
    anon_browser.open(page_url)
    page = text_of(anon_browser)
    assert page.count("<h1") == 1
    assert "Erklärung zur Barrierefreiheit</h1>" in page
    assert "BGG NRW" in page and "BITV NRW" in page
    # Status of conformity, honestly partial, and what is not accessible.
    assert "Stand der Vereinbarkeit mit den Anforderungen</h2>" in page
    assert "teilweise barrierefrei" in page
    assert "WCAG) 2.1, Stufe AA" in page
    assert "Nicht barrierefreie Inhalte</h2>" in page
    barriers = re.search(r'<ul class="herne-known-barriers">(.*?)</ul>', page).group(1)
    assert barriers.count("<li>") >= 3
    assert "PDF-Dokumente, die andere bereitstellen oder hochladen" in barriers
    # When it was prepared, machine-readable too.
    assert "Erstellung dieser Erklärung</h2>" in page
    assert re.search(
        rf'<time datetime="{STATEMENT_DATE.isoformat()}">{STATEMENT_DATE.day}\. '
        rf"(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) "
        rf"{STATEMENT_DATE.year}</time>",
        page,
    )
    # Feedback and the enforcement procedure of North Rhine-Westphalia.
    assert "Barrieren melden: Feedback und Kontakt</h2>" in page
    assert "Durchsetzungsverfahren</h2>" in page
    assert (
        "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen" in page
    )
    assert "Landesbeauftragten für Menschen mit Behinderung" in page
    assert f'href="{OMBUDS_URL}"' in page
    assert 'href="mailto:ombudsstelle-barrierefreie-it@mags.nrw.de"' in page
    assert page.count("<h2") >= 5


def test_without_mail_settings_the_page_says_so_instead_of_a_dead_form(anon_browser, page_url):
    assert not api.portal.get_registry_record("plone.email_from_address", default="")
    anon_browser.open(page_url)
    page = text_of(anon_browser)
    assert "Das Formular für Rückmeldungen ist noch nicht eingerichtet." in page
    assert "form.buttons.send" not in page


def test_page_names_the_official_address_when_set(anon_browser, demo_portal, page_url):
    api.portal.set_registry_record("herne.portal.site.public_url", "https://www.herne.de/portal")
    transaction.commit()
    anon_browser.open(page_url)
    assert (
        "Diese Erklärung gilt für das Serviceportal der Stadt Herne unter "
        '<a href="https://www.herne.de/portal">https://www.herne.de/portal</a>.'
        in text_of(anon_browser)
    )


@pytest.mark.parametrize(
    "path",
    ["", "leistungen", "leistungen/hundesteuer", "@@lebenslagen", "@@echtes-serviceportal"],
)
def test_every_page_links_the_statement_in_the_footer(anon_browser, demo_portal, path):
    anon_browser.open(f"{demo_portal.absolute_url()}/{path}")
    footer = anon_browser.contents[anon_browser.contents.index('class="actions-site_actions"') :]
    assert f'href="{demo_portal.absolute_url()}/{PAGE}"' in footer
    assert "Erklärung zur Barrierefreiheit" in footer
    # Plone's generic page on accessibility is no longer linked beside it.
    assert "accessibility-info" not in footer


def test_footer_link_leads_to_the_statement(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"].absolute_url())
    anon_browser.getLink("Erklärung zur Barrierefreiheit").click()
    assert anon_browser.url == f"{demo_portal.absolute_url()}/{PAGE}"
    assert "Erklärung zur Barrierefreiheit</h1>" in anon_browser.contents


def test_feedback_reaches_the_city_by_real_mail(feedback_browser, mailbox, page_url):
    assert f'href="mailto:{CITY_ADDRESS}"' in feedback_browser.contents
    fill(
        feedback_browser,
        name="Hanna Neu",
        email="hanna.neu@example.org",
        page="https://www.herne.de/serviceportal/leistungen/wohngeld",
        message="Der Knopf „Weiter“ ist mit der Tastatur nicht erreichbar.\nBitte prüfen.",
    )
    # Post-redirect-get: back on the statement with a German confirmation.
    assert feedback_browser.url == page_url
    assert (
        "Vielen Dank! Ihre Rückmeldung zur Barrierefreiheit ist bei der Stadt Herne eingegangen."
        in (feedback_browser.contents)
    )

    (envelope,) = settle(mailbox)
    assert envelope.rcpt_tos == [CITY_ADDRESS]
    mail = parsed(envelope)
    assert mail["Subject"] == "Rückmeldung zur Barrierefreiheit des Serviceportals"
    assert mail["From"].addresses[0].addr_spec == CITY_ADDRESS
    (reply_to,) = mail["Reply-To"].addresses
    assert reply_to.addr_spec == "hanna.neu@example.org"
    assert reply_to.display_name == "Hanna Neu"
    body = mail.get_body(("plain",)).get_content()
    assert "Der Knopf „Weiter“ ist mit der Tastatur nicht erreichbar.\nBitte prüfen." in body
    assert "Betroffene Seite: https://www.herne.de/serviceportal/leistungen/wohngeld" in body
    assert "Name: Hanna Neu" in body
    assert page_url in body
    assert all(len(line) <= 998 for line in envelope.content.splitlines())


def test_anonymous_feedback_needs_only_the_message(feedback_browser, mailbox):
    fill(feedback_browser, message="Die Schrift ist zu klein.")
    (envelope,) = settle(mailbox)
    mail = parsed(envelope)
    assert mail["Reply-To"] is None
    body = mail.get_body(("plain",)).get_content()
    assert "Die Schrift ist zu klein." in body
    assert "Name: nicht angegeben" in body
    assert "E-Mail: nicht angegeben" in body


def test_reply_to_carries_an_unusual_name_safely(feedback_browser, mailbox):
    fill(feedback_browser, name='Müller, "Jo" <Chef>', email="jo@example.org", message="Test")
    mail = parsed(settle(mailbox)[0])
    (reply_to,) = mail["Reply-To"].addresses
    assert reply_to.display_name == 'Müller, "Jo" <Chef>'
    assert reply_to.addr_spec == "jo@example.org"
    assert mail["To"] == CITY_ADDRESS


def test_footer_link_fills_in_the_page_concerned(demo_functional, mailbox, demo_portal):
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    service_url = demo_portal["leistungen"]["wohngeld"].absolute_url()
    browser.open(service_url)
    browser.getLink("Erklärung zur Barrierefreiheit").click()
    assert browser.getControl(name="form.widgets.page").value == service_url


@pytest.mark.parametrize(
    "entries, field, error",
    [
        (
            {"email": "hanna-at-example.org", "message": "Zu wenig Kontrast."},
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.",
        ),
        (
            {"email": "a,b@example.org", "message": "Zu wenig Kontrast."},
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an",
        ),
        (
            {"name": "Hanna", "message": "   "},
            "message",
            "Bitte schreiben Sie uns, welche Barriere Sie gefunden haben.",
        ),
        (
            {"message": ""},
            "message",
            "Bitte schreiben Sie uns, welche Barriere Sie gefunden haben.",
        ),
        (
            {"message": "x" * 5001},
            "message",
            "Die Nachricht ist zu lang (höchstens 5000 Zeichen).",
        ),
        (
            {"name": "N" * 101, "message": "Zu wenig Kontrast."},
            "name",
            "zu lang",
        ),
    ],
)
def test_bad_input_gets_a_german_message_at_the_field_and_sends_nothing(
    feedback_browser,
    mailbox,
    entries,
    field,
    error,
):
    fill(feedback_browser, **entries)
    # The status names the field to correct.
    assert "Bitte korrigieren Sie 1 Angabe(n):" in feedback_browser.contents
    html = field_html(feedback_browser, field)
    assert error in html
    # The error is announced with its field.
    assert 'aria-invalid="true"' in html
    assert f'aria-describedby="form-widgets-{field}-error"' in html
    # What the visitor typed is still there.
    if entries.get("message", "").strip():
        assert feedback_browser.getControl(name="form.widgets.message").value == entries["message"]
    assert settle(mailbox, timeout=0.5) == []


def post_raw(browser, url, fields):
    try:
        browser.open(url, data=urlencode(fields))
    except HTTPError as error:  # pragma: no cover - a 403 would fail the test below
        pytest.fail(f"{error.code}: the form must answer in German, not with an HTTP error")


def form_fields(browser, **changes):
    fields = {
        "form.widgets.name": "",
        "form.widgets.email": "",
        "form.widgets.page": "",
        "form.widgets.message": "Zu wenig Kontrast.",
        "form.buttons.send": "Rückmeldung senden",
        "_authenticator": browser.getControl(name="_authenticator").value,
    }
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not None}


@pytest.mark.parametrize("token", [None, "", "0" * 40])
def test_without_a_valid_token_nothing_is_sent(
    feedback_browser,
    mailbox,
    page_url,
    token,
):
    post_raw(feedback_browser, page_url, form_fields(feedback_browser, _authenticator=token))
    page = text_of(feedback_browser)
    assert "Das Formular war zu lange geöffnet oder ist ungültig." in page
    assert "statusmessage-error" in page
    # The text stays, and a fresh token lets the visitor simply send again.
    assert feedback_browser.getControl(name="form.widgets.message").value == "Zu wenig Kontrast."
    assert settle(mailbox, timeout=0.5) == []
    feedback_browser.getControl(name="form.buttons.send").click()
    assert len(settle(mailbox)) == 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"form.widgets.name": "Eve\r\nBcc: opfer@example.org"}, "name"),
        ({"form.widgets.name": "Eve\nBcc: opfer@example.org"}, "name"),
        ({"form.widgets.email": "eve@example.org\r\nBcc: opfer@example.org"}, "email"),
        ({"form.widgets.email": "eve@example.org, opfer@example.org"}, "email"),
        ({"form.widgets.email": "Eve <eve@example.org>"}, "email"),
    ],
)
def test_no_header_injection_through_name_or_email(
    feedback_browser,
    mailbox,
    page_url,
    changes,
    field,
):
    post_raw(feedback_browser, page_url, form_fields(feedback_browser, **changes))
    assert 'aria-invalid="true"' in field_html(feedback_browser, field)
    assert settle(mailbox, timeout=0.5) == []


def test_mail_settings_gone_meanwhile_nothing_is_lost_silently(
    feedback_browser,
    mailbox,
):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    fill(feedback_browser, message="Zu wenig Kontrast.")
    assert "Ihre Rückmeldung kann gerade nicht gesendet werden." in feedback_browser.contents
    assert "statusmessage-error" in feedback_browser.contents
    assert settle(mailbox, timeout=0.5) == []


def test_get_request_never_sends(feedback_browser, mailbox, page_url):
    query = urlencode(form_fields(feedback_browser))
    feedback_browser.open(f"{page_url}?{query}")
    assert settle(mailbox, timeout=0.5) == []


def test_form_fields_help_browsers_and_assistive_technology(feedback_browser):
    name = field_html(feedback_browser, "name")
    email = field_html(feedback_browser, "email")
    assert 'autocomplete="name"' in name
    assert 'autocomplete="email"' in email and 'inputmode="email"' in email
    assert "Ihre Nachricht" in field_html(feedback_browser, "message")
    # The long page does not jump to the form on load.
    assert "pat-formautofocus" not in feedback_browser.contents
    form = feedback_browser.getForm(id="herne-accessibility-feedback-form")
    assert form.action.endswith(f"{PAGE}#herne-feedback")
    assert form.method.upper() == "POST"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("name@example.org", "name@example.org"),
        ("  o'hara+a11y@example.org ", "o'hara+a11y@example.org"),
        ("jens@österreich.example", "jens@xn--sterreich-z7a.example"),
        ("name@example", None),
        ("name@@example.org", None),
        ("na me@example.org", None),
        ("a..b@example.org", None),
        ("name@exa_mple.org", None),
        ("", None),
    ],
)
def test_reply_addresses(value, expected):
    assert ascii_address(value) == expected
