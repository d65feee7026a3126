"""REST ``POST @login`` without a JSON object answers 400 in German, not a server error."""

import pytest
import requests


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": {"login": "buerger", "password": "x"}},
        {"data": b"kein json", "headers": {"Content-Type": "text/plain"}},
        {"json": ["buerger", "x"]},
    ],
    ids=["form", "text", "json-list"],
)
def test_log_in_without_json_object_is_a_bad_request(rest_portal, kwargs):
    headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
    response = requests.post(
        f"{rest_portal.absolute_url()}/@login", headers=headers, timeout=30, **kwargs
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["message"] == (
        "Bitte senden Sie Anmeldename und Passwort als JSON-Objekt."
    )
