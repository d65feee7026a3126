"""The Postkorb's "Annehmen" / "Ablehnen" of an application someone else entered for the caller."""

from herne.portal.assist.offer import ACCEPT
from herne.portal.assist.offer import ACCEPTED
from herne.portal.assist.offer import DECLINED
from herne.portal.assist.offer import decide
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
import transaction
from zExceptions import Unauthorized


class OfferDecisionView(BrowserView):
    """``@@antrag-angebot``: a POST from the Postkorb with the offer's id and the decision."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("antrag-angebot")
        postkorb = f"{api.portal.get().absolute_url()}/@@postkorb"
        if self.request.method != "POST":
            return self.request.response.redirect(postkorb)
        CheckAuthenticator(self.request)
        form = self.request.form
        decision = form.get("entscheidung")
        application, errors = decide(form.get("id"), decision)
        messages = IStatusMessage(self.request)
        if errors:
            transaction.doom()
            for message in errors.values():
                messages.add(message, type="error")
            self.request.response.setStatus(303)
            return self.request.response.redirect(postkorb, status=303)
        if decision == ACCEPT:
            messages.add(ACCEPTED, type="info")
            return self.request.response.redirect(application.absolute_url(), status=303)
        messages.add(DECLINED, type="info")
        return self.request.response.redirect(postkorb, status=303)
