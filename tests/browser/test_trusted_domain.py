"""Citizens learn the official domain: the page @@echtes-serviceportal and the notice on every form."""

from herne.portal.browser.trusted_domain import look_alikes
from html.parser import HTMLParser
from plone import api
import pytest
import re
import transaction
from urllib.parse import urljoin
from urllib.parse import urlsplit


PUBLIC_URL = "https://www.herne.de/serviceportal"


def text_of(browser):
    return re.sub(r"\s+", " ", browser.contents)


class FormActions(HTMLParser):
    """The action of every <form> on a page."""

    def __init__(self):
        super().__init__()
        self.actions = []

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.actions.append(dict(attrs).get("action"))


def origin(url):
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def has_control(form, name):
    try:
        form.getControl(name=name)
    except LookupError:
        return False
    return True


@pytest.fixture()
def public_url(demo_functional):
    api.portal.set_registry_record("herne.portal.site.public_url", PUBLIC_URL)
    transaction.commit()
    return PUBLIC_URL


@pytest.fixture()
def citizen_browser(browser_as):
    return browser_as("buerger", "demo-buerger-2026")


def test_page_names_the_configured_domain(anon_browser, demo_portal, public_url):
    anon_browser.open(f"{demo_portal.absolute_url()}/@@echtes-serviceportal")
    page = text_of(anon_browser)
    assert "So erkennen Sie das echte Serviceportal</h1>" in page
    assert f'href="{PUBLIC_URL}"' in page
    assert '<strong class="herne-official-domain">www.herne.de</strong>' in page
    assert "https://" in page and "Schloss" in page
    assert "Anzeige" in page
    assert "niemals per E-Mail oder SMS" in page
    assert "Wenn Sie unsicher sind</h2>" in page
    for example in look_alikes("www.herne.de"):
        assert example in page
    # Accessible structure: one h1, sections with h2, lists.
    assert page.count("<h1") == 1
    assert page.count("<h2") >= 4
    assert "<ol>" in page and "<ul" in page


def test_page_never_vouches_for_the_request_host(anon_browser, demo_portal):
    """Without the setting the page names no domain: not the host it was asked on."""
    assert not api.portal.get_registry_record("herne.portal.site.public_url", default=None)
    anon_browser.open(f"{demo_portal.absolute_url()}/@@echtes-serviceportal")
    page = text_of(anon_browser)
    host = urlsplit(demo_portal.absolute_url()).hostname
    assert "noch nicht eingestellt" in page
    assert "herne-official-domain" not in page
    assert f"<strong>{host}</strong>" not in page


def test_look_alikes_differ_from_the_domain():
    examples = look_alikes("www.herne.de")
    assert "www.herne.de" not in examples
    assert "www.hherne.de" in examples
    assert "www.herne.de.antrag-online.com" in examples
    assert look_alikes("localhost")


def test_form_names_the_official_domain(citizen_browser, demo_portal, public_url):
    citizen_browser.open(demo_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url())
    page = text_of(citizen_browser)
    assert (
        "Sie sind auf dem offiziellen Serviceportal der Stadt Herne: "
        "<strong>www.herne.de</strong>. Geben Sie Ihre Daten nur hier ein." in page
    )
    assert f'href="{demo_portal.absolute_url()}/@@echtes-serviceportal"' in page
    link = citizen_browser.getLink("So erkennen Sie das echte Serviceportal")
    link.click()
    assert "So erkennen Sie das echte Serviceportal</h1>" in citizen_browser.contents


def test_form_notice_needs_the_setting(citizen_browser, demo_portal):
    citizen_browser.open(demo_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url())
    assert "herne-trusted-domain alert" not in text_of(citizen_browser)
    assert "form.buttons.submit" in citizen_browser.contents


def test_no_notice_elsewhere(anon_browser, demo_portal, public_url):
    anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    assert "herne-trusted-domain alert" not in anon_browser.contents
    anon_browser.open(demo_portal["leistungen"].absolute_url())
    assert "herne-trusted-domain alert" not in anon_browser.contents


def test_application_form_posts_to_the_portal(citizen_browser, demo_portal):
    form_url = demo_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url()
    citizen_browser.open(form_url)
    parser = FormActions()
    parser.feed(citizen_browser.contents)
    assert parser.actions, "the page has forms"
    page_origin = origin(citizen_browser.url)
    for action in parser.actions:
        assert origin(urljoin(citizen_browser.url, action or "")) == page_origin, action
    # The application form itself posts back to the form on the portal.
    (submit_form,) = [
        form
        for form in (citizen_browser.getForm(index=i) for i in range(len(parser.actions)))
        if has_control(form, "form.buttons.submit")
    ]
    assert origin(submit_form.action) == page_origin
    assert submit_form.action.startswith(form_url)
    assert submit_form.method.upper() == "POST"


def test_every_page_links_the_page_in_the_footer(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"].absolute_url())
    assert f"{demo_portal.absolute_url()}/@@echtes-serviceportal" in anon_browser.contents
    assert "So erkennen Sie das echte Serviceportal" in anon_browser.contents
