"""Write the application workflow definition from one readable table (run after editing it).

    .venv/bin/python scripts/build_application_workflow.py

The definition.xml it writes is what GenericSetup imports; this table is where the
states, transitions, guards and the permission matrix are decided.
"""

from pathlib import Path


TARGET = (
    Path(__file__).parents[1]
    / "src/herne/portal/profiles/default/workflows/herne_application_workflow/definition.xml"
)

STAFF = ["Manager", "Site Administrator"]
READERS = STAFF + ["Owner", "Clerk"]
PROCESS = "herne.portal: Process application"
WITHDRAW = "herne.portal: Withdraw application"
PERMISSIONS = [
    "Access contents information",
    "View",
    "Modify portal content",
    "Delete objects",
    "Add portal content",
    PROCESS,
    WITHDRAW,
]


def matrix(view=READERS, modify=(), delete=(), process=(), withdraw=()):
    return {
        "Access contents information": list(view),
        "View": list(view),
        "Modify portal content": ["Manager", *modify],
        "Delete objects": ["Manager", *delete],
        "Add portal content": ["Manager"],
        PROCESS: ["Manager", *process],
        WITHDRAW: list(withdraw),
    }


UNDECIDED_EXITS = ["reject", "withdraw"]

#: state id -> (title, description, exit transitions, permission matrix)
STATES = {
    "draft": (
        "Entwurf",
        "Nur die Antragstellerin oder der Antragsteller sieht den Antrag.",
        ["submit"],
        matrix(view=STAFF + ["Owner"], modify=["Owner"], delete=["Owner"]),
    ),
    "submitted": (
        "Eingegangen",
        "Der Antrag ist bei der zuständigen Stelle eingegangen.",
        ["accept", *UNDECIDED_EXITS],
        matrix(process=["Clerk"], withdraw=["Owner"]),
    ),
    "in_progress": (
        "In Bearbeitung",
        "Die Sachbearbeitung prüft den Antrag.",
        ["request_info", "request_originals", "approve", *UNDECIDED_EXITS],
        matrix(process=["Clerk"], withdraw=["Owner"]),
    ),
    "info_requested": (
        "Unterlagen nachgefordert",
        "Die Stadt wartet auf Ihre Antwort oder weitere Unterlagen.",
        ["answer", *UNDECIDED_EXITS],
        matrix(modify=["Owner"], process=["Clerk"], withdraw=["Owner"]),
    ),
    "originals_pending": (
        "Originale vorlegen",
        "Die Stadt wartet darauf, dass Sie Originale vor Ort vorzeigen.",
        ["originals_received", *UNDECIDED_EXITS],
        matrix(process=["Clerk"], withdraw=["Owner"]),
    ),
    "approved": (
        "Genehmigt",
        "Der Antrag ist genehmigt; das Ergebnis wird zugestellt oder bereitgelegt.",
        ["send_by_post", "make_ready_for_pickup"],
        matrix(process=["Clerk"]),
    ),
    "sent": ("Per Post versandt", "Das Ergebnis ist per Post unterwegs.", [], matrix()),
    "ready_for_pickup": (
        "Zur Abholung bereit",
        "Das Ergebnis liegt zur persönlichen Abholung bereit.",
        ["confirm_pickup"],
        matrix(process=["Clerk"]),
    ),
    "picked_up": ("Abgeholt", "Das Ergebnis wurde abgeholt.", [], matrix()),
    "rejected": ("Abgelehnt", "Der Antrag wurde abgelehnt.", [], matrix()),
    "withdrawn": ("Zurückgezogen", "Der Antrag wurde zurückgezogen.", [], matrix()),
}

#: transition id -> (title, new state, guard permission, guard view or None)
TRANSITIONS = {
    "submit": ("Absenden", "submitted", "Modify portal content", None),
    "accept": ("Bearbeitung beginnen", "in_progress", PROCESS, None),
    "request_info": ("Unterlagen nachfordern", "info_requested", PROCESS, None),
    "answer": ("Antwort senden", "in_progress", "Modify portal content", None),
    "request_originals": (
        "Originale anfordern",
        "originals_pending",
        PROCESS,
        "herne-guard-originals-needed",
    ),
    "originals_received": (
        "Originale vollständig",
        "in_progress",
        PROCESS,
        "herne-guard-originals-complete",
    ),
    "approve": ("Genehmigen", "approved", PROCESS, "herne-guard-originals-complete"),
    "reject": ("Ablehnen", "rejected", PROCESS, None),
    "send_by_post": ("Per Post versenden", "sent", PROCESS, "herne-guard-send-by-post"),
    "make_ready_for_pickup": ("Zur Abholung bereitlegen", "ready_for_pickup", PROCESS, None),
    "confirm_pickup": ("Abholung bestätigen", "picked_up", PROCESS, None),
    "withdraw": ("Zurückziehen", "withdrawn", WITHDRAW, None),
}

