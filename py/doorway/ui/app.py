"""Start the page's Python: load the content, then hand over to the page.

Each page says what it is in ``<html data-page="…">``. Once the page works,
``<html data-app="ready">`` tells anyone waiting (tests, benchmarks) that
Python has taken over, and a ``doorway-ready`` performance mark says when.
Any error from then on shows a calm message instead of a broken or blank page.
"""

from pyscript import document, window

from doorway.guide.catalogue import Catalogue

from . import dom, later

#: The folder of the content in the page's bundles, one JSON file per section
#: (``doorway.builder.bundles.CONTENT``), each parsed when first read.
CONTENT = "content"


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


#: The object that runs each kind of page (``<html data-page>``): its module and
#: class. Imported by name, so a page loads only its own controller; the build
#: reads this table to give each page just the Python it runs
#: (``doorway.builder.imports``).
CONTROLLERS = {
    "wizard": ("doorway.ui.wizard", "Wizard"),
    "invite": ("doorway.ui.partner", "PartnerPage"),
    "reply": ("doorway.ui.received", "ReplyPage"),
}


#: The modules a page imports only once its second bundle is there
#: (``doorway.ui.later``): the build puts them, and every module they import
#: that the page's first bundle lacks, into that bundle.
LATER = {
    "wizard": ("doorway.ui.plan_step", "doorway.ui.resume"),
    # The invitation first; the help (whose lines say where the numbers are
    # until then) and the sources right after.
    "invite": ("doorway.ui.safety", "doorway.guide.views.partner_sources"),
}


def controller(page, catalogue):
    """The object that runs this kind of page, or None for a page without one."""
    if page not in CONTROLLERS:
        return None
    module, name = CONTROLLERS[page]
    return getattr(__import__(module, None, None, [name]), name)(catalogue)


def wipe(running):
    """The person is leaving the page: forget everything, the footer's help
    included (each page's object holds it as ``footer_help``, once it has it)."""
    dom.cancel_all()
    running.wipe()
    if running.footer_help:
        running.footer_help.wipe()


def start(root, unpack):
    """``root`` is where the loader (``doorway/ui/main.py``) keeps the bundle's
    files, ``unpack`` its function for a second bundle."""
    dom.set_error_handler(fail)
    catalogue = Catalogue.from_folder(root + "/" + CONTENT)
    later.start(unpack, catalogue.reread)  # fetched once the page is ready (see ready())
    # The page's own object, its imports included, in a task of its own: on a
    # phone's CPU the imports and the page's start held the page for some 150 ms
    # in one task.
    dom.later(begin(catalogue))


async def begin(catalogue):
    """In a task of its own, start the page's object, if it has one; then the
    page is ready.

    A page's ``start`` may return the rest of its start as steps (a generator:
    a link page opens its link in steps), each run in a task of its own, so
    that the browser may draw and answer input (Quick exit) between them; not
    if the page was wiped meanwhile (:func:`wipe` cancels this).
    """
    await dom.next_task()
    running = controller(document.documentElement.getAttribute("data-page"), catalogue)
    steps = None
    if running:
        await dom.next_task()  # after its imports
        steps = running.start()
        # boot.js sends this when the person leaves the page in any way (Quick
        # exit, Back, a link): unfinished work stops and whatever the page held
        # from their answers or a link is dropped, so the back/forward cache
        # keeps nothing of it and a restored page is a fresh start.
        dom.on(document, "doorway:wipe", lambda event: wipe(running))
    for _ in steps or ():
        await dom.next_task()
    ready()


def ready():
    """Tell anyone waiting that Python has taken over; then the second bundle
    may come, once the browser is idle."""
    document.documentElement.setAttribute("data-app", "ready")
    window.performance.mark("doorway-ready")
    later.when_idle()
