"""The local server behaves like a good static host (doorway.builder.serve)."""

import gzip
import http.client
import io
import shutil
import socket
import sys
import threading
import time
from urllib.parse import urlsplit

import brotli
import pytest

from doorway.builder import CONTENT
from doorway.builder.errors import PortInUse
from doorway.builder.serve import (
    accepted_encodings,
    make_server,
    parse_headers_file,
    serve_in_background,
)
from doorway.builder.watch import Watcher, snapshot
from doorway.cli import main


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


def test_compressed_only_as_asked_brotli_first(served, site):
    wasm = "/" + next((site / "runtime").glob("micropython-*/micropython.wasm")) \
        .relative_to(site).as_posix()
    for path, file in (("/", "index.html"), (wasm, wasm[1:])):
        original = (site / file).read_bytes()
        response, body = get(served, path, {"Accept-Encoding": "gzip, deflate, br"})
        assert response.getheader("Content-Encoding") == "br", path
        assert brotli.decompress(body) == original
        assert body == (site / (file + ".br")).read_bytes(), "the build's own copy"
        assert response.getheader("Vary") == "Accept-Encoding"
        assert int(response.getheader("Content-Length")) == len(body)
        response, body = get(served, path, {"Accept-Encoding": "gzip, br;q=0"})
        assert response.getheader("Content-Encoding") == "gzip", path
        assert gzip.decompress(body) == original
        response, body = get(served, path)
        assert response.getheader("Content-Encoding") is None
        assert response.getheader("Vary") == "Accept-Encoding"
        assert body == original


def test_files_without_copies_are_gzipped_here(tmp_path):
    (tmp_path / "a.js").write_text("let a = 1;\n" * 200)
    (tmp_path / "b.png").write_bytes(b"\x89PNG" + bytes(500))
    url, server = serve_in_background(tmp_path)
    try:
        where = urlsplit(url)
        response, body = get(where, "/a.js", {"Accept-Encoding": "br, gzip"})
        assert response.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == (tmp_path / "a.js").read_bytes()
        response, body = get(where, "/b.png", {"Accept-Encoding": "br, gzip"})
        assert response.getheader("Content-Encoding") is None
        assert response.getheader("Vary") is None
    finally:
        server.shutdown()


def test_accepted_encodings_reads_quality_values():
    assert accepted_encodings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_encodings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_encodings("BR ; q=1.0") == {"br"}
    assert accepted_encodings("") == set() and accepted_encodings(None) == set()


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


# --- A busy port, and serve --watch ----------------------------------------------------


@pytest.fixture
def busy_port():
    """A port another program is listening on."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    yield holder.getsockname()[1]
    holder.close()


def test_a_busy_port_is_one_sentence_that_suggests_another(busy_port):
    with pytest.raises(PortInUse) as caught:
        make_server("unused", port=busy_port)
    assert str(caught.value) == (
        "port %d on 127.0.0.1 is already in use, perhaps by another `serve`: stop that one, "
        "or choose another port with --port %d" % (busy_port, busy_port + 1))


def test_serve_on_a_busy_port_says_so_before_building(busy_port, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["serve", "--port", str(busy_port), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert error == ("serve failed: port %d on 127.0.0.1 is already in use, perhaps by another "
                     "`serve`: stop that one, or choose another port with --port %d\n"
                     % (busy_port, busy_port + 1))
    assert not out.exists(), "nothing was built"


def wait_for(condition, what, timeout=60):
    """Poll until ``condition()`` holds; the timeout only stops a hung test."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting: " + what
        time.sleep(0.1)


def test_watch_rebuilds_shows_a_broken_build_on_every_page_then_the_site_again(tmp_path):

    content = tmp_path / "site" / "content"
    shutil.copytree(CONTENT, content)
    out = tmp_path / "out"
    terminal = io.StringIO()
    watcher = Watcher([sys.executable, "-m", "doorway", "build", "--content", content,
                       "--out", out], [content], interval=0.1, out=terminal)
    server = make_server(out, watcher=watcher)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    where = urlsplit("http://127.0.0.1:%d/" % server.server_address[1])
    try:
        watcher.start()
        assert watcher.problem is None, terminal.getvalue()
        response, body = get(where, "/about.html")
        assert response.status == 200 and body == (out / "about.html").read_bytes()

        site = content / "site.toml"
        good = site.read_text()
        site.write_text(good.replace("note_limit = 280", "note_limit = 2"))
        wait_for(lambda: watcher.problem is not None, "the broken build")
        problem = "site/content/site.toml: note_limit: must be between 50 and 1000"
        assert problem in terminal.getvalue()
        for page in ("/", "/about.html", "/invite/", "/no-such-page"):
            response, body = get(where, page)
            assert response.status == 500, page
            assert problem.encode() in body and b'http-equiv="refresh"' in body, page
            assert response.getheader("Cache-Control") == "no-store"
        response, _ = get(where, "/assets/css/doorway.css")
        assert response.status == 200, "files of the last good build are still served"

        site.write_text(good.replace("Doorway", "Doorway!", 1))
        wait_for(lambda: watcher.problem is None, "the fixed build")
        response, body = get(where, "/about.html")
        assert response.status == 200 and body == (out / "about.html").read_bytes()
        assert "build fixed" in terminal.getvalue()
    finally:
        watcher.stop()
        server.shutdown()
        server.server_close()


def test_watch_serves_a_worker_that_removes_itself(site):

    watcher = Watcher(["true"], [])
    server = make_server(site, watcher=watcher)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        response, body = get(urlsplit("http://127.0.0.1:%d/" % server.server_address[1]),
                             "/sw.js")
        assert response.status == 200 and response.getheader("Cache-Control") == "no-store"
        assert b"self.registration.unregister()" in body and b"PRECACHE" not in body
    finally:
        server.shutdown()
        server.server_close()


def test_the_watcher_sees_added_changed_and_removed_files_but_not_caches(tmp_path):
    (tmp_path / "a.toml").write_text("a")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_text("")
    (tmp_path / ".a.toml.swp").write_text("")
    first = snapshot([tmp_path])
    assert list(first) == [str(tmp_path / "a.toml")]
    (tmp_path / "a.toml").write_text("changed")
    assert snapshot([tmp_path]) != first
    (tmp_path / "b.toml").write_text("b")
    (tmp_path / "a.toml").unlink()
    assert list(snapshot([tmp_path])) == [str(tmp_path / "b.toml")]
