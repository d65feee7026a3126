"""POST @antragsformular refuses and files exactly what the form page refuses and files."""

from base64 import b64encode
import datetime
from herne.portal.restapi.services.application_form.values import Refused
from herne.portal.restapi.services.application_form.values import field_value
from plone import api
from plone.namedfile.field import NamedBlobFile
import pytest
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import HTML_AS_PDF
from tests.fixtures.applications import PDF
from tests.fixtures.journeys import applications_of
from tests.fixtures.rest import DOG_TAX
import time
import transaction
from zope import schema
from zope.i18n import translate


def form_path(service_id):
    return f"leistungen/{service_id}/antrag/@antragsformular"


def upload(data, filename="nachweis.pdf", content_type="application/pdf"):
    return {"filename": filename, "content-type": content_type, "data": b64encode(data).decode()}


def filed(userid="buerger"):
    """The applications the server's requests committed for ``userid``."""
    return [brain._unrestrictedGetObject() for brain in applications_of(userid)]


def field_errors(response):
    return {item["field"]: item["message"] for item in response.json()["error"]["errors"]}


@pytest.fixture()
def post(api_session):
    def send(values, service_id="hundesteuer", user=CITIZEN, **extra):
        session = api_session(*user) if user else api_session()
        return session.post(form_path(service_id), json={"values": values, **extra})

    return send


def test_valid_submission_files_one_application_with_receipt(post, mailbox):
    response = post({**DOG_TAX, "transfer_proof": upload(PDF, "abgabevertrag.pdf")})
    assert response.status_code == 201, response.text
    (application,) = filed()
    assert response.json()["reference_number"] == application.reference_number
    assert response.json()["state"] == "submitted"
    assert response.headers["Location"] == application.absolute_url()
    rows = {row["name"]: row["value"] for row in application.submitted_data}
    assert rows["birth_date"] == "12.04.1970"
    assert rows["registration_type"] == "Hund abmelden"
    assert rows["privacy_consent"] == "Ja"
    assert application.applicant_name == "Bernd Bergmann"
    assert application.delivery_address == "Bahnhofstraße 12\n44623 Herne"
    assert application.privacy_consent is not None
    (evidence,) = [
        item for item in application.contentValues() if item.portal_type == "ApplicationFile"
    ]
    assert evidence.file.data == PDF
    assert evidence.file.filename == "abgabevertrag.pdf"
    deadline = time.time() + 5
    while len(mailbox) < 2 and time.time() < deadline:
        time.sleep(0.05)
    assert any("buerger@example.org" in message.rcpt_tos for message in mailbox)


def test_missing_required_field_is_named_in_german(post):
    values = {name: value for name, value in DOG_TAX.items() if name != "dog_name"}
    response = post(values)
    assert response.status_code == 400, response.text
    errors = field_errors(response)
    assert list(errors) == ["dog_name"]
    assert errors["dog_name"] == "Erforderliche Eingabe fehlt."
    assert filed() == []


def test_empty_required_field_counts_as_missing(post):
    response = post({**DOG_TAX, "dog_name": ""})
    assert response.status_code == 400, response.text
    assert list(field_errors(response)) == ["dog_name"]
    assert filed() == []


def test_unknown_choice_is_refused(post):
    response = post({**DOG_TAX, "registration_type": "Katze anmelden"})
    assert response.status_code == 400, response.text
    assert field_errors(response) == {
        "registration_type": "Bitte wählen Sie einen der angebotenen Werte."
    }
    assert filed() == []


def test_field_validators_run_as_on_the_page(post):
    response = post(
        {
            **DOG_TAX,
            "postcode": "4462",
            "iban": "DE89 3704 0044 0532 0130 01",
            "birth_date": "2999-01-01",
        }
    )
    assert response.status_code == 400, response.text
    errors = field_errors(response)
    assert "Postleitzahl mit fünf Ziffern" in errors["postcode"]
    assert "Diese IBAN ist nicht gültig" in errors["iban"]
    assert "Dieses Datum liegt in der Zukunft" in errors["birth_date"]
    assert filed() == []


def test_over_long_text_is_refused_and_nothing_filed(post, mailbox):
    response = post({**DOG_TAX, "dog_breed": "x" * 21000, "postcode": "4462"})
    assert response.status_code == 400, response.text
    errors = field_errors(response)
    assert errors["dog_breed"] == (
        "Bitte kürzen Sie Ihre Angabe auf höchstens 200 Zeichen (jetzt 21000)."
    )
    assert "postcode" in errors  # every error of the post at once
    assert filed() == []
    assert mailbox == []


def test_disguised_upload_and_missing_field_are_refused_at_once(post):
    values = {name: value for name, value in DOG_TAX.items() if name != "dog_name"}
    response = post({**values, "transfer_proof": upload(HTML_AS_PDF)})
    assert response.status_code == 400, response.text
    errors = field_errors(response)
    assert errors["dog_name"] == "Erforderliche Eingabe fehlt."
    assert "kein PDF-Dokument" in errors["transfer_proof"]
    assert filed() == []


