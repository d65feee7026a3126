"""Prefill of application forms from the verified eID identity; such fields cannot be changed."""

from herne.portal.eid.identity import verified_identity
from herne.portal.eid.trust import logged_in_with_eid
from plone import api
from zope.interface import Invalid


#: Verified identity item -> the field name the portal's application forms use for it.
FORM_FIELDS = (
    ("given_name", "first_name"),
    ("family_name", "last_name"),
    ("birthdate", "birth_date"),
    ("street", "street"),
    ("postcode", "postcode"),
    ("city", "city"),
)


def verified_form_values(request, field_names):
    """``{field: value}`` the identity provider verified for this log-in, for the given fields.

    Empty unless the current session came from an eID log-in: the values are the
    portal's own record of that log-in, never anything the browser sent.
    """
    if not logged_in_with_eid(request):
        return {}
    identity = verified_identity(api.user.get_current().getId())
    return {
        field: identity[item]
        for item, field in FORM_FIELDS
        if field in field_names and identity.get(item)
    }


def fitting_verified_values(request, fields, context):
    """The verified values that the ``fields`` (name: schema field) accept as they are.

    A value of the wrong type or outside a field's constraints is left to the applicant.
    """
    fitting = {}
    for name, value in verified_form_values(request, list(fields)).items():
        try:
            fields[name].bind(context).validate(value)
        except (Invalid, ValueError, TypeError):
            continue
        fitting[name] = value
    return fitting
