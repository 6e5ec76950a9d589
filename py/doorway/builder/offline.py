"""What makes the site work offline and tells hosts how to serve it.

- ``sw.js`` precaches exactly the build's files under a cache named after a
  hash of them, so offline use starts after the first visit and a page never
  mixes two builds.
- ``_headers`` sends the security policy of :mod:`.csp` as real HTTP headers
  for hosts that read it (Netlify, Cloudflare Pages), with caching rules.
"""

import hashlib
import json

import jinja2

from .csp import SECURITY_HEADERS

CACHE_PREFIX = "doorway-"


def build_hash(files):
    """A short hash of every file's path and bytes: the build's identity."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    return digest.hexdigest()[:16]


def precache_urls(files, versions, page_urls):
    """The URLs the service worker stores, relative to the site root.

    Pages are stored under the URL a visitor navigates to ("invite/"), every
    other file under its versioned URL, exactly as the pages ask for it.
    Runtime files are stored as they are (their folders carry the version).
    """
    urls = list(page_urls)
    for path in sorted(files):
        if path.endswith(".html") or path in ("_headers", "sw.js"):
            continue
        urls.append("%s?v=%s" % (path, versions[path]) if path in versions else path)
    return urls


def service_worker(templates, cache_name, urls):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("sw.js").render(
        cache_name=json.dumps(cache_name), cache_prefix=json.dumps(CACHE_PREFIX),
        precache=json.dumps(urls, indent=2)).encode("utf-8")


def manifest(site, icon_urls):
    """The web app manifest: installable, neutral name, everything relative."""
    data = {
        "name": site["name"],
        "short_name": site["name"],
        "description": site["description"],
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d4d4f",
        "icons": [{"src": url, "sizes": size, "type": "image/png", "purpose": purpose}
                  for url, size, purpose in icon_urls],
    }
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def headers_file(page_urls):
    """``_headers`` in the Netlify / Cloudflare Pages format.

    Security headers on every path; ``no-cache`` on pages and the service
    worker, so a new deploy is noticed; long caching on versioned files is
    left to the host's defaults, which revalidate.
    """
    lines = ["/*"]
    lines.extend("  %s: %s" % pair for pair in SECURITY_HEADERS)
    for url in ["sw.js", "manifest.webmanifest", *page_urls]:
        lines.append("/" + url)
        lines.append("  Cache-Control: no-cache")
    return ("\n".join(lines) + "\n").encode("utf-8")
