"""The page's second bundle: fetched once the page is ready, unpacked beside the first.

The wizard page starts with only what its questions need; the plan, sharing,
practice and the decision aid, and the content only they read, come in a
second bundle (``doorway.builder.bundles``; its address is ``<html
data-later>``). The partner's page starts with what opens a link and shows
the invitation; its help and its sources come second. The bundle is fetched
when the browser is first idle after the page is ready, and awaited, at the
latest, when the plan is first drawn (:func:`ready`). The service worker
precaches it with the rest of the build, so it is there offline too. If it
cannot be had, :func:`ready` raises, and the page shows its calm problem
message; the next :func:`ready` tries again. A part of a page that can do
without it waits with :func:`arrived` or :func:`then` instead, which log why
and let the page go on (the help's line keeps saying where the numbers are).
"""

import asyncio
import os

import js
from pyscript import document, window
from pyscript.ffi import create_proxy

from . import dom

#: Where the fetched bundle is written before it is unpacked. Its content
#: sections land beside the first bundle's, where the catalogue reads them.
FILE = "later.bundle"


class Fetch:
    """One try at fetching and unpacking the bundle, and how it ended: every
    part of the page waiting for that try learns the same outcome."""

    def __init__(self):
        self.done = asyncio.Event()
        self.error = None
        self.task = None


class Later:
    def __init__(self, url, unpack, arrived):
        self.url = url
        self.unpack = unpack  # doorway/ui/main.py's, which unpacked the first bundle
        self.arrived = arrived  # told the paths it wrote (Catalogue.reread)
        self.fetch = None  # the current try, until one fails
        self.proxy = None
        self.asked = asyncio.Event()  # set once fetching may start (begin)

    def when_idle(self):
        """Start fetching when the browser has nothing else to do (WebKit has no
        requestIdleCallback: there, at the next turn of the event loop)."""
        self.proxy = create_proxy(lambda *_: self.begin())
        if hasattr(window, "requestIdleCallback"):
            window.requestIdleCallback(self.proxy)
        else:
            window.setTimeout(self.proxy, 0)

    def begin(self):
        self.asked.set()
        if self.fetch is None:
            self.fetch = Fetch()
            self.fetch.task = asyncio.create_task(self.load(self.fetch))

    async def load(self, fetch):
        try:
            response = await js.fetch(self.url)
            if not response.ok:
                raise OSError("%s could not be fetched: HTTP %s" % (self.url, response.status))
            write(FILE, js.Uint8Array.new(await response.arrayBuffer()))
            # Each step in a task of its own, when the browser is idle: together
            # they held the page (a click, Quick exit) for a long task.
            await dom.idle()
            self.arrived(self.unpack(FILE))
        except Exception as error:  # noqa: BLE001 - handed to whoever awaits ready()
            fetch.error = error
        fetch.done.set()
        # The garbage of the start and the unpacking, collected now rather than
        # in the person's next click (the first question's).
        await dom.idle()
        await dom.collect_garbage()

    def loaded(self):
        return self.fetch is not None and self.fetch.done.is_set() and self.fetch.error is None

    async def ready(self, now=True):
        if not now:
            await self.asked.wait()
        self.begin()
        fetch = self.fetch
        await fetch.done.wait()
        if fetch.error is not None:
            if self.fetch is fetch:
                self.fetch = None  # the next ready() tries again
            raise fetch.error


def write(name, array):
    """Write a JavaScript ``Uint8Array`` to a file of MicroPython's file system,
    in one call to the runtime's own file system (PyScript's ``_pyscript``
    module holds the interpreter). ``bytes(array)`` would copy it one byte per
    call across the boundary: 0.3 s for the 138 KB second bundle here, over a
    second with the CPU slowed 4x, all in one task that held the page, Quick
    exit included, just after it was ready."""
    import _pyscript

    _pyscript.interpreter.FS.writeFile(os.getcwd() + "/" + name, array)


#: The page's second bundle, once :func:`start` has run on a page that has one.
_bundle = None


def start(unpack, arrived):
    """Know this page's second bundle, if it has one: fetched from
    :func:`when_idle` or the first :func:`ready`, whichever comes first;
    ``arrived`` is told the paths of the files it brought."""
    global _bundle
    url = document.documentElement.getAttribute("data-later")
    if url:
        _bundle = Later(url, unpack, arrived)


def when_idle():
    """Fetch the second bundle when the browser is next idle: called once the page
    is ready, so that it never competes with the page's own start (a page whose
    start runs in several tasks has idle time between them)."""
    if _bundle is not None:
        _bundle.when_idle()


def loaded():
    """True when the second bundle's modules can be imported now (or there is
    none): for work that may start early but must not fetch, nor wait."""
    return _bundle is None or _bundle.loaded()


async def ready(now=True):
    """Return once the second bundle's modules can be imported and its content
    read, fetching it now if it has not been asked for yet; with ``now=False``,
    not before it is (:func:`when_idle`, or another :func:`ready`)."""
    if _bundle is not None:
        await _bundle.ready(now)


async def arrived():
    """True once the second bundle's modules can be imported (at once where they
    can be already, or on a page without one); False, with the reason logged,
    if it cannot be had. It waits for the fetch and never starts it: a part of
    the page that can do without the bundle must not fetch it before the page
    is ready."""
    if loaded():
        return True
    try:
        await ready(now=False)
    except Exception as error:  # noqa: BLE001 - the page goes on without the bundle
        dom.log_error(error)
        return False
    # Each part that waited goes on in a task of its own, when the browser is
    # idle: with the unpacking they were one task of 25 ms in Lighthouse's
    # trace of the partner's page (100 ms at its 4x), just after it was ready.
    await dom.idle()
    return True


#: Tasks started by :func:`then`, kept referenced until they finish.
_waiting = set()


def then(callback):
    """Call ``callback()`` once the second bundle is there, if it can be had at
    all: at once where it is (or on a page without one), else in a task of its
    own. Unlike ``dom.later`` a wipe does not cancel it: it sets up a part of
    the page, nothing drawn from the person's answers or a link."""
    if loaded():
        callback()
        return

    async def wait():
        try:
            if await arrived():
                callback()
        except Exception as error:  # noqa: BLE001 - a bug: the page's calm message
            dom.on_error(error)
        finally:
            _waiting.discard(task)
    task = asyncio.create_task(wait())
    _waiting.add(task)
