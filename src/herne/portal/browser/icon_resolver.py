"""Plone's ``@@iconresolver`` with each SVG icon's markup read, parsed and tagged once per process."""

from collections import OrderedDict
from Products.CMFPlone.browser.icons import IconsView
import threading


#: distinct (icon, class, label) combinations kept; a page of the portal uses a few dozen
CACHED_TAGS = 512


class CachedIconsView(IconsView):
    """Tags the same icons as Plone's resolver; an SVG file is read once per process.

    Plone's ``tag`` traverses to the icon's resource (with a security check), opens
    the SVG file, parses it and serialises it again on every call: the toolbar, the
    status message and the navigation call it on every page, about 0.4 ms each. A
    file below a resource directory does not change while the process runs, so the
    markup is kept by the resource the registry names (``plone.icon.*``, still asked
    on every call: a changed choice shows at once), the CSS class and the label.
    ``<img>`` icons (their address depends on the request) go Plone's way every time.
    """

    def tag(self, name, tag_class="", tag_alt=""):
        icon = self.lookup(name)
        if not icon.endswith(".svg"):
            return super().tag(name, tag_class=tag_class, tag_alt=tag_alt)
        # the label becomes the text of the SVG's <title>: a message id's own text
        key = (icon, str(tag_class), str(tag_alt))
        markup = _markup.get(key)
        if markup is None:
            # the same registry snapshot as the look-up above: the same resource
            markup = super().tag(name, tag_class=tag_class, tag_alt=tag_alt)
            _markup.put(key, markup)
        return markup


class _Markup:
    """At most ``size`` tags by (resource, class, label); the least recently used goes first."""

    def __init__(self, size):
        self.size = size
        self._tags = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            markup = self._tags.get(key)
            if markup is not None:
                self._tags.move_to_end(key)
            return markup

    def put(self, key, markup):
        with self._lock:
            self._tags[key] = markup
            if len(self._tags) > self.size:
                self._tags.popitem(last=False)

    def clear(self):
        with self._lock:
            self._tags.clear()


_markup = _Markup(CACHED_TAGS)
