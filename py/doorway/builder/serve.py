"""Serve a build the way a good static host would.

``python -m doorway serve`` and the tests use this server, so both see what a
real deployment sends:

- the right types for ``.mjs`` (JavaScript) and ``.wasm`` (``application/wasm``,
  which streaming compilation requires);
- brotli or gzip for text files when the browser accepts it: the build's
  precompressed ``x.br`` and ``x.gz`` copies (see :mod:`.compress`), or gzip
  made here for a folder without them, always with ``Vary: Accept-Encoding``;
- ``no-cache`` for pages and the service worker, so a new deploy is noticed,
  and a year of caching for versioned files (``?v=…`` or runtime folders);
- ETags and ``304 Not Modified``;
- the headers from the build's ``_headers`` file (as Netlify and Cloudflare
  Pages apply them), so the real CSP header with ``frame-ancestors`` is tested;
- optionally a path prefix, to test a sub-path deployment such as ``/doorway/``;
- optionally Cloudflare Pages' "clean URLs": ``/x.html`` redirects (308) to
  ``/x``, and ``/x`` serves ``x.html``, to test a host that rewrites page URLs;
- optionally a :class:`~doorway.builder.watch.Watcher` (``serve --watch``):
  while its last build is broken, every page shows what is wrong.
"""

import errno
import gzip
import hashlib
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .compress import COMPRESSIBLE, ENCODINGS
from .errors import DoorwayError, PortInUse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".py": "text/x-python; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
NO_CACHE = (".html", ".webmanifest")
LONG_CACHE = "public, max-age=31536000, immutable"


def parse_headers_file(text):
    """Rules from a ``_headers`` file: ``[(pattern, [(name, value)])]``."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def accepted_encodings(header):
    """The content codings an ``Accept-Encoding`` header allows (``q=0`` refuses one)."""
    allowed = set()
    for part in (header or "").split(","):
        name, _, parameters = part.partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name.strip() and quality > 0:
            allowed.add(name.strip().lower())
    return allowed


def _matches(pattern, path):
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


class _Files:
    """The build in memory: bytes, compressed copies and ETag per file.

    A file is read again when it changes on disk (another size, time or
    inode), so a rebuild while serving, like a new deploy, is served at once.
    """

    def __init__(self, root):
        self.root = Path(root)
        self.cache = {}
        self.lock = threading.Lock()

    def get(self, relative):
        path = self.root / relative
        try:
            info = path.stat()
        except OSError:
            return None
        if not path.is_file():
            return None
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        with self.lock:
            entry = self.cache.get(relative)
            if entry is None or entry["stamp"] != stamp:
                data = path.read_bytes()
                suffix = path.suffix
                encoded = {}
                if suffix in COMPRESSIBLE:
                    for coding, ending in ENCODINGS:
                        copy = path.with_name(path.name + ending)
                        if copy.is_file():
                            encoded[coding] = copy.read_bytes()
                    if "gzip" not in encoded:
                        encoded["gzip"] = gzip.compress(data, 9, mtime=0)
                entry = self.cache[relative] = {
                    "stamp": stamp,
                    "data": data,
                    # Only copies that are smaller than the file itself are worth sending.
                    "encoded": {coding: copy for coding, copy in encoded.items()
                                if len(copy) < len(data)},
                    "compressible": suffix in COMPRESSIBLE,
                    "etag": '"%s"' % hashlib.sha1(data).hexdigest()[:16],
                    "type": TYPES.get(suffix, "application/octet-stream"),
                    "suffix": suffix,
                }
            return entry

    def rules(self):
        """The rules of the build's ``_headers`` file, as it is now."""
        entry = self.get("_headers")
        if entry is None:
            return []
        if "rules" not in entry:
            entry["rules"] = parse_headers_file(entry["data"].decode("utf-8"))
        return entry["rules"]


