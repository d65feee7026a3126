"""Keep today's OZG coverage for the dashboard's trend; run daily from cron:

.venv/bin/zconsole run instance/etc/zope.conf scripts/ozg_snapshot.py [site-id]
"""

from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.snapshots import take_snapshot
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


site_id = sys.argv[1] if len(sys.argv) > 1 else "herne"
app = makerequest(app)  # noqa: F821 (zconsole provides ``app``)
site = app[site_id]
setSite(site)
_rows, summary, _departments = ozg_coverage()
day = take_snapshot(summary)
transaction.commit()
print(
    f"{site_id}: {day}: {summary['online']} of {summary['total']} services online ({summary['online_share']} %)"
)
