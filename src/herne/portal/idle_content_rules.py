"""Plone's content rules are not looked for along an object's parents while the site has no rule at all."""

from plone.app.contentrules import handlers
from plone.contentrules.engine.interfaces import IRuleStorage
from zope.component import queryUtility


#: Plone's own function, taken before the patch replaces it in its module.
plone_execute = handlers.execute


def execute(context, event):
    """``plone.app.contentrules.handlers.execute``, which returns at once when no rule exists.

    Plone runs this for every event on content (created, added, modified, each workflow
    transition) and every log-in: it asks the object and each of its parents up to the
    site for the rules assigned there, and the asking creates and stores an empty rule
    assignment on every object that had none (each new application got one). With no
    rule defined in the site ("Inhaltsregeln" control panel), no assignment can name
    one, so nothing could run; as soon as an editor adds a rule, Plone's walk runs
    again unchanged.
    """
    storage = queryUtility(IRuleStorage)
    if storage is None or not storage.active or not len(storage):
        return
    plone_execute(context, event)
