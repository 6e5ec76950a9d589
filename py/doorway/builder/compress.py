"""Precompressed copies of the build's text files: ``x.br`` and ``x.gz`` beside ``x``.

Hosts that serve precompressed files (nginx ``brotli_static``/``gzip_static``,
Caddy ``precompressed br gzip``, Apache with rewrite rules) then send brotli at
its best setting, which no host can afford to do for every request: for the
MicroPython wasm that is about 165 KB instead of 190 KB (gzip) or 600 KB.
``doorway serve`` sends them the same way (see :mod:`.serve`). They are never
in the service worker's list: the browser stores what it decoded.
"""

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

import brotli

#: The files worth compressing, by their ending; images are compressed already.
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".py", ".svg",
                ".txt", ".bundle")
#: The endings of the copies, best first: what a server prefers when both are accepted.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

#: Copies by a hash of the bytes, in memory and in a git-ignored folder of the
#: checkout: the runtime and most files are the same from build to build (the
#: tests and ``serve --watch`` make many), and brotli 11 is slow (about 2 s for
#: the wasm alone on a quiet core).
_done = {}
CACHE = Path(__file__).resolve().parents[3] / ".build-cache" / "compressed"


def compressible(path):
    return path.endswith(COMPRESSIBLE)


def is_copy(path):
    """Whether ``path`` is a precompressed copy (``.br``, ``.gz``) of another file."""
    return path.endswith(tuple(suffix for _, suffix in ENCODINGS))


def _stored(key, data):
    """The copies kept by an earlier build, if they are there and decode to ``data``."""
    try:
        made = {suffix: (CACHE / (key + suffix)).read_bytes() for _, suffix in ENCODINGS}
        if brotli.decompress(made[".br"]) == data and gzip.decompress(made[".gz"]) == data:
            return made
    except (OSError, EOFError, brotli.error, gzip.BadGzipFile):
        pass
    return None


def _store(key, made):
    """Keep ``made`` for the next build; a folder that cannot be written only costs time."""
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        for suffix, data in made.items():
            handle, temporary = tempfile.mkstemp(dir=CACHE)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, CACHE / (key + suffix))
    except OSError:
        pass


def copies(data):
    """``{".br": bytes, ".gz": bytes}`` for ``data``: brotli 11, and gzip 9 without a date."""
    key = hashlib.sha256(data).hexdigest()
    if key not in _done:
        made = _stored(key, data)
        if made is None:
            made = {".br": brotli.compress(data, quality=11),
                    ".gz": gzip.compress(data, 9, mtime=0)}
            _store(key, made)
        _done[key] = made
    return _done[key]


def precompressed(files):
    """The copies for every compressible file of a build ``{path: bytes}``."""
    out = {}
    for path, data in files.items():
        if compressible(path) and not is_copy(path):
            for suffix, copy in copies(data).items():
                out[path + suffix] = copy
    return out
