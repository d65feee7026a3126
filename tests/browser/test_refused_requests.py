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


@pytest.mark.parametrize(
    "method,query",
    [
        # Zope's form parser failed on these mixes (AttributeError, 500).
        ("POST", [("internal:records", "-1165"), ("filename:record", "x")]),
        ("GET", [("a:records", "1"), ("b:record", "x")]),
        # Text read by Plone's log-in links and search, sent as a list or record (500).
        ("GET", [("came_from:list", "x")]),
        ("POST", [("came_from:list", "-1")]),
        ("POST", [("came_from:long", "-51")]),
        ("POST", [("came_from", "x" * 100_000)]),
        ("GET", [("SearchableText:list", "485")]),
        # An address no proxy carries: its log-in redirect made a header no client reads.
        ("GET", [("text", "x" * 100_000)]),
    ],
    ids=[
        "records-record-post",
        "records-record-get",
        "came-from-list",
        "came-from-list-post",
        "came-from-number",
        "came-from-overlong",
        "search-list",
        "overlong-address",
    ],
)
@pytest.mark.parametrize("path", ["@@search", "ozg-snapshot", "postkorb"])
def test_malformed_forms_are_bad_requests(demo_functional, method, query, path):
    url = demo_functional["portal"].absolute_url()
    if method == "GET":
        response = requests.get(
            f"{url}/{path}",
            params=query,
            headers={"Accept": "text/html"},
            timeout=30,
            allow_redirects=False,
        )
    else:
        response = requests.post(
            f"{url}/{path}",
            data=query,
            headers={"Accept": "text/html"},
            timeout=30,
            allow_redirects=False,
        )
    assert response.status_code == 400, (response.status_code, response.text[-300:])
    assert BAD_REQUEST in response.text


def test_the_service_list_macro_is_no_page(demo_functional):
    url = demo_functional["portal"].absolute_url()
    response = requests.get(
        f"{url}/herne-service-macros", headers={"Accept": "text/html"}, timeout=30
    )
    assert response.status_code == 404
    # The pages that use it still show their services.
    page = requests.get(f"{url}/leistungen-a-z", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200
    assert "Hundesteuer" in page.text


@pytest.mark.parametrize(
    "path",
    [
        "leistungen/hundesteuer/local_roles",
        "local_roles",
        # Zope failed while traversing past the serializer (503).
        "leistungen/hundesteuer/local_roles?x:default_method=11838",
    ],
)
def test_sharing_entries_are_no_page(demo_functional, path):
    """A REST serializer, reachable only through @sharing with its permission check."""
    url = demo_functional["portal"].absolute_url()
    response = requests.get(f"{url}/{path}", headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code == 404
    assert "entries" not in response.text
