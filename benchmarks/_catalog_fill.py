"""Shared set-up of the benchmarks with 100,000 applications, and their interleaved timing.

The catalog is filled in two parts:

* real applications, made with ``create_application`` and taken through the
  workflow with ``perform`` (the clerks' own code path); which department and
  state each gets, and who applies, the benchmark decides;
* the rest as catalog entries of lightweight stand-ins. Each stand-in copies
  the catalog data of a real application of its department (what the indexers
  returned for it: object_provides, allowedRolesAndUsers, effective/expires,
  ...) and changes what differs between applications: path and id, UID,
  reference number (from the portal's own counter, per year of submission),
  applicant (one of 20,000 others) and owner token in allowedRolesAndUsers,
  applicant name, service, state, dates, the derived
  Title/sortable_title/SearchableText (computed by the same indexers), and the
  unread marker ``citizen_unread`` (False: a stand-in has no messages). Creating
  100,000 real objects with files, workflow history and messages would take
  over an hour on 2 cores (about 40 ms each here, growing with the catalog);
  the measured pages and services only read the catalog, so the catalog is
  what must be realistic.

Stand-ins are spread as in the worklist benchmark: 25 % in Bürgerdienste
Herne-Mitte, 75 % over the other departments; states by ``STATES``' weights,
open ones submitted up to 120 days ago, closed ones up to 3 years ago.
"""

from aiosmtpd.controller import Controller
from contextlib import contextmanager
from DateTime import DateTime
import gc
from herne.portal.applications.areas import application_root
from herne.portal.applications.factory import create_application
from herne.portal.applications.processing import perform
from herne.portal.applications.reference import next_reference_number
from herne.portal.content.application import Application
from herne.portal.indexers.application import searchable_text
from herne.portal.workflow.application import open_originals
from herne.portal.workflow.application import tick_original
from herne.portal.workflow.application_table import OPEN_STATES
import Missing
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from plone.indexer.interfaces import IIndexableObject
from plone.uuid.interfaces import ATTRIBUTE_NAME
from Products.CMFPlone.CatalogTool import sortable_title
import resource
import statistics
from tests.fixtures.ports import free_port
import time
import transaction
from types import SimpleNamespace
import uuid
from zope.component import queryMultiAdapter
from zope.interface import implementer


SAVEPOINT_EVERY = 10_000
WARMUP = 5

#: The department with a quarter of all stand-ins (the worklist's clerk works there).
BIG_DEPARTMENT = "buergerdienste-herne-mitte"
BIG_SHARE = 0.25  # of all stand-ins; the other 75 % spread over the other departments

#: State of an application and its weight; open ones are recent, closed ones up to 3 years old.
STATES = {
    "submitted": 12,
    "in_progress": 10,
    "info_requested": 4,
    "originals_pending": 3,
    "approved": 4,
    "ready_for_pickup": 3,
    "sent": 30,
    "picked_up": 20,
    "rejected": 8,
    "withdrawn": 6,
}
OPEN_DAYS = 120
CLOSED_DAYS = 3 * 365

#: The clerks' steps to each state (comments where the step needs a text for the citizen).
PATHS = {
    "submitted": [],
    "in_progress": ["accept"],
    "info_requested": ["accept", "request_info"],
    "originals_pending": ["accept", "request_originals"],
    "approved": ["accept", "approve"],
    "ready_for_pickup": ["accept", "approve", "make_ready_for_pickup"],
    "sent": ["accept", "approve", "send_by_post"],
    "picked_up": ["accept", "approve", "make_ready_for_pickup", "confirm_pickup"],
    "rejected": ["reject"],
    "withdrawn": ["withdraw"],
}
COMMENTS = {
    "request_info": "Bitte reichen Sie die fehlende Meldebescheinigung nach.",
    "reject": "Die Voraussetzungen liegen nicht vor.",
}

FIRST_NAMES = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Elif",
    "Felix",
    "Greta",
    "Hasan",
    "Ida",
    "Jonas",
    "Katharina",
    "Leon",
    "Mia",
    "Noah",
    "Olga",
    "Paul",
    "Rosa",
    "Samuel",
    "Tanja",
    "Umut",
    "Vera",
    "Wilhelm",
    "Yasemin",
    "Zoe",
]
LAST_NAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Yilmaz",
    "Kaya",
    "Nowak",
    "Kowalski",
    "Bergmann",
]
#: Applicants of the stand-ins: buerger-00000 ... buerger-19999 (never a demo user).
CITIZENS = 20_000


