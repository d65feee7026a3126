"""Point Plone's cache purging at the cluster's Varnish, or switch it off (run with zconsole).

``HERNE_CACHE_PROXY`` is the cache's address (``http://127.0.0.1:8080``); empty
switches purging off. ``scripts/cluster.py`` runs this before the instances start.
"""

from herne.portal.console_jobs import SITE_ID
import os
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


PREFIX = "plone.cachepurging.interfaces.ICachePurgingSettings"


def main(app):
    app = makerequest(app)
    site = app.get(SITE_ID)
    if site is None:
        print(f"No site {SITE_ID!r}: cache purging not set")
        return
    setSite(site)
    registry = site.portal_registry
    if f"{PREFIX}.cachingProxies" not in registry.records:
        print(
            "Plone's caching stack is not installed: run the site's upgrade steps (@@plone-upgrade)"
        )
        return
    proxy = os.environ.get("HERNE_CACHE_PROXY", "").strip()
    registry[f"{PREFIX}.enabled"] = bool(proxy)
    registry[f"{PREFIX}.cachingProxies"] = (proxy,) if proxy else ()
    transaction.commit()
    print(f"Cache purging: {proxy or 'off'}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
    sys.exit(0)
