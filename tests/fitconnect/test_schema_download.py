"""Administrators download a service's data-set JSON Schema, generated from its form; it changes with the form."""

from herne.portal.fitconnect.dataset import form_json_schema
import jsonschema
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
from tests.fixtures.fitconnect import complete_rows
from tests.fixtures.rest import portal_session


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
EDITOR = ("redaktion", "demo-redaktion-2026")
CITIZEN = ("buerger", "demo-buerger-2026")


def test_the_administrator_downloads_the_schema_of_the_services_form(demo_functional):
    portal = demo_functional["portal"]
    service = portal["leistungen"]["hundesteuer"]
    answer = portal_session(portal, *ADMIN).get(f"{service.absolute_url()}/@@fit-connect-schema")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/schema+json")
    assert 'filename="hundesteuer.schema.json"' in answer.headers["Content-Disposition"]
    schema = answer.json()
    jsonschema.Draft202012Validator.check_schema(schema)
    fields = schema["properties"]["fields"]
    assert {row["name"] for row in complete_rows(service)} == set(fields["properties"])
    assert "dog_name" in fields["required"]
    assert fields["properties"]["dog_name"]["title"]
    assert schema["$id"].startswith("urn:herne-portal:fit-connect:schema:hundesteuer:")


@pytest.mark.parametrize("who", [CITIZEN, EDITOR, None])
def test_citizens_editors_and_visitors_get_no_schema(demo_functional, who):
    portal = demo_functional["portal"]
    service = portal["leistungen"]["hundesteuer"]
    session = portal_session(portal, *who) if who else portal_session(portal)
    answer = session.get(f"{service.absolute_url()}/@@fit-connect-schema", allow_redirects=False)
    assert answer.status_code in (302, 401, 403)


def test_a_changed_form_has_a_new_schema_uri(demo):
    service = demo["portal"]["leistungen"]["hundesteuer"]
    before = form_json_schema(service)["$id"]
    form = next(item for item in service.objectValues() if item.portal_type == "EasyForm")
    form.fields_model = form.fields_model.replace(
        "</schema>",
        '<field name="chip_number" type="zope.schema.TextLine">'
        "<title>Chipnummer</title><required>False</required></field></schema>",
        1,
    )
    after = form_json_schema(service)
    assert after["$id"] != before
    assert "chip_number" in after["properties"]["fields"]["properties"]
