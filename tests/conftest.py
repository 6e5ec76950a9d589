"""Fixtures for every test: one build of the site per session, served locally."""

import threading

import pytest

from doorway.builder import build
from doorway.builder.serve import make_server


def serve_in_thread(root, prefix="/"):
    """Serve ``root`` on a free port; returns (base URL, server)."""
    server = make_server(root, prefix=prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    return "http://127.0.0.1:%d%s" % (server.server_address[1], path), server


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built from the real content, in a temporary folder."""
    return build(tmp_path_factory.mktemp("site") / "build")


@pytest.fixture(scope="session")
def server(site):
    url, running = serve_in_thread(site)
    yield url
    running.shutdown()
