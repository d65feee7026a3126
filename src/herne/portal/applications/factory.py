"""Turn a valid form submission into an application owned by the citizen."""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from DateTime import DateTime
from herne.portal.applications.areas import application_root
from herne.portal.applications.areas import area_for_department
from herne.portal.applications.reference import next_reference_number
from herne.portal.assist.provenance import provenance_text
from herne.portal.payment.idempotency import remembered_or
from herne.portal.payment.opened_payments import kept
from plone import api
from plone.namedfile.file import NamedBlobFile
import secrets


def random_application_id():
    # Unguessable, so that nobody can walk the applications by counting.
    return f"antrag-{secrets.token_hex(8)}"


def new_application_id(userid="", submission_token=None):
    """A new application's id; the same again when Zope retries the request after a write conflict.

    The form's one-time token identifies the request across its retries; a payment opened
    by the first attempt names the id in its return address.
    """
    if not submission_token:
        return random_application_id()
    key = application_id_key(userid, submission_token)
    # A payment opened by an attempt killed before its commit, on any instance, kept the id.
    return remembered_or(key, lambda: kept(api.portal.get(), key) or random_application_id())


def application_id_key(userid, submission_token):
    """The key under which the id of the application filed with ``submission_token`` is remembered."""
    caller = api.user.get_current().getId() or ""
    return ("application-id", caller, userid or "", submission_token)


def store_file(application, name, title, value):
    """Keep ``value`` as a child of the application; returns the new file's id."""
    # The form already streamed the upload into a blob; small non-blob files are copied.
    blob = (
        value
        if isinstance(value, NamedBlobFile)
        else NamedBlobFile(data=value.data, contentType=value.contentType, filename=value.filename)
    )
    item = api.content.create(
        container=application,
        type="ApplicationFile",
        id=f"{name}-{secrets.token_hex(4)}",
        title=value.filename or title,
        safe_id=False,
        field_name=name,
        field_title=title,
        file=blob,
    )
    keep_no_roles_of_its_own(item)
    return item.getId()


def keep_no_roles_of_its_own(item):
    """The file is read through its application's roles only.

    Whoever uploaded it (a Digitallotse, a clerk) would otherwise keep the Owner role on
    it after the claim, the withdrawal of the consent, a hand-over or the closing.
    """
    principals = [principal for principal, _roles in item.get_local_roles()]
    if principals:
        item.manage_delLocalRoles(principals)
        item.reindexObjectSecurity()


def keep_file(application, name, title, value):
    """Keep ``value`` for the form field ``name``: a draft's file kept as it is, or replaced."""
    earlier = [
        item
        for item in application.contentValues()
        if item.portal_type == "ApplicationFile" and item.field_name == name
    ]
    if any(item.file is value for item in earlier):
        return  # the file the draft kept, submitted unchanged
    if earlier:
        application.manage_delObjects([item.getId() for item in earlier])
    store_file(application, name, title, value)


def give_to(application, userid):
    """The citizen becomes the only owner of their application (and the only one with a local role)."""
    application.changeOwnership(user_object(userid))
    for principal, _roles in application.get_local_roles():
        if principal != userid:
            application.manage_delLocalRoles([principal])
    application.manage_setLocalRoles(userid, ["Owner"])
    application.creators = (userid,)


def user_object(userid):
    """The user ``userid`` as the site's user folder gives it: the one logged in, or looked up.

    Mostly the citizen submits their own application: then the user of the request is it,
    and the user folder's plugins need not be asked again (a third of a millisecond).
    """
    current = getSecurityManager().getUser()
    if current.getId() == userid and _site_user_folder_of(current):
        return current
    user = api.user.get(userid=userid)
    return user.getUser() if hasattr(user, "getUser") else user


def _site_user_folder_of(user):
    """Whether ``user`` comes from the site's own user folder (not Zope's root folder)."""
    return aq_base(aq_parent(aq_inner(user))) is aq_base(api.portal.get_tool("acl_users"))


