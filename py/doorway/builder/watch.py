"""Rebuild on every saved change, for ``python -m doorway serve --watch``.

A content editor keeps the site open in a browser and edits ``site/``; a
developer edits ``py/doorway/``. :class:`Watcher` notices any change there and
rebuilds in a fresh Python process, so a change to the builder or to the
Python that renders pages counts as much as a change to a TOML file. A build
that fails is shown twice: in the terminal, and on every page the server is
asked for (see :mod:`.serve`), until a later build succeeds. The build is
atomic, so the last good build stays on disk for everything else.
"""

import html
import subprocess
import sys
import threading
import time
from pathlib import Path

#: Served as ``sw.js`` while watching: it removes Doorway's service worker and
#: its caches, so every reload asks the server for the newest build instead of
#: answering from a stored copy of an older one.
RETIRING_WORKER = b"""// Served by `python -m doorway serve --watch` instead of the site's worker.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith("doorway-"))
      .map((key) => caches.delete(key))))
    .then(() => self.registration.unregister()));
});
"""

ERROR_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="2">
<title>Build failed</title>
</head>
<body>
<h1>The site could not be built</h1>
<p>Fix what is listed below and save the file. This page checks again every
two seconds and shows the site as soon as it builds.</p>
<pre>{problem}</pre>
</body>
</html>
"""


def error_page(problem):
    """The page shown in place of every page while the last build is broken."""
    return ERROR_PAGE.format(problem=html.escape(problem)).encode("utf-8")


def snapshot(folders):
    """``{path: (mtime, size)}`` of every file under ``folders`` an editor could change."""
    files = {}
    for folder in folders:
        for path in Path(folder).rglob("*"):
            parts = path.relative_to(folder).parts
            if any(part.startswith(".") or part == "__pycache__" for part in parts):
                continue
            if path.name.endswith("~") or not path.is_file():
                continue
            try:
                info = path.stat()
            except OSError:
                continue  # removed while we looked: the next look sees it gone
            files[str(path)] = (info.st_mtime_ns, info.st_size)
    return files


class Watcher:
    """Runs ``command`` (a build) now and after every change under ``folders``.

    ``problem`` is None while the last build succeeded, otherwise what the
    build said was wrong.
    """

    def __init__(self, command, folders, interval=0.5, out=None):
        self.command = [str(part) for part in command]
        self.folders = [Path(folder) for folder in folders]
        self.interval = interval
        self.out = out or sys.stdout
        self.problem = None
        self._stop = threading.Event()
        self._thread = None

    def say(self, message):
        print(message, file=self.out, flush=True)

    def rebuild(self):
        """Build once; remember and print what went wrong, if anything."""
        result = subprocess.run(self.command, capture_output=True, text=True)
        if result.returncode == 0:
            if self.problem is not None:
                self.say("build fixed: the site is served again")
            self.problem = None
            self.say("built at %s" % time.strftime("%H:%M:%S"))
            return
        said = (result.stderr.strip() or result.stdout.strip()
                or "the build stopped with exit status %d" % result.returncode)
        self.problem = said.removeprefix("build failed: ")
        self.say("build failed: %s\n(every page shows this until it is fixed)" % self.problem)

    def start(self):
        """Build now, then watch in a background thread until :meth:`stop`."""
        self.rebuild()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _watch(self):
        seen = snapshot(self.folders)
        while not self._stop.wait(self.interval):
            now = snapshot(self.folders)
            if now == seen:
                continue
            # An editor may save several files, or write one in steps: wait
            # until nothing has changed for one interval, then build once.
            while not self._stop.wait(self.interval):
                settled = snapshot(self.folders)
                if settled == now:
                    break
                now = settled
            seen = now
            if not self._stop.is_set():
                self.rebuild()
