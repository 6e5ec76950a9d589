"""Invitation and reply links: a small, versioned, hostile-input-proof format.

A link carries its content after ``#``, which browsers never send to a server.
The token there has a prefix naming its kind, its format version and whether
it is sealed, a dot, and base64url data::

    i2.<data>     an invitation, readable by anyone with the link
    i2p.<data>    an invitation sealed with a passphrase
    r2.<data>     a reply from the partner; r2p. when sealed
    k1p.<data>    a kept plan, to resume the wizard (always sealed; see
                  :mod:`doorway.guide.resume`)

Version 1 (``i1``, ``i1p``, ``r1``, ``r1p``) is still read exactly as before,
so every link already sent keeps opening. Plain data is a *body*; everything
in it but free text is a one-byte code from the content catalogue (``code``
in the content files).

Version 1 bodies::

    invite: flags, ask code, n, n reason codes, note
    reply:  flags, n, n reply-option codes, note

``flags`` bit 0 means the note is raw-DEFLATE compressed (used only when that
makes it shorter); every other bit must be 0. The note fills the rest.

Version 2 bodies have exactly one spelling for each content: no compression,
every length written out and checked, codes in catalogue order::

    invite: flags, ask code, n, n reason codes, [sender], [note], [padding]
    reply:  flags, choice code, [n, n condition codes | period code], [note],
            [padding]

``[sender]`` is a one-byte length and that many UTF-8 bytes, present when
flag ``SENDER`` (bit 0) is set; ``[note]`` a two-byte big-endian length and
the note, present when flag ``NOTE`` (bit 1) is set; every other flag bit
must be 0, and a field that is present is never empty. An invitation's
"I don't know" reason stands alone. A reply's choice code is 0 when the reply
is a note alone; the choice decides what follows it: condition codes for
"yes, if", one period code (0: none) for "not yet", nothing for the others.

Sealed data is ``iterations (4 bytes, big-endian) | salt (16) | iv (12) |
ciphertext``: the body encrypted with AES-256-GCM under a key derived from the
passphrase with PBKDF2-SHA-256. The prefix and those first 32 bytes are the
*header*, passed to AES-GCM as associated data, so changing any of them makes
decryption fail. A sealed version-2 body is padded with zero bytes to the
smallest of :data:`PAD_SIZES` that holds it, so sealed links of one size
cannot be told apart by their length. The cryptography itself runs in the
browser (Web Crypto, see ``doorway.ui.crypto``); this module only builds and
checks the envelope.

Every token is treated as hostile until it has passed :func:`parse` and
:func:`decode`, which check the length before anything else (against
:data:`TOKEN_CAPS`, which the page's JavaScript checks first of all), allow
only known versions and codes, cap every length, and raise :class:`LinkError`
(never anything else) with a short code the page turns into a calm message.
"""

import struct

from .compat import b64url_decode, b64url_encode, compress, decompress, utf8_decode
from .names import NAME_LIMIT, clean_name

INVITE = "i"
REPLY = "r"
RESUME = "k"
SEALED = "p"

#: Format versions. New links are version 2; version 1 is read for links
#: already sent. A higher number is a link from a newer Doorway.
V1 = 1
V2 = 2
#: The newest version of each kind this copy reads; a higher number is a link
#: from a newer Doorway. Resume links count their own versions, from 1.
LATEST_OF = {INVITE: V2, REPLY: V2, RESUME: V1}

#: Longest token each kind of link may have, in characters after ``#``. The
#: page's JavaScript checks the address against this before Python reads it
#: (the build writes the page's cap on ``<html data-link-cap>``), and
#: :func:`parse` checks it first. A sealed version-2 link with the largest
#: padding is 1,828 characters, a version-1 link at most about 1,590; a resume
#: link with the largest of :data:`RESUME_PAD_SIZES` is 6,212.
TOKEN_CAPS = {INVITE: 2048, REPLY: 2048, RESUME: 6400}
#: Longest prefix read at all ("i2p" is 3; room for versions to come).
_MAX_PREFIX = 8

#: Most reason or option codes one version-1 body may list.
MAX_CODES = 32

