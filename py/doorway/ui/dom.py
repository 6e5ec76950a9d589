"""Small, safe DOM helpers for the browser (MicroPython + PyScript).

Everything that reaches the page goes through :func:`build` (a view tree from
:mod:`doorway.guide.views`) and :func:`set_text`, which create text nodes: no
string is ever parsed as HTML. This matters more
than usual here: PyScript runs any ``<script type="mpy">`` that appears in the
page, so HTML built from a link's note would be code execution. The
``pyscript.web`` constructors insert string children as raw HTML, so they are
not used.
"""

import gc
import json
import sys

from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

#: Proxies must outlive the call that made them, or the browser would call a
#: Python function that has been collected. Listeners are attached once per
#: page (events are delegated), so this list stays short.
_proxies = []


def _flat(nodes, into):
    """The trees of ``nodes`` (a tree, or nested lists of them; None skipped) in order."""
    if isinstance(nodes, list):
        for node in nodes:
            _flat(node, into)
    elif nodes is not None:
        into.append(nodes)
    return into


class Prepared:
    """View trees drawn ahead of time, off the page (:func:`prepare`), that
    :func:`append` or :func:`replace` put on it; once only."""

    def __init__(self, fragment):
        self.fragment = fragment


def serialise(nodes):
    """``nodes`` (a view tree, or nested lists of them) as the JSON text that
    boot.js's ``doorwayViews`` draws: JSON is data, so the strings stay text."""
    return json.dumps(_flat(nodes, []))


def prepare(text):
    """The trees of ``text`` (:func:`serialise`) drawn now into a DocumentFragment
    off the page, for placing later when it must be quick: serialising and
    building a plan take longer than placing it. Nothing off the page is shown,
    read out, or found by find-in-page."""
    return Prepared(window.doorwayViews(text))


def _fragment(nodes):
    """A DocumentFragment holding ``nodes``, drawn by boot.js from one JSON text:
    one call into the page per drawing, not one per node, attribute and child
    (each call out of MicroPython costs far more than the DOM work it does)."""
    if isinstance(nodes, Prepared):
        return nodes.fragment
    return window.doorwayViews(serialise(nodes))


def build(node):
    """DOM nodes for a view tree (see :mod:`doorway.guide.views`).

    Text becomes a text node, never markup; attributes are set in the tree's
    order, so ``outerHTML`` matches what the builder writes for the same tree.
    """
    return _fragment(node).firstChild


def append(element, nodes):
    """Draw ``nodes`` (a view tree or a list of them; None is skipped) at the end."""
    if nodes is not None:
        element.appendChild(_fragment(nodes))


def replace(element, nodes):
    """Draw ``nodes`` in place of everything ``element`` holds."""
    if nodes is None:
        clear(element)
    else:
        element.replaceChildren(_fragment(nodes))


def set_text(element, text):
    element.textContent = text


def clear(element):
    element.replaceChildren()


def one(selector, within=None):
    return (within or document).querySelector(selector)


def every(selector, within=None):
    found = (within or document).querySelectorAll(selector)
    return [found.item(i) for i in range(found.length)]


def show(element, visible=True):
    element.hidden = not visible


def focus(element):
    """Move focus to an element (headings get tabindex=-1 so they can take it)."""
    if not element.hasAttribute("tabindex"):
        element.setAttribute("tabindex", "-1")
    element.focus()


def on(target, event, handler):
    """Listen for ``event``; exceptions in ``handler`` go to :func:`on_error`."""
    def guarded(evt):
        try:
            handler(evt)
        except Exception as error:  # noqa: BLE001 - shown calmly, never a blank page
            on_error(error)
    proxy = create_proxy(guarded)
    _proxies.append(proxy)
    target.addEventListener(event, proxy)


async def frame():
    """Return when the next frame is about to be drawn: work that waits for
    :func:`idle` after this starts only once that frame is on screen."""
    await window.Promise.new(create_proxy(
        lambda resolve, reject: window.requestAnimationFrame(resolve)))


