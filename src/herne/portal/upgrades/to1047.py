"""1046 -> 1047: reference numbers reversed in the ``reference_number`` index (see conflicts.spread_keys)."""

from herne.portal.conflicts.spread_keys import use_reversed_index


def upgrade(setup_tool):
    use_reversed_index()
