"""The set-up every zconsole job in scripts/ shares: a request, the system user, the site as the current site."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
import os
from Testing.makerequest import makerequest
from zope.component.hooks import setSite


#: the site the jobs work on (``HERNE_SITE_ID``, as ``make start`` and the cluster create it)
SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")


def open_site(app, site_id):
    """``(app, site)``: ``app`` with a request, the system user acting, ``app[site_id]`` the current site."""
    app = makerequest(app)
    newSecurityManager(None, system)
    site = app[site_id]
    setSite(site)
    return app, site
