"""A field's own format check and default still apply, on the form and in a fieldset, with easyform's look-up made once per interface."""

from collective.easyform import fields as easyform_fields
from herne.portal.easyform import next_adapter
import re
from tests.fixtures.applications import PDF
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
import transaction


POSTCODE_FIELD = re.compile(
    r'\s*<field easyform:validators="isGermanPostcode" name="postcode".*?</field>', re.S
)


def visible_text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def near(html, widget_id, text, distance=1500):
    """Whether ``text`` is shown within ``distance`` characters before or after the widget."""
    at = html.index(f'id="{widget_id}"')
    return text in visible_text(html[max(0, at - distance) : at + distance])


def test_easyforms_look_up_is_the_one_made_once(demo_portal):
    # Each page and submission of a form looks up every field's validator and default.
    assert easyform_fields.superAdapter is next_adapter.next_adapter


def test_format_checks_refuse_next_to_their_fields_and_nothing_is_filed(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    assert browser.getControl(name="form.widgets.city").value == "Herne"  # the field's default
    fill_dog_tax(
        browser,
        **{"form.widgets.postcode": "4462", "form.widgets.iban": "DE89 3704 0044 0532 0130 01"},
    )
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    submit(browser)

    assert near(browser.contents, "form-widgets-postcode", "fünf Ziffern")
    assert near(browser.contents, "form-widgets-iban", "nicht gültig")
    assert len(applications_of("buerger")) == 0

    # The same form, once more in the same process: the checks still refuse.
    submit(browser)
    assert near(browser.contents, "form-widgets-postcode", "fünf Ziffern")
    assert len(applications_of("buerger")) == 0

    browser.getControl(name="form.widgets.postcode").value = "44623"
    browser.getControl(name="form.widgets.iban").value = "DE89 3704 0044 0532 0130 00"
    submit(browser)
    assert len(applications_of("buerger")) == 1


def test_a_field_in_a_fieldset_keeps_its_format_check(citizen, demo_portal):
    form = demo_portal["leistungen"]["hundesteuer"]["antrag"]
    model = form.fields_model
    postcode = POSTCODE_FIELD.search(model).group(0)
    form.fields_model = POSTCODE_FIELD.sub("", model).replace(
        "</schema>",
        f'<fieldset name="anschrift" label="Anschrift">{postcode}</fieldset></schema>',
        1,
    )
    transaction.commit()

    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    assert "Anschrift" in visible_text(browser.contents)
    fill_dog_tax(browser, **{"form.widgets.postcode": "D-44623"})
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    submit(browser)

    assert near(browser.contents, "form-widgets-postcode", "fünf Ziffern")
    assert len(applications_of("buerger")) == 0

    browser.getControl(name="form.widgets.postcode").value = "44623"
    submit(browser)
    assert len(applications_of("buerger")) == 1