def make_handler(root, prefix="/", quiet=False, clean_urls=False, watcher=None):
    """A request handler class serving the build in ``root`` under ``prefix``.

    With a ``watcher``, pages show the watcher's problem while it has one,
    and ``sw.js`` is a worker that removes itself (see :mod:`.watch`), so a
    reload always shows the newest build.
    """
    files = _Files(root)
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "doorway"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            if not quiet:
                super().log_message(format, *args)

        def do_HEAD(self):
            self.respond(head=True)

        def do_GET(self):
            self.respond(head=False)

        def resolve(self, path):
            """The file a URL path names, or None: ``/x/`` means ``/x/index.html``."""
            if not path.startswith(prefix):
                return None
            relative = unquote(path[len(prefix):])
            if relative.endswith("/") or not relative:
                relative += "index.html"
            parts = relative.split("/")
            if any(part in ("", ".", "..") for part in parts) or relative == "_headers":
                return None
            return relative

        @staticmethod
        def cache_rule(relative, query, entry):
            if entry["suffix"] in NO_CACHE or relative == "sw.js":
                return "no-cache"
            if "v=" in query or relative.startswith("runtime/"):
                return LONG_CACHE
            return "no-cache"

        def redirect(self, status, location):
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def send_plain(self, status, body, content_type, head):
            """A response made here rather than read from the build (``--watch``)."""
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", "default-src 'none'")
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def watched(self, url, head):
            """Answer for the watcher if it has something to say; True if it did."""
            from .watch import RETIRING_WORKER, error_page
            relative = self.resolve(url.path)
            if relative == "sw.js":
                self.send_plain(200, RETIRING_WORKER, TYPES[".js"], head)
                return True
            last = (relative or "").rsplit("/", 1)[-1]
            is_page = relative is None or last.endswith(".html") or "." not in last
            if watcher.problem is not None and is_page:
                self.send_plain(500, error_page(watcher.problem), TYPES[".html"], head)
                return True
            return False

        def respond(self, head):
            url = urlsplit(self.path)
            if watcher is not None and self.watched(url, head):
                return
            if url.path + "/" == prefix:
                self.redirect(301, prefix)
                return
            relative = self.resolve(url.path)
            entry = files.get(relative) if relative else None
            if clean_urls and entry is not None and url.path.endswith(".html"):
                clean = url.path[:-len(".html")]
                if clean.endswith("/index"):
                    clean = clean[:-len("index")]
                self.redirect(308, clean + ("?" + url.query if url.query else ""))
                return
            if clean_urls and entry is None and relative and files.get(relative + ".html"):
                relative += ".html"
                entry = files.get(relative)
            if entry is None and relative and files.get(relative + "/index.html"):
                self.redirect(301, url.path + "/")
                return
            status = 200
            if entry is None:
                status, relative = 404, "404.html"
                entry = files.get(relative)
                if entry is None:
                    self.send_error(404)
                    return
            site_path = "/" + relative
            if site_path.endswith("/index.html"):
                site_path = site_path[:-len("index.html")]
            if status == 200 and self.headers.get("If-None-Match") == entry["etag"]:
                self.send_response(304)
                self.send_header("ETag", entry["etag"])
                self.end_headers()
                return
            body = entry["data"]
            encoding = None
            allowed = accepted_encodings(self.headers.get("Accept-Encoding"))
            for coding, _ in ENCODINGS:
                if coding in allowed and coding in entry["encoded"]:
                    body, encoding = entry["encoded"][coding], coding
                    break
            self.send_response(status)
            self.send_header("Content-Type", entry["type"])
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", entry["etag"])
            if entry["compressible"]:
                self.send_header("Vary", "Accept-Encoding")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            extra = {"Cache-Control": self.cache_rule(relative, url.query, entry)}
            for pattern, pairs in files.rules():
                if _matches(pattern, site_path):
                    extra.update(pairs)
            for name in sorted(extra):
                self.send_header(name, extra[name])
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser closing a connection early is normal; anything else is reported."""
        import sys
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def make_server(root, host="127.0.0.1", port=0, prefix="/", quiet=True, clean_urls=False,
                watcher=None):
    """A threaded server for ``root``; port 0 picks a free port (see ``server_address``).

    Files are read when asked for, so the server may be made before the build
    exists. Raises :class:`PortInUse` when another program has the port.
    """
    handler = make_handler(root, prefix, quiet, clean_urls, watcher)
    try:
        return _Server((host, port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortInUse("port %d on %s is already in use, perhaps by another `serve`: "
                            "stop that one, or choose another port with --port %d"
                            % (port, host, port + 1)) from None
        if error.errno == errno.EACCES:
            raise DoorwayError("this user may not listen on port %d: choose a port above "
                               "1023 with --port 8000" % port) from None
        if error.errno in (errno.EADDRNOTAVAIL, -2, -3):  # also unknown host names
            raise DoorwayError("%s is not an address of this computer: use --host "
                               "127.0.0.1" % host) from None
        raise


def serve_in_background(root, prefix="/", clean_urls=False):
    """Serve ``root`` from a thread on a free port; returns (base URL, server).

    For tests and benchmarks; call ``server.shutdown()`` when done.
    """
    server = make_server(root, prefix=prefix, clean_urls=clean_urls)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    return "http://127.0.0.1:%d%s" % (server.server_address[1], path), server


def serve(server, prefix="/"):
    """Serve with ``server`` (see :func:`make_server`) until interrupted."""
    host, port = server.server_address[:2]
    path = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    print("Doorway is running at http://%s:%d%s  (Ctrl+C to stop)" % (host, port, path),
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")
    finally:
        server.server_close()
