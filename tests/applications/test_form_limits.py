"""Application form fields take at most 200 characters a line and 5,000 a text, or the editor's maximum."""

from herne.portal.applications.limits import form_field_limit
from herne.portal.applications.limits import form_value_error
import pytest
import re
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
import transaction
from zope import schema
from zope.i18n import translate


@pytest.mark.parametrize(
    "field, limit",
    [
        (schema.TextLine(), 200),
        (schema.ASCIILine(), 200),
        (schema.Text(), 5000),
        (schema.TextLine(max_length=40), 40),
        (schema.Text(max_length=10000), 10000),
        (schema.Int(), None),
        (schema.Bool(), None),
    ],
)
def test_limit_of_each_kind_of_field(field, limit):
    assert form_field_limit(field) == limit


@pytest.mark.parametrize(
    "field, length, refused",
    [
        (schema.TextLine(), 200, False),
        (schema.TextLine(), 201, True),
        (schema.Text(), 5000, False),
        (schema.Text(), 5001, True),
        (schema.Text(max_length=10000), 8000, False),
    ],
)
def test_longer_texts_are_refused_in_german(field, length, refused):
    message = form_value_error(field, "x" * length)
    assert (message is not None) == refused
    if refused:
        assert translate(message, target_language="de") == (
            f"Bitte kürzen Sie Ihre Angabe auf höchstens {form_field_limit(field)} "
            f"Zeichen (jetzt {length})."
        )


def test_over_long_line_is_refused_next_to_the_field(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser, **{"form.widgets.dog_breed": "x" * 21000})
    browser.getControl(name="form.widgets.dog_name").value = ""
    submit(browser)
    page = browser.contents
    message = "Bitte kürzen Sie Ihre Angabe auf höchstens 200 Zeichen (jetzt 21000)."
    assert message in page
    assert 'id="form-widgets-dog_breed-error"' in page
    assert "Erforderliche Eingabe fehlt" in page  # the empty name, in the same answer
    assert len(applications_of("buerger")) == 0
    assert mailbox == []


def test_over_long_line_is_not_kept_in_a_draft(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    browser.getControl(name="form.widgets.dog_breed").value = "x" * 21000
    browser.getControl(name="form.buttons.save_draft").click()
    (brain,) = applications_of("buerger")
    values = brain._unrestrictedGetObject().draft_values
    assert values["dog_name"] == "Bello"
    assert "dog_breed" not in values


def test_the_editors_maximum_length_wins_on_the_page(citizen, demo_portal):
    form = demo_portal["leistungen"]["hundesteuer"]["antrag"]
    form.fields_model = re.sub(
        r'(<field name="dog_breed"[^>]*>)', r"\1<max_length>20</max_length>", form.fields_model
    )
    transaction.commit()
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser, **{"form.widgets.dog_breed": "Kleiner Münsterländer"})
    submit(browser)
    assert "Bitte kürzen Sie Ihre Angabe auf höchstens 20 Zeichen (jetzt 21)." in browser.contents
    assert len(applications_of("buerger")) == 0


def test_only_application_forms_get_the_portals_limits(demo_portal):
    from herne.portal.easyform.field_checks import refuse_unfit
    from plone import api
    from zope.interface import Invalid

    with api.env.adopt_roles(["Manager"]):
        contact = api.content.create(container=demo_portal, type="EasyForm", id="kontaktformular")
    refuse_unfit(contact, schema.TextLine(), "x" * 300)  # a contact form keeps its own rules
    with pytest.raises(Invalid):
        refuse_unfit(
            demo_portal["leistungen"]["hundesteuer"]["antrag"], schema.TextLine(), "x" * 300
        )
