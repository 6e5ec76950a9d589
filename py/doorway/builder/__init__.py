"""Build the static site: content in, ``build/`` out (CPython only).

The public API is :func:`build` and :class:`BuildError`; the modules behind it
each do one job:

- :mod:`.content` reads and checks the TOML content into one catalogue;
- :mod:`.pages` renders the jinja2 templates;
- :mod:`.assets` copies the runtime, the browser Python and static files;
- :mod:`.offline` writes the service worker, manifest and ``_headers``;
- :mod:`.serve` serves a build the way a good static host would.
"""

from pathlib import Path

from .errors import BuildError
from .schema import ContentError

__all__ = ["BuildError", "ContentError", "build"]

#: The checkout this package lives in. The builder works on the repository's
#: ``site/`` folder, so it runs from a checkout (``pip install -e .``).
ROOT = Path(__file__).resolve().parents[3]
SITE = ROOT / "site"
CONTENT = SITE / "content"
TEMPLATES = SITE / "templates"
STATIC = SITE / "static"
VENDOR = SITE / "vendor"
PACKAGE = ROOT / "py" / "doorway"
BUILD = ROOT / "build"


ICONS = [("assets/icons/icon-192.png", "192x192", "any"),
         ("assets/icons/icon-512.png", "512x512", "any"),
         ("assets/icons/maskable-512.png", "512x512", "maskable")]


def _collect(content_dir, base):
    """Every file of the site as ``{path: bytes}``, built in memory."""
    from doorway.guide.catalogue import Catalogue

    from . import assets, bundles, compress, minify, offline, pages, wordlist
    from .content import load

    catalogue = load(content_dir)
    files = {}
    runtime_files, folders = assets.runtime_files(VENDOR)
    files.update(runtime_files)
    sources = assets.python_sources(PACKAGE)
    # The entry PyScript fetches as source, without its docstrings and comments.
    files["py/doorway/ui/main.py"] = minify.python(
        sources["doorway/ui/main.py"].decode("utf-8"), "py/doorway/ui/main.py").encode("utf-8")
    for kind in pages.python_kinds(TEMPLATES, catalogue):
        first, second = bundles.page_bundles(sources, kind, catalogue)
        files[pages.bundle_path(kind)] = first
        if second:
            files[bundles.later_path(pages.bundle_path(kind))] = second
    files.update(assets.static_files(STATIC))
    files.update(wordlist.files(VENDOR))
    versions = {path: assets.version(data) for path, data in files.items()
                if not path.startswith("runtime/")}
    icon_urls = [("%s?v=%s" % (path, versions[path]), size, purpose)
                 for path, size, purpose in ICONS if path in versions]
    # The manifest keeps one URL from build to build (pages link to it without
    # ?v=, and an installed app is known by it), so it is precached that way.
    files["manifest.webmanifest"] = offline.manifest(catalogue["site"], icon_urls)

    site_pages = pages.site_pages(catalogue)
    files.update(pages.render(TEMPLATES, catalogue, Catalogue(catalogue), versions, folders,
                              base, assets.pyscript_module(files, folders),
                              [assets.error_plugin_module(files, folders)]))
    page_urls = [page.url or "./" for page in site_pages]
    files["_headers"] = offline.headers_file([page.url for page in site_pages])
    cache_name = offline.CACHE_PREFIX + offline.build_hash(files)
    urls = offline.precache_urls(files, versions, page_urls)
    files["sw.js"] = offline.service_worker(TEMPLATES, cache_name, urls)
    files.update(compress.precompressed(files))
    return files


def build(out=None, content_dir=None, base="/"):
    """Build the site into ``out`` (default ``build/``) and return its path.

    ``base`` is the path the site will be served under (``/doorway/`` for
    ``https://example.org/doorway/``). Only the 404 page needs it, because a
    host shows that page at whatever address was asked for; every other page
    links relatively and works anywhere.

    Everything is rendered in memory first and written to a fresh folder that
    replaces ``out`` only when complete: a broken content or template file
    raises :class:`BuildError` and leaves any previous build untouched.
    Building twice from the same sources gives byte-identical files.
    """
    import shutil
    import tempfile

    out = Path(out) if out else BUILD
    if not SITE.is_dir():
        raise BuildError("%s not found: the builder runs from a checkout of the repository, "
                         "installed with `pip install -e .`" % SITE)
    if not (base.startswith("/") and base.endswith("/")):
        raise BuildError("the base path must start and end with '/', like /doorway/")
    files = _collect(Path(content_dir) if content_dir else CONTENT, base)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        for path in sorted(files):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
        old = None
        if out.exists():
            old = out.with_name(out.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
        staging.rename(out)
        if old:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out
