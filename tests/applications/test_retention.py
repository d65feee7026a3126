"""Retention: closed applications anonymised or deleted after their service's period; drafts expire."""

from herne.portal.applications.messages import FROM_CITY
from herne.portal.applications.messages import add_message
from herne.portal.applications.messages import add_note
from herne.portal.applications.retention import apply_retention
from herne.portal.applications.retention import closed_time
from herne.portal.applications.retention import months_before
from plone import api
from plone.namedfile.file import NamedBlobFile
from tests.fixtures.applications import PATHS
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
from tests.fixtures.applications import move_along


NAME = "Zoraida Quastenberg"


def closed_application(portal, service_id="lebensbescheinigung", state="rejected"):
    """An application with personal data everywhere: form, file, messages, notes, history."""
    upload = NamedBlobFile(data=PDF, contentType="application/pdf", filename="quastenberg.pdf")
    application = build_application(
        portal,
        service_id,
        name=NAME,
        rows=[{"name": "last_name", "title": "Nachname", "value": NAME}],
        uploads={"nachweis": ("Nachweis", upload)},
        address="Quastenweg 7\n44623 Herne",
    )
    add_message(application, "Guten Tag Frau Quastenberg, bitte ...", FROM_CITY, "sachbearbeitung")
    add_note(application, "Frau Quastenberg rief an.", "sachbearbeitung", None)
    move_along(application, PATHS[state][1:])  # submitted already
    assert api.content.get_state(application) == state
    application.reindexObject()
    return application


def found(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return [brain.UID for brain in catalog.unrestrictedSearchResults(**query)]


def test_months_before_keeps_the_day_or_takes_the_months_last():
    from DateTime import DateTime

    assert months_before(DateTime("2026/03/31 10:00 UTC"), 1) == DateTime("2026/02/28 10:00 UTC")
    assert months_before(DateTime("2026/01/15 10:00 UTC"), 24) == DateTime("2024/01/15 10:00 UTC")
    assert months_before(DateTime("2026/05/10 10:00 UTC"), 5) == DateTime("2025/12/10 10:00 UTC")


def test_closed_application_is_kept_until_its_period_is_over(demo):
    application = closed_application(demo["portal"])
    closed = closed_time(application)

    report = apply_retention(now=closed + 24 * 30)  # 720 days: not yet 24 months

    assert application.UID() not in [i["path"] for i in report.anonymised + report.deleted]
    assert application.applicant_name == NAME
    assert len(application.objectIds()) == 1


def test_closed_application_is_anonymised_after_the_default_period(demo):
    portal = demo["portal"]
    application = closed_application(portal)
    uid = application.UID()
    path = "/".join(application.getPhysicalPath())
    reference = application.reference_number
    processing_days = application.processing_days
    closed = closed_time(application)

    report = apply_retention(now=closed + 24 * 31 + 1)

    assert [item["path"] for item in report.anonymised if item["path"] == path] == [path]
    assert [item for item in report.anonymised if item["path"] == path][0][
        "reference_number"
    ] == reference
    # what the statistics need is still there
    assert api.content.get_state(application) == "rejected"
    assert application.reference_number == reference
    assert application.processing_days == processing_days
    assert uid in found(portal_type="Application", review_state="rejected")
    # nothing personal is left on the object
    assert application.applicant == ""
    assert application.applicant_name is None
    assert application.submitted_data == []
    assert application.delivery_address is None
    assert application.objectIds() == []
    assert all(not message.get("text") for message in application.messages)
    assert [m for m in application.messages if m.get("kind") == "note"] == []
    history = application.workflow_history["herne_application_workflow"]
    assert all(not entry.get("comments") for entry in history)
    assert "buerger" not in {entry.get("actor") for entry in history}
    assert "buerger" not in dict(application.get_local_roles())
    assert application.listCreators() == ()
    assert application.getOwner().getId() != "buerger"
    # nor in the catalog: not by name, not for the citizen's Postkorb, not in the lexicon
    assert uid not in found(SearchableText="Quastenberg")
    assert uid not in found(applicant="buerger")
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=uid)
    assert brain.applicant_name is None
    assert brain.Creator == ""
    assert "user:buerger" not in catalog.getIndexDataForUID(path)["allowedRolesAndUsers"]
    lexicon = api.portal.get_tool("portal_catalog").plone_lexicon
    assert "quastenberg" not in set(lexicon.words())
    with api.env.adopt_user(username="buerger"):
        assert uid not in [b.UID for b in api.content.find(portal_type="Application")]
    # a second run has nothing more to do with it
    again = apply_retention(now=closed + 24 * 31 + 2)
    assert path not in [item["path"] for item in again.anonymised + again.deleted]


def test_service_period_and_deletion(demo):
    portal = demo["portal"]
    short = closed_application(portal, service_id="lebensbescheinigung", state="rejected")
    service = portal["leistungen"]["lebensbescheinigung"]
    service.retention_months = 2
    service.retention_action = "delete"
    other = closed_application(portal, service_id="fuehrungszeugnis", state="withdrawn")
    short_uid, other_uid = short.UID(), other.UID()
    area = short.aq_parent
    short_id = short.getId()

    report = apply_retention(now=closed_time(short) + 63)

    assert "/".join(area.getPhysicalPath()) + "/" + short_id in [
        item["path"] for item in report.deleted
    ]
    assert short_id not in area.objectIds()
    assert found(UID=short_uid) == []
    assert found(SearchableText="Quastenberg", portal_type="Application") == [other_uid]
    # the other service keeps the default of 24 months
    assert other.applicant_name == NAME


def test_open_applications_are_never_touched(demo):
    application = closed_application(demo["portal"], state="in_progress")
    from DateTime import DateTime

    report = apply_retention(now=DateTime() + 365 * 30)

    path = "/".join(application.getPhysicalPath())
    assert path not in [item["path"] for item in report.anonymised + report.deleted]
    assert application.applicant_name == NAME


def test_dry_run_reports_and_changes_nothing(demo):
    application = closed_application(demo["portal"])
    path = "/".join(application.getPhysicalPath())

    report = apply_retention(now=closed_time(application) + 24 * 31 + 1, dry_run=True)

    assert path in [item["path"] for item in report.anonymised]
    assert application.applicant_name == NAME
    assert len(application.objectIds()) == 1
    assert application.reference_number in "\n".join(report.lines())
    assert found(SearchableText="Quastenberg", portal_type="Application") == [application.UID()]


def test_applications_of_a_deleted_service_follow_the_defaults(demo):
    portal = demo["portal"]
    application = closed_application(portal, service_id="fuehrungszeugnis")
    path = "/".join(application.getPhysicalPath())
    api.portal.set_registry_record("herne.portal.retention_months", 6)
    api.portal.set_registry_record("herne.portal.retention_action", "delete")
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=portal["leistungen"]["fuehrungszeugnis"], check_linkintegrity=False)

    report = apply_retention(now=closed_time(application) + 6 * 31 + 1)

    assert path in [item["path"] for item in report.deleted]


def test_stale_drafts_expire_in_the_same_run(demo):
    from DateTime import DateTime

    portal = demo["portal"]
    draft = build_application(portal, "hundesteuer", name=NAME, address=None, submit=False)
    path = "/".join(draft.getPhysicalPath())
    days = api.portal.get_registry_record("herne.portal.draft_retention_days")

    assert path not in apply_retention(now=DateTime() + days - 1).drafts_removed
    assert path in apply_retention(now=DateTime() + days + 1).drafts_removed
    assert found(UID=draft.UID()) == []