class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


@contextmanager
def mail_sink():
    """Status mails of the real applications' steps go to a local SMTP server that drops them."""
    smtp = Controller(Sink(), hostname="127.0.0.1", port=free_port())
    smtp.start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    transaction.commit()
    try:
        yield
    finally:
        smtp.stop()


@implementer(IIndexableObject)
class CatalogEntry:
    """What the catalog reads from an application, as plain attributes."""

    def __init__(self, values):
        values = dict(values)
        self._physical_path = values.pop("getPhysicalPath")
        self.__dict__.update(values)

    def getPhysicalPath(self):
        # The path index calls it; the other attributes may be plain values.
        return self._physical_path


def catalog_values(catalog, obj):
    """Every value the catalog's indexes and metadata columns read from ``obj``."""
    wrapper = queryMultiAdapter((obj, catalog), IIndexableObject)
    names = set(catalog.schema()) | {"getPhysicalPath"}
    for index in catalog._catalog.indexes.values():
        names.update(index.getIndexSourceNames())
    values = {}
    for name in names:
        try:
            value = getattr(wrapper, name)
            if callable(value):
                value = value()
        except AttributeError:
            continue  # the catalog treats it as missing, so does the stand-in
        values[name] = value
    return values


def as_template_type(template_value, date):
    """Dates as the indexer returned them for the real application (DateTime or ISO text)."""
    return date.ISO8601() if isinstance(template_value, str) else date


