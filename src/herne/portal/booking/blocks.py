"""Counters an office blocks for a time (illness) or closes entirely, kept on the department.

The blocks are one persistent object in an annotation of the department, holding an
immutable tuple: two staff members adding or lifting blocks at once both rewrite it,
so the second transaction conflicts and is retried, and no block is lost.
"""

from datetime import UTC
from herne.portal.booking.capacity import key_start
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import GRID
from persistent import Persistent
import secrets
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "herne.portal.booking.blocks"


class CounterBlocks(Persistent):
    """The blocks of one office, oldest first."""

    def __init__(self):
        self.blocks = ()

    def add(self, block):
        self.blocks = (*self.blocks, block)

    def remove(self, block_id):
        """Drop the block ``block_id``; returns it, or None when there is none."""
        found = next((block for block in self.blocks if block["id"] == block_id), None)
        if found is not None:
            self.blocks = tuple(block for block in self.blocks if block["id"] != block_id)
        return found

    def replace(self, block_id, **changes):
        self.blocks = tuple(
            {**block, **changes} if block["id"] == block_id else block for block in self.blocks
        )


def remove_ended_before(department, day):
    """Drop the blocks that ended before ``day`` (a Berlin date), with their internal reasons; returns how many."""
    blocks = office_blocks(department)
    if blocks is None:
        return 0
    kept = tuple(block for block in blocks.blocks if block["end"].astimezone(BERLIN).date() >= day)
    removed = len(blocks.blocks) - len(kept)
    if removed:
        blocks.blocks = kept
    return removed


def office_blocks(department, create=False):
    """The ``CounterBlocks`` of a department (None before the first block unless ``create``)."""
    annotations = IAnnotations(department)
    blocks = annotations.get(ANNOTATION_KEY)
    if blocks is None and create:
        blocks = annotations[ANNOTATION_KEY] = CounterBlocks()
    return blocks


def list_blocks(department):
    """The department's blocks in the order of their start."""
    blocks = office_blocks(department)
    return sorted(blocks.blocks if blocks is not None else (), key=lambda b: (b["start"], b["id"]))


def new_block(start, end, counters, reason, now, by):
    """A block of ``counters`` counters (None: all, the office is closed) from ``start`` to ``end``."""
    return {
        "id": secrets.token_hex(8),
        "start": start.astimezone(UTC),  # zoneinfo zones do not pickle into the ZODB
        "end": end.astimezone(UTC),
        "counters": counters,
        "reason": reason,
        "created": now.astimezone(UTC),
        "by": by,
        "cancelled": 0,
    }


def local_windows(department):
    """The blocks as (start, end, counters or None) in Berlin local time without zone, as the grid keys are."""
    return tuple(
        (
            block["start"].astimezone(BERLIN).replace(tzinfo=None),
            block["end"].astimezone(BERLIN).replace(tzinfo=None),
            block["counters"],
        )
        for block in list_blocks(department)
    )


def blocked_counters(windows, key, counters):
    """How many of ``counters`` the blocks ``windows`` take away during the grid step ``key``."""
    if not windows:
        return 0
    start = key_start(key)
    end = start + GRID
    blocked = 0
    for first, last, count in windows:
        if first < end and last > start:
            blocked += counters if count is None else count
    return min(blocked, counters)


def describe_block(block, counters):
    """What the page and REST show of a block: times, counters, reason, cancelled bookings."""
    return {
        "id": block["id"],
        "start": block["start"].astimezone(BERLIN).isoformat(),
        "end": block["end"].astimezone(BERLIN).isoformat(),
        "counters": counters if block["counters"] is None else block["counters"],
        "all": block["counters"] is None,
        "reason": block["reason"],
        "cancelled": block.get("cancelled", 0),
    }
