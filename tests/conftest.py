"""Fixtures for every test: one build of the site per session, served locally."""

import pytest

from doorway.builder import build
from doorway.builder.serve import serve_in_background as serve_in_thread


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built from the real content, in a temporary folder."""
    return build(tmp_path_factory.mktemp("site") / "build")


@pytest.fixture(scope="session")
def server(site):
    url, running = serve_in_thread(site)
    yield url
    running.shutdown()
