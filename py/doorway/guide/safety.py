"""Where the safety check leads, and which helplines a person sees first.

Pure logic, shared by the browser and the static pages and tested under
CPython and MicroPython (tests/logic/test_safety_routes.py). The pages decide
nothing themselves: they ask this module

- which route the answers lead to (:func:`outcome`, :func:`first_page`), and
  where a button on a safety page may go next (:func:`next_page`): going on
  from "not sure" about a danger item takes a second, deliberate step;
- which country and area to offer first (:func:`guess_country`,
  :func:`guess_area`), from the browser's language tags, on the device;
- which lines to show, in the order a phone's first screen needs them
  (:func:`help_for`): the emergency number, the main line, then the rest
  grouped by kind, each with its source and the date it was checked.
"""

#: Outcomes of the safety check: :func:`overall` gives the last three.
DANGER = "danger"
DANGER_UNSURE = "danger_unsure"
CONCERN = "concern"
UNSURE = "unsure"
CLEAR = "clear"

#: Pages of the safety route (the step names the browser shows).
HIGH_RISK = "high-risk"
SAFETY_ROUTE = "safety-route"
DANGER_PAUSE = "danger-unsure"
DANGER_CONFIRM = "danger-confirm"
UNSURE_PAGE = "unsure"
GUIDE = "stance"

#: The first page each outcome leads to.
FIRST_PAGE = {
    DANGER: HIGH_RISK,
    CONCERN: SAFETY_ROUTE,
    DANGER_UNSURE: DANGER_PAUSE,
    UNSURE: UNSURE_PAGE,
    CLEAR: GUIDE,
}

#: (page, button) -> next page. A pair that is missing is a way that does not
#: exist: nobody goes from the high-risk page or the safety route to the guide.
TRANSITIONS = {
    (DANGER_PAUSE, "continue"): DANGER_CONFIRM,
    (DANGER_CONFIRM, "confirm"): GUIDE,
    (DANGER_CONFIRM, "back"): DANGER_PAUSE,
    (UNSURE_PAGE, "continue"): GUIDE,
}

#: Every page offers help at once, whatever was answered.
HELP = "help"

#: Kinds of helpline, in the order a phone lists them after the main line.
KINDS = ("abuse", "men", "lgbt", "young", "deaf", "own", "crisis", "directory")

#: The country choice for "somewhere else": the international directory.
ELSEWHERE = "elsewhere"


def danger_items(catalogue):
    """Ids of the questions whose "yes" means a higher risk of serious harm."""
    return [item["id"] for item in catalogue.safety_screen["items"] if item.get("danger")]


def outcome(catalogue, safety):
    """Which route the checked answers (``{item id: yes|no|unsure}``) lead to.

    A "yes" to a danger item outranks everything; any other "yes" comes next.
    "Not sure" on a danger item outranks "not sure" elsewhere, because it needs
    help offered first and a second step to go on.
    """
    danger = danger_items(catalogue)
    for item_id in danger:
        if safety.get(item_id) == "yes":
            return DANGER
    found = overall(safety)
    if found == CONCERN:
        return CONCERN
    for item_id in danger:
        if safety.get(item_id) == "unsure":
            return DANGER_UNSURE
    return found


def overall(safety):
    """``CONCERN`` if any answer is yes, ``UNSURE`` if any is not sure, else ``CLEAR``:
    the outcome before :func:`outcome` tells the danger items apart."""
    values = list(safety.values())
    if "yes" in values:
        return CONCERN
    if "unsure" in values:
        return UNSURE
    return CLEAR


def first_page(catalogue, safety):
    return FIRST_PAGE[outcome(catalogue, safety)]


def next_page(page, button):
    """The page a button leads to, or None where that way is closed."""
    if button == HELP:
        return SAFETY_ROUTE
    return TRANSITIONS.get((page, button))


