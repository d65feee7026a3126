"""The write-only secrets (eID client secret, payment password, FIT-Connect client secret): stored by their panels, kept when left empty, never read back by any page or REST call."""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from herne.portal.eid.secret import CLIENT_SECRET as EID_CLIENT_SECRET
from herne.portal.eid.secret import client_secret as eid_client_secret
from herne.portal.fitconnect.credentials import CLIENT_SECRET as FIT_CONNECT_CLIENT_SECRET
from herne.portal.fitconnect.credentials import client_secret as fit_connect_client_secret
from herne.portal.fitconnect.test_pki import Authority
from herne.portal.payment.credentials import PAYMENT_PASSWORD
from herne.portal.payment.credentials import payment_password
from herne.portal.site_secret import SiteSecret
from plone import api
import pytest
from tests.fixtures.browsers import open_control_panel
import transaction


@dataclass
class Panel:
    path: str
    prefix: str  # of the panel's registry records
    secret_field: str
    secret: SiteSecret  # where the panel keeps it
    stored_secret: Callable[[], str]  # how the code that uses it reads it
    set_text: str
    not_set_text: str
    settings: dict  # the other fields filled in with the first secret
    stored: dict = field(default_factory=dict)  # registry records these settings give
    changed: tuple = ()  # (field, value): another field saved while the secret is left empty


PANELS = {
    "eid": Panel(
        path="@@herne-eid-controlpanel",
        prefix="herne.portal.eid",
        secret_field="client_secret",
        secret=EID_CLIENT_SECRET,
        stored_secret=eid_client_secret,
        set_text="Client-Secret: gesetzt.",
        not_set_text="Client-Secret: nicht gesetzt.",
        settings={
            "enabled:list": ["selected"],
            "issuer": "https://id.servicekonto.nrw.example",
            "client_id": "herne",
        },
        stored={"herne.portal.eid.enabled": True},
        changed=("client_id", "herne-2"),
    ),
    "payment": Panel(
        path="@@herne-payment-controlpanel",
        prefix="herne.portal.payment",
        secret_field="password",
        secret=PAYMENT_PASSWORD,
        stored_secret=payment_password,
        set_text="Passwort: gesetzt.",
        not_set_text="Passwort: nicht gesetzt.",
        settings={
            "enabled:list": ["selected"],
            "base_url": "https://epay.example/api/v1",
            "originator_id": "herne-portal",
            "default_endpoint_id": "05916000",
            "department_endpoints": "ordnungsamt=herne-ordnungsamt\nstandesamt=herne-standesamt",
            "username": "herne",
            "booking_text_pattern": "Stadt Herne {reference}",
        },
        stored={
            "herne.portal.payment.enabled": True,
            "herne.portal.payment.department_endpoints": [
                "ordnungsamt=herne-ordnungsamt",
                "standesamt=herne-standesamt",
            ],
        },
        changed=("username", "herne-2"),
    ),
    "fit_connect": Panel(
        path="@@herne-fit-connect-controlpanel",
        prefix="herne.portal.fitconnect",
        secret_field="client_secret",
        secret=FIT_CONNECT_CLIENT_SECRET,
        stored_secret=fit_connect_client_secret,
        set_text="Secret: gesetzt.",
        not_set_text="Secret: nicht gesetzt.",
        settings={
            "enabled:list": ["selected"],
            "token_url": "https://auth.example/token",
            "api_url": "https://submission.example",
            "client_id": "herne-portal",
            "destinations": "steuern=0b7c4a52-1d7e-4f3a-9b8e-2a6d3c1f5e90",
            "trusted_roots": Authority("Wurzel der Testumgebung").root_pem(),
        },
        stored={
            "herne.portal.fitconnect.enabled": True,
            "herne.portal.fitconnect.destinations": [
                "steuern=0b7c4a52-1d7e-4f3a-9b8e-2a6d3c1f5e90"
            ],
        },
        changed=("client_id", "herne-portal-2"),
    ),
}


def save(browser, **values):
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()


@pytest.fixture(params=PANELS.values(), ids=PANELS.keys())
def panel(request):
    return request.param


def test_the_secret_is_stored_never_shown_again_and_kept_when_left_empty(functional, panel):
    browser = open_control_panel(functional, panel.path)
    assert panel.not_set_text in browser.contents
    save(browser, **panel.settings, **{panel.secret_field: "geheim-1"})
    assert panel.stored_secret() == "geheim-1"
    for name, value in panel.stored.items():
        assert api.portal.get_registry_record(name) == value, name
    registry = api.portal.get_tool("portal_registry")
    assert all(
        record.value != "geheim-1"
        for name, record in registry.records.items()
        if name.startswith(panel.prefix)
    )

    browser = open_control_panel(functional, panel.path)
    assert "geheim-1" not in browser.contents
    assert panel.set_text in browser.contents
    assert browser.getControl(name=f"form.widgets.{panel.secret_field}").value == ""
    name, value = panel.changed
    save(browser, **{name: value})
    assert api.portal.get_registry_record(f"{panel.prefix}.{name}") == value
    assert panel.stored_secret() == "geheim-1"


def test_a_new_secret_replaces_the_old_one(functional, panel):
    browser = open_control_panel(functional, panel.path)
    save(browser, **panel.settings, **{panel.secret_field: "geheim-1"})
    save(open_control_panel(functional, panel.path), **{panel.secret_field: "geheim-2"})
    assert panel.stored_secret() == "geheim-2"
    assert "geheim-2" not in open_control_panel(functional, panel.path).contents


SECRET = "Sehr-geheimes-Secret-4711"


@pytest.fixture()
def stored_secret(rest_portal, panel):
    panel.secret.store(SECRET)
    transaction.commit()
    yield SECRET
    transaction.abort()


def test_secret_is_no_registry_record(stored_secret, panel, manager_session):
    record = panel.secret.annotation_key
    records = api.portal.get_tool("portal_registry").records
    assert record not in records
    assert SECRET not in [records[name].value for name in records]
    response = manager_session.get(f"@registry/{record}")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Diese Einstellung gibt es nicht."
    assert SECRET not in response.text


@pytest.mark.parametrize("path", ["@registry?q={prefix}&b_size=10000", "@controlpanels"])
def test_rest_listings_do_not_show_the_secret(stored_secret, panel, manager_session, path):
    response = manager_session.get(path.format(prefix=panel.prefix))
    assert response.status_code == 200, response.text
    assert SECRET not in response.text


def test_no_rest_control_panel_shows_the_secret(stored_secret, manager_session):
    listed = manager_session.get("@controlpanels").json()
    assert listed
    for control_panel in listed:
        response = manager_session.get(control_panel["@id"])
        assert SECRET not in response.text, control_panel["@id"]


@pytest.mark.parametrize(
    "path",
    [
        "@@configuration_registry",
        "@@configuration_registry?q={prefix}",
        "portal_registry/edit/{record}",
        "{panel}",
    ],
)
def test_pages_do_not_show_the_secret(stored_secret, panel, manager_session, path):
    url = path.format(prefix=panel.prefix, record=panel.secret.annotation_key, panel=panel.path)
    response = manager_session.get(url, headers={"Accept": "text/html"})
    assert response.status_code in (200, 404), response.status_code
    assert SECRET not in response.text
    if path == "{panel}":
        assert panel.set_text in response.text


def test_the_code_that_uses_it_still_has_it(stored_secret, panel):
    assert panel.stored_secret() == SECRET
