"""Which Chromium the tests drive, and the flags that keep it quiet offline."""

import os
import sys

#: Flags that keep headless Chromium quiet on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


_CHOSEN = {}


def chromium_path():
    """The Chromium ``tests/conftest.py`` chose (``$DOORWAY_CHROMIUM``); None: Playwright's own.

    A pytest-xdist worker started before its controller chose one, so it asks
    ``dev.find_chromium`` itself, which finds what the controller installed."""
    if "path" not in _CHOSEN:
        if os.environ.get("PYTEST_XDIST_WORKER"):
            from dev_script import load_dev
            _CHOSEN["path"] = load_dev().find_chromium(sys.executable)
        else:
            _CHOSEN["path"] = os.environ.get("DOORWAY_CHROMIUM", "")
    return _CHOSEN["path"] or None
