"""The safety pages' own text, as view trees, for the build.

The helplines themselves (the emergency number first, then the lines for one
place) are :mod:`.helplines`, which the browser draws too. What is here is
written into the pre-rendered pages only, so no page's Python bundle carries
it:

- :func:`place_switcher` holds every place at once, picked with radio buttons
  that CSS alone switches, for the static safety page: it works with no
  script at all;
- :func:`reasons` and :func:`route_support` (support, planning, children and
  pets, one's own behaviour, the device) are what the safety route says
  around the helplines, on the wizard's safety pages and the static one;
- :func:`in_place` is the footer's help on the pages that hold answers, and
  :func:`quiet_line` the partner page's: the slots Python draws one place's
  cards into when the help is opened (:func:`help_slots`), and the text
  around them.
"""

from doorway.guide import safety as routes

from . import h, source_link
from .helplines import (
    SEPARATOR,
    cited,
    first_help,
    help_more,
    level_heading,
    place_value,
    places,
)


def _paragraphs(texts):
    return [h("p", None, text) for text in texts]


def _place(catalogue, prefix, value, name, label, checked, found, level, described_by=None):
    """One place of :func:`place_switcher`: its first cards, its radio button and
    label, and its other lines. CSS shows the cards of the place whose radio is
    checked; the cards come first in the page order, so the focus moves from
    the cards to the control and on to the other lines, as they are seen."""
    choice_id = prefix + "-" + value.replace(SEPARATOR, "-")
    return h("div", [("class", "place"), ("data-place-body", value)], [
        h("div", [("class", "place-first")], [
            h("p", [("class", "place-name")], name),
            first_help(catalogue, found, level),
        ]),
        h("input", [("type", "radio"), ("class", "place-radio"), ("name", prefix),
                    ("id", choice_id), ("value", value), ("checked", checked),
                    ("aria-describedby", described_by)]),
        h("label", [("class", "chip"), ("for", choice_id)], label),
        h("div", [("class", "place-more")], help_more(catalogue, found, level)),
    ])


def place_switcher(catalogue, prefix="place", level=2):
    """Every place's help, one shown at a time, for a page without a script.

    The radio buttons show as a row of choices under the chosen place's first
    cards: the countries first (and "somewhere else"), then each country that
    has areas, its areas under its name. The CSS shows the cards of the place
    whose radio is checked, and every place where the browser cannot (no
    ``:has()``). The first place is checked: a static page cannot guess where
    the reader is.
    """
    names = {}
    for value, name in places(catalogue):
        names[value] = name
    first = places(catalogue)[0][0]

    def place(country_id, area=None, described_by=None):
        area_id = area["id"] if area else None
        value = place_value(country_id, area_id)
        label = area["name"] if area else names[value]
        return _place(catalogue, prefix, value, names[value], label, value == first,
                      routes.help_for(catalogue, country_id, area_id), level, described_by)

    countries = catalogue.helplines["countries"]
    items = [h("p", [("class", "field-label places-label")],
               catalogue.helplines["lines"]["country_label"])]
    items += [place(country["id"]) for country in countries if not country.get("areas")]
    items.append(place(routes.ELSEWHERE))
    for country in countries:
        if country.get("areas"):
            group_id = "%s-%s-name" % (prefix, country["id"])
            items.append(h("p", [("class", "chip-group"), ("id", group_id)], country["name"]))
            items += [place(country["id"], area, group_id) for area in country["areas"]]
    return h("div", [("class", "place-switcher")], items)


def reasons(catalogue):
    """Why the safety route is shown, and why it offers no script or link."""
    route = catalogue.safety["route"]
    return _paragraphs(route["intro"] + route["why"])


def _section(level, heading, children):
    return h("section", [("class", "help-section")], [level_heading(level, heading), children])


