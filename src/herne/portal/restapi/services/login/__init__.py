"""REST: ``@login``, plone.restapi's log-in refusing posts sent by pages of other sites."""
