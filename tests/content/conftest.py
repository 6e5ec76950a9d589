"""Checks of the real content (site/content), for editors and reviewers.

The logic and builder tests run on the fixture tree in tests/fixtures/content,
so rewording site/content breaks none of them; the tests here hold the real
content to its rules: it loads (schema and references), it reads plainly, it
covers what the issues ask for, and the conversation map keeps its rules for
every case. Every count comes from the catalogue, so adding a reason, a country
or a stance needs no change here. They reuse the rules in tests/logic (on
pytest's pythonpath).
"""

import pytest

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.guide.catalogue import Catalogue


@pytest.fixture(scope="session")
def content():
    """The real content's catalogue, as the build writes it (a plain dict)."""
    return load(CONTENT)


@pytest.fixture(scope="session")
def real(content):
    """The real content as the guide reads it (doorway.guide.catalogue.Catalogue)."""
    return Catalogue(content)