VARIABLES = {
    "action": ("Previous transition", "transition/getId|nothing", True),
    "actor": ("The ID of the user who performed the previous transition", "user/getId", True),
    # An internal comment never goes into the workflow history: Plone's history views
    # and plone.restapi's @history and @workflow show every variable of it to everyone
    # who may view the application, the citizen included. It is kept as an internal
    # note (applications.messages) instead.
    "comments": (
        "Comment about the last transition, for the citizen too",
        "python:'' if state_change.kwargs.get('internal') else state_change.kwargs.get('comment', '')",
        True,
    ),
    "internal": (
        "Whether the comment is for the department only",
        "python:bool(state_change.kwargs.get('internal', False))",
        True,
    ),
    "review_history": ("Provides access to workflow history", "state_change/getHistory", False),
    "time": ("When the previous transition was performed", "state_change/getDateTime", True),
}


def build():
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated by scripts/build_application_workflow.py: edit the table there. -->",
        '<dc-workflow xmlns:i18n="http://xml.zope.org/namespaces/i18n"',
        '             description="Der Weg eines Antrags vom Entwurf bis zur Entscheidung und Zustellung."',
        '             initial_state="draft"',
        '             manager_bypass="False"',
        '             state_variable="review_state"',
        '             title="Antragsbearbeitung"',
        '             workflow_id="herne_application_workflow"',
        '             i18n:attributes="title; description"',
        '             i18n:domain="plone"',
        ">",
    ]
    out += [f"  <permission>{permission}</permission>" for permission in PERMISSIONS]
    for state_id, (title, description, exits, permissions) in STATES.items():
        out.append(f'  <state state_id="{state_id}" title="{title}" i18n:attributes="title">')
        out.append(f'    <description i18n:translate="">{description}</description>')
        out += [f'    <exit-transition transition_id="{exit}" />' for exit in exits]
        for permission in PERMISSIONS:
            out.append(f'    <permission-map acquired="False" name="{permission}">')
            out += [
                f"      <permission-role>{role}</permission-role>"
                for role in permissions[permission]
            ]
            out.append("    </permission-map>")
        out.append("  </state>")
    for transition_id, (title, new_state, permission, guard_view) in TRANSITIONS.items():
        out.append(
            f'  <transition after_script="" before_script="" new_state="{new_state}" title="{title}"'
            f' transition_id="{transition_id}" trigger="USER" i18n:attributes="title">'
        )
        out.append(f'    <description i18n:translate="">{title}</description>')
        out.append(
            '    <action category="workflow" icon=""'
            f' url="%(content_url)s/content_status_modify?workflow_action={transition_id}"'
            f' i18n:translate="">{title}</action>'
        )
        out.append("    <guard>")
        out.append(f"      <guard-permission>{permission}</guard-permission>")
        if guard_view:
            out.append(
                f"      <guard-expression>python: here.restrictedTraverse('@@{guard_view}')()</guard-expression>"
            )
        out.append("    </guard>")
        out.append("  </transition>")
    for variable_id, (description, expression, for_status) in VARIABLES.items():
        out.append(
            f'  <variable for_catalog="False" for_status="{for_status}"'
            f' update_always="{for_status}" variable_id="{variable_id}">'
        )
        out.append(f"    <description>{description}</description>")
        out.append(f"    <default><expression>{expression}</expression></default>")
        out.append("    <guard>")
        if variable_id == "review_history":
            out.append("      <guard-permission>Request review</guard-permission>")
            out.append("      <guard-permission>Review portal content</guard-permission>")
        out.append("    </guard>")
        out.append("  </variable>")
    out.append("</dc-workflow>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET}")