#: Sizes, in bytes, a sealed version-2 body is padded to before encryption,
#: smallest first: a short note or none; a full note in a Latin script; the
#: longest body the format allows (every reason, a 40-character name and a
#: 280-character note in four-byte characters, with room for 32 reasons).
PAD_SIZES = (128, 448, 1320)
#: The same for resume links, which carry the person's answers and the lines
#: of the script they rewrote: a few changed lines; most of the script; the
#: longest plan a link keeps (:func:`doorway.guide.resume.encode` refuses more).
RESUME_PAD_SIZES = (512, 1536, 4608)

KDF_ITERATIONS = 600000
#: Iteration counts a link may ask for: at least today's OWASP figure, and a
#: cap so a hostile link cannot make the partner's browser grind for minutes.
MIN_ITERATIONS = 600000
MAX_ITERATIONS = 2000000
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16
_HEADER_BYTES = 4 + SALT_BYTES + IV_BYTES

#: Version-1 flag: the note is compressed.
_COMPRESSED = 1
#: Version-2 flags: a sender's name follows; a note follows.
SENDER = 1
NOTE = 2

#: Longest sender's name, in characters: the wizard's limit for a name.
SENDER_LIMIT = NAME_LIMIT
#: What a reply choice lets follow it (``takes`` in the content).
TAKES_CONDITIONS = "conditions"
TAKES_PERIOD = "period"


class LinkError(Exception):
    """A link that cannot be read. ``code`` says why, for the error page.

    - ``empty``: there is nothing after the ``#``;
    - ``too_long``: longer than any link Doorway makes;
    - ``version``: made by a newer Doorway (a higher version number);
    - ``damaged``: cut short, altered, malformed, or not made by Doorway;
    - ``wrong_page``: a reply opened as an invitation, or the other way round.
    """

    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Envelope:
    """A parsed token: its kind and version, and either a plain body or sealed parts."""

    def __init__(self, kind, version, body=None, iterations=0, salt=b"", iv=b"",
                 ciphertext=b"", header=b""):
        self.kind = kind
        self.version = version
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


# Version 1 ------------------------------------------------------------------

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
    """A version-1 invitation body: the first step on offer, the worries, a note."""
    ask = catalogue.ask(ask_id)
    if ask is None:
        raise ValueError("unknown first step %r" % ask_id)
    codes = _codes(catalogue.reason_label, reason_ids)
    flags, note_data = _note_bytes(note, catalogue.note_limit)
    return bytes([flags, ask["code"], len(codes)] + codes) + note_data


def decode_invite(catalogue, body):
    """Read a version-1 invitation body: ``{"ask", "reasons", "note"}``.

    Kept as it was when those links were sent: it reads "I don't know"
    beside other reasons, as some of them say.
    """
    if len(body) < 3 or body[0] & ~_COMPRESSED:
        raise LinkError("damaged")
    ask = catalogue.ask_by_code(body[1])
    if ask is None:
        raise LinkError("damaged")
    reasons, end = _read_codes(body, 2, catalogue.reason_by_code)
    note = _read_note(body[0], body[end:], catalogue.note_limit)
    return {"ask": ask["id"], "reasons": reasons, "note": note}


def encode_reply(catalogue, option_ids, note=""):
    """A version-1 reply body: the old reply options, and a note."""
    if not option_ids:
        raise ValueError("a reply needs at least one option")
    codes = _codes(catalogue.reply_option, option_ids)
    flags, note_data = _note_bytes(note, catalogue.note_limit)
    return bytes([flags, len(codes)] + codes) + note_data


def decode_reply(catalogue, body):
    """Read a version-1 reply body: ``{"options", "note"}``.

    Kept as it was: an old reply may say both "yes, let's book" and "no",
    and is shown as it is.
    """
    if len(body) < 2 or body[0] & ~_COMPRESSED:
        raise LinkError("damaged")
    options, end = _read_codes(body, 1, catalogue.reply_option_by_code)
    if not options:
        raise LinkError("damaged")
    note = _read_note(body[0], body[end:], catalogue.note_limit)
    return {"options": options, "note": note}


# Version 2 ------------------------------------------------------------------

def _ordered_codes(entries, ids, what):
    """Codes for ``ids``, which must be known and in catalogue order, without repeats."""
    codes = []
    last = -1
    for entry_id in ids:
        rank = _rank(entries, "id", entry_id)
        if rank < 0:
            raise ValueError("unknown %s %r" % (what, entry_id))
        if rank <= last:
            raise ValueError("%ss must be in catalogue order, without repeats" % what)
        last = rank
        codes.append(entries[rank]["code"])
    return codes


