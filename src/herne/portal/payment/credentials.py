"""The payment service's password, kept on the site outside the registry so that no channel reads it back."""

from plone import api
from zope.annotation.interfaces import IAnnotations


#: The site annotation holding the password (registry records are readable by @registry).
ANNOTATION_KEY = "herne.portal.payment.password"


def payment_password():
    """The stored password, or "" when none is set."""
    return IAnnotations(api.portal.get()).get(ANNOTATION_KEY, "")


def has_payment_password():
    return bool(payment_password())


def set_payment_password(value):
    """Store ``value`` as the password; an empty value removes it."""
    annotations = IAnnotations(api.portal.get())
    if value:
        annotations[ANNOTATION_KEY] = str(value)
    else:
        annotations.pop(ANNOTATION_KEY, None)
