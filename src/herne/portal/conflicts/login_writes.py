"""What a log-in writes, written in short transactions of their own: concurrent log-ins of different citizens share nothing in their requests.

With the write queue off, every request the cluster benchmark retried was a log-in
(docs/benchmarks.md, "Seventh round: log-ins"). A log-in through Plone's form wrote,
besides the ticket it hands out:

- the member's ``login_time`` and ``last_login_time`` (``MembershipTool.setLoginTimes``)
  into PlonePAS' property storage, an OOBTree whose values are dicts: BTrees cannot
  merge two changes of one bucket when its values cannot be ordered, so two members
  whose ids share a bucket conflicted; ``notifyModified`` rewrote the member data
  tool's ``_members`` tree as well;
- the member's own signing key at the first log-in (plone.session with a key per user,
  herne.portal.sessions): a new ``Keyring`` in the key manager's one
  ``PersistentMapping``, which every member's first log-in writes;
- plone.protect's rotation of the ``_system``, ``_forms`` and ``_anon`` keyrings, of the
  site and of the Zope root, when one is due (weekly, daily; on a new site at the
  first log-ins): every log-in at that moment rotated the same rings, and the first
  log-in ever created the Zope root's key manager (writing the root object).

Now the request only reads: the log-in times are written after the request has
committed, the member's key at once and the due rotation after the commit, each in
a transaction of its own that is tried again after a conflict
(``own_transaction``). Two instances then meet only inside those few milliseconds,
and a retry sees what the other wrote (the key exists, the ring was rotated), so a
key or a rotation is written once. What users notice stays: the ticket is signed
with the member's key, the first log-in is still told apart from later ones (from
the times the request read), and the times are stored as Plone stores them.
"""

from Acquisition import aq_base
from DateTime import DateTime
from herne.portal.conflicts.own_transaction import in_own_site_transaction
from herne.portal.conflicts.own_transaction import in_own_transaction
import logging
from OFS.interfaces import IApplication
from plone.keyring.interfaces import IKeyManager
from plone.keyring.keymanager import KeyManager
from plone.keyring.keyring import Keyring
from plone.protect import subscribers as protect_subscribers
from Products.CMFCore.utils import getToolByName
import time
from zope.component import getUtility
from zope.component.hooks import getSite


logger = logging.getLogger("herne.portal.conflicts")

#: Attempts of each short transaction.
ATTEMPTS = 10
#: What Plone stores as the login time of a member who never logged in.
NEVER = DateTime("2000/01/01")


def _stored(obj):
    return getattr(obj, "_p_jar", None) is not None and obj._p_oid is not None


def _in_site(db, portal_path, work, path):
    """``work(portal)`` in a transaction of its own on ``db``, the site and a request of its own set; its result."""
    return in_own_site_transaction(db, portal_path, work, ATTEMPTS, path)


def _after_commit(jar, hook, *args):
    """Run ``hook(db, *args)`` once the transaction ``jar`` takes part in has committed; errors are logged."""

    def run(committed):
        if not committed:
            return
        try:
            hook(jar.db(), *args)
        except Exception:
            logger.exception("log-in write %s not done after the commit", hook.__name__)

    jar.transaction_manager.get().addAfterCommitHook(run)


# Log-in times -------------------------------------------------------------------------


def set_login_times(self):
    """``MembershipTool.setLoginTimes``: whether this is the member's first log-in; the times written after the commit."""
    if self.isAnonymousUser():
        return False
    member = self.getAuthenticatedMember()
    first = member.getProperty("login_time", NEVER) == NEVER
    portal = getToolByName(self, "portal_url").getPortalObject()
    if not _stored(portal):
        return self._old_setLoginTimes()
    _after_commit(
        portal._p_jar,
        write_login_times,
        "/".join(portal.getPhysicalPath()),
        member.getId(),
        self.ZopeTime(),
    )
    return first


def write_login_times(db, portal_path, userid, logged_in_at):
    """Store a log-in at ``logged_in_at`` as Plone does: it becomes ``login_time``, the one before ``last_login_time``."""

    def work(portal):
        member = portal.portal_membership.getMemberById(userid)
        if member is None:
            return
        before = member.getProperty("login_time", NEVER)
        if isinstance(before, DateTime) and before != NEVER and before >= logged_in_at:
            return  # a later log-in of the same member was stored first
        member.setMemberProperties(
            {
                "login_time": logged_in_at,
                "last_login_time": logged_in_at if before == NEVER else before,
            }
        )

    _in_site(db, portal_path, work, "login-times")


# The member's own signing key -----------------------------------------------------------


def member_key(plugin, ring):
    """The current secret of the key manager's ring ``ring``, the ring created in a transaction of its own if the request does not see it."""
    manager = getUtility(IKeyManager)
    if ring in manager:
        return manager.secret(ring=ring)
    portal = getSite()
    if not _stored(portal) or not _stored(plugin):
        manager[ring] = Keyring(1)
        manager[ring].fill()
        return manager.secret(ring=ring)

    def work(portal):
        own_manager = getUtility(IKeyManager)
        if ring not in own_manager:
            own_manager[ring] = Keyring(1)
            own_manager[ring].fill()
        return own_manager.secret(ring=ring)

    return _in_site(portal._p_jar.db(), "/".join(portal.getPhysicalPath()), work, "member-key")


# plone.protect's keyring rotation ------------------------------------------------------


def _due(rings, now):
    return [
        name
        for name, period in protect_subscribers._ring_rotation_schedules
        if name in rings and rings[name].last_rotation + period < now
    ]


def rotate_after_commit(manager):
    """``plone.protect.subscribers._rotate``: the rings that are due rotated after the commit, not in the log-in."""
    rings = manager._SampleContainer__data
    if not _due(rings, time.time()):
        return
    if not _stored(rings):
        return protect_subscribers._old__rotate(manager)
    _after_commit(rings._p_jar, rotate_due_rings, rings._p_oid)


def rotate_due_rings(db, rings_oid):
    """Rotate the rings of the key manager whose rings are stored at ``rings_oid`` that are still due."""

    def work(connection):
        rings = connection.get(rings_oid)
        for name in _due(rings, time.time()):
            logger.info("rotating keyring %s", name)
            rings[name].rotate()

    in_own_transaction(db, work, ATTEMPTS, "keyring-rotation")


def root_key_manager(root):
    """``plone.protect.utils.getRootKeyManager`` for the log-in: a missing one is created in a transaction of its own (and rotated at a later log-in)."""
    if not IApplication.providedBy(root):
        return None
    manager = getattr(aq_base(root), "_key_manager", None)
    if manager is not None or not _stored(root):
        return protect_subscribers._old_getRootKeyManager(root)

    def work(connection):
        own_root = connection.root()["Application"]
        if getattr(aq_base(own_root), "_key_manager", None) is None:
            own_root._key_manager = KeyManager()

    in_own_transaction(root._p_jar.db(), work, ATTEMPTS, "root-key-manager")
    return None