def _rank(entries, key, value):
    """Position of the entry whose ``key`` is ``value`` in ``entries``; -1 if none."""
    for i in range(len(entries)):
        if entries[i][key] == value:
            return i
    return -1


def _text_field(text, limit, size, what):
    """A length (``size`` bytes, big-endian) and the UTF-8 of ``text``."""
    if len(text) > limit:
        raise ValueError("the %s is longer than %d characters" % (what, limit))
    data = text.encode("utf-8")
    return len(data).to_bytes(size, "big") + data


def padded(kind, version):
    """True when a sealed link of this kind and version pads its body (and takes
    its key from the passphrase's standard form): invitations and replies from
    version 2, resume links always."""
    return kind == RESUME or version >= V2


def pad_sizes(kind):
    """The sizes a sealed body of ``kind`` is padded to."""
    return RESUME_PAD_SIZES if kind == RESUME else PAD_SIZES


def pad(body, sizes=PAD_SIZES):
    """``body`` padded with zero bytes to the smallest of ``sizes`` that holds it.

    Applied to a version-2 body (or a resume body, with
    :data:`RESUME_PAD_SIZES`) just before it is sealed (``doorway.ui.crypto``).
    """
    for size in sizes:
        if len(body) <= size:
            return body + bytes(size - len(body))
    raise ValueError("a %d-byte body is larger than any padding size" % len(body))


def encode_invite_v2(catalogue, ask_id, reason_ids, note="", sender=""):
    """A version-2 invitation body (unpadded).

    ``reason_ids`` in catalogue order without repeats, and "I don't know"
    only on its own; ``sender`` is the optional name the partner sees it is
    from. Name and note are cleaned as the preview shows them. Raises
    ValueError for anything the format cannot carry.
    """
    ask = catalogue.ask(ask_id)
    if ask is None:
        raise ValueError("unknown first step %r" % ask_id)
    codes = _ordered_codes(catalogue.reason_labels, reason_ids, "reason")
    if len(codes) > 1 and catalogue.exclusive_reason() in reason_ids:
        raise ValueError("%r stands alone" % catalogue.exclusive_reason())
    sender = clean_name(sender)
    note = clean_note(note)
    flags = (SENDER if sender else 0) | (NOTE if note else 0)
    out = bytes([flags, ask["code"], len(codes)] + codes)
    if sender:
        out += _text_field(sender, SENDER_LIMIT, 1, "name")
    if note:
        out += _text_field(note, catalogue.note_limit, 2, "note")
    return out


def encode_reply_v2(catalogue, choice_id=None, condition_ids=(), period_id=None, note=""):
    """A version-2 reply body (unpadded).

    One choice (or None for a note alone); conditions (catalogue order, no
    repeats) only with the choice that takes them, a period only with the
    choice that takes one. A reply with neither choice nor note says nothing
    and is refused (ValueError), like anything else the format cannot carry.
    """
    note = clean_note(note)
    condition_ids = list(condition_ids)
    choice = None
    if choice_id is not None:
        choice = catalogue.reply_choice(choice_id)
        if choice is None:
            raise ValueError("unknown reply choice %r" % choice_id)
    elif not note:
        raise ValueError("a reply needs a choice or a note")
    takes = choice.get("takes") if choice else None
    if condition_ids and takes != TAKES_CONDITIONS:
        raise ValueError("conditions only go with a choice that takes them")
    if period_id is not None and takes != TAKES_PERIOD:
        raise ValueError("a period only goes with a choice that takes one")
    out = bytes([NOTE if note else 0, choice["code"] if choice else 0])
    if takes == TAKES_CONDITIONS:
        codes = _ordered_codes(catalogue.reply_conditions, condition_ids, "condition")
        out += bytes([len(codes)] + codes)
    elif takes == TAKES_PERIOD:
        period = catalogue.reply_period(period_id) if period_id is not None else None
        if period_id is not None and period is None:
            raise ValueError("unknown period %r" % period_id)
        out += bytes([period["code"] if period else 0])
    if note:
        out += _text_field(note, catalogue.note_limit, 2, "note")
    return out


