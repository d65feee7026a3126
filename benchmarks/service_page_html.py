"""Writes the HTML of every demo service page (translations too) for four kinds of viewer, to compare before and after a change.

Run (not part of `make test`), once on the commit before and once after a change that
should not change what visitors see, then compare the two folders:

    HERNE_HTML_DIR=/tmp/before .venv/bin/pytest benchmarks/service_page_html.py -s -p no:cacheprovider
    HERNE_HTML_DIR=/tmp/after .venv/bin/pytest benchmarks/service_page_html.py -s -p no:cacheprovider
    diff -r /tmp/before /tmp/after

Viewers: an anonymous visitor (Accept-Language de), an anonymous visitor with
Accept-Language tr, the editor ``redaktion`` and the site owner. Form tokens, the
authenticator and times differ from run to run and are masked.
"""

from herne.portal.testing import HERNE_DEMO_FUNCTIONAL_TESTING  # noqa: F401 - layer of the fixture
import os
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import re


OUTPUT = os.environ.get("HERNE_HTML_DIR", "")
#: What changes from one render to the next without the page changing.
VOLATILE = (
    (re.compile(r'(name="_authenticator"[^>]*value=")[^"]*'), r"\1…"),
    (re.compile(r"(_authenticator=)[0-9a-f]+"), r"\1…"),
    (re.compile(r'(name="form\.widgets\.token"[^>]*value=")[^"]*'), r"\1…"),
    (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:?\d{2})?"), "timestamp"),
    (re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b"), "hh:mm"),
    (re.compile(r"\?b=[0-9a-f]+|\?t=\d+"), "?…"),
    (re.compile(r'(data-token=")[0-9a-f]+'), r"\1…"),
    # uids of the demo content are new with every set-up of the site
    (re.compile(r"(@@multilingual-universal-link/)[0-9a-f]+"), r"\1…"),
    # the test layer's server takes a free port
    (re.compile(r"//localhost:\d+/"), "//localhost/"),
)
VIEWERS = {
    "anonymous-de": (None, None, "de"),
    "anonymous-tr": (None, None, "tr"),
    "editor": ("redaktion", "demo-redaktion-2026", "de"),
    "site-owner": (SITE_OWNER_NAME, SITE_OWNER_PASSWORD, "de"),
}


def masked(html):
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html


def test_write_service_pages(demo_functional):
    assert OUTPUT, "set HERNE_HTML_DIR to the folder the pages are written to"
    app, portal = demo_functional["app"], demo_functional["portal"]
    root = "/".join(portal.getPhysicalPath())
    services = sorted(
        brain.getURL() for brain in api.content.find(portal_type="Service", path=root)
    )
    assert services
    for viewer, (username, password, language) in VIEWERS.items():
        browser = Browser(app)
        browser.handleErrors = False
        browser.addHeader("Accept-Language", language)
        if username:
            browser.addHeader("Authorization", f"Basic {username}:{password}")
        folder = Path(OUTPUT) / viewer
        folder.mkdir(parents=True, exist_ok=True)
        for url in services:
            browser.open(url)
            name = url.removeprefix(portal.absolute_url() + "/").replace("/", "__")
            (folder / (name + ".html")).write_text(masked(browser.contents), encoding="utf-8")
    print(f"\n{len(services)} service pages for {len(VIEWERS)} viewers written to {OUTPUT}")
