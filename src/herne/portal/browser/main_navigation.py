"""Plone's main navigation, searching the catalog only below the tabs it shows, never among the applications."""

from plone.app.layout.viewlets.common import GlobalSectionsViewlet


class MainNavigation(GlobalSectionsViewlet):
    """The same tabs and drop-downs as Plone's, from a smaller search.

    Plone asks the catalog for everything up to ``navigation_depth`` levels below the
    navigation root and drops the first level (the tabs come from ``portal_tabs``). The
    path index answers that by joining the sets of every path of those levels, and the
    applications live three levels down (``/antraege/<department>/<application>``): the
    join grew with every application filed, on every page of the site (issue 20, the
    submission-cost benchmark with 100,000 applications). Only what lies below a tab is
    ever shown, so the search starts at the tabs; the applications' area is no tab.
    """

    def customize_query(self, query):
        path = query.get("path") or {}
        depth = path.get("depth", -1)
        tabs = [tab.get("id") for tab in self.portal_tabs]
        root = self.navtree_path
        navigation_root = self.context.unrestrictedTraverse(root, None)
        if depth < 2 or navigation_root is None or not tabs:
            return
        below_tabs = [f"{root}/{tab}" for tab in tabs if tab and tab in navigation_root]
        # an empty list would search everywhere: keep Plone's own query then
        if below_tabs:
            query["path"] = {"query": below_tabs, "depth": depth - 1}
