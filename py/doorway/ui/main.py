"""Entry point run by PyScript (``<script type="mpy" src="…/main.py">``).

The page's config maps one file, its bundle (``doorway.bundle``): the
compiled modules the page runs and the content it reads, in the format
``doorway.builder.bundles`` writes. :func:`unpack` puts them into
MicroPython's file system, then the page starts; a second bundle fetched
later (``doorway.ui.later``) is unpacked by the same function. Kept tiny, and free of
imports from the bundle, so that even a broken bundle or an import error is
caught and shown calmly.
"""

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


def unpack(bundle=BUNDLE):
    """Write every file of ``bundle`` beside it and remove it; returns the paths."""
    with open(bundle, "rb") as handle:
        data = handle.read()
    if data[:len(MAGIC)] != MAGIC:
        raise ValueError("%s is not a Doorway bundle" % bundle)
    start = data.index(b"\n", len(MAGIC)) + 1
    index = json.loads(data[len(MAGIC):start - 1].decode("utf-8"))
    view = memoryview(data)
    made = set()
    for path, size in index:
        _make_folders(path, made)
        with open(path, "wb") as handle:
            handle.write(view[start:start + size])
        start += size
    os.remove(bundle)
    return [path for path, _ in index]


def main():
    try:
        unpack()
        from doorway.ui import app

        app.start(unpack)
    except Exception as error:  # noqa: BLE001 - never leave a blank page
        from pyscript import document

        document.documentElement.setAttribute("data-app", "failed")
        import sys

        sys.print_exception(error)


if __name__ == "__main__":
    main()
