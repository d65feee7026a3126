"""REST: ``@registry``, plone.restapi's registry reading that answers 404 for an unknown record."""
