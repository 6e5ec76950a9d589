"""Seal and open links with a passphrase, using the browser's Web Crypto.

PBKDF2-SHA-256 turns the passphrase and a random 16-byte salt into an
AES-256-GCM key; each link gets a random 12-byte IV, and the envelope header
(see :mod:`doorway.guide.link`) is authenticated as associated data. Nothing
here is stored: the key lives only for the call.

Version-2 links and resume links derive the key from the passphrase's
standard form (:func:`normalise_passphrase`) and pad the body before sealing
it (``link.padded``); version-1 links keep the exact bytes typed, so links
already sent still open.
"""

import js
from pyscript.ffi import to_js

from doorway.guide import link


def _u8(data):
    """Python bytes as a JavaScript Uint8Array."""
    array = js.Uint8Array.new(len(data))
    for i, byte in enumerate(data):
        array[i] = byte
    return array


def random_bytes(count):
    return bytes(js.crypto.getRandomValues(js.Uint8Array.new(count)))


def random_u32():
    """A uniformly random 32-bit number from the browser (for choosing words)."""
    return int.from_bytes(random_bytes(4), "big")


def available():
    """True when this page can seal a link: Web Crypto, which browsers give only to
    a secure page (https, or this device's own address)."""
    return bool(js.window.isSecureContext) and bool(getattr(js.crypto, "subtle", None))


def normalise_passphrase(passphrase):
    """The standard form of a passphrase for version-2 links.

    NFC, lower case, then every whitespace character (JavaScript's ``\\s``)
    removed, then NFC again (removing a space can bring a letter and its
    accent together): "Café " typed with a separate accent, "CAFÉ" and "ca fé"
    all become "café". Done with the browser's own Unicode tables,
    since MicroPython has no ``unicodedata``.
    """
    text = js.String.new(passphrase).normalize("NFC")
    text = js.String.new(text).toLowerCase()
    text = js.String.new(text).replace(js.RegExp.new("\\s", "gu"), "")
    return js.String.new(text).normalize("NFC")


async def _key(passphrase, salt, iterations, standard):
    if standard:
        passphrase = normalise_passphrase(passphrase)
    base = await js.crypto.subtle.importKey(
        "raw", js.TextEncoder.new().encode(passphrase), to_js({"name": "PBKDF2"}), False,
        to_js(["deriveKey"]))
    return await js.crypto.subtle.deriveKey(
        to_js({"name": "PBKDF2", "hash": "SHA-256", "salt": _u8(salt),
               "iterations": iterations}),
        base, to_js({"name": "AES-GCM", "length": 256}), False, to_js(["encrypt", "decrypt"]))


async def seal(kind, body, passphrase, iterations=link.KDF_ITERATIONS, version=link.V1):
    """A sealed token for ``body`` (bytes) under ``passphrase``."""
    salt = random_bytes(link.SALT_BYTES)
    iv = random_bytes(link.IV_BYTES)
    header = link.sealed_header(kind, iterations, salt, iv, version)
    standard = link.padded(kind, version)
    if standard:
        body = link.pad(body, link.pad_sizes(kind))
    key = await _key(passphrase, salt, iterations, standard)
    sealed = await js.crypto.subtle.encrypt(
        to_js({"name": "AES-GCM", "iv": _u8(iv), "additionalData": _u8(header)}),
        key, _u8(body))
    return link.sealed_token(kind, iterations, salt, iv, bytes(js.Uint8Array.new(sealed)),
                             version)


async def token(kind, body, passphrase, version=link.V1):
    """The token for ``body``: sealed with the passphrase, or plain when there is none."""
    if passphrase:
        return await seal(kind, body, passphrase, version=version)
    return link.plain_token(kind, body, version)


async def unseal(envelope, passphrase):
    """The plain body of a sealed envelope, or None if the passphrase is wrong.

    A wrong passphrase and a tampered link look the same to AES-GCM; both
    simply fail to open.
    """
    key = await _key(passphrase, envelope.salt, envelope.iterations,
                     link.padded(envelope.kind, envelope.version))
    try:
        plain = await js.crypto.subtle.decrypt(
            to_js({"name": "AES-GCM", "iv": _u8(envelope.iv),
                   "additionalData": _u8(envelope.header)}),
            key, _u8(envelope.ciphertext))
    except Exception:  # noqa: BLE001 - OperationError: wrong passphrase or altered link
        return None
    return bytes(js.Uint8Array.new(plain))
