"""Citizens who log in and apply for the dog tax with a PDF, as locust users (run headless).

Each locust user is one citizen ``lasttest-<n>`` (created by ``prepare_site.py``).
It logs in through Plone's log-in form, then, as long as submissions are left,
opens the dog-tax form, posts every field of it (the hidden ones it was given
included: ``_authenticator`` and the one-time submission token) with a PDF,
and opens the application it is sent to, where it reads the reference number.
No stickiness at the balancer: consecutive requests land on different instances.

A submission is *acknowledged* when the answer to its POST is the redirect to
the application. When the answer is lost instead (the connection breaks, or
the balancer answers 502/503/504 because the instance died: the crash drills of
``run.py`` and ``crash_filestorage.py``) or is an error page (500), the citizen
sends the same form again, as a browser does: same one-time submission token,
so that a submission which was committed before its answer was lost is shown,
not filed twice. Each attempt writes its number into the dog's name
("Bello <ticket>/<attempt>"), so the database tells which attempt filed an
application. Failed reads (form, application page) are tried again too. Every
attempt is recorded with its outcome and time; the runners' checks still count
every failed request.

Environment: ``HERNE_LOADTEST_SUBMISSIONS`` (total, shared by all users),
``HERNE_LOADTEST_SUMMARY`` (JSON file written at the end: status codes,
submissions, reference numbers, attempts, failed requests, problems),
``HERNE_LOADTEST_PROGRESS`` (file holding the number of acknowledged
submissions, rewritten after each), ``HERNE_LOADTEST_ATTEMPTS`` (tries per
request whose answer was lost, default 5).
"""

import gevent
from html import unescape
import itertools
import json
from locust import constant
from locust import events
from locust import task
from locust.contrib.fasthttp import FastHttpUser
from locust.exception import StopUser
import os
from pathlib import Path
import re
import sys
import time
from urllib.parse import urlsplit


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loadtest.accounts import PASSWORD  # noqa: E402
from loadtest.accounts import SERVICE_PATH  # noqa: E402
from loadtest.accounts import username  # noqa: E402


SUBMISSIONS = int(os.environ.get("HERNE_LOADTEST_SUBMISSIONS", "500"))
SUMMARY = os.environ.get("HERNE_LOADTEST_SUMMARY")
PROGRESS = os.environ.get("HERNE_LOADTEST_PROGRESS")
ATTEMPTS = int(os.environ.get("HERNE_LOADTEST_ATTEMPTS", "5"))
SITE = os.environ.get("HERNE_SITE_ID", "herne")
REFERENCE = re.compile(r"HER-\d{4}-\d{6}")
#: Answers that say nothing about the request's fate: no answer at all (0: connection
#: refused or reset) or the balancer's when the instance is gone. The citizen tries again.
LOST = frozenset({0, 502, 503, 504})
#: After an error page (500: Zope gave up on a conflict) the citizen tries again as well;
#: the run's checks still count every 500.
RETRIED = LOST | {500}
RETRY_PAUSE = 1.0

_user_numbers = itertools.count(1)
_tickets = itertools.count(1)
state = {
    "status_codes": {},
    "server_errors": [],
    "submitted": 0,
    "finished": 0,
    "references": [],
    "problems": [],
    # Response times in ms per request name, for exact percentiles in the report.
    "times": {},
    # Every request answered with 0 (no answer) or 5xx, with the time the answer came.
    "failures": [],
    # Every request of a logged-in citizen the caching proxy answered from its cache
    # (X-Cache: HIT): must stay empty, a personal page never comes from a shared cache.
    "from_cache": [],
    # Per ticket: citizen, token, every attempt of the POST and what became of it.
    "tickets": {},
}


