"""Fonts for every interface language and right-to-left lines (Arabic joined, in visual order) for the PDFs citizens read."""

from arabic_reshaper import reshape
from bidi import get_display
from herne.portal.i18n import RIGHT_TO_LEFT
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


#: DejaVu Sans (fonts/LICENSE.txt): Latin, Turkish, Cyrillic and Arabic with its joined forms.
FONTS = Path(__file__).parent / "fonts"
UNICODE = ("HerneSans", "HerneSans-Bold")
#: German and English need nothing beyond the PDF standard font (WinAnsi), as before.
STANDARD = ("Helvetica", "Helvetica-Bold")
STANDARD_LANGUAGES = frozenset({"de", "en"})


def _register():
    registered = pdfmetrics.getRegisteredFontNames()
    for name, filename in zip(UNICODE, ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), strict=True):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))


def fonts_for(language):
    """(regular, bold) font names that hold every letter of ``language``."""
    if language in STANDARD_LANGUAGES:
        return STANDARD
    _register()
    return UNICODE


def is_rtl(language):
    return language in RIGHT_TO_LEFT


def visual(line):
    """One line in the order it is drawn left to right: Arabic letters joined, runs reordered."""
    return get_display(reshape(line))


def wrapped(text, font, size, width, language):
    """``text`` as drawn lines no wider than ``width``: for a right-to-left language wrapped in
    reading order first, then each line reordered (a line break must not swap the lines).

    Other languages are returned as one line each of ``text``'s own lines (the PDF library wraps them).
    """
    if not is_rtl(language):
        return (text or "").splitlines()
    lines = []
    for paragraph in (text or "").splitlines() or [""]:
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            # A point to spare: the PDF library must never wrap a drawn line again.
            if current and pdfmetrics.stringWidth(reshape(candidate), font, size) > width - 1:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return [visual(line) for line in lines]
