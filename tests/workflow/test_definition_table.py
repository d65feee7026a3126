"""The committed workflow definition is the one the table writes: edit the table, then run the script."""

from herne.portal.workflow.application_table import CITIZEN_MUST_ACT
from herne.portal.workflow.application_table import DECIDED_STATES
from herne.portal.workflow.application_table import DECISIONS
from herne.portal.workflow.application_table import FINAL_STATES
from herne.portal.workflow.application_table import OPEN_STATES
from herne.portal.workflow.application_table import STATES
from herne.portal.workflow.application_table import TRANSITIONS
from herne.portal.workflow.application_table import definition_xml
from pathlib import Path


DEFINITION = (
    Path(__file__).parents[2]
    / "src/herne/portal/profiles/default/workflows/herne_application_workflow/definition.xml"
)


def test_definition_xml_is_generated_from_the_table():
    assert DEFINITION.read_text(encoding="utf-8") == definition_xml(), (
        "definition.xml differs from the table: run scripts/build_application_workflow.py"
    )


def test_every_state_is_in_exactly_one_group():
    assert {state.group for state in STATES.values()} == {"draft", "open", "final"}
    assert set(OPEN_STATES) | set(FINAL_STATES) | {"draft"} == set(STATES)
    assert not set(OPEN_STATES) & set(FINAL_STATES)


def test_groups_follow_the_transitions():
    # final states have no way out, every other state has one
    assert [state_id for state_id, state in STATES.items() if not state.exits] == list(FINAL_STATES)
    # a decision ends in a state the city decided or that leads to one
    assert DECISIONS == ("approve", "reject")
    assert set(DECIDED_STATES) == {"sent", "picked_up", "rejected"}
    assert all(TRANSITIONS[step].new_state in STATES for step in DECISIONS)
    assert CITIZEN_MUST_ACT == ("draft", "info_requested", "originals_pending", "ready_for_pickup")