FORM_START = re.compile(r"""<form\b[^>]*\bid=["']form["']""")
INPUT_TAG = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def hidden_inputs(page):
    """The hidden inputs of the application form (token, authenticator, empty markers), by name.

    Read with regular expressions, not an HTML parser: the citizens run on the same cores
    as the portal in the benchmarks, and parsing every form page cost them 2 ms each.
    """
    start = FORM_START.search(page)
    form_start = start.start() if start else len(page)
    hidden = {}
    for tag in INPUT_TAG.finditer(page):
        attrs = {
            match.group(1).lower(): unescape(
                match.group(2) if match.group(2) is not None else match.group(3)
            )
            for match in ATTRIBUTE.finditer(tag.group(0))
        }
        name = attrs.get("name")
        # The CSRF token comes after the form's end tag in some templates: keep it always.
        if (
            attrs.get("type") == "hidden"
            and name
            and (tag.start() > form_start or name == "_authenticator")
        ):
            hidden[name] = attrs.get("value") or ""
    return hidden


def pdf_for(number, ticket):
    """A small but real PDF with some weight, different for every submission."""
    filler = (f"Abgabevertrag Hund {ticket} von Bürger {number}\n" * 600).encode("utf-8")
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"3 0 obj << /Length " + str(len(filler)).encode() + b" >> stream\n" + filler + b"\n"
        b"endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


@events.request.add_listener
def count_status(request_type, name, response_time, response_length, response=None, **kwargs):
    code = getattr(response, "status_code", None) or 0
    state["times"].setdefault(name, []).append(response_time)
    state["status_codes"][str(code)] = state["status_codes"].get(str(code), 0) + 1
    headers = getattr(response, "headers", None) or {}
    if headers.get("X-Cache") == "HIT":
        state["from_cache"].append(f"{request_type} {name}")
    if code >= 500:
        state["server_errors"].append(f"{request_type} {name}: {code}")
    if code == 0 or code >= 500:
        # The transport's error (connection reset ...), not the failure() that marked it.
        error = getattr(response, "error", None) or kwargs.get("exception")
        state["failures"].append(
            {
                "request": f"{request_type} {name}",
                "status": code,
                "at": time.time(),
                "error": repr(error)[:200] if error else "",
            }
        )


@events.quitting.add_listener
def write_summary(environment, **kwargs):
    if SUMMARY:
        Path(SUMMARY).write_text(json.dumps(state, indent=1))


def _one_finished(environment):
    state["finished"] += 1
    if state["finished"] >= SUBMISSIONS and environment.runner is not None:
        # Every submission is done: end the run (headless locust then reports and exits).
        # From a greenlet of its own: quitting stops every user, this one included.
        gevent.spawn(environment.runner.quit)


