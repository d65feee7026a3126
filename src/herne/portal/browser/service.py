"""The service page citizens read: facts, call to action or what to bring on site."""

from AccessControl import getSecurityManager
from babel.numbers import format_currency
from herne.portal import _
from herne.portal.applications.retention import DELETE
from herne.portal.applications.retention import retention_of
from herne.portal.browser.booking_offices import bookable_offices
from herne.portal.browser.listing import badge
from herne.portal.browser.text import MultilineText
from herne.portal.eid.provider import eid_enabled
from herne.portal.eid.trust import requires_eid
from herne.portal.i18n import GERMAN
from herne.portal.i18n import direction
from herne.portal.languages import content_language
from herne.portal.languages import german_original
from herne.portal.languages import translations
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
    """Default view of a service page (German or a translation of it)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        # applications, bookings, forms and facts belong to the German page
        self.original = german_original(context)
        self.page_language = content_language(context)
        self._page = None

    def page(self):
        """Everything the template shows, looked up once per render.

        The template reads this dict with ``python:`` expressions: each path expression
        through a view or a content object costs a Zope traversal, and several of the
        answers (the office, its link, the availability) were asked more than once.
        Only what the template shows under the same conditions is looked up.
        """
        if self._page is None:
            self._page = self._collect_page()
        return self._page

    def _collect_page(self):
        availability = self.availability()
        badge = self.availability_badge()
        can_apply_online = self.can_apply_online()
        department = self.department()
        flyers = self.offers_flyers()
        page = {
            "availability": availability,
            "on_site_only": availability == "on_site_only",
            "badge": badge,
            "apply_now": badge["key"] in ("apply_online", "apply_online_originals"),
            "can_apply_online": can_apply_online,
            "notice": self.publication_blocked_notice(),
            "flyers_base": self.context.absolute_url() if flyers else None,
            "plain_lines": self.plain_language_lines(),
            "documents": self.documents(),
            "originals": self.originals(),
            "fees": self.fees(),
            "booking_url": self.booking_url(),
            "department": department,
            "office": self.office(department),
            "german_lang": self.german_lang,
            "german_dir": self.german_dir,
            "prerequisites": self.text("prerequisites"),
            "processing": self.text("processing_time"),
            "result_delivery_title": self.result_delivery_title(),
            "life_situations": self.life_situations(),
            "service_key": self.context.service_key,
        }
        if can_apply_online:
            needs_eid = self.needs_eid()
            page["needs_eid"] = needs_eid
            page["needs_login_only"] = self.needs_login() and not needs_eid
            page["form_url"] = self.application_form_url()
            page["retention_notice"] = self.retention_notice()
        if department is not None:
            page["department_link"] = self.department_link(department)
            phone = department.phone
            page["phone"] = phone
            page["phone_href"] = "tel:" + phone.replace(" ", "") if phone else None
            page["email"] = department.email
        for name in ("contact", "legal_basis"):
            text = self.text(name)
            page[name] = dict(text, lines=self.lines(text["value"]) if text["value"] else [])
        return page

    @property
    def german_lang(self):
        """``lang`` of a German part inside a translated page (None on German pages)."""
        return GERMAN if self.page_language != GERMAN else None

    @property
    def german_dir(self):
        return "ltr" if self.page_language != GERMAN else None

    def text(self, name):
        """A text field of the page; the German page's where the translation left it empty."""
        value = getattr(self.context, name, None)
        if value or self.original is self.context:
            return {"value": value, "lang": None, "dir": None, "source": self.context}
        value = getattr(self.original, name, None)
        return {
            "value": value,
            "lang": self.german_lang,
            "dir": self.german_dir,
            "source": self.original,
        }

    def department(self):
        department = self.context.department_object()
        if department is None:
            return None
        if not api.user.has_permission("View", obj=department):
            return None
        return department

    def department_link(self, department=None):
        """The responsible department's page in the page's language where translated, else German."""
        if department is None:
            department = self.department()
        translated = (
            None
            if self.page_language == GERMAN
            else translations(department).get(self.page_language)
        )
        if translated is None or not api.user.has_permission("View", obj=translated):
            return {
                "url": department.absolute_url(),
                "title": department.title,
                "lang": None,
                "dir": None,
            }
        return {
            "url": translated.absolute_url(),
            "title": translated.title,
            "lang": self.page_language,
            "dir": direction(self.page_language),
        }

    def availability(self):
        return self.context.online_availability

    def availability_badge(self):
        """The same badge the listings show, decided by ``reporting.maturity.badge_of``."""
        facts = facts_of(self.original, eid_enabled())
        return badge(badge_of(self.availability(), facts))

    def plain_language_lines(self):
        """The summary in Leichte Sprache, one sentence a line; empty when editors wrote none."""
        # Leichte Sprache is a German variant: the German page's summary on every translation
        return self.lines(getattr(self.original, "plain_language_summary", None))

    def can_apply_online(self):
        return self.context.can_apply_online

    def booking_url(self):
        """The page "Termin buchen" when the service has a visit length and an office taking bookings."""
        if not bookable_offices(self.original):
            return None
        return self.original.absolute_url() + "/@@termin-buchen"

    def is_on_site_only(self):
        return self.availability() == "on_site_only"

    def application_form_url(self):
        """URL of the online form inside this service page, if one is published."""
        forms = api.content.find(
            context=self.original,
            portal_type="EasyForm",
            depth=1,
            sort_on="getObjPositionInParent",
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

    def _document(self, row, lang=None):
        return {
            "lang": lang,
            "dir": "ltr" if lang else None,
            "name": row.get("name"),
            "note": row.get("note"),
            "provision": row.get("provision"),
            "provision_title": vocabulary_title(
                "herne.portal.DocumentProvision", row.get("provision")
            ),
        }

    def documents(self):
        rows = self.text("required_documents")
        return [self._document(row, rows["lang"]) for row in rows["value"] or []]

    def originals(self):
        """What to bring in person: the service's own rule, also behind the receipt."""
        rows = self.context.original_documents
        if not rows and self.original is not self.context:
            return [self._document(row, GERMAN) for row in self.original.original_documents]
        return [self._document(row) for row in rows]

    def fees(self):
        rows = self.text("fees")
        return [
            {
                "amount": format_euro(row["amount"]),
                "purpose": row.get("purpose"),
                "lang": rows["lang"],
                "dir": rows["dir"],
            }
            for row in rows["value"] or []
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
        # plone.api lists every permission of the site when the answer is no (every
        # anonymous view): ask the security manager alone
        return bool(
            getSecurityManager().checkPermission(
                "herne.portal: Download service flyers", self.context
            )
        )

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
