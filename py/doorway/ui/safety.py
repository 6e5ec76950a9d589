"""Help for one country on the safety route: emergency number first.

The person picks a country; the first choice is a guess from the browser's
language setting (``en-GB`` suggests the United Kingdom), made on the device.
All numbers ship with the site: nothing is looked up anywhere.
"""

from pyscript import window

from doorway.guide import plan as planner

from . import dom, render

h = dom.h

ELSEWHERE = "elsewhere"


def guess_country(catalogue):
    """The country whose region matches the browser's language, if any."""
    found = window.navigator.languages
    languages = [str(found[i]) for i in range(found.length)] if found else []
    languages.append(str(window.navigator.language or ""))
    for language in languages:
        region = language.split("-")[-1].upper() if "-" in language else ""
        for country in catalogue.safety["countries"]:
            if region and region == country["region"]:
                return country["id"]
    return ELSEWHERE


class CountryHelp:
    def __init__(self, catalogue, container):
        self.catalogue = catalogue
        self.container = container
        self.route = catalogue.safety["route"]

    def render(self):
        dom.clear(self.container)
        select_id = "country-" + (self.container.closest("[data-step]").getAttribute("data-step"))
        chosen = guess_country(self.catalogue)
        options = [h("option", {"value": c["id"], "selected": c["id"] == chosen}, c["name"])
                   for c in self.catalogue.safety["countries"]]
        options.append(h("option", {"value": ELSEWHERE, "selected": chosen == ELSEWHERE},
                         self.catalogue.safety["international"]["name"]))
        select = h("select", {"id": select_id, "name": "country"}, options)
        self.lines = h("div", {"data-lines": True, "aria-live": "polite"})
        dom.append(self.container, [
            h("h2", None, self.route["lines_heading"]),
            h("label", {"class": "field-label", "for": select_id}, self.route["country_label"]),
            select,
            self.lines,
        ])
        dom.on(select, "change", lambda event: self.show(select.value))
        self.show(chosen)

    def show(self, country_id):
        dom.clear(self.lines)
        country = self.catalogue.country(country_id)
        name = country["name"] if country else self.catalogue.safety["international"]["name"]
        labels = self.catalogue.guidance["labels"]
        dom.append(self.lines, [h("h3", None, name)] + render.blocks(
            planner.safety_blocks(self.catalogue, country and country_id), labels))
