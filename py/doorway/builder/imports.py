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

A page may also name modules in ``doorway.ui.app``'s ``LATER`` table
(:func:`later`): the entries of its second bundle, which the page fetches once
it is ready. The page's own code may import them only inside a function,
after awaiting the second bundle; :func:`graph` with ``eager`` is the graph of
the imports that run when a module is imported, which the build uses to
check that.
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


def _eager_nodes(tree):
    """The nodes of ``tree`` that run when the module is imported: not function bodies."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            todo.extend(ast.iter_child_nodes(node))


def _imported(tree, name, is_package, eager=False):
    """Every module name an import in ``tree`` may load, known to us or not;
    with ``eager``, only the imports that run when the module is imported."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in (_eager_nodes(tree) if eager else ast.walk(tree)):
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


def graph(sources, eager=False):
    """``{module: set of our modules it imports}`` for ``sources`` ``{path: text}``;
    with ``eager``, only the imports that run when a module is imported.

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
        found = _imported(tree, name, path.endswith("/__init__.py"), eager)
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


def _table(source, name, shape, path):
    for node in ast.parse(source, filename=path).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == name):
            try:
                return ast.literal_eval(node.value)
            except ValueError:
                break
    raise BuildError("%s: %s must be a literal %s" % (path, name, shape))


def controllers(source, path="doorway/ui/app.py"):
    """The ``CONTROLLERS`` table of ``doorway.ui.app``: ``{page kind: (module, class)}``."""
    return _table(source, "CONTROLLERS", "{page kind: (module, class)}", path)


def later(source, path="doorway/ui/app.py"):
    """The ``LATER`` table of ``doorway.ui.app``: ``{page kind: (module, …)}``, the
    entries of that page's second bundle."""
    return _table(source, "LATER", "{page kind: (module, ...)}", path)
