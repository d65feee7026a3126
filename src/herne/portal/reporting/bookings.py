"""The dashboard's "Termine": bookings per day, no-show rate and wait per office, and their daily trend."""

from datetime import datetime
from datetime import timedelta
from herne.portal import _
from herne.portal.booking.daily_figures import counted_day
from herne.portal.booking.daily_figures import daily_figures
from herne.portal.booking.figures import NO_SHOW_DAYS
from herne.portal.booking.figures import booking_offices
from herne.portal.booking.figures import bookings_by_day
from herne.portal.booking.figures import day_counts
from herne.portal.booking.figures import most_common_minutes
from herne.portal.booking.figures import no_show_share
from herne.portal.booking.figures import recent_days
from herne.portal.booking.figures import today
from herne.portal.booking.figures import waiting_time
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import is_closed
from herne.portal.booking.storage import utcnow
from herne.portal.formats import german_date
from herne.portal.reporting import cache
from herne.portal.reporting.charts import bar_chart
from itertools import chain
from plone import api
from plone.memoize import ram


#: Bookings per day: this many days back and ahead of today.
DAYS_BACK = 7
DAYS_AHEAD = 14
#: The trend table shows the rows of this many days, its charts the last ``TREND_CHART_DAYS``.
TREND_DAYS = 366
TREND_CHART_DAYS = 14

NO_FREE_SLOT = _("kein freier Termin im Buchungszeitraum")

WAIT_NOTES = (
    _(
        "Wartezeit: vom heutigen Tag bis zum Tag des ersten freien Termins, in Kalendertagen "
        "und in Werktagen (Montag bis Freitag ohne die Feiertage in NRW), für die häufigste "
        "Termindauer des Amts (aus seinen Buchungen, sonst aus seinen Leistungen)."
    ),
    _(
        "Nicht erschienen: Anteil der Termine der letzten 30 Tage, zu denen niemand kam, an "
        "allen Terminen mit erschienen, erledigt oder nicht erschienen."
    ),
)


def _office_days(department, by_day, now):
    """Counts per day from ``DAYS_BACK`` days ago to ``DAYS_AHEAD`` days ahead, on open days or days with bookings."""
    settings = office_settings(department)
    first = today(now) - timedelta(days=DAYS_BACK)
    rows = []
    for offset in range(DAYS_BACK + DAYS_AHEAD + 1):
        day = first + timedelta(days=offset)
        bookings = by_day.get(day, [])
        if bookings or not is_closed(settings, day):
            rows.append((day, day_counts(bookings, now)))
    return rows


def _no_shows(department, by_day, now):
    """(came, no-show) over the last 30 days: from the bookings, or from the daily figures where
    retention has deleted them."""
    came = no_show = 0
    uid = department.UID()
    for day in recent_days(now, NO_SHOW_DAYS):
        if day in by_day:
            counts = day_counts(by_day[day], now)
        else:
            counts = counted_day(day.isoformat(), uid) or {}
        came += counts.get("came", 0)
        no_show += counts.get("no_show", 0)
    return came, no_show


def office_figures(department, service_minutes, now):
    """One office's wait, no-shows of the last 30 days and bookings per day; its bookings read once."""
    day = today(now)
    by_day = bookings_by_day(
        department,
        day - timedelta(days=max(NO_SHOW_DAYS - 1, DAYS_BACK)),
        day + timedelta(days=DAYS_AHEAD),
    )
    came, no_show = _no_shows(department, by_day, now)
    minutes = most_common_minutes(chain.from_iterable(by_day.values()), service_minutes)
    return {
        "office": department.title,
        "wait": waiting_time(department, minutes, now),
        "came": came,
        "no_show": no_show,
        "no_show_share": no_show_share(came, no_show),
        "days": _office_days(department, by_day, now),
    }


def booking_overview(now):
    """Per office taking bookings: its wait, its no-shows of the last 30 days and its bookings per day."""
    return [
        office_figures(department, service_minutes, now)
        for department, service_minutes in booking_offices()
    ]


