"""Accessible SVG bar charts: a title and a description for screen readers, values written out."""

from herne.portal.formats import decimal_comma
import itertools
from xml.sax.saxutils import escape


_ids = itertools.count(1)

#: Room for labels: about 7 px per character at 13 px, within these bounds.
MIN_LABEL_WIDTH = 120
MAX_LABEL_WIDTH = 520
CHAR_WIDTH = 7.2
BAR_AREA = 360
ROW_HEIGHT = 28
TOP = 10


def bar_chart(title, description, labels, values, unit="", target=None, target_label=""):
    """Horizontal bars, one row per label; ``target`` draws a dashed line at that value."""
    number = next(_ids)
    title_id, desc_id = f"herne-chart-{number}-title", f"herne-chart-{number}-desc"
    values = [value or 0 for value in values]
    maximum = max([*values, target or 0, 1])
    longest = max((len(str(label)) for label in labels), default=0)
    label_width = int(min(MAX_LABEL_WIDTH, max(MIN_LABEL_WIDTH, longest * CHAR_WIDTH + 16)))
    height = TOP * 2 + ROW_HEIGHT * max(len(labels), 1) + (20 if target is not None else 0)
    width = label_width + BAR_AREA + 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="herne-chart" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    for row, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = TOP + row * ROW_HEIGHT
        bar = round(BAR_AREA * value / maximum, 1)
        shown = decimal_comma(value) + unit
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" text-anchor="end" font-size="13" '
            f'fill="#1a1a1a">{escape(str(label))}</text>'
            f'<rect x="{label_width}" y="{y + 5}" width="{bar}" height="18" fill="#005b96"/>'
            f'<text x="{label_width + bar + 6}" y="{y + 18}" font-size="13" '
            f'fill="#1a1a1a">{escape(shown)}</text>'
        )
    if target is not None:
        x = label_width + round(BAR_AREA * target / maximum, 1)
        bottom = height - 20
        parts.append(
            f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{bottom}" stroke="#b00020" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{x}" y="{bottom + 15}" text-anchor="middle" font-size="12" '
            f'fill="#b00020">{escape(target_label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
