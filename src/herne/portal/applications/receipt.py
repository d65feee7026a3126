"""The PDF confirmation of receipt ("Eingangsbestätigung") of a submitted application, in the language the citizen applied in."""

from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.applications.office import office_line
from herne.portal.assist.provenance import provenance_text
from herne.portal.formats import datetime_message
from herne.portal.i18n import GERMAN
from herne.portal.i18n import application_language
from herne.portal.i18n import in_language
from herne.portal.payment.summary import paid_fee_rows
from herne.portal.pdf_fonts import fonts_for
from herne.portal.pdf_fonts import is_rtl
from herne.portal.pdf_fonts import wrapped
from herne.portal.translated_titles import service_title_in
from io import BytesIO
from plone import api
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from xml.sax.saxutils import escape


def next_steps(application, language=GERMAN):
    """Plain paragraphs on what happens next, from the service's facts, in ``language``."""

    def text(message):
        return in_language(message, language)

    steps = [
        text(
            _(
                "Die zuständige Stelle prüft Ihren Antrag. Den Stand sehen Sie jederzeit in Ihrem Postkorb."
            )
        )
    ]
    # The application's own office and checklist: after a hand-over they differ from the service's.
    department = department_of(application)
    originals = [item["name"] for item in getattr(application, "originals", None) or ()]
    if originals and department is not None:
        steps.append(
            text(
                _(
                    "Bitte zeigen Sie diese Originale vor Ort vor: ${documents}. Wo: ${office}.",
                    mapping={"documents": ", ".join(originals), "office": office_line(department)},
                )
            )
        )
    if application.delivery_method == "post":
        steps.append(text(_("Das Ergebnis erhalten Sie per Post an die angegebene Adresse.")))
    elif application.delivery_method == "pickup":
        steps.append(
            text(
                _(
                    "Das Ergebnis holen Sie persönlich ab; wir benachrichtigen Sie, sobald es bereitliegt."
                )
            )
        )
    elif application.delivery_method == "download":
        steps.append(
            text(_("Das Ergebnis stellen wir Ihnen im Postkorb zum Herunterladen bereit."))
        )
    return steps


def claim_steps(code, language=GERMAN):
    """How the applicant attaches the application to their account (for a receipt with a code)."""
    portal_url = api.portal.get().absolute_url()
    return [
        in_language(
            _(
                "Ihr Zuordnungscode: ${code}. Legen Sie ein Konto beim Serviceportal an, melden "
                "Sie sich an und geben Sie auf der Seite „Antrag zuordnen“ (${url}) den Code, das "
                "Aktenzeichen und Ihr Geburtsdatum ein. Danach sehen Sie den Antrag in Ihrem "
                "Postkorb. Der Code gilt 90 Tage und nur einmal.",
                mapping={"code": code, "url": f"{portal_url}/@@antrag-zuordnen"},
            ),
            language,
        )
    ]


def receipt_pdf(application, compress=True, claim_code=None):
    """The receipt as PDF bytes (``compress=False`` leaves the text readable in the bytes).

    ``claim_code``: the code for the one who entered it for someone without an account.
    """
    language = application_language(application)

    def text(message):
        return in_language(message, language)

    styles = _styles(language)
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=text(_("Eingangsbestätigung")) + f" {application.reference_number}",
        author="Stadt Herne",
        pageCompression=1 if compress else 0,
    )
    cell = styles["BodyText"]

    def para(value, style=cell, width=document.width - PADDING):
        # Right to left: wrapped here in reading order, each line already in drawing order.
        lines = wrapped(value or "", style.fontName, style.fontSize, width, language)
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    story = [
        para(text(_("Stadt Herne")), styles["Heading3"]),
        para(text(_("Eingangsbestätigung")), styles["Title"]),
        Spacer(1, 4 * mm),
    ]
    facts = [
        (text(_("Aktenzeichen")), application.reference_number),
        (text(_("Leistung")), service_title_in(application, language)),
        (text(_("Eingegangen am")), text(datetime_message(application.submitted))),
        (text(_("Antragsteller/in")), application.applicant_name),
    ]
    if application.delivery_address:
        facts.append((text(_("Zustelladresse")), application.delivery_address))
    if application.entry:
        facts.append((text(_("Erfasst")), provenance_text(application.entry, language)))
    facts += paid_fee_rows(application, language)
    story.append(_table(facts, para, language))
    story += [Spacer(1, 6 * mm), para(text(_("Ihre Angaben")), styles["Heading2"])]
    rows = [
        (row["title"], row["value"]) for row in application.submitted_data or [] if row.get("value")
    ]
    files = [
        (item.field_title, item.file.filename)
        for item in application.contentValues()
        if item.portal_type == "ApplicationFile"
    ]
    story.append(_table(rows + files, para, language))
    story += [Spacer(1, 6 * mm), para(text(_("So geht es weiter")), styles["Heading2"])]
    story += [para(step) for step in next_steps(application, language)]
    if claim_code:
        story += [Spacer(1, 6 * mm), para(text(_("Antrag zuordnen")), styles["Heading2"])]
        story += [para(step) for step in claim_steps(claim_code, language)]
    document.build(story)
    return buffer.getvalue()


def _styles(language):
    """The sample styles in fonts that hold the language's letters, right-aligned right to left."""
    regular, bold = fonts_for(language)
    sample = getSampleStyleSheet()
    styles = {}
    for name in ("BodyText", "Heading2", "Heading3", "Title"):
        base = sample[name]
        styles[name] = ParagraphStyle(
            f"herne-{name}-{language}",
            parent=base,
            fontName=bold if "Bold" in base.fontName else regular,
            alignment=TA_RIGHT if is_rtl(language) else base.alignment,
        )
    return styles


#: Widths of the label and value columns; a cell's or frame's padding (6 points each side).
LABEL_WIDTH, VALUE_WIDTH, PADDING = 55 * mm, 115 * mm, 12


def _table(rows, para, language=GERMAN):
    if not rows:
        rows = [("", "")]
    cells = [
        [para(title, width=LABEL_WIDTH - PADDING), para(value, width=VALUE_WIDTH - PADDING)]
        for title, value in rows
    ]
    widths = [LABEL_WIDTH, VALUE_WIDTH]
    if is_rtl(language):  # the label stands on the right, where the line begins
        cells = [list(reversed(row)) for row in cells]
        widths.reverse()
    # A row may run over pages (splitInRow): a long value of old data must not break the PDF;
    # Paragraph splits words wider than the column (splitLongWords).
    table = Table(cells, colWidths=widths, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    return table
