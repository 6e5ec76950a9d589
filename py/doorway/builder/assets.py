"""Collect every non-HTML file of the site, in memory, with its URL version.

The build gathers files as ``{relative path: bytes}`` and writes them in one
go at the end, so a failure half-way leaves nothing behind. Each file's URL
carries ``?v=`` and the start of its SHA-256: a page always asks for exactly
the bytes it was built with, so it can never mix files from two builds, and
the service worker's precache list is just these URLs.
"""

import hashlib
import json
import re

from . import minify, patches, runtime
from .errors import BuildError

#: The browser Python: the package marker and the two packages that ship.
BROWSER_PACKAGES = ("guide", "ui")


def version(data):
    """The version tag of a file: the start of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:12]


def runtime_files(vendor):
    """The vendored runtime, checked against its lock, patched, under versioned folders.

    ``runtime/pyscript-0.7.31/core.js`` and friends: a new runtime version
    gets new URLs, so caches never serve one version's ``.wasm`` to another's
    loader.
    """
    problems = runtime.check(vendor)
    if problems:
        raise BuildError("site/vendor: " + "; ".join(problems)
                         + " (run `python -m doorway runtime --refresh`)")
    files = {}
    lock = json.loads((vendor / "runtime.lock.json").read_text())
    folders = {}
    for package in lock["packages"]:
        folder = "runtime/%s-%s" % (package["key"], package["version"])
        folders[package["key"]] = folder
        for name in sorted(package["files"]):
            data = (vendor / package["key"] / name).read_bytes()
            files["%s/%s" % (folder, name)] = patches.apply(package["key"], name, data)
    patches.check_all_applied({p["key"]: list(p["files"]) for p in lock["packages"]})
    return files, folders


def pyscript_module(files, folders):
    """The PyScript module a page loads, as ``pyscript/<name>``.

    ``core.js`` only re-exports the chunk that holds all of PyScript's code
    and starts it: pages load that chunk directly, one request fewer on the
    way to ready (PyScript's own exports stay available from ``core.js``).
    """
    core = files["%s/core.js" % folders["pyscript"]].decode("utf-8")
    found = set(re.findall(r'from\s*"\./(core-[\w-]+\.js)"', core))
    if len(found) != 1:
        raise BuildError("site/vendor/pyscript/core.js: expected it to re-export one core-*.js "
                         "chunk, found %s; check doorway/builder/assets.py for this runtime "
                         "version" % (sorted(found) or "none"))
    return "pyscript/" + found.pop()


def error_plugin_module(files, folders):
    """PyScript's ``error`` plugin chunk, as ``pyscript/<name>``: PyScript fetches it
    even when the plugin is switched off, so pages preload it."""
    prefix = folders["pyscript"] + "/"
    found = [path[len(prefix):] for path in files
             if path.startswith(prefix + "error-") and path.endswith(".js")]
    if len(found) != 1:
        raise BuildError("site/vendor/pyscript: expected one error-*.js chunk, found %s"
                         % (sorted(found) or "none"))
    return "pyscript/" + found[0]


def python_sources(package_dir):
    """The Python that runs in the browser, ``{"doorway/…/x.py": bytes}``:
    doorway/__init__.py, guide/ and ui/ with their sub-packages (guide/views/)."""
    files = {"doorway/__init__.py": (package_dir / "__init__.py").read_bytes()}
    for sub in BROWSER_PACKAGES:
        for path in sorted((package_dir / sub).rglob("*.py")):
            files["doorway/" + path.relative_to(package_dir).as_posix()] = path.read_bytes()
    return files


def static_files(static_dir):
    """Styles, scripts and icons from ``site/static/``, under ``assets/``
    (styles and scripts without their comments: :mod:`.minify`)."""
    files = {}
    for path in sorted(static_dir.rglob("*")):
        if path.is_file():
            name = "assets/" + path.relative_to(static_dir).as_posix()
            files[name] = minify.static(name, path.read_bytes())
    return files


def catalogue_json(catalogue):
    """The content (or some of its sections), as compact, deterministic JSON for the browser."""
    text = json.dumps(catalogue, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def catalogue_file(catalogue):
    """The whole content as one file, for test harnesses (pages get theirs in a bundle)."""
    return {"content/catalogue.json": catalogue_json(catalogue)}
