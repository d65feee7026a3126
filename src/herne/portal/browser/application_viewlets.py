"""Plone's document viewlets that say nothing about an application, left off its page."""

from plone.app.layout.viewlets.common import ViewletBase


#: (manager interface, viewlet name) of Plone's viewlets an application page leaves out:
#: an application has no related items, contributors, rights or keywords, no feed and no
#: portlets of its own (blocked on the applications' root), and a page only its applicant
#: and the department may open has nothing to share on social media.
LEFT_OUT = (
    ("plone.app.layout.viewlets.interfaces.IHtmlHead", "plone.htmlhead.socialtags"),
    ("plone.app.layout.viewlets.interfaces.IAboveContentTitle", "plone.socialtags"),
    ("plone.app.layout.viewlets.interfaces.IBelowContentBody", "plone.relateditems"),
    ("plone.app.layout.viewlets.interfaces.IBelowContentBody", "plone.contributors"),
    ("plone.app.layout.viewlets.interfaces.IBelowContentBody", "plone.rights"),
    ("plone.app.layout.viewlets.interfaces.IBelowContentBody", "plone.keywords"),
    ("plone.app.layout.viewlets.interfaces.IHtmlHeadLinks", "plone.links.RSS"),
    ("plone.app.layout.viewlets.interfaces.IBelowContent", "plone.manage_portlets_fallback"),
)


class LeftOut(ViewletBase):
    """Stands in for one of ``LEFT_OUT`` on an application (``configure.zcml``): renders nothing, asks nothing."""

    def update(self):
        pass

    def render(self):
        return ""