async def next_task():
    """Return in a task of the browser's own (a zero-delay timer), so that the
    work before and after is not one long task: the browser may draw and answer
    input between them."""
    await window.Promise.new(create_proxy(
        lambda resolve, reject: window.setTimeout(resolve, 0)))


#: The longest a piece of work done when the browser is idle waits for it
#: (ms): a busy page has no idle time, and the work must still get done.
IDLE_WAIT_MS = 50


async def idle():
    """Return when the browser is next idle, or after :data:`IDLE_WAIT_MS` at the
    latest (WebKit has no requestIdleCallback: at the next turn of the event
    loop), so long work done in pieces lets clicks, typing and frames through."""
    def wait(resolve, reject):
        if hasattr(window, "requestIdleCallback"):
            window.requestIdleCallback(resolve, to_js({"timeout": IDLE_WAIT_MS}))
        else:
            window.setTimeout(resolve, 0)
    await window.Promise.new(create_proxy(wait))


async def collect_garbage():
    """Have MicroPython collect its garbage now, while the browser is idle.

    In the browser a full heap does not stop the work: the heap grows, and
    the collection waits until JavaScript next calls into Python afresh (the
    wasm stack cannot be scanned). After work that used much memory, left
    alone, that is often the person's next click (some 10 ms for the plan's
    draft, in CPU profiles of the benchmark's wizard run). Here it is done now,
    or, where the runtime defers it, in the idle callback that follows."""
    gc.collect()
    await idle()


def after(milliseconds, callback):
    """Call ``callback()`` once, after a delay."""
    def run(*_):
        _proxies.remove(proxy)
        try:
            callback()
        except Exception as error:  # noqa: BLE001
            on_error(error)
    proxy = create_proxy(run)
    _proxies.append(proxy)
    window.setTimeout(proxy, milliseconds)


async def busy(form, coroutine):
    """Run ``coroutine`` with the form's submit button disabled.

    Sealing or opening a link takes a moment (600,000 rounds of PBKDF2); a
    second click meanwhile would start the work again.
    """
    button = form.querySelector('[type="submit"]')
    button.disabled = True
    button.setAttribute("aria-busy", "true")
    try:
        await coroutine
    finally:
        button.disabled = False
        button.removeAttribute("aria-busy")


#: Running tasks, kept referenced until they finish.
_tasks = set()


def later(coroutine):
    """Run an async job from an event handler, with the same error handling."""
    import asyncio

    async def guarded():
        try:
            await coroutine
        except asyncio.CancelledError:
            pass
        except Exception as error:  # noqa: BLE001
            on_error(error)
        finally:
            _tasks.discard(task)
    task = asyncio.create_task(guarded())
    _tasks.add(task)


def cancel_all():
    """Stop every unfinished job: after a wipe, nothing may draw what it was working on."""
    for task in list(_tasks):
        task.cancel()
    _tasks.clear()


def _default_error(error):
    sys.print_exception(error)


#: Replaced by each page with a function that shows its calm error view.
on_error = _default_error


def set_error_handler(handler):
    global on_error
    on_error = handler


def log_error(error):
    """Write the traceback to the console for whoever is debugging."""
    sys.print_exception(error)


def page_root():
    """The site root relative to this page ("./" or "../"), set by the build."""
    return document.documentElement.getAttribute("data-root") or "./"


def site_url(path):
    """An absolute URL on this site, without query or fragment."""
    url = window.URL.new(page_root() + path, window.location.href)
    url.hash = ""
    url.search = ""
    return url.href


def read_fragment():
    """The text after ``#`` in the address bar, read without any decoding.

    ``location.hash`` is percent-decoded by some browsers; the href is not.
    """
    href = window.location.href
    index = href.find("#")
    return href[index + 1:] if index >= 0 else ""


def forget_fragment():
    """Take the fragment out of the address bar and this history entry."""
    window.history.replaceState(None, "", window.location.pathname + window.location.search)
