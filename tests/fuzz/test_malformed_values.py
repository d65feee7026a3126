"""Fuzzing every parameter of the portal's pages, forms and REST endpoints: never a server error, nothing half stored.

The targets are read from the component registry (every page and REST service that
herne.portal registers, on every kind of context it is registered for) plus the Plone
pages a citizen reaches. The parameter names are read from the package's code and
templates and from the application forms' fields. Hypothesis sends wrong types, huge
and odd unicode strings, Zope's ``:int``/``:list``/``:record`` suffixes and posts
without the CSRF token, as an anonymous visitor and as the demo citizen. A 5xx fails,
and so does a refused request (4xx) after which more was stored than before.
"""

from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import seed
from hypothesis import settings
from hypothesis import strategies as st
import os
from pathlib import Path
from plone import api
import pytest
import re
import requests
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import build_application
import transaction
import zlib
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest


PACKAGE = Path(__file__).parents[2] / "src" / "herne" / "portal"
#: Examples per target and visitor; HERNE_FUZZ_EXAMPLES=50 for a longer hunt.
EXAMPLES = int(os.environ.get("HERNE_FUZZ_EXAMPLES", "3"))
#: Named adapters that are no pages: the exception views.
NOT_PAGES = {"index.html"}
#: The Plone pages a citizen reaches, on the site.
PLONE_PAGES = [
    "@@search",
    "@@ajax-search",
    "login",
    "@@login",
    "@@register",
    "@@personal-information",
    "@@personal-preferences",
    "@@change-password",
    "mail_password_form",
    "@@search-controlpanel",
    "logout",
]
#: Names Plone's pages read, beside those of the portal's own code.
PLONE_PARAMETERS = [
    "SearchableText",
    "b_start",
    "b_size",
    "sort_on",
    "sort_order",
    "portal_type",
    "Subject",
    "created",
    "came_from",
    "__ac_name",
    "__ac_password",
    "_authenticator",
    "buttons.login",
    "form.submitted",
    "form.widgets.email",
    "form.widgets.fullname",
    "form.widgets.username",
    "form.widgets.password",
    "form.widgets.password_ctl",
    "form.widgets.current_password",
    "form.widgets.new_password",
    "form.widgets.new_password_ctl",
    "form.widgets.citizen_language",
    "form.widgets.timezone",
    "form.buttons.save",
    "form.buttons.register",
    "form.buttons.reset_passwd",
    "form.buttons.submit",
    "-C",
]
SUFFIXES = [
    "",
    "",
    ":int",
    ":long",
    ":float",
    ":list",
    ":tuple",
    ":record",
    ":records",
    ":date",
    ":date_international",
    ":boolean",
    ":tokens",
    ":lines",
    ":required",
    ":default",
    ":ignore_empty",
    ":list:int",
    ":record:int",
    ":int:list",
    ":records:float",
    ":method",
    ":action",
    ":default_method",
]
ODD_VALUES = [
    "",
    "-1",
    "0",
    "1e309",
    "NaN",
    "0x1f",
    "\x00",
    "\u202e\u0000\ufeff",
    "💥" * 200,
    "ß" * 6000,
    "x" * 100_000,
    "2026-02-30",
    "31.02.2026",
    "null",
    "[]",
    "{}",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "http://evil.example/herne",
]


def _parameter_names():
    names = set(PLONE_PARAMETERS)
    patterns = [
        r"""(?:form|request)\.get\(\s*["']([\w.\-]+)["']""",
        r"""(?:form|request)\[\s*["']([\w.\-]+)["']\s*\]""",
        r"""\bname="([\w.\-]+)(?::[\w:]+)?\"""",
    ]
    for path in list(PACKAGE.rglob("*.py")) + list(PACKAGE.rglob("*.pt")):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            names.update(re.findall(pattern, text))
    return sorted(name for name in names if "$" not in name and len(name) < 80)


PARAMETERS = _parameter_names()

VALUES = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers().map(str),
    st.floats(allow_nan=True).map(repr),
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | VALUES,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(PARAMETERS), children, max_size=3)
    ),
    max_leaves=6,
)


def _is_portal_code(factory):
    classes = getattr(factory, "__mro__", (factory,))
    if any(getattr(cls, "__module__", "").startswith("herne.portal") for cls in classes):
        return True
    template = getattr(getattr(factory, "index", None), "filename", "") or ""
    return "herne/portal" in template


def _registries(registry, seen=None):
    """``registry`` and every registry below it (the test layers stack theirs)."""
    seen = [] if seen is None else seen
    if registry not in seen:
        seen.append(registry)
        for base in getattr(registry, "__bases__", ()):
            _registries(base, seen)
    return seen


def _registered_targets(portal, contexts):
    """(method or None, context, name) for every page and REST service of the portal."""
    targets = set()
    registrations = [
        registration
        for registry in _registries(portal.getSiteManager())
        for registration in registry.registeredAdapters()
    ]
    for registration in registrations:
        if len(registration.required) != 2 or not registration.name:
            continue
        if registration.name in NOT_PAGES or not _is_portal_code(registration.factory):
            continue
        context_kind, request_kind = registration.required
        if not request_kind.isOrExtends(IBrowserRequest):
            continue  # indexers, guards and other adapters that no URL reaches
        method = None
        name = registration.name
        match = re.match(r"^(GET|POST|PATCH|PUT|DELETE)_application_json_(.+)$", name)
        if match:
            method, name = match.groups()
        elif "_application_json_" in name:
            continue
        for key, context in contexts.items():
            if context_kind is Interface and key:
                continue  # a page for any context: tried on the site
            if context_kind.providedBy(context):
                targets.add((method, key, name))
    return sorted(targets, key=lambda target: (target[1], target[2], target[0] or ""))


