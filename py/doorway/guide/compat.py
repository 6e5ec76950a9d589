"""The few places where CPython and MicroPython differ, behind one flag.

- DEFLATE: :func:`compress` and :func:`decompress`;
- white space beyond ASCII: :func:`split_words` and :func:`strip_spaces`;
- strict base64url and UTF-8: :func:`b64url_decode` and :func:`utf8_decode`.

Everything else in :mod:`doorway.guide` is written in the language both share.
Keeping the differences here (as upytest does with its ``is_micropython`` flag)
means the rest of the code never checks which interpreter it runs on.
"""

import binascii
import sys

#: True when running in the browser under MicroPython.
IS_MICROPYTHON = sys.implementation.name == "micropython"

if IS_MICROPYTHON:
    import io

    import deflate

    def compress(data):
        """Raw DEFLATE (no header), as produced by MicroPython's compressor."""
        out = io.BytesIO()
        with deflate.DeflateIO(out, deflate.RAW) as stream:
            stream.write(data)
        return out.getvalue()

    def decompress(data, limit):
        """Inflate raw DEFLATE ``data``; None if damaged or longer than ``limit``.

        Bytes left over after the end of the stream also make it damaged, as
        on CPython: ``DeflateIO`` reads its source one byte at a time, so
        whatever the source still holds once the stream has ended was never
        part of it.
        """
        source = io.BytesIO(data)
        try:
            stream = deflate.DeflateIO(source, deflate.RAW)
            out = stream.read(limit + 1)
            if len(out) > limit or stream.read(1):
                return None
        except (OSError, EOFError, ValueError):  # damaged or cut-off stream
            return None
        if source.read(1):
            return None
        return out

else:
    import zlib

    def compress(data):
        """Raw DEFLATE (no header), best compression."""
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush()

    def decompress(data, limit):
        """Inflate raw DEFLATE ``data``; None if damaged or longer than ``limit``."""
        unpacker = zlib.decompressobj(-15)
        try:
            out = unpacker.decompress(data, limit + 1)
        except zlib.error:
            return None
        if len(out) > limit or not unpacker.eof or unpacker.unused_data:
            return None
        return out


#: Every character CPython's ``str.split()`` and ``str.strip()`` treat as white
#: space (``str.isspace()``). MicroPython's string methods know only the ASCII
#: ones, so "Sam\u00a0Lee" split differently in the browser than in the tests;
#: the functions below use this one list under both interpreters.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
              "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def split_words(text):
    """``text.split()``, the same on every interpreter: words between runs of white space."""
    words = []
    start = None
    for i, char in enumerate(text):
        if char in WHITESPACE:
            if start is not None:
                words.append(text[start:i])
                start = None
        elif start is None:
            start = i
    if start is not None:
        words.append(text[start:])
    return words


def strip_spaces(text):
    """``text.strip()``, the same on every interpreter."""
    start = 0
    end = len(text)
    while start < end and text[start] in WHITESPACE:
        start += 1
    while end > start and text[end - 1] in WHITESPACE:
        end -= 1
    return text[start:end]


_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def b64url_encode(data):
    """Base64url without padding: safe in a URL fragment, a text message or a QR code."""
    text = binascii.b2a_base64(data).decode().strip().rstrip("=")
    return text.replace("+", "-").replace("/", "_")


def b64url_decode(text):
    """Strict, canonical base64url decoding; None for anything else.

    Only the 64 URL-safe characters are allowed, without padding, and the text
    must be exactly what :func:`b64url_encode` would produce for the bytes it
    decodes to, so one payload has exactly one spelling.
    """
    if len(text) % 4 == 1:
        return None
    for char in text:
        if char not in _B64URL:
            return None
    padded = text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4)
    try:
        data = binascii.a2b_base64(padded.encode())
    except ValueError:  # binascii.Error is a ValueError
        return None
    if b64url_encode(data) != text:
        return None
    return data


#: UTF-8 lead bytes: (first, last, continuation bytes, range of the second byte).
#: The narrow second-byte ranges rule out overlong forms, surrogates and code
#: points above U+10FFFF (RFC 3629, table 3-7 of the Unicode standard).
_UTF8_LEADS = [
    (0xC2, 0xDF, 1, 0x80, 0xBF),
    (0xE0, 0xE0, 2, 0xA0, 0xBF),
    (0xE1, 0xEC, 2, 0x80, 0xBF),
    (0xED, 0xED, 2, 0x80, 0x9F),
    (0xEE, 0xEF, 2, 0x80, 0xBF),
    (0xF0, 0xF0, 3, 0x90, 0xBF),
    (0xF1, 0xF3, 3, 0x80, 0xBF),
    (0xF4, 0xF4, 3, 0x80, 0x8F),
]


def _valid_utf8(data):
    i = 0
    size = len(data)
    while i < size:
        lead = data[i]
        if lead < 0x80:
            i += 1
            continue
        rule = None
        for entry in _UTF8_LEADS:
            if entry[0] <= lead <= entry[1]:
                rule = entry
        if rule is None:
            return False
        need, low, high = rule[2], rule[3], rule[4]
        if i + need >= size or not low <= data[i + 1] <= high:
            return False
        for k in range(2, need + 1):
            if not 0x80 <= data[i + k] <= 0xBF:
                return False
        i += need + 1
    return True


def utf8_decode(data):
    """Decode UTF-8 strictly; None if the bytes are not valid UTF-8.

    Checked here rather than left to ``bytes.decode``: MicroPython's decoder
    accepts overlong forms and surrogates that CPython rejects, and a link must
    read the same in the browser as in the tests.
    """
    if not _valid_utf8(data):
        return None
    return data.decode("utf-8")

