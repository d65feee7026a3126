"""The lines every booking mail shares: what, when, where and the booking code."""

from herne.portal import _
from herne.portal.formats import german_date
from herne.portal.formats import german_time
from herne.portal.i18n import in_german


def visit_mapping(service_title, booking):
    """The values the booking mails put into their German texts."""
    return {
        "name": booking["name"],
        "service": service_title,
        "date": german_date(booking["start"]),
        "time": german_time(booking["start"]),
        "code": booking["code"],
    }


def visit_lines(mapping, place):
    """Leistung, Wann, Wo (the office and its address) and Buchungscode, in German."""
    return [
        in_german(_("Leistung: ${service}", mapping=mapping)),
        in_german(_("Wann: ${date} um ${time} Uhr", mapping=mapping)),
        in_german(_("Wo:")),
        *(f"  {line}" for line in (place.title, *place.address)),
        in_german(_("Buchungscode: ${code}", mapping=mapping)),
    ]
