"""The application workflow as one table: states with their groups, transitions, guards, permissions."""

# The runtime reads the state groups (open, final, waiting for the citizen) and the
# decisions from here; scripts/build_application_workflow.py writes the profile's
# workflows/herne_application_workflow/definition.xml from it (a test compares the two).

from typing import NamedTuple


WORKFLOW_ID = "herne_application_workflow"
STAFF = ["Manager", "Site Administrator"]
#: The department's specialised software (Fachverfahren) with its technical account: a
#: local role on the department's application area, like Clerk; it reads wherever clerks
#: read and changes nothing (no modify, process or withdraw permission anywhere).
DEPARTMENT_READER = "DepartmentReader"
READERS = STAFF + ["Owner", "Clerk", DEPARTMENT_READER]
#: While the city still works on it, the helper who entered an application follows it
#: (the local role EnteringHelper, removed when the applicant claims it).
OPEN_READERS = READERS + ["EnteringHelper"]
PROCESS = "herne.portal: Process application"
WITHDRAW = "herne.portal: Withdraw application"
#: The sharing page (and REST @sharing) searches every account of the site, and local
#: roles decide who reaches an application: Plone gives both to Owner, that is to the
#: citizen. Here only the city's administrators have them.
DELEGATE = "Sharing page: Delegate roles"
LOCAL_ROLES = "Change local roles"
#: Plone's content tools (copy, URL management, display menu) are tools of the city's
#: staff: Plone gives them to Owner, that is to the citizen.
CMS_TOOLS = [
    "Copy or Move",
    "Manage Context Aliases",
    "Modify view template",
]
#: The application's files in Plone's folder view: for the responsible clerks, their
#: department's software and staff.
FOLDER_CONTENTS = "List folder contents"
PERMISSIONS = [
    "Access contents information",
    "View",
    "Modify portal content",
    "Delete objects",
    "Add portal content",
    PROCESS,
    WITHDRAW,
    DELEGATE,
    LOCAL_ROLES,
    *CMS_TOOLS,
    FOLDER_CONTENTS,
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
        DELEGATE: list(STAFF),
        LOCAL_ROLES: list(STAFF),
        **{permission: list(STAFF) for permission in CMS_TOOLS},
        FOLDER_CONTENTS: [*STAFF, "Clerk", DEPARTMENT_READER],
    }


class State(NamedTuple):
    title: str
    description: str
    exits: list
    permissions: dict
    #: "draft", "open" (the city still owes the citizen something) or "final"
    group: str
    #: whether the application waits for the citizen in this state
    citizen_acts: bool = False
    #: for a final state: whether the city decided it (not the citizen's withdrawal)
    decided: bool = False


class Transition(NamedTuple):
    title: str
    new_state: str
    permission: str
    #: the guard view (registered in workflow/configure.zcml), or None
    guard: str | None = None
    #: whether this step decides the application: its processing time ends here
    decision: bool = False


UNDECIDED_EXITS = ["reject", "withdraw"]

STATES = {
    "draft": State(
        "Entwurf",
        "Nur die Antragstellerin oder der Antragsteller sieht den Antrag.",
        ["submit"],
        matrix(view=STAFF + ["Owner"], modify=["Owner"], delete=["Owner"]),
        group="draft",
        citizen_acts=True,
    ),
    "submitted": State(
        "Eingegangen",
        "Der Antrag ist bei der zuständigen Stelle eingegangen.",
        ["accept", *UNDECIDED_EXITS],
        matrix(view=OPEN_READERS, process=["Clerk"], withdraw=["Owner"]),
        group="open",
    ),
    "in_progress": State(
        "In Bearbeitung",
        "Die Sachbearbeitung prüft den Antrag.",
        ["request_info", "request_originals", "approve", *UNDECIDED_EXITS],
        matrix(view=OPEN_READERS, process=["Clerk"], withdraw=["Owner"]),
        group="open",
    ),
    "info_requested": State(
        "Unterlagen nachgefordert",
        "Die Stadt wartet auf Ihre Antwort oder weitere Unterlagen.",
        ["answer", *UNDECIDED_EXITS],
        matrix(view=OPEN_READERS, modify=["Owner"], process=["Clerk"], withdraw=["Owner"]),
        group="open",
        citizen_acts=True,
    ),
    "originals_pending": State(
        "Originale vorlegen",
        "Die Stadt wartet darauf, dass Sie Originale vor Ort vorzeigen.",
        ["originals_received", *UNDECIDED_EXITS],
        matrix(view=OPEN_READERS, process=["Clerk"], withdraw=["Owner"]),
        group="open",
        citizen_acts=True,
    ),
    "approved": State(
        "Genehmigt",
        "Der Antrag ist genehmigt; das Ergebnis wird zugestellt oder bereitgelegt.",
        ["send_by_post", "make_ready_for_pickup"],
        matrix(view=OPEN_READERS, process=["Clerk"]),
        group="open",
    ),
    "sent": State(
        "Per Post versandt",
        "Das Ergebnis ist per Post unterwegs.",
        [],
        matrix(),
        group="final",
        decided=True,
    ),
    "ready_for_pickup": State(
        "Zur Abholung bereit",
        "Das Ergebnis liegt zur persönlichen Abholung bereit.",
        ["confirm_pickup"],
        matrix(view=OPEN_READERS, process=["Clerk"]),
        group="open",
        citizen_acts=True,
    ),
    "picked_up": State(
        "Abgeholt",
        "Das Ergebnis wurde abgeholt.",
        [],
        matrix(),
        group="final",
        decided=True,
    ),
    "rejected": State(
        "Abgelehnt",
        "Der Antrag wurde abgelehnt.",
        [],
        matrix(),
        group="final",
        decided=True,
    ),
    "withdrawn": State(
        "Zurückgezogen",
        "Der Antrag wurde zurückgezogen.",
        [],
        matrix(),
        group="final",
    ),
}

