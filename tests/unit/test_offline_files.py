"""The built site, checked as files and over HTTP: policies, precache, manifest.

No browser here. These pin down what the browser tests rely on:

- the service worker's precache list is exactly the build's file list, each
  URL as the pages ask for it, under a cache named after the build's hash;
- every page has the strict policy first in ``<head>``, one neutral title, no
  inline script or style, and only relative URLs (so a sub-path works);
- the dev server (which the browser tests use) sends the real security
  headers from ``_headers`` on every page, and serves a rebuild at once;
- the web app manifest makes the site installable.
"""

import hashlib
import html.parser
import json
import re
import struct
import threading
import tomllib
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest

from built import cache_name, precache
from doorway.builder import CONTENT, compress, csp, offline
from doorway.builder.serve import make_server, parse_headers_file

NOT_PRECACHED = ("_headers", "sw.js")
#: Words a tab title must not contain: it shows in history and on screen.
REVEALING = ("therap", "couple", "partner", "relationship", "abuse", "violence", "safety",
             "divorce", "counsel", "marriage")
#: A made-up origin to resolve the site's relative URLs against.
BASE = "https://site.invalid/"


# --- Helpers ---------------------------------------------------------------------------


def built_files(site):
    """Every file of the build but the precompressed copies of others (``x.br``, ``x.gz``)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and not compress.is_copy(p.name))


def file_for(url):
    """The build file a precached URL (relative to the site root) names."""
    path = url.split("?", 1)[0]
    if path in ("", "./"):
        return "index.html"
    return path + "index.html" if path.endswith("/") else path


def page_url(path):
    """The URL, relative to the site root, a visitor uses for a page file."""
    if path == "index.html":
        return "./"
    return path[:-len("index.html")] if path.endswith("/index.html") else path


def pages(site):
    return [p for p in built_files(site) if p.endswith(".html")]


class Element:
    def __init__(self, tag, attrs, line):
        self.tag = tag
        self.attrs = dict(attrs)
        self.line = line
        self.text = ""


class PageParser(html.parser.HTMLParser):
    """Every element with its attributes, the head's children in order, inline text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.head = []
        self.in_head = False
        self.depth = 0
        self.open = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.getpos()[0])
        self.elements.append(element)
        if tag == "head":
            self.in_head = True
        elif self.in_head and not self.open:
            self.head.append(element)
        if tag in ("script", "style", "title", "noscript"):
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if self.open and self.open[-1].tag == tag:
            self.open.pop()

    def handle_data(self, data):
        if self.open:
            self.open[-1].text += data


def parse(site, path):
    parser = PageParser()
    parser.feed((site / path).read_text(encoding="utf-8"))
    parser.close()
    return parser


def site_title():
    return tomllib.loads((CONTENT / "site.toml").read_text())["title"]


def resources(parser):
    """(kind, URL) for everything a page loads by itself, and every link it offers."""
    found = []
    for element in parser.elements:
        attrs = element.attrs
        if element.tag == "script" and attrs.get("src"):
            found.append(("load", attrs["src"]))
        elif element.tag == "link" and attrs.get("href"):
            found.append(("load", attrs["href"]))
        elif element.tag in ("img", "source", "audio", "video") and attrs.get("src"):
            found.append(("load", attrs["src"]))
        elif element.tag == "a" and attrs.get("href"):
            found.append(("link", attrs["href"]))
        if element.tag == "script" and attrs.get("config"):
            config = json.loads(attrs["config"])
            found.append(("load", config["interpreter"]))
            found.extend(("load", url) for url in config.get("files", {}))
    return found


# --- The precache list and the cache name -----------------------------------------------


def test_every_precached_url_is_a_built_file_with_the_right_version(site):
    urls = precache(site)
    assert len(urls) == len(set(urls)), "precache list has duplicates"
    for url in urls:
        assert "#" not in url, url
        path = file_for(url)
        assert (site / path).is_file(), "precached %s, but the build has no %s" % (url, path)
        if "?v=" in url:
            data = (site / path).read_bytes()
            assert url.split("?v=", 1)[1] == hashlib.sha256(data).hexdigest()[:12], url


def test_every_built_file_is_precached(site):
    urls = precache(site)
    covered = {file_for(url) for url in urls}
    for path in built_files(site):
        if path in NOT_PRECACHED:
            assert path not in covered
            continue
        assert path in covered, "%s is built but the service worker does not store it" % path


def test_pages_are_precached_under_the_url_a_visitor_uses(site):
    urls = precache(site)
    for path in pages(site):
        assert page_url(path) in urls, path
        if path.endswith("/index.html"):
            assert path not in urls


def test_cache_name_is_doorway_and_the_build_hash(site):
    cache = cache_name(site)
    files = {path: (site / path).read_bytes() for path in built_files(site) if path != "sw.js"}
    assert cache == "doorway-" + offline.build_hash(files)
    assert re.fullmatch(r"doorway-[0-9a-f]{16}", cache)


