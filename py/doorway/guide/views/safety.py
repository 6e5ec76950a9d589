"""Help for anyone who may not be safe, as view trees: the emergency number first.

Every safety page draws its help with these functions, from
:func:`doorway.guide.safety.help_for`, so the wizard, the partner's page and
the static safety page show the same cards:

- :func:`help_top` (the place, named in the control that changes it, then the
  emergency number and the main line) and :func:`help_more` (the other lines,
  grouped by kind) show one place at a time. Python redraws the cards when the
  person picks another place: the wizard's safety steps and the partner
  page's quiet help (:func:`quiet_line`).
- :func:`in_place` is the footer's help on the pages that hold answers: the
  same slots, drawn only when the help is opened.
- :func:`place_switcher` holds every place at once, picked with radio buttons
  that CSS alone switches, for the static safety page: it works with no
  script at all.

Every number is a large ``tel:`` (or ``sms:``) link, and each card ends with
one compact line naming its source and the day the number was checked, so no
citation ever sits between two numbers.
"""

from doorway.guide import safety as routes

from . import h, source_link

#: Joins a country and an area in a place's value: "uk:wales".
SEPARATOR = ":"


def place_value(country_id, area_id=None):
    """The value naming a place: "us", "uk:wales", or "elsewhere"."""
    return country_id + SEPARATOR + area_id if area_id else country_id


def split_place(value):
    """``(country id, area id or None)`` from a place's value."""
    parts = str(value or "").split(SEPARATOR, 1)
    return parts[0] or routes.ELSEWHERE, parts[1] if len(parts) > 1 and parts[1] else None


def _heading(level, text, attrs=None):
    return h("h%d" % min(level, 6), attrs, text)


def _paragraphs(texts):
    return [h("p", None, text) for text in texts]


def source_line(catalogue, sources, checked=None):
    """"Source: Author (year); … · Numbers checked on <date>", under one card.

    ``sources`` are source entries (``catalogue.source(id)`` or those
    :func:`doorway.guide.safety.help_for` gives); ``checked`` is the day the
    numbers were checked, for cards that hold a number.
    """
    children = [catalogue.safety["route"]["source_label"] + ": "]
    for i, source in enumerate(sources):
        if i:
            children.append("; ")
        children.append(source_link(source["url"], "%s (%s)" % (source["author"],
                                                                source["year"])))
    if checked:
        children += [" · " + catalogue.safety["lines"]["checked"] + " ",
                     h("time", [("datetime", checked)], checked)]
    return h("p", [("class", "source-line")], children)


def _cited(catalogue, source_ids):
    return source_line(catalogue, [catalogue.source(source_id) for source_id in source_ids])


def _web_label(label, url):
    """"Website: www.example.org": the address, without its scheme, says where it goes."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            url = url[len(scheme):]
    return "%s: %s" % (label, url.rstrip("/"))


def calls(catalogue, line):
    """The call and text buttons of one line (None for a line with neither)."""
    words = catalogue.safety["lines"]
    buttons = []
    if line.get("tel_href"):
        buttons.append(h("a", [("class", "call-button"), ("href", line["tel_href"])],
                         words["call"] + " " + line["phone"]))
    if line.get("sms_href"):
        buttons.append(h("a", [("class", "call-button text-button"), ("href", line["sms_href"])],
                         line["text"] or words["text"] + " " + line["sms"]))
    if not buttons:
        return None
    return h("div", [("class", "call-buttons")], buttons)


def line_card(catalogue, line, level=3, main=False):
    """One helpline: its name, call/text buttons, who it is for, hours, chat and
    website, then its source and checked date."""
    words = catalogue.safety["lines"]
    sources = [line["source"]]
    if line.get("hours_source") and line["hours_source"]["url"] != line["source"]["url"]:
        sources.append(line["hours_source"])
    hours = line.get("hours")
    if not hours and (line.get("tel_href") or line.get("sms_href")):
        hours = words["hours_unknown"]
    links = []
    if line.get("chat"):
        links.append(source_link(line["chat"], words["chat"]))
    if line.get("url") and line["url"] != line.get("chat"):
        links.append(source_link(line["url"], _web_label(words["website"], line["url"])))
    return h("section", [("class", "help-card main-line" if main else "help-card"),
                         ("data-help-line", line["kind"])], [
        _heading(level, line["name"]),
        calls(catalogue, line),
        h("p", [("class", "line-for")], line["for"]),
        h("p", [("class", "hours")], hours) if hours else None,
        h("ul", [("class", "line-links")], [h("li", None, link) for link in links])
        if links else None,
        source_line(catalogue, sources, line["checked"]),
    ])


def emergency_card(catalogue, emergency, level=2):
    """The emergency number, first on every safety page."""
    words = catalogue.safety
    return h("section", [("class", "help-card emergency-card"), ("data-help-line", "emergency")], [
        _heading(level, words["route"]["emergency_heading"]),
        h("div", [("class", "call-buttons")], h("a", [
            ("class", "call-button emergency"), ("href", emergency["tel_href"])],
            words["lines"]["call"] + " " + emergency["number"])),
        source_line(catalogue, [emergency["source"]], emergency["checked"]),
    ])


def international_card(catalogue, international, level=2):
    """For anyone whose country is not listed: a directory of helplines."""
    return h("section", [("class", "help-card main-line"), ("data-help-line", "directory")], [
        _heading(level, international["name"]),
        h("p", [("class", "line-for")], international["about"]),
        h("p", None, source_link(international["url"], _web_label(
            catalogue.safety["lines"]["website"], international["url"]))),
        source_line(catalogue, [international["source"]]),
    ])


def first_help(catalogue, found, level=2):
    """What a phone's first screen needs: the emergency number, then the main line."""
    if found["country"] is None:
        return [international_card(catalogue, found["international"], level)]
    return [emergency_card(catalogue, found["emergency"], level),
            line_card(catalogue, found["main"], level, main=True)]