def _stored(portal):
    """How many objects the application areas hold (applications, drafts, files, messages)."""
    transaction.abort()
    # The walk goes through every area's 256 shards (content/sharded_tree.py): with the
    # test database's 400 objects (ZODB's default) it reloaded them all on every count;
    # the instances keep 30,000 (etc/zope.conf.in).
    portal._p_jar._cache.cache_size = max(portal._p_jar._cache.cache_size, 30_000)

    def count(container):
        children = container.objectValues() if hasattr(container, "objectValues") else ()
        return sum(1 + count(child) for child in children)

    return count(portal["antraege"])


@pytest.fixture()
def fuzz_site(demo_functional):
    portal = demo_functional["portal"]
    service = portal["leistungen"]["hundesteuer"]
    forms = api.content.find(portal_type="EasyForm", unrestricted=True)
    form = forms[0]._unrestrictedGetObject() if forms else None
    draft = build_application(portal, "fuehrungszeugnis", submit=False)
    submitted = build_application(portal, "fuehrungszeugnis")
    transaction.commit()
    contexts = {
        "": portal,
        "leistungen/hundesteuer": service,
        "antrag-entwurf": draft,
        "antrag": submitted,
        "acl_users/oidc": portal.acl_users.oidc,
    }
    if form is not None:
        contexts["formular"] = form
    department = api.content.find(portal_type="Department", unrestricted=True)
    if department:
        contexts["organisationseinheit"] = department[0]._unrestrictedGetObject()
    targets = _registered_targets(portal, contexts)
    targets += [(None, "", page) for page in PLONE_PAGES]
    urls = {key: context.absolute_url() for key, context in contexts.items()}
    yield {"portal": portal, "targets": targets, "urls": urls}
    transaction.abort()


def _send(session, url, method, params, encoding, json_body):
    if method == "GET":
        return session.get(url, params=params, timeout=60, allow_redirects=False)
    if encoding == "json":
        return session.post(url, json=json_body, timeout=60, allow_redirects=False)
    if encoding == "text":
        return session.post(
            url,
            data=str(json_body).encode("utf-8", "surrogatepass"),
            headers={"Content-Type": "text/plain"},
            timeout=60,
            allow_redirects=False,
        )
    if encoding == "multipart":
        files = [(name, (None, value.encode("utf-8", "surrogatepass"))) for name, value in params]
        return session.post(url, files=files or None, timeout=60, allow_redirects=False)
    return session.post(url, data=params, timeout=60, allow_redirects=False)


def _fuzz_target(data, fuzz_site, session, target):
    portal = fuzz_site["portal"]
    method, key, name = target
    url = f"{fuzz_site['urls'][key]}/{name}"
    rest = method is not None
    sent_method = method or data.draw(st.sampled_from(["GET", "POST"]), label="method")
    params = data.draw(
        st.lists(
            st.tuples(
                st.builds(
                    lambda n, s: n + s, st.sampled_from(PARAMETERS), st.sampled_from(SUFFIXES)
                ),
                VALUES,
            ),
            max_size=6,
        ),
        label=f"{name} parameters",
    )
    encoding = data.draw(
        st.sampled_from(["json", "text"] if rest else ["form", "multipart", "form"]),
        label="encoding",
    )
    json_body = data.draw(
        st.dictionaries(st.sampled_from(PARAMETERS), JSON_VALUES, max_size=5) | JSON_VALUES,
        label="json body",
    )
    session.headers["Accept"] = "application/json" if rest else "text/html"
    before = _stored(portal)
    response = _send(session, url, sent_method, params, encoding, json_body)
    assert response.status_code < 500, (
        f"{sent_method} {url} {params!r} answered {response.status_code}: {response.text[:500]}"
    )
    if response.status_code >= 400:
        assert _stored(portal) == before, (
            f"{sent_method} {url} {params!r} was refused ({response.status_code}) "
            "but stored something"
        )


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    # A failure names its target and values; shrinking would repeat hundreds of requests.
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _target_runner(fuzz_site, session, target):
    """A hypothesis run for one target; the same values on every run, other values per target."""

    @seed(zlib.crc32(repr(target).encode()))
    @FUZZ_SETTINGS
    @given(data=st.data())
    def fuzz_target(data):
        _fuzz_target(data, fuzz_site, session, target)

    return fuzz_target


def _fuzz(fuzz_site, auth):
    """Each target gets its own examples, so every parameter of every target is tried."""
    session = requests.Session()
    session.auth = auth
    for target in fuzz_site["targets"]:
        _target_runner(fuzz_site, session, target)()


def test_anonymous_visitor_never_meets_a_server_error(fuzz_site):
    _fuzz(fuzz_site, None)


def test_citizen_never_meets_a_server_error(fuzz_site):
    _fuzz(fuzz_site, CITIZEN)


def test_every_kind_of_target_is_fuzzed(fuzz_site):
    """The registry yields the portal's pages and REST services, not an empty list."""
    names = {name for _method, _key, name in fuzz_site["targets"]}
    assert {"postkorb", "@postkorb", "@antragsformular", "receipt", "@@search"} <= names
    assert len(PARAMETERS) > 50
