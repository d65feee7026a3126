"""Download of the PDF confirmation of receipt; ``?drucken=1`` opens it in the browser to print it on the spot."""

from herne.portal.applications.detail import ApplicationDetail
from herne.portal.applications.receipt import receipt_pdf
from Products.Five.browser import BrowserView
from zExceptions import NotFound


class ReceiptView(BrowserView):
    def __call__(self):
        if not self.context.reference_number:
            # A draft has not been received yet.
            raise NotFound("receipt")
        data = receipt_pdf(self.context, claim_code=ApplicationDetail(self.context).claim_code())
        response = self.request.response
        filename = f"Eingangsbestaetigung-{self.context.reference_number}.pdf"
        disposition = "inline" if self.request.form.get("drucken") == "1" else "attachment"
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader("Content-Disposition", f'{disposition}; filename="{filename}"')
        response.setHeader("X-Content-Type-Options", "nosniff")
        response.setHeader("Content-Length", str(len(data)))
        return data
