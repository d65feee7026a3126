"""Field validation of the service page: good values pass, bad ones fail with a German message."""

from decimal import Decimal
from herne.portal.content.service import IFee
from herne.portal.content.service import IRequiredDocument
from herne.portal.content.service import IService
import pytest
from zope.i18n import translate
from zope.schema.interfaces import ValidationError


def german(error):
    return translate(error.doc(), target_language="de")


@pytest.mark.parametrize(
    "value",
    ["99050012104000", "99018005000000", None],
)
def test_service_key_accepts(portal, value):
    IService["service_key"].bind(portal).validate(value)


@pytest.mark.parametrize(
    "value",
    ["9905001210400", "990500121040001", "99O50012104000", "99 050012104000", "abc"],
)
def test_service_key_rejects(portal, value):
    with pytest.raises(ValidationError) as raised:
        IService["service_key"].bind(portal).validate(value)
    assert "14 Ziffern" in german(raised.value)


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("12.50"), Decimal("1000")])
def test_fee_accepts(amount):
    IFee["amount"].validate(amount)


def test_fee_rejects_negative():
    with pytest.raises(ValidationError) as raised:
        IFee["amount"].validate(Decimal("-1.00"))
    assert german(raised.value) == "Eine Gebühr kann nicht negativ sein."


@pytest.mark.parametrize("text", ["zwölf", "12 Euro", "NaN", "", "1e999999"])
def test_fee_rejects_non_numeric(text):
    with pytest.raises(ValidationError) as raised:
        IFee["amount"].fromUnicode(text)
    assert "als Zahl in Euro" in german(raised.value)


@pytest.mark.parametrize(
    "text, amount", [("12,50", "12.50"), ("12.5", "12.50"), ("1.234,00", "1234.00")]
)
def test_fee_parses_german_amounts(text, amount):
    assert IFee["amount"].fromUnicode(text) == Decimal(amount)


def test_fee_list_names_the_row_problem(portal):
    with pytest.raises(ValidationError) as raised:
        IService["fees"].bind(portal).validate([{"amount": Decimal("-3"), "purpose": "Marke"}])
    assert german(raised.value) == "Eine Gebühr kann nicht negativ sein."


def test_fee_list_may_be_empty(portal):
    IService["fees"].bind(portal).validate([])


@pytest.mark.parametrize("name", ["", "   "])
def test_document_without_name_rejected(name):
    field = IRequiredDocument["name"]
    with pytest.raises(ValidationError) as raised:
        field.validate(name)
    assert german(raised.value) == "Bitte geben Sie eine Bezeichnung ein."


def test_document_row_valid(portal):
    IService["required_documents"].bind(portal).validate(
        [{"name": "Mietbescheinigung", "note": None, "provision": "upload"}]
    )


def test_document_unknown_provision_rejected(portal):
    with pytest.raises(ValidationError):
        IService["required_documents"].bind(portal).validate(
            [{"name": "Mietbescheinigung", "note": None, "provision": "fax"}]
        )


def test_life_situation_known_accepted(portal):
    IService["life_situations"].bind(portal).validate(["pets_animals", "taxes_fees"])


def test_life_situation_unknown_rejected(portal):
    with pytest.raises(ValidationError) as raised:
        IService["life_situations"].bind(portal).validate(["time_travel"])
    assert "Lebenslage" in german(raised.value)


@pytest.mark.parametrize(
    "field_name, value",
    [
        ("trust_level", "extreme"),
        ("result_delivery", "pigeon"),
        ("online_availability", "maybe"),
    ],
)
def test_choice_fields_reject_unknown(portal, field_name, value):
    with pytest.raises(ValidationError):
        IService[field_name].bind(portal).validate(value)
