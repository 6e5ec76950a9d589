"""View trees: what Doorway shows, as plain data that two renderers draw.

Everything a person sees that Python decides (a plan, a country's helplines,
the partner's invitation, the share step) is built here as a small tree, by
pure functions that run under CPython and MicroPython alike. Two renderers
put a tree on a page and do nothing else:

- the builder writes it as escaped HTML into the pre-rendered pages
  (``doorway.builder.html``);
- the browser turns it into DOM nodes (``doorway.ui.dom.build``).

So a block is written once, and the static guide, the wizard and the
partner's page cannot drift apart. A test checks that both renderers give
the same markup for the same tree.

A node is a tuple ``(tag, attrs, children)``:

- ``attrs`` is a list of ``(name, value)`` pairs, in writing order. It is a
  list because MicroPython's dicts keep no order, and both renderers must
  write attributes in the same order;
- ``children`` is a list of nodes and strings. A string is always text,
  never markup: that is the whole point.

One module per page (``plan``, ``partner``, ``reply``, …) keeps each page
shipping only the views it draws.
"""


def _add(children, child):
    if child is None:
        return
    if isinstance(child, list):
        for item in child:
            _add(children, item)
    elif isinstance(child, (str, tuple)):
        children.append(child)
    else:
        raise TypeError("a view child is text, a node or a list, not %r" % (child,))


def h(tag, attrs=None, children=None):
    """A node. ``attrs``: pairs whose value None/False drops the attribute and
    True writes it empty. ``children``: text, a node, or (nested) lists of them."""
    if isinstance(attrs, dict):
        raise TypeError("attributes are a list of pairs: a dict loses their order")
    pairs = []
    for name, value in attrs or ():
        if value is None or value is False:
            continue
        pairs.append((name, "" if value is True else str(value)))
    kids = []
    _add(kids, children)
    return (tag, pairs, kids)


def source_link(url, label):
    """A link to a source (the plan, the safety help, the partner's page,
    practice). Sources open in a new tab: leaving a page that holds someone's
    answers would end it (see the privacy notes in boot.js)."""
    return h("a", [("href", url), ("rel", "noreferrer noopener"), ("target", "_blank")], label)


def attr(node, name):
    """The value of one attribute of ``node``, or None."""
    for key, value in node[1]:
        if key == name:
            return value
    return None


def text_of(node):
    """All the text inside a node (or a list of nodes), as one string."""
    if node is None:
        return ""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(text_of(child) for child in node)
    return "".join(text_of(child) for child in node[2])


def find_all(node, predicate):
    """Every node under (and including) ``node`` for which ``predicate(node)`` holds."""
    found = []
    if isinstance(node, list):
        for child in node:
            found.extend(find_all(child, predicate))
        return found
    if node is None or isinstance(node, str):
        return found
    if predicate(node):
        found.append(node)
    for child in node[2]:
        found.extend(find_all(child, predicate))
    return found
