"""Editors get German messages at the field for bad input, and nothing is saved."""

from plone import api
import pytest
import re
from urllib.parse import urlencode


def authenticator(browser):
    return re.search(
        r'name="_authenticator" type="hidden" value="([^"]+)"', browser.contents
    ).group(1)


def post_add_form(browser, folder, **fields):
    browser.open(folder.absolute_url() + "/++add++Service")
    data = {
        "_authenticator": authenticator(browser),
        "form.widgets.IDublinCore.title": "Angelkarte Kanalufer",
        "form.widgets.result_delivery:list": "post",
        "form.widgets.trust_level:list": "basic",
        "form.widgets.online_availability:list": "online_form",
        "form.widgets.fees.count": "0",
        "form.widgets.required_documents.count": "0",
        "form.buttons.save": "Speichern",
    }
    data.update(fields)
    # What the data grid's own JavaScript adds for each row it submits.
    for name in list(fields):
        row = re.match(r"(form\.widgets\.[\w.]+?\.\d+)\.widgets\.", name)
        if row:
            data[f"{row.group(1)}-empty-marker"] = "1"
    browser.post(folder.absolute_url() + "/++add++Service", urlencode(data, doseq=True))
    return browser.contents


def field_error(html, widget_id):
    """The error message rendered in the field's wrapper, or in the table cell of a row field."""
    if f'id="formfield-{widget_id}"' in html:
        part = html.split(f'id="formfield-{widget_id}"', 1)[1].split('id="formfield-', 1)[0]
    else:
        before, after = html.split(f'id="{widget_id}"', 1)
        part = before[before.rindex("<td") :] + after.split("</td>", 1)[0]
    match = re.search(r'class="invalid-feedback"[^>]*>(.*?)</div>', part, re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else ""


@pytest.fixture()
def editor_browser(browser_as):
    from tests.fixtures.catalogue import demo_catalogue

    editor = next(user for user in demo_catalogue().users if user["username"] == "redaktion")
    return browser_as(editor["username"], editor["password"])


def services_count(portal):
    return len(portal["leistungen"].objectIds())


def test_valid_service_is_saved(editor_browser, demo_portal):
    before = set(demo_portal["leistungen"].objectIds())
    post_add_form(
        editor_browser,
        demo_portal["leistungen"],
        **{
            "form.widgets.service_key": "99000000000042",
            "form.widgets.fees.count": "1",
            "form.widgets.fees.0.widgets.amount": "24,50",
            "form.widgets.fees.0.widgets.purpose": "Fischereischein",
        },
    )
    (new_id,) = set(demo_portal["leistungen"].objectIds()) - before
    service = demo_portal["leistungen"][new_id]
    assert service.title == "Angelkarte Kanalufer"
    assert str(service.fees[0]["amount"]) == "24.50"
    assert api.content.get_state(service) == "draft"


def test_a_fee_rule_is_saved_with_the_service(editor_browser, demo_portal):
    before = set(demo_portal["leistungen"].objectIds())
    post_add_form(
        editor_browser,
        demo_portal["leistungen"],
        **{
            "form.widgets.fees.count": "1",
            "form.widgets.fees.0.widgets.amount": "12,00",
            "form.widgets.fees.0.widgets.purpose": "Urkunde",
            "form.widgets.IServicePayment.fee_rules.count": "1",
            "form.widgets.IServicePayment.fee_rules.0.widgets.field": "copies",
            "form.widgets.IServicePayment.fee_rules.0.widgets.choice": "",
            "form.widgets.IServicePayment.fee_rules.0.widgets.amount": "6,00",
            "form.widgets.IServicePayment.fee_rules.0.widgets.included": "1",
            "form.widgets.IServicePayment.fee_rules.0.widgets.label": "je weitere Ausfertigung",
        },
    )
    (new_id,) = set(demo_portal["leistungen"].objectIds()) - before
    (rule,) = demo_portal["leistungen"][new_id].fee_rules
    assert (rule["field"], str(rule["amount"]), rule["included"]) == ("copies", "6.00", 1)
    assert rule["label"] == "je weitere Ausfertigung" and not rule["choice"]


@pytest.mark.parametrize(
    "fields, widget_id, message",
    [
        (
            {"form.widgets.service_key": "12-34"},
            "form-widgets-service_key",
            "besteht aus genau 14 Ziffern",
        ),
        (
            {
                "form.widgets.fees.count": "1",
                "form.widgets.fees.0.widgets.amount": "-5",
                "form.widgets.fees.0.widgets.purpose": "Marke",
            },
            "form-widgets-fees-0-widgets-amount",
            "Eine Gebühr kann nicht negativ sein.",
        ),
        (
            {
                "form.widgets.fees.count": "1",
                "form.widgets.fees.0.widgets.amount": "zwölf",
                "form.widgets.fees.0.widgets.purpose": "Marke",
            },
            "form-widgets-fees-0-widgets-amount",
            "Dezimalzahl",
        ),
        (
            {
                "form.widgets.required_documents.count": "1",
                "form.widgets.required_documents.0.widgets.name": "",
                "form.widgets.required_documents.0.widgets.note": "Kopie",
                "form.widgets.required_documents.0.widgets.provision:list": "upload",
            },
            "form-widgets-required_documents-0-widgets-name",
            "Erforderliche Eingabe fehlt.",
        ),
        (
            {
                "form.widgets.IServicePayment.fee_rules.count": "1",
                "form.widgets.IServicePayment.fee_rules.0.widgets.field": "Anzahl Hunde",
                "form.widgets.IServicePayment.fee_rules.0.widgets.choice": "",
                "form.widgets.IServicePayment.fee_rules.0.widgets.amount": "60,00",
                "form.widgets.IServicePayment.fee_rules.0.widgets.included": "0",
                "form.widgets.IServicePayment.fee_rules.0.widgets.label": "je Hund",
            },
            "form-widgets-IServicePayment-fee_rules-0-widgets-field",
            "Bitte geben Sie den Namen des Formularfelds an",
        ),
        (
            {
                "form.widgets.IServicePayment.fee_rules.count": "1",
                "form.widgets.IServicePayment.fee_rules.0.widgets.field": "copies",
                "form.widgets.IServicePayment.fee_rules.0.widgets.choice": "",
                "form.widgets.IServicePayment.fee_rules.0.widgets.amount": "-6",
                "form.widgets.IServicePayment.fee_rules.0.widgets.included": "1",
                "form.widgets.IServicePayment.fee_rules.0.widgets.label": "je Exemplar",
            },
            "form-widgets-IServicePayment-fee_rules-0-widgets-amount",
            "Eine Gebühr kann nicht negativ sein.",
        ),
        (
            {"form.widgets.life_situations:list": ["pets_animals", "time_travel"]},
            "form-widgets-life_situations",
            "Diese Lebenslage gibt es nicht.",
        ),
    ],
)
def test_bad_input_shows_german_message_and_saves_nothing(
    editor_browser, demo_portal, fields, widget_id, message
):
    before = services_count(demo_portal)
    html = post_add_form(editor_browser, demo_portal["leistungen"], **fields)
    error = field_error(html, widget_id)
    assert error, "an error message is shown at the field"
    assert message in error
    assert services_count(demo_portal) == before


def test_data_grid_row_buttons_speak_german(editor_browser, demo_portal):
    editor_browser.open(demo_portal["leistungen"].absolute_url() + "/++add++Service")
    assert 'aria-label="Zeile hinzufügen"' in editor_browser.contents
    assert 'aria-label="Zeile löschen"' in editor_browser.contents
    assert "Add row" not in editor_browser.contents


def test_data_grid_cells_are_named_by_their_column(editor_browser, demo_portal):
    editor_browser.open(demo_portal["leistungen"].absolute_url() + "/++add++Service")
    html = editor_browser.contents
    for cell, column in [
        ("required_documents-AA-widgets-name", "Unterlage"),
        ("required_documents-AA-widgets-note", "Hinweis"),
        ("required_documents-AA-widgets-provision", "Wie einreichen"),
        ("fees-AA-widgets-amount", "Betrag in Euro"),
        ("fees-AA-widgets-purpose", "Wofür"),
    ]:
        tag = re.search(rf'<(?:input|select)[^>]*id="form-widgets-{cell}"[^>]*>', html).group(0)
        assert f'aria-label="{column}"' in tag
    # no unlabelled text-format choice beside the editor of the prerequisites
    assert 'id="form-widgets-prerequisites_text_format"' not in html


def test_blank_spare_rows_are_not_flagged_when_another_field_has_an_error(
    editor_browser, demo_portal
):
    """What the grid's script submits: the spare row and the template row, both blank."""
    spare_rows = {
        f"form.widgets.{grid}.{row}.widgets.{cell}": ""
        for grid, cells in (
            ("required_documents", ("name", "note")),
            ("fees", ("amount", "purpose")),
        )
        for row in ("AA", "TT")
        for cell in cells
    }
    for row in ("AA", "TT"):
        spare_rows[f"form.widgets.required_documents.{row}.widgets.provision:list"] = "upload"
        spare_rows[f"form.widgets.required_documents.{row}.widgets.provision-empty-marker"] = "1"
        for grid in ("required_documents", "fees"):
            spare_rows[f"form.widgets.{grid}.{row}-empty-marker"] = "1"
    html = post_add_form(
        editor_browser,
        demo_portal["leistungen"],
        **{"form.widgets.service_key": "12-34"},
        **spare_rows,
    )
    assert "besteht aus genau 14 Ziffern" in field_error(html, "form-widgets-service_key")
    assert "Erforderliche Eingabe fehlt" not in html


def test_rows_added_and_left_blank_are_ignored(editor_browser, demo_portal):
    before = set(demo_portal["leistungen"].objectIds())
    html = post_add_form(
        editor_browser,
        demo_portal["leistungen"],
        **{
            "form.widgets.fees.count": "3",
            "form.widgets.fees.0.widgets.amount": "",
            "form.widgets.fees.0.widgets.purpose": "",
            "form.widgets.fees.1.widgets.amount": "24,50",
            "form.widgets.fees.1.widgets.purpose": "Fischereischein",
            "form.widgets.fees.2.widgets.amount": " ",
            "form.widgets.fees.2.widgets.purpose": "",
            "form.widgets.required_documents.count": "1",
            "form.widgets.required_documents.0.widgets.name": "",
            "form.widgets.required_documents.0.widgets.note": "",
            "form.widgets.required_documents.0.widgets.provision:list": "upload",
        },
    )
    assert "Erforderliche Eingabe fehlt" not in html
    (new_id,) = set(demo_portal["leistungen"].objectIds()) - before
    service = demo_portal["leistungen"][new_id]
    assert [(str(fee["amount"]), fee["purpose"]) for fee in service.fees] == [
        ("24.50", "Fischereischein")
    ]
    assert service.required_documents == []
