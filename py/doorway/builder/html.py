"""Write a view tree (see :mod:`doorway.guide.views`) as HTML, for the built pages.

The output is what a browser's ``outerHTML`` gives for the same tree drawn
with DOM calls (``doorway.ui.dom.build``): the same attribute order, empty
values written as ``=""``, the same characters escaped. That is what lets a
test compare the pre-rendered page with what the browser draws, byte for byte.
"""

from markupsafe import Markup

from doorway.guide.views import h

#: Elements with no end tag (HTML's "void elements").
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}

#: How the HTML serialisation algorithm escapes text and attribute values.
_TEXT = [("&", "&amp;"), ("\u00a0", "&nbsp;"), ("<", "&lt;"), (">", "&gt;")]
_ATTRIBUTE = [("&", "&amp;"), ("\u00a0", "&nbsp;"), ('"', "&quot;"), ("<", "&lt;"),
              (">", "&gt;")]


def _escape(text, table):
    for char, entity in table:
        text = text.replace(char, entity)
    return text


def _write(node, out):
    if node is None:
        return
    if isinstance(node, list):
        for item in node:
            _write(item, out)
        return
    if isinstance(node, str):
        out.append(_escape(node, _TEXT))
        return
    tag, attrs, children = node
    out.append("<" + tag)
    for name, value in attrs:
        out.append(' %s="%s"' % (name, _escape(value, _ATTRIBUTE)))
    out.append(">")
    if tag in VOID:
        if children:
            raise ValueError("<%s> cannot have children" % tag)
        return
    for child in children:
        _write(child, out)
    out.append("</%s>" % tag)


def to_html(nodes):
    """A node, or a (nested) list of nodes, as an HTML string; None draws nothing."""
    out = []
    _write(nodes, out)
    return "".join(out)


def view(nodes):
    """For templates: ``{{ view(tree) }}`` inserts the tree as markup, text escaped."""
    return Markup(to_html(nodes))


def linked(text, href, label):
    """For templates: a content sentence whose ``{link}`` becomes a link to ``href``.

    The content keeps the whole sentence, so a translation can put the link
    wherever its grammar wants it (the schema checks there is one ``{link}``).
    """
    before, _, after = text.partition("{link}")
    return view([before, h("a", [("href", href)], label), after])