def test_the_editors_maximum_length_is_announced_and_enforced(post, api_session, rest_portal):
    def limits():
        fields = api_session(*CITIZEN).get(form_path("hundesteuer")).json()["fields"]
        return {field["name"]: field["max_length"] for field in fields}

    assert limits()["dog_breed"] == 200
    assert limits()["registration_type"] is None
    form = rest_portal["leistungen"]["hundesteuer"]["antrag"]
    form.fields_model = re.sub(
        r'(<field name="dog_breed"[^>]*>)', r"\1<max_length>20</max_length>", form.fields_model
    )
    transaction.commit()
    assert limits()["dog_breed"] == 20
    response = post({**DOG_TAX, "dog_breed": "Kleiner Münsterländer"})
    assert response.status_code == 400, response.text
    assert field_errors(response) == {
        "dog_breed": "Bitte kürzen Sie Ihre Angabe auf höchstens 20 Zeichen (jetzt 21)."
    }
    assert post({**DOG_TAX, "dog_breed": "Münsterländer"}).status_code == 201


def test_unreadable_date_is_refused(post):
    response = post({**DOG_TAX, "birth_date": "gestern"})
    assert response.status_code == 400, response.text
    assert list(field_errors(response)) == ["birth_date"]
    assert filed() == []


def test_list_for_a_text_field_is_refused(post):
    response = post({**DOG_TAX, "dog_name": ["Bello", "Rex"]})
    assert response.status_code == 400, response.text
    assert field_errors(response) == {"dog_name": "Dieser Wert hat nicht das erwartete Format."}
    assert filed() == []


def test_consent_not_given_is_refused(post):
    response = post({**DOG_TAX, "privacy_consent": False})
    assert response.status_code == 400, response.text
    assert field_errors(response) == {
        "privacy_consent": "Bitte willigen Sie in die Verarbeitung Ihrer Daten ein."
    }
    assert filed() == []


def test_disguised_upload_is_refused(post, mailbox):
    response = post({**DOG_TAX, "transfer_proof": upload(HTML_AS_PDF)})
    assert response.status_code == 400, response.text
    assert "kein PDF-Dokument und kein Foto" in field_errors(response)["transfer_proof"]
    assert filed() == []
    time.sleep(0.3)
    assert mailbox == []


def test_unreadable_base64_is_refused(post):
    response = post({**DOG_TAX, "transfer_proof": {"filename": "a.pdf", "data": "%%%"}})
    assert response.status_code == 400, response.text
    assert "Base64" in field_errors(response)["transfer_proof"]
    assert filed() == []


def test_oversized_upload_is_refused(post):
    api.portal.set_registry_record("herne.portal.max_file_size_mb", 1)
    transaction.commit()
    response = post({**DOG_TAX, "transfer_proof": upload(PDF + b"0" * (1024 * 1024 + 1))})
    assert response.status_code == 400, response.text
    assert "höchstens 1 MB je Datei" in field_errors(response)["transfer_proof"]
    assert filed() == []


def test_trust_level_too_low_gets_403_with_eid_link(post):
    response = post({"certificate_kind": "Privatführungszeugnis"}, service_id="fuehrungszeugnis")
    assert response.status_code == 403, response.text
    error = response.json()["error"]
    assert "Online-Ausweis (eID)" in error["message"]
    assert "acl_users/oidc/login" in error["eid_login_url"]
    assert filed() == []


def test_anonymous_gets_401(post):
    response = post(DOG_TAX, user=None)
    assert response.status_code == 401, response.text
    assert response.json()["error"]["message"] == (
        "Bitte melden Sie sich an, um den Antrag zu stellen."
    )


def test_same_token_twice_files_one_application(post, mailbox):
    first = post(DOG_TAX, token="rest-token-1")
    second = post(DOG_TAX, token="rest-token-1")
    assert first.status_code == 201, first.text
    assert second.status_code == 201, second.text
    assert first.json()["reference_number"] == second.json()["reference_number"]
    assert len(filed()) == 1
    time.sleep(0.5)  # a second receipt would arrive now
    assert len([m for m in mailbox if "buerger@example.org" in m.rcpt_tos]) == 1


def test_without_token_each_post_is_a_new_application(post):
    assert post(DOG_TAX).status_code == 201
    assert post(DOG_TAX).status_code == 201
    assert len(filed()) == 2


SAVE_ACTION = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">
  <schema>
    <field name="save_application" type="herne.portal.easyform.save_application.SaveApplication"
           {condition}>
      <title>Als Antrag speichern</title>
      <required>{enabled}</required>
    </field>
  </schema>
