"""Retention: closed applications anonymised or deleted after their service's period, stale drafts removed."""

from Acquisition import aq_base
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from herne.portal.applications.drafts import remove_stale_drafts
from herne.portal.applications.drafts import stale_drafts
from herne.portal.applications.processing import WORKFLOW_ID
from herne.portal.assist.leaving import end_lapsed_consents
from herne.portal.controlpanels.applications import application_setting
from herne.portal.fitconnect import state as fit_connect_delivery
from herne.portal.languages import german_only
from herne.portal.vocabularies.catalogue import ANONYMISE
from herne.portal.vocabularies.catalogue import DELETE
from herne.portal.workflow.application_table import FINAL_STATES
import logging
from persistent.list import PersistentList
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex


logger = logging.getLogger(__name__)

#: What an anonymised application keeps of its messages: when and in which state, not what.
KEPT_MESSAGE_KEYS = ("id", "time", "sender", "kind", "state")


def closed_time(application):
    """When the application reached the final state it is in now, from its workflow history."""
    history = (getattr(application, "workflow_history", None) or {}).get(WORKFLOW_ID, ())
    closed_at = None
    for entry in history:
        if entry.get("review_state") in FINAL_STATES:
            if closed_at is None:
                closed_at = entry.get("time")
        else:
            closed_at = None
    return closed_at


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(moment.year() * 12 + moment.month() - 1 - months, 12)
    month += 1
    days_in_month = (DateTime(year + (month == 12), month % 12 + 1, 1) - 1).day()
    day = min(moment.day(), days_in_month)
    return DateTime(
        year, month, day, moment.hour(), moment.minute(), moment.second(), moment.timezone()
    )


def retention_of(service):
    """(months, action) for applications of ``service`` (None: a service that no longer exists)."""
    months = getattr(service, "retention_months", None) if service is not None else None
    action = getattr(service, "retention_action", None) if service is not None else None
    if not months:
        months = application_setting("retention_months")
    if action not in (ANONYMISE, DELETE):
        action = application_setting("retention_action")
    return months, action


@dataclass
class RetentionReport:
    """What a retention run did (or, in a dry run, would do)."""

    started: str
    dry_run: bool
    anonymised: list = field(default_factory=list)
    deleted: list = field(default_factory=list)
    drafts_removed: list = field(default_factory=list)
    words_pruned: int = 0
    consents_ended: int = 0

    def as_dict(self):
        return asdict(self)

    def lines(self):
        verb = "would be" if self.dry_run else "were"
        yield (
            f"Retention run of {self.started}{' (dry run, nothing changed)' if self.dry_run else ''}:"
        )
        yield f"  {len(self.anonymised)} closed applications {verb} anonymised"
        for item in self.anonymised:
            yield f"    {item['reference_number']}  {item['service']}  closed {item['closed']}"
        yield f"  {len(self.deleted)} closed applications {verb} deleted"
        for item in self.deleted:
            yield f"    {item['reference_number']}  {item['service']}  closed {item['closed']}"
        yield f"  {len(self.drafts_removed)} stale drafts {verb} removed"
        for path in self.drafts_removed:
            yield f"    {path}"
        if not self.dry_run:
            yield f"  {self.words_pruned} words no longer used removed from the search index"
            yield f"  {self.consents_ended} consents of former helpers ended"


def due_applications(now=None):
    """(brain, action) of every closed application whose retention period is over.

    Applications already anonymised are not due again; applications of a service that
    was deleted follow the control panel's defaults.
    """
    now = now or DateTime()
    catalog = api.portal.get_tool("portal_catalog")
    common = {
        "portal_type": "Application",
        "review_state": list(FINAL_STATES),
        "anonymised": False,
    }
    known = []
    due = []
    for service_brain in catalog.unrestrictedSearchResults(portal_type="Service", **german_only()):
        uid = service_brain.UID
        known.append(uid)
        months, action = retention_of(service_brain._unrestrictedGetObject())
        cutoff = months_before(now, months)
        for brain in catalog.unrestrictedSearchResults(
            service_uid=uid, closed={"query": cutoff, "range": "max"}, **common
        ):
            due.append((brain, action))
    months, action = retention_of(None)
    cutoff = months_before(now, months)
    for brain in catalog.unrestrictedSearchResults(
        service_uid={"not": known} if known else None,
        closed={"query": cutoff, "range": "max"},
        **common,
    ):
        due.append((brain, action))
    return due


