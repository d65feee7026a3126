"""Field validation and clerks' group of the department."""

from herne.portal.content.department import IDepartment
from plone import api
import pytest
from zope.schema.interfaces import ValidationError


@pytest.mark.parametrize("value", ["02323 16-0", "+49 2323 16-2345", "(02323) 16/2345"])
def test_phone_accepts(value):
    IDepartment["phone"].validate(value)


@pytest.mark.parametrize("value", ["call me", "0", "02323 16-0 ext. 5"])
def test_phone_rejects(value):
    with pytest.raises(ValidationError):
        IDepartment["phone"].validate(value)


def test_email_rejects_garbage():
    with pytest.raises(ValidationError):
        IDepartment["email"].validate("not-an-address")


def test_new_department_gets_clerks_group(portal):
    with api.env.adopt_roles(["Manager"]):
        department = api.content.create(
            container=portal["organisation"],
            type="Department",
            id="testamt",
            title="Testamt",
            address="Friedrich-Ebert-Platz 2\n44623 Herne",
        )
    assert department.clerks_group == "clerks-testamt"
    assert api.group.get(groupname="clerks-testamt") is not None
