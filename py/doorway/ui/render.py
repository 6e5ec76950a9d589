"""Draw plan blocks (see :mod:`doorway.guide.plan`) in the page.

This is the browser's twin of the ``blocks`` macro in
``site/templates/macros.html``: the same kinds, the same markup, so the guided
plan and the static guide look alike. Change both together.
"""

from . import dom

h = dom.h


def block(item, labels):
    kind = item["kind"]
    if kind == "h3":
        return h("h3", None, item["text"])
    if kind == "p":
        return h("p", {"class": "lead-in" if item.get("lead") else None}, item["text"])
    if kind == "ul":
        return h("ul", {"class": "list"}, [h("li", None, text) for text in item["items"]])
    if kind == "reply":
        return h("div", {"class": "reply"}, [
            h("p", {"class": "they-say"}, [h("span", {"class": "label"}, labels["they_say"]),
                                           " “%s”" % item["they_say"]]),
            h("p", {"class": "you-say"}, [h("span", {"class": "label"}, labels["you_say"]),
                                          " “%s”" % item["you_say"]]),
        ])
    if kind == "avoid":
        return h("div", {"class": "avoid"}, [h("p", {"class": "avoid-say"}, "“%s”" % item["say"]),
                                             h("p", None, item["why"])])
    if kind == "refs":
        links = []
        for i, number in enumerate(item["numbers"]):
            if i:
                links.append(", ")
            links.append(h("a", {"href": "#%ssource-%d" % (item["prefix"], number)},
                           "[%d]" % number))
        return h("p", {"class": "refs"}, [labels["refs"] + ": "] + links)
    if kind == "source":
        return h("p", {"class": "source", "id": item["anchor"]}, [
            "[%d] %s (%d). %s. " % (item["number"], item["author"], item["year"], item["title"]),
            h("a", {"href": item["url"], "target": "_blank", "rel": "noreferrer noopener"},
              item["url"]),
        ])
    if kind == "emergency":
        return h("div", {"class": "emergency-box"}, [
            h("p", {"class": "emergency"}, [
                h("span", None, item["label"] + ":"), " ",
                h("a", {"href": "tel:" + item["tel"]}, item["number"])]),
            _source_line(item),
        ])
    if kind == "line":
        parts = [h("h4", None, item["name"]), h("p", None, item["for"])]
        if item.get("phone"):
            phone = [h("a", {"href": "tel:" + item["tel"]}, item["phone"])]
            if item.get("hours"):
                phone.append(" · " + item["hours"])
            parts.append(h("p", None, phone))
        if item.get("text"):
            parts.append(h("p", None, item["text"]))
        if item.get("url"):
            parts.append(h("p", None, h("a", {"href": item["url"], "rel": "noreferrer noopener"},
                                          item["url"])))
        parts.append(_source_line(item))
        return h("div", {"class": "line"}, parts)
    return None


def _source_line(item):
    return h("p", {"class": "source-line"}, h(
        "a", {"href": item["source_url"], "target": "_blank", "rel": "noreferrer noopener"},
        item["source_label"]))


def blocks(items, labels):
    return [block(item, labels) for item in items]


def section(item, labels, special=None):
    """A plan section; ``special`` draws blocks this module does not know (the script)."""
    children = [h("h2", {"id": "section-" + item["id"], "tabindex": "-1"}, item["heading"])]
    for entry in item["blocks"]:
        if special and entry["kind"] in special:
            children.append(special[entry["kind"]]())
        else:
            children.append(block(entry, labels))
    return h("section", {"class": "plan-section", "aria-labelledby": "section-" + item["id"]},
             children)
