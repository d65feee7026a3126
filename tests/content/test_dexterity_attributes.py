"""Dexterity's field defaults looked up only for names a schema of the type has: same answers, no schema walk."""

from herne.portal import dexterity_attributes
from plone import api
from plone.dexterity import content
from plone.dexterity.content import DexterityContent
import pytest
from tests.fixtures.applications import build_application
from unittest import mock


_MISSING = object()


def plones_answer(obj, name):
    """``obj.name`` with Dexterity's own ``__getattr__`` (kept beside the patch) in place."""
    with mock.patch.object(DexterityContent, "__getattr__", DexterityContent._old___getattr__):
        return ours(obj, name)


def create(container, portal_type, **values):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(container=container, type=portal_type, **values)


def ours(obj, name):
    try:
        return getattr(obj, name)
    except AttributeError:
        return _MISSING


def test_dexterity_uses_the_shortcut(demo_portal):
    assert DexterityContent.__getattr__ is dexterity_attributes.dexterity_getattr


@pytest.mark.parametrize(
    "name",
    ["exclude_from_nav", "subject", "language", "rights", "no_such_name", "getIcon", "location"],
)
def test_same_answer_as_dexterity_on_an_application_and_a_document(demo_portal, name):
    """Missing attributes of fields keep their defaults; names no schema has still raise."""
    application = build_application(demo_portal, "hundesteuer")
    document = create(demo_portal, "Document", id="probe", title="Probe")
    for obj in (application, document):
        obj.__dict__.pop(name, None)
        assert ours(obj, name) == plones_answer(obj, name), (obj.portal_type, name)
    assert ours(document, "exclude_from_nav") is False  # a behaviour's default
    assert ours(document, "no_such_name") is _MISSING


def test_site_root_finds_its_tools_and_folders_without_the_schema_walk(demo_portal):
    with mock.patch.object(
        content, "_default_from_schema", wraps=content._default_from_schema
    ) as walk:
        assert demo_portal.acl_users.meta_type == "Pluggable Auth Service"
        assert demo_portal.leistungen.portal_type
        with pytest.raises(AttributeError):
            demo_portal.no_such_name  # noqa: B018
    assert walk.call_count == 0


def test_a_field_still_walks_the_schemas(demo_portal):
    document = create(demo_portal, "Document", id="probe", title="Probe")
    document.__dict__.pop("exclude_from_nav", None)
    with mock.patch.object(
        content, "_default_from_schema", wraps=content._default_from_schema
    ) as walk:
        assert document.exclude_from_nav is False
    assert walk.call_count >= 1


def test_behaviour_added_to_a_type_counts_at_once(demo_portal):
    """A type's behaviours changed in this request: the new field's default is there at once."""
    fti = api.portal.get_tool("portal_types")["Link"]
    link = create(demo_portal, "Link", id="probe-link", title="Probe", remoteUrl="https://herne.de")
    assert "plone.leadimage" not in fti.behaviors
    with pytest.raises(AttributeError):
        link.image_caption  # noqa: B018
    # as the types control panel changes it (Dexterity drops its caches of the type)
    fti._updateProperty("behaviors", (*fti.behaviors, "plone.leadimage"))
    link.__dict__.pop("image_caption", None)
    assert ours(link, "image_caption") == plones_answer(link, "image_caption") is None


def test_without_a_request_dexterity_answers(demo_portal):
    document = create(demo_portal, "Document", id="probe", title="Probe")
    document.__dict__.pop("exclude_from_nav", None)
    with mock.patch.object(dexterity_attributes, "getRequest", return_value=None):
        assert dexterity_attributes.field_names(document) is None
        assert document.exclude_from_nav is False
        with pytest.raises(AttributeError):
            document.no_such_name  # noqa: B018
