"""Plone's author page (@@author/<login>), for those who may list the site's accounts only."""

# Upstream, any logged-in user may open it for any login and reads that account's
# full name: a citizen could probe logins for accounts. The class and template stay
# Plone's; only the permission (browser/configure.zcml) is stricter.

from pathlib import Path
from Products.CMFPlone.browser import author
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


UPSTREAM_TEMPLATE = Path(author.__file__).parent / "templates" / "author.pt"


class AuthorView(author.AuthorView):
    index = ViewPageTemplateFile(str(UPSTREAM_TEMPLATE))
