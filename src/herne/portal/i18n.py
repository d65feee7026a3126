"""German text from messages: the one translation helper for mails, PDFs, JSON and stored titles."""

from zope.i18n import translate
from zope.i18nmessageid import Message


def in_german(message):
    """``message`` translated to German, the site's language; plain text is returned as it is."""
    if isinstance(message, Message):
        return translate(message, target_language="de")
    return message
