"""Entry point run by PyScript (``<script type="mpy" src="…/main.py">``).

The page's config maps one file, its bundle (``doorway.bundle``): the
compiled modules the page runs and the content it reads, in the format
``doorway.builder.bundles`` writes. :func:`unpack` keeps its files in memory
(:class:`Memory`, mounted at :data:`MOUNT`), where modules are imported and
content is read from, then the page starts; a second bundle fetched later
(``doorway.ui.later``) is unpacked by the same function into the same place.
Kept tiny, and free of imports from the bundle, so that even a broken bundle
or an import error is caught and shown calmly.
"""

import io
import json
import os

BUNDLE = "doorway.bundle"
MAGIC = b"doorway-bundle 1\n"


class Memory:
    """A bundle's files, kept in memory: a read-only file system, in the
    protocol MicroPython's ``vfs.mount`` takes, holding
    ``{"/doorway/x.mpy": bytes, "/content/site.json": bytes}``.

    In the page's own file system every file a bundle wrote cost the runtime
    a JavaScript error object with a stack trace (its file system finds a new
    path by failing to look it up), every import two more (a module is
    looked for as a folder, then as ``.py``, before ``.mpy``), and every
    content file was copied out of the bundle and back: some 60 ms of the
    invite page's start on a quiet machine, and the longest part of unpacking
    the second bundle after the page is ready. Here a path that is not there
    costs a Python exception, and a file is a slice of its bundle.
    """

    def __init__(self):
        self.files = {}
        self.folders = {"", "/"}

    def add(self, path, data):
        """Hold the file ``path`` (as in a bundle: ``doorway/ui/app.mpy``); a
        later bundle's file of the same path replaces it."""
        parts = ("/" + path).split("/")
        for end in range(2, len(parts)):
            self.folders.add("/".join(parts[:end]))
        self.files["/" + path] = data

    def stat(self, path):
        if path in self.files:
            return (0o100000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        if path in self.folders:
            return (0o040000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)  # ENOENT

    def open(self, path, mode):
        if path not in self.files or "w" in mode or "a" in mode:
            raise OSError(2)
        return io.BytesIO(self.files[path])

    def ilistdir(self, path):
        return iter(())

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass


#: Where :class:`Memory` is mounted: the first place imports look, and the
#: folder the content is read from (``doorway/ui/app.py``).
MOUNT = "/bundle"


def mount(memory):
    """Import from ``memory`` before anywhere else (MicroPython only)."""
    import sys

    import vfs

    vfs.mount(memory, MOUNT)
    sys.path.insert(0, MOUNT)


def unpack(bundle, memory):
    """Put every file of the file ``bundle`` into ``memory`` (:class:`Memory`)
    and remove the bundle's file; returns the files' paths under :data:`MOUNT`
    (``/bundle/content/site.json``)."""
    with open(bundle, "rb") as handle:
        # read(size): read() would call the runtime's file system once per 256 bytes
        data = handle.read(os.stat(bundle)[6])
    if data[:len(MAGIC)] != MAGIC:
        raise ValueError("%s is not a Doorway bundle" % bundle)
    start = data.index(b"\n", len(MAGIC)) + 1
    index = json.loads(data[len(MAGIC):start - 1].decode("utf-8"))
    view = memoryview(data)
    for path, size in index:
        memory.add(path, view[start:start + size])
        start += size
    os.remove(bundle)
    return [MOUNT + "/" + path for path, _ in index]


def failed(error):
    """Python could not start: boot.js shows the page's calm message."""
    from pyscript import document

    document.documentElement.setAttribute("data-app", "failed")
    import sys

    sys.print_exception(error)


def in_next_task(function):
    """Call ``function()`` from a timer, in a task of the browser's own, so
    that between this task and that one the browser can answer a click (Quick
    exit) and draw."""
    from pyscript import window
    from pyscript.ffi import create_proxy

    window.setTimeout(create_proxy(function), 0)


#: The bundle's files (:class:`Memory`), once :func:`main` has unpacked them.
memory = Memory()


def main():
    try:
        unpack(BUNDLE, memory)
        mount(memory)
    except Exception as error:  # noqa: BLE001 - never leave a blank page
        failed(error)
        return
    # The imports in the next task: on a phone's CPU (4x slower), unpacking
    # and importing were one task of some 70 ms.
    in_next_task(start)


def start():
    try:
        from doorway.ui import app

        app.start(MOUNT, lambda bundle: unpack(bundle, memory))
    except Exception as error:  # noqa: BLE001 - never leave a blank page
        failed(error)


if __name__ == "__main__":
    # PyScript runs this file at the end of its own start, in the same task of
    # the browser's: started from a timer instead, the page's start is a task
    # of its own. On a phone's CPU the one task held the page for some 250 ms.
    in_next_task(main)