def anonymise(application):
    """Remove everything personal from a closed application and keep what the statistics need.

    Kept: reference number, service, department, state, dates and processing time, the
    names of the originals. Removed: the applicant's account and name, the submitted
    data, delivery and postal address, letters, uploaded files, the texts and files of all messages, the
    clerks' internal notes, the FIT-Connect receiver's texts, the comments in the workflow history and the applicant's
    access (owner, local roles, creator); for an application entered for someone, the
    claim code and who entered it (only in what capacity and with which consent stays).
    """
    applicant = application.applicant
    # The Digitallotse answered for the applicant: their account goes from the history too.
    private_actors = {applicant, application.entered_by} - {None, ""}
    application.applicant = ""
    # Entered for someone: the claim (with the birth date) and the helper's name go; how
    # it was entered stays for the statistics.
    application.claim = None
    if application.entry:
        application.entry = {
            key: application.entry.get(key) for key in ("capacity", "consent", "time")
        }
    if application.entered_by:
        application.manage_delLocalRoles([application.entered_by])
        application.entered_by = None
    application.applicant_name = None
    application.submitted_data = []
    fit_connect_delivery.anonymise(application)
    application.delivery_address = None
    application.postal_address = None
    application.letters = None
    application.draft_values = None
    application.submission_token = None
    application.messages = PersistentList(
        {key: message.get(key) for key in KEPT_MESSAGE_KEYS}
        for message in (application.messages or ())
        if message.get("kind") != "note"
    )
    history = application.workflow_history
    for workflow_id, entries in list(history.items()):
        history[workflow_id] = tuple(
            {
                **entry,
                "comments": "",
                "actor": None if entry.get("actor") in private_actors else entry.get("actor"),
            }
            for entry in entries
        )
    if application.objectIds():
        application.manage_delObjects(list(application.objectIds()))
    if applicant:
        application.manage_delLocalRoles([applicant])
    # The area's owner (the portal's), as for applications the city itself holds.
    application.changeOwnership(application.aq_parent.getOwner())
    application.anonymised = DateTime()
    application.reindexObjectSecurity()
    # Last, and straight into the catalog: reindexObject() would make the job's user a
    # creator and change the modification date.
    application.setCreators(())
    api.portal.get_tool("portal_catalog").catalog_object(application)


def prune_unused_words(catalog):
    """Remove words that no document uses any more from the catalog's lexicons.

    A ZCTextIndex lexicon keeps every word it ever saw, even after the last document
    with it was removed: without this, a deleted applicant's name stays in the catalog.
    """
    indexes_by_lexicon = {}
    for name in list(catalog._catalog.indexes.keys()):
        index = catalog._catalog.getIndex(name)  # in its catalog, to find its lexicon
        if isinstance(index, ZCTextIndex):
            lexicon = index.getLexicon()
            # one lexicon serves several indexes (Plone's: SearchableText, Title, Description)
            key = id(aq_base(lexicon))
            indexes_by_lexicon.setdefault(key, (lexicon, []))[1].append(index.index)
    pruned = 0
    for lexicon, indexes in indexes_by_lexicon.values():
        unused = [
            wid
            for wid in list(lexicon._words.keys())
            if not any(wid in index._wordinfo for index in indexes)
        ]
        for wid in unused:
            word = lexicon._words.pop(wid)
            if lexicon._wids.get(word) == wid:
                del lexicon._wids[word]
            lexicon.length.change(-1)
        pruned += len(unused)
    return pruned


def apply_retention(now=None, dry_run=False):
    """Anonymise or delete the closed applications that are due and remove stale drafts."""
    now = now or DateTime()
    report = RetentionReport(started=now.ISO8601(), dry_run=dry_run)
    catalog = api.portal.get_tool("portal_catalog")
    # A system job: it works on every department's applications, whoever runs it.
    with api.env.adopt_roles(["Manager"]):
        for brain, action in due_applications(now):
            application = brain._unrestrictedGetObject()
            item = {
                "reference_number": application.reference_number,
                "service": application.service_title,
                "closed": closed_time(application).ISO8601(),
                "path": brain.getPath(),
            }
            if action == DELETE:
                report.deleted.append(item)
                if not dry_run:
                    application.aq_parent.manage_delObjects([application.getId()])
            else:
                report.anonymised.append(item)
                if not dry_run:
                    anonymise(application)
        if dry_run:
            report.drafts_removed = [brain.getPath() for brain in stale_drafts(now=now)]
        else:
            report.drafts_removed = remove_stale_drafts(now=now)
            processQueue()  # the removals reach the catalog before its lexicon is pruned
            report.words_pruned = prune_unused_words(catalog)
            # a helper role taken away outside the user administration (ZMI, a script)
            # ends access at once; the consents and their history entries end here
            report.consents_ended = end_lapsed_consents()
    logger.info(
        "Retention%s: %d anonymised, %d deleted, %d stale drafts removed, %d words pruned",
        " (dry run)" if dry_run else "",
        len(report.anonymised),
        len(report.deleted),
        len(report.drafts_removed),
        report.words_pruned,
    )
    return report
