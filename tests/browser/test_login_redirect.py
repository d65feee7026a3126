"""The local log-in forms follow only addresses inside the portal and take posts only from it."""

import pytest
import requests
from tests.fixtures.browsers import demo_password
from urllib.parse import urlencode
from urllib.parse import urlsplit


#: ``{site}`` is the portal's path (``/herne`` on the city's server): Plone checks only the path.
FOREIGN = [
    "http://evil.example{site}",
    "https://evil.example{site}/leistungen",
    "javascript://evil.example{site}",
    "//evil.example{site}",
    "////evil.example",
    "////evil.example{site}",
    "http:evil.example{site}",
    "\\\\evil.example{site}",
    "/\\evil.example{site}",
    "https://evil.example@localhost{site}",
    "https://evil.example@{host}{site}",
    "https://{host}.evil.example{site}",
    "https://localhost.evil.example{site}",
    "javascript:alert(1)",
]

#: Every name Plone answers a log-in form under.
LOGIN_VIEWS = ["login", "login_form", "failsafe_login", "failsafe_login_form"]

REFUSED = "nicht auf den Seiten des Serviceportals abgeschickt"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def post_login(portal, came_from="", view="login", headers=None, username="buerger"):
    """The log-in form as a browser posts it: same-site Origin unless other headers are given."""
    portal_url = portal.absolute_url()
    if headers is None:
        headers = {"Origin": origin(portal_url), "Referer": f"{portal_url}/{view}"}
    return requests.post(
        f"{portal_url}/{view}",
        data={
            "__ac_name": username,
            "__ac_password": demo_password(username),
            "came_from": came_from,
            "buttons.login": "Anmelden",
        },
        headers={"Accept-Language": "de", **headers},
        allow_redirects=False,
        timeout=60,
    )


def has_session(response):
    return any(cookie.name == "__ac" and cookie.value for cookie in response.cookies)


@pytest.mark.parametrize("came_from", FOREIGN)
def test_log_in_never_leaves_the_portal(rest_portal, came_from):
    parts = urlsplit(rest_portal.absolute_url())
    came_from = came_from.format(site=parts.path, host=parts.netloc)
    response = post_login(rest_portal, came_from)
    assert response.status_code == 302
    assert response.headers["Location"] == rest_portal.absolute_url()
    assert has_session(response)


@pytest.mark.parametrize("view", LOGIN_VIEWS)
def test_every_log_in_form_never_leaves_the_portal(rest_portal, view):
    site = urlsplit(rest_portal.absolute_url()).path
    response = post_login(rest_portal, f"https://evil.example{site}", view=view)
    assert response.status_code == 302
    assert response.headers["Location"] == rest_portal.absolute_url()
    assert has_session(response)


def test_log_in_returns_to_a_page_of_the_portal(rest_portal):
    page = rest_portal["leistungen"]["hundesteuer"].absolute_url()
    response = post_login(rest_portal, page)
    assert response.status_code == 302
    assert response.headers["Location"] == page
    assert has_session(response)


def test_log_in_returns_to_a_path_of_the_portal(rest_portal):
    page = rest_portal["leistungen"]["hundesteuer"]
    path = "/".join(page.getPhysicalPath())
    response = post_login(rest_portal, path)
    assert response.status_code == 302
    assert response.headers["Location"] == page.absolute_url()


def test_log_in_without_came_from_goes_to_the_start_page(rest_portal):
    response = post_login(rest_portal)
    assert response.status_code == 302
    assert response.headers["Location"] == rest_portal.absolute_url()
    assert has_session(response)


def test_log_in_with_the_referer_alone_works(rest_portal):
    response = post_login(rest_portal, headers={"Referer": f"{rest_portal.absolute_url()}/login"})
    assert response.status_code == 302
    assert has_session(response)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://evil.example", "Referer": "http://evil.example/herne/login"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/herne/login"},
        {"Referer": "http://localhost.evil.example/login"},
        {},
    ],
    ids=["origin", "origin-and-referer", "null-origin", "referer", "lookalike-referer", "none"],
)
@pytest.mark.parametrize("view", LOGIN_VIEWS)
def test_post_from_another_site_is_refused(rest_portal, headers, view):
    response = post_login(rest_portal, "http://evil.example/herne", view=view, headers=headers)
    assert response.status_code == 200
    assert "evil.example" not in response.headers.get("Location", "")
    assert not has_session(response)
    assert REFUSED in response.text


def test_a_refused_post_leaves_nobody_logged_in(rest_portal):
    """The page answering a refused post is the anonymous log-in form."""
    logged_in = requests.get(
        f"{rest_portal.absolute_url()}/leistungen",
        auth=("buerger", demo_password("buerger")),
        timeout=60,
    )
    assert "/logout" in logged_in.text
    response = post_login(rest_portal, headers={"Origin": "http://evil.example"})
    assert 'name="__ac_name"' in response.text
    assert "/logout" not in response.text
    assert not has_session(response)


def test_log_in_by_get_is_refused(rest_portal):
    portal_url = rest_portal.absolute_url()
    query = urlencode(
        {
            "__ac_name": "buerger",
            "__ac_password": demo_password("buerger"),
            "came_from": "http://evil.example/herne",
            "buttons.login": "Anmelden",
        }
    )
    response = requests.get(
        f"{portal_url}/login?{query}",
        headers={"Accept-Language": "de", "Referer": f"{portal_url}/login"},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 200
    assert not has_session(response)
    assert REFUSED in response.text


def test_wrong_password_stays_a_failed_log_in(rest_portal):
    portal_url = rest_portal.absolute_url()
    response = requests.post(
        f"{portal_url}/login",
        data={"__ac_name": "buerger", "__ac_password": "falsch", "buttons.login": "Anmelden"},
        headers={"Accept-Language": "de", "Origin": origin(portal_url)},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 200
    assert not has_session(response)
    assert REFUSED not in response.text


@pytest.mark.parametrize(
    "came_from, inside",
    [
        ("{portal}", "{portal}"),
        ("{portal}/leistungen?x=1#a", "{portal}/leistungen?x=1#a"),
        ("{site}/leistungen", "{portal}/leistungen"),
        ("{site}", "{portal}"),
        ("{site}x/leistungen", None),
        ("{site}/../acl_users", None),
        ("{site}/%2e%2e/acl_users", None),
        ("/acl_users", None),
        ("leistungen", None),
        ("https://{host}{site}", None),
        ("{portal}/ leistungen", None),
        ("http://[{site}", None),
        ("", None),
        (None, None),
    ],
)
def test_address_in_portal(rest_portal, came_from, inside):
    from herne.portal.login_guard import address_in_portal

    portal_url = rest_portal.absolute_url()
    parts = urlsplit(portal_url)
    values = {"portal": portal_url, "site": parts.path, "host": parts.netloc}
    if came_from is not None:
        came_from = came_from.format(**values)
    assert address_in_portal(came_from) == (inside.format(**values) if inside else None)