def _tags(languages):
    """(primary language, region) for each tag: "en-GB" gives ("en", "GB")."""
    found = []
    for tag in languages:
        parts = str(tag or "").replace("_", "-").split("-")
        primary = parts[0].lower()
        region = parts[-1].upper() if len(parts) > 1 else ""
        found.append((primary, region))
    return found


def guess_country(catalogue, languages):
    """The country whose region matches the first fitting language tag.

    ``languages`` is the browser's list (navigator.languages, then
    navigator.language); nothing leaves the device. A tag without a region
    ("de") says nothing about the country.
    """
    for _, region in _tags(languages):
        for country in catalogue.helplines["countries"]:
            if region and region == country["region"]:
                return country["id"]
    return ELSEWHERE


def guess_area(catalogue, country_id, languages):
    """The part of the country the languages suggest (fr-CA: Quebec), else None."""
    country = catalogue.country(country_id)
    if country is None:
        return None
    for primary, region in _tags(languages):
        if region and region != country["region"]:
            continue
        for area in country.get("areas", []):
            if primary in area.get("languages", []):
                return area["id"]
    return None


def _source(catalogue, source_id):
    return dict(catalogue.citation(source_id))


def _line(catalogue, country, line):
    """One helpline as the page needs it: ready links, source and checked date."""
    found = {"kind": line["kind"], "name": line["name"], "for": line["for"],
             "main": bool(line.get("main")), "area": line.get("area"),
             "checked": country["checked"], "source": _source(catalogue, line["source"]),
             "hours_source": None}
    for key in ("phone", "tel", "sms", "keyword", "text", "url", "chat", "hours"):
        found[key] = line.get(key)
    found["tel_href"] = "tel:" + line["tel"] if line.get("tel") else None
    found["sms_href"] = "sms:" + line["sms"] if line.get("sms") else None
    if line.get("hours_source"):
        found["hours_source"] = _source(catalogue, line["hours_source"])
    return found


def chosen_area(country, area_id):
    """``area_id`` if the country has it, else its first area (None without areas)."""
    ids = [area["id"] for area in country.get("areas", [])]
    if not ids:
        return None
    return area_id if area_id in ids else ids[0]


def help_for(catalogue, country_id, area_id=None):
    """Help for one country (and area), in the order a phone's first screen needs.

    Returns ``{"country", "areas", "area", "emergency", "main", "groups",
    "international"}``: ``emergency`` and ``main`` come first on the page,
    then ``groups`` (``[{"kind", "heading", "lines"}]``, in :data:`KINDS`
    order). Lines for other areas of the country are left out; the main line is
    the chosen area's. An unknown country (or :data:`ELSEWHERE`) gives only
    the international directory.
    """
    helplines = catalogue.helplines
    international = helplines["international"]
    found = {"country": None, "areas": [], "area": None, "emergency": None, "main": None,
             "groups": [],
             "international": {"name": international["name"], "url": international["url"],
                               "about": international["about"],
                               "source": _source(catalogue, international["source"])}}
    country = catalogue.country(country_id)
    if country is None:
        return found
    area = chosen_area(country, area_id)
    found["country"] = {"id": country["id"], "name": country["name"],
                        "checked": country["checked"]}
    found["areas"] = [{"id": a["id"], "name": a["name"]} for a in country.get("areas", [])]
    found["area"] = area
    found["emergency"] = {"number": country["emergency"], "tel": country["emergency_tel"],
                          "tel_href": "tel:" + country["emergency_tel"],
                          "checked": country["checked"],
                          "source": _source(catalogue, country["emergency_source"])}
    rest = []
    for line in country["lines"]:
        if line.get("area") and line["area"] != area:
            continue
        if line.get("main") and line.get("area") == area:
            found["main"] = _line(catalogue, country, line)
        else:
            rest.append(_line(catalogue, country, line))
    headings = helplines["lines"]["kinds"]
    for kind in KINDS:
        lines = [line for line in rest if line["kind"] == kind]
        if lines:
            found["groups"].append({"kind": kind, "heading": headings[kind], "lines": lines})
    return found

