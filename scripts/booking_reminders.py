"""The daily booking job with zconsole, e.g. from cron: reminders, expiry, daily figures, retention.

.venv/bin/zconsole run instance/etc/zope.conf scripts/booking_reminders.py

Mails a reminder for every confirmed booking of tomorrow, exactly once (each booking is
marked reminded in the transaction that queues its mail; a second run or a run after one
killed halfway reminds only the rest), marks unconfirmed bookings past their 30-minute
hold "abgelaufen", keeps the day's figures per office for the dashboard (the wait until
the next free slot, and the counts of each past day still stored), and then deletes
bookings more than ``herne.portal.booking.retention_days`` (default 30) days after their
date. Prints what it did.
"""

from herne.portal.booking.daily_figures import record_daily_figures
from herne.portal.booking.reminders import send_reminders
from herne.portal.booking.storage import utcnow
from herne.portal.booking.upkeep import delete_old_bookings
from herne.portal.booking.upkeep import expire_bookings
from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
import sys
import transaction


def run_booking_job(now):
    """Reminders (committed one by one), then expiry, daily figures and retention in one transaction.

    The figures are kept before retention deletes bookings, so every day is counted first.
    """
    reminded = send_reminders(now)
    expired = expire_bookings(now)
    recorded = record_daily_figures(now)
    deleted = delete_old_bookings(now)
    transaction.commit()
    return {"reminded": reminded, "expired": expired, "recorded": recorded, "deleted": deleted}


def main(app, argv=()):
    open_site(app, SITE_ID)
    done = run_booking_job(utcnow())
    print(
        f"Reminders sent: {done['reminded']}, bookings expired: {done['expired']}, "
        f"daily figures recorded: {done['recorded']}, old bookings deleted: {done['deleted']}"
    )
    return done


if __name__ == "__main__":
    main(app, sys.argv[1:])  # noqa: F821 - zconsole provides ``app``
