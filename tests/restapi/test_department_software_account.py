"""A department's software (webhook receiver) reads its department's applications and files by REST with a technical account, and changes nothing."""

from base64 import b64encode
from herne.portal.applications.department_readers import revoke_department_reader
from plone import api
from plone.namedfile.file import NamedBlobFile
import pytest
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import add_department_reader
from tests.fixtures.applications import build_application
from tests.fixtures.rest import portal_session
import transaction


SOFTWARE = ("fachverfahren-buergerdienste", "Fv-Buergerdienste-2026-lang")
SECRET = b"%PDF-1.4\n% Schreiben-des-Vereins-0815\n%%EOF\n"


@pytest.fixture
def own_and_other(rest_portal):
    """A Führungszeugnis (Bürgerdienste, the account's department) with a file, and a dog tax (Steuern)."""
    add_department_reader(rest_portal, "fuehrungszeugnis", *SOFTWARE)
    own = build_application(
        rest_portal,
        "fuehrungszeugnis",
        name="Olga Owntest",
        uploads={
            "purpose_letter": ("Schreiben", NamedBlobFile(data=SECRET, filename="verein.pdf"))
        },
        delivery="post",
    )
    other = build_application(rest_portal, "hundesteuer", name="Otto Fremdling")
    transaction.commit()
    return own, other


def path(obj, portal):
    return obj.absolute_url()[len(portal.absolute_url()) :]


def test_reads_its_departments_application_and_file(rest_portal, own_and_other):
    own, _other = own_and_other
    session = portal_session(rest_portal, *SOFTWARE)
    (evidence,) = own.contentValues()

    answer = session.get(path(own, rest_portal))
    assert answer.status_code == 200, answer.text
    assert answer.json()["reference_number"] == own.reference_number
    assert "Olga Owntest" in answer.text
    assert session.get(path(own, rest_portal) + "/@antrag").status_code == 200
    download = session.get(path(evidence, rest_portal) + "/@@download/file")
    assert download.status_code == 200
    assert download.content == SECRET

    found = session.get(
        "@search", params={"portal_type": "Application", "metadata_fields": "reference_number"}
    ).json()
    assert [item["reference_number"] for item in found["items"]] == [own.reference_number]


def test_never_sees_another_departments_application(rest_portal, own_and_other):
    _own, other = own_and_other
    session = portal_session(rest_portal, *SOFTWARE)
    for url in (
        path(other, rest_portal),
        path(other, rest_portal) + "/@antrag",
        path(other.aq_parent, rest_portal),
    ):
        answer = session.get(url)
        assert answer.status_code in (401, 403, 404), (url, answer.status_code)
        assert "Fremdling" not in answer.text
        assert other.reference_number not in answer.text
    found = session.get("@search", params={"SearchableText": "Fremdling"}).json()
    assert found["items_total"] == 0


def test_every_write_is_refused_with_403_and_a_german_reason(rest_portal, own_and_other, check):
    own, other = own_and_other
    session = portal_session(rest_portal, *SOFTWARE)
    (evidence,) = own.contentValues()
    url = path(own, rest_portal)
    attempts = [
        session.patch(url, json={"title": "geändert"}),
        session.post(f"{url}/@workflow/accept", json={}),
        session.post(f"{url}/@workflow/reject", json={"comment": "nein"}),
        session.post(f"{url}/@workflow/withdraw", json={}),
        session.post(f"{url}/@nachrichten", json={"text": "Hallo aus dem Fachverfahren"}),
        session.post(
            f"{url}/@antwort",
            json={
                "text": "x",
                "files": [{"filename": "a.pdf", "data": b64encode(SECRET).decode()}],
            },
        ),
        session.delete(path(evidence, rest_portal)),
        session.delete(url),
        session.post(url, json={"@type": "ApplicationFile", "title": "neu"}),
        session.patch(path(other, rest_portal), json={"title": "geändert"}),
    ]
    for answer in attempts:
        where = (answer.request.method, answer.request.url)
        check(answer, 403)  # as docs/openapi.yaml describes it
        assert "darf Anträge nur lesen" in answer.json()["message"], where
        assert "Fremdling" not in answer.text
    transaction.abort()
    assert api.content.get_state(own) == "submitted"
    assert own.title != "geändert"
    assert other.title != "geändert"
    assert not own.messages
    assert len(own.contentValues()) == 1


def test_a_citizen_writing_where_it_may_not_still_hears_401(rest_portal, own_and_other):
    """Only the department software's account is told 403; nothing else changes for others."""
    own, _other = own_and_other
    answer = portal_session(rest_portal, *OTHER_CITIZEN).patch(
        path(own, rest_portal), json={"title": "geändert"}
    )
    assert answer.status_code in (401, 404)


def test_it_may_still_log_in_and_search_by_post(rest_portal, own_and_other):
    own, _other = own_and_other
    session = portal_session(rest_portal, *SOFTWARE)
    login = session.post("@login", json={"login": SOFTWARE[0], "password": SOFTWARE[1]})
    assert login.status_code == 200, login.text
    found = session.post(
        "@querystring-search",
        json={
            "query": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["Application"],
                }
            ],
            "metadata_fields": ["reference_number"],
        },
    )
    assert found.status_code == 200, found.text
    assert [item["reference_number"] for item in found.json()["items"]] == [own.reference_number]


def test_access_ends_when_the_role_is_taken_away(rest_portal, own_and_other):
    own, _other = own_and_other
    with api.env.adopt_roles(["Manager"]):
        revoke_department_reader(
            rest_portal["leistungen"]["fuehrungszeugnis"].department_object(), SOFTWARE[0]
        )
    transaction.commit()
    answer = portal_session(rest_portal, *SOFTWARE).get(path(own, rest_portal))
    assert answer.status_code in (401, 403, 404)


def test_administrators_grant_it_on_the_areas_sharing_page(rest_portal, manager_browser):
    area = build_application(rest_portal, "fuehrungszeugnis").aq_parent
    transaction.commit()
    manager_browser.open(area.absolute_url() + "/@@sharing")
    assert "Fachverfahren (nur lesen)" in manager_browser.contents
    manager_browser.open(rest_portal["leistungen"]["hundesteuer"].absolute_url() + "/@@sharing")
    assert "Fachverfahren (nur lesen)" not in manager_browser.contents
