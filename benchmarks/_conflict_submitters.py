"""Concurrent dog-tax submitters inside one Zope process, every conflict kept (run by zconsole).

Run by ``benchmarks/conflict_map.py``; ``zconsole`` provides ``app`` on the
FileStorage of the rendered ``make start`` layout. Each submitter is a thread
with its own in-process WSGI client on Zope's publisher (``publish_module``:
a ZODB connection of its own per request, Zope's conflict retries, no write
queue). Every transient error, the publisher's and the reference counter's, is
kept with its oid and class; afterwards each oid is resolved to its role
(``_conflict_roles``) and the result is written as JSON to the file named by
``HERNE_CONFLICT_MAP_OUTPUT``.

With ``HERNE_CONFLICT_MAP_PREFILL`` above 0, that many dog-tax applications are
created first in one transaction (the application factory, as a submission files
them), so that the run starts on a site holding applications as production does.

Environment: HERNE_SITE_ID, HERNE_CONFLICT_MAP_SUBMITTERS, HERNE_CONFLICT_MAP_SUBMISSIONS,
HERNE_CONFLICT_MAP_PREFILL, HERNE_CONFLICT_MAP_OUTPUT.
"""

import base64
import itertools
import json
import os
from pathlib import Path
import re
import sys
import threading
import time


sys.path.insert(0, str(Path.cwd()))
sys.path.insert(0, str(Path.cwd() / "benchmarks"))

from _conflict_roles import named_objects  # noqa: E402
from _conflict_roles import oid_bytes  # noqa: E402
from _conflict_roles import oid_number  # noqa: E402
from _conflict_roles import reverse_references  # noqa: E402
from _conflict_roles import role_of  # noqa: E402
from loadtest.accounts import PASSWORD  # noqa: E402
from loadtest.accounts import SERVICE_PATH  # noqa: E402
from loadtest.accounts import username  # noqa: E402


SITE = os.environ.get("HERNE_SITE_ID", "herne")
SUBMITTERS = int(os.environ.get("HERNE_CONFLICT_MAP_SUBMITTERS", "8"))
SUBMISSIONS = int(os.environ.get("HERNE_CONFLICT_MAP_SUBMISSIONS", "80"))
PREFILL = int(os.environ.get("HERNE_CONFLICT_MAP_PREFILL", "0"))
OUTPUT = os.environ.get("HERNE_CONFLICT_MAP_OUTPUT")
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
ATTRIBUTE = re.compile(r'(name|value)="([^"]*)"')
PDF = b"%PDF-1.4\n" + b"0" * 25_000 + b"\n%%EOF\n"  # 25 kB, as the load test's

_lock = threading.Lock()
events = []
#: How many applications the site held after ``prefill``, and how long it took.
prefilled = {}
#: What the warm-up submission was told when it was not accepted (the form's error texts).
warm_page = []


def keep(error, retried, path=""):
    """Called for every transient error next to the portal's own counting."""
    oid = getattr(error, "oid", None)
    class_name = None
    if hasattr(error, "get_class_name"):
        class_name = error.get_class_name()
    with _lock:
        events.append(
            {
                "error": type(error).__name__,
                "retried": bool(retried),
                "path": path,
                "oid": oid_number(oid) if oid is not None else None,
                "class": class_name,
                "thread": threading.current_thread().name,
            }
        )


def watch_conflicts():
    from herne.portal.applications import reference
    from herne.portal.conflicts import counter

    original = counter.record

    def record(error, retried, path=""):
        keep(error, retried, path)
        return original(error, retried, path)

    counter.record = record
    reference.record = record


def hidden_inputs(html):
    values = {}
    for tag in HIDDEN.findall(html):
        attributes = dict(ATTRIBUTE.findall(tag))
        if "name" in attributes:
            values[attributes["name"]] = attributes.get("value", "")
    return values


