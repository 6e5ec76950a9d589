"""The pages the benchmark loads, and the ones it makes for itself.

- ``plain``: the static guide's front page from the same build (HTML, the
  site's CSS and boot.js, no Python): the reference for first paint.
- ``floor``: a page the benchmark writes into its own folder, served from its
  own origin, that only starts the build's PyScript + MicroPython and sets
  ``<html data-app="ready">`` from Python: what the runtime costs by itself,
  the least any Python page of ours can cost. It is served with the site's
  opener policy (:data:`PROCESS_HEADER`), so it loads in the same kind of
  renderer process as the site's pages, and a service worker as small as can
  be keeps it offline, so its offline-warm start is measured too.
- ``floor-note``: the floor that also draws one paragraph from Python before
  it is ready (:data:`FLOOR_PAGES`): the reference for a page whose largest
  content only Python can draw, as the partner's page's invitation.
- ``welcome``: the wizard's first page.
- ``invite`` and ``invite-sealed``: the partner page opened with a real
  invitation (three concerns and a typical note), readable and sealed.
"""

import json
import shutil
from html import escape

from doorway.builder.serve import parse_headers_file
from doorway.guide import link

#: A note of typical length (about 200 characters).
NOTE = ("I have been reading about couples counselling and I think it could help us. "
        "No pressure at all: have a look when you have a quiet moment, and tell me "
        "what you think.")

#: The floor pages: file name, what the page says, and its Python. The first
#: only proves the runtime has started. The second also draws one paragraph (the
#: typical note) before it is ready: the least a page whose main content comes
#: from Python can do, as the partner's page must (only Python reads the link),
#: so its largest contentful paint is where the runtime puts any such page's.
FLOOR_PAGES = (
    ("index.html", "This page starts PyScript and MicroPython and nothing else.", """
from pyscript import document
document.documentElement.setAttribute("data-app", "ready")
"""),
    ("note.html", "This page starts PyScript and MicroPython, then draws one note.", """
from pyscript import document
note = document.createElement("p")
note.textContent = %s
document.querySelector("main").append(note)
document.documentElement.setAttribute("data-app", "ready")
""" % json.dumps(NOTE)),
)
#: The passphrase of the sealed invitation (the page only asks for it).
PASSPHRASE = "kitchen table at eight"


class Page:
    """One page to measure: its name, its address, and what "ready" means.

    ``ready_by`` is ``"app"`` for pages that run Python (``data-app="ready"``)
    and ``"load"`` for plain pages (the load event). Every page has a service
    worker, so each is measured offline too.
    """

    def __init__(self, name, url, ready_by="app"):
        self.name = name
        self.url = url
        self.ready_by = ready_by

    def __repr__(self):
        return "Page(%r, %r)" % (self.name, self.url)


def runtime_urls(site):
    """The build's PyScript entry and MicroPython loader, relative to its root."""
    core = sorted(site.glob("runtime/pyscript-*/core.js"))
    loader = sorted(site.glob("runtime/micropython-*/micropython.mjs"))
    if len(core) != 1 or len(loader) != 1:
        raise SystemExit("bench: expected one PyScript and one MicroPython in %s/runtime, found %s"
                         % (site, [p.parent.name for p in core + loader]))
    return core[0].relative_to(site).as_posix(), loader[0].relative_to(site).as_posix()


#: The floor's service worker: it stores the floor's files when installed and
#: answers from them, so the floor's offline-warm start can be measured the way
#: the site's is. No more than that: what the runtime needs to start offline.
FLOOR_WORKER = """"use strict";
const FILES = %s;
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open("floor").then((cache) => cache.addAll(FILES)));
});
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)));
});
"""


#: The floor registers its worker once it is ready. Sooner, the worker would
#: install and take over while the runtime was still being fetched, and the
#: first visit would get the wasm from the worker's cache: a download neither
#: the benchmark's first visit nor Lighthouse would then count. The site's pages
#: ask for their runtime before their worker can take over (boot.js).
FLOOR_REGISTER = ("new MutationObserver((_, observer) => {"
                  " if (document.documentElement.dataset.app === \"ready\") {"
                  " observer.disconnect(); navigator.serviceWorker.register(\"sw.js\"); } })"
                  ".observe(document.documentElement, {attributes: true});")


