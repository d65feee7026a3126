"""One application delivered to its FIT-Connect destination: announce, upload encrypted, submit; resumable.

The submission's ids are committed on the application before anything is uploaded, so a
delivery interrupted at any step resumes the same submission instead of announcing a new
one; a resumed delivery first reads the case's event log, so a submission that was
handed over already (the answer got lost) is never submitted again.
"""

import hashlib
from herne.portal import _
from herne.portal.conflicts.own_transaction import go_on_after_commit
from herne.portal.fitconnect import security_events
from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.dataset import data_set
from herne.portal.fitconnect.dataset import form_json_schema
from herne.portal.fitconnect.dataset import service_identifier
from herne.portal.fitconnect.encryption import encrypt
from herne.portal.fitconnect.errors import Refused
from herne.portal.fitconnect.errors import Unreachable
from herne.portal.fitconnect.keys import encryption_key
from herne.portal.fitconnect.settings import client as settings_client
from herne.portal.fitconnect.settings import trusted_roots
from herne.portal.i18n import in_german
import json
import logging
from plone import api
import transaction
import uuid
from ZODB.POSException import ConflictError


logger = logging.getLogger("herne.portal.fitconnect")

METADATA_SCHEMA = "https://schema.fitko.de/fit-connect/metadata/1.2.0/metadata.schema.json"
SERVICE_GONE = _("Die Leistung des Antrags gibt es nicht mehr.")
NOT_OFFERED = _("Der Zustellpunkt nimmt diese Leistung nicht an (Leistungsschlüssel prüfen).")
INACTIVE = _("Der Zustellpunkt ist nicht aktiv.")
BUSY = _("Der Antrag wurde gerade bearbeitet; die Zustellung wird wiederholt.")


def sha512(content):
    return {"type": "sha512", "content": hashlib.sha512(content).hexdigest()}


def _unrestricted(uid):
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def _manager(application):
    """The transaction manager of the connection that loaded ``application`` (the worker has its own)."""
    jar = getattr(application, "_p_jar", None)
    return getattr(jar, "transaction_manager", None) or transaction.manager


def _save(application, also=None, **values):
    """Store the delivery state and commit it now (the next step must find it after a crash).

    ``also`` is called before the commit, so that what it writes is committed with the state.
    """
    manager = _manager(application)
    for attempt in (1, 2):
        states.update(application, **values)
        if also is not None:
            also()
        try:
            manager.commit()
            go_on_after_commit(manager)
            return
        except ConflictError as error:
            manager.abort()
            go_on_after_commit(manager)
            if attempt == 2:
                raise Unreachable(in_german(BUSY)) from error


def evidence_files(application):
    """The application's files, in a stable order."""
    return sorted(
        (item for item in application.objectValues() if item.portal_type == "ApplicationFile"),
        key=lambda item: item.getId(),
    )


def deliver(application, destination_id, client=None, also=None):
    """Deliver ``application`` to ``destination_id``; returns the ids (no personal data).

    ``also`` is called in the transaction that records the submission as handed over.
    Raises Unreachable (try again later) or Refused / KeyRejected (give up and tell the
    administrator); a refused delivery is recorded on the application for the clerk.
    """
    try:
        return _deliver(application, destination_id, client, also)
    except Refused as error:
        _save(application, status=states.FAILED, error=str(error))
        raise


def _deliver(application, destination_id, client, also):
    previous = states.delivery_state(application)
    if previous is not None and previous.get("status") in (
        states.SUBMITTED,
        states.ACCEPTED,
        states.REJECTED,
    ):
        return _result(previous)
    client = client or settings_client()
    service = _unrestricted(application.service_uid)
    if service is None:
        raise Refused(in_german(SERVICE_GONE))
    identifier = service_identifier(service)
    schema = form_json_schema(service)
    destination = client.destination(destination_id)
    if destination.get("status", "active") != "active":
        raise Refused(in_german(INACTIVE))
    if identifier not in {item.get("identifier") for item in destination.get("services") or ()}:
        raise Refused(in_german(NOT_OFFERED))
    # The key and its certificate chain are checked before anything leaves: a bad key, an
    # untrusted or revoked certificate stops the delivery here.
    key = encryption_key(
        client.destination_key(destination_id, destination.get("encryptionKid")),
        roots=trusted_roots(),
    )

    files = evidence_files(application)
    resumed = bool(previous and previous.get("submission_id"))
    if not resumed:
        attachment_ids = {item.getId(): str(uuid.uuid4()) for item in files}
        announced = client.announce(
            destination_id, identifier, service.title, list(attachment_ids.values())
        )
        _save(
            application,
            status=states.ANNOUNCED,
            destination_id=destination_id,
            submission_id=announced["submissionId"],
            case_id=announced["caseId"],
            attachments=sorted(attachment_ids.items()),
            problems=[],
            error="",
        )
    current = states.delivery_state(application)
    submission_id, case_id = current["submission_id"], current["case_id"]
    if resumed and _already_submitted(client, case_id, submission_id):
        _save(application, also, status=states.SUBMITTED, error="")
        return _result(current)

    by_id = {item.getId(): item for item in files}
    described = []
    hashes = []
    for file_id, attachment_id in current["attachments"]:
        item = by_id.get(file_id)
        if item is None:
            raise Refused(in_german(_("Eine angekündigte Anlage fehlt am Antrag.")))
        content = item.file.data
        mime = item.file.contentType or "application/octet-stream"
        client.upload_attachment(submission_id, attachment_id, encrypt(content, key, mime))
        hashes.append(
            {
                "attachmentId": attachment_id,
                "hash": sha512(content),
                "purpose": "attachment",
                "filename": item.file.filename or file_id,
                "mimeType": mime,
            }
        )
        described.append(
            {
                "attachmentId": attachment_id,
                "field": item.field_name or "",
                "title": item.field_title or "",
                "filename": item.file.filename or file_id,
                "mimeType": mime,
            }
        )
    data = json.dumps(
        {
            "$schema": schema["$id"],
            **data_set(application, service, service.department_object(), described),
        },
        ensure_ascii=False,
    ).encode("utf-8")
    metadata = {
        "$schema": METADATA_SCHEMA,
        "contentStructure": {
            "data": {
                "hash": sha512(data),
                "submissionSchema": {"schemaUri": schema["$id"], "mimeType": "application/json"},
            },
            "attachments": hashes,
        },
        "publicServiceType": {"identifier": identifier, "name": service.title},
    }
    client.submit(
        submission_id,
        encrypt(json.dumps(metadata).encode("utf-8"), key, "application/json"),
        encrypt(data, key, "application/json"),
    )
    _save(application, also, status=states.SUBMITTED, error="")
    logger.info("delivered %s as submission %s", application.reference_number, submission_id)
    return _result(current)


def _already_submitted(client, case_id, submission_id):
    keys = security_events.signing_keys(client.signing_keys())
    claims = [security_events.verify(token, keys) for token in client.event_log(case_id)]
    event, _details = security_events.outcome(claims, submission_id)
    return event is not None


def _result(current):
    return {
        "destinationId": current.get("destination_id", ""),
        "submissionId": current.get("submission_id", ""),
        "caseId": current.get("case_id", ""),
    }
