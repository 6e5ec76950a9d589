"""Save text as a file, made on the device: nothing is uploaded."""

from pyscript import document, window
from pyscript.ffi import to_js

from . import dom


def save(text, filename, mime):
    """Offer ``text`` as a download called ``filename`` (a Blob URL, revoked soon after)."""
    blob = window.Blob.new(to_js([text]), to_js({"type": mime}))
    url = window.URL.createObjectURL(blob)
    anchor = document.createElement("a")
    anchor.href = url
    anchor.download = filename
    document.body.appendChild(anchor)
    anchor.click()
    document.body.removeChild(anchor)
    dom.after(1000, lambda: window.URL.revokeObjectURL(url))