</model>
"""
NO_ACTIONS = '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema/></model>'


def set_actions_model(portal, model, service_id="hundesteuer"):
    portal["leistungen"][service_id]["antrag"].actions_model = model
    transaction.commit()


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(SAVE_ACTION.format(enabled="False", condition=""), id="switched off"),
        pytest.param(
            SAVE_ACTION.format(enabled="True", condition='easyform:execCondition="python:False"'),
            id="condition false",
        ),
        pytest.param(NO_ACTIONS, id="no save action"),
    ],
)
def test_form_that_files_nothing_on_the_page_refuses_rest(
    model, post, api_session, rest_portal, mailbox
):
    set_actions_model(rest_portal, model)
    got = api_session(*CITIZEN).get(form_path("hundesteuer"))
    response = post(DOG_TAX)
    for answer in (got, response):
        assert answer.status_code == 404, answer.text
        assert answer.json()["error"]["message"] == "Dieses Formular nimmt keine Anträge an."
    assert filed() == []
    time.sleep(0.3)
    assert mailbox == []


def test_save_action_with_a_true_condition_files(post, rest_portal):
    condition = 'easyform:execCondition="python:True"'
    set_actions_model(rest_portal, SAVE_ACTION.format(enabled="True", condition=condition))
    assert post(DOG_TAX).status_code == 201
    assert len(filed()) == 1


def test_read_only_field_is_not_taken_from_a_post(post, api_session, rest_portal):
    form = rest_portal["leistungen"]["hundesteuer"]["antrag"]
    form.fields_model = re.sub(
        r'(<field name="dog_breed"[^>]*>)', r"\1<readonly>True</readonly>", form.fields_model
    )
    transaction.commit()
    fields = {
        field["name"]: field
        for field in api_session(*CITIZEN).get(form_path("hundesteuer")).json()["fields"]
    }
    assert fields["dog_breed"]["readonly"] is True
    assert fields["dog_name"]["readonly"] is False
    response = post({**DOG_TAX, "dog_breed": "Dackel"})
    assert response.status_code == 201, response.text
    (application,) = filed()
    rows = {row["name"]: row["value"] for row in application.submitted_data}
    assert "dog_breed" not in rows
    assert rows["dog_name"] == "Bello"


CHOICES = ["Mietzuschuss", "Lastenzuschuss"]


@pytest.mark.parametrize(
    "field,sent,expected",
    [
        (schema.TextLine(), "Bello", "Bello"),
        (schema.TextLine(), 5, "5"),
        (schema.TextLine(), "", None),
        (schema.TextLine(), None, None),
        (schema.Text(), "Zeile 1\nZeile 2", "Zeile 1\nZeile 2"),
        (schema.Int(), "4", 4),
        (schema.Int(), 4, 4),
        (schema.Bool(), True, True),
        (schema.Bool(), False, False),
        (schema.Bool(), "ja", False),
        (schema.Date(), "1970-04-12", datetime.date(1970, 4, 12)),
        (schema.Datetime(), "2026-10-01T08:30", datetime.datetime(2026, 10, 1, 8, 30)),
        (schema.Choice(values=CHOICES), "Lastenzuschuss", "Lastenzuschuss"),
        (schema.Choice(values=CHOICES), ["Lastenzuschuss"], "Lastenzuschuss"),
        (schema.List(value_type=schema.Choice(values=CHOICES)), CHOICES, CHOICES),
        (schema.Set(value_type=schema.Choice(values=CHOICES)), "Mietzuschuss", {"Mietzuschuss"}),
        (schema.List(value_type=schema.Choice(values=CHOICES)), [], None),
    ],
)
def test_json_value_becomes_the_fields_value(field, sent, expected):
    assert field_value(field, sent) == expected


@pytest.mark.parametrize(
    "field,sent,refusal",
    [
        (schema.TextLine(), ["a"], "Dieser Wert hat nicht das erwartete Format."),
        (schema.Int(), {"a": 1}, "Dieser Wert hat nicht das erwartete Format."),
        (schema.Choice(values=CHOICES), "Kaufzuschuss", "Bitte wählen Sie einen der angebotenen"),
        (
            schema.List(value_type=schema.Choice(values=CHOICES)),
            ["Mietzuschuss", "Kaufzuschuss"],
            "Bitte wählen Sie einen der angebotenen",
        ),
        (NamedBlobFile(), "JVBERi0=", "Base64"),
        (NamedBlobFile(), {"filename": "a.pdf"}, "Base64"),
    ],
)
def test_json_value_the_field_cannot_take_is_refused(field, sent, refusal):
    with pytest.raises(Refused) as refused:
        field_value(field, sent)
    assert refusal in translate(refused.value.message, target_language="de")


@pytest.mark.parametrize("field,sent", [(schema.Int(), "vier"), (schema.Date(), "12.04.1970")])
def test_unreadable_value_is_a_value_error(field, sent):
    with pytest.raises(ValueError):
        field_value(field, sent)


def test_base64_file_becomes_a_blob_file(integration):
    value = field_value(NamedBlobFile(), upload(PDF, "antrag.pdf"))
    assert (value.data, value.filename, value.contentType) == (PDF, "antrag.pdf", "application/pdf")
    assert field_value(NamedBlobFile(), upload(b"")) is None  # as an empty file input
