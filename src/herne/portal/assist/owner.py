"""The account an application entered for someone belongs to: the one with the applicant's e-mail address."""

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
    found = {
        info["userid"]
        for info in acl_users.searchUsers(email=email)
        if (api.user.get(userid=info["userid"]) or _NoUser).getProperty("email", "").lower()
        == email
    }
    if len(found) != 1 or not_userid in found:
        return None
    return found.pop()


class _NoUser:
    @staticmethod
    def getProperty(name, default=None):
        return default