TRANSITIONS = {
    "submit": Transition("Absenden", "submitted", "Modify portal content"),
    "accept": Transition("Bearbeitung beginnen", "in_progress", PROCESS),
    "request_info": Transition("Unterlagen nachfordern", "info_requested", PROCESS),
    "answer": Transition("Antwort senden", "in_progress", "Modify portal content"),
    "request_originals": Transition(
        "Originale anfordern",
        "originals_pending",
        PROCESS,
        guard="herne-guard-originals-needed",
    ),
    "originals_received": Transition(
        "Originale vollständig",
        "in_progress",
        PROCESS,
        guard="herne-guard-originals-complete",
    ),
    "approve": Transition(
        "Genehmigen",
        "approved",
        PROCESS,
        guard="herne-guard-originals-complete",
        decision=True,
    ),
    "reject": Transition("Ablehnen", "rejected", PROCESS, decision=True),
    "send_by_post": Transition(
        "Per Post versenden", "sent", PROCESS, guard="herne-guard-send-by-post"
    ),
    "make_ready_for_pickup": Transition("Zur Abholung bereitlegen", "ready_for_pickup", PROCESS),
    "confirm_pickup": Transition("Abholung bestätigen", "picked_up", PROCESS),
    "withdraw": Transition("Zurückziehen", "withdrawn", WITHDRAW),
}


def states_in(group):
    """Ids of the states of ``group`` ("draft", "open" or "final"), in the table's order."""
    return tuple(state_id for state_id, state in STATES.items() if state.group == group)


#: States in which the department still owes the citizen something.
OPEN_STATES = states_in("open")
#: States after which nothing more happens: the processing time ends here.
FINAL_STATES = states_in("final")
#: Final states the city decided (all but the citizen's withdrawal).
DECIDED_STATES = tuple(state_id for state_id in FINAL_STATES if STATES[state_id].decided)
#: States in which the application waits for the citizen.
CITIZEN_MUST_ACT = tuple(state_id for state_id, state in STATES.items() if state.citizen_acts)
#: The steps that decide an application.
DECISIONS = tuple(step for step, transition in TRANSITIONS.items() if transition.decision)
#: States in which a decision is still to come: a decision is among their exits.
UNDECIDED_STATES = tuple(
    state_id
    for state_id, state in STATES.items()
    if any(TRANSITIONS[step].decision for step in state.exits)
)
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


def definition_xml():
    """The workflow definition GenericSetup imports, as written from this table."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated from src/herne/portal/workflow/application_table.py by scripts/build_application_workflow.py: edit the table there. -->",
        '<dc-workflow xmlns:i18n="http://xml.zope.org/namespaces/i18n"',
        '             description="Der Weg eines Antrags vom Entwurf bis zur Entscheidung und Zustellung."',
        '             initial_state="draft"',
        '             manager_bypass="False"',
        '             state_variable="review_state"',
        '             title="Antragsbearbeitung"',
        f'             workflow_id="{WORKFLOW_ID}"',
        '             i18n:attributes="title; description"',
        '             i18n:domain="plone"',
        ">",
    ]
    out += [f"  <permission>{permission}</permission>" for permission in PERMISSIONS]
    for state_id, state in STATES.items():
        out.append(f'  <state state_id="{state_id}" title="{state.title}" i18n:attributes="title">')
        out.append(f'    <description i18n:translate="">{state.description}</description>')
        out += [f'    <exit-transition transition_id="{exit}" />' for exit in state.exits]
        for permission in PERMISSIONS:
            out.append(f'    <permission-map acquired="False" name="{permission}">')
            out += [
                f"      <permission-role>{role}</permission-role>"
                for role in state.permissions[permission]
            ]
            out.append("    </permission-map>")
        out.append("  </state>")
    for transition_id, transition in TRANSITIONS.items():
        title = transition.title
        out.append(
            f'  <transition after_script="" before_script="" new_state="{transition.new_state}" title="{title}"'
            f' transition_id="{transition_id}" trigger="USER" i18n:attributes="title">'
        )
        out.append(f'    <description i18n:translate="">{title}</description>')
        out.append(
            '    <action category="workflow" icon=""'
            f' url="%(content_url)s/content_status_modify?workflow_action={transition_id}"'
            f' i18n:translate="">{title}</action>'
        )
        out.append("    <guard>")
        out.append(f"      <guard-permission>{transition.permission}</guard-permission>")
        if transition.guard:
            out.append(
                f"      <guard-expression>python: here.restrictedTraverse('@@{transition.guard}')()</guard-expression>"
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
