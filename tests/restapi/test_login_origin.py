"""REST ``POST @login`` refuses posts sent by pages of other sites; programs without Origin log in."""

import json
import pytest
import requests
from tests.fixtures.applications import CITIZEN
from urllib.parse import urlsplit


REFUSED = (
    "Die Anmeldung wurde nicht ausgeführt: Die Anfrage wurde nicht von den Seiten des "
    "Serviceportals abgeschickt."
)
CREDENTIALS = {"login": CITIZEN[0], "password": CITIZEN[1]}


def own_origin(portal):
    return "{0.scheme}://{0.netloc}".format(urlsplit(portal.absolute_url()))


def post_login(portal, headers, **kwargs):
    return requests.post(
        f"{portal.absolute_url()}/@login",
        headers={"Accept": "application/json", **headers},
        allow_redirects=False,
        **kwargs,
    )


def assert_refused(response):
    assert response.status_code == 403, response.text
    assert response.json()["error"]["message"] == REFUSED
    assert "token" not in response.json()
    assert "__ac=" not in response.headers.get("Set-Cookie", "")


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "https://evil.example", "Referer": "PORTAL/"},
        {"Referer": "http://evil.example/herne/login"},
    ],
    ids=["other-origin", "null-origin", "other-origin-own-referer", "other-referer"],
)
@pytest.mark.parametrize("body", ["text-plain", "form", "json"])
def test_cross_site_log_in_is_refused(rest_portal, headers, body):
    headers = {
        key: value.replace("PORTAL", rest_portal.absolute_url()) for key, value in headers.items()
    }
    if body == "text-plain":
        # What a page of another site can send without asking the portal first.
        response = post_login(
            rest_portal,
            {**headers, "Content-Type": "text/plain"},
            data=json.dumps(CREDENTIALS),
        )
    elif body == "form":
        response = post_login(rest_portal, headers, data=CREDENTIALS)
    else:
        response = post_login(rest_portal, headers, json=CREDENTIALS)
    assert_refused(response)


def test_program_without_origin_logs_in(rest_portal):
    response = post_login(rest_portal, {}, json=CREDENTIALS)
    assert response.status_code == 200, response.text
    assert response.json()["token"]


def test_portal_page_logs_in(rest_portal):
    origin = own_origin(rest_portal)
    response = post_login(
        rest_portal,
        {"Origin": origin, "Referer": f"{rest_portal.absolute_url()}/login"},
        json=CREDENTIALS,
    )
    assert response.status_code == 200, response.text
    assert response.json()["token"]


def test_wrong_password_from_a_program_is_still_refused(rest_portal):
    response = post_login(rest_portal, {}, json={**CREDENTIALS, "password": "falsch"})
    assert response.status_code == 401
