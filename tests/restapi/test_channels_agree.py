"""Page and REST API read the same rules and data: limits, Postkorb rows, application detail."""

from base64 import b64encode
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.applications.limits import MAX_FILES
from herne.portal.applications.limits import MAX_TEXT
from herne.portal.applications.postkorb import postkorb_rows
from herne.portal.applications.postkorb import row_as_json
from herne.portal.applications.processing import perform
from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import PDF
from tests.fixtures.browsers import make_browser
from tests.fixtures.rest import relative as path_of
import transaction


@pytest.fixture()
def page(demo_functional):
    """The citizen's browser on the HTML pages."""
    return make_browser(demo_functional["app"], *CITIZEN, language=None)


@pytest.fixture()
def rest(api_session):
    return api_session(*CITIZEN)


def page_message(page, certificate_application, text):
    page.open(certificate_application.absolute_url())
    form = page.getForm(action="@@message")
    form.getControl(name="message_text").value = text
    form.submit()
    return page.contents


def test_one_character_over_the_limit_is_refused_alike(
    rest_portal, certificate_application, page, rest
):
    too_long = "x" * (MAX_TEXT + 1)
    expected = f"Die Nachricht ist zu lang (höchstens {MAX_TEXT} Zeichen)."
    response = rest.post(
        f"{path_of(certificate_application, rest_portal)}/@nachrichten", json={"text": too_long}
    )
    assert response.status_code == 400
    assert response.json()["error"]["errors"] == [{"field": "text", "message": expected}]
    assert expected in page_message(page, certificate_application, too_long)
    transaction.abort()
    assert not certificate_application.messages


def test_a_text_of_exactly_the_limit_goes_through_on_both(
    rest_portal, certificate_application, page, rest
):
    response = rest.post(
        f"{path_of(certificate_application, rest_portal)}/@nachrichten",
        json={"text": "r" * MAX_TEXT},
    )
    assert response.status_code == 201, response.text
    assert "Ihre Nachricht wurde gesendet." in page_message(
        page, certificate_application, "p" * MAX_TEXT
    )
    transaction.abort()
    assert sorted(entry["text"][0] for entry in certificate_application.messages) == ["p", "r"]


def test_one_file_over_the_limit_is_refused_with_the_limit_named(
    rest_portal, certificate_application, rest
):
    files = [
        {"filename": f"{number}.pdf", "data": b64encode(PDF).decode()}
        for number in range(MAX_FILES + 1)
    ]
    response = rest.post(
        f"{path_of(certificate_application, rest_portal)}/@nachrichten",
        json={"text": "Anbei", "files": files},
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == f"Höchstens {MAX_FILES} Dateien je Nachricht."
    ok = rest.post(
        f"{path_of(certificate_application, rest_portal)}/@nachrichten",
        json={"text": "Anbei", "files": files[:MAX_FILES]},
    )
    assert ok.status_code == 201, ok.text


def test_the_page_offers_as_many_file_fields_as_allowed(certificate_application, page):
    page.open(certificate_application.absolute_url())
    assert f"message_file_{MAX_FILES}" in page.contents
    assert f"message_file_{MAX_FILES + 1}" not in page.contents


def test_rest_and_page_postkorb_show_the_same_rows(
    rest_portal, certificate_application, page, rest
):
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(certificate_application, "accept")
        perform(certificate_application, "request_info", "Bitte Nachweis hochladen.")
    transaction.commit()
    items = rest.get("@postkorb").json()["items"]
    with api.env.adopt_user(username="buerger"):
        rows = postkorb_rows()
    assert items == [row_as_json(row) for row in rows]
    assert any(item["must_act"] for item in items)
    page.open(f"{rest_portal.absolute_url()}/@@postkorb")
    for item in items:
        assert item["reference_number"] in page.contents
        assert item["state_title"] in page.contents


def test_rest_detail_is_what_the_page_shows(rest_portal, certificate_application, page, rest):
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(certificate_application, "accept", "Intern: bekannt", internal=True)
        perform(certificate_application, "request_info", "Bitte Nachweis hochladen.")
    transaction.commit()
    detail = rest.get(f"{path_of(certificate_application, rest_portal)}/@antrag").json()
    with api.env.adopt_user(username="buerger"):
        assert detail == ApplicationDetail(certificate_application).as_json()
    page.open(certificate_application.absolute_url())
    assert detail["state_title"] in page.contents
    assert "Bitte Nachweis hochladen." in page.contents
    assert [entry["action"] for entry in detail["history"]][:2] == [
        "Unterlagen nachfordern",
        "Bearbeitung beginnen",
    ]
    assert "Intern: bekannt" not in str(detail)
