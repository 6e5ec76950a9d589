"""The passphrase word list, fetched from this site only when a passphrase is made.

The list's address is on ``<html data-word-list>`` (the build writes it); no
page loads it at start-up. A damaged download is refused
(:func:`doorway.guide.passphrase.words_from_text`), never used.
"""

import js

from doorway.guide import passphrase

from . import crypto

#: Words in the vendored EFF long list.
SIZE = 7776

_words = []


async def load():
    """The word list, or None when it cannot be fetched or is not the list."""
    if _words:
        return _words
    address = js.document.documentElement.getAttribute("data-word-list")
    if not address:
        return None
    try:
        response = await js.fetch(address)
        if not response.ok:
            return None
        words = passphrase.words_from_text(await response.text(), SIZE)
    except Exception:  # noqa: BLE001 - offline, blocked or damaged: the caller says so
        return None
    _words.extend(words)
    return _words


async def generate():
    """Four words chosen on this device, or None when the list cannot be had."""
    words = await load()
    if not words:
        return None
    return passphrase.generate(words, crypto.random_u32)
