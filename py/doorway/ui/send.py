"""Send a link with the system's share sheet ("Send…"), where the browser has one.

The share sheet hands the link to an app the person picks; nothing passes
through any service of Doorway's. Where there is no share sheet, the page
offers copying only (``doorway.ui.clipboard``).
"""

from pyscript import window
from pyscript.ffi import to_js

from . import dom


def available():
    """True when the browser offers a system share sheet (``navigator.share``)."""
    return bool(getattr(window.navigator, "share", None))


def send(url, status, failed):
    """Open the share sheet for ``url``; say ``failed`` in ``status`` if it cannot open.

    Called straight from the click, as browsers require. Closing the sheet
    without sending is not a failure and says nothing.
    """
    dom.set_text(status, "")

    async def outcome(promise):
        try:
            await promise
        except Exception as error:  # noqa: BLE001 - closed by the person, or refused
            if "AbortError" not in str(error):
                dom.set_text(status, failed)

    try:
        promise = window.navigator.share(to_js({"url": url}))
    except Exception:  # noqa: BLE001 - a browser that refuses the data outright
        dom.set_text(status, failed)
        return
    dom.later(outcome(promise))
