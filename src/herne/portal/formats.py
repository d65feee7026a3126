"""How figures and dates are written for German readers: decimal comma, day.month.year, local time."""

from DateTime import DateTime
from datetime import datetime
from herne.portal import _
from plone.registry.interfaces import IRegistry
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.component import queryUtility


#: ``25.11.2026``
DATE_FORMAT = "%d.%m.%Y"
#: ``25.11.2026, 14:05 Uhr``: the moment an application came in, on the page and the receipt.
DATETIME_FORMAT = f"{DATE_FORMAT}, %H:%M Uhr"
#: ``14:05``
TIME_FORMAT = "%H:%M"
#: Herne's zone, where the portal's time zone (``plone.portal_timezone``) is not set.
CITY_TIMEZONE = "Europe/Berlin"


def decimal_comma(number):
    """``2.5`` as ``2,5`` (``:g``, no thousands separator): pages, charts and CSV alike."""
    return f"{number:g}".replace(".", ",")


def portal_timezone():
    """The portal's time zone (``plone.portal_timezone``), Herne's where none is set."""
    registry = queryUtility(IRegistry)
    name = registry.get("plone.portal_timezone") if registry is not None else None
    try:
        return ZoneInfo(name or CITY_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(CITY_TIMEZONE)


def local_time(moment):
    """``moment`` as the clock in the portal's time zone shows it, daylight saving included.

    A Zope DateTime or an aware datetime is converted; a plain date, and a naive datetime
    (a citizen's own entry in a form), is already what the reader meant and stays as it is.
    """
    if isinstance(moment, DateTime):
        moment = moment.asdatetime()
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        return moment.astimezone(portal_timezone())
    return moment


def german_date(moment):
    """``25.11.2026`` for a date, a datetime or a Zope DateTime, on the local calendar."""
    return local_time(moment).strftime(DATE_FORMAT)


def german_time(moment):
    """``14:05`` in local time for a datetime or a Zope DateTime."""
    return local_time(moment).strftime(TIME_FORMAT)


def german_datetime(moment):
    """``25.11.2026, 14:05 Uhr`` in local time for a datetime or a Zope DateTime."""
    return local_time(moment).strftime(DATETIME_FORMAT)


def datetime_message(moment):
    """``25.11.2026 um 14:05 Uhr`` as a message, for texts read in the citizen's language."""
    return _(
        "${date} um ${time} Uhr",
        mapping={"date": german_date(moment), "time": german_time(moment)},
    )
