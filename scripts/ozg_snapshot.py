"""Keep today's OZG coverage for the dashboard's trend; run daily from cron:

.venv/bin/zconsole run instance/etc/zope.conf scripts/ozg_snapshot.py [site-id]

Without a site id it keeps the snapshot of ``HERNE_SITE_ID`` (default ``herne``).
"""

from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.snapshots import take_snapshot
import sys
import transaction


site_id = sys.argv[1] if len(sys.argv) > 1 else SITE_ID
open_site(app, site_id)  # noqa: F821 (zconsole provides ``app``)
_rows, summary, _departments = ozg_coverage()
day = take_snapshot(summary)
transaction.commit()
print(
    f"{site_id}: {day}: {summary['online']} of {summary['total']} services online ({summary['online_share']} %)"
)
