"""The zconsole jobs' shared set-up: they work on the named site, as the system user, with a request."""

from AccessControl import getSecurityManager
from AccessControl.SpecialUsers import system
from herne.portal.console_jobs import open_site
from zope.component.hooks import getSite
from zope.component.hooks import setSite


def test_a_job_works_on_the_named_site_as_the_system_user(functional):
    portal = functional["portal"]
    setSite(None)
    app, site = open_site(functional["app"], portal.getId())
    assert site.getPhysicalPath() == portal.getPhysicalPath()
    assert getSite().getPhysicalPath() == portal.getPhysicalPath()
    assert getSecurityManager().getUser() is system
    assert getSecurityManager().checkPermission("Manage portal", site)
    assert app.REQUEST.physicalPathToURL(site.getPhysicalPath()).endswith(f"/{portal.getId()}")