def plan(rng, departments, services, total, real, real_slot):
    """Department, service, state and submission date of every application, real ones first.

    ``real_slot(i, departments, states)`` gives department and state of the i-th real one.
    """
    now = DateTime()
    others = [dep for dep in departments if dep != BIG_DEPARTMENT]
    state_ids = list(STATES)
    open_minutes = iter(rng.sample(range(1, OPEN_DAYS * 24 * 60), total))
    closed_minutes = iter(rng.sample(range(1, CLOSED_DAYS * 24 * 60), total))
    entries = []
    for i in range(total):
        if i < real:
            department, state = real_slot(i, departments, state_ids)
        else:
            department = BIG_DEPARTMENT if rng.random() < BIG_SHARE else rng.choice(others)
            state = rng.choices(state_ids, weights=list(STATES.values()))[0]
        minutes = next(open_minutes if state in OPEN_STATES else closed_minutes)
        submitted = now - minutes / 1440.0
        entries.append(
            {
                "department": department,
                "service": rng.choice(services[department]),
                "state": state,
                "submitted": submitted,
                "applicant_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            }
        )
    return entries


def make_real(entry, userid):
    """A real application of ``userid``, taken to its planned state by the clerks' own steps."""
    service = entry["service"]
    with api.env.adopt_user(username=userid):
        application = create_application(
            service,
            userid=userid,
            applicant_name=entry["applicant_name"],
            rows=[{"name": "first_name", "title": "Vorname", "value": "Bernd"}],
            uploads={},
            consent_time=None,
            delivery_method=service.result_delivery,
            delivery_address="Bahnhofstraße 12\n44623 Herne",
        )
    for step in PATHS[entry["state"]]:
        if step == "approve":
            for name in open_originals(application):
                tick_original(application, name, "sachbearbeitung")
        if step == "withdraw":
            with api.env.adopt_user(username=userid):
                perform(application, step)
        else:
            with api.env.adopt_roles(["Manager"]):
                perform(application, step, comment=COMMENTS.get(step, ""))
    assert api.content.get_state(application) == entry["state"], (service.getId(), entry)
    application.submitted = entry["submitted"]
    if entry["state"] not in OPEN_STATES:
        application.processing_days = round(float(DateTime() - entry["submitted"]), 3)
    application.reindexObject()
    return application


def services_by_department(portal):
    """The services of each department, by the department's id."""
    services = {}
    for service in portal["leistungen"].objectValues():
        if service.portal_type != "Service":
            continue
        department = service.department_object()
        if department is not None:
            services.setdefault(department.getId(), []).append(service)
    return services


def pick_service(services, state):
    """A service of the department for which the state is reachable."""
    if state == "originals_pending":
        fitting = [s for s in services if s.originals_in_person]
    elif state == "sent":
        fitting = [s for s in services if s.result_delivery != "pickup"]
    else:
        fitting = services
    return (fitting or services)[0]


def fill(portal, rng, total, real, real_slot, userid_of, objects=False):
    """``real`` real applications (``userid_of(i)`` applies), stand-ins up to ``total``.

    With ``objects`` the stand-ins are application objects in the department folders
    (``add_application``), otherwise catalog entries only.
    Returns the seconds for both parts and the real applications.
    """
    services = services_by_department(portal)
    departments = sorted(area for area in application_root().objectIds() if area in services)
    entries = plan(rng, departments, services, total, real, real_slot)
    real_seconds, applications, templates = fill_real(services, entries[:real], userid_of)
    stub_seconds = fill_stand_ins(rng, entries[real:], templates, objects)
    return real_seconds, stub_seconds, applications


def fill_real(services, entries, userid_of, same_security=True):
    """The real applications of ``entries``; returns seconds, applications and templates.

    The templates (one real application per department) are what ``fill_stand_ins`` copies.
    ``same_security`` asserts that every state of a department gives the same security
    tokens (catalog stand-ins copy them; application objects get their state's own).
    """
    catalog = api.portal.get_tool("portal_catalog")
    started = time.perf_counter()
    templates = {}
    security_of = {}
    applications = []
    for index, entry in enumerate(entries):
        wanted = entry["state"]
        if wanted in ("originals_pending", "sent"):
            entry["service"] = pick_service(services[entry["department"]], wanted)
        if wanted == "originals_pending" and not entry["service"].originals_in_person:
            entry["state"] = "in_progress"  # this department asks for no originals
        if wanted == "sent" and entry["service"].result_delivery == "pickup":
            entry["state"] = "picked_up"  # results of this department are picked up
        application = make_real(entry, userid_of(index))
        applications.append(application)
        values = catalog_values(catalog, application)
        owner = f"user:{application.applicant}"
        security = sorted(token for token in values["allowedRolesAndUsers"] if token != owner)
        # Every state after submission gives the same roles View: one template per department.
        templates.setdefault(entry["department"], (values, application))
        security_of.setdefault(entry["department"], security)
        if same_security:
            assert security_of[entry["department"]] == security, (entry["department"], security)
        if index % 100 == 99:
            transaction.commit()
    transaction.commit()
    real_seconds = time.perf_counter() - started
    print(f"\n{len(entries)} real applications created in {real_seconds:.1f} s")
    return real_seconds, applications, templates


def fill_stand_ins(rng, entries, templates, objects=False):
    """A stand-in for each of ``entries``, copied from its department's template; returns seconds."""
    catalog = api.portal.get_tool("portal_catalog")
    root = application_root()
    missing = {entry["department"] for entry in entries} - set(templates)
    assert not missing, f"no real application to copy for {sorted(missing)}"

    started = time.perf_counter()
    area_paths = {dep: root[dep].getPhysicalPath() for dep in templates}
    models = {}  # application objects: the first of each department and state
    for number, entry in enumerate(entries, start=1):
        template, template_object = templates[entry["department"]]
        app_id = f"antrag-{rng.getrandbits(64):016x}"
        path = area_paths[entry["department"]] + (app_id,)
        applicant = f"buerger-{rng.randrange(CITIZENS):05d}"
        submitted = entry["submitted"]
        closed = entry["state"] not in OPEN_STATES
        modified = submitted + rng.uniform(0.5, 30) if entry["state"] != "submitted" else submitted
        modified = min(modified, DateTime())
        reference = next_reference_number(root, today=submitted.asdatetime().date())
        service = entry["service"]
        processing_days = round(float(modified - submitted), 3) if closed else None
        if objects:
            model = models.get((entry["department"], entry["state"]))
            application = add_application(
                root[entry["department"]],
                template_object,
                app_id,
                model=model[1] if model else None,
                applicant=applicant,
                applicant_name=entry["applicant_name"],
                reference_number=reference,
                service=service,
                state=entry["state"],
                submitted=submitted,
                modified=modified,
                processing_days=processing_days,
            )
            if number % SAVEPOINT_EVERY == 0:
                transaction.commit()
                root._p_jar.cacheGC()
                print(f"  {number} objects added, {time.perf_counter() - started:.0f} s")
            if model is None:
                # Catalogued by the indexers; the next ones of its department and state
                # get its values with their own differences, as the stand-ins do.
                catalog.catalog_object(application, uid="/".join(path))
                models[entry["department"], entry["state"]] = (
                    catalog_values(catalog, application),
                    application,
                )
                continue
            template = model[0]
        values = dict(template)
        own_uid = getattr(application, ATTRIBUTE_NAME) if objects else uuid.uuid4().hex
        text = SimpleNamespace(
            reference_number=reference,
            applicant_name=entry["applicant_name"],
            service_title=service.title,
            Title=reference,
        )
        old_owner = f"user:{template['applicant']}"
        values.update(
            getPhysicalPath=path,
            id=app_id,
            getId=app_id,
            UID=own_uid,
            reference_number=reference,
            Title=reference,
            sortable_title=sortable_title.callable(text),
            SearchableText=searchable_text.callable(text),
            applicant=applicant,
            applicant_name=entry["applicant_name"],
            Creator=applicant,
            listCreators=(applicant,),
            allowedRolesAndUsers=[
                f"user:{applicant}" if token == old_owner else token
                for token in template["allowedRolesAndUsers"]
            ],
            service_uid=service.UID(),
            service_title=service.title,
            review_state=entry["state"],
            submitted=submitted,
            processing_days=processing_days,
        )
        if "citizen_unread" in template:
            values["citizen_unread"] = False  # no messages behind a stand-in
        for name, date in (
            ("created", submitted),
            ("CreationDate", submitted),
            ("modified", modified),
            ("ModificationDate", modified),
            ("Date", modified),
        ):
            if name in template:
                values[name] = as_template_type(template[name], date)
        catalog.catalog_object(CatalogEntry(values), uid="/".join(path))
        if number % SAVEPOINT_EVERY == 0 and not objects:
            transaction.savepoint(optimistic=True)
            print(f"  {number} catalogued, {time.perf_counter() - started:.0f} s")
    transaction.commit()
    root._p_jar.cacheGC()
    stub_seconds = time.perf_counter() - started
    kind = "application objects" if objects else "catalog entries of stand-ins"
    print(f"{len(entries)} {kind} in {stub_seconds:.1f} s")
    return stub_seconds


#: What an object made by ``add_application`` has of its own, not copied from its template.
OWN_ATTRIBUTES = {
    "_tree",
    "_count",
    "_mt_index",
    "__annotations__",
    "workflow_history",
    "__ac_local_roles__",
    "_owner",
    "id",
    ATTRIBUTE_NAME,
}


def add_application(area, template, app_id, model=None, **data):
    """An Application object in ``area``, in bulk: no events, no workflow steps, no files.

    It copies the plain attributes of ``template`` (a real application of the same
    department: form rows, delivery, contact) and gets its own id, UID, reference number,
    applicant as owner (the only local role), service, dates and workflow state, with the
    state's permission settings as an application taken there by the clerks' steps has
    them: from the workflow (``updateRoleMappingsFor``), or copied from ``model``, an
    application of the same state. The caller catalogs it. Status messages and files
    are left out (persistent sub-objects of their own).
    """
    template._p_activate()
    applicant, state, submitted = data["applicant"], data["state"], data["submitted"]
    workflow = api.portal.get_tool("portal_workflow").getWorkflowsFor(template)[0]
    application = Application(app_id)
    application.__dict__.update(
        (name, value)
        for name, value in template.__dict__.items()
        if name not in OWN_ATTRIBUTES and not isinstance(value, Persistent)
    )
    service = data["service"]
    application.title = service.title
    application.service_uid = service.UID()
    application.service_title = service.title
    application.reference_number = data["reference_number"]
    application.applicant = applicant
    application.applicant_name = data["applicant_name"]
    application.submitted = submitted
    application.processing_days = data["processing_days"]
    application.messages = None
    application.creation_date = submitted
    application.modification_date = data["modified"]
    application.creators = (applicant,)
    application._owner = (template._owner[0], applicant)
    application.__ac_local_roles__ = {applicant: ["Owner"]}
    setattr(application, ATTRIBUTE_NAME, uuid.uuid4().hex)
    history = [
        step
        for step in template.workflow_history[workflow.id]
        if step["review_state"] in ("draft", "submitted")
    ]
    if state != "submitted":
        history.append(
            {
                "action": PATHS[state][-1],
                "review_state": state,
                "actor": "sachbearbeitung",
                "time": data["modified"],
                "comments": "",
            }
        )
    application.workflow_history = PersistentMapping({workflow.id: tuple(history)})
    if model is not None:
        model._p_activate()
        application.__dict__.update(
            (name, value)
            for name, value in model.__dict__.items()
            if name.startswith("_") and name.endswith("_Permission")
        )
    area._setOb(app_id, application)
    application = area._getOb(app_id)
    if model is None:
        workflow.updateRoleMappingsFor(application)
    return application


def filled(catalog, rid):
    """Names of the indexes and columns that hold a value for the catalog entry ``rid``."""
    indexes = {k for k, v in catalog.getIndexDataForRID(rid).items() if v not in ("", [], None)}
    columns = {k for k, v in catalog.getMetadataForRID(rid).items() if v is not Missing.Value}
    return indexes, columns


def assert_entries_alike(catalog, real_applicants, department=BIG_DEPARTMENT):
    """A stand-in's catalog entry holds the same indexes and columns as a real application's."""
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application",
        path="/".join(application_root()[department].getPhysicalPath()),
    )
    real = [b for b in brains if b.applicant in real_applicants]
    stand_ins = [b for b in brains if b.applicant not in real_applicants]
    assert filled(catalog, real[0].getRID()) == filled(catalog, stand_ins[0].getRID())
    tokens = [
        {
            t
            for t in catalog.getIndexDataForRID(b.getRID())["allowedRolesAndUsers"]
            if t != f"user:{b.applicant}"
        }
        for b in (real[0], stand_ins[0])
    ]
    assert tokens[0] == tokens[1], tokens


