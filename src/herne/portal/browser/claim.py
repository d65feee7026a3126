"""The page "Antrag zuordnen": a logged-in citizen attaches an application entered for them to their account."""

from herne.portal import _
from herne.portal.assist.claim import claim_application
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized


FIELDS = ("code", "reference_number", "birth_date")


class ClaimView(BrowserView):
    """``@@antrag-zuordnen``: code, reference number and birth date from the receipt."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("antrag-zuordnen")  # Plone shows the log-in form
        self.errors = {}
        form = self.request.form
        self.values = {
            name: form.get(name) if isinstance(form.get(name), str) else "" for name in FIELDS
        }
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            application, self.errors = claim_application(*(self.values[name] for name in FIELDS))
            if not self.errors:
                IStatusMessage(self.request).add(
                    _(
                        "Der Antrag ${reference} ist jetzt Ihrem Konto zugeordnet und in Ihrem Postkorb.",
                        mapping={"reference": application.reference_number},
                    ),
                    type="info",
                )
                return self.request.response.redirect(application.absolute_url())
            # The failed try is kept (it counts towards the lock): the page answers normally.
            self.request.response.setStatus(400)
        return self.index()

    def error(self, name):
        return self.errors.get(name)
