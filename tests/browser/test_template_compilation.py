"""Templates compiled by several threads at once all work: the first requests after a start get their pages."""

from chameleon import PageTemplate
from chameleon.template import BaseTemplate
import gc
import pytest
import sys
import threading


THREADS = 4
TEMPLATES_PER_THREAD = 8


def body(number):
    """A template of its own (Chameleon compiles each text once) with many Python expressions."""
    rows = "\n".join(
        f'<li tal:repeat="item python:[x * {row} for x in range(3)]"'
        f" tal:content=\"python:{{'n': item, 't': ({number}, {row})}}['n'] + {row}\" />"
        for row in range(25)
    )
    return f'<ul id="t{number}">\n{rows}\n</ul>'


@pytest.fixture
def busy_interpreter():
    """Threads switch as often as they can, and the collector runs Python code while it works.

    A web server's threads under load do both; here they make the overlap of two
    compilations likely instead of rare.
    """
    interval = sys.getswitchinterval()
    callback = lambda phase, info: None  # noqa: E731
    sys.setswitchinterval(1e-6)
    gc.callbacks.append(callback)
    try:
        yield
    finally:
        gc.callbacks.remove(callback)
        sys.setswitchinterval(interval)


def test_templates_compiled_in_many_threads_at_once_all_render(integration, busy_interpreter):
    # herne.portal's configuration is loaded: the compilation it guards is Chameleon's own
    assert BaseTemplate.cook.__module__ == "herne.portal.template_compilation"
    errors, rendered = [], []
    start = threading.Barrier(THREADS)

    def compile_and_render(offset):
        start.wait()
        for number in range(offset, offset + TEMPLATES_PER_THREAD):
            try:
                rendered.append(PageTemplate(body(number))())
            except Exception as error:  # noqa: BLE001 - any failure is what the test reports
                errors.append(f"{type(error).__name__}: {error}")

    threads = [
        threading.Thread(target=compile_and_render, args=(index * TEMPLATES_PER_THREAD,))
        for index in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(rendered) == THREADS * TEMPLATES_PER_THREAD
    assert all("<li>" in page for page in rendered)
