"""An address longer than browsers and proxies carry is a bad request (400), not a broken redirect.

Plone sends a visitor without access to the log-in page with the whole address in
``came_from``; an address of 100,000 characters made a redirect header no client reads.
"""

from zExceptions import BadRequest


#: What common proxies and browsers pass on (nginx's default header buffer is 8 KB).
MAX_QUERY_LENGTH = 8000


def refuse_overlong_query(site, event):
    """On entering the site: a query string longer than ``MAX_QUERY_LENGTH`` is refused."""
    environ = getattr(event.request, "environ", None) or {}
    if len(environ.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        raise BadRequest("query string too long")
