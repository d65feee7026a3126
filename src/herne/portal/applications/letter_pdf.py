"""Letters as PDF in the DIN 5008 layout (form B), in the citizen's language: one letter, or a print run of many in one file."""

from herne.portal import _
from herne.portal.formats import german_date
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_german
from herne.portal.i18n import in_language
from herne.portal.pdf_fonts import fonts_for
from herne.portal.pdf_fonts import is_rtl
from herne.portal.pdf_fonts import visual
from herne.portal.pdf_fonts import wrapped
from io import BytesIO
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame
from reportlab.platypus import Paragraph
from reportlab.platypus import Spacer
from xml.sax.saxutils import escape


PAGE_WIDTH, PAGE_HEIGHT = A4
#: DIN 5008 form B, measured from the top left corner of the page.
ADDRESS_LEFT = 20 * mm
ADDRESS_TOP = 45 * mm
ADDRESS_WIDTH = 85 * mm
#: The first 17.7 mm of the address field: the return line ("Rücksendeangabe") at its foot.
RETURN_ZONE = 17.7 * mm
ADDRESS_ZONE = 27.3 * mm
INFO_LEFT = 125 * mm
INFO_TOP = 50 * mm
TEXT_LEFT = 25 * mm
TEXT_RIGHT = 20 * mm
TEXT_TOP = 98.46 * mm
BOTTOM = 20 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
HOLE_MARK = 148.5 * mm
#: What a Frame's own padding (6 points each side) leaves of its width for a line.
FRAME_PADDING = 12

BODY = ParagraphStyle("letter-body", fontName="Helvetica", fontSize=11, leading=14.5)
SUBJECT = ParagraphStyle("letter-subject", parent=BODY, fontName="Helvetica-Bold")


def _language(letter):
    return letter.get("language") or GERMAN


def _font(letter, bold=False):
    regular, heavy = fonts_for(_language(letter))
    return heavy if bold else regular


def _from_top(distance):
    return PAGE_HEIGHT - distance


def _paragraphs(letter, width):
    language = _language(letter)
    align = {"alignment": TA_RIGHT} if is_rtl(language) else {}
    body = ParagraphStyle(f"letter-body-{language}", parent=BODY, fontName=_font(letter), **align)
    subject = ParagraphStyle(
        f"letter-subject-{language}", parent=body, fontName=_font(letter, bold=True)
    )

    def para(text, style):
        # Right to left: wrapped here in reading order, each line already in drawing order.
        lines = wrapped(text, style.fontName, style.fontSize, width - FRAME_PADDING, language)
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    story = [para(letter["subject"], subject), Spacer(1, 8 * mm)]
    for block in letter["body"].strip().split("\n\n"):
        story += [para(block, body), Spacer(1, 4 * mm)]
    return story


def _marks(canvas):
    canvas.setLineWidth(0.3)
    for top in (*FOLD_MARKS, HOLE_MARK):
        length = 7 * mm if top == HOLE_MARK else 5 * mm
        canvas.line(3 * mm, _from_top(top), 3 * mm + length, _from_top(top))


def _address_field(canvas, letter):
    """Return line and recipient, inside the window of a DL envelope."""
    return_line = " · ".join(letter["sender"])
    font = _font(letter)
    canvas.setFont(font, 7)
    baseline = _from_top(ADDRESS_TOP + RETURN_ZONE) + 1.5 * mm
    while canvas.stringWidth(return_line, font, 7) > ADDRESS_WIDTH and " · " in return_line:
        return_line = return_line.rsplit(" · ", 1)[0]
    canvas.drawString(ADDRESS_LEFT + 5 * mm, baseline, return_line)
    canvas.setLineWidth(0.3)
    canvas.line(
        ADDRESS_LEFT + 5 * mm, baseline - 1 * mm, ADDRESS_LEFT + ADDRESS_WIDTH, baseline - 1 * mm
    )
    lines = [line for line in letter["recipient"].splitlines() if line.strip()][:6]
    text = canvas.beginText(ADDRESS_LEFT + 5 * mm, _from_top(ADDRESS_TOP + RETURN_ZONE) - 5 * mm)
    text.setFont(font, 10)
    text.setLeading(ADDRESS_ZONE / 6)
    for line in lines:
        text.textLine(line)
    canvas.drawText(text)


def _label(letter, message):
    """A label of the letter's frame in its language (drawn in visual order right to left)."""
    text = in_language(message, _language(letter))
    return visual(text) if is_rtl(_language(letter)) else text


def _info_block(canvas, letter):
    rows = [
        (_label(letter, _("Aktenzeichen")), letter["reference"]),
        (_label(letter, _("Datum")), german_date(letter["created"])),
    ]
    font = _font(letter)
    text = canvas.beginText(INFO_LEFT, _from_top(INFO_TOP) - 3 * mm)
    text.setLeading(12)
    for label, value in rows:
        text.setFont(font, 8)
        text.textLine(label)
        text.setFont(font, 10)
        text.textLine(value)
    text.setFont(font, 8)
    text.textLine(_label(letter, _("Absender")))
    text.setFont(font, 9)
    for line in letter["sender"]:
        text.textLine(line[:45])
    canvas.drawText(text)


def _footer(canvas, letter, page):
    canvas.setFont(_font(letter), 8)
    contact = letter.get("contact") or ""
    canvas.drawString(TEXT_LEFT, 10 * mm, contact[:120])
    label = _label(
        letter,
        _("${reference} – Seite ${page}", mapping={"reference": letter["reference"], "page": page}),
    )
    canvas.drawRightString(PAGE_WIDTH - TEXT_RIGHT, 10 * mm, label)


def _draw(canvas, letter):
    """The letter's pages on ``canvas``: the first in the DIN layout, more as the text needs."""
    width = PAGE_WIDTH - TEXT_LEFT - TEXT_RIGHT
    story = _paragraphs(letter, width)
    page = 1
    _marks(canvas)
    _address_field(canvas, letter)
    _info_block(canvas, letter)
    frame = Frame(TEXT_LEFT, BOTTOM, width, _from_top(TEXT_TOP) - BOTTOM, showBoundary=0)
    while True:
        before = len(story)
        frame.addFromList(story, canvas)
        if story and len(story) == before:
            story.pop(0)  # nothing fits even on an empty page: left out, never a loop
        _footer(canvas, letter, page)
        canvas.showPage()
        if not story:
            return
        page += 1
        _marks(canvas)
        frame = Frame(TEXT_LEFT, BOTTOM, width, PAGE_HEIGHT - 2 * BOTTOM, showBoundary=0)


def letters_pdf(letters, compress=True):
    """One PDF with every letter of ``letters`` (each on pages of its own), as bytes."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1 if compress else 0)
    canvas.setAuthor("Stadt Herne")
    canvas.setTitle(in_german(_("Briefe der Stadt Herne")))
    for letter in letters:
        _draw(canvas, letter)
    canvas.save()
    return buffer.getvalue()
