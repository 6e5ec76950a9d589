"""The safety route's help as view trees: numbers to call, and the support around them.

Drawn on the wizard's safety steps (one country, chosen by the person) and on
the static safety page (every country in turn), from the same functions.
"""

from doorway.guide import plan as planner
from doorway.guide.safety import ELSEWHERE

from . import h
from .plan import source_link


def _source_line(item):
    return h("p", [("class", "source-line")], source_link(item["source_url"],
                                                         item["source_label"]))


def help_block(item, level=4):
    """One emergency number or helpline (blocks from ``plan.safety_blocks``)."""
    if item["kind"] == "emergency":
        return h("div", [("class", "emergency-box")], [
            h("p", [("class", "emergency")], [
                h("span", None, item["label"] + ":"), " ",
                h("a", [("href", "tel:" + item["tel"])], item["number"])]),
            _source_line(item),
        ])
    parts = [h("h%d" % level, None, item["name"]), h("p", None, item["for"])]
    if item.get("phone"):
        phone = [h("a", [("href", "tel:" + item["tel"])], item["phone"])]
        if item.get("hours"):
            phone.append(" · " + item["hours"])
        parts.append(h("p", None, phone))
    if item.get("text"):
        parts.append(h("p", None, item["text"]))
    if item.get("url"):
        parts.append(h("p", None, source_link(item["url"], item["url"])))
    parts.append(_source_line(item))
    return h("div", [("class", "line")], parts)


def country_lines(catalogue, country_id, level=3, heading_id=None):
    """A country's name, then its emergency number and helplines (None: elsewhere)."""
    country = catalogue.country(country_id)
    name = country["name"] if country else catalogue.safety["international"]["name"]
    return [h("h%d" % level, [("id", heading_id)], name)] + [
        help_block(item, level + 1)
        for item in planner.safety_blocks(catalogue, country and country_id)]


def country_picker(catalogue, step, chosen):
    """The country picker and the lines for ``chosen``, for one wizard step."""
    route = catalogue.safety["route"]
    select_id = "country-" + step
    options = [h("option", [("value", c["id"]), ("selected", c["id"] == chosen)], c["name"])
               for c in catalogue.safety["countries"]]
    options.append(h("option", [("value", ELSEWHERE), ("selected", chosen == ELSEWHERE)],
                     catalogue.safety["international"]["name"]))
    return [
        h("h2", None, route["lines_heading"]),
        h("label", [("class", "field-label"), ("for", select_id)], route["country_label"]),
        h("select", [("id", select_id), ("name", "country"), ("data-country", True)], options),
        h("div", [("data-lines", True), ("aria-live", "polite")],
          country_lines(catalogue, None if chosen == ELSEWHERE else chosen)),
    ]


def intro(route):
    """Why the safety route is shown, before any number."""
    return [h("p", None, text) for text in route["intro"] + route["why"]]


def support(route, level=2):
    """Support, safety planning and device safety: the same on every country."""
    return [
        h("h%d" % level, None, route["support_heading"]),
        h("ul", [("class", "list")], [h("li", None, text) for text in route["support"]]),
        h("h%d" % level, None, route["planning_heading"]),
        [h("p", None, text) for text in route["planning"]],
        h("ul", [("class", "list")], [h("li", None, source_link(link["url"], link["label"]))
                                      for link in route["planning_links"]]),
        h("h%d" % level, None, route["device_heading"]),
        h("ul", [("class", "list")], [h("li", None, text) for text in route["device"]]),
    ]