def test_everything_a_page_loads_or_links_to_is_in_the_precache(site):
    """So every page and every link between pages works offline."""
    urls = precache(site)
    stored = {urljoin(BASE, url) for url in urls}
    for path in pages(site):
        parser = parse(site, path)
        here = urljoin(BASE, path)
        for kind, url in resources(parser):
            absolute = urljoin(here, url)
            if not absolute.startswith(BASE):
                continue
            without_fragment = absolute.split("#", 1)[0]
            if kind == "link":
                page = urlsplit(without_fragment)
                without_fragment = "%s://%s%s" % (page.scheme, page.netloc, page.path)
                if without_fragment.endswith("/index.html"):
                    without_fragment = without_fragment[:-len("index.html")]
            assert without_fragment in stored, "%s asks for %s (%s), which is not precached" % (
                path, url, without_fragment)
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    for icon in manifest["icons"]:
        assert urljoin(urljoin(BASE, "manifest.webmanifest"), icon["src"]) in stored, icon


def test_the_service_worker_stores_nothing_at_run_time(site):
    """Only ``install`` writes to the cache; the fetch and activate handlers never do."""
    text = (site / "sw.js").read_text()
    install = text.index('addEventListener("install"')
    activate = text.index('addEventListener("activate"')
    fetch = text.index('addEventListener("fetch"')
    assert install < activate < fetch
    writes = [m.start() for m in re.finditer(r"\.(put|add|addAll)\(", text)]
    assert writes, "the worker must store the build somewhere"
    store = text.index("async function store(")
    assert all(store < at < install for at in writes), "cache writes outside install"
    calls = [m.start() for m in re.finditer(r"(?<!function )store\(cache", text)]
    assert calls and all(install < at < activate for at in calls)


# --- Pages: policy first, one title, nothing inline, relative URLs -----------------------


def test_the_csp_meta_comes_first_in_every_head(site):
    """Nothing that can load or run comes before the policy.

    Only ``<meta charset>`` may precede it: HTML wants the encoding declared
    at the very start, and it loads nothing.
    """
    for path in pages(site):
        head = parse(site, path).head
        tags = [(e.tag, e.attrs) for e in head]
        assert tags, path
        first = 0
        if tags[0] == ("meta", {"charset": "utf-8"}):
            first = 1
        tag, attrs = tags[first]
        assert tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy", (
            "%s: first element in <head> is <%s %s>, not the CSP" % (path, tag, attrs))
        assert attrs["content"] == csp.META_CSP, path
        assert "frame-ancestors" not in attrs["content"]
        referrer = [e for e in head if e.tag == "meta" and e.attrs.get("name") == "referrer"]
        assert [e.attrs["content"] for e in referrer] == ["no-referrer"], path


def test_the_policy_allows_only_the_site_itself():
    directives = dict(d.split(" ", 1) for d in csp.CSP_DIRECTIVES)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval' 'unsafe-eval'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    for name, value in directives.items():
        assert "http" not in value and "*" not in value and "data:" not in value, name
        assert "'unsafe-inline'" not in value, name
    assert csp.HEADER_CSP == csp.META_CSP + "; frame-ancestors 'none'"


def test_no_inline_script_or_style_anywhere(site):
    for path in pages(site):
        for element in parse(site, path).elements:
            where = "%s line %d" % (path, element.line)
            assert element.tag != "style", "%s: inline <style>" % where
            assert "style" not in element.attrs, "%s: style=\"\" attribute" % where
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert not handlers, "%s: inline event handler %s" % (where, handlers)
            for name in ("href", "src", "action", "formaction"):
                value = (element.attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:")), "%s: %s=%s" % (
                    where, name, value)
            if element.tag == "script":
                assert element.attrs.get("src"), "%s: <script> without src" % where
                assert not element.text.strip(), "%s: inline script text" % where


def test_one_neutral_title_on_every_page(site):
    title = site_title()
    assert title and not any(word in title.lower() for word in REVEALING), title
    for path in pages(site):
        titles = [e for e in parse(site, path).elements if e.tag == "title"]
        assert [e.text for e in titles] == [title], path


def test_pages_use_only_relative_urls(site):
    """No ``/…`` paths, so the site works from any folder of any host.

    The one exception is 404.html, which a host shows at whatever address was
    asked for: its links start from the base path given to the build ("/" here).
    """
    for path in pages(site):
        for _, url in resources(parse(site, path)):
            if path == "404.html" and not url.startswith(("https://", "#")):
                assert url.startswith("/") and not url.startswith("//"), url
            else:
                assert not url.startswith("/"), "%s: %s" % (path, url)
    for element in parse(site, "index.html").elements:
        if element.tag == "link" and element.attrs.get("rel") == "manifest":
            assert element.attrs["href"] == "./manifest.webmanifest"


