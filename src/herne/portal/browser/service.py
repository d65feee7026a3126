"""The service page citizens read: facts, call to action or what to bring on site."""

from babel.numbers import format_currency
from herne.portal import _
from herne.portal.applications.retention import DELETE
from herne.portal.applications.retention import retention_of
from herne.portal.browser.booking_offices import bookable_offices
from herne.portal.browser.listing import badge
from herne.portal.browser.text import MultilineText
from herne.portal.eid.provider import eid_enabled
from herne.portal.eid.trust import requires_eid
from herne.portal.reporting.maturity import badge_of
from herne.portal.reporting.maturity import facts_of
from herne.portal.workflow.catalogue import has_department
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def vocabulary_title(name, value, context=None):
    """The display title of a value in one of our named vocabularies."""
    vocabulary = getUtility(IVocabularyFactory, name)(context)
    if value in vocabulary:
        return vocabulary.getTerm(value).title
    return value


def format_euro(amount):
    return format_currency(amount, "EUR", locale="de_DE")


class ServiceView(MultilineText, BrowserView):
    """Default view of a service page."""

    def department(self):
        department = self.context.department_object()
        if department is None:
            return None
        if not api.user.has_permission("View", obj=department):
            return None
        return department

    def availability(self):
        return self.context.online_availability

    def availability_badge(self):
        """The same badge the listings show, decided by ``reporting.maturity.badge_of``."""
        facts = facts_of(self.context, eid_enabled())
        return badge(badge_of(self.availability(), facts))

    def plain_language_lines(self):
        """The summary in Leichte Sprache, one sentence a line; empty when editors wrote none."""
        return self.lines(getattr(self.context, "plain_language_summary", None))

    def can_apply_online(self):
        return self.context.can_apply_online

    def booking_url(self):
        """The page "Termin buchen" when the service has a visit length and an office taking bookings."""
        if not bookable_offices(self.context):
            return None
        return self.context.absolute_url() + "/@@termin-buchen"

    def is_on_site_only(self):
        return self.availability() == "on_site_only"

    def application_form_url(self):
        """URL of the online form inside this service page, if one is published."""
        forms = api.content.find(
            context=self.context, portal_type="EasyForm", depth=1, sort_on="getObjPositionInParent"
        )
        return forms[0].getURL() if forms else None

    def trust_level_title(self):
        return vocabulary_title("herne.portal.TrustLevels", self.context.trust_level)

    def needs_login(self):
        return self.context.trust_level != "none"

    def needs_eid(self):
        return requires_eid(self.context.trust_level)

    def result_delivery_title(self):
        return vocabulary_title("herne.portal.ResultDelivery", self.context.result_delivery)

    def _document(self, row):
        return {
            "name": row.get("name"),
            "note": row.get("note"),
            "provision": row.get("provision"),
            "provision_title": vocabulary_title(
                "herne.portal.DocumentProvision", row.get("provision")
            ),
        }

    def documents(self):
        return [self._document(row) for row in self.context.required_documents or []]

    def originals(self):
        """What to bring in person: the service's own rule, also behind the receipt."""
        return [self._document(row) for row in self.context.original_documents]

    def fees(self):
        return [
            {"amount": format_euro(row["amount"]), "purpose": row.get("purpose")}
            for row in self.context.fees or []
        ]

    def life_situations(self):
        portal_url = api.portal.get().absolute_url()
        return [
            {
                "title": vocabulary_title("herne.portal.LifeSituations", key),
                "url": f"{portal_url}/@@lebenslagen?lage={key}",
            }
            for key in self.context.life_situations or []
        ]

    def retention_notice(self):
        """How long an application is kept after it is closed, and what happens then."""
        months, action = retention_of(self.context)
        if months % 12 == 0:
            years = months // 12
            period = _("ein Jahr") if years == 1 else _("${years} Jahre", mapping={"years": years})
        else:
            period = (
                _("einen Monat")
                if months == 1
                else _("${months} Monate", mapping={"months": months})
            )
        period = translate(period, context=self.request)
        if action == DELETE:
            return _(
                "Ihr Antrag wird nach seinem Abschluss ${period} aufbewahrt und danach mit allen "
                "Angaben und Dateien gelöscht.",
                mapping={"period": period},
            )
        return _(
            "Ihr Antrag wird nach seinem Abschluss ${period} aufbewahrt. Danach werden Ihre "
            "Angaben, Dateien und Nachrichten gelöscht; für die Statistik bleibt nur erhalten, "
            "dass es den Antrag gab.",
            mapping={"period": period},
        )

    def offers_flyers(self):
        """Editors and reviewers of the service get its QR code and flyers."""
        return api.user.has_permission("herne.portal: Download service flyers", obj=self.context)

    def publication_blocked_notice(self):
        """Editors learn why the publish button is missing."""
        if has_department(self.context):
            return None
        if not api.user.has_permission("Modify portal content", obj=self.context):
            return None
        return _(
            "Diese Leistung kann erst veröffentlicht werden, wenn eine zuständige "
            "Organisationseinheit eingetragen ist."
        )
