"""One text of the office: name, address and opening hours alike in mail, page and receipt."""

from herne.portal.applications.office import office
from herne.portal.applications.office import office_line
from herne.portal.applications.office import office_text
import pytest
from types import SimpleNamespace


DEPARTMENT = SimpleNamespace(
    title="Bürgerdienste Wanne",
    address="Rathausstraße 6\n\n  44649 Herne  \n",
    opening_hours="Mo–Fr 8:30–12:00 Uhr\nDo 14:00–16:00 Uhr\n",
)
NO_HOURS = SimpleNamespace(
    title="Standesamt", address="Friedrich-Ebert-Platz 2", opening_hours=None
)


def test_office_keeps_the_lines_that_say_something():
    found = office(DEPARTMENT)
    assert found.title == "Bürgerdienste Wanne"
    assert found.address == ("Rathausstraße 6", "44649 Herne")
    assert found.hours == ("Mo–Fr 8:30–12:00 Uhr", "Do 14:00–16:00 Uhr")


def test_office_text_for_mails_has_one_item_a_line():
    assert office_text(DEPARTMENT) == (
        "Bürgerdienste Wanne\nRathausstraße 6\n44649 Herne\nMo–Fr 8:30–12:00 Uhr\nDo 14:00–16:00 Uhr"
    )


@pytest.mark.parametrize(
    "department, expected",
    [
        (
            DEPARTMENT,
            "Bürgerdienste Wanne, Rathausstraße 6, 44649 Herne. "
            "Öffnungszeiten: Mo–Fr 8:30–12:00 Uhr; Do 14:00–16:00 Uhr",
        ),
        (NO_HOURS, "Standesamt, Friedrich-Ebert-Platz 2"),
    ],
)
def test_office_line_for_sentences(department, expected):
    assert office_line(department) == expected


def test_no_department_no_office():
    assert office(None) is None
    assert office_text(None) == ""
    assert office_line(None) == ""


def test_next_step_and_receipt_name_the_office_alike(demo_portal):
    from herne.portal.applications.next_step import next_step
    from herne.portal.applications.receipt import next_steps
    from zope.i18n import translate

    service = demo_portal["leistungen"]["lebensbescheinigung"]
    department = service.department_object()
    application = SimpleNamespace(
        service_uid=service.UID(),
        department_uid=department.UID(),
        delivery_method="post",
        originals=[{"name": "Ausweis"}],
    )
    where = office_line(department)
    assert "Öffnungszeiten" in where
    assert f"Wo: {where}." in " ".join(next_steps(application))
    sentence = translate(
        next_step(application, "originals_pending", department), target_language="de"
    )
    assert sentence.endswith(f"Wo: {where}")