def submitter(wsgi, number, tickets, results):
    from webtest import TestApp

    token = base64.b64encode(f"{username(number)}:{PASSWORD}".encode()).decode()
    client = TestApp(wsgi, extra_environ={"HTTP_AUTHORIZATION": f"Basic {token}"})
    url = f"/{SITE}/{SERVICE_PATH}"
    for ticket in tickets:
        page = client.get(url, status="*")
        hidden = hidden_inputs(page.text)
        fields = {
            **hidden,
            "form.widgets.registration_type:list": "Hund abmelden",
            "form.widgets.first_name": "Konflikt",
            "form.widgets.last_name": f"Bürger {number}",
            "form.widgets.birth_date": "1970-01-01",
            "form.widgets.street": f"Bahnhofstraße {number}",
            "form.widgets.postcode": "44623",
            "form.widgets.city": "Herne",
            "form.widgets.email": "",
            "form.widgets.dog_name": f"Bello {ticket}",
            "form.widgets.dog_breed": "Dackel",
            "form.widgets.dog_since": "2026-01-15",
            "form.widgets.iban": "",
            "form.widgets.privacy_consent:list": "selected",
            # How the city answers (issue 18's choice; a radio, so not among the hidden inputs).
            "form.widgets.herne_contact": "email",
            "form.buttons.submit": "Antrag absenden",
        }
        started = time.perf_counter()
        cpu = time.thread_time()
        sent = client.post(
            url,
            params=list(fields.items()),
            upload_files=[("form.widgets.transfer_proof", f"nachweis-{ticket}.pdf", PDF)],
            status="*",
        )
        elapsed = time.perf_counter() - started
        accepted = sent.status_int == 302 and "/antraege/" in sent.headers.get("Location", "")
        if not accepted and ticket == 0:
            warm_page.append(
                re.findall(r'class="[^"]*invalid-feedback[^"]*"[^>]*>([^<]*)', sent.text)
            )
        results.append(
            {
                "ticket": ticket,
                "status": sent.status_int,
                "accepted": accepted,
                "seconds": elapsed,
                "cpu_seconds": time.thread_time() - cpu,
            }
        )


def prefill(app, count):
    """``count`` submitted dog-tax applications of the load test's citizens, one transaction."""
    from herne.portal.applications.factory import create_application
    from plone import api
    from Testing.makerequest import makerequest
    import transaction
    from zope.component.hooks import setSite

    portal = makerequest(app)[SITE]
    setSite(portal)
    service = portal.unrestrictedTraverse(SERVICE_PATH).aq_parent
    started = time.perf_counter()
    for number in range(count):
        userid = username(number % SUBMITTERS + 1)
        with api.env.adopt_user(username=userid):
            create_application(
                service,
                userid=userid,
                applicant_name=f"Vorbefüllt Bürger {number}",
                rows=[{"name": "dog_name", "title": "Name des Hundes", "value": f"Rex {number}"}],
                uploads={},
                consent_time=None,
                delivery_method=service.result_delivery,
                delivery_address="Bahnhofstraße 12\n44623 Herne",
            )
    transaction.commit()
    filed = len(portal.portal_catalog.unrestrictedSearchResults(portal_type="Application"))
    setSite(None)
    prefilled.update(applications=filed, seconds=time.perf_counter() - started)


def run(app):
    from ZPublisher.httpexceptions import HTTPExceptionHandler
    from ZPublisher.WSGIPublisher import publish_module

    wsgi = HTTPExceptionHandler(publish_module)
    if PREFILL:
        prefill(app, PREFILL)
    watch_conflicts()
    # One submission alone first: the department's area and the counters exist afterwards,
    # as on a site in use.
    warm = []
    submitter(wsgi, SUBMITTERS + 1, [0], warm)
    assert warm[0]["accepted"], (warm, warm_page)
    events.clear()
    counter = itertools.count(1)
    shares = [[] for _ in range(SUBMITTERS)]
    for ticket in range(1, SUBMISSIONS + 1):
        shares[next(counter) % SUBMITTERS].append(ticket)
    results = []
    threads = [
        threading.Thread(
            target=submitter, args=(wsgi, n + 1, shares[n], results), name=f"submitter-{n + 1}"
        )
        for n in range(SUBMITTERS)
    ]
    started = time.perf_counter()
    cpu = time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cpu_used = time.process_time() - cpu
    return results, elapsed, cpu_used


def resolve(app):
    from herne.portal.applications.areas import application_root
    from zope.component.hooks import setSite

    app._p_jar.sync()
    portal = app[SITE]
    setSite(portal)
    names = named_objects(portal, application_root(portal))
    storage = app._p_jar.db().storage
    parents, classes = reverse_references(storage)
    roles = {}
    for event in events:
        oid = event["oid"]
        if oid is None or oid in roles:
            continue
        role, way = role_of(oid_bytes(oid), names, parents, classes)
        roles[oid] = {"role": role, "way": way, "class": classes.get(oid_bytes(oid), "?")}
    return roles


def main(app):
    results, elapsed, cpu_used = run(app)
    roles = resolve(app)
    report = {
        "submitters": SUBMITTERS,
        "submissions": SUBMISSIONS,
        "prefill": PREFILL,
        "prefilled": prefilled,
        "accepted": sum(1 for row in results if row["accepted"]),
        "status_codes": {
            str(code): sum(1 for row in results if row["status"] == code)
            for code in sorted({row["status"] for row in results})
        },
        "seconds": elapsed,
        "cpu_seconds": cpu_used,
        "submit_seconds": sorted(row["seconds"] for row in results),
        "events": events,
        "roles": {str(oid): role for oid, role in roles.items()},
        "load": os.getloadavg(),
    }
    if OUTPUT:
        Path(OUTPUT).write_text(json.dumps(report, indent=1))
    print(f"conflict map: {report['accepted']} accepted, {len(events)} transient errors")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
    sys.exit(0)
