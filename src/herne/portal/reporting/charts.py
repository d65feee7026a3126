"""Accessible SVG bar charts: a title and a description for screen readers, values written out.

Each label stands on its own line(s) above its bar, so the chart is narrow (``WIDTH``
units) and is drawn at its natural size: its text stays legible (at least 12 px) from
a desktop down to a 320 px phone, where it shrinks to the column's width.
"""

from herne.portal.formats import decimal_comma
import itertools
import textwrap
from xml.sax.saxutils import escape


_ids = itertools.count(1)

WIDTH = 360
FONT_SIZE = 20
#: Average width of a character at FONT_SIZE, for wrapping labels and placing texts.
CHAR_WIDTH = 0.56 * FONT_SIZE
LINE_HEIGHT = 25
BAR_HEIGHT = 22
#: Least room right of the longest bar for its value ("100 %"); more for a longer value.
VALUE_ROOM = 80
ROW_GAP = 12
TOP = 4
TARGET_ROOM = 28
COLOUR = "#1a1a1a"
BAR_COLOUR = "#005b96"
TARGET_COLOUR = "#b00020"


def label_lines(label):
    """The label wrapped to the chart's width (long words are broken, never cut off)."""
    width = max(1, int(WIDTH / CHAR_WIDTH))
    return textwrap.wrap(str(label), width=width, break_long_words=True) or [""]


def _text(x, y, content, colour=COLOUR, anchor="start", size=FONT_SIZE):
    return (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{colour}">{escape(content)}</text>'
    )


def value_text(value, unit):
    """A bar's value as written beside it; ``unit`` is a suffix or a function of the value."""
    return decimal_comma(value) + (unit(value) if callable(unit) else unit)


def bar_chart(title, description, labels, values, unit="", target=None, target_label=""):
    """Horizontal bars, one row per label; ``target`` draws a dashed line at that value.

    ``unit`` follows each value: a text (" %") or a function of the value (for singular
    and plural). The longest bar leaves room for the longest value text.
    """
    number = next(_ids)
    title_id, desc_id = f"herne-chart-{number}-title", f"herne-chart-{number}-desc"
    values = [value or 0 for value in values]
    maximum = max([*values, target or 0, 1])
    texts = [value_text(value, unit) for value in values]
    longest = max((len(text) for text in texts), default=0)
    bar_area = WIDTH - max(VALUE_ROOM, round(longest * CHAR_WIDTH) + 12)
    rows = []
    y = TOP
    for label, value, text in zip(labels, values, texts, strict=True):
        lines = label_lines(label)
        bar = round(bar_area * value / maximum, 1)
        parts = [
            _text(0, y + (index + 1) * LINE_HEIGHT - 6, line) for index, line in enumerate(lines)
        ]
        bar_top = y + len(lines) * LINE_HEIGHT
        parts.append(
            f'<rect x="0" y="{bar_top}" width="{bar}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
        )
        parts.append(_text(bar + 6, bar_top + BAR_HEIGHT - 4, text))
        rows.append("".join(parts))
        y = bar_top + BAR_HEIGHT + ROW_GAP
    height = max(y, TOP + LINE_HEIGHT) + (TARGET_ROOM if target is not None else 0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="herne-chart" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        *rows,
    ]
    if target is not None:
        x = round(bar_area * target / maximum, 1)
        bottom = height - TARGET_ROOM
        half = len(target_label) * CHAR_WIDTH / 2
        # the label centred under the line, moved in where it would stick out
        label_x = min(max(x, half), WIDTH - half)
        parts.append(
            f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{bottom}" stroke="{TARGET_COLOUR}" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
            + _text(label_x, bottom + 20, target_label, TARGET_COLOUR, anchor="middle")
        )
    parts.append("</svg>")
    return "".join(parts)
