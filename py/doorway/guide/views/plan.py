"""The blocks and sections of a plan (see :mod:`doorway.guide.plan`) as view trees.

Drawn in the wizard's results and on the static guide's pages, so both show
exactly the same markup. ``level`` is the heading level of a section; its
sub-headings are one level below.
"""

from . import h, source_link


def _heading(level, text, attrs=None):
    return h("h%d" % min(level, 6), attrs, text)


def block(item, labels, level=3):
    """One block; ``level`` is the level of an ``h3`` block's heading."""
    kind = item["kind"]
    if kind == "h3":
        return _heading(level, item["text"])
    if kind == "p":
        return h("p", [("class", "lead-in" if item.get("lead") else None)], item["text"])
    if kind == "ul":
        return h("ul", [("class", "list")], [h("li", None, text) for text in item["items"]])
    if kind == "reply":
        return h("div", [("class", "reply")], [
            h("p", [("class", "they-say")], [h("span", [("class", "label")], labels["they_say"]),
                                             " “%s”" % item["they_say"]]),
            h("p", [("class", "you-say")], [h("span", [("class", "label")], labels["you_say"]),
                                            " “%s”" % item["you_say"]]),
        ])
    if kind == "avoid":
        return h("div", [("class", "avoid")], [
            h("p", [("class", "avoid-say")], "“%s”" % item["say"]), h("p", None, item["why"])])
    if kind == "refs":
        links = []
        for i, number in enumerate(item["numbers"]):
            if i:
                links.append(", ")
            links.append(h("a", [("href", "#%ssource-%d" % (item["prefix"], number))],
                           "[%d]" % number))
        return h("p", [("class", "refs")], [labels["refs"] + ": "] + links)
    if kind == "example":
        return h("div", [("class", "example-talk"), ("data-example-talk", True)], [
            _heading(level, item["heading"]),
            h("p", None, item["intro"]),
            h("ul", [("class", "list talk")], [
                h("li", None, [h("span", [("class", "label")], turn["who"] + ":"),
                               " " + turn["text"]]) for turn in item["turns"]]),
        ])
    if kind == "source":
        return h("p", [("class", "source"), ("id", item["anchor"])], [
            "[%d] %s (%d). %s. " % (item["number"], item["author"], item["year"], item["title"]),
            source_link(item["url"], item["url"]),
        ])
    raise ValueError("unknown plan block %r" % kind)


def blocks(items, labels, level=3):
    return [block(item, labels, level) for item in items]


def section(item, labels, level=2, script=None, slots=None, fold=False):
    """A plan section: its heading, then its blocks. ``script`` is drawn where the
    plan places the conversation script, ``slots[name]`` where it places a part of
    the decision aid (only the wizard has them; see :mod:`.decision`).

    ``fold``: a part of the wizard's plan, which opens and closes (a
    ``<details>`` whose summary holds the heading), so the plan card and its
    actions are not buried under the whole plan. It is a named group, not a
    landmark: only the card, the actions and the share step are regions. The
    static guide's pages show every section open.
    """
    heading = _heading(level, item["heading"], [("id", "section-" + item["id"])])
    children = []
    for entry in item["blocks"]:
        if entry["kind"] == "script":
            children.append(script)
        elif entry["kind"] == "slot":
            children.append((slots or {}).get(entry["slot"]))
        else:
            children.append(block(entry, labels, level + 1))
    if fold:
        return h("details", [("class", "plan-section fold-section"),
                             ("aria-labelledby", "section-" + item["id"]),
                             ("data-section", item["id"])], [
            h("summary", None, heading),
            h("div", [("class", "fold-body")], children)])
    return h("section", [("class", "plan-section"), ("aria-labelledby", "section-" + item["id"])],
             [heading, children])


def sections(items, labels, level=2):
    return [section(item, labels, level) for item in items]
