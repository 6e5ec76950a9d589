"""Small, safe DOM helpers for the browser (MicroPython + PyScript).

Everything that reaches the page goes through :func:`h` and :func:`set_text`,
which create text nodes: no string is ever parsed as HTML. This matters more
than usual here: PyScript runs any ``<script type="mpy">`` that appears in the
page, so HTML built from a link's note would be code execution. The
``pyscript.web`` constructors insert string children as raw HTML, so they are
not used.
"""

import sys

from pyscript import document, window
from pyscript.ffi import create_proxy

SVG_NS = "http://www.w3.org/2000/svg"

#: Proxies must outlive the call that made them, or the browser would call a
#: Python function that has been collected.
_proxies = []


def h(tag, attrs=None, children=None):
    """Create an element with attributes and text or element children.

    ``attrs`` values: ``None``/``False`` leave the attribute out, ``True``
    sets it empty, anything else is set as text. ``children`` is a string,
    an element, or a list of those (``None`` entries are skipped).
    """
    element = document.createElement(tag)
    _set_attrs(element, attrs)
    append(element, children)
    return element


def svg(tag, attrs=None):
    element = document.createElementNS(SVG_NS, tag)
    _set_attrs(element, attrs)
    return element


def _set_attrs(element, attrs):
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        element.setAttribute(name, "" if value is True else str(value))


def append(element, children):
    if children is None:
        return
    if isinstance(children, str):
        element.appendChild(document.createTextNode(children))
    elif isinstance(children, (list, tuple)):
        for child in children:
            append(element, child)
    else:
        element.appendChild(children)


def set_text(element, text):
    element.textContent = text


def clear(element):
    while element.firstChild:
        element.removeChild(element.firstChild)


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


def after(milliseconds, callback):
    """Call ``callback()`` once, after a delay."""
    def run(*_):
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
        except Exception as error:  # noqa: BLE001
            on_error(error)
        finally:
            _tasks.discard(task)
    task = asyncio.create_task(guarded())
    _tasks.add(task)


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