class Reader:
    """Reads a version-2 body (or a resume body) front to back; any overrun or bad
    value is ``damaged``."""

    def __init__(self, data):
        self.data = data
        self.at = 0

    def byte(self):
        if self.at >= len(self.data):
            raise LinkError("damaged")
        self.at += 1
        return self.data[self.at - 1]

    def take(self, count):
        if self.at + count > len(self.data):
            raise LinkError("damaged")
        self.at += count
        return self.data[self.at - count:self.at]

    def ordered(self, entries):
        """A count, then that many codes of ``entries`` in catalogue order: their ids."""
        count = self.byte()
        if count > len(entries):
            raise LinkError("damaged")
        ids = []
        last = -1
        for code in self.take(count):
            rank = _rank(entries, "code", code)
            if rank <= last:  # unknown (-1), repeated or out of order
                raise LinkError("damaged")
            last = rank
            ids.append(entries[rank]["id"])
        return ids

    def text(self, size, limit, clean):
        """A ``size``-byte length, then a non-empty, clean UTF-8 text of at most ``limit``."""
        length = int.from_bytes(self.take(size), "big")
        if not 0 < length <= 4 * limit:
            raise LinkError("damaged")
        text = utf8_decode(self.take(length))
        if text is None or len(text) > limit or clean(text) != text:
            raise LinkError("damaged")
        return text

    def finish(self, padded, sizes=PAD_SIZES):
        """Nothing may follow the content, but canonical padding in a sealed body."""
        end = self.at
        if not padded:
            if end != len(self.data):
                raise LinkError("damaged")
            return
        size = len(self.data)
        for allowed in sizes:
            if end <= allowed:
                break
        if size != allowed or end > allowed:
            raise LinkError("damaged")
        for byte in self.data[end:]:
            if byte:
                raise LinkError("damaged")


def decode_invite_v2(catalogue, body, padded=False):
    """Read a version-2 invitation body: ``{"ask", "reasons", "sender", "note"}``.

    ``padded`` for the body of a sealed link, which must carry exactly the
    canonical padding. LinkError("damaged") for anything else.
    """
    reader = Reader(body)
    flags = reader.byte()
    if flags & ~(SENDER | NOTE):
        raise LinkError("damaged")
    ask = catalogue.ask_by_code(reader.byte())
    if ask is None:
        raise LinkError("damaged")
    reasons = reader.ordered(catalogue.reason_labels)
    if len(reasons) > 1 and catalogue.exclusive_reason() in reasons:
        raise LinkError("damaged")
    sender = reader.text(1, SENDER_LIMIT, clean_name) if flags & SENDER else ""
    note = reader.text(2, catalogue.note_limit, clean_note) if flags & NOTE else ""
    reader.finish(padded)
    return {"ask": ask["id"], "reasons": reasons, "sender": sender, "note": note}


def decode_reply_v2(catalogue, body, padded=False):
    """Read a version-2 reply body: ``{"choice", "conditions", "period", "note"}``.

    ``choice`` and ``period`` are ids or None. LinkError("damaged") for
    anything the encoder would not write.
    """
    reader = Reader(body)
    flags = reader.byte()
    if flags & ~NOTE:
        raise LinkError("damaged")
    code = reader.byte()
    choice = catalogue.reply_choice_by_code(code) if code else None
    if code and choice is None:
        raise LinkError("damaged")
    takes = choice.get("takes") if choice else None
    conditions = []
    period = None
    if takes == TAKES_CONDITIONS:
        conditions = reader.ordered(catalogue.reply_conditions)
    elif takes == TAKES_PERIOD:
        code = reader.byte()
        if code:
            period = catalogue.reply_period_by_code(code)
            if period is None:
                raise LinkError("damaged")
    note = reader.text(2, catalogue.note_limit, clean_note) if flags & NOTE else ""
    if choice is None and not note:
        raise LinkError("damaged")
    reader.finish(padded)
    return {"choice": choice["id"] if choice else None, "conditions": conditions,
            "period": period["id"] if period else None, "note": note}


def decode(catalogue, envelope, body):
    """What a link says: the content of ``envelope`` given its plain ``body``.

    ``body`` is ``envelope.body`` for a plain link, the unsealed bytes for a
    sealed one. Returns the dict of the version's decoder with ``"version"``
    added (replies differ: version 1 has ``options``, version 2 ``choice``);
    raises LinkError.
    """
    if envelope.version == V1:
        content = (decode_invite if envelope.kind == INVITE else decode_reply)(catalogue, body)
    else:
        reader = decode_invite_v2 if envelope.kind == INVITE else decode_reply_v2
        content = reader(catalogue, body, envelope.sealed)
    content["version"] = envelope.version
    return content


