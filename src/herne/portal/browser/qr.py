"""QR codes and printable flyers that lead to a service page on the official portal address."""

from herne.portal import _
from herne.portal.controlpanels.portal import official_url
from herne.portal.i18n import in_german
from io import BytesIO
from plone import api
from Products.Five.browser import BrowserView
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.shapes import Rect
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepInFrame
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
import segno
from urllib.parse import quote
from xml.sax.saxutils import escape
from zope.i18n import translate


# Four modules of white around the code, as the QR standard asks for.
QUIET_ZONE = 4

# Page size, margin, edge of the QR code (quiet zone included) and font sizes per flyer.
FLYER_FORMATS = {
    "a4": {
        "pagesize": A4,
        "margin": 20 * mm,
        "qr_size": 100 * mm,
        "title_size": 26,
        "text_size": 13,
        "address_size": 14,
    },
    "a6": {
        "pagesize": A6,
        "margin": 9 * mm,
        "qr_size": 58 * mm,
        "title_size": 15,
        "text_size": 8.5,
        "address_size": 9,
    },
}

ADDRESS_FONT = "Helvetica-Bold"


#: Who the flyer is from.
CITY = _("Stadt Herne")


class PublicUrlMissing(Exception):
    """The official public address of the portal is not configured."""


def service_public_url(service):
    """The address of ``service`` on the configured public URL of the portal.

    Never derived from the request: a flyer must lead to the official address even when
    an editor works on an internal host name.
    """
    public_url = official_url()
    if not public_url:
        raise PublicUrlMissing()
    portal_path = api.portal.get().getPhysicalPath()
    service_path = service.getPhysicalPath()
    relative = service_path[len(portal_path) :]
    segments = "/".join(quote(segment, safe="") for segment in relative)
    return f"{public_url}/{segments}" if segments else public_url


def make_qr(url):
    return segno.make(url, error="m", micro=False)


