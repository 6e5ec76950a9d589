"""Copy text to the clipboard, saying plainly whether it worked."""

from pyscript import window

from . import dom


def copy(text, status, copied, failed):
    """Copy ``text``; put ``copied`` or ``failed`` in the ``status`` element."""

    async def attempt():
        try:
            await window.navigator.clipboard.writeText(text)
        except Exception:  # noqa: BLE001 - no permission, or no clipboard in this browser
            dom.set_text(status, failed)
            return
        dom.set_text(status, copied)

    dom.set_text(status, "")
    if not window.navigator.clipboard:
        dom.set_text(status, failed)
        return
    dom.later(attempt())
