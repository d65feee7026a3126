"""The portal stops being the thread's site when the request's database connection closes, before Zope announces the request's end.

Zope's publisher closes the request's connection (``load_app``) and only then
announces the end of the request (``request.close()``: ``EndRequestEvent``), whose
subscribers are looked up through the current site's component registry, the
portal's, a persistent object of the closed connection. When the connection's
cache had turned the registry (or its subscriber lists) back into ghosts at the
close, as it does with the least recently used objects once a request has touched
more than the cache holds, that look-up failed with ``ConnectionStateError`` after
the page was rendered: an error instead of the page (seen in the test suite as an
anonymous visitor's refused page failing now and then). Here the site is left as
the connection closes (a close callback registered when the publisher enters the
portal), so the end of the request is announced through the global registry, where
Zope's own subscribers for it are registered.
"""

from zope.component.hooks import setSite


_MARK = "_herne_site_left_on_close"


def leave_site_on_close(site, event):
    """``IBeforeTraverseEvent`` of the portal: leave the site when this request's connection closes."""
    jar = getattr(site, "_p_jar", None)
    opened = getattr(jar, "opened", None)
    if opened is None or getattr(jar, _MARK, None) == opened:
        return  # not from a database, or already registered while this connection is open
    setattr(jar, _MARK, opened)
    jar.onCloseCallback(_leave_site)


def _leave_site():
    setSite(None)
