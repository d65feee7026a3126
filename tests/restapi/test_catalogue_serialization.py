"""plone.restapi returns every field of services and departments, structured fields as JSON."""

from herne.portal.content.department import IDepartment
from herne.portal.content.service import IService
import pytest
from zope.schema import getFieldNames


def test_service_has_every_field(api_session):
    response = api_session().get("leistungen/fuehrungszeugnis")
    assert response.status_code == 200
    data = response.json()
    missing = set(getFieldNames(IService)) - set(data)
    assert missing == set()
    assert data["@type"] == "Service"
    assert data["title"].startswith("Führungszeugnis")
    assert data["trust_level"] == {"token": "substantial", "title": "Substanziell (eID)"}
    assert data["online_availability"]["token"] == "online_form"
    assert data["result_delivery"]["token"] == "post"
    assert data["department"]["@type"] == "Department"
    assert data["department"]["@id"].endswith(
        "/organisation/" + data["department"]["@id"].rsplit("/", 1)[1]
    )
    assert data["prerequisites"]["content-type"] == "text/html"
    assert isinstance(data["subjects"], list)


def test_structured_fields_are_structured(api_session):
    data = api_session().get("leistungen/fuehrungszeugnis").json()
    fee = data["fees"][0]
    assert fee == {"amount": "13.00", "purpose": fee["purpose"]}
    document = data["required_documents"][0]
    assert set(document) == {"name", "note", "provision"}
    assert document["provision"] in {"upload", "original", "none"}
    situations = data["life_situations"]
    assert all(set(item) == {"token", "title"} for item in situations)


def test_free_service_has_empty_fee_list(api_session):
    data = api_session().get("leistungen/wohngeld").json()
    assert data["fees"] == []


def test_department_has_every_field(api_session):
    data = api_session().get("organisation/buergerdienste-herne-mitte").json()
    missing = set(getFieldNames(IDepartment)) - set(data)
    assert missing == set()
    assert "Friedrich-Ebert-Platz" in data["address"]
    assert data["clerks_group"]["token"] == "clerks-buergerdienste-herne-mitte"


VALID = {
    "@type": "Service",
    "title": "Fischereischein (Test)",
    "service_key": "99000000000001",
    "life_situations": ["leisure_culture"],
    "required_documents": [{"name": "Passfoto", "note": "", "provision": "original"}],
    "fees": [{"amount": "24.00", "purpose": "Fischereischein"}],
    "trust_level": "basic",
    "online_availability": "online_form",
    "result_delivery": "post",
}


def test_create_service_through_rest(manager_session):
    response = manager_session.post("leistungen", json=VALID)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["fees"] == [{"amount": "24.00", "purpose": "Fischereischein"}]
    assert data["required_documents"][0]["provision"] == "original"


@pytest.mark.parametrize(
    "override, field, message",
    [
        ({"service_key": "12345"}, "service_key", "14 Ziffern"),
        ({"fees": [{"amount": "-5", "purpose": "Gebühr"}]}, "fees", "negativ"),
        ({"fees": [{"amount": "zwölf", "purpose": "Gebühr"}]}, "fees", "Betrag"),
        (
            {"required_documents": [{"name": "", "note": "", "provision": "upload"}]},
            "required_documents",
            "Bezeichnung",
        ),
        ({"life_situations": ["time_travel"]}, "life_situations", "Lebenslage"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(manager_session, override, field, message):
    before = manager_session.get("leistungen").json()["items_total"]
    response = manager_session.post("leistungen", json={**VALID, **override})
    assert response.status_code == 400, response.text
    assert message in response.text
    assert manager_session.get("leistungen").json()["items_total"] == before