# --- Installable ---------------------------------------------------------------------


def png_size(path):
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_manifest_is_linked_valid_and_its_icons_exist(site):
    for path in pages(site):
        links = [e for e in parse(site, path).elements
                 if e.tag == "link" and e.attrs.get("rel") == "manifest"]
        assert len(links) == 1, path
        assert urljoin(urljoin(BASE, path), links[0].attrs["href"]) == BASE + "manifest.webmanifest"
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    assert manifest["name"] and manifest["short_name"]
    assert not any(word in manifest["name"].lower() for word in REVEALING)
    assert manifest["display"] in ("standalone", "minimal-ui", "fullscreen")
    assert urljoin(BASE + "manifest.webmanifest", manifest["start_url"]) == BASE
    assert urljoin(BASE + "manifest.webmanifest", manifest["scope"]) == BASE
    sizes = set()
    for icon in manifest["icons"]:
        file = site / icon["src"].split("?", 1)[0]
        assert file.is_file(), icon
        assert icon["type"] == "image/png"
        width, height = png_size(file)
        assert icon["sizes"] == "%dx%d" % (width, height), icon
        if icon.get("purpose", "any") == "any":
            sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes


# --- Over HTTP: the dev server the browser tests use --------------------------------------


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def check_security_headers(url, headers):
    policy = headers.get("Content-Security-Policy", "")
    assert policy == csp.HEADER_CSP, url
    assert "frame-ancestors 'none'" in policy, url
    assert headers.get("Referrer-Policy") == "no-referrer", url
    assert headers.get("X-Content-Type-Options") == "nosniff", url


def test_every_page_is_served_with_the_security_headers(site, server):
    for path in pages(site):
        url = server + page_url(path).removeprefix("./")
        status, headers, body = fetch(url)
        assert status == 200, url
        check_security_headers(url, headers)
        assert headers.get("Cache-Control") == "no-cache", url
        assert headers.get("Content-Type", "").startswith("text/html"), url
        assert body == (site / path).read_bytes()


def test_other_files_and_unknown_urls_get_the_headers_too(site, server):
    status, headers, body = fetch(server + "no/such/page")
    assert status == 404 and body == (site / "404.html").read_bytes()
    check_security_headers("404", headers)
    status, headers, _ = fetch(server + "sw.js")
    assert status == 200 and headers.get("Cache-Control") == "no-cache"
    assert headers["Content-Type"].startswith("text/javascript")
    check_security_headers("sw.js", headers)
    urls = precache(site)
    samples = [u for u in urls if u.endswith((".css", ".wasm", ".mjs")) or ".py?v=" in u]
    assert len(samples) >= 4
    for url in samples:
        status, headers, _ = fetch(server + url)
        assert status == 200, url
        check_security_headers(url, headers)
    status, headers, _ = fetch(server + "_headers")
    assert status == 404


def test_headers_file_covers_every_page(site):
    rules = parse_headers_file((site / "_headers").read_text())
    assert rules[0][0] == "/*"
    every = dict(rules[0][1])
    assert every["Content-Security-Policy"] == csp.HEADER_CSP
    assert every["Referrer-Policy"] == "no-referrer"
    assert every["X-Content-Type-Options"] == "nosniff"
    no_cache = {pattern for pattern, pairs in rules if ("Cache-Control", "no-cache") in pairs}
    assert "/sw.js" in no_cache
    for path in pages(site):
        assert "/" + page_url(path).removeprefix("./") in no_cache, path


def test_the_server_serves_a_rebuild_at_once(tmp_path):
    """A new deploy into the same folder is seen without restarting the server."""
    root = tmp_path / "build"
    root.mkdir()
    (root / "index.html").write_text("first")
    (root / "_headers").write_text("/*\n  X-Test: one\n")
    server = make_server(root)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/" % server.server_address[1]
    try:
        status, headers, body = fetch(url)
        assert (status, body, headers.get("X-Test")) == (200, b"first", "one")
        replacement = tmp_path / "next"
        replacement.mkdir()
        (replacement / "index.html").write_text("second build")
        (replacement / "_headers").write_text("/*\n  X-Test: two\n")
        root.rename(tmp_path / "old")
        replacement.rename(root)
        status, headers, body = fetch(url)
        assert (status, body, headers.get("X-Test")) == (200, b"second build", "two")
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("prefix", ["/doorway/", "doorway"])
def test_the_server_keeps_a_sub_path_to_itself(site, prefix):
    server = make_server(site, prefix=prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = "http://127.0.0.1:%d" % server.server_address[1]
    try:
        assert fetch(origin + "/doorway/")[0] == 200
        assert fetch(origin + "/doorway/invite/")[0] == 200
        assert fetch(origin + "/")[0] == 404
        assert fetch(origin + "/invite/")[0] == 404
    finally:
        server.shutdown()
        server.server_close()