# Tokens ---------------------------------------------------------------------

def _prefix(kind, version, sealed):
    return "%s%d%s" % (kind, version, SEALED if sealed else "")


# ``version`` defaults to 1 only while the share step still makes version-1
# links; new code passes it.

def plain_token(kind, body, version=V1):
    """The token of a plain (unsealed) link."""
    return "%s.%s" % (_prefix(kind, version, False), b64url_encode(body))


def sealed_header(kind, iterations, salt, iv, version=V1):
    """The bytes authenticated (not encrypted) alongside a sealed body."""
    if len(salt) != SALT_BYTES or len(iv) != IV_BYTES:
        raise ValueError("salt must be 16 bytes and iv 12")
    return _prefix(kind, version, True).encode() + struct.pack(">I", iterations) + salt + iv


def sealed_token(kind, iterations, salt, iv, ciphertext, version=V1):
    """The token of a sealed link, from its header values and the AES-GCM output."""
    prefix = _prefix(kind, version, True)
    header = sealed_header(kind, iterations, salt, iv, version)
    return "%s.%s" % (prefix, b64url_encode(header[len(prefix):] + ciphertext))


def _read_prefix(prefix):
    """``(kind, version, sealed)`` of a prefix this copy reads; LinkError otherwise.

    A prefix is a kind, a version number (no leading zero) and a suffix. A
    version above the kind's newest (:data:`LATEST_OF`) followed by lower-case letters is a link
    from a newer Doorway ("version"); anything else unknown is "damaged".
    """
    if not 2 <= len(prefix) <= _MAX_PREFIX or prefix[0] not in LATEST_OF:
        raise LinkError("damaged")
    end = 1
    while end < len(prefix) and "0" <= prefix[end] <= "9":
        end += 1
    digits, suffix = prefix[1:end], prefix[end:]
    if not digits or digits[0] == "0":
        raise LinkError("damaged")
    version = int(digits)
    if version > LATEST_OF[prefix[0]]:
        for char in suffix:
            if not "a" <= char <= "z":
                raise LinkError("damaged")
        raise LinkError("version")
    if suffix not in ("", SEALED):
        raise LinkError("damaged")
    return prefix[0], version, suffix == SEALED


def parse(token, kind):
    """Check a token's shape and open its envelope, doing no other work.

    ``token`` is what followed ``#`` (a leading ``#`` is ignored); ``kind`` is
    the kind this page reads. Returns an :class:`Envelope`; raises
    :class:`LinkError` for anything that is not a well-formed token.
    """
    if not isinstance(token, str):
        raise LinkError("damaged")
    if len(token) > TOKEN_CAPS[kind]:
        raise LinkError("too_long")
    if token.startswith("#"):
        token = token[1:]
    token = token.strip()
    if not token:
        raise LinkError("empty")
    dot = token.find(".")
    if dot < 0:
        raise LinkError("damaged")
    token_kind, version, sealed = _read_prefix(token[:dot])
    if token_kind != kind:
        raise LinkError("wrong_page")
    raw = b64url_decode(token[dot + 1:])
    if raw is None or not raw:
        raise LinkError("damaged")
    if not sealed:
        if kind == RESUME:  # a kept plan is never made unsealed
            raise LinkError("damaged")
        return Envelope(kind, version, body=raw)
    if len(raw) < _HEADER_BYTES + TAG_BYTES + 1:
        raise LinkError("damaged")
    iterations = struct.unpack(">I", raw[:4])[0]
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise LinkError("damaged")
    ciphertext = raw[_HEADER_BYTES:]
    if padded(kind, version) and len(ciphertext) - TAG_BYTES not in pad_sizes(kind):
        raise LinkError("damaged")
    return Envelope(kind, version, iterations=iterations, salt=raw[4:4 + SALT_BYTES],
                    iv=raw[4 + SALT_BYTES:_HEADER_BYTES], ciphertext=ciphertext,
                    header=token[:dot].encode() + raw[:_HEADER_BYTES])
