"""Herne's online service portal: a Plone add-on."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("herne.portal")


# Zope's converters of typed request values raise ValueError on bad input (a 500).
from herne.portal import request_values  # noqa: E402, F401
