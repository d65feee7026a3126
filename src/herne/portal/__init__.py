"""Herne's online service portal: a Plone add-on."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("herne.portal")
