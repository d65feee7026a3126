"""Requests refused before a page runs answer 4xx in German: bad input 400, DELETE/PUT on a page or tool 405."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import requests
from tests.fixtures.applications import CITIZEN


BAD_REQUEST = "Die Anfrage ist fehlerhaft"
NOT_ALLOWED = "Diese Anfrage ist hier nicht möglich"
ACCOUNTS = {
    "anonymous": None,
    "citizen": CITIZEN,
    "manager": (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
}


@pytest.mark.parametrize("account", list(ACCOUNTS))
@pytest.mark.parametrize("method", ["DELETE", "PUT", "PATCH", "PROPPATCH"])
@pytest.mark.parametrize("path", ["useractions", "@@useractions", "dashboard", "@@search"])
def test_changing_a_page_is_refused(demo_functional, account, method, path):
    url = demo_functional["portal"].absolute_url()
    response = requests.request(
        method,
        f"{url}/{path}",
        auth=ACCOUNTS[account],
        headers={"Accept": "text/html"},
        data=b"x",
        timeout=30,
    )
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if response.status_code == 405:
        assert NOT_ALLOWED in response.text
        assert "Traceback" not in response.text


@pytest.mark.parametrize("account", list(ACCOUNTS))
@pytest.mark.parametrize("method", ["PUT", "DELETE", "MKCOL"])
@pytest.mark.parametrize(
    "path", ["acl_users", "portal_catalog", "portal_actions", "portal_workflow", "portal_registry"]
)
def test_changing_a_tool_is_refused(demo_functional, account, method, path):
    url = demo_functional["portal"].absolute_url()
    response = requests.request(
        method,
        f"{url}/{path}",
        auth=ACCOUNTS[account],
        headers={"Accept": "text/html"},
        data=b"x",
        timeout=30,
    )
    if account == "manager":
        # The site's managers may manage tools through WebDAV; never a server error.
        assert response.status_code < 500, (response.status_code, response.text[:300])
    else:
        assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])


def test_json_clients_get_the_refusal_in_german(demo_functional):
    url = demo_functional["portal"].absolute_url()
    response = requests.delete(f"{url}/useractions", headers={"Accept": "*/*"}, timeout=30)
    assert response.status_code == 405
    assert response.json()["message"].startswith(NOT_ALLOWED)


@pytest.mark.parametrize(
    "query",
    [
        "@@search?b_start:int=abc",
        "?a:record:int=x",
        "@@search?x:list:int=a",
        "?a:default:int=x",
        "@@search?created:date=kein-datum",
    ],
)
def test_malformed_input_gets_a_german_page(demo_functional, query):
    url = demo_functional["portal"].absolute_url()
    response = requests.get(
        f"{url}/{query}", headers={"Accept": "text/html", "Accept-Language": "en"}, timeout=30
    )
    assert response.status_code == 400
    assert BAD_REQUEST in response.text
    assert 'lang="de"' in response.text
    assert "sorry" not in response.text
    assert "Traceback" not in response.text
