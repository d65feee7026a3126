"""The payment state of an application as catalog metadata, for the clerks' worklist."""

from herne.portal.content.application import IApplication
from plone.indexer import indexer


@indexer(IApplication)
def payment_state(obj):
    """``pending``, ``paid``, ``cancelled``, ``failed``, or None without a payment."""
    return (getattr(obj, "payment", None) or {}).get("state")
