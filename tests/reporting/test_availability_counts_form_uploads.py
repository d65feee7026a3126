"""Whether a service's form takes uploads follows the editors' changes to its fields at once."""

from herne.portal.reporting.maturity import application_form_of
from herne.portal.reporting.maturity import facts_of
import re


def test_removing_the_file_field_changes_the_uploads_fact(demo):
    service = demo["portal"]["leistungen"]["hundesteuer"]
    form = application_form_of(service)
    assert facts_of(service, eid_available=False).uploads is True
    # asked again: the same answer (from the text already seen)
    assert facts_of(service, eid_available=False).uploads is True
    form.fields_model = re.sub(
        r'<field name="transfer_proof".*?</field>', "", form.fields_model, flags=re.S
    )
    assert "transfer_proof" not in form.fields_model
    assert facts_of(service, eid_available=False).uploads is False
