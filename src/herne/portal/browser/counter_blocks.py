"""The page "Schalter sperren" of an office: block counters for a time or close the office, list and lift blocks."""

from herne.portal import _
from herne.portal.booking.block_access import may_block_counters
from herne.portal.booking.block_request import UNKNOWN_BLOCK
from herne.portal.booking.block_request import block_request
from herne.portal.booking.blocks import describe_block
from herne.portal.booking.blocks import list_blocks
from herne.portal.booking.counter_blocking import lift_block
from herne.portal.booking.counter_blocking import place_block
from herne.portal.booking.office import office_settings
from herne.portal.booking.storage import utcnow
from herne.portal.formats import german_datetime
from herne.portal.german_pages import IGermanPage
from herne.portal.i18n import in_german
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
import transaction
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.interface import implementer


STALE_FORM = _(
    "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es noch einmal."
)


@implementer(IGermanPage)
class CounterBlocksView(BrowserView):
    """``@@schalter-sperren``: for the office's clerks and the department's editors only."""

    def __call__(self):
        if not may_block_counters(self.context):
            raise Unauthorized("Schalter sperren")
        self.errors = {}
        self.message = None
        self.values = {}
        self.cancelled = []
        if self.request.method == "POST":
            self.handle_post(self.request.form)
        return self.index()

    def handle_post(self, form):
        try:
            CheckAuthenticator(self.request)
        except Forbidden:
            self.errors["form"] = STALE_FORM
            transaction.doom()
            return
        if form.get("action") == "aufheben":
            self.lift(form.get("block"))
        else:
            self.block(form)

    def block(self, form):
        self.values = {name: form.get(name) for name in ("start", "end", "counters", "reason")}
        now = utcnow()
        values, self.errors = block_request(self.values, self.counters(), now)
        if self.errors:
            transaction.doom()
            return
        user = api.user.get_current()
        block, cancelled = place_block(self.context, now=now, by=user.getId(), **values)
        mailed = sum(1 for booking in cancelled if booking.get("email"))
        # time and code only: the editors may block too, and they see no visitor's name
        self.cancelled = [
            {
                "time": german_datetime(booking["start"]),
                "code": booking["code"],
                "mailed": bool(booking.get("email")),
            }
            for booking in sorted(cancelled, key=lambda booking: booking["start"])
        ]
        self.values = {}
        self.message = _(
            "Die Sperre vom ${start} bis ${end} ist eingetragen. Abgesagte Termine: ${cancelled}, "
            "davon per E-Mail benachrichtigt: ${mailed}.",
            mapping={
                "start": german_datetime(block["start"]),
                "end": german_datetime(block["end"]),
                "cancelled": len(cancelled),
                "mailed": mailed,
            },
        )

    def lift(self, block_id):
        if lift_block(self.context, block_id) is None:
            self.errors["block"] = UNKNOWN_BLOCK
            transaction.doom()
            return
        self.message = _("Die Sperre ist aufgehoben; ihre Zeiten sind wieder buchbar.")

    def counters(self):
        return office_settings(self.context).counters

    def blocks(self):
        counters = self.counters()
        rows = []
        for block in list_blocks(self.context):
            row = describe_block(block, counters)
            row["from"] = german_datetime(block["start"])
            row["to"] = german_datetime(block["end"])
            rows.append(row)
        return rows

    def value(self, name):
        value = self.values.get(name)
        return value if isinstance(value, str) else ""

    def message_text(self):
        return in_german(self.message) if self.message else None

    def error(self, field):
        message = self.errors.get(field)
        return in_german(message) if message else None
