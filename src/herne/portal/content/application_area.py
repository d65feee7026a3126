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

    def notifyModified(self):
        # Adding an application fires a ContainerModifiedEvent, on which Plone sets the
        # container's modification date and reindexes it: every submission would write
        # the area and its catalog record, so any two submissions to one department at
        # the same time would conflict. Nobody reads these containers' dates; keep none.
        pass


@implementer(IApplicationRoot)
class ApplicationRoot(_UnorderedContainer):
    pass


@implementer(IApplicationArea)
class ApplicationArea(_UnorderedContainer):
    department_uid = None
