"""The helplines for one place, as view trees: the emergency number first.

What a safety page draws from :func:`doorway.guide.safety.help_for`, in the
browser as much as in the build: :func:`help_top` (the place, named in the
control that changes it, then the emergency number and the main line) and
:func:`help_more` (the other lines, grouped by kind). Python draws them for
one place at a time, and again when the person picks another place (the
wizard's safety steps, the footer's help, the partner page's quiet help:
``doorway.ui.safety``); the static safety page draws every place at once
(:func:`doorway.guide.views.safety.place_switcher`).

These read only the helplines part of the safety content
(``Catalogue.helplines``), so a page's bundle carries the numbers and the
words around them, not the safety pages' own text, which its HTML holds.

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


def level_heading(level, text):
    """A heading at ``level``, never deeper than ``h6`` (the cards nest)."""
    return h("h%d" % min(level, 6), None, text)


def _words(catalogue):
    """The words around each helpline (``safety.toml``'s ``[lines]``)."""
    return catalogue.helplines["lines"]


def source_line(catalogue, sources, checked=None):
    """"Source: Author (year); … · Numbers checked on <date>", under one card.

    ``sources`` are source entries (``catalogue.citation(id)`` or those
    :func:`doorway.guide.safety.help_for` gives); ``checked`` is the day the
    numbers were checked, for cards that hold a number.
    """
    words = _words(catalogue)
    children = [words["source_label"] + ": "]
    for i, source in enumerate(sources):
        if i:
            children.append("; ")
        children.append(source_link(source["url"], "%s (%s)" % (source["author"],
                                                                source["year"])))
    if checked:
        children += [" · " + words["checked"] + " ",
                     h("time", [("datetime", checked)], checked)]
    return h("p", [("class", "source-line")], children)


def cited(catalogue, source_ids):
    """The source line for the sources ``source_ids`` (no checked date)."""
    return source_line(catalogue, [catalogue.citation(source_id) for source_id in source_ids])


def _web_label(label, url):
    """"Website: www.example.org": the address, without its scheme, says where it goes."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            url = url[len(scheme):]
    return "%s: %s" % (label, url.rstrip("/"))


def calls(catalogue, line):
    """The call and text buttons of one line (None for a line with neither)."""
    words = _words(catalogue)
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
    words = _words(catalogue)
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
        level_heading(level, line["name"]),
        calls(catalogue, line),
        h("p", [("class", "line-for")], line["for"]),
        h("p", [("class", "hours")], hours) if hours else None,
        h("ul", [("class", "line-links")], [h("li", None, link) for link in links])
        if links else None,
        source_line(catalogue, sources, line["checked"]),
    ])


def emergency_card(catalogue, emergency, level=2):
    """The emergency number, first on every safety page."""
    words = _words(catalogue)
    return h("section", [("class", "help-card emergency-card"), ("data-help-line", "emergency")], [
        level_heading(level, words["emergency_heading"]),
        h("div", [("class", "call-buttons")], h("a", [
            ("class", "call-button emergency"), ("href", emergency["tel_href"])],
            words["call"] + " " + emergency["number"])),
        source_line(catalogue, [emergency["source"]], emergency["checked"]),
    ])


def international_card(catalogue, international, level=2):
    """For anyone whose country is not listed: a directory of helplines."""
    return h("section", [("class", "help-card main-line"), ("data-help-line", "directory")], [
        level_heading(level, international["name"]),
        h("p", [("class", "line-for")], international["about"]),
        h("p", None, source_link(international["url"], _web_label(
            _words(catalogue)["website"], international["url"]))),
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
        level_heading(level, _words(catalogue)["lines_heading"]) if heading else None,
        [h("section", [("class", "help-group"), ("data-kind", group["kind"])], [
            level_heading(inner, group["heading"]),
            [line_card(catalogue, line, inner + 1) for line in group["lines"]],
        ]) for group in found["groups"]],
    ])


def places(catalogue):
    """Every place a person can pick: ``[(value, name)]``, countries in content
    order, each area of a country on its own, "somewhere else" last."""
    found = []
    for country in catalogue.helplines["countries"]:
        areas = country.get("areas", [])
        if not areas:
            found.append((place_value(country["id"]), country["name"]))
        for area in areas:
            found.append((place_value(country["id"], area["id"]),
                          "%s: %s" % (country["name"], area["name"])))
    found.append((routes.ELSEWHERE, _words(catalogue)["elsewhere"]))
    return found


def place_picker(catalogue, prefix, found):
    """The control naming the place the cards are for, and changing it."""
    country = found["country"]
    chosen = place_value(country["id"], found["area"]) if country else routes.ELSEWHERE
    select_id = prefix + "-place"
    return h("div", [("class", "place-picker")], [
        h("label", [("class", "field-label"), ("for", select_id)],
          _words(catalogue)["country_label"]),
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