def help_more(catalogue, found, level=2, heading=True):
    """The other lines for the place, grouped by kind (nothing for "elsewhere")."""
    if not found["groups"]:
        return None
    inner = level + 1 if heading else level
    return h("div", [("class", "help-more")], [
        _heading(level, catalogue.safety["route"]["lines_heading"]) if heading else None,
        [h("section", [("class", "help-group"), ("data-kind", group["kind"])], [
            _heading(inner, group["heading"]),
            [line_card(catalogue, line, inner + 1) for line in group["lines"]],
        ]) for group in found["groups"]],
    ])


def places(catalogue):
    """Every place a person can pick: ``[(value, name)]``, countries in content
    order, each area of a country on its own, "somewhere else" last."""
    found = []
    for country in catalogue.safety["countries"]:
        areas = country.get("areas", [])
        if not areas:
            found.append((place_value(country["id"]), country["name"]))
        for area in areas:
            found.append((place_value(country["id"], area["id"]),
                          "%s: %s" % (country["name"], area["name"])))
    found.append((routes.ELSEWHERE, catalogue.safety["lines"]["elsewhere"]))
    return found


def place_picker(catalogue, prefix, found):
    """The control naming the place the cards are for, and changing it."""
    country = found["country"]
    chosen = place_value(country["id"], found["area"]) if country else routes.ELSEWHERE
    select_id = prefix + "-place"
    return h("div", [("class", "place-picker")], [
        h("label", [("class", "field-label"), ("for", select_id)],
          catalogue.safety["route"]["country_label"]),
        h("select", [("id", select_id), ("name", "place"), ("data-place", True)], [
            h("option", [("value", value), ("selected", value == chosen)], name)
            for value, name in places(catalogue)]),
    ])


def help_top(catalogue, prefix, found, level=2):
    """The top of every safety page: the place and its control, then the cards
    that must be on the first screen (``data-lines`` is what a change redraws)."""
    return [place_picker(catalogue, prefix, found),
            h("div", [("class", "help-first"), ("data-lines", True)],
              first_help(catalogue, found, level))]


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

    countries = catalogue.safety["countries"]
    items = [h("p", [("class", "field-label places-label")],
               catalogue.safety["route"]["country_label"])]
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
    return h("section", [("class", "help-section")], [_heading(level, heading), children])


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
        _paragraphs(route["family"]), _cited(catalogue, route["family_sources"])])


def own_behaviour(catalogue, level=2):
    """For the person who worries that they are the one causing harm."""
    own = catalogue.safety["own_behaviour"]
    return _section(level, own["heading"], [
        _paragraphs(own["body"]), h("p", None, own["lines_note"]),
        _cited(catalogue, own["sources"])])


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


def saved_note(catalogue, note_id="saved-plan-note"):
    """Said before copy, print and download: a saved plan can be found."""
    note = catalogue.safety["saved_plan_note"]
    return h("div", [("class", "saved-note"), ("id", note_id)], [
        h("p", None, note["text"]), _cited(catalogue, note["sources"])])


def help_slots():
    """Where Python draws one place's help (:class:`doorway.ui.safety.Help`):
    the place, its control and first cards, then the other lines. Both are
    private: leaving the page empties them (boot.js)."""
    return [h("div", [("class", "help-top"), ("data-help-top", True), ("data-private", True)]),
            h("div", [("data-help-more", True), ("data-private", True)])]


def in_place(catalogue, prefix, level=3):
    """"If you don't feel safe", opened in place on the pages that hold answers.

    The cards are drawn for one place when the help is first opened, so these
    pages carry no country's numbers until someone asks for them (the static
    safety page holds every place). Until Python has started, a line says
    where the numbers are (``waiting``; the template adds the link).
    """
    top, more = help_slots()
    return [
        h("div", [("class", "help-root"), ("data-help-root", prefix),
                  ("data-help-level", str(level))], [top, reasons(catalogue), more]),
        route_support(catalogue, level),
    ]


#: The id of the partner page's help, which the quiet line's button controls.
QUIET_PANEL = "quiet-help-panel"


def quiet_line(catalogue):
    """The partner page's quiet safety line: a sentence and a button that opens
    the help in place, in the page (Python draws it when first opened).

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
          help_slots()),
    ])
