"""The Tagesliste's steps of cancelling and moving a caller's booking: ask on a confirmation page, then change."""

from datetime import date
from herne.portal import _
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.counter_changes import cancel_for_caller
from herne.portal.booking.counter_changes import changeable
from herne.portal.booking.counter_changes import move_for_caller
from herne.portal.booking.counter_changes import move_times
from herne.portal.booking.day_list import describe
from herne.portal.booking.slots import BERLIN
from herne.portal.restapi.services.termine import parse_start


#: The steps of cancelling and moving a caller's booking: asking shows the confirmation page.
CHANGE_STEPS = ("absagen", "absagen-bestaetigen", "verschieben", "verschieben-bestaetigen")
BAD_DATE = _("Bitte geben Sie das Datum als JJJJ-MM-TT an, zum Beispiel 2027-03-02.")


class CounterChanges:
    """Mixin of the day list view (``context``, ``day``, ``now``, ``errors``, ``message``, ``pending``)."""

    def change_step(self, action, code):
        """Ask before cancelling or moving a caller's booking, then do it; refusals go next to their field."""
        try:
            if action == "absagen-bestaetigen":
                self.cancelled(cancel_for_caller(self.context, self.day, code, self.now))
            elif action == "verschieben-bestaetigen":
                start = parse_start(self.request.form.get("start"))
                self.moved(*move_for_caller(self.context, self.day, code, start, self.now))
            else:
                self.ask(action, code)
        except CallerBookingRefused as refused:
            if "code" in refused.errors:
                self.errors["code"] = refused.errors["code"]
                return
            self.errors.update(refused.errors)
            self.ask("verschieben", code)

    def ask(self, action, code):
        """Show the confirmation page of ``action`` for the booking ``code`` (refused as the change would be)."""
        booking = changeable(self.context, self.day, code, self.now)
        self.booking = {**describe(booking), "has_email": bool(booking["email"])}
        self.pending = action
        if action == "verschieben":
            raw = self.request.form.get("neuer_tag")
            self.move_day = self.day
            if isinstance(raw, str) and raw:
                try:
                    self.move_day = date.fromisoformat(raw)
                except ValueError:
                    self.errors["neuer_tag"] = BAD_DATE

    def move_times(self):
        booking = changeable(self.context, self.day, self.booking["code"], self.now)
        return move_times(self.context, booking, self.move_day, self.now)

    def cancelled(self, booking):
        mapping = {"code": booking["code"], "name": booking["name"]}
        if booking["email"]:
            self.message = _(
                "Termin ${code} von ${name} ist abgesagt; die Absage geht per E-Mail an die "
                "hinterlegte Adresse.",
                mapping=mapping,
            )
        else:
            self.message = _(
                "Termin ${code} von ${name} ist abgesagt. Es ist keine E-Mail-Adresse "
                "hinterlegt: Bitte sagen Sie es der Person selbst.",
                mapping=mapping,
            )

    def moved(self, old, new):
        start = new["start"].astimezone(BERLIN)
        self.message = _(
            "Termin ${old} ist verschoben auf ${date} um ${time} Uhr, neuer Code ${code}.",
            mapping={
                "old": old["code"],
                "date": start.strftime("%d.%m.%Y"),
                "time": start.strftime("%H:%M"),
                "code": new["code"],
            },
        )
