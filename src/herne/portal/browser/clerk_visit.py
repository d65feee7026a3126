"""The application's open booking as its clerks see it on the processing panel: time, code, state, day list."""

from herne.portal.applications.office import department_of
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.day_list import STATE_TITLES
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
from herne.portal.i18n import in_german


class ClerkVisit:
    """Mixin of the application page; the panel that shows it is the processing clerks' only."""

    def clerk_visit(self):
        """{"date", "time", "code", "state", "day_list"} of the open booking, or None."""
        booking = open_booking(self.context, utcnow())
        if booking is None:
            return None
        start = booking["start"].astimezone(BERLIN)
        department = department_of(self.context)
        day_list = (
            f"{department.absolute_url()}/@@tagesliste?date={start.date().isoformat()}"
            if department is not None
            else None
        )
        return {
            "date": start.strftime("%d.%m.%Y"),
            "time": start.strftime("%H:%M"),
            "code": booking["code"],
            "state": in_german(STATE_TITLES.get(booking["state"], booking["state"])),
            "day_list": day_list,
        }
