"""GET ``<application>/@termin-verschieben?start=…&end=…``: the free times the applicant's visit can move to."""

from herne.portal.booking.move import NOT_MOVABLE
from herne.portal.booking.move import movable
from herne.portal.booking.move import move_slots
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.antrag_termin import OwnVisitService
from herne.portal.restapi.services.termine.get import date_range
from herne.portal.restapi.services.termine.get import slots_json


class MoveTimesGet(OwnVisitService):
    def reply(self):
        now = utcnow()
        found = self.own_visit(now)
        if not isinstance(found, tuple):
            return found
        office, booking = found
        first, last, errors = date_range(self.request.form)
        if not movable(booking, now):
            errors = {"start": NOT_MOVABLE}
        if errors:
            return self.error(400, errors)
        return slots_json(move_slots(office, booking, first, last, now))
