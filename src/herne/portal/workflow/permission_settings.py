"""DCWorkflow's setting of an object's roles per permission, with each class's permissions gathered once instead of per permission and object.

``Products.DCWorkflow.utils.modifyRolesForPermission`` runs for every permission a
workflow manages, on every object it (re)maps: on a submission for the application
and its file, on every step of a clerk. Each run lists every permission the
object's class and its bases declare, and the products' ones, only to find the
attribute names one permission guards (``AccessControl``'s ``Permission`` data);
that walk through the class hierarchy was about 5,000 function calls of a
submission. The list depends only on the class (``__ac_permissions__`` of the class
and its bases, declared at start-up) and on the permissions the products registered
at start-up, so it is gathered once per class and kept for the process; what is
set on the object is the same.
"""

from AccessControl.Permission import Permission
from Products.DCWorkflow.utils import ac_inherited_permissions
import threading


_data_by_class = {}
_lock = threading.Lock()


def permission_data(ob):
    """{permission name: attribute names it guards} of ``ob``'s class (gathered once per class)."""
    cls = ob.__class__
    data = _data_by_class.get(cls)
    if data is None:
        data = {}
        for perm in ac_inherited_permissions(ob, 1):
            data.setdefault(perm[0], perm[1])  # the first one counts, as in DCWorkflow
        with _lock:
            data = _data_by_class.setdefault(cls, data)
    return data


def modify_roles_for_permission(ob, pname, roles):
    """``modifyRolesForPermission``: give ``pname`` on ``ob`` to ``roles`` (a list: acquire too); 1 if changed."""
    permission = Permission(pname, permission_data(ob).get(pname, ()), ob)
    if permission.getRoles() != roles:
        permission.setRoles(roles)
        return 1
    return 0
