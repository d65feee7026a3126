"""The dashboard's tables, one small spec each, shown as HTML, SVG charts, CSV and JSON alike."""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from functools import cached_property
from herne.portal import _
from herne.portal.applications.processing import state_title
from herne.portal.formats import german_date
from herne.portal.reporting import bookings as booking_tables
from herne.portal.reporting import cache
from herne.portal.reporting.charts import bar_chart
from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.coverage import ozg_target
from herne.portal.reporting.coverage import share
from herne.portal.reporting.maturity import CATEGORY_TITLES
from herne.portal.reporting.maturity import LEVEL_TITLES
from herne.portal.reporting.snapshots import trend
from herne.portal.reporting.statistics import TIMEZONE
from herne.portal.workflow.application_table import OPEN_STATES
from zoneinfo import ZoneInfo
from zope.i18n import translate
from zope.i18nmessageid import Message


FACT_COLUMNS = (
    ("has_description", _("Beschreibung")),
    ("online_form", _("Online-Formular")),
    ("needs_originals", _("Originale vor Ort")),
    ("needs_eid", _("eID nötig")),
    ("uploads", _("Nachweise hochladen")),
    ("status_tracking", _("Statusverfolgung")),
    ("fees", _("Gebühren")),
    ("epayment", _("E-Payment")),
    ("digital_result", _("Digitales Ergebnis")),
)


@dataclass
class Table:
    name: str
    title: str
    columns: list
    rows: list
    chart: str = ""
    notes: list = field(default_factory=list)
    #: For application statistics: when the (cached) figures were computed; else None (just now).
    computed_at: datetime | None = None


class Sources:
    """What the tables are made of, each fetched at most once and only when a table needs it."""

    def __init__(self, request):
        self.request = request

    def de(self, message):
        return translate(message, context=self.request) if isinstance(message, Message) else message

    @cached_property
    def coverage(self):
        return ozg_coverage()

    @property
    def services(self):
        return self.coverage[0]

    @property
    def summary(self):
        return self.coverage[1]

    @property
    def departments(self):
        return self.coverage[2]

    @cached_property
    def target(self):
        return ozg_target()

    @cached_property
    def history(self):
        return trend()

    # Application statistics: cache.Figures (value and computed_at), kept for a few minutes.
    @cached_property
    def weekly(self):
        return cache.weekly_submissions()

    @cached_property
    def backlog(self):
        return cache.backlog()

    @cached_property
    def times(self):
        return cache.processing_times()

    @cached_property
    def originals(self):
        return cache.originals_share()

    @cached_property
    def assisted(self):
        return cache.assisted_share()

    # Booking figures per office: cache.Figures, kept for a few minutes or until a commit.
    @cached_property
    def bookings(self):
        return booking_tables.booking_figures()


@dataclass(frozen=True)
class TableSpec:
    """One table: columns (messages, or a function of the sources), rows, and optionally chart and notes."""

    name: str
    title: Message
    columns: tuple | Callable
    rows: Callable
    chart: Callable | None = None
    notes: Callable | None = None
    #: The cached statistic (a Sources attribute) the rows come from, for "Stand: ...".
    figures: str | None = None

    def build(self, sources):
        de = sources.de
        columns = self.columns(sources) if callable(self.columns) else self.columns
        table = Table(
            self.name,
            de(self.title),
            [de(column) for column in columns],
            self.rows(sources),
            notes=[de(note) for note in self.notes(sources)] if self.notes else [],
            computed_at=getattr(sources, self.figures).computed_at if self.figures else None,
        )
        if self.chart is not None:
            table.chart = self.chart(sources, table)
        return table


def _days(value):
    """Days as a number (the page and the CSV write it with a decimal comma), or empty."""
    return "" if value is None else value


def _target_label(target):
    return _("Ziel ${target} %", mapping={"target": target})


# Coverage of the catalogue


def _category_rows(src):
    total = src.summary["total"]
    return [
        [src.de(CATEGORY_TITLES[key]), count, share(count, total)]
        for key, count in src.summary["categories"].items()
    ]


def _category_chart(src, table):
    summary = src.summary
    return bar_chart(
        src.de(_("Leistungen nach Art der Beantragung")),
        src.de(
            _(
                "${online} von ${total} Leistungen sind online beantragbar (${share} %). Ziel: ${target} %.",
                mapping={
                    "online": summary["online"],
                    "total": summary["total"],
                    "share": summary["online_share"],
                    "target": summary["target_percent"],
                },
            )
        ),
        [row[0] for row in table.rows],
        [row[2] for row in table.rows],
        unit=" %",
        target=summary["target_percent"],
        target_label=src.de(_target_label(summary["target_percent"])),
    )


