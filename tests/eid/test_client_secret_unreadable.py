"""The eID client secret is written, never read back: no registry view, REST endpoint or control panel shows it."""

from herne.portal.eid.secret import client_secret
from herne.portal.eid.secret import set_client_secret
from plone import api
import pytest
import transaction


SECRET = "Sehr-geheimes-Client-Secret-4711"
RECORD = "herne.portal.eid.client_secret"


@pytest.fixture()
def stored_secret(rest_portal):
    set_client_secret(SECRET)
    transaction.commit()
    yield SECRET
    transaction.abort()


def test_secret_is_no_registry_record(stored_secret, manager_session):
    records = api.portal.get_tool("portal_registry").records
    assert RECORD not in records
    assert SECRET not in [records[name].value for name in records]
    response = manager_session.get(f"@registry/{RECORD}")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Diese Einstellung gibt es nicht."
    assert SECRET not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "@registry?q=herne.portal.eid&b_size=10000",
        "@controlpanels",
    ],
)
def test_rest_listings_do_not_show_the_secret(stored_secret, manager_session, path):
    response = manager_session.get(path)
    assert response.status_code == 200, response.text
    assert SECRET not in response.text


def test_no_rest_control_panel_shows_the_secret(stored_secret, manager_session):
    panels = manager_session.get("@controlpanels").json()
    assert panels
    for panel in panels:
        response = manager_session.get(panel["@id"])
        assert SECRET not in response.text, panel["@id"]


@pytest.mark.parametrize(
    "path",
    [
        "@@configuration_registry",
        "@@configuration_registry?q=herne.portal.eid",
        f"portal_registry/edit/{RECORD}",
        "@@herne-eid-controlpanel",
    ],
)
def test_pages_do_not_show_the_secret(stored_secret, manager_session, path):
    response = manager_session.get(path, headers={"Accept": "text/html"})
    assert response.status_code in (200, 404), response.status_code
    assert SECRET not in response.text
    if path == "@@herne-eid-controlpanel":
        assert "Client-Secret: gesetzt." in response.text


def test_the_code_exchange_still_has_it(stored_secret):
    assert client_secret() == SECRET
