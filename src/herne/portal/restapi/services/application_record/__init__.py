"""REST: an application is a record; plone.restapi's generic edit (PATCH) of it is for administrators."""
