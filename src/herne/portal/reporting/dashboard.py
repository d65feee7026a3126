"""The dashboard's tables, built once and shown as HTML, SVG charts, CSV and JSON alike."""

from dataclasses import dataclass
from dataclasses import field
from herne.portal import _
from herne.portal.applications.processing import OPEN_STATES
from herne.portal.applications.processing import state_title
from herne.portal.reporting.charts import bar_chart
from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.coverage import share
from herne.portal.reporting.maturity import CATEGORY_TITLES
from herne.portal.reporting.maturity import LEVEL_TITLES
from herne.portal.reporting.snapshots import trend
from herne.portal.reporting.statistics import backlog
from herne.portal.reporting.statistics import originals_share
from herne.portal.reporting.statistics import processing_times
from herne.portal.reporting.statistics import weekly_submissions
from zope.i18n import translate


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


def _days(value):
    return "" if value is None else f"{value:g}"


def build_dashboard(request):
    """Summary figures and every table of the dashboard, in German."""

    def de(message):
        return translate(message, context=request)

    yes, no = de(_("Ja")), de(_("Nein"))
    rows, summary, departments = ozg_coverage()
    total = summary["total"]
    tables = []

    category_rows = [
        [de(CATEGORY_TITLES[key]), count, share(count, total)]
        for key, count in summary["categories"].items()
    ]
    tables.append(
        Table(
            "kategorien",
            de(_("Wie Leistungen beantragt werden können")),
            [de(_("Art")), de(_("Leistungen")), de(_("Anteil (%)"))],
            category_rows,
            chart=bar_chart(
                de(_("Leistungen nach Art der Beantragung")),
                de(
                    _(
                        "${online} von ${total} Leistungen sind online beantragbar (${share} %). Ziel: ${target} %.",
                        mapping={
                            "online": summary["online"],
                            "total": total,
                            "share": summary["online_share"],
                            "target": summary["target_percent"],
                        },
                    )
                ),
                [row[0] for row in category_rows],
                [row[2] for row in category_rows],
                unit=" %",
                target=summary["target_percent"],
                target_label=de(
                    _("Ziel ${target} %", mapping={"target": summary["target_percent"]})
                ),
            ),
        )
    )
    level_rows = [[de(LEVEL_TITLES[level]), count] for level, count in summary["levels"].items()]
    tables.append(
        Table(
            "reifegrade",
            de(_("Reifegrad der Leistungen")),
            [de(_("Reifegrad")), de(_("Leistungen"))],
            level_rows,
            chart=bar_chart(
                de(_("Leistungen je Reifegrad")),
                de(_("Anzahl der veröffentlichten Leistungen je Reifegrad 0 bis 4.")),
                [row[0] for row in level_rows],
                [row[1] for row in level_rows],
            ),
        )
    )
    tables.append(
        Table(
            "organisationseinheiten",
            de(_("Nach Organisationseinheit")),
            [
                de(_("Organisationseinheit")),
                de(_("Leistungen")),
                de(_("davon online")),
                de(_("Anteil online (%)")),
                *[de(title) for title in CATEGORY_TITLES.values()],
            ],
            [
                [
                    row["department"],
                    row["total"],
                    row["online"],
                    row["online_share"],
                    *row["categories"].values(),
                ]
                for row in departments
            ],
        )
    )
    tables.append(
        Table(
            "leistungen",
            de(_("Alle veröffentlichten Leistungen")),
            [
                de(_("Leistung")),
                de(_("Organisationseinheit")),
                de(_("Art")),
                de(_("Reifegrad")),
                *[de(title) for _key, title in FACT_COLUMNS],
            ],
            [
                [
                    row.title,
                    row.department,
                    de(CATEGORY_TITLES[row.category]),
                    row.level,
                    *[yes if getattr(row.facts, key) else no for key, _title in FACT_COLUMNS],
                ]
                for row in rows
            ],
            notes=[
                de(
                    _(
                        "Als online gekennzeichnet, aber nicht online beantragbar (kein Formular oder keine eID-Anmeldung): ${title}",
                        mapping={"title": title},
                    )
                )
                for title in summary["announced_without_form"]
            ],
        )
    )
    history = trend()
    tables.append(
        Table(
            "verlauf",
            de(_("Verlauf")),
            [
                de(_("Datum")),
                de(_("Leistungen")),
                de(_("online")),
                de(_("Anteil online (%)")),
                de(_("Ziel (%)")),
            ],
            [
                [
                    day,
                    figures["total"],
                    figures["online"],
                    figures["online_share"],
                    figures["target_percent"],
                ]
                for day, figures in history
            ],
            chart=bar_chart(
                de(_("Anteil online beantragbarer Leistungen im Verlauf")),
                de(_("Ein Balken je festgehaltenem Stand, in Prozent.")),
                [day for day, _figures in history],
                [figures["online_share"] for _day, figures in history],
                unit=" %",
                target=summary["target_percent"],
                target_label=de(
                    _("Ziel ${target} %", mapping={"target": summary["target_percent"]})
                ),
            )
            if history
            else "",
        )
    )

    weekly = weekly_submissions()
    week_labels = [
        de(_("KW ${week}/${year}", mapping={"week": week[-2:], "year": week[:4]}))
        for week in weekly["weeks"]
    ]
    tables.append(
        Table(
            "eingaenge",
            de(_("Eingegangene Anträge je Woche")),
            [de(_("Leistung")), *week_labels, de(_("Summe"))],
            [
                *[[title, *counts, sum(counts)] for title, counts in weekly["services"].items()],
                [de(_("Alle Leistungen")), *weekly["totals"], sum(weekly["totals"])],
            ],
            chart=bar_chart(
                de(_("Eingegangene Anträge je Woche")),
                de(_("Anzahl eingereichter Anträge aller Leistungen in den letzten zwölf Wochen.")),
                week_labels,
                weekly["totals"],
            ),
        )
    )
    pending = backlog()
    tables.append(
        Table(
            "rueckstand",
            de(_("Offene Anträge je Organisationseinheit und Stand")),
            [
                de(_("Organisationseinheit")),
                *[de(state_title(state)) for state in OPEN_STATES],
                de(_("Summe")),
            ],
            [[row["department"], *row["states"].values(), row["total"]] for row in pending],
            chart=bar_chart(
                de(_("Offene Anträge je Organisationseinheit")),
                de(_("Anzahl der noch nicht abgeschlossenen Anträge je Organisationseinheit.")),
                [row["department"] for row in pending],
                [row["total"] for row in pending],
            )
            if pending
            else "",
        )
    )
    times = processing_times()
    tables.append(
        Table(
            "bearbeitungszeit",
            de(_("Bearbeitungszeit in Tagen (entschiedene Anträge)")),
            [de(_("Leistung")), de(_("Entschieden")), de(_("Median")), de(_("90. Perzentil"))],
            [
                [
                    de(_("Alle Leistungen")),
                    times["overall"]["count"],
                    _days(times["overall"]["median"]),
                    _days(times["overall"]["p90"]),
                ],
                *[
                    [title, figures["count"], _days(figures["median"]), _days(figures["p90"])]
                    for title, figures in times["services"].items()
                ],
            ],
        )
    )
    originals = originals_share()
    tables.append(
        Table(
            "originale",
            de(_("Anträge mit Originalen vor Ort")),
            [
                de(_("Eingereichte Anträge")),
                de(_("davon mit Originalen vor Ort")),
                de(_("Anteil (%)")),
            ],
            [[originals["total"], originals["with_originals"], originals["share"]]],
        )
    )
    return summary, tables