def _acknowledged():
    state["submitted"] += 1
    if PROGRESS:
        Path(PROGRESS).write_text(str(state["submitted"]))


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Citizen(FastHttpUser):
    """A citizen with a local account applying for the dog tax again and again.

    locust's lighter HTTP client: with python-requests, the citizens took about 10 ms of
    CPU per submission on the cores the instances run on (5 ms now).
    """

    wait_time = constant(0.2)

    def on_start(self):
        self.number = next(_user_numbers)
        self.username = username(self.number)
        for attempt in range(1, ATTEMPTS + 1):
            with self.client.post(
                f"/{SITE}/login",
                data={
                    "__ac_name": self.username,
                    "__ac_password": PASSWORD,
                    "came_from": "",
                    "buttons.login": "Anmelden",
                },
                # The portal takes log-in posts only from its own pages (log-in CSRF).
                headers={"Origin": _origin(self.host)},
                name="login",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code == 302 and any(
                    cookie.name == "__ac" for cookie in self.client.cookiejar
                ):
                    return
                response.failure(f"log-in of {self.username} failed ({response.status_code})")
                if response.status_code not in RETRIED or attempt == ATTEMPTS:
                    state["problems"].append(f"log-in failed for {self.username}")
                    raise StopUser()
            gevent.sleep(RETRY_PAUSE)

    def _read(self, url, name, accept):
        """GET ``url``; tried again while the answer is lost. Returns the last response."""
        for attempt in range(1, ATTEMPTS + 1):
            with self.client.get(url, name=name, catch_response=True) as response:
                if accept(response):
                    return response
                response.failure(f"{name}: {response.status_code}")
                if response.status_code not in RETRIED or attempt == ATTEMPTS:
                    return response
            gevent.sleep(RETRY_PAUSE)

    @task
    def apply_for_dog_tax(self):
        ticket = next(_tickets)
        if ticket > SUBMISSIONS:
            raise StopUser()
        try:
            self._apply(ticket)
        finally:
            _one_finished(self.environment)

    def _apply(self, ticket):
        page = self._read(
            f"/{SITE}/{SERVICE_PATH}",
            "form",
            lambda response: (
                response.status_code == 200
                and "form.widgets.herne_submission_token" in (response.text or "")
            ),
        )
        hidden = hidden_inputs(page.text or "")
        token = hidden.get("form.widgets.herne_submission_token")
        if page.status_code != 200 or not token:
            state["problems"].append(f"ticket {ticket}: form not shown ({page.status_code})")
            return
        record = state["tickets"][str(ticket)] = {
            "user": self.username,
            "token": token,
            "attempts": [],
            "acknowledged": False,
        }
        fields = {
            **hidden,
            "form.widgets.registration_type:list": "Hund abmelden",
            "form.widgets.first_name": "Lasttest",
            "form.widgets.last_name": f"Bürger {self.number}",
            "form.widgets.birth_date": "1970-01-01",
            "form.widgets.street": f"Bahnhofstraße {self.number}",
            "form.widgets.postcode": "44623",
            "form.widgets.city": "Herne",
            "form.widgets.email": "",
            "form.widgets.dog_name": f"Bello {ticket}/1",
            "form.widgets.dog_breed": "Dackel",
            "form.widgets.dog_since": "2026-01-15",
            "form.widgets.iban": "",
            "form.widgets.privacy_consent:list": "selected",
            # The radio "E-Mail oder Brief" comes checked with E-Mail; a browser sends it.
            "form.widgets.herne_contact": "email",
            "form.buttons.submit": "Antrag absenden",
        }
        files = {
            "form.widgets.transfer_proof": (
                f"abgabevertrag-{ticket}.pdf",
                pdf_for(self.number, ticket),
                "application/pdf",
            )
        }
        for attempt in range(1, ATTEMPTS + 1):
            # The same form sent again, as after "Back" in the browser; the dog's name
            # tells which attempt filed the application.
            fields["form.widgets.dog_name"] = f"Bello {ticket}/{attempt}"
            with self.client.post(
                f"/{SITE}/{SERVICE_PATH}",
                data=fields,
                files=files,
                name="submit",
                allow_redirects=False,
                catch_response=True,
            ) as sent:
                # No answer at all (the instance killed): locust's error response has no headers.
                target = (sent.headers or {}).get("Location", "")
                accepted = sent.status_code == 302 and "/antraege/" in target
                record["attempts"].append(
                    {
                        "attempt": attempt,
                        "status": sent.status_code,
                        "at": time.time(),
                        "acknowledged": accepted,
                    }
                )
                if accepted:
                    break
                sent.failure(f"submission not accepted ({sent.status_code}, {target!r})")
                if sent.status_code not in RETRIED or attempt == ATTEMPTS:
                    state["problems"].append(
                        f"ticket {ticket}: not accepted ({sent.status_code}, attempt {attempt})"
                    )
                    return
            gevent.sleep(RETRY_PAUSE)
        record["acknowledged"] = True
        record["target"] = "/" + target.split("://", 1)[-1].split("/", 1)[-1]
        _acknowledged()
        shown = self._read(
            target,
            "application",
            lambda response: response.status_code == 200 and REFERENCE.search(response.text or ""),
        )
        found = REFERENCE.search(shown.text or "")
        if shown.status_code != 200 or not found:
            state["problems"].append(f"ticket {ticket}: no reference on {target}")
            return
        record["reference"] = found.group(0)
        state["references"].append(found.group(0))
