"""GET ``@tagesliste?office=<id>&date=YYYY-MM-DD``: the day list as JSON, 401/403 for everyone but the office's clerks."""

from herne.portal import _
from herne.portal.booking.counter_clerks import is_office_clerk
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.day_list import describe
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.base import JSONService
from herne.portal.restapi.services.termine import find_office
from herne.portal.restapi.services.termine import parse_date
from plone import api


NOT_LOGGED_IN = _("Bitte melden Sie sich an, um die Tagesliste zu sehen.")
NOT_YOUR_OFFICE = _(
    "Die Tagesliste sehen nur die Sachbearbeiterinnen und Sachbearbeiter dieses Amtes."
)


class TageslisteGet(JSONService):
    def reply(self):
        if api.user.is_anonymous():
            return self.error(401, message=NOT_LOGGED_IN)
        office_id = self.request.form.get("office")
        office = find_office(office_id) if isinstance(office_id, str) else None
        # An unknown office and someone else's office answer alike: nothing to learn from it.
        if office is None or not is_office_clerk(office):
            return self.error(403, message=NOT_YOUR_OFFICE)
        now = utcnow()
        raw = self.request.form.get("date")
        day = now.astimezone(BERLIN).date() if raw is None else parse_date(raw)
        if day is None:
            return self.error(
                400,
                {
                    "date": _(
                        "Bitte geben Sie das Datum als JJJJ-MM-TT an, zum Beispiel 2027-03-02."
                    )
                },
            )
        items = [describe(booking) for booking in day_bookings(office, day, now)]
        for item in items:
            del item["time"]
        return {
            "@id": f"{api.portal.get().absolute_url()}/@tagesliste?office={office.getId()}&date={day.isoformat()}",
            "office": office.getId(),
            "date": day.isoformat(),
            "items": items,
            "items_total": len(items),
        }