def qr_drawing(qr, size):
    """The QR code as a reportlab drawing of ``size`` points, quiet zone included."""
    modules = len(qr.matrix) + 2 * QUIET_ZONE
    unit = size / modules
    drawing = Drawing(size, size)
    for row_index, row in enumerate(qr.matrix):
        y = size - (row_index + QUIET_ZONE + 1) * unit
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            # One rectangle per run of dark modules; a hair wider/taller so no seams show.
            drawing.add(
                Rect(
                    (start + QUIET_ZONE) * unit,
                    y,
                    (column - start) * unit + 0.01,
                    unit + 0.01,
                    fillColor="#000000",
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
    drawing.hAlign = "CENTER"
    return drawing


def wrap_address(url, font_name, font_size, width):
    """Lines of ``url`` no wider than ``width``, broken after slashes where possible."""
    tokens = []
    current = ""
    for char in url:
        current += char
        if char == "/":
            tokens.append(current)
            current = ""
    if current:
        tokens.append(current)

    def fits(text):
        return stringWidth(text, font_name, font_size) <= width

    lines = []
    line = ""
    for token in tokens:
        if fits(line + token):
            line += token
            continue
        if line:
            lines.append(line)
            line = ""
        for char in token:
            # A single token wider than the line is broken anywhere.
            if line and not fits(line + char):
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


def flyer_pdf(service, url, flyer_format):
    """A one-page flyer with the service title, the QR code and the address as PDF bytes."""
    layout = FLYER_FORMATS[flyer_format]
    page_width, page_height = layout["pagesize"]
    margin = layout["margin"]
    frame_width = page_width - 2 * margin
    frame_height = page_height - 2 * margin
    buffer = BytesIO()
    title = service.title or service.getId()
    document = SimpleDocTemplate(
        buffer,
        pagesize=layout["pagesize"],
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        subject=url,
        author=in_german(CITY),
    )
    styles = getSampleStyleSheet()
    scale = layout["text_size"] / styles["BodyText"].fontSize
    sender = ParagraphStyle(
        "FlyerSender",
        parent=styles["Heading3"],
        fontSize=layout["text_size"],
        leading=layout["text_size"] * 1.3,
        alignment=TA_CENTER,
        spaceBefore=0,
    )
    heading = ParagraphStyle(
        "FlyerTitle",
        parent=styles["Title"],
        fontSize=layout["title_size"],
        leading=layout["title_size"] * 1.2,
        spaceAfter=layout["title_size"] * 0.5,
    )
    body = ParagraphStyle(
        "FlyerText",
        parent=styles["BodyText"],
        fontSize=layout["text_size"],
        leading=layout["text_size"] * 1.35,
        alignment=TA_CENTER,
        spaceBefore=6 * scale,
    )
    address = ParagraphStyle(
        "FlyerAddress",
        parent=body,
        fontName=ADDRESS_FONT,
        fontSize=layout["address_size"],
        leading=layout["address_size"] * 1.3,
    )
    lines = wrap_address(url, ADDRESS_FONT, layout["address_size"], frame_width - 2)
    address_markup = "<br/>".join(escape(line) for line in lines)
    link = escape(url, {'"': "&quot;"})
    story = [
        Paragraph(escape(in_german(CITY)), sender),
        Paragraph(escape(title), heading),
        Paragraph(
            escape(
                in_german(
                    _(
                        "Scannen Sie den Code mit der Kamera Ihres Smartphones oder geben Sie "
                        "die Adresse ein. Nutzen Sie nur diese offizielle Adresse der Stadt Herne."
                    )
                )
            ),
            body,
        ),
        Spacer(1, 4 * scale),
        qr_drawing(make_qr(url), min(layout["qr_size"], frame_width)),
        Spacer(1, 2 * scale),
        Paragraph(f'<link href="{link}">{address_markup}</link>', address),
    ]
    # However long the title is, the flyer stays one page.
    document.build([KeepInFrame(frame_width, frame_height, story, mode="shrink")])
    return buffer.getvalue()


class QRBase(BrowserView):
    """Common answer of the QR and flyer downloads; subclasses make the body."""

    content_type = None
    extension = None

    def filename(self):
        return f"qr-{self.context.getId()}.{self.extension}"

    def render(self, url):
        raise NotImplementedError

    def __call__(self):
        response = self.request.response
        try:
            url = service_public_url(self.context)
        except PublicUrlMissing:
            response.setStatus(409)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            response.setHeader("Cache-Control", "no-store")
            response.setHeader("X-Content-Type-Options", "nosniff")
            message = _(
                "Die offizielle Adresse des Serviceportals ist noch nicht eingestellt "
                "(Einstellungen › Serviceportal)."
            )
            return translate(message, context=self.request)
        data = self.render(url)
        response.setHeader("Content-Type", self.content_type)
        response.setHeader("Content-Disposition", f'attachment; filename="{self.filename()}"')
        response.setHeader("Content-Length", str(len(data)))
        response.setHeader("Cache-Control", "no-store")
        response.setHeader("X-Content-Type-Options", "nosniff")
        return data


class QRPngView(QRBase):
    content_type = "image/png"
    extension = "png"

    def render(self, url):
        buffer = BytesIO()
        make_qr(url).save(buffer, kind="png", scale=10, border=QUIET_ZONE)
        return buffer.getvalue()


class QRSvgView(QRBase):
    content_type = "image/svg+xml"
    extension = "svg"

    def render(self, url):
        buffer = BytesIO()
        make_qr(url).save(
            buffer,
            kind="svg",
            scale=10,
            border=QUIET_ZONE,
            title=self.context.title or self.context.getId(),
            desc=url,
        )
        return buffer.getvalue()


class FlyerView(QRBase):
    content_type = "application/pdf"
    extension = "pdf"
    flyer_format = None

    def filename(self):
        return f"flyer-{self.context.getId()}-{self.flyer_format}.pdf"

    def render(self, url):
        return flyer_pdf(self.context, url, self.flyer_format)


class FlyerA4View(FlyerView):
    flyer_format = "a4"


class FlyerA6View(FlyerView):
    flyer_format = "a6"
