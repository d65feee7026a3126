"""Malformed typed parameters are the visitor's mistake: 400, never a server error."""

import pytest
import requests


@pytest.mark.parametrize(
    "path",
    [
        "@@search?b_start:int=abc",
        "@@search?b_start:int=",
        "@@search?SearchableText=Hund&b_size:int=1e9x",
        "?x:float=a",
        "leistungen?b_size:int=x",
        "@@search?created:date=kein-datum",
        "@@search?sort_on:required=",
    ],
)
def test_malformed_typed_parameter_is_a_bad_request(demo_functional, path):
    url = demo_functional["portal"].absolute_url()
    response = requests.get(f"{url}/{path}", headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code == 400, (path, response.status_code, response.text[:300])
