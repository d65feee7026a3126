"""Browser journeys: a real Chromium (Debian's package) driven by Playwright against the served demo site.

Every page a journey visits is checked with axe-core (npm) for WCAG 2.1 A/AA and
photographed at desktop and phone width into ``test-artifacts/screenshots``.
"""

import os
from pathlib import Path
from plone import api
import pytest
import re
import shutil
import subprocess
import transaction


E2E_DIR = Path(__file__).resolve().parent
ROOT = E2E_DIR.parents[1]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
#: WCAG 1.4.10 reflow: 320 CSS px wide, and a 1280 px window at 200 % zoom (640 CSS px).
REFLOW_WIDTHS = (320, 640)


@pytest.fixture()
def sent_mail(smtp_server):
    """The messages the served site delivers to the real SMTP server during one test."""
    _controller, handler = smtp_server
    handler.messages.clear()
    return handler.messages


def chromium_path():
    path = (
        os.environ.get("HERNE_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not path:
        raise RuntimeError(
            "Chromium is missing: install Debian's package 'chromium' (.ci/run does it)."
        )
    return path


def ensure_axe():
    if not AXE.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=E2E_DIR, check=True
        )
    return AXE.read_text()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    return ensure_axe()


@pytest.fixture(scope="class")
def site(demo_functional_class, smtp_server):
    """One served demo site for a whole journey class, sending its mail to a real SMTP server."""
    demo_functional_class.testSetUp()
    portal = demo_functional_class["portal"]
    # As ``make start`` does: the served address is the official one.
    api.portal.set_registry_record("herne.portal.site.public_url", portal.absolute_url())
    controller, _handler = smtp_server
    api.portal.set_registry_record("plone.smtp_host", controller.hostname)
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    api.portal.set_registry_record("plone.email_from_name", "Stadt Herne")
    transaction.commit()
    try:
        yield portal
    finally:
        demo_functional_class.testTearDown()


class Journey:
    """A person's browser: pages are checked with axe and photographed as they are visited."""

    def __init__(self, chromium, axe_source, name, portal_url):
        self.context = chromium.new_context(viewport=DESKTOP, locale="de-DE")
        # What the content security policy blocks on a page (an eval, a foreign script).
        self.context.add_init_script(
            """window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', event =>
                window.__cspViolations.push(`${event.violatedDirective} blocked `
                    + `${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`));"""
        )
        self.page = self.context.new_page()
        self.axe_source = axe_source
        self.name = name
        self.portal_url = portal_url
        self.visited = []
        self.step = 0

    def close(self):
        self.context.close()

    def goto(self, path_or_url):
        url = (
            path_or_url
            if path_or_url.startswith("http")
            else f"{self.portal_url}/{path_or_url.lstrip('/')}"
        )
        self.page.goto(url)
        return self.page

    def violations(self):
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(content=self.axe_source)
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        return result["violations"]

    def blocked_by_policy(self):
        """What the content security policy refused on the current page so far."""
        return self.page.evaluate("() => window.__cspViolations || []")

    def overflowing(self, width):
        """At this width: what sticks out sideways, so the page would need horizontal scrolling."""
        self.page.set_viewport_size({"width": width, "height": 800})
        return self.page.evaluate(
            """() => document.documentElement.scrollWidth > window.innerWidth
                ? [...document.querySelectorAll('body *')]
                    .filter(e => !e.closest('.offcanvas')
                            && e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                         + (e.className && e.className.baseVal === undefined
                            ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : ''))
                : []"""
        )

    def check(self, label):
        """axe at desktop and 320 px width, reflow at 320 px and 200 % zoom, nothing blocked by the
        security policy, screenshots at desktop and phone width."""
        self.step += 1
        found = self.violations()
        too_wide = {width: self.overflowing(width) for width in REFLOW_WIDTHS}
        # The narrow layout shows other things (collapsed menus, scrolling tables): axe again.
        self.page.set_viewport_size({"width": REFLOW_WIDTHS[0], "height": 800})
        seen = {violation["id"] for violation in found}
        found += [violation for violation in self.violations() if violation["id"] not in seen]
        self.page.set_viewport_size(DESKTOP)
        self.visited.append((label, self.page.url))
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        folder = SCREENSHOTS / self.name
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(
            path=str(folder / f"{self.step:02d}-{slug}-desktop.png"), full_page=True
        )
        self.page.set_viewport_size(PHONE)
        self.page.screenshot(path=str(folder / f"{self.step:02d}-{slug}-phone.png"), full_page=True)
        self.page.set_viewport_size(DESKTOP)
        assert not found, f"{label} ({self.page.url}):\n" + describe(found)
        blocked = self.blocked_by_policy()
        assert not blocked, f"{label} ({self.page.url}): the security policy blocked {blocked}"
        assert not any(too_wide.values()), f"{label} ({self.page.url}) scrolls sideways: {too_wide}"

    def login(self, username, password):
        self.goto("login")
        self.page.fill("#__ac_name", username)
        self.page.fill("#__ac_password", password)
        self.page.click("#buttons-login")
        self.page.wait_for_load_state()


def describe(violations):
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}"
        )
        for node in violation["nodes"][:5]:
            checks = node.get("any") or node.get("all") or node.get("none") or []
            if checks:
                lines.append(f"    {', '.join(node['target'])}: {checks[0].get('message', '')}")
    return "\n".join(lines)


@pytest.fixture()
def journey(chromium, axe_source, site, request):
    journeys = []

    def start(name):
        person = Journey(chromium, axe_source, name, site.absolute_url())
        journeys.append(person)
        return person

    yield start
    for person in journeys:
        person.close()


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists():
        count = len(list(SCREENSHOTS.rglob("*.png")))
        terminalreporter.write_line(f"Screenshots of the browser journeys ({count}): {SCREENSHOTS}")
