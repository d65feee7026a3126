"""REST @antrag-zuordnen: a citizen attaches an application entered for them to their account."""
