"""An offer ends with its application or with the account it was made to."""

from herne.portal.assist.offer import offers_for
from plone import api
from tests.fixtures.assist import FOR_GERTRUD
import transaction


def offered_application(apply_for):
    response = apply_for({**FOR_GERTRUD, "email": "gertrud@example.org"})
    assert response.status_code == 201, response.text
    transaction.abort()
    (application,) = offers_for("gertrud")
    return application


def make_gertrud():
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="gertrud", email="gertrud@example.org", password="gertrud-2026!")
    transaction.commit()


def test_a_new_account_of_the_same_name_inherits_no_offer(helpers, apply_for):
    make_gertrud()
    offered_application(apply_for)
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="gertrud")
    transaction.commit()
    make_gertrud()
    assert offers_for("gertrud") == []


def test_a_deleted_application_is_no_offer(helpers, apply_for):
    make_gertrud()
    application = offered_application(apply_for)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=application, check_linkintegrity=False)
    transaction.commit()
    from herne.portal.assist.offer import BY_APPLICATION_KEY
    from herne.portal.portal_storage import portal_btree

    assert offers_for("gertrud") == []
    assert len(portal_btree(BY_APPLICATION_KEY)) == 0
