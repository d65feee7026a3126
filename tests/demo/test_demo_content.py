"""The demo catalogue is complete enough to be meaningful, and creating it twice changes nothing."""

from collections import Counter
from herne.portal.demo.setup import create_demo_content
from herne.portal.languages import german_only
from plone import api
import pytest
from tests.fixtures.catalogue import demo_catalogue


def snapshot(portal):
    brains = api.content.find(context=portal, portal_type=["Service", "Department"])
    return sorted(
        (brain.getPath(), brain.modified.ISO8601(), brain.review_state) for brain in brains
    )


def test_demo_catalogue_size(demo):
    portal = demo["portal"]
    # the German catalogue; the translations of some of its pages are counted elsewhere
    services = api.content.find(
        context=portal, portal_type="Service", review_state="published", **german_only()
    )
    departments = api.content.find(
        context=portal, portal_type="Department", review_state="published", **german_only()
    )
    assert len(services) == len(demo_catalogue().services) >= 40
    assert len(departments) == len(demo_catalogue().departments)
    titles = {brain.Title for brain in departments}
    assert {"Bürgerdienste Herne-Mitte", "Bürgerdienste Wanne"} <= titles


@pytest.mark.parametrize(
    "service_id, availability, delivery",
    [
        ("hundesteuer", "online_form", "post"),
        ("reitkennzeichen", "online_form", "post"),
        ("fuehrungszeugnis", "online_form", "post"),
        ("lebensbescheinigung", "online_form_originals", "post"),
        ("wohngeld", "online_form", "post"),
        ("bewohnerparkausweis", "online_form", "post"),
        ("personalausweis", "on_site_only", "pickup"),
        ("reisepass", "on_site_only", "pickup"),
        ("fuehrerschein", "on_site_only", "pickup"),
    ],
)
def test_services_named_in_the_domain(demo, service_id, availability, delivery):
    service = demo["portal"]["leistungen"][service_id]
    assert service.online_availability == availability
    assert service.result_delivery == delivery
    assert service.department_object() is not None


def test_certificate_of_good_conduct_needs_eid(demo):
    assert demo["portal"]["leistungen"]["fuehrungszeugnis"].trust_level == "substantial"


def test_every_life_situation_has_services(demo):
    from herne.portal.vocabularies.catalogue import LIFE_SITUATIONS

    used = Counter(key for data in demo_catalogue().services for key in data["life_situations"])
    assert {key for key, _title in LIFE_SITUATIONS} <= set(used)


def test_demo_users_exist_with_their_groups(demo):
    for data in demo_catalogue().users:
        user = api.user.get(username=data["username"])
        assert user is not None
        groups = {group.getId() for group in api.group.get_groups(user=user)}
        assert set(data["groups"]) <= groups


def test_creating_demo_content_twice_changes_nothing(demo):
    portal = demo["portal"]
    before = snapshot(portal)
    users_before = sorted(user.getId() for user in api.user.get_users())
    create_demo_content()
    assert snapshot(portal) == before
    assert sorted(user.getId() for user in api.user.get_users()) == users_before


def test_demo_keeps_editors_changes(demo):
    portal = demo["portal"]
    service = portal["leistungen"]["hundesteuer"]
    service.processing_time = "3 Tage"
    create_demo_content()
    assert portal["leistungen"]["hundesteuer"].processing_time == "3 Tage"