def _level_rows(src):
    return [[src.de(LEVEL_TITLES[level]), count] for level, count in src.summary["levels"].items()]


def _level_chart(src, table):
    return bar_chart(
        src.de(_("Leistungen je Reifegrad")),
        src.de(_("Anzahl der veröffentlichten Leistungen je Reifegrad 0 bis 4.")),
        [row[0] for row in table.rows],
        [row[1] for row in table.rows],
    )


def _department_columns(src):
    return [
        _("Organisationseinheit"),
        _("Leistungen"),
        _("davon online"),
        _("Anteil online (%)"),
        *CATEGORY_TITLES.values(),
    ]


def _department_rows(src):
    return [
        [
            row["department"],
            row["total"],
            row["online"],
            row["online_share"],
            *row["categories"].values(),
        ]
        for row in src.departments
    ]


def _service_columns(src):
    return [
        _("Leistung"),
        _("Organisationseinheit"),
        _("Art"),
        _("Reifegrad"),
        *[title for _key, title in FACT_COLUMNS],
    ]


def _service_rows(src):
    yes, no = src.de(_("Ja")), src.de(_("Nein"))
    return [
        [
            row.title,
            row.department,
            src.de(CATEGORY_TITLES[row.category]),
            row.level,
            *[yes if getattr(row.facts, key) else no for key, _title in FACT_COLUMNS],
        ]
        for row in src.services
    ]


def _service_notes(src):
    return [
        _(
            "Als online gekennzeichnet, aber nicht online beantragbar (kein Formular oder keine eID-Anmeldung): ${title}",
            mapping={"title": title},
        )
        for title in src.summary["announced_without_form"]
    ]


def _trend_rows(src):
    return [
        [day, f["total"], f["online"], f["online_share"], f["target_percent"]]
        for day, f in src.history
    ]


def _trend_chart(src, table):
    if not src.history:
        return ""
    return bar_chart(
        src.de(_("Anteil online beantragbarer Leistungen im Verlauf")),
        src.de(_("Ein Balken je festgehaltenem Stand, in Prozent.")),
        [day for day, _figures in src.history],
        [figures["online_share"] for _day, figures in src.history],
        unit=" %",
        target=src.target,
        target_label=src.de(_target_label(src.target)),
    )


# Application statistics (cached)


def _week_columns(src):
    weeks = [
        _("KW ${week}/${year}", mapping={"week": week[-2:], "year": week[:4]})
        for week in src.weekly.value["weeks"]
    ]
    return [_("Leistung"), *weeks, _("Summe")]


def _week_rows(src):
    weekly = src.weekly.value
    return [
        *[[title, *counts, sum(counts)] for title, counts in weekly["services"].items()],
        [src.de(_("Alle Leistungen")), *weekly["totals"], sum(weekly["totals"])],
    ]


def _week_chart(src, table):
    return bar_chart(
        src.de(_("Eingegangene Anträge je Woche")),
        src.de(_("Anzahl eingereichter Anträge aller Leistungen in den letzten zwölf Wochen.")),
        table.columns[1:-1],
        src.weekly.value["totals"],
    )


def _backlog_columns(src):
    return [_("Organisationseinheit"), *[state_title(state) for state in OPEN_STATES], _("Summe")]


def _backlog_rows(src):
    return [[row["department"], *row["states"].values(), row["total"]] for row in src.backlog.value]


def _backlog_chart(src, table):
    if not table.rows:
        return ""
    return bar_chart(
        src.de(_("Offene Anträge je Organisationseinheit")),
        src.de(_("Anzahl der noch nicht abgeschlossenen Anträge je Organisationseinheit.")),
        [row[0] for row in table.rows],
        [row[-1] for row in table.rows],
    )


def _time_rows(src):
    times = src.times.value
    overall = times["overall"]
    return [
        [
            src.de(_("Alle Leistungen")),
            overall["count"],
            _days(overall["median"]),
            _days(overall["p90"]),
        ],
        *[
            [title, figures["count"], _days(figures["median"]), _days(figures["p90"])]
            for title, figures in times["services"].items()
        ],
    ]


def _originals_rows(src):
    originals = src.originals.value
    return [[originals["total"], originals["with_originals"], originals["share"]]]


