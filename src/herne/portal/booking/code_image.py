"""The booking code as a QR image: only the code, which the counter's scanner types into the day list."""

from io import BytesIO
import segno


#: Four modules of white around the code, as the QR standard asks for.
QUIET_ZONE = 4


def code_png(code, scale=8):
    """PNG bytes of a QR code holding nothing but ``code``."""
    buffer = BytesIO()
    segno.make(code, error="m", micro=False).save(
        buffer, kind="png", scale=scale, border=QUIET_ZONE
    )
    return buffer.getvalue()
