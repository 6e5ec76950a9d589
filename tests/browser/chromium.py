"""Which Chromium the tests drive, and the flags that keep it quiet offline."""

import os

#: Flags that keep headless Chromium quiet on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path():
    """The Chromium ``tests/conftest.py`` chose (``$DOORWAY_CHROMIUM``); None: Playwright's own."""
    return os.environ.get("DOORWAY_CHROMIUM") or None