def _cache_key(fun):
    portal = api.portal.get()
    jar = portal._p_jar
    if jar is None or jar._registered_objects:
        raise ram.DontCache  # changed in this transaction, which may still be rolled back
    return repr(
        (
            portal.getPhysicalPath(),
            # any commit (a booking, a check-in) makes the figures be computed again
            jar.db().lastTransaction().hex(),
            int(cache._now() // cache.CACHE_SECONDS),
        )
    )


@ram.cache(_cache_key)
def booking_figures():
    """``booking_overview`` now, kept for a few minutes or until the next commit (``cache.Figures``)."""
    return cache.Figures(booking_overview(utcnow()), datetime.now(BERLIN))


def invalidate():
    """Forget the kept booking figures (benchmarks and tests)."""
    store = ram.store_in_cache(booking_figures)
    store.ramcache.invalidate(store.globalkey)


# Dashboard tables (``TableSpec`` callables of ``reporting.dashboard``)


def _number(value):
    return "" if value is None else value


def _first_free(src, wait):
    if wait.slot is None:
        return src.de(NO_FREE_SLOT)
    start = wait.slot.start.astimezone(BERLIN)
    return f"{german_date(start)}, {start.strftime('%H:%M')}"


def wait_rows(src):
    return [
        [
            office["office"],
            office["wait"].minutes,
            _first_free(src, office["wait"]),
            _number(office["wait"].working_days),
            _number(office["wait"].calendar_days),
            office["came"],
            office["no_show"],
            _number(office["no_show_share"]),
        ]
        for office in src.bookings.value
    ]


def working_days_unit(src):
    """The unit after a number of working days: " Werktag" after 1, " Werktage" else."""
    one, more = " " + src.de(_("Werktag")), " " + src.de(_("Werktage"))
    return lambda value: one if value == 1 else more


def wait_chart(src, table):
    offices = src.bookings.value
    if not offices:
        return ""
    return bar_chart(
        src.de(_("Wartezeit bis zum nächsten freien Termin")),
        src.de(
            _(
                "Werktage bis zum ersten freien Termin je Amt; ohne Balken: kein freier Termin "
                "im Buchungszeitraum."
            )
        ),
        [office["office"] for office in offices],
        [office["wait"].working_days for office in offices],
        unit=working_days_unit(src),
    )


def wait_notes(src):
    return list(WAIT_NOTES)


def day_rows(src):
    return [
        [
            office["office"],
            german_date(day),
            counts["confirmed"],
            counts["online"],
            counts["by_staff"],
            counts["unconfirmed"],
            counts["cancelled"],
            counts["no_show"],
        ]
        for office in src.bookings.value
        for day, counts in office["days"]
    ]


def day_chart(src, table):
    return "".join(
        bar_chart(
            src.de(_("Bestätigte Termine je Tag: ${office}", mapping={"office": office["office"]})),
            src.de(
                _(
                    "Bestätigte Termine je Tag, von ${days_back} Tagen zurück bis ${days_ahead} Tage "
                    "voraus.",
                    mapping={"days_back": DAYS_BACK, "days_ahead": DAYS_AHEAD},
                )
            ),
            [german_date(day) for day, _counts in office["days"]],
            [counts["confirmed"] for _day, counts in office["days"]],
        )
        for office in src.bookings.value
        if office["days"]
    )


def _trend(src):
    """The kept rows of the last ``TREND_DAYS`` days, by day and office name."""
    first = (today(utcnow()) - timedelta(days=TREND_DAYS - 1)).isoformat()
    return sorted(daily_figures(first), key=lambda row: (row[0], row[2]["office"]))


def trend_rows(src):
    no_free = src.de(NO_FREE_SLOT)
    return [
        [
            german_date(datetime.fromisoformat(day)),
            row["office"],
            _number(row.get("working_days")),
            _number(row.get("calendar_days")),
            no_free if row.get("measured") and row.get("first_free") is None else "",
            _number(row.get("confirmed")),
            _number(row.get("online")),
            _number(row.get("by_staff")),
            _number(row.get("no_show")),
        ]
        for day, _uid, row in _trend(src)
    ]


def trend_chart(src, table):
    offices = {}
    for day, _uid, row in _trend(src):
        if row.get("measured"):
            offices.setdefault(row["office"], []).append((day, row.get("working_days")))
    return "".join(
        bar_chart(
            src.de(_("Wartezeit im Verlauf: ${office}", mapping={"office": office})),
            src.de(
                _(
                    "Werktage bis zum ersten freien Termin, gemessen vom täglichen Terminlauf, "
                    "an den letzten ${days} gemessenen Tagen.",
                    mapping={"days": TREND_CHART_DAYS},
                )
            ),
            [german_date(datetime.fromisoformat(day)) for day, _wait in days[-TREND_CHART_DAYS:]],
            [wait for _day, wait in days[-TREND_CHART_DAYS:]],
            unit=working_days_unit(src),
        )
        for office, days in offices.items()
    )


WAIT_COLUMNS = (
    _("Amt"),
    _("Termindauer (Min.)"),
    _("Nächster freier Termin"),
    _("Wartezeit (Werktage)"),
    _("Wartezeit (Kalendertage)"),
    _("Erschienen (30 Tage)"),
    _("Nicht erschienen (30 Tage)"),
    _("Anteil nicht erschienen (%)"),
)

DAY_COLUMNS = (
    _("Amt"),
    _("Tag"),
    _("Termine bestätigt"),
    _("davon online"),
    _("davon von Mitarbeitenden gebucht"),
    _("noch unbestätigt"),
    _("storniert"),
    _("nicht erschienen"),
)

TREND_COLUMNS = (
    _("Tag"),
    _("Amt"),
    _("Wartezeit (Werktage)"),
    _("Wartezeit (Kalendertage)"),
    _("Hinweis"),
    _("Termine bestätigt"),
    _("davon online"),
    _("davon von Mitarbeitenden gebucht"),
    _("nicht erschienen"),
)
