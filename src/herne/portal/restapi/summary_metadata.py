"""Catalog columns that no REST listing gives out: the letters are the department's, read in the Postausgang."""

from herne.portal.applications.letters import PRIVATE_COLUMNS
from plone.restapi.interfaces import IJSONSummarySerializerMetadata
from zope.interface import implementer


@implementer(IJSONSummarySerializerMetadata)
class HiddenLetterColumns:
    """``@search?metadata_fields=_all`` showed the applicant and the helper the letters' subjects."""

    def default_metadata_fields(self):
        return set()

    def field_accessors(self):
        return {}

    def non_metadata_attributes(self):
        return set()

    def blocklisted_attributes(self):
        return set(PRIVATE_COLUMNS)
