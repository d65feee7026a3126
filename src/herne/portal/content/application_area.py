"""Non-public containers for applications: one root, one area per department."""

from herne.portal import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IApplicationRoot(model.Schema):
    """The folder that holds every department's application area."""


class IApplicationArea(model.Schema):
    """The applications of one department; its clerks' group has the Clerk role here."""

    department_uid = schema.ASCIILine(title=_("Organisationseinheit"), required=True, readonly=True)


class _UnorderedContainer(Container):
    # Tens of thousands of applications: no position list to rewrite on every add.
    _ordering = "unordered"


@implementer(IApplicationRoot)
class ApplicationRoot(_UnorderedContainer):
    pass


@implementer(IApplicationArea)
class ApplicationArea(_UnorderedContainer):
    department_uid = None
