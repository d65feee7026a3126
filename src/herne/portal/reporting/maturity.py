"""The facts of a service and the OZG maturity level derived from them, never typed in by hand."""

from collective.easyform.interfaces import IEasyForm
from dataclasses import asdict
from dataclasses import dataclass
from functools import lru_cache
from herne.portal import _
from herne.portal.easyform.parsed_model import form_schema
from herne.portal.eid.trust import requires_eid
from herne.portal.payment.settings import payment_configured
from herne.portal.vocabularies.catalogue import ONLINE_APPLICABLE
from plone.namedfile.interfaces import INamedField
from plone.supermodel import loadString
from plone.supermodel.parser import SupermodelParseError
from zope.schema import getFieldsInOrder


#: Maturity levels in the spirit of the OZG maturity model (Reifegradmodell).
LEVEL_TITLES = {
    0: _("0 – Keine Information"),
    1: _("1 – Information online"),
    2: _("2 – Formular online, Vorsprache nötig"),
    3: _("3 – Online-Antrag mit Nachweisen und Statusverfolgung"),
    4: _("4 – Vollständig digital einschließlich Ergebnis"),
}

#: How a service can be applied for, as counted on the dashboard.
CATEGORY_TITLES = {
    "fully_online": _("Vollständig online"),
    "online_with_originals": _("Online, Originale vor Ort vorzeigen"),
    "on_site_only": _("Nur vor Ort"),
    "info_only": _("Nur Information"),
}


@dataclass(frozen=True)
class ServiceFacts:
    has_description: bool
    online_form: bool
    needs_originals: bool
    needs_eid: bool
    eid_available: bool
    uploads: bool
    status_tracking: bool
    fees: bool
    epayment: bool
    digital_result: bool


def application_form_of(service):
    """The service's application form (an EasyForm inside the service page), or None."""
    for item in service.objectValues():
        if IEasyForm.providedBy(item):
            return item
    return None


def _has_uploads(fields):
    return any(INamedField.providedBy(field) for _name, field in getFieldsInOrder(fields))


@lru_cache(maxsize=512)
def _model_has_uploads(model):
    """Whether a form model (its XML text) has a file field: parsed once per text and process.

    Every anonymous view of a service page and every listing's badge asks this; the
    answer depends on the text alone, so an editor's change of the fields is a new key.
    """
    try:
        return _has_uploads(loadString(model).schema)
    except SupermodelParseError:
        return None


def form_has_uploads(form):
    """Whether the citizen uploads files in the form."""
    model = getattr(form, "fields_model", None)
    if isinstance(model, str) and model.strip():
        found = _model_has_uploads(model)
        if found is not None:
            return found
    # no model of its own (easyform's default model) or one that does not parse
    return _has_uploads(form_schema(form))


def _has_text(value):
    raw = getattr(value, "raw", value)
    return bool((raw or "").strip()) if isinstance(raw, str) else bool(raw)


def facts_of(service, eid_available):
    """What the service page and its form say about how digital the service is."""
    form = application_form_of(service)
    online = service.online_availability in ONLINE_APPLICABLE and form is not None
    uploads = False
    if form is not None:
        uploads = form_has_uploads(form)
    return ServiceFacts(
        has_description=_has_text(service.Description()) or _has_text(service.prerequisites),
        online_form=online,
        needs_originals=bool(service.originals_in_person)
        or service.online_availability == "online_form_originals",
        needs_eid=requires_eid(service.trust_level),
        eid_available=eid_available,
        uploads=uploads,
        # Every application filed through the portal is followed in the Postkorb.
        status_tracking=online,
        fees=any(row.get("amount") for row in (service.fees or [])),
        # Paid online: the service's switch on and the payment service set up for its
        # department (control panel "E-Payment"); a service without fees needs none.
        epayment=payment_configured(service),
        digital_result=service.result_delivery == "download",
    )


def stored_facts(service):
    """The facts as catalog metadata (a plain dict); whether eID is offered is read when shown."""
    facts = asdict(facts_of(service, eid_available=False))
    del facts["eid_available"]
    return facts


def restored_facts(stored, eid_available):
    """The facts from catalog metadata written by ``stored_facts``."""
    return ServiceFacts(eid_available=eid_available, **stored)


def applicable_online(facts):
    """A form exists, and the log-in it needs is offered (eID where the service requires it)."""
    return facts.online_form and (facts.eid_available or not facts.needs_eid)


def maturity_level(facts):
    """0 nothing, 1 information, 2 form but a visit, 3 online with evidence and tracking, 4 all digital."""
    if not facts.has_description:
        return 0
    if not applicable_online(facts):
        return 1
    if facts.needs_originals:
        return 2
    if facts.digital_result and (not facts.fees or facts.epayment):
        return 4
    return 3


#: The badge citizens see on listings, search results and the service page: key -> (css, label).
BADGES = {
    "apply_online": ("online", _("Online beantragen")),
    "apply_online_originals": ("online", _("Online beantragen, Originale vor Ort zeigen")),
    "eid_login_pending": ("pending", _("Online mit Online-Ausweis – Anmeldung folgt")),
    "form_in_preparation": ("pending", _("Online-Antrag in Vorbereitung")),
    "on_site_only": ("on-site", _("Nur vor Ort")),
    "info_only": ("info", _("Information")),
}

#: The dashboard's category of each badge: what the citizen is told is what is counted.
BADGE_CATEGORIES = {
    "apply_online": "fully_online",
    "apply_online_originals": "online_with_originals",
    "eid_login_pending": "info_only",
    "form_in_preparation": "info_only",
    "on_site_only": "on_site_only",
    "info_only": "info_only",
}


def badge_of(online_availability, facts):
    """The one decision what a service's badge says; "Online beantragen" only where citizens can apply now."""
    if applicable_online(facts):
        return "apply_online_originals" if facts.needs_originals else "apply_online"
    if facts.online_form and facts.needs_eid:
        return "eid_login_pending"
    if online_availability in ONLINE_APPLICABLE:
        return "form_in_preparation"
    if online_availability == "on_site_only":
        return "on_site_only"
    return "info_only"


def category_of(service, facts):
    """Fully online, online with originals in person, only on site, or information only."""
    return BADGE_CATEGORIES[badge_of(service.online_availability, facts)]


def announced_without_form(service, facts):
    """Marked as online on the page, yet citizens cannot apply (no form, or no eID log-in)."""
    return service.online_availability in ONLINE_APPLICABLE and not applicable_online(facts)
