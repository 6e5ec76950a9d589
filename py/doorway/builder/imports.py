"""Which browser Python a page runs: the static import graph from its entry modules.

A page ships only the modules it can import, found by reading every
``import`` and ``from … import`` in the browser Python with :mod:`ast`,
including the ones inside functions (lazy imports: the share step's QR encoder
is imported only when it is reached, but the page must have it then). A
module someone adds is picked up as soon as something the page runs imports
it; nothing here lists modules by hand.

The one import the graph cannot see is the page's controller, which
``doorway.ui.app`` imports by name from its ``CONTROLLERS`` table (so that a
page does not import every other page's controller): :func:`controllers`
reads that table from the source, and the build adds the page's own
controller module as a second entry.
"""

import ast

from .errors import BuildError


def module_name(path):
    """``doorway/ui/app.py`` -> ``doorway.ui.app``; a package's ``__init__.py`` -> the package."""
    parts = path[:-len(".py")].split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _parents(name):
    """``doorway.ui.app`` -> ``doorway``, ``doorway.ui``: the packages an import runs first."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _imported(tree, name, is_package):
    """Every module name an import in ``tree`` may load, known to us or not."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            found.add(base)
            # ``from doorway.guide import link`` loads the module doorway.guide.link.
            found.update("%s.%s" % (base, alias.name) for alias in node.names)
    return found


def graph(sources):
    """``{module: set of our modules it imports}`` for ``sources`` ``{path: text}``.

    Paths are relative to the folder that holds the top package
    (``doorway/ui/app.py``). Imports of anything else (``json``, ``pyscript``,
    ``js``) are left out: the runtime provides them.
    """
    names = {module_name(path): path for path in sources}
    edges = {}
    for name, path in names.items():
        try:
            tree = ast.parse(sources[path], filename=path)
        except SyntaxError as error:
            raise BuildError("%s, line %s: %s" % (path, error.lineno, error.msg)) from None
        found = _imported(tree, name, path.endswith("/__init__.py"))
        for each in list(found):
            found.update(_parents(each))
        edges[name] = {each for each in found if each in names and each != name}
    return edges


def closure(edges, entries):
    """Every module reachable from ``entries`` (and their packages), sorted."""
    missing = [entry for entry in entries if entry not in edges]
    if missing:
        raise BuildError("no browser module named %s" % ", ".join(missing))
    seen = set()
    todo = list(entries)
    for entry in entries:
        todo.extend(parent for parent in _parents(entry) if parent in edges)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges[name])
    return sorted(seen)


def controllers(source, path="doorway/ui/app.py"):
    """The ``CONTROLLERS`` table of ``doorway.ui.app``: ``{page kind: (module, class)}``."""
    for node in ast.parse(source, filename=path).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "CONTROLLERS"):
            try:
                return ast.literal_eval(node.value)
            except ValueError:
                break
    raise BuildError("%s: CONTROLLERS must be a literal {page kind: (module, class)}" % path)
