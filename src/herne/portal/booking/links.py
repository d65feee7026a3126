"""The addresses of a booking's pages, as the confirmation mail carries them: confirm, cancel, move, show."""

from plone import api
from urllib.parse import urlencode


#: Classic pages (site root) that show a booking and confirm or cancel it on a button's POST.
CONFIRM_PAGE = "termin-bestaetigen"
CANCEL_PAGE = "termin-absagen"
#: The page that moves a booking to another free time (the cancel token authorises it).
MOVE_PAGE = "termin-verschieben"
#: The page that shows a booking with its code as a QR code, for the counter (cancel token).
SHOW_PAGE = "termin-anzeigen"
#: The booking code as a QR image and the calendar file, behind the same token.
QR_IMAGE = "termin-qr.png"
CALENDAR_FILE = "termin.ics"


def link_query(office, booking, token):
    """The query that finds ``booking`` at ``office``, authorised by ``token`` (the only secret in it)."""
    return urlencode(
        {"amt": office.getId(), "zeit": booking["keys"][0], "code": booking["code"], "token": token}
    )


def page_url(page, office, booking, token):
    """``page`` for ``booking`` at ``office``, authorised by ``token``."""
    return f"{api.portal.get().absolute_url()}/@@{page}?{link_query(office, booking, token)}"
