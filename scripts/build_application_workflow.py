"""Write the application workflow definition from its table (run after editing the table).

    .venv/bin/python scripts/build_application_workflow.py

The table is ``src/herne/portal/workflow/application_table.py``: the states with their
groups, the transitions, guards and the permission matrix are decided there, and the
runtime reads the same table. The definition.xml written here is what GenericSetup
imports; tests/workflow/test_definition_table.py fails when the two differ.
"""

from herne.portal.workflow.application_table import definition_xml
from pathlib import Path


TARGET = (
    Path(__file__).parents[1]
    / "src/herne/portal/profiles/default/workflows/herne_application_workflow/definition.xml"
)


if __name__ == "__main__":
    TARGET.write_text(definition_xml(), encoding="utf-8")
    print(f"wrote {TARGET}")
