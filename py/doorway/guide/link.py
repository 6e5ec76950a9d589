"""Invitation and reply links: a small, versioned, hostile-input-proof format.

A link carries its content after ``#``, which browsers never send to a server.
The token there has a prefix naming its kind and version, a dot, and base64url
data::

    i1.<data>     an invitation, readable by anyone with the link
    i1p.<data>    an invitation sealed with a passphrase
    r1.<data>     a reply from the partner; r1p. when sealed

Plain data is a *body*. Everything but the personal note is a one-byte code
from the content catalogue (``code`` in the content files), so a full link
stays short enough for a text message or a QR code:

    invite body: flags, ask code, n, n reason codes, note
    reply body:  flags, n, n reply-option codes, note

``flags`` bit 0 means the note is raw-DEFLATE compressed (used only when that
makes it shorter); every other bit must be 0. The note is UTF-8 and fills the
rest of the body.

Sealed data is ``iterations (4 bytes, big-endian) | salt (16) | iv (12) |
ciphertext``: the body encrypted with AES-256-GCM under a key derived from the
passphrase with PBKDF2-SHA-256. The prefix and those first 32 bytes are the
*header*, passed to AES-GCM as associated data, so changing any of them makes
decryption fail. The cryptography itself runs in the browser (Web Crypto, see
``doorway.ui.crypto``); this module only builds and checks the envelope.

Every token is treated as hostile until it has passed :func:`parse` and
:func:`decode_invite` / :func:`decode_reply`, which check sizes before doing
any work, allow only known versions and codes, cap the inflated note, and
raise :class:`LinkError` (never anything else) with a short code the page turns
into a calm message.
"""

import struct

from .compat import b64url_decode, b64url_encode, compress, decompress, utf8_decode

INVITE = "i"
REPLY = "r"
VERSION = "1"
SEALED = "p"

#: Longest token read at all (characters after ``#``). A full invitation with
#: a 280-character note in four-byte characters, sealed, stays well below it.
MAX_TOKEN = 2048
#: Most reason or option codes one body may list.
MAX_CODES = 32

KDF_ITERATIONS = 600000
#: Iteration counts a link may ask for: at least today's OWASP figure, and a
#: cap so a hostile link cannot make the partner's browser grind for minutes.
MIN_ITERATIONS = 600000
MAX_ITERATIONS = 2000000
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16
_HEADER_BYTES = 4 + SALT_BYTES + IV_BYTES

_COMPRESSED = 1


class LinkError(Exception):
    """A link that cannot be read. ``code`` says why, for the error page.

    - ``empty``: there is nothing after the ``#``;
    - ``too_long``: longer than any link Doorway makes;
    - ``version``: a kind or version this copy of Doorway does not know;
    - ``damaged``: cut short, altered, or not made by Doorway;
    - ``wrong_page``: a reply opened as an invitation, or the other way round.
    """

    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Envelope:
    """A parsed token: its kind, and either a plain body or sealed parts."""

    def __init__(self, kind, body=None, iterations=0, salt=b"", iv=b"", ciphertext=b"",
                 header=b""):
        self.kind = kind
        self.body = body
        self.iterations = iterations
        self.salt = salt
        self.iv = iv
        self.ciphertext = ciphertext
        self.header = header

    @property
    def sealed(self):
        return self.body is None


