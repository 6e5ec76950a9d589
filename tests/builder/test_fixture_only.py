"""The logic and builder tests read the fixture content, never site/content.

Rewording a sentence in site/content must break none of them (issue 10): a test
that imports the real content's folder would bring that back unnoticed. Checks
of the real content belong in tests/content/.
"""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
#: reply_scores.py is also a script that reports on the real checker (its __main__ block).
SCRIPTS = {TESTS / "logic" / "reply_scores.py"}
FILES = sorted(p for folder in ("logic", "builder") for p in (TESTS / folder).glob("*.py")
               if p not in SCRIPTS)


def real_content_imports(source):
    """The lines of ``source`` that import ``CONTENT`` from ``doorway.builder``."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and node.module == "doorway.builder"
            and any(alias.name == "CONTENT" for alias in node.names)]


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(TESTS).as_posix() for p in FILES])
def test_no_logic_or_builder_test_reads_the_real_content(path):
    assert real_content_imports(path.read_text()) == [], \
        "%s reads site/content: use support.catalogue() or `from fixtures import CONTENT`" % path


def test_the_check_finds_an_import_of_the_real_content():
    assert real_content_imports("def f():\n    from doorway.builder import CONTENT, VENDOR\n") \
        == [2]
    assert real_content_imports("from fixtures import CONTENT\n") == []
