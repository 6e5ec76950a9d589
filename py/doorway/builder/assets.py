"""Collect every non-HTML file of the site, in memory, with its URL version.

The build gathers files as ``{relative path: bytes}`` and writes them in one
go at the end, so a failure half-way leaves nothing behind. Each file's URL
carries ``?v=`` and the start of its SHA-256: a page always asks for exactly
the bytes it was built with, so it can never mix files from two builds, and
the service worker's precache list is just these URLs.
"""

import hashlib
import json

from . import patches, runtime
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


def python_files(package_dir):
    """The Python that runs in the browser: doorway/__init__.py, guide/ and ui/
    with their sub-packages (guide/views/)."""
    files = {"py/doorway/__init__.py": (package_dir / "__init__.py").read_bytes()}
    for sub in BROWSER_PACKAGES:
        for path in sorted((package_dir / sub).rglob("*.py")):
            files["py/doorway/" + path.relative_to(package_dir).as_posix()] = path.read_bytes()
    return files


def static_files(static_dir):
    """Styles, scripts and icons from ``site/static/``, under ``assets/``."""
    files = {}
    for path in sorted(static_dir.rglob("*")):
        if path.is_file():
            files["assets/" + path.relative_to(static_dir).as_posix()] = path.read_bytes()
    return files


def catalogue_file(catalogue):
    """The content, compiled to compact, deterministic JSON for the browser."""
    text = json.dumps(catalogue, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return {"content/catalogue.json": text.encode("utf-8")}
