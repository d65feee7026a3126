"""The form's XML model is parsed once per submission, and an edit of the fields is seen at once."""

from collective.easyform import api as easyform_api
from herne.portal.easyform.parsed_model import form_schema
from plone.supermodel import loadString
from tests.fixtures.applications import PDF
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
from zope.schema import getFieldNames


COLOUR_FIELD = """<field name="hund_farbe" type="zope.schema.TextLine">
  <title>Farbe des Hundes</title>
  <required>False</required>
</field>
"""


def test_a_submission_parses_the_fields_model_once(citizen, demo_portal, monkeypatch):
    model = demo_portal["leistungen"]["hundesteuer"]["antrag"].fields_model
    parsed = []

    def counting_load_string(text, *args, **kwargs):
        parsed.append(text)
        return loadString(text, *args, **kwargs)

    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    monkeypatch.setattr(easyform_api, "loadString", counting_load_string)
    submit(browser)

    assert len(applications_of("buerger")) == 1
    # easyform alone parsed the dog-tax model about fifteen times for one submission.
    assert parsed.count(model) == 1


def test_an_edited_form_is_parsed_again_in_the_same_request(demo):
    form = demo["portal"]["leistungen"]["hundesteuer"]["antrag"]
    before = form_schema(form)
    assert form_schema(form) is before  # the same request: parsed once

    # What the fields editor stores: the model as text, with the new field.
    form.fields_model = form.fields_model.replace("</schema>", COLOUR_FIELD + "</schema>", 1)

    after = form_schema(form)
    assert "hund_farbe" in getFieldNames(after)
    assert "hund_farbe" not in getFieldNames(before)
