"""The addresses of a booking's confirm and cancel pages, as the confirmation mail carries them."""

from plone import api
from urllib.parse import urlencode


#: Classic pages (site root) that show a booking and confirm or cancel it on a button's POST.
CONFIRM_PAGE = "termin-bestaetigen"
CANCEL_PAGE = "termin-absagen"


def page_url(page, office, booking, token):
    """``page`` for ``booking`` at ``office``, authorised by ``token`` (the only secret in it)."""
    query = urlencode(
        {"amt": office.getId(), "zeit": booking["keys"][0], "code": booking["code"], "token": token}
    )
    return f"{api.portal.get().absolute_url()}/@@{page}?{query}"
