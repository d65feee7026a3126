"""Page templates compiled one at a time in a process: Python 3.11's ``ast`` module fails when two threads use it at once.

Chameleon compiles a template the first time it is rendered, building and parsing
Python syntax trees for the template and each of its expressions. On CPython 3.11
(3.11.7 here) two threads doing that at the same moment can end with
``SystemError: AST constructor recursion depth mismatch`` (CPython gh-106905); the
template then keeps "Compilation failed" for the life of the process and every page
that uses it answers 500. It happened on a freshly restarted instance of the
``make start`` layout when the citizens waiting for it sent their forms at once.
Compiling is done once per template and process, so waiting for another thread's
compilation costs only the first requests after a start.
"""

import threading


#: Re-entrant: compiling a template may load and compile another (a macro's template).
COMPILING = threading.RLock()


def cook(self, body):
    """``chameleon.template.BaseTemplate.cook``, one thread of the process at a time."""
    with COMPILING:
        return self._old_cook(body)
