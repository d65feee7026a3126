"""Apply the retention rules (closed applications, stale drafts) with zconsole, e.g. from cron.

.venv/bin/zconsole run instance/etc/zope.conf scripts/apply_retention.py [--dry-run] [--json]

Closed applications whose service's retention period is over are anonymised or
deleted (per service, defaults in the control panel "Anträge"), stale drafts are
removed, and the search index forgets words no document uses any more. Prints what
it did. zconsole opens the storage itself: with FileStorage the instance must be
stopped (a running instance is served by ``POST @aufbewahrung`` instead); with
RelStorage (cluster mode) it runs next to the instances. Pack the database
afterwards so that nothing of the old records remains (see README.rst).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from herne.portal.applications.retention import apply_retention
import json
import os
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")


def main(app, argv=()):
    dry_run = "--dry-run" in argv
    app = makerequest(app)
    newSecurityManager(None, system)
    site = app[SITE_ID]
    setSite(site)
    report = apply_retention(dry_run=dry_run)
    if dry_run:
        transaction.abort()
    else:
        transaction.commit()
    if "--json" in argv:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for line in report.lines():
            print(line)
    return report


if __name__ == "__main__":
    main(app, sys.argv[1:])  # noqa: F821 - zconsole provides ``app``
