"""Stored snapshots of the OZG coverage, one per day, for the trend over time."""

from datetime import date
from herne.portal.portal_storage import portal_btree


ANNOTATION_KEY = "herne.portal.ozg_snapshots"


def _store(create=False):
    return portal_btree(ANNOTATION_KEY, create=create)


def take_snapshot(summary, day=None):
    """Keep today's figures; taken again on the same day, the later figures win."""
    day = (day or date.today()).isoformat()
    _store(create=True)[day] = {
        "total": summary["total"],
        "online": summary["online"],
        "online_share": summary["online_share"],
        "target_percent": summary["target_percent"],
        "levels": {str(level): count for level, count in summary["levels"].items()},
        "categories": dict(summary["categories"]),
    }
    return day


def trend():
    """``[(day, figures), ...]`` oldest first."""
    store = _store()
    return list(store.items()) if store is not None else []
