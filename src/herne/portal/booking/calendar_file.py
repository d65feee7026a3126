"""The ``.ics`` calendar file of a booking: one VEVENT the citizen's calendar can import."""

from datetime import timedelta
from herne.portal import _
from herne.portal.i18n import booking_language
from herne.portal.i18n import in_language
from icalendar import Calendar
from icalendar import Event


def booking_calendar(booking, office, service_title, now):
    """The iCalendar bytes of ``booking`` (times in UTC, which every calendar converts)."""
    language = booking_language(booking)
    calendar = Calendar()
    calendar.add("prodid", "-//Stadt Herne//Serviceportal Termine//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"termin-{booking['code']}@serviceportal.herne.de")
    event.add("dtstamp", now)
    event.add("dtstart", booking["start"])
    event.add("dtend", booking["start"] + timedelta(minutes=booking["minutes"]))
    event.add(
        "summary",
        in_language(_("Termin: ${service}", mapping={"service": service_title}), language),
    )
    event.add("location", ", ".join((office.title, *office.address)))
    event.add(
        "description",
        in_language(_("Buchungscode: ${code}", mapping={"code": booking["code"]}), language),
    )
    calendar.add_component(event)
    return calendar.to_ical()
