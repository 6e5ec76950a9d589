"""Help for one place at a time: on the safety steps, in the footer's "If you
don't feel safe", and in the partner page's quiet help (``doorway.ui.partner``).

The first place offered is a guess from the browser's language settings
(``en-GB`` suggests the United Kingdom, ``cy-GB`` Wales), made on the device;
the guess can be wrong, so the place is named in the control that changes it,
right above the numbers. Every number ships with the site: nothing is looked up
anywhere. What to show is decided in :mod:`doorway.guide.safety` and drawn from
:mod:`doorway.guide.views.helplines`.
"""

from pyscript import window

from doorway.guide import safety as routes
from doorway.guide.views import helplines as views

from . import dom


def languages():
    """The browser's language tags, most preferred first (read, never sent)."""
    found = window.navigator.languages
    tags = [str(found[i]) for i in range(found.length)] if found else []
    return tags + [str(window.navigator.language or "")]


def _level(root):
    """The heading level of the cards in ``root`` (its ``data-help-level``)."""
    return int(root.getAttribute("data-help-level") or "2")


class Help:
    """The place chosen (shared by every page of the route) and the cards for it.

    A page holds its help in an element marked ``data-help-root`` (its prefix
    for ids) and ``data-help-level`` (the level of its card headings), with an
    empty ``[data-help-top]`` and ``[data-help-more]`` inside, and perhaps a
    line saying where the numbers are until they are drawn (``.help-waiting``).
    """

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.place = None

    def found(self):
        if self.place is None:
            tags = languages()
            country = routes.guess_country(self.catalogue, tags)
            self.place = (country, routes.guess_area(self.catalogue, country, tags))
        return routes.help_for(self.catalogue, self.place[0], self.place[1])

    def draw(self, root):
        """Draw the control and every card for the chosen place inside ``root``."""
        found = self.found()
        dom.replace(dom.one("[data-help-top]", root),
                    views.help_top(self.catalogue, root.getAttribute("data-help-root"), found,
                                   _level(root)))
        self._more(root, found)
        for line in dom.every(".help-waiting", root):
            dom.show(line, False)

    def drawn(self, root):
        """Whether ``root`` holds cards already."""
        return dom.one("[data-lines]", root) is not None

    def change(self, select):
        """Show the cards of the place just picked; the control itself (and the
        focus on it) stays."""
        self.place = views.split_place(select.value)
        root = select.closest("[data-help-root]")
        found = self.found()
        dom.replace(dom.one("[data-lines]", root),
                    views.first_help(self.catalogue, found, _level(root)))
        self._more(root, found)

    def _more(self, root, found):
        """The other lines, on pages that list them (a page may show only the first)."""
        more = dom.one("[data-help-more]", root)
        if more:
            dom.replace(more, views.help_more(self.catalogue, found, _level(root)))

    def wipe(self, within):
        """Forget the place and the cards drawn inside ``within`` (other help
        on the page, such as the footer's, is its own)."""
        self.place = None
        for slot in dom.every("[data-help-top], [data-help-more]", within):
            dom.clear(slot)
        for line in dom.every(".help-waiting", within):
            dom.show(line, True)


class InPlaceHelp:
    """The footer's "If you don't feel safe" on a page that holds answers.

    A ``<details>`` (base.html) whose cards are drawn for one place each time
    it opens, so the page carries no country's numbers until someone asks. On
    the partner's page this comes with the second bundle, so the help may be
    open already: then its cards are drawn at once.
    """

    def __init__(self, catalogue, details):
        self.details = details
        self.root = dom.one("[data-help-root]", details)
        self.help = Help(catalogue)
        dom.on(details, "toggle", self.on_toggle)
        dom.on(details, "change", self.on_change)
        self.on_toggle(None)

    def on_toggle(self, event):
        if self.details.open and not self.help.drawn(self.root):
            self.help.draw(self.root)

    def on_change(self, event):
        if event.target.hasAttribute("data-place"):
            self.help.change(event.target)

    def wipe(self):
        self.details.open = False
        self.help.wipe(self.root)


def in_footer(catalogue):
    """The footer's :class:`InPlaceHelp` on this page, or None on a page without it."""
    details = dom.one("#safe-help")
    return InPlaceHelp(catalogue, details) if details else None
