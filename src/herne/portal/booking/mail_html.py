"""The HTML part of a booking mail: the plain text as paragraphs and links, with the code as a QR image."""

from email.utils import make_msgid
from herne.portal import _
from herne.portal.booking.code_image import code_png
from herne.portal.i18n import GERMAN
from herne.portal.i18n import direction
from herne.portal.i18n import in_language
from html import escape
import re


URL = re.compile(r"^https?://\S+$")


def _line(line):
    text = line.strip()
    if URL.match(text):
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(line).replace("  ", "&nbsp;&nbsp;")


def html_body(text, code, image_cid, language=GERMAN):
    """The mail ``text`` as HTML; after the paragraph naming ``code``, its QR image (``cid:image_cid``)."""
    paragraphs = [block.split("\n") for block in text.strip().split("\n\n")]
    parts = []
    for lines in paragraphs:
        parts.append("<p>" + "<br>\n".join(_line(line) for line in lines) + "</p>")
        if any(code in line for line in lines) and image_cid:
            alt = in_language(
                _("QR-Code des Buchungscodes ${code}", mapping={"code": code}), language
            )
            hint = in_language(_("Zeigen Sie diesen Code am Schalter vor."), language)
            parts.append(
                f'<p><img src="cid:{escape(image_cid)}" alt="{escape(alt)}" '
                f'width="200" height="200"><br>\n{escape(hint)}</p>'
            )
            image_cid = None  # once
    return (
        f'<!DOCTYPE html>\n<html lang="{language}" dir="{direction(language)}">'
        '<head><meta charset="utf-8"></head><body>\n' + "\n".join(parts) + "\n</body></html>\n"
    )


def add_code_html(message, body, code, language=GERMAN):
    """Add to ``message`` (plain text ``body`` set) an HTML alternative showing ``code`` as an inline QR PNG.

    The QR code holds only the code: the counter's scanner types it into the day list.
    """
    image_id = make_msgid(domain="serviceportal.herne.de")
    message.add_alternative(
        html_body(body, code, image_id[1:-1], language), subtype="html", cte="quoted-printable"
    )
    message.get_payload()[1].add_related(
        code_png(code),
        maintype="image",
        subtype="png",
        cid=image_id,
        disposition="inline",
        filename="buchungscode.png",
    )
