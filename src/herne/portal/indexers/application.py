"""What the catalog knows about an application: enough for the worklist without waking it."""

from herne.portal.applications.clerk_news import news_for_clerk
from herne.portal.applications.letters import open_since
from herne.portal.applications.letters import printed_last
from herne.portal.applications.letters import summary
from herne.portal.applications.messages import unread_for_citizen
from herne.portal.applications.retention import closed_time
from herne.portal.content.application import IApplication
from plone.indexer import indexer


@indexer(IApplication)
def searchable_text(obj):
    # The catalog shows a brain only to those who may view the application itself.
    return " ".join(
        part for part in (obj.reference_number, obj.applicant_name, obj.service_title) if part
    )


@indexer(IApplication)
def processing_days(obj):
    return obj.processing_days


@indexer(IApplication)
def citizen_unread(obj):
    return unread_for_citizen(obj)


@indexer(IApplication)
def clerk_news(obj):
    """ "answer" or "message" while the citizen's latest answer or message is unseen by a clerk."""
    return news_for_clerk(obj)


@indexer(IApplication)
def needs_originals(obj):
    return bool(obj.originals)


@indexer(IApplication)
def closed(obj):
    """When the application reached its final state (None while open): retention counts from here."""
    return closed_time(obj)


@indexer(IApplication)
def anonymised(obj):
    return getattr(obj, "anonymised", None) is not None


@indexer(IApplication)
def letters_open_since(obj):
    """When the oldest letter not yet printed was written: the Postausgang and the worklist."""
    return open_since(obj)


@indexer(IApplication)
def letters_printed_last(obj):
    return printed_last(obj)


@indexer(IApplication)
def letters_summary(obj):
    """The letters as the Postausgang lists them (metadata only): its pages read no application."""
    return summary(obj) or None
