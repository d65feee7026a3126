"""One letter of an application as PDF, for the department's clerks only."""

from herne.portal.applications.letter_pdf import letters_pdf
from herne.portal.applications.letters import letters_of
from herne.portal.applications.worklist import CITY_ROLES
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zExceptions import Unauthorized


def pdf_response(response, data, filename, inline=False):
    """``data`` as a PDF download (``inline``: opened by the browser, to print at once)."""
    disposition = "inline" if inline else "attachment"
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader("Content-Disposition", f'{disposition}; filename="{filename}"')
    response.setHeader("X-Content-Type-Options", "nosniff")
    response.setHeader("Cache-Control", "private, no-store")
    response.setHeader("Content-Length", str(len(data)))
    return data


class LetterView(BrowserView):
    """``<application>/@@brief?id=…``: the letter as it is printed; printing is the Postausgang's."""

    def __call__(self):
        # The applicant gets the letter by post; only those who process the application see it here.
        # Also in a final state, where the clerks no longer process it: their role decides.
        roles = set(api.user.get_current().getRolesInContext(self.context))
        if api.user.is_anonymous() or not CITY_ROLES & roles:
            raise Unauthorized("Letters are for the department's clerks")
        wanted = self.request.form.get("id")
        letter = next((item for item in letters_of(self.context) if item["id"] == wanted), None)
        if letter is None or not isinstance(wanted, str):
            raise NotFound("letter")
        filename = f"Brief-{letter['reference']}-{letter['id']}.pdf"
        return pdf_response(self.request.response, letters_pdf([letter]), filename, inline=True)
