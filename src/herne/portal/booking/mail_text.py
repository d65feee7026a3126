"""The lines every booking mail shares: what, when, where and the booking code."""

from herne.portal import _
from herne.portal.formats import german_date
from herne.portal.formats import german_time
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_language


def visit_mapping(service_title, booking):
    """The values the booking mails put into their texts."""
    return {
        "name": booking["name"],
        "service": service_title,
        "date": german_date(booking["start"]),
        "time": german_time(booking["start"]),
        "code": booking["code"],
    }


def visit_lines(mapping, place, language=GERMAN):
    """Leistung, Wann, Wo (the office and its address) and Buchungscode, in ``language``."""

    def text(message):
        return in_language(message, language)

    return [
        text(_("Leistung: ${service}", mapping=mapping)),
        text(_("Wann: ${date} um ${time} Uhr", mapping=mapping)),
        text(_("Wo:")),
        *(f"  {line}" for line in (place.title, *place.address)),
        text(_("Buchungscode: ${code}", mapping=mapping)),
    ]
