"""Remove application drafts older than the configured number of days (run with zconsole, e.g. from cron).

.venv/bin/zconsole run instance/etc/zope.conf scripts/remove_stale_drafts.py
"""

from herne.portal.applications.drafts import remove_stale_drafts
from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
import transaction


def main(app):
    open_site(app, SITE_ID)
    removed = remove_stale_drafts()
    transaction.commit()
    print(f"{len(removed)} stale drafts removed")
    for path in removed:
        print(f"  {path}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
