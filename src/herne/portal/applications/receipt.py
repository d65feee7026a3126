"""The PDF confirmation of receipt ("Eingangsbestätigung") of a submitted application."""

from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.applications.office import office_line
from herne.portal.assist.provenance import provenance_text
from herne.portal.formats import german_datetime
from herne.portal.i18n import in_german
from herne.portal.payment.summary import paid_fee_rows
from io import BytesIO
from plone import api
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from xml.sax.saxutils import escape


def next_steps(application):
    """Plain-German paragraphs on what happens next, from the service's facts."""
    steps = [
        in_german(
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
            in_german(
                _(
                    "Bitte zeigen Sie diese Originale vor Ort vor: ${documents}. Wo: ${office}.",
                    mapping={"documents": ", ".join(originals), "office": office_line(department)},
                )
            )
        )
    if application.delivery_method == "post":
        steps.append(in_german(_("Das Ergebnis erhalten Sie per Post an die angegebene Adresse.")))
    elif application.delivery_method == "pickup":
        steps.append(
            in_german(
                _(
                    "Das Ergebnis holen Sie persönlich ab; wir benachrichtigen Sie, sobald es bereitliegt."
                )
            )
        )
    elif application.delivery_method == "download":
        steps.append(
            in_german(_("Das Ergebnis stellen wir Ihnen im Postkorb zum Herunterladen bereit."))
        )
    return steps


def claim_steps(code):
    """How the applicant attaches the application to their account (for a receipt with a code)."""
    portal_url = api.portal.get().absolute_url()
    return [
        in_german(
            _(
                "Ihr Zuordnungscode: ${code}. Legen Sie ein Konto beim Serviceportal an, melden "
                "Sie sich an und geben Sie auf der Seite „Antrag zuordnen“ (${url}) den Code, das "
                "Aktenzeichen und Ihr Geburtsdatum ein. Danach sehen Sie den Antrag in Ihrem "
                "Postkorb. Der Code gilt 90 Tage und nur einmal.",
                mapping={"code": code, "url": f"{portal_url}/@@antrag-zuordnen"},
            )
        )
    ]


def receipt_pdf(application, compress=True, claim_code=None):
    """The receipt as PDF bytes (``compress=False`` leaves the text readable in the bytes).

    ``claim_code``: the code for the one who entered it for someone without an account.
    """
    styles = getSampleStyleSheet()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=in_german(_("Eingangsbestätigung")) + f" {application.reference_number}",
        author="Stadt Herne",
        pageCompression=1 if compress else 0,
    )
    cell = styles["BodyText"]

    def para(text, style=cell):
        return Paragraph(escape(text or "").replace("\n", "<br/>"), style)

    story = [
        para("Stadt Herne", styles["Heading3"]),
        para(in_german(_("Eingangsbestätigung")), styles["Title"]),
        Spacer(1, 4 * mm),
    ]
    facts = [
        (in_german(_("Aktenzeichen")), application.reference_number),
        (in_german(_("Leistung")), application.service_title),
        (in_german(_("Eingegangen am")), german_datetime(application.submitted)),
        (in_german(_("Antragsteller/in")), application.applicant_name),
    ]
    if application.delivery_address:
        facts.append((in_german(_("Zustelladresse")), application.delivery_address))
    if application.entry:
        facts.append((in_german(_("Erfasst")), provenance_text(application.entry)))
    facts += paid_fee_rows(application)
    story.append(_table(facts, para))
    story += [Spacer(1, 6 * mm), para(in_german(_("Ihre Angaben")), styles["Heading2"])]
    rows = [
        (row["title"], row["value"]) for row in application.submitted_data or [] if row.get("value")
    ]
    files = [
        (item.field_title, item.file.filename)
        for item in application.contentValues()
        if item.portal_type == "ApplicationFile"
    ]
    story.append(_table(rows + files, para))
    story += [Spacer(1, 6 * mm), para(in_german(_("So geht es weiter")), styles["Heading2"])]
    story += [para(step) for step in next_steps(application)]
    if claim_code:
        story += [Spacer(1, 6 * mm), para(in_german(_("Antrag zuordnen")), styles["Heading2"])]
        story += [para(step) for step in claim_steps(claim_code)]
    document.build(story)
    return buffer.getvalue()


def _table(rows, para):
    if not rows:
        rows = [("", "")]
    # A row may run over pages (splitInRow): a long value of old data must not break the PDF;
    # Paragraph splits words wider than the column (splitLongWords).
    table = Table(
        [[para(title), para(value)] for title, value in rows],
        colWidths=[55 * mm, 115 * mm],
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    return table