def percentiles(latencies):
    quantiles = statistics.quantiles(latencies, n=100)
    return quantiles[49] * 1000, quantiles[94] * 1000


def measure(measurements, requests, warmup=WARMUP):
    """Time each callable ``requests`` times, interleaved, the order rotated each round.

    Returns the timings (seconds) and the pauses of full garbage collections per name.
    """
    for _ in range(warmup):
        for call in measurements.values():
            call()
    timings = {name: [] for name in measurements}
    # Full garbage collections (generation 2) over a heap of some 1.5 GB take long;
    # they are counted per measurement so that outliers can be told apart.
    collections = {name: [] for name in measurements}
    current = {}

    def watch_gc(phase, info):
        if info["generation"] == 2 and "name" in current:
            if phase == "start":
                current["gc"] = time.perf_counter()
            elif "gc" in current:
                collections[current["name"]].append(time.perf_counter() - current.pop("gc"))

    gc.callbacks.append(watch_gc)
    names = list(measurements)
    try:
        for i in range(requests):
            for name in names[i % len(names) :] + names[: i % len(names)]:
                current["name"] = name
                started = time.perf_counter()
                measurements[name]()
                timings[name].append(time.perf_counter() - started)
    finally:
        gc.callbacks.remove(watch_gc)
    return timings, collections


def report(timings, collections, width=30):
    """Print peak memory and p50/p95/max per measurement; returns {name: (p50, p95)} in ms."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {maxrss:.0f} MB")
    results = {}
    for name, latencies in timings.items():
        p50, p95 = results[name] = percentiles(latencies)
        pauses = collections[name]
        print(
            f"{name:<{width}} n={len(latencies)}  p50={p50:7.1f} ms  p95={p95:7.1f} ms  "
            f"max={max(latencies) * 1000:7.1f} ms  "
            f"full GCs: {len(pauses)} ({sum(pauses) * 1000:.0f} ms)"
        )
    return results
