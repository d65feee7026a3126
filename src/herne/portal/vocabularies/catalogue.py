"""Vocabularies that describe a service: life situations, delivery, trust level, availability, retention."""

from herne.portal import _
from herne.portal.languages import german_only
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value=key, token=key, title=title) for key, title in items])


LIFE_SITUATIONS = (
    ("moving_housing", _("Umzug und Wohnen")),
    ("family_children", _("Familie und Kinder")),
    ("marriage_partnership", _("Heirat und Partnerschaft")),
    ("pets_animals", _("Tiere und Haustiere")),
    ("mobility_traffic", _("Auto und Verkehr")),
    ("identity_documents", _("Ausweise und Dokumente")),
    ("social_benefits", _("Soziale Leistungen")),
    ("retirement_age", _("Rente und Alter")),
    ("work_business", _("Arbeit und Gewerbe")),
    ("building_property", _("Bauen und Grundstücke")),
    ("taxes_fees", _("Steuern und Abgaben")),
    ("death_burial", _("Todesfall und Bestattung")),
    ("health", _("Gesundheit")),
    ("school_education", _("Schule und Bildung")),
    ("environment_waste", _("Umwelt und Abfall")),
    ("leisure_culture", _("Freizeit, Sport und Kultur")),
)

RESULT_DELIVERY = (
    ("post", _("Zusendung per Post")),
    ("pickup", _("Persönliche Abholung")),
    ("download", _("Digital zum Herunterladen")),
)

TRUST_LEVELS = (
    ("none", _("Keine Anmeldung nötig")),
    ("basic", _("Niedrig (Benutzerkonto)")),
    ("substantial", _("Substanziell (eID)")),
    ("high", _("Hoch (eID mit Online-Ausweis)")),
)

ONLINE_AVAILABILITY = (
    ("info_only", _("Nur Information")),
    ("online_form", _("Online-Antrag")),
    ("online_form_originals", _("Online-Antrag, Originale vor Ort vorzeigen")),
    ("on_site_only", _("Nicht online: nur vor Ort mit Termin")),
)

#: A required document shown as an original in person.
ORIGINAL = "original"

DOCUMENT_PROVISION = (
    ("upload", _("Hochladen")),
    (ORIGINAL, _("Original vor Ort vorzeigen")),
    ("none", _("Nichts einzureichen")),
)

#: What happens to a closed application when its retention period is over.
ANONYMISE = "anonymise"
DELETE = "delete"

RETENTION_ACTIONS = (
    (ANONYMISE, _("Anonymisieren (für die Statistik ohne personenbezogene Daten behalten)")),
    (DELETE, _("Vollständig löschen")),
)

#: Availability values under which a citizen can apply online.
ONLINE_APPLICABLE = frozenset({"online_form", "online_form_originals"})


@provider(IVocabularyFactory)
def life_situations(context=None):
    return _vocabulary(LIFE_SITUATIONS)


@provider(IVocabularyFactory)
def result_delivery(context=None):
    return _vocabulary(RESULT_DELIVERY)


@provider(IVocabularyFactory)
def trust_levels(context=None):
    return _vocabulary(TRUST_LEVELS)


@provider(IVocabularyFactory)
def online_availability(context=None):
    return _vocabulary(ONLINE_AVAILABILITY)


@provider(IVocabularyFactory)
def document_provision(context=None):
    return _vocabulary(DOCUMENT_PROVISION)


@provider(IVocabularyFactory)
def retention_actions(context=None):
    return _vocabulary(RETENTION_ACTIONS)


@provider(IVocabularyFactory)
def departments(context=None):
    """The departments a service can be assigned to; queried anew on every use."""
    return StaticCatalogVocabulary(
        {"portal_type": ["Department"], "sort_on": "sortable_title", **german_only()}
    )


@provider(IVocabularyFactory)
def services(context=None):
    """The published services, by title; their UIDs are stored (e.g. the front page's choice)."""
    return StaticCatalogVocabulary(
        {
            "portal_type": ["Service"],
            "review_state": "published",
            "sort_on": "sortable_title",
            **german_only(),
        },
        title_template="{brain.Title}",
    )
