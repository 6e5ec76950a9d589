"""Start the page's Python: load the content, then hand over to the page.

Each page says what it is in ``<html data-page="…">``. Once the page works,
``<html data-app="ready">`` tells anyone waiting (tests, benchmarks) that
Python has taken over, and a ``doorway-ready`` performance mark says when.
Any error from then on shows a calm message instead of a broken or blank page.
"""

from pyscript import document, window

from doorway.guide.catalogue import Catalogue

from . import dom


def load_catalogue():
    with open("catalogue.json") as handle:
        return Catalogue.from_json(handle.read())


def fail(error):
    """Python could not start or crashed: show the page's calm error message."""
    dom.log_error(error)
    root = document.documentElement
    if root.getAttribute("data-app") != "ready":
        root.setAttribute("data-app", "failed")
        return
    problem = dom.one('[data-step="problem"]')
    if problem:
        for step in dom.every("[data-step]"):
            dom.show(step, step.getAttribute("data-step") == "problem")
        dom.focus(dom.one("h1", problem))
    else:
        root.setAttribute("data-app", "failed")
        dom.focus(dom.one(".startup-failed"))


def start():
    dom.set_error_handler(fail)
    catalogue = load_catalogue()
    page = document.documentElement.getAttribute("data-page")
    if page == "wizard":
        from .wizard import Wizard
        Wizard(catalogue).start()
    elif page == "invite":
        from .partner import PartnerPage
        PartnerPage(catalogue).start()
    elif page == "reply":
        from .received import ReplyPage
        ReplyPage(catalogue).start()
    document.documentElement.setAttribute("data-app", "ready")
    window.performance.mark("doorway-ready")
