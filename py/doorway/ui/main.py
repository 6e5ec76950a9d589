"""Entry point run by PyScript (``<script type="mpy" src="…/main.py">``).

The page's config maps one file, its bundle (``doorway.bundle``): the
compiled modules the page runs and the content it reads, in the format
``doorway.builder.bundles`` writes. :func:`unpack` writes the content into
MicroPython's file system and keeps the modules in memory, where they are
imported from (:class:`Modules`), then the page starts; a second bundle
fetched later (``doorway.ui.later``) is unpacked by the same function. Kept
tiny, and free of imports from the bundle, so that even a broken bundle or an
import error is caught and shown calmly.
"""

import io
import json
import os

BUNDLE = "doorway.bundle"
MAGIC = b"doorway-bundle 1\n"


def _make_folders(path, made):
    folder = ""
    for part in path.split("/")[:-1]:
        folder = folder + part if not folder else folder + "/" + part
        if folder not in made:
            made.add(folder)
            try:  # noqa: SIM105 - MicroPython has no contextlib
                os.mkdir(folder)
            except OSError:
                pass  # it is there already


class Modules:
    """Compiled modules imported from memory: a read-only file system, in the
    protocol MicroPython's ``vfs.mount`` takes, holding ``{"/doorway/x.mpy": bytes}``.

    In the page's own file system every file a bundle wrote cost the runtime
    a JavaScript error object with a stack trace (its file system finds a new
    path by failing to look it up), and every import two more (a module is
    looked for as a folder, then as ``.py``, before ``.mpy``): some 60 ms of
    the invite page's start on a quiet machine. Here a path that is not there
    costs a Python exception.
    """

    def __init__(self):
        self.files = {}
        self.folders = {"", "/"}

    def add(self, path, data):
        """Hold the module ``path`` (as in a bundle: ``doorway/ui/app.mpy``)."""
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


#: Where :class:`Modules` is mounted; the first place imports look.
MOUNT = "/bundle"


def mount(modules):
    """Import from ``modules`` before anywhere else (MicroPython only)."""
    import sys

    import vfs

    vfs.mount(modules, MOUNT)
    sys.path.insert(0, MOUNT)


def unpack(bundle=BUNDLE, modules=None):
    """Write every file of ``bundle`` beside it and remove it; returns the paths.

    With ``modules`` (:class:`Modules`), compiled modules go there instead of
    into files.
    """
    with open(bundle, "rb") as handle:
        data = handle.read()
    if data[:len(MAGIC)] != MAGIC:
        raise ValueError("%s is not a Doorway bundle" % bundle)
    start = data.index(b"\n", len(MAGIC)) + 1
    index = json.loads(data[len(MAGIC):start - 1].decode("utf-8"))
    view = memoryview(data)
    made = set()
    for path, size in index:
        if modules is not None and path.endswith(".mpy"):
            modules.add(path, view[start:start + size])
        else:
            _make_folders(path, made)
            with open(path, "wb") as handle:
                handle.write(view[start:start + size])
        start += size
    os.remove(bundle)
    return [path for path, _ in index]


def main():
    try:
        modules = Modules()
        unpack(BUNDLE, modules)
        mount(modules)
        from doorway.ui import app

        app.start(lambda bundle: unpack(bundle, modules))
    except Exception as error:  # noqa: BLE001 - never leave a blank page
        from pyscript import document

        document.documentElement.setAttribute("data-app", "failed")
        import sys

        sys.print_exception(error)


if __name__ == "__main__":
    main()