def give_to_nobody_yet(application, entered_by, entered_role):
    """An application entered for someone without an account: nobody owns it until it is claimed.

    Only the helper who entered it gets ``entered_role`` (None for the city's own clerks).
    """
    for principal, _roles in application.get_local_roles():
        application.manage_delLocalRoles([principal])
    # The area's owner (the portal's), as for applications the city itself holds.
    application.changeOwnership(application.aq_parent.getOwner())
    application.creators = ()
    if entered_role:
        application.manage_setLocalRoles(entered_by, [entered_role])


def create_application(
    service,
    userid,
    applicant_name,
    rows,
    uploads,
    consent_time,
    delivery_method,
    delivery_address,
    submission_token=None,
    submit=True,
    draft_values=None,
    draft=None,
    removed_files=(),
    entry=None,
    entered_role=None,
    contact_method=None,
    postal_address=None,
    language=None,
):
    """Create the application in the department's area (or complete ``draft``).

    ``rows`` is the snapshot of the form (dicts with name, title, value); ``uploads``
    maps field name to (field title, file); the files of a draft's fields named in
    ``removed_files`` are removed. ``contact_method`` ("email" or "letter") and
    ``postal_address`` say how the applicant hears from the city, ``language`` (the interface
    language the citizen used) in which language. Unless ``submit`` is false, the
    application gets its reference number and goes to the department.

    ``entry`` (assist.provenance) records who entered it for the applicant ``userid``
    (empty: no account yet); that helper gets ``entered_role`` on it.
    """
    department = service.department_object()
    with api.env.adopt_roles(["Manager"]):
        if draft is None:
            container = area_for_department(department)
            new_id = new_application_id(userid, submission_token)
            # ``in container`` asks the folder's tree for one key; ``in objectIds()`` walked
            # every id of the department (100,000 applications: every bucket loaded).
            if new_id in container:
                new_id = random_application_id()  # taken: the remembered id is not this one's
            application = api.content.create(
                container=container,
                type="Application",
                id=new_id,
                safe_id=False,
                title=service.title,
            )
            application.service_uid = service.UID()
            application.service_title = service.title
            application.department_uid = department.UID()
            application.applicant = userid or ""
            # The checklist of originals to be shown at the counter, from the service's documents.
            application.originals = [
                {"name": name, "shown_at": None, "checked_by": None}
                for name in service.originals_in_person
            ]
        else:
            application = draft
        application.applicant_name = applicant_name
        application.submitted_data = rows
        application.draft_values = draft_values if not submit else None
        application.privacy_consent = consent_time
        application.delivery_method = delivery_method
        application.delivery_address = delivery_address
        application.submission_token = submission_token
        application.contact_method = contact_method
        application.postal_address = postal_address
        if language is not None:
            application.citizen_language = language
        for name, (title, value) in uploads.items():
            keep_file(application, name, title, value)
        removed = [
            item.getId()
            for item in application.contentValues()
            if item.portal_type == "ApplicationFile" and item.field_name in removed_files
        ]
        if removed:
            application.manage_delObjects(removed)
        if entry is not None:
            application.entered_by = entry["userid"]
            application.entry = entry
        if userid:
            give_to(application, userid)
        else:
            give_to_nobody_yet(application, application.entered_by, entered_role)
        if entry is not None and entered_role and userid:
            application.manage_setLocalRoles(entry["userid"], [entered_role])
        if submit:
            send_to_department(application, comment=provenance_text(entry))
        # Queued: Plone's indexing queue catalogs the application once, at the commit,
        # with everything set above, its owner and local roles (allowedRolesAndUsers)
        # included. No reindexObjectSecurity: its only children, the files, are not
        # catalogued, so it would only search the catalog for them.
        application.reindexObject()
    return application


def send_to_department(application, comment=""):
    """Give the application its reference number and submit it (also a draft whose fees were paid)."""
    with api.env.adopt_roles(["Manager"]):
        application.reference_number = next_reference_number(application_root())
        application.submitted = DateTime()
        application.draft_values = None
        api.content.transition(obj=application, transition="submit", comment=comment)
