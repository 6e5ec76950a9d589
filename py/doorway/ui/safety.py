"""Help for one country on the safety route: emergency number first.

The person picks a country; the first choice is a guess from the browser's
language setting (``en-GB`` suggests the United Kingdom), made on the device.
All numbers ship with the site: nothing is looked up anywhere.
"""

from pyscript import window

from doorway.guide.views import safety as views

from . import dom


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
    return views.ELSEWHERE


def draw(catalogue, container, step):
    """The country picker and the guessed country's lines, in ``container``."""
    dom.replace(container, views.country_picker(catalogue, step, guess_country(catalogue)))


def change(catalogue, select):
    """Show the lines of the country just chosen in ``select``."""
    chosen = select.value
    lines = dom.one("[data-lines]", select.closest("[data-country-help]"))
    dom.replace(lines, views.country_lines(catalogue,
                                           None if chosen == views.ELSEWHERE else chosen))
