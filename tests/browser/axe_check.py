"""axe-core on a page, put into each document once however often a test runs it.

``Axe().run`` evaluates all of axe-core (570 kB) in the page before every
run; a test that checks one page in several states (each colour scheme,
each screen of a practice) paid for that every time. The run itself is the
library's, unchanged: the same rules, options and report.
"""

from axe_playwright_python.sync_playwright import Axe

_WITH_SCRIPT = Axe()
#: For a document that already holds axe-core: injects nothing (``0``), then runs.
_ALREADY_IN = Axe(axe_script="0")


def run(page):
    """axe-core's findings on ``page`` as it is now (an ``AxeResults``)."""
    present = page.evaluate("typeof window.axe === 'object' && typeof axe.run === 'function'")
    return (_ALREADY_IN if present else _WITH_SCRIPT).run(page)


def assert_accessible(page, where):
    """axe-core finds no violation on ``page``; ``where`` names it in the failure."""
    results = run(page)
    assert results.violations_count == 0, "%s\n%s" % (where, results.generate_report())