#: The one response header of the site's that changes how Chromium loads a
#: page: with it, a page opened from another page (here, a tab's blank page)
#: starts in a new renderer process. Without it the floor could reuse the tab's
#: process, which had compiled the runtime already, and start some 100 ms
#: sooner than any page of the site can.
PROCESS_HEADER = "Cross-Origin-Opener-Policy"


def write_floor(site, folder):
    """Write the floor page into ``folder`` with a copy of the build's runtime,
    its service worker (:data:`FLOOR_WORKER`, registered once the page is
    ready: :data:`FLOOR_REGISTER`), which stores the page and every
    runtime file except the precompressed copies, and a ``_headers`` file that
    serves it with the site's :data:`PROCESS_HEADER`."""
    core, loader = runtime_urls(site)
    folder.mkdir(parents=True, exist_ok=True)
    headers = [(name, value) for pattern, rules in parse_headers_file(
        (site / "_headers").read_text(encoding="utf-8")) if pattern == "/*"
        for name, value in rules if name == PROCESS_HEADER]
    (folder / "_headers").write_text("".join("/*\n  %s: %s\n" % header for header in headers),
                                     encoding="utf-8")
    shutil.copytree(site / "runtime", folder / "runtime", dirs_exist_ok=True)
    runtime = sorted("./" + path.relative_to(folder).as_posix()
                     for path in (folder / "runtime").rglob("*")
                     if path.is_file() and path.suffix not in (".br", ".gz"))
    stored = ["./", *["./" + name for name, _, _ in FLOOR_PAGES[1:]], *runtime]
    (folder / "sw.js").write_text(FLOOR_WORKER % json.dumps(stored), encoding="utf-8")
    config = json.dumps({"interpreter": "./" + loader})
    for name, says, python in FLOOR_PAGES:
        (folder / name).write_text(
            "<!doctype html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>The runtime alone</title>\n"
            '<link rel="icon" href="data:,">\n'
            '<script type="module" src="./%s"></script>\n'
            "</head>\n<body>\n<main>\n<h1>The runtime alone</h1>\n"
            "<p>%s</p>\n</main>\n"
            '<script type="mpy" config="%s">%s</script>\n'
            "<script>%s</script>\n"
            "</body>\n</html>\n" % (core, says, escape(config), python, FLOOR_REGISTER),
            encoding="utf-8")
    return folder


def invitation(catalogue):
    """The body of a typical invitation: the first step on offer, three concerns, a note."""
    exclusive = catalogue.exclusive_reason()
    reasons = [r["id"] for r in catalogue.reasons if r["id"] != exclusive][:3]
    return link.encode_invite(catalogue, catalogue.asks[0]["id"], reasons, NOTE)


def sealed_token(body, passphrase=PASSPHRASE, salt=bytes(range(16)), iv=bytes(range(12))):
    """An invitation sealed as the browser seals it (see doorway.guide.link)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                     iterations=link.KDF_ITERATIONS).derive(passphrase.encode("utf-8"))
    header = link.sealed_header(link.INVITE, link.KDF_ITERATIONS, salt, iv)
    ciphertext = AESGCM(key).encrypt(iv, body, header)
    return link.sealed_token(link.INVITE, link.KDF_ITERATIONS, salt, iv, ciphertext)


def pages(site_url, floor_url, catalogue):
    """Every page the benchmark measures, the references first."""
    body = invitation(catalogue)
    return [
        Page("plain", site_url + "guide/", ready_by="load"),
        Page("floor", floor_url),
        Page("floor-note", floor_url + "note.html"),
        Page("welcome", site_url),
        Page("invite", site_url + "invite/#" + link.plain_token(link.INVITE, body)),
        Page("invite-sealed", site_url + "invite/#" + sealed_token(body)),
    ]
