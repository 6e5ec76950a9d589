"""The local server behaves like a good static host (doorway.builder.serve)."""

import gzip
import http.client
from urllib.parse import urlsplit

import pytest

from doorway.builder.serve import parse_headers_file, serve_in_background


@pytest.fixture(scope="module")
def served(site):
    url, server = serve_in_background(site)
    yield urlsplit(url)
    server.shutdown()


@pytest.fixture(scope="module")
def prefixed(site):
    url, server = serve_in_background(site, prefix="/doorway/")
    yield urlsplit(url)
    server.shutdown()


def get(where, path, headers=None):
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_types_that_browsers_insist_on(served, site):
    wasm = next((site / "runtime").glob("micropython-*/micropython.wasm")).relative_to(site)
    mjs = wasm.with_name("micropython.mjs")
    assert get(served, "/" + wasm.as_posix())[0].getheader("Content-Type") == "application/wasm"
    assert get(served, "/" + mjs.as_posix())[0].getheader("Content-Type").startswith(
        "text/javascript")
    assert get(served, "/manifest.webmanifest")[0].getheader("Content-Type") == \
        "application/manifest+json"


def test_gzip_only_when_asked(served, site):
    response, body = get(served, "/", {"Accept-Encoding": "gzip, br"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (site / "index.html").read_bytes()
    response, body = get(served, "/")
    assert response.getheader("Content-Encoding") is None
    assert body == (site / "index.html").read_bytes()


def test_pages_and_worker_revalidate_versioned_files_are_kept(served):
    assert get(served, "/")[0].getheader("Cache-Control") == "no-cache"
    assert get(served, "/sw.js")[0].getheader("Cache-Control") == "no-cache"
    response, _ = get(served, "/assets/css/doorway.css?v=anything")
    assert "immutable" in response.getheader("Cache-Control")


def test_etag_gives_304(served):
    response, _ = get(served, "/about.html")
    tag = response.getheader("ETag")
    response, body = get(served, "/about.html", {"If-None-Match": tag})
    assert response.status == 304 and body == b""


def test_security_headers_from_the_headers_file(served):
    response, _ = get(served, "/invite/")
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_missing_pages_and_escapes_get_the_404_page(served, site):
    for path in ("/nope.html", "/../pyproject.toml", "/%2e%2e/pyproject.toml", "/_headers"):
        response, body = get(served, path)
        assert response.status == 404, path
        assert body == (site / "404.html").read_bytes()


def test_folders_redirect_to_their_slash(served):
    response, _ = get(served, "/invite")
    assert response.status == 301 and response.getheader("Location") == "/invite/"


def test_a_prefix_serves_the_site_under_a_sub_path(prefixed, site):
    response, body = get(prefixed, "/doorway/invite/")
    assert response.status == 200 and body == (site / "invite" / "index.html").read_bytes()
    assert get(prefixed, "/doorway")[0].getheader("Location") == "/doorway/"
    assert get(prefixed, "/invite/")[0].status == 404


def test_headers_file_parsing():
    rules = parse_headers_file("# comment\n/*\n  A: 1\n  B: two: parts\n/x\n  C: 3\n")
    assert rules == [("/*", [("A", "1"), ("B", "two: parts")]), ("/x", [("C", "3")])]
