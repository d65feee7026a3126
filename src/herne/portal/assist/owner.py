"""The account an application entered for someone belongs to: by the applicant's e-mail or verified eID identity."""

from herne.portal.eid.identity import ANNOTATION_KEY
from herne.portal.portal_storage import portal_btree
from plone import api


def account_for_email(email, not_userid=None):
    """The user id of the one account whose e-mail is ``email`` (any case), else None.

    Two accounts with the same address, or the address of the person entering the
    application (``not_userid``), give None: then the applicant claims it with a code.
    """
    email = (email or "").strip().lower() if isinstance(email, str) else ""
    if "@" not in email:
        return None
    acl_users = api.portal.get_tool("acl_users")
    # The search matches parts of addresses: only the exact address (any case) counts.
    found = {
        info["userid"]
        for info in acl_users.searchUsers(email=email)
        if _email_of(info["userid"]) == email
    }
    if len(found) != 1 or not_userid in found:
        return None
    return found.pop()


def _email_of(userid):
    user = api.user.get(userid=userid)
    return (user.getProperty("email") or "").strip().lower() if user is not None else ""


def _same_name(first, second):
    return (
        " ".join(str(first or "").split()).casefold()
        == " ".join(str(second or "").split()).casefold()
    )


def account_for_identity(given_name, family_name, birth_date, not_userid=None):
    """The user id of the one eID member whose verified name and birth date are these, else None.

    Reads what the identity provider confirmed at the members' eID log-ins (one entry
    per eID member); a form's own fields never make an identity by themselves.
    """
    if not (given_name and family_name and birth_date):
        return None
    store = portal_btree(ANNOTATION_KEY)
    if store is None:
        return None
    found = {
        userid
        for userid, identity in store.items()
        if identity.get("birthdate") == birth_date
        and _same_name(identity.get("given_name"), given_name)
        and _same_name(identity.get("family_name"), family_name)
    }
    if len(found) != 1 or not_userid in found:
        return None
    return found.pop()
