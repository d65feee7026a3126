"""German format validators offered to the application forms."""

from datetime import date
from datetime import timedelta
from herne.portal.easyform import validators
import pytest
from zope.i18n import translate


def message(result):
    return translate(result, target_language="de") if result else None


@pytest.mark.parametrize("value", ["44623", "44649", None, ""])
def test_postcode_ok(value):
    assert validators.is_german_postcode(value) is None


@pytest.mark.parametrize("value", ["4462", "446233", "4462a", "D-44623"])
def test_postcode_bad(value):
    assert "fünf Ziffern" in message(validators.is_german_postcode(value))


@pytest.mark.parametrize(
    "value", ["DE89 3704 0044 0532 0130 00", "de89370400440532013000", "GB82WEST12345698765432"]
)
def test_iban_ok(value):
    assert validators.is_iban(value) is None


@pytest.mark.parametrize(
    "value, text",
    [
        ("DE89 3704 0044 0532 0130 01", "nicht gültig"),
        ("DE89 3704 0044", "vollständige IBAN"),
        ("1234", "vollständige IBAN"),
    ],
)
def test_iban_bad(value, text):
    assert text in message(validators.is_iban(value))


def test_birth_date_not_in_future():
    assert validators.is_past_date(date.today()) is None
    assert validators.is_past_date(date(1950, 1, 1)) is None
    assert "Zukunft" in message(validators.is_past_date(date.today() + timedelta(days=1)))


@pytest.mark.parametrize(
    "value", ["HER-AB 123", "HER AB 123", "BO-X 1", "E-AB 1234E", "her-ab 123"]
)
def test_plate_ok(value):
    assert validators.is_vehicle_plate(value) is None


@pytest.mark.parametrize("value", ["HERNE-AB 123", "HER-ABC 12", "HER-AB 01", "123-AB 1"])
def test_plate_bad(value):
    assert "Kennzeichen" in message(validators.is_vehicle_plate(value))


@pytest.mark.parametrize(
    "value, ok", [("name@example.org", True), ("name@", False), ("a b@c.de", False)]
)
def test_email(value, ok):
    assert (validators.is_email(value) is None) is ok
