"""Requests refused before a page runs, answered in German: malformed input (400), a method a page does not take (405).

Zope checks typed values (``b_start:int=abc``) before it finds the site, so Plone's
error page cannot use the site's layout or language and falls back to an English page.
A DELETE or PUT on a page such as ``@@useractions`` fails in Zope's traversal with an
AttributeError, which Plone answered as a server error (500).
"""

from herne.portal import _
from herne.portal.i18n import in_request_language
import json
import logging
import os
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone import browser as plone_browser
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


logger = logging.getLogger("herne.portal.requests")

#: The methods every page and object takes; any other one may meet an object without it.
PAGE_METHODS = frozenset({"GET", "POST", "HEAD"})

BAD_REQUEST_TITLE = _("Die Anfrage ist fehlerhaft")
BAD_REQUEST_TEXT = _(
    "Die Adresse oder die gesendeten Angaben enthalten ungültige Werte. Bitte prüfen Sie "
    "Ihre Eingabe oder beginnen Sie neu auf der Startseite."
)
NOT_ALLOWED_TITLE = _("Diese Anfrage ist hier nicht möglich")
NOT_ALLOWED_TEXT = _(
    "Diese Seite lässt sich nur aufrufen, nicht ändern oder löschen. Bitte beginnen Sie "
    "neu auf der Startseite."
)


class PloneErrorPage(ExceptionView):
    """Plone's error page, for exceptions that are no refusal."""

    index = ViewPageTemplateFile(
        "templates/error_message.pt", _prefix=os.path.dirname(plone_browser.__file__)
    )


class RefusedRequestView(ExceptionView):
    """A German page (or JSON) with the refusal's status; no traceback for anyone."""

    status = 400
    title = BAD_REQUEST_TITLE
    text = BAD_REQUEST_TEXT
    standalone = ViewPageTemplateFile("templates/refused_request.pt")

    def __call__(self):
        request = self.request
        if IAPIRequest.providedBy(request):
            # plone.rest's JSON errors carry the services' own messages (field errors).
            view = ErrorHandling(self.context, request)
            view.__parent__ = self.__parent__
            return view()
        self.context = self.__parent__
        # Locked: plone.transformchain sets the status from the exception's class afterwards.
        request.response.setStatus(self.status, lock=True)
        title, text = in_request_language(self.title), in_request_language(self.text)
        if "text/html" not in request.getHeader("Accept", ""):
            request.response.setHeader("Content-Type", "application/json")
            return json.dumps(
                {"type": self.error_type(), "message": f"{title}. {text}"}, ensure_ascii=False
            )
        request.response.setHeader("Content-Type", "text/html;charset=utf-8")
        request.set("disable_border", True)
        request.set("disable_plone.leftcolumn", True)
        request.set("disable_plone.rightcolumn", True)
        try:
            # Inside the site: its layout.
            return self.index(title=title, text=text)
        except Exception:
            # Refused before the site was found: a plain page of its own.
            return self.standalone(title=title, text=text)

    def error_type(self):
        return "BadRequest"


class MethodNotAllowedView(RefusedRequestView):
    """An AttributeError while Zope looks for a DELETE, PUT or other method: 405."""

    status = 405
    title = NOT_ALLOWED_TITLE
    text = NOT_ALLOWED_TEXT

    def error_type(self):
        return "MethodNotAllowed"

    def __call__(self):
        method = self.request.get("REQUEST_METHOD", "GET").upper()
        if IAPIRequest.providedBy(self.request):
            return super().__call__()  # plone.rest's JSON error, as before
        if method in PAGE_METHODS:
            # A programming error, not a refusal: Plone's own error page (500).
            page = PloneErrorPage(self.context, self.request)
            page.__parent__ = self.__parent__
            return page()
        logger.info("%s refused on %s: %s", method, self.request.get("URL"), self.context)
        return super().__call__()