def _assisted_rows(src):
    assisted = src.assisted.value
    rows = [
        [title, figures["total"], figures["assisted"], figures["share"]]
        for title, figures in assisted["services"].items()
    ]
    return [
        *rows,
        [src.de(_("Alle Leistungen")), assisted["total"], assisted["assisted"], assisted["share"]],
    ]


#: Every table of the dashboard, in the order shown; the name is its anchor and CSV name.
TABLES = (
    TableSpec(
        "kategorien",
        _("Wie Leistungen beantragt werden können"),
        (_("Art"), _("Leistungen"), _("Anteil (%)")),
        _category_rows,
        chart=_category_chart,
    ),
    TableSpec(
        "reifegrade",
        _("Reifegrad der Leistungen"),
        (_("Reifegrad"), _("Leistungen")),
        _level_rows,
        chart=_level_chart,
    ),
    TableSpec(
        "organisationseinheiten",
        _("Nach Organisationseinheit"),
        _department_columns,
        _department_rows,
    ),
    TableSpec(
        "leistungen",
        _("Alle veröffentlichten Leistungen"),
        _service_columns,
        _service_rows,
        notes=_service_notes,
    ),
    TableSpec(
        "verlauf",
        _("Verlauf"),
        (_("Datum"), _("Leistungen"), _("online"), _("Anteil online (%)"), _("Ziel (%)")),
        _trend_rows,
        chart=_trend_chart,
    ),
    TableSpec(
        "eingaenge",
        _("Eingegangene Anträge je Woche"),
        _week_columns,
        _week_rows,
        chart=_week_chart,
        figures="weekly",
    ),
    TableSpec(
        "rueckstand",
        _("Offene Anträge je Organisationseinheit und Stand"),
        _backlog_columns,
        _backlog_rows,
        chart=_backlog_chart,
        figures="backlog",
    ),
    TableSpec(
        "bearbeitungszeit",
        _("Bearbeitungszeit in Tagen (entschiedene Anträge)"),
        (_("Leistung"), _("Entschieden"), _("Median"), _("90. Perzentil")),
        _time_rows,
        figures="times",
    ),
    TableSpec(
        "originale",
        _("Anträge mit Originalen vor Ort"),
        (_("Eingereichte Anträge"), _("davon mit Originalen vor Ort"), _("Anteil (%)")),
        _originals_rows,
        figures="originals",
    ),
    TableSpec(
        "mit-hilfe",
        _("Für andere erfasste Anträge (Digitallotsen und Schalter)"),
        (
            _("Leistung"),
            _("Eingereichte Anträge"),
            _("davon für andere erfasst"),
            _("Anteil (%)"),
        ),
        _assisted_rows,
        figures="assisted",
    ),
    TableSpec(
        "termine-wartezeit",
        _("Termine: Wartezeit bis zum nächsten freien Termin und nicht erschienen"),
        booking_tables.WAIT_COLUMNS,
        booking_tables.wait_rows,
        chart=booking_tables.wait_chart,
        notes=booking_tables.wait_notes,
        figures="bookings",
    ),
    TableSpec(
        "termine-je-tag",
        _("Termine je Tag und Amt"),
        booking_tables.DAY_COLUMNS,
        booking_tables.day_rows,
        chart=booking_tables.day_chart,
        figures="bookings",
    ),
    TableSpec(
        "termine-verlauf",
        _("Termine im Verlauf (täglich festgehalten)"),
        booking_tables.TREND_COLUMNS,
        booking_tables.trend_rows,
        chart=booking_tables.trend_chart,
    ),
)

TABLE_SPECS = {spec.name: spec for spec in TABLES}


def build_dashboard(request):
    """Summary figures and every table of the dashboard, in German."""
    sources = Sources(request)
    return sources.summary, [spec.build(sources) for spec in TABLES]


def build_table(request, name):
    """Only the table called ``name`` (None if there is none): what a CSV download needs."""
    spec = TABLE_SPECS.get(name) if isinstance(name, str) else None
    return spec.build(Sources(request)) if spec is not None else None


def as_of(computed_at, request):
    """``Stand: 25.11.2026, 14:05 Uhr`` for when figures were computed (None: now)."""
    moment = (computed_at or datetime.now(ZoneInfo(TIMEZONE))).astimezone(ZoneInfo(TIMEZONE))
    return translate(
        _(
            "Stand: ${date}, ${time} Uhr",
            mapping={"date": german_date(moment), "time": moment.strftime("%H:%M")},
        ),
        context=request,
    )


def computed_at(tables):
    """When the oldest figures among ``tables`` were computed; None if all are current."""
    moments = [table.computed_at for table in tables if table.computed_at is not None]
    return min(moments) if moments else None
