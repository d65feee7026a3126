"""The summary in Leichte Sprache on service pages: edited, shown only when filled, in REST."""

from herne.portal.content.service import IService
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.supermodel.interfaces import FIELDSETS_KEY
import pytest
import re
import transaction
from zope import schema
from zope.i18n import translate


FIELD = "plain_language_summary"
SUMMARY = (
    "Sie haben ein Pferd?\nDann brauchen Sie ein Schild.\n\nDas Schild heißt: Reit-Kennzeichen."
)


def plain_language_section(html):
    match = re.search(r'<section class="card herne-plain-language.*?</section>', html, re.S)
    return re.sub(r"\s+", " ", match.group(0)) if match else None


def rest_get(browser, url):
    response = browser.testapp.get(url, headers={"Accept": "application/json"})
    assert response.status_int == 200
    return response.json


def test_field_is_optional_text_with_german_title_and_help():
    field = IService[FIELD]
    assert isinstance(field, schema.Text)
    assert not field.required
    assert translate(field.title, target_language="de") == "Zusammenfassung in Leichter Sprache"
    assert "ein Gedanke pro Satz" in translate(field.description, target_language="de")
    (fieldset,) = [
        fieldset
        for fieldset in IService.queryTaggedValue(FIELDSETS_KEY)
        if FIELD in fieldset.fields
    ]
    assert translate(fieldset.label, target_language="de") == "Leichte Sprache"


def test_section_shows_the_summary_line_by_line(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    section = plain_language_section(anon_browser.contents)
    assert section is not None
    assert 'lang="de"' in section
    assert 'aria-labelledby="herne-plain-language-heading"' in section
    assert (
        '<h2 class="card-title h4" id="herne-plain-language-heading">In Leichter Sprache</h2>'
        in (section)
    )
    assert '<p class="mb-2">Sie haben einen Hund?</p>' in section
    assert '<p class="mb-2">Die Steuer heißt: Hunde-Steuer.</p>' in section
    # Near the top: before the call to action and the details.
    html = anon_browser.contents
    assert html.index("herne-plain-language") < html.index("herne-cta")
    assert html.index("herne-plain-language") < html.index("herne-prerequisites")


@pytest.mark.parametrize("service_id", ["hundesteuer", "wohngeld", "personalausweis"])
def test_demo_services_have_a_short_summary(demo_portal, service_id):
    lines = demo_portal["leistungen"][service_id].plain_language_summary.splitlines()
    assert 5 <= len(lines) <= 12
    # Short sentences, one idea each.
    assert all(len(line.split()) <= 12 for line in lines)
    assert all(line.rstrip()[-1] in ".?!" for line in lines)


@pytest.mark.parametrize("value", [None, "", "  \n \n"])
def test_no_section_without_a_summary(anon_browser, demo_portal, value):
    service = demo_portal["leistungen"]["reitkennzeichen"]
    service.plain_language_summary = value
    transaction.commit()
    anon_browser.open(service.absolute_url())
    assert "herne-plain-language" not in anon_browser.contents
    assert "In Leichter Sprache" not in anon_browser.contents


def test_summary_is_escaped(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["reitkennzeichen"]
    service.plain_language_summary = "Das ist <b>wichtig</b>.\n<script>alert(1)</script>"
    transaction.commit()
    anon_browser.open(service.absolute_url())
    section = plain_language_section(anon_browser.contents)
    assert "&lt;b&gt;wichtig&lt;/b&gt;." in section
    assert "<script>" not in section


def test_editor_writes_the_summary_in_the_edit_form(manager_browser, demo_portal):
    service = demo_portal["leistungen"]["reitkennzeichen"]
    manager_browser.open(f"{service.absolute_url()}/edit")
    assert "Zusammenfassung in Leichter Sprache" in manager_browser.contents
    assert "Leichte Sprache" in manager_browser.contents
    manager_browser.getControl(name=f"form.widgets.{FIELD}").value = SUMMARY
    manager_browser.getControl(name="form.buttons.save").click()

    section = plain_language_section(manager_browser.contents)
    assert '<p class="mb-2">Dann brauchen Sie ein Schild.</p>' in section
    # Empty lines leave no empty paragraphs.
    assert section.count('<p class="mb-2">') == 3
    transaction.begin()
    assert service.plain_language_summary.splitlines()[0] == "Sie haben ein Pferd?"


def test_rest_serializes_the_summary(anon_browser, demo_portal):
    data = rest_get(anon_browser, demo_portal["leistungen"]["hundesteuer"].absolute_url())
    assert data[FIELD].startswith("Sie haben einen Hund?\nDann bezahlen Sie")
    data = rest_get(anon_browser, demo_portal["leistungen"]["reitkennzeichen"].absolute_url())
    assert FIELD in data
    assert data[FIELD] is None


def test_rest_writes_the_summary(manager_browser, demo_portal):
    url = demo_portal["leistungen"]["reitkennzeichen"].absolute_url()
    response = manager_browser.testapp.patch_json(
        url,
        {FIELD: SUMMARY},
        headers={
            "Accept": "application/json",
            "Authorization": f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}",
        },
    )
    assert response.status_int == 204
    assert rest_get(manager_browser, url)[FIELD] == SUMMARY


def test_search_finds_a_service_by_its_summary(demo_portal):
    service = demo_portal["leistungen"]["reitkennzeichen"]
    service.plain_language_summary = "Das Schild heißt: Pferdeplakette."
    service.reindexObject()
    found = api.content.find(portal_type="Service", SearchableText="Pferdeplakette")
    assert [brain.getId for brain in found] == ["reitkennzeichen"]
