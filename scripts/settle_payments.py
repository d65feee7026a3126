"""Settle open payments and retry failed refunds (run with zconsole, e.g. every 10 minutes from cron).

Open payments: ask the payment service, submit what is paid. Refunds the payment
service could not make when the application was rejected or withdrawn: try again.

.venv/bin/zconsole run instance/etc/zope.conf scripts/settle_payments.py
"""

from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
from herne.portal.payment.flow import settle_pending
from herne.portal.payment.refunds import retry_failed_refunds
import transaction


def main(app):
    open_site(app, SITE_ID)
    # The instances write at the same time (submissions, the outbox): a conflict at commit
    # redoes the whole round, since nothing of it was stored.
    for attempt in transaction.manager.attempts(5):
        with attempt:
            results = settle_pending()
            refunds = retry_failed_refunds()
    print(f"{len(results)} open payments asked")
    for path, state in sorted(results.items()):
        print(f"  {path}: {state}")
    print(f"{len(refunds)} failed refunds tried again")
    for path, state in sorted(refunds.items()):
        print(f"  {path}: {state}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
