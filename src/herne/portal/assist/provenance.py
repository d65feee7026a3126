"""Who entered an application for the applicant, and in what capacity, as a record and as text (German or the reader's)."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.consent import IN_PERSON
from herne.portal.assist.consent import id_kind_title
from herne.portal.formats import german_date
from herne.portal.i18n import GERMAN
from herne.portal.i18n import answer_language
from herne.portal.i18n import in_language
from zope.globalrequest import getRequest


def entry_record(capacity, consent):
    """What the application keeps of its entry (no ID number, ever)."""
    return {
        "userid": capacity.userid,
        "name": capacity.name,
        "capacity": capacity.kind,
        "organisation": capacity.organisation,
        "consent": consent.kind,
        "id_kind": consent.id_kind,
        "time": DateTime(),
    }


def consent_how(kind, id_kind=None, language=GERMAN):
    """ "mit Vollmacht" or "Ausweis vorgelegt (Personalausweis)": how the applicant consented."""
    if kind == IN_PERSON:
        return _(
            "Ausweis vorgelegt (${kind})",
            mapping={"kind": in_language(id_kind_title(id_kind) or "", language)},
        )
    return _("mit Vollmacht")


def provenance_text(entry, language=GERMAN):
    """ "Erfasst von Digitallotse X, Seniorentreff Wanne-Süd, mit Vollmacht" and the like in
    ``language`` (the department reads German); "" without."""

    def text(message):
        return in_language(message, language)

    if not entry:
        return ""
    if not entry.get("name"):  # anonymised by retention: only how it was entered is left
        if entry.get("capacity") == HELPER:
            return text(_("Von einer Digitallotsin oder einem Digitallotsen erfasst"))
        return text(_("Am Schalter erfasst"))
    how = consent_how(entry["consent"], entry.get("id_kind"), language)
    if entry.get("consent_withdrawn"):
        how = _(
            "${how}, Einwilligung widerrufen am ${date}",
            mapping={"how": text(how), "date": german_date(entry["consent_withdrawn"])},
        )
    elif entry.get("consent_renewed"):
        how = _(
            "${how}, Einwilligung erneuert am ${date}",
            mapping={"how": text(how), "date": german_date(entry["consent_renewed"])},
        )
    if entry["capacity"] == HELPER:
        entered = _(
            "Erfasst von Digitallotse ${name}, ${organisation}, ${how}",
            mapping={
                "name": entry["name"],
                "organisation": entry["organisation"],
                "how": text(how),
            },
        )
    else:
        entered = _(
            "Am Schalter erfasst von ${name}, ${how}",
            mapping={"name": entry["name"], "how": text(how)},
        )
    return text(entered)


def provenance_json(application):
    """The entry as the REST API gives it, or None for an application its applicant made."""
    entry = application.entry
    if not entry:
        return None
    return {
        "text": provenance_text(entry, answer_language(getRequest())),
        "capacity": entry.get("capacity"),
        "name": entry.get("name"),
        "organisation": entry.get("organisation"),
        "consent": entry.get("consent"),
        "id_kind": entry.get("id_kind"),
        "consent_withdrawn": bool(entry.get("consent_withdrawn")),
        "consent_renewed": bool(entry.get("consent_renewed")),
    }