def clean_note(text):
    """The note exactly as it will be sent and shown.

    Line endings become ``\\n``, other control characters go, and spaces and
    line breaks are trimmed from the ends. The sender's preview and the
    partner's page both show this result, so what one previews is what the
    other reads. Only those two are trimmed, never other Unicode spaces:
    MicroPython's ``str.strip()`` trims ASCII whitespace only and CPython's
    trims all of it, and a note must read the same under both.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in text if c == "\n" or (ord(c) >= 32 and ord(c) != 127))
    return kept.strip(" \n")


def _note_bytes(note, limit):
    note = clean_note(note)
    if len(note) > limit:
        raise ValueError("the note is longer than %d characters" % limit)
    raw = note.encode("utf-8")
    packed = compress(raw) if raw else raw
    if raw and len(packed) < len(raw):
        return _COMPRESSED, packed
    return 0, raw


def _read_note(flags, data, limit):
    if flags & _COMPRESSED:
        data = decompress(data, 4 * limit)
        if data is None:
            raise LinkError("damaged")
    note = utf8_decode(data)
    if note is None or len(note) > limit or clean_note(note) != note:
        raise LinkError("damaged")
    return note


def _codes(entries, ids):
    codes = []
    for entry_id in ids:
        entry = entries(entry_id)
        if entry is None:
            raise ValueError("unknown id %r" % entry_id)
        codes.append(entry["code"])
    return codes


def _read_codes(data, start, lookup):
    """Read ``n`` then n codes from ``data[start:]``; return (ids, next index)."""
    if len(data) <= start:
        raise LinkError("damaged")
    count = data[start]
    end = start + 1 + count
    if count > MAX_CODES or len(data) < end:
        raise LinkError("damaged")
    ids = []
    for code in data[start + 1:end]:
        entry = lookup(code)
        if entry is None or entry["id"] in ids:
            raise LinkError("damaged")
        ids.append(entry["id"])
    return ids, end


def encode_invite(catalogue, ask_id, reason_ids, note=""):
    """The body of an invitation: the first step on offer, the worries it answers, a note."""
    ask = catalogue.ask(ask_id)
    if ask is None:
        raise ValueError("unknown first step %r" % ask_id)
    codes = _codes(catalogue.reason, reason_ids)
    flags, note_data = _note_bytes(note, catalogue.note_limit)
    return bytes([flags, ask["code"], len(codes)] + codes) + note_data


def decode_invite(catalogue, body):
    """Read an invitation body: ``{"ask", "reasons", "note"}``; LinkError if invalid."""
    if len(body) < 3 or body[0] & ~_COMPRESSED:
        raise LinkError("damaged")
    ask = catalogue.ask_by_code(body[1])
    if ask is None:
        raise LinkError("damaged")
    reasons, end = _read_codes(body, 2, catalogue.reason_by_code)
    note = _read_note(body[0], body[end:], catalogue.note_limit)
    return {"ask": ask["id"], "reasons": reasons, "note": note}


def encode_reply(catalogue, option_ids, note=""):
    """The body of a reply: what would make it easier, and a note."""
    if not option_ids:
        raise ValueError("a reply needs at least one option")
    codes = _codes(catalogue.reply_option, option_ids)
    flags, note_data = _note_bytes(note, catalogue.note_limit)
    return bytes([flags, len(codes)] + codes) + note_data


def decode_reply(catalogue, body):
    """Read a reply body: ``{"options", "note"}``; LinkError if invalid."""
    if len(body) < 2 or body[0] & ~_COMPRESSED:
        raise LinkError("damaged")
    options, end = _read_codes(body, 1, catalogue.reply_option_by_code)
    if not options:
        raise LinkError("damaged")
    note = _read_note(body[0], body[end:], catalogue.note_limit)
    return {"options": options, "note": note}


def _prefix(kind, sealed):
    return kind + VERSION + (SEALED if sealed else "")


def plain_token(kind, body):
    return "%s.%s" % (_prefix(kind, False), b64url_encode(body))


def sealed_header(kind, iterations, salt, iv):
    """The bytes authenticated (not encrypted) alongside a sealed body."""
    if len(salt) != SALT_BYTES or len(iv) != IV_BYTES:
        raise ValueError("salt must be 16 bytes and iv 12")
    return _prefix(kind, True).encode() + struct.pack(">I", iterations) + salt + iv


def sealed_token(kind, iterations, salt, iv, ciphertext):
    prefix = _prefix(kind, True)
    header = sealed_header(kind, iterations, salt, iv)
    return "%s.%s" % (prefix, b64url_encode(header[len(prefix):] + ciphertext))


def parse(token, kind):
    """Check a token's shape and open its envelope, doing no other work.

    ``token`` is what followed ``#`` (a leading ``#`` is ignored); ``kind`` is
    the kind this page reads. Returns an :class:`Envelope`; raises
    :class:`LinkError` for anything that is not a well-formed token.
    """
    if not isinstance(token, str):
        raise LinkError("damaged")
    if token.startswith("#"):
        token = token[1:]
    token = token.strip()
    if not token:
        raise LinkError("empty")
    if len(token) > MAX_TOKEN:
        raise LinkError("too_long")
    dot = token.find(".")
    if dot < 0:
        raise LinkError("damaged")
    prefix, data = token[:dot], token[dot + 1:]
    known = {}
    for k in (INVITE, REPLY):
        for sealed in (False, True):
            known[_prefix(k, sealed)] = (k, sealed)
    if prefix not in known:
        if prefix[:1] in (INVITE, REPLY) and len(prefix) <= 8:
            raise LinkError("version")
        raise LinkError("damaged")
    token_kind, sealed = known[prefix]
    if token_kind != kind:
        raise LinkError("wrong_page")
    raw = b64url_decode(data)
    if raw is None or not raw:
        raise LinkError("damaged")
    if not sealed:
        return Envelope(kind, body=raw)
    if len(raw) < _HEADER_BYTES + TAG_BYTES + 1:
        raise LinkError("damaged")
    iterations = struct.unpack(">I", raw[:4])[0]
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise LinkError("damaged")
    salt = raw[4:4 + SALT_BYTES]
    iv = raw[4 + SALT_BYTES:_HEADER_BYTES]
    return Envelope(kind, iterations=iterations, salt=salt, iv=iv,
                    ciphertext=raw[_HEADER_BYTES:],
                    header=prefix.encode() + raw[:_HEADER_BYTES])
