"""How citizens recognise the real portal: the page @@echtes-serviceportal and the notice on forms."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from herne.portal import _
from herne.portal.browser.application_form import ApplicationFormView
from herne.portal.content.service import IService
from herne.portal.controlpanels.portal import official_url
from html import escape
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from urllib.parse import urlsplit
from zope.i18n import translate


PAGE_NAME = "echtes-serviceportal"


def official_domain(url=None):
    """The host name citizens compare in the address bar, e.g. ``www.herne.de``, or None."""
    url = url or official_url()
    if not url:
        return None
    return (urlsplit(url).hostname or "").lower() or None


def look_alikes(domain):
    """Made-up addresses that merely resemble ``domain``, to show what to watch out for."""
    labels = domain.split(".")
    # The name the city registered, e.g. "herne" in "www.herne.de".
    name = labels[-2] if len(labels) >= 2 else labels[0]
    examples = [
        f"{domain}.antrag-online.com",
        f"{domain.replace('.', '-')}.info",
    ]
    if name:
        doubled = domain.replace(name, name[0] + name, 1)
        examples.append(doubled)
    return [example for example in examples if example != domain]


class TrustedDomainView(BrowserView):
    """Where the real portal is and how to tell it from fakes."""

    def official_url(self):
        return official_url()

    def official_domain(self):
        return official_domain(self.official_url())

    def look_alikes(self):
        domain = self.official_domain()
        return look_alikes(domain) if domain else []


class TrustedDomainNotice(ViewletBase):
    """On the form of a service: the official domain, where alone to enter one's data."""

    def available(self):
        parent = aq_parent(aq_inner(self.context))
        return IService.providedBy(parent) and isinstance(self.view, ApplicationFormView)

    def update(self):
        super().update()
        self.domain = official_domain()

    def render(self):
        if not self.available():
            return ""
        return official_domain_notice(self.request, self.domain)


def official_domain_notice(request, domain=None):
    """The notice naming the official domain, where alone to enter one's data ("" without one)."""
    domain = domain or official_domain()
    if not domain:
        return ""
    text = translate(
        _(
            "Sie sind auf dem offiziellen Serviceportal der Stadt Herne: ${domain}. "
            "Geben Sie Ihre Daten nur hier ein.",
            mapping={"domain": "\x00"},
        ),
        context=request,
    )
    before, marker, after = text.partition("\x00")
    if not marker:  # a translation without ${domain}
        before, after = f"{text} ", ""
    link = translate(_("So erkennen Sie das echte Serviceportal"), context=request)
    href = f"{api.portal.get().absolute_url()}/@@{PAGE_NAME}"
    return (
        '<aside class="herne-trusted-domain alert alert-info" role="note">'
        f"<p>{escape(before)}<strong>{escape(domain)}</strong>{escape(after)} "
        f'<a href="{escape(href)}">{escape(link)}</a></p>'
        "</aside>"
    )
