"""Which Chromium the tests drive, and the flags that keep it quiet offline."""

import os
import shutil

#: Flags that keep headless Chromium quiet on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path():
    """``$DOORWAY_CHROMIUM`` or a system Chromium; None means Playwright's own."""
    configured = os.environ.get("DOORWAY_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None
