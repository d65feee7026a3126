"""REST @angebote: applications entered for the caller by someone else, to accept or decline."""
