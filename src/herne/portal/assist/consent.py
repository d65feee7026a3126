"""The applicant's consent to an application entered for them: a Vollmacht upload, or seen at the counter."""

from dataclasses import dataclass
from herne.portal import _
from herne.portal.applications.evidence import is_upload
from herne.portal.applications.evidence import upload_error
from herne.portal.assist.capacity import CLERK
from herne.portal.eid.trust import requires_eid


#: Form fields of "Für eine andere Person beantragen" (page and REST read the same names).
BEHALF_FIELD = "herne_fuer_andere"
CONSENT_FIELD = "herne_einwilligung"
DOCUMENT_FIELD = "herne_vollmacht"
ID_FIELD = "herne_ausweis"
BEHALF_FIELDS = (BEHALF_FIELD, CONSENT_FIELD, DOCUMENT_FIELD, ID_FIELD)

AUTHORISATION = "vollmacht"
IN_PERSON = "vor_ort"
CONSENT_KINDS = (
    (AUTHORISATION, _("Unterschriebene Vollmacht (hochladen)")),
    (IN_PERSON, _("Die Person war am Schalter anwesend und hat sich ausgewiesen")),
)
#: The kinds of identity document a clerk may have seen; never their numbers.
ID_KINDS = (
    ("personalausweis", _("Personalausweis")),
    ("reisepass", _("Reisepass")),
    ("aufenthaltstitel", _("Aufenthaltstitel")),
    ("ankunftsnachweis", _("Ankunftsnachweis")),
    ("reiseausweis", _("Reiseausweis für Flüchtlinge oder Ausländer")),
)
DOCUMENT_TITLE = _("Vollmacht")

CHOOSE_CONSENT = _(
    "Bitte geben Sie an, wie die antragstellende Person eingewilligt hat: mit einer "
    "unterschriebenen Vollmacht oder persönlich am Schalter."
)
CLERKS_ONLY = _(
    "Dass die Person anwesend war und sich ausgewiesen hat, kann nur die Sachbearbeitung am "
    "Schalter bestätigen. Bitte laden Sie die unterschriebene Vollmacht hoch."
)
DOCUMENT_MISSING = _("Bitte laden Sie die unterschriebene Vollmacht hoch (PDF, JPEG oder PNG).")
CHOOSE_ID = _("Bitte wählen Sie, welchen Ausweis die Person vorgelegt hat.")
IN_PERSON_ONLY = _(
    "Diese Leistung verlangt einen sicheren Identitätsnachweis: Für eine andere Person kann "
    "sie nur am Schalter beantragt werden, während die Person anwesend ist und sich ausweist."
)


@dataclass(frozen=True)
class Consent:
    """How the applicant consented: ``kind``, the ID seen (at the counter) or the Vollmacht file."""

    kind: str
    id_kind: str = None
    document: object = None


def consent_kinds_for(capacity):
    """The consents ``capacity`` may record: a helper only the Vollmacht, a clerk both."""
    return [kind for kind in CONSENT_KINDS if capacity.kind == CLERK or kind[0] == AUTHORISATION]


def id_kinds_for(capacity):
    """The kinds of ID ``capacity`` may confirm having seen: none for a helper."""
    return list(ID_KINDS) if capacity.kind == CLERK else []


def id_kind_title(id_kind):
    return dict(ID_KINDS).get(id_kind)


def check_consent(capacity, service, values):
    """``(Consent, {})`` for the behalf fields in ``values``, or ``(None, German errors by field)``."""
    kind = values.get(CONSENT_FIELD)
    if kind not in dict(CONSENT_KINDS):
        return None, {CONSENT_FIELD: CHOOSE_CONSENT}
    if kind == IN_PERSON:
        if capacity.kind != CLERK:
            return None, {CONSENT_FIELD: CLERKS_ONLY}
        id_kind = values.get(ID_FIELD)
        if id_kind not in dict(ID_KINDS):
            return None, {ID_FIELD: CHOOSE_ID}
        return Consent(IN_PERSON, id_kind=id_kind), {}
    if requires_eid(service.trust_level):
        return None, {CONSENT_FIELD: IN_PERSON_ONLY}
    document = values.get(DOCUMENT_FIELD)
    if not is_upload(document):
        return None, {DOCUMENT_FIELD: DOCUMENT_MISSING}
    message = upload_error(document)
    if message is not None:
        return None, {DOCUMENT_FIELD: message}
    return Consent(AUTHORISATION, document=document), {}
