"""Remove application drafts older than the configured number of days (run with zconsole, e.g. from cron).

.venv/bin/zconsole run instance/etc/zope.conf scripts/remove_stale_drafts.py
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from herne.portal.applications.drafts import remove_stale_drafts
import os
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")


def main(app):
    app = makerequest(app)
    newSecurityManager(None, system)
    site = app[SITE_ID]
    setSite(site)
    removed = remove_stale_drafts()
    transaction.commit()
    print(f"{len(removed)} stale drafts removed")
    for path in removed:
        print(f"  {path}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
