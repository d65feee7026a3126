"""CSV downloads for spreadsheets: semicolons, UTF-8 with BOM, and no cell a spreadsheet runs as a formula."""

import csv
from herne.portal.formats import decimal_comma
import io


def spreadsheet_safe(value):
    """Text that a spreadsheet never runs as a formula; decimals with a comma, as German ones read."""
    if isinstance(value, float):
        return decimal_comma(value)
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_download(response, filename, header, rows):
    """Write ``header`` and ``rows`` as the CSV answer; returns the body."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    response.setHeader("Content-Type", "text/csv; charset=utf-8")
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    response.setHeader("X-Content-Type-Options", "nosniff")
    response.setHeader("Cache-Control", "private, no-store")
    return out.getvalue().encode("utf-8")
