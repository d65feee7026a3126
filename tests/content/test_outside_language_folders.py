"""Applications and their files answer plone.app.multilingual's UID and language checks without walking up the site."""

from herne.portal.content import outside_language_folders
from plone import api
from plone.app.multilingual import subscriber
from plone.app.multilingual.shared_uuid import attributeUUID
from plone.namedfile.file import NamedBlobFile
from plone.uuid.interfaces import IUUID
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
from unittest import mock


def evidence_of(application):
    return next(
        item for item in application.contentValues() if item.portal_type == "ApplicationFile"
    )


def with_evidence(portal):
    upload = NamedBlobFile(data=PDF, contentType="application/pdf", filename="abgabe.pdf")
    return build_application(
        portal, "hundesteuer", uploads={"transfer_proof": ("Abgabevertrag", upload)}
    )


def test_application_and_file_have_the_uid_plone_gives_them(demo_portal):
    application = with_evidence(demo_portal)
    evidence = evidence_of(application)
    for obj in (application, evidence):
        assert IUUID(obj) == attributeUUID(obj)  # plone.app.multilingual's own answer
        assert IUUID(obj) == api.content.get_uuid(obj)
        assert IUUID(obj) == obj.UID()
    assert IUUID(application) != IUUID(evidence)


def test_uid_of_other_content_still_comes_from_plone_app_multilingual(demo_portal):
    service = demo_portal["leistungen"]["hundesteuer"]
    with mock.patch("plone.app.multilingual.shared_uuid.aq_chain", wraps=lambda obj: [obj]) as walk:
        IUUID(service)
    assert walk.called
    application = with_evidence(demo_portal)
    with mock.patch("plone.app.multilingual.shared_uuid.aq_chain") as walk:
        IUUID(application)
        IUUID(evidence_of(application))
    assert not walk.called


def test_applications_are_never_language_independent(demo_portal):
    application = with_evidence(demo_portal)
    assert subscriber.is_language_independent is outside_language_folders.is_language_independent
    with mock.patch.object(
        outside_language_folders, "plone_is_language_independent", return_value=True
    ) as plones:
        assert subscriber.is_language_independent(application) is False
        assert subscriber.is_language_independent(evidence_of(application)) is False
        assert plones.call_count == 0
        # Anything else still gets plone.app.multilingual's answer.
        assert subscriber.is_language_independent(demo_portal["leistungen"]) is True
        assert plones.call_count == 1


def test_a_submitted_application_is_modified_without_the_language_walk(demo_portal):
    application = with_evidence(demo_portal)
    with (
        mock.patch.object(
            outside_language_folders,
            "plone_is_language_independent",
            wraps=outside_language_folders.plone_is_language_independent,
        ) as plones,
        api.env.adopt_roles(["Manager"]),
    ):
        api.content.transition(obj=application, transition="accept")
    assert plones.call_count == 0
    assert api.content.get_state(application) == "in_progress"
