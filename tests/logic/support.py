"""Helpers for the logic tests, which run under CPython *and* MicroPython.

The tests in this folder are plain functions named ``test_*`` that take no
arguments and use bare ``assert``: pytest collects them as usual, and
``runner.py`` runs the very same files under the MicroPython the site ships
(see tests/unit/test_micropython.py). Nothing here may import pytest.
"""

import sys

IS_MICROPYTHON = sys.implementation.name == "micropython"

_catalogue = None


def catalogue():
    """The fixture content (tests/fixtures/content), as the browser gets it (loaded once).

    Logic tests run on the fixture, not on site/content, so rewording the real
    content breaks none of them; tests/content/ checks the real content. Under
    MicroPython ``catalogue.json`` is the fixture's, compiled by
    tests/browser/test_micropython.py.
    """
    global _catalogue
    if _catalogue is None:
        from doorway.guide.catalogue import Catalogue
        if IS_MICROPYTHON:
            with open("catalogue.json") as handle:
                _catalogue = Catalogue.from_json(handle.read())
        else:
            from doorway.builder.content import load
            _catalogue = Catalogue(load(fixture_content()))
    return _catalogue


def fixture_content():
    """The fixture content tree, tests/fixtures/content (CPython only)."""
    from fixtures import CONTENT
    return CONTENT


def word_list_text():
    """The vendored passphrase word list, as the share step will fetch it."""
    if IS_MICROPYTHON:
        with open("eff-long.txt") as handle:
            return handle.read()
    from doorway.builder import VENDOR
    return (VENDOR / "wordlist" / "eff-long").read_text()


def raises(kind, function, *args):
    """Call ``function(*args)`` and return the ``kind`` exception it must raise."""
    try:
        function(*args)
    except kind as error:
        return error
    raise AssertionError("%s did not raise %s" % (getattr(function, "__name__", function),
                                                   kind.__name__))


def combinations(items, size):
    """All ``size``-long combinations of ``items``, in order (no itertools needed)."""
    if size == 0:
        return [[]]
    found = []
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], size - 1):
            found.append([items[i]] + rest)
    return found


def answers(**values):
    """A filled-in answers dict, safety check passed."""
    from doorway.guide.answers import blank_answers
    result = blank_answers()
    result["safety"] = {"afraid": "no"}
    result["stance"] = "not_asked"
    result["reasons"] = ["blame"]
    for key in values:
        result[key] = values[key]
    return result
