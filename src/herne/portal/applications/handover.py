"""Hand an application over to another department when it was assigned wrongly."""

from herne.portal import _
from herne.portal.applications.areas import area_for_department
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import ProcessingRefused
from herne.portal.applications.processing import record_step
from herne.portal.i18n import in_german
from plone import api
import transaction


def hand_over(application, department, comment=""):
    """Move the application into ``department``'s area; history and owner stay with it."""
    if not api.user.has_permission(PROCESS, obj=application):
        raise ProcessingRefused(
            _("Ihre Organisationseinheit ist für diesen Antrag nicht zuständig.")
        )
    if department is None or department.portal_type != "Department":
        raise ProcessingRefused(_("Bitte wählen Sie eine Organisationseinheit aus."))
    if department.UID() == application.department_uid:
        raise ProcessingRefused(_("Der Antrag liegt bereits bei dieser Organisationseinheit."))
    note = in_german(_("Abgegeben an ${department}.", mapping={"department": department.title}))
    if (comment or "").strip():
        note = f"{note} {comment.strip()}"
    # Recorded before the move, as the clerk who hands over may not see it afterwards.
    record_step(application, "hand_over", note, internal=True)
    if getattr(application, "_p_jar", None) is None:
        # Made in this transaction: without intids nothing has added it to the
        # connection yet, and OFS moves only objects that have one.
        transaction.savepoint(optimistic=True)
    with api.env.adopt_roles(["Manager"]):
        target = area_for_department(department)
        application = api.content.move(source=application, target=target)
        application.department_uid = department.UID()
        application.reindexObject()
        # The clerks' role comes from the area: the new one must reach the catalog.
        application.reindexObjectSecurity()
    return application
