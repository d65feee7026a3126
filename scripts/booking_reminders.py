"""The daily booking job with zconsole, e.g. from cron: reminders, expiry, retention.

.venv/bin/zconsole run instance/etc/zope.conf scripts/booking_reminders.py

Mails a reminder for every confirmed booking of tomorrow, exactly once (each booking is
marked reminded in the transaction that queues its mail; a second run or a run after one
killed halfway reminds only the rest), marks unconfirmed bookings past their 30-minute
hold "abgelaufen", and deletes bookings more than ``herne.portal.booking.retention_days``
(default 30) days after their date. Prints what it did.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from herne.portal.booking.reminders import send_reminders
from herne.portal.booking.storage import utcnow
from herne.portal.booking.upkeep import delete_old_bookings
from herne.portal.booking.upkeep import expire_bookings
import os
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")


def run_booking_job(now):
    """Reminders (committed one by one), then expiry and retention in one transaction."""
    reminded = send_reminders(now)
    expired = expire_bookings(now)
    deleted = delete_old_bookings(now)
    transaction.commit()
    return {"reminded": reminded, "expired": expired, "deleted": deleted}


def main(app, argv=()):
    app = makerequest(app)
    newSecurityManager(None, system)
    setSite(app[SITE_ID])
    done = run_booking_job(utcnow())
    print(
        f"Reminders sent: {done['reminded']}, bookings expired: {done['expired']}, "
        f"old bookings deleted: {done['deleted']}"
    )
    return done


if __name__ == "__main__":
    main(app, sys.argv[1:])  # noqa: F821 - zconsole provides ``app``
