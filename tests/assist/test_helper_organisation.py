"""Helper organisations are groups that make their members Digitallotsen; the role reads German."""

from herne.portal.assist.helpers import HELPER_ROLE
from herne.portal.assist.helpers import create_organisation
from herne.portal.assist.helpers import is_helper
from herne.portal.assist.helpers import organisation_group_id
from herne.portal.assist.helpers import organisation_of
from plone import api
from zope.i18n import translate


def test_organisation_group_gives_its_members_the_helper_role(demo):
    with api.env.adopt_roles(["Manager"]):
        group = create_organisation("Seniorentreff Wanne-Süd")
        api.user.create(username="hanna", email="hanna@example.org")
        api.group.add_user(group=group, username="hanna")
    assert group.getId() == "lotsen-seniorentreff-wanne-sued"
    assert organisation_group_id("Caritas Herne / Ost") == "lotsen-caritas-herne-ost"
    hanna = api.user.get(username="hanna")
    assert HELPER_ROLE in hanna.getRoles()
    assert is_helper(hanna)
    assert organisation_of(hanna) == "Seniorentreff Wanne-Süd"
    assert organisation_of(api.user.get(username="buerger")) is None


def test_the_helper_roles_read_german_in_users_and_groups(demo):
    assert translate(HELPER_ROLE, domain="plone", target_language="de") == "Digitallotse"
    assert "nie global" in translate("EnteringHelper", domain="plone", target_language="de")
