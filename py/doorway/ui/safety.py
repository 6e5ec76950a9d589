"""Help for one country on the safety route: emergency number first.

The person picks a country; the first choice is a guess from the browser's
language setting (``en-GB`` suggests the United Kingdom), made on the device.
All numbers ship with the site: nothing is looked up anywhere.
"""

from pyscript import window

from doorway.guide.safety import guess_country
from doorway.guide.views import safety as views

from . import dom


def languages():
    """The browser's language tags, most preferred first (read, never sent)."""
    found = window.navigator.languages
    tags = [str(found[i]) for i in range(found.length)] if found else []
    return tags + [str(window.navigator.language or "")]


def draw(catalogue, container, step):
    """The country picker and the guessed country's lines, in ``container``."""
    dom.replace(container, views.country_picker(catalogue, step,
                                                guess_country(catalogue, languages())))


def change(catalogue, select):
    """Show the lines of the country just chosen in ``select``."""
    chosen = select.value
    lines = dom.one("[data-lines]", select.closest("[data-country-help]"))
    dom.replace(lines, views.country_lines(catalogue,
                                           None if chosen == views.ELSEWHERE else chosen))
