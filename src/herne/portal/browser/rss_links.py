"""The feed links in the page head, titled "<title> - RSS 2.0" instead of "- b'RSS 2.0'"."""

from plone.app.layout.links.viewlets import RSSViewlet
from plone.base.interfaces.syndication import IFeedSettings
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


class FeedLinksViewlet(RSSViewlet):
    """Plone 6.2's viewlet formats the feed type's title as bytes (``safe_bytes``)."""

    def getRssLinks(self, obj):
        settings = IFeedSettings(obj, None)
        if settings is None:
            return []
        vocabulary = getUtility(IVocabularyFactory, "plone.app.vocabularies.SyndicationFeedTypes")(
            self.context
        )
        links = []
        for feed_type in settings.feed_types:
            try:
                term = vocabulary.getTerm(feed_type)
            except LookupError:
                continue
            title = translate(term.title, context=self.request)
            links.append(
                {
                    "title": f"{obj.Title()} - {title}",
                    "url": f"{obj.absolute_url()}/{term.value}",
                }
            )
        return links
