"""collective.easyform's look-up of a field's next validator or default, with one wrapper class per interface instead of one per field and call.

easyform's ``superAdapter`` finds the validator (or default) that its own
``FieldExtenderValidator`` (``FieldExtenderDefault``) stands in front of: it wraps the
form view in a class that provides the view's next less specific interface and asks
the component registry again. It defines that class anew on every call, i.e. for
every field of a form on every render and every submission; zope.interface computes
each new class's declarations and the registry's look-up caches, which are kept per
declaration, never hit. A 17-field application form spent about a tenth of a
submission's CPU time there. Here the wrapper class is made once per interface and
reused: it provides the same interface and forwards the same attributes, so the same
adapter is found (``tests/easyform/test_next_adapter.py``).
"""

import threading
from zope.component import queryMultiAdapter
from zope.interface import implementer
from zope.interface import providedBy


_wrapper_classes = {}
_lock = threading.Lock()


def wrapper_class(interface):
    """The class whose instances stand for a view and provide ``interface`` (made once per interface)."""
    cls = _wrapper_classes.get(interface)
    if cls is None:

        @implementer(interface)
        class Wrapper:
            def __init__(self, view):
                self.__view__ = view

            def __getattr__(self, item):
                return getattr(self.__view__, item)

        with _lock:
            cls = _wrapper_classes.setdefault(interface, Wrapper)
    return cls


def next_adapter(specific_interface, adapter, objects, name=""):
    """``collective.easyform.fields.superAdapter`` with the wrapper classes made once.

    Same arguments and answer: the adapter ``objects`` would get if the one providing
    ``specific_interface`` (the form or the fieldset) provided its next interface
    instead, or None when none of them provides it.
    """
    new_obj = []
    found = False
    for obj in objects:
        spec = providedBy(obj)
        if spec.isOrExtends(specific_interface):
            interfaces = list(spec.interfaces())
            try:
                index = interfaces.index(specific_interface)
            except ValueError:
                pass
            else:
                found = True
                obj = wrapper_class(interfaces[index + 1])(obj)
        new_obj.append(obj)
    if not found:
        return None
    adapter_interfaces = list(providedBy(adapter).interfaces())
    if not adapter_interfaces:
        return None
    return queryMultiAdapter(new_obj, adapter_interfaces[0], name=name)