def support(catalogue, level=2):
    """Support of one's own, and planning for safety (with myPlan)."""
    route = catalogue.safety["route"]
    return [
        _section(level, route["support_heading"],
                 h("ul", [("class", "list")], [h("li", None, text) for text in route["support"]])),
        _section(level, route["planning_heading"], [
            _paragraphs(route["planning"]),
            h("ul", [("class", "list")], [h("li", None, source_link(link["url"], link["label"]))
                                          for link in route["planning_links"]]),
        ]),
    ]


def family(catalogue, level=2):
    """Children and pets: planning with children, and help for pets."""
    route = catalogue.safety["route"]
    return _section(level, route["family_heading"], [
        _paragraphs(route["family"]), cited(catalogue, route["family_sources"])])


def own_behaviour(catalogue, level=2):
    """For the person who worries that they are the one causing harm."""
    own = catalogue.safety["own_behaviour"]
    return _section(level, own["heading"], [
        _paragraphs(own["body"]), h("p", None, own["lines_note"]),
        cited(catalogue, own["sources"])])


def device(catalogue, level=2):
    """Keeping the visit private: what the browser and the device may keep."""
    route = catalogue.safety["route"]
    return _section(level, route["device_heading"],
                    h("ul", [("class", "list")], [h("li", None, text)
                                                  for text in route["device"]]))


def route_support(catalogue, level=2):
    """Everything the safety route says after the helplines (also the static page)."""
    return [support(catalogue, level), family(catalogue, level),
            own_behaviour(catalogue, level), device(catalogue, level)]


def help_slots():
    """Where Python draws one place's help (:class:`doorway.ui.safety.Help`):
    the place, its control and first cards, then the other lines. Both are
    private: leaving the page empties them (boot.js)."""
    return [h("div", [("class", "help-top"), ("data-help-top", True), ("data-private", True)]),
            h("div", [("data-help-more", True), ("data-private", True)])]


def waiting(catalogue, everywhere):
    """Until Python has drawn the numbers (a moment after the help opens; never
    without a script, or if the part of the page that draws them could not be
    fetched), where every place's numbers are: ``everywhere``, the address of
    the static safety page. Python hides it once it has drawn the cards."""
    route = catalogue.safety["route"]
    return h("p", [("class", "help-waiting")], [
        route["waiting"] + " ", h("a", [("href", everywhere)], route["waiting_link"])])


def in_place(catalogue, prefix, everywhere, level=3):
    """"If you don't feel safe", opened in place on the pages that hold answers.

    The cards are drawn for one place when the help is first opened, so these
    pages carry no country's numbers until someone asks for them (the static
    safety page, at ``everywhere``, holds every place: :func:`waiting`).
    """
    top, more = help_slots()
    return [
        h("div", [("class", "help-root"), ("data-help-root", prefix),
                  ("data-help-level", str(level))],
          [waiting(catalogue, everywhere), top, reasons(catalogue), more]),
        route_support(catalogue, level),
    ]


#: The id of the partner page's help, which the quiet line's button controls.
QUIET_PANEL = "quiet-help-panel"


def quiet_line(catalogue, everywhere):
    """The partner page's quiet safety line: a sentence and a button that opens
    the help in place, in the page (Python draws it when first opened; until
    then, :func:`waiting` says where the numbers are).

    Every invitation shows it, whatever the sender chose, so it says nothing
    about the person who sent the link.
    """
    line = catalogue.safety["partner_line"]
    return h("div", [("class", "quiet-help"), ("data-quiet-help", True)], [
        h("p", [("class", "quiet-help-text")], line["text"]),
        h("button", [("type", "button"), ("class", "button secondary"),
                     ("aria-expanded", "false"), ("aria-controls", QUIET_PANEL),
                     ("data-action", "quiet-help")], line["open"]),
        h("div", [("id", QUIET_PANEL), ("class", "quiet-help-panel"),
                  ("data-help-root", "partner"), ("data-help-level", "3"), ("hidden", True)],
          [waiting(catalogue, everywhere), help_slots()]),
    ])
