"""Hostile and odd link tokens, and what the partner's or sender's page must do with each.

Written for Doorway from the usual families of attacks on URL-carried state
(markup and script injection, encoding tricks, size and work amplification,
tampering), not copied from any published list. Valid tokens are made with
the real encoder (doorway.guide.link) in CPython; hostile ones by hand.

Each :class:`Vector` names a token, the page kind that opens it (``"i"`` on
/invite/, ``"r"`` on /reply/) and the expected outcome, a tuple:

- ``("error", code)``: the calm error view with that LinkError code's message;
- ``("unlock",)``: a sealed link that parses, so the page asks for the passphrase;
- ``("invite", content)`` / ``("reply", content)``: a valid (if odd) link, shown
  with exactly this content, as :func:`doorway.guide.link.decode` gives it
  without its ``version`` (version 1: ``{"ask", "reasons", "note"}`` and
  ``{"options", "note"}``; version 2 adds ``sender`` to invitations, and
  replies are ``{"choice", "conditions", "period", "note"}``).

When a vector gives no expectation, the reference implementation decides it
(:func:`reference`, run in CPython on the token as the browser will read it):
the browser, running MicroPython, must then agree with CPython.
"""

import hashlib
import os
import struct

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flows import catalogue

from doorway.guide import compat, link

#: Characters the browser leaves alone in a fragment and this corpus may use
#: unescaped; everything else in a token is percent-encoded by the browser.
_ASCII_KEPT = set(chr(c) for c in range(0x21, 0x7F)) - set('"<>`')


def as_read(token):
    """The token as the page reads it from ``location.href`` (WHATWG fragment encoding)."""
    out = []
    for char in token:
        if char in _ASCII_KEPT:
            out.append(char)
        else:
            out.append("".join("%%%02X" % b for b in char.encode("utf-8")))
    return "".join(out)


def reference(token, kind):
    """What CPython's doorway.guide.link makes of ``token`` on a page of ``kind``."""
    try:
        envelope = link.parse(as_read(token), kind)
        if envelope.sealed:
            return ("unlock",)
        content = link.decode(catalogue(), envelope, envelope.body)
        content.pop("version")
        return ("invite" if kind == link.INVITE else "reply", content)
    except link.LinkError as error:
        return ("error", error.code)


class Vector:
    def __init__(self, name, token, kind=link.INVITE, expect=None):
        self.name = name
        self.token = token
        self.kind = kind
        self.declared = expect
        self.expect = expect or reference(token, kind)

    @property
    def path(self):
        return "invite/" if self.kind == link.INVITE else "reply/"

    def __repr__(self):
        return "<Vector %s on %s>" % (self.name, self.path)


# Building blocks ------------------------------------------------------------

def _cat():
    return catalogue()


def invite_token(ask="consultation", reasons=("blame",), note=""):
    return link.plain_token(link.INVITE, link.encode_invite(_cat(), ask, list(reasons), note))


def reply_token(options=("yes",), note=""):
    return link.plain_token(link.REPLY, link.encode_reply(_cat(), list(options), note))


def raw_invite(flags, ask_code, codes, note_bytes=b""):
    """An invitation body written byte by byte, so it can break any rule."""
    return link.plain_token(link.INVITE, bytes([flags, ask_code, len(codes), *codes])
                            + note_bytes)


def _ask(ask_id="trial"):
    return _cat().ask(ask_id)["code"]


def _reason(reason_id):
    return _cat().reason(reason_id)["code"]


def seal(kind, body, passphrase, iterations=link.KDF_ITERATIONS, salt=None, iv=None):
    """A sealed token made in CPython exactly as link.py documents the envelope."""
    salt = salt if salt is not None else os.urandom(link.SALT_BYTES)
    iv = iv if iv is not None else os.urandom(link.IV_BYTES)
    key = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), salt, iterations, 32)
    header = link.sealed_header(kind, iterations, salt, iv)
    return link.sealed_token(kind, iterations, salt, iv, AESGCM(key).encrypt(iv, body, header))


def fake_sealed(kind, iterations, ciphertext=b"\x00" * 40):
    """A sealed envelope with chosen header values and a ciphertext that opens with nothing."""
    return link.sealed_token(kind, iterations, b"\x11" * link.SALT_BYTES,
                             b"\x22" * link.IV_BYTES, ciphertext)


def sealed_with_raw_iterations(kind, raw_iterations):
    """A sealed token whose 4 iteration bytes are exactly ``raw_iterations``."""
    prefix = kind + "1" + link.SEALED
    data = raw_iterations + b"\x11" * link.SALT_BYTES + b"\x22" * link.IV_BYTES + b"\x00" * 40
    return "%s.%s" % (prefix, compat.b64url_encode(data))


def flip(token, index, bit=0):
    """``token`` with one bit of its decoded data flipped, re-encoded canonically."""
    prefix, data = token.split(".", 1)
    raw = bytearray(compat.b64url_decode(data))
    raw[index % len(raw)] ^= 1 << bit
    return "%s.%s" % (prefix, compat.b64url_encode(bytes(raw)))


# Notes that are valid and must be shown as text, exactly --------------------

MARKUP_NOTES = [
    ("mpy-script", '<script type="mpy">import js\njs.window.__pwned = 1</script>'),
    ("py-script", '<script type="py">from pyscript import window\nwindow.__pwned = 1</script>'),
    ("mpy-script-src", '<script type="mpy" src="data:,import js;js.window.__pwned=1"></script>'),
    ("plain-script", "<script>window.__pwned = 1</script>"),
    ("img-onerror", '<img src=x onerror="window.__pwned=1">'),
    ("py-click", '<button py-click="pwn" mpy-click="pwn" id="x">press</button>'),
    ("svg-onload", "<svg onload=window.__pwned=1><circle r=9></svg>"),
    ("iframe-srcdoc", "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>"),
    ("bold-and-anchor", '"><b>x</b><a href="javascript:window.__pwned=1">tap</a>'),
    ("style-tag", "<style>*{display:none!important}</style>hidden?"),
    ("entities", "&lt;b&gt; &amp;amp; &#x3C;script&#x3E; &#60;img&#62;"),
    ("comment-cdata", "<!-- x --><![CDATA[<b>]]></textarea></p></section>"),
    ("template", "{{ 7*7 }} ${7*7} {% print 1 %} #{7*7} <%= 7*7 %>"),
    ("javascript-url", "javascript:window.__pwned=1//"),
    ("rtl-zero-width", "\u202egnp.exe\u202c looks odd\u200b\u200c\u200d\ufeff\u2060 end"),
    ("bidi-isolates", "\u2066abc\u2069 \u2067\u05e9\u05dc\u05d5\u05dd\u2069 \u061c\u200f"),
    ("unicode-spaces", "\xa0spaced\u3000out\u2028line\u2029para\xa0"),
    ("combining", "Z\u0336\u0324\u0354a\u0308\u0356\u032dl\u036e\u0312g\u030c\u0317o\u0319"),
    ("newlines", "first line\n<b>second</b>\n\n  indented"),
    ("max-ascii-markup", ("<b>" * 100)[:280]),
    ("max-emoji", "\U0001f600" * 280),
]


def _markup_vectors():
    found = []
    for i, (name, note) in enumerate(MARKUP_NOTES):
        reasons = [r["id"] for r in _cat().reasons][i % 5:i % 5 + 2]
        token = invite_token("trial", reasons, note)
        found.append(Vector("note-" + name, token, expect=(
            "invite", {"ask": "trial", "reasons": reasons, "note": link.clean_note(note)})))
    return found


def _odd_but_valid():
    every = [r["id"] for r in _cat().reasons]
    return [
        Vector("minimal-body", raw_invite(0, _ask("curiosity"), []),
               expect=("invite", {"ask": "curiosity", "reasons": [], "note": ""})),
        Vector("every-reason", invite_token("few", every, "all of them"),
               expect=("invite", {"ask": "few", "reasons": every, "note": "all of them"})),
        Vector("reasons-reversed", invite_token("checkup", every[::-1][:4], ""),
               expect=("invite", {"ask": "checkup", "reasons": every[::-1][:4], "note": ""})),
        Vector("dont-know-with-others", invite_token("trial", ["dont_know", "cost"], "0"),
               expect=("invite", {"ask": "trial", "reasons": ["dont_know", "cost"],
                                  "note": "0"})),
    ]


# Envelopes that must be refused -----------------------------------------------

def _envelope_vectors():
    good = invite_token("consultation", ["blame", "privacy"], "hello there")
    data = good.split(".", 1)[1]
    return [
        Vector("empty", "", expect=("error", "empty")),
        Vector("only-hash", "#", expect=("error", "empty")),
        Vector("leading-spaces", "   " + good, expect=("error", "damaged")),
        Vector("no-dot", "i1AAAA", expect=("error", "damaged")),
        Vector("prefix-only", "i1.", expect=("error", "damaged")),
        Vector("bang-base64", "i1.!!!!", expect=("error", "damaged")),
        Vector("padding", "i1.AAAA=", expect=("error", "damaged")),
        Vector("double-padding", "i1.AAA==", expect=("error", "damaged")),
        Vector("padded-valid", good + "==", expect=("error", "damaged")),
        Vector("length-mod-4-is-1", "i1.AAAAA", expect=("error", "damaged")),
        Vector("non-canonical-bits", "i1.AB", expect=("error", "damaged")),
        Vector("standard-alphabet", "i1.AA+/AA", expect=("error", "damaged")),
        Vector("two-dots", "i1..AAAA", expect=("error", "damaged")),
        Vector("dot-inside-data", "i1.AAAA.AAAA", expect=("error", "damaged")),
        Vector("second-hash", good + "#" + good, expect=("error", "damaged")),
        Vector("percent-escaped-data", "i1.%41%41%41%41", expect=("error", "damaged")),
        Vector("percent-escaped-prefix", "%69%31." + data, expect=("error", "damaged")),
        Vector("percent-nul", "i1.%00%00", expect=("error", "damaged")),
        Vector("percent-bad-hex", "%ZZ%G0%", expect=("error", "damaged")),
        Vector("percent-rlo", "%E2%80%AEi1." + data, expect=("error", "damaged")),
        Vector("percent-script", "%3Cscript%3Ewindow.__pwned=1%3C/script%3E",
               expect=("error", "damaged")),
        Vector("raw-markup-token", '<img src=x onerror="window.__pwned=1">',
               expect=("error", "damaged")),
        Vector("raw-mpy-token", '<script type="mpy">import js;js.window.__pwned=1</script>',
               expect=("error", "damaged")),
        Vector("javascript-token", "javascript:window.__pwned=1", expect=("error", "damaged")),
        Vector("javascript-dotted", "JaVaScRiPt:window.__pwned=1//." + data,
               expect=("error", "damaged")),
        Vector("data-url", "data:text/html,<script>window.__pwned=1</script>",
               expect=("error", "damaged")),
        Vector("unicode-prefix", "\u04561." + data, expect=("error", "damaged")),
        Vector("rtl-override-token", "\u202e" + good, expect=("error", "damaged")),
        Vector("zero-width-in-token", good[:6] + "\u200b" + good[6:], expect=("error", "damaged")),
        Vector("version-3", "i3." + data, expect=("error", "version")),
        Vector("version-9", "i9." + data, expect=("error", "version")),
        Vector("version-10-sealed", "i10p." + data, expect=("error", "version")),
        Vector("version-3-new-suffix", "i3q." + data, expect=("error", "version")),
        Vector("version-0", "i0.AAAA", expect=("error", "damaged")),
        Vector("version-leading-zero", "i01." + data, expect=("error", "damaged")),
        Vector("version-letter", "ix." + data, expect=("error", "damaged")),
        Vector("version-suffix", "i1x." + data, expect=("error", "damaged")),
        Vector("version-2-suffix", "i2x." + data, expect=("error", "damaged")),
        Vector("version-3-bad-suffix", "i3-." + data, expect=("error", "damaged")),
        Vector("uppercase-prefix", "I1." + data, expect=("error", "damaged")),
        Vector("unknown-prefix", "x1." + data, expect=("error", "damaged")),
        Vector("long-prefix", "i" * 40 + "." + data, expect=("error", "damaged")),
        Vector("reply-as-invite", reply_token(["yes"], "hi"), expect=("error", "wrong_page")),
        Vector("sealed-reply-as-invite", fake_sealed(link.REPLY, link.KDF_ITERATIONS),
               expect=("error", "wrong_page")),
        Vector("huge-3000", "i1." + "A" * 2997, expect=("error", "too_long")),
        Vector("huge-100000", "i1." + "A" * 99997, expect=("error", "too_long")),
        Vector("huge-markup", "<" * 3000, expect=("error", "too_long")),
    ]


def _body_vectors():
    note = "a kind note"
    blame, cost = _reason("blame"), _reason("cost")
    bomb = compat.compress(b"a" * 100000)
    over = compat.compress(b"a" * (4 * _cat().note_limit + 1))
    long_note = compat.compress(b"ab" * 141)  # 282 characters: inflates fine, too long
    la = ("la " * 60).strip()
    packed = compat.compress(la.encode())
    return [
        Vector("empty-body", link.plain_token(link.INVITE, b"\x00"), expect=("error", "damaged")),
        Vector("two-byte-body", link.plain_token(link.INVITE, b"\x00\x04"),
               expect=("error", "damaged")),
        Vector("unknown-flag", raw_invite(2, _ask(), [blame]), expect=("error", "damaged")),
        Vector("high-flag", raw_invite(0x80, _ask(), [blame]), expect=("error", "damaged")),
        Vector("all-flags", raw_invite(0xFF, _ask(), [blame]), expect=("error", "damaged")),
        Vector("unknown-ask", raw_invite(0, 250, [blame]), expect=("error", "damaged")),
        Vector("ask-code-zero", raw_invite(0, 0, [blame]), expect=("error", "damaged")),
        Vector("unknown-reason", raw_invite(0, _ask(), [blame, 250]),
               expect=("error", "damaged")),
        Vector("reason-code-zero", raw_invite(0, _ask(), [0]), expect=("error", "damaged")),
        Vector("duplicate-reason", raw_invite(0, _ask(), [cost, cost]),
               expect=("error", "damaged")),
        Vector("count-past-end", link.plain_token(link.INVITE, bytes([0, _ask(), 200, blame])),
               expect=("error", "damaged")),
        Vector("count-over-cap", raw_invite(0, _ask(), list(range(1, 34))),
               expect=("error", "damaged")),
        Vector("deflate-bomb-100k", raw_invite(1, _ask(), [blame], bomb),
               expect=("error", "damaged")),
        Vector("deflate-just-over-cap", raw_invite(1, _ask(), [], over),
               expect=("error", "damaged")),
        Vector("deflate-note-too-long", raw_invite(1, _ask(), [], long_note),
               expect=("error", "damaged")),
        Vector("deflate-clean", raw_invite(1, _ask(), [], packed),
               expect=("invite", {"ask": "trial", "reasons": [], "note": la})),
        Vector("deflate-trailing-junk", raw_invite(1, _ask(), [], packed + b"junk"),
               expect=("error", "damaged")),
        Vector("deflate-trailing-zero", raw_invite(1, _ask(), [], packed + b"\x00"),
               expect=("error", "damaged")),
        Vector("deflate-truncated", raw_invite(1, _ask(), [], packed[:-2]),
               expect=("error", "damaged")),
        Vector("deflate-flag-on-plain", raw_invite(1, _ask(), [], note.encode()),
               expect=("error", "damaged")),
        Vector("deflate-invalid-utf8", raw_invite(1, _ask(), [], compat.compress(b"ok \xff ok")),
               expect=("error", "damaged")),
        Vector("utf8-ff", raw_invite(0, _ask(), [], b"hi \xff"), expect=("error", "damaged")),
        Vector("utf8-overlong-lt", raw_invite(0, _ask(), [], b"\xc0\xbcscript\xc0\xbe"),
               expect=("error", "damaged")),
        Vector("utf8-overlong-3", raw_invite(0, _ask(), [], b"\xe0\x80\xbc"),
               expect=("error", "damaged")),
        Vector("utf8-overlong-4", raw_invite(0, _ask(), [], b"\xf0\x80\x80\xbc"),
               expect=("error", "damaged")),
        Vector("utf8-surrogate", raw_invite(0, _ask(), [], b"\xed\xa0\x80"),
               expect=("error", "damaged")),
        Vector("utf8-above-max", raw_invite(0, _ask(), [], b"\xf4\x90\x80\x80"),
               expect=("error", "damaged")),
        Vector("utf8-lone-continuation", raw_invite(0, _ask(), [], b"ok\x80"),
               expect=("error", "damaged")),
        Vector("utf8-cut-short", raw_invite(0, _ask(), [], "ok \u20ac".encode()[:-1]),
               expect=("error", "damaged")),
        Vector("note-nul", raw_invite(0, _ask(), [], b"a\x00b"), expect=("error", "damaged")),
        Vector("note-ansi-escape", raw_invite(0, _ask(), [], b"\x1b[31mred"),
               expect=("error", "damaged")),
        Vector("note-carriage-return", raw_invite(0, _ask(), [], b"a\rb"),
               expect=("error", "damaged")),
        Vector("note-padded", raw_invite(0, _ask(), [], b" padded "),
               expect=("error", "damaged")),
        Vector("note-281", raw_invite(0, _ask(), [], b"x" * 281), expect=("error", "damaged")),
    ]


def _sealed_vectors():
    return [
        Vector("iterations-max-u32", fake_sealed(link.INVITE, 2 ** 32 - 1),
               expect=("error", "damaged")),
        Vector("iterations-1e9", fake_sealed(link.INVITE, 10 ** 9), expect=("error", "damaged")),
        Vector("iterations-over-cap", fake_sealed(link.INVITE, link.MAX_ITERATIONS + 1),
               expect=("error", "damaged")),
        Vector("iterations-zero", fake_sealed(link.INVITE, 0), expect=("error", "damaged")),
        Vector("iterations-one", fake_sealed(link.INVITE, 1), expect=("error", "damaged")),
        Vector("iterations-ff-bytes", sealed_with_raw_iterations(link.INVITE, b"\xff" * 4),
               expect=("error", "damaged")),
        Vector("sealed-no-tag-room", fake_sealed(link.INVITE, link.KDF_ITERATIONS, b"\x00" * 16),
               expect=("error", "damaged")),
        Vector("sealed-header-only", "i1p." + compat.b64url_encode(
            struct.pack(">I", link.KDF_ITERATIONS) + b"\x11" * 28), expect=("error", "damaged")),
        Vector("sealed-plausible", fake_sealed(link.INVITE, link.KDF_ITERATIONS),
               expect=("unlock",)),
    ]


def _damaged_copies():
    """Truncations and bit flips of real tokens; the reference decides each outcome."""
    compressed = invite_token("consultation", ["blame", "privacy", "cost"],
                              "I would love us to try this together. " * 4)
    plain = invite_token("trial", ["time"], "short note")
    found = []
    for cut in (4, 7, len(compressed) // 2, len(compressed) - 5, len(compressed) - 1):
        found.append(Vector("cut-compressed-%d" % cut, compressed[:cut]))
    for cut in (len(plain) - 4, len(plain) - 3):
        found.append(Vector("cut-plain-%d" % cut, plain[:cut]))
    for index, bit in ((0, 0), (0, 1), (1, 0), (2, 3), (3, 1), (4, 6), (8, 2), (-1, 7),
                       (-3, 0)):
        found.append(Vector("flip-%d-%d" % (index, bit), flip(compressed, index, bit)))
    found.append(Vector("flip-plain-note", flip(plain, -1, 5)))
    return found


def _reply_vectors():
    every = [o["id"] for o in _cat().reply_options]
    markup = '<script type="mpy">import js\njs.window.__pwned = 1</script><b>bold</b>'
    return [
        Vector("reply-markup-note", reply_token(["yes", "online"], markup), link.REPLY,
               ("reply", {"options": ["yes", "online"], "note": markup})),
        Vector("reply-every-option", reply_token(every, "\u202eall\u200b"), link.REPLY,
               ("reply", {"options": every, "note": "\u202eall\u200b"})),
        Vector("invite-as-reply", invite_token(), link.REPLY, ("error", "wrong_page")),
        Vector("sealed-invite-as-reply", fake_sealed(link.INVITE, link.KDF_ITERATIONS),
               link.REPLY, ("error", "wrong_page")),
        Vector("reply-no-option", link.plain_token(link.REPLY, b"\x00\x00"), link.REPLY,
               ("error", "damaged")),
        Vector("reply-unknown-option", link.plain_token(link.REPLY, b"\x00\x01\xfa"), link.REPLY,
               ("error", "damaged")),
        Vector("reply-duplicate-option", link.plain_token(link.REPLY, b"\x00\x02\x01\x01"),
               link.REPLY, ("error", "damaged")),
        Vector("reply-version-3", "r3.AAAA", link.REPLY, ("error", "version")),
        Vector("reply-version-0", "r0.AAAA", link.REPLY, ("error", "damaged")),
        Vector("reply-yes-and-no", reply_token(["yes", "no"], "both?"), link.REPLY,
               ("reply", {"options": ["yes", "no"], "note": "both?"})),
        Vector("reply-bad-base64", "r1.$$$$", link.REPLY, ("error", "damaged")),
        Vector("reply-huge", "r1." + "A" * 5000, link.REPLY, ("error", "too_long")),
        Vector("reply-iteration-bomb", fake_sealed(link.REPLY, 2 ** 32 - 1), link.REPLY,
               ("error", "damaged")),
        Vector("reply-deflate-bomb", link.plain_token(
            link.REPLY, b"\x01\x01\x01" + compat.compress(b"b" * 100000)), link.REPLY,
            ("error", "damaged")),
        Vector("reply-javascript", "javascript:window.__pwned=1", link.REPLY,
               ("error", "damaged")),
        Vector("reply-sealed-plausible", fake_sealed(link.REPLY, link.KDF_ITERATIONS),
               link.REPLY, ("unlock",)),
        Vector("reply-empty", "", link.REPLY, ("error", "empty")),
    ]


# Version 2 -------------------------------------------------------------------

def invite_v2(ask="trial", reasons=("cost",), note="", sender=""):
    return link.encode_invite_v2(_cat(), ask, list(reasons), note, sender)


def reply_v2(choice="yes", conditions=(), period=None, note=""):
    return link.encode_reply_v2(_cat(), choice, list(conditions), period, note)


def plain_v2(kind, body):
    return link.plain_token(kind, body, link.V2)


def fake_sealed_v2(kind, size, extra=0):
    """A sealed version-2 envelope whose ciphertext would hold a ``size``-byte body."""
    return link.sealed_token(kind, link.KDF_ITERATIONS, b"\x11" * link.SALT_BYTES,
                             b"\x22" * link.IV_BYTES, b"\x00" * (size + extra + link.TAG_BYTES),
                             link.V2)


def _v2_invite_vectors():
    cat = _cat()
    every = [r["id"] for r in cat.reasons if r["id"] != cat.exclusive_reason()]
    longest = invite_v2(cat.asks[-1]["id"], every, "\U0001f600" * cat.note_limit,
                        "\U0001f469" * 40)
    cost, blame = _reason("cost"), _reason("blame")
    markup = '<script type="mpy">import js\njs.window.__pwned = 1</script>'
    good = invite_v2("trial", ["blame", "cost"], "hello", "Sam")
    return [
        Vector("v2-sender-and-note", plain_v2(link.INVITE, good), expect=(
            "invite", {"ask": "trial", "reasons": ["blame", "cost"], "note": "hello",
                       "sender": "Sam"})),
        Vector("v2-markup-sender", plain_v2(link.INVITE, invite_v2(
            "few", [], markup, '<img src=x onerror="window.__pwned=1">')), expect=(
            "invite", {"ask": "few", "reasons": [], "note": markup,
                       "sender": '<img src=x onerror="window.__pwned=1">'})),
        Vector("v2-dont-know-alone", plain_v2(link.INVITE, invite_v2("trial", ["dont_know"])),
               expect=("invite", {"ask": "trial", "reasons": ["dont_know"], "note": "",
                                  "sender": ""})),
        Vector("v2-longest-plain", plain_v2(link.INVITE, longest)),
        Vector("v2-sealed-small", fake_sealed_v2(link.INVITE, link.PAD_SIZES[0]),
               expect=("unlock",)),
        Vector("v2-sealed-largest", fake_sealed_v2(link.INVITE, link.PAD_SIZES[-1]),
               expect=("unlock",)),
        Vector("v2-sealed-wrong-size", fake_sealed_v2(link.INVITE, link.PAD_SIZES[0], 1),
               expect=("error", "damaged")),
        Vector("v2-sealed-size-minus-one", fake_sealed_v2(link.INVITE, link.PAD_SIZES[1], -1),
               expect=("error", "damaged")),
        Vector("v2-sealed-unpadded", link.sealed_token(
            link.INVITE, link.KDF_ITERATIONS, b"\x11" * 16, b"\x22" * 12,
            good + b"\x00" * link.TAG_BYTES, link.V2), expect=("error", "damaged")),
        Vector("v2-plain-padded", plain_v2(link.INVITE, link.pad(good)),
               expect=("error", "damaged")),
        Vector("v2-trailing-zero", plain_v2(link.INVITE, good + b"\x00"),
               expect=("error", "damaged")),
        Vector("v2-flag-4", plain_v2(link.INVITE, bytes([good[0] | 4]) + good[1:]),
               expect=("error", "damaged")),
        Vector("v2-flag-80", plain_v2(link.INVITE, bytes([good[0] | 0x80]) + good[1:]),
               expect=("error", "damaged")),
        Vector("v2-sender-flag-no-name", plain_v2(link.INVITE, bytes([1, _ask(), 0])),
               expect=("error", "damaged")),
        Vector("v2-empty-note-field", plain_v2(link.INVITE, bytes([2, _ask(), 0, 0, 0])),
               expect=("error", "damaged")),
        Vector("v2-note-length-past-end", plain_v2(link.INVITE, bytes([2, _ask(), 0, 0, 9])
                                                  + b"hi"), expect=("error", "damaged")),
        Vector("v2-note-length-over-cap", plain_v2(link.INVITE, bytes([2, _ask(), 0, 4, 97])
                                                  + b"x" * 1121), expect=("error", "damaged")),
        Vector("v2-sender-41", plain_v2(link.INVITE, bytes([1, _ask(), 0, 41]) + b"x" * 41),
               expect=("error", "damaged")),
        Vector("v2-sender-unclean", plain_v2(link.INVITE, bytes([1, _ask(), 0, 5]) + b" Sam "),
               expect=("error", "damaged")),
        Vector("v2-dont-know-with-others", plain_v2(link.INVITE, bytes(
            [0, _ask(), 2, cost, _reason("dont_know")])), expect=("error", "damaged")),
        Vector("v2-reasons-out-of-order", plain_v2(link.INVITE, bytes([0, _ask(), 2, cost,
                                                                       blame])),
               expect=("error", "damaged")),
        Vector("v2-reason-twice", plain_v2(link.INVITE, bytes([0, _ask(), 2, cost, cost])),
               expect=("error", "damaged")),
        Vector("v2-compressed-note", plain_v2(link.INVITE, bytes([2, _ask(), 0, 0, 8])
                                              + compat.compress(b"la la la la la la")[:8]),
               expect=("error", "damaged")),
        Vector("v2-body-behind-v1-prefix", link.plain_token(link.INVITE, good),
               expect=("error", "damaged")),
        Vector("v2-over-cap", "i2." + "A" * (link.TOKEN_CAPS[link.INVITE] - 2),
               expect=("error", "too_long")),
        Vector("v2-sealed-over-cap", "i2p." + "A" * (link.TOKEN_CAPS[link.INVITE] - 3),
               expect=("error", "too_long")),
        Vector("v2-at-cap", "i2." + "A" * (link.TOKEN_CAPS[link.INVITE] - 3),
               expect=("error", "damaged")),
        Vector("v2-reply-as-invite", plain_v2(link.REPLY, reply_v2("no")),
               expect=("error", "wrong_page")),
    ]


def _v2_reply_vectors():
    cat = _cat()
    yes, yes_if, not_yet = (cat.reply_choice(c)["code"] for c in ("yes", "yes_if", "not_yet"))
    online = cat.reply_condition("online")["code"]
    every = [c["id"] for c in cat.reply_conditions]

    def valid(name, choice=None, conditions=(), period=None, note=""):
        return Vector(name, plain_v2(link.REPLY, reply_v2(choice, conditions, period, note)),
                      link.REPLY, ("reply", {"choice": choice, "conditions": list(conditions),
                                             "period": period, "note": note}))

    def damaged(name, body):
        return Vector(name, plain_v2(link.REPLY, body), link.REPLY, ("error", "damaged"))

    return [
        valid("r2-yes", "yes"),
        valid("r2-yes-if-all", "yes_if", every, None, "\u202eall\u200b"),
        valid("r2-yes-if-none", "yes_if"),
        valid("r2-not-yet-month", "not_yet", (), "month"),
        valid("r2-not-yet-open", "not_yet"),
        valid("r2-no", "no", (), None, '<script type="mpy">import js</script>'),
        valid("r2-note-alone", None, (), None, "Let me think about it."),
        Vector("r2-sealed-medium", fake_sealed_v2(link.REPLY, link.PAD_SIZES[1]), link.REPLY,
               ("unlock",)),
        Vector("r2-sealed-wrong-size", fake_sealed_v2(link.REPLY, 300), link.REPLY,
               ("error", "damaged")),
        damaged("r2-empty", bytes([0, 0])),
        damaged("r2-yes-with-condition", bytes([0, yes, 1, online])),
        damaged("r2-not-yet-with-condition", bytes([0, not_yet, 1, online])),
        damaged("r2-condition-twice", bytes([0, yes_if, 2, online, online])),
        damaged("r2-unknown-period", bytes([0, not_yet, 250])),
        damaged("r2-unknown-choice", bytes([0, 250])),
        damaged("r2-flag-1", bytes([1, yes])),
        damaged("r2-flag-80", bytes([0x80, yes])),
        damaged("r2-padded", link.pad(reply_v2("yes"))),
        Vector("r2-over-cap", "r2p." + "A" * (link.TOKEN_CAPS[link.REPLY] - 3), link.REPLY,
               ("error", "too_long")),
        Vector("r2-invite-as-reply", plain_v2(link.INVITE, invite_v2()), link.REPLY,
               ("error", "wrong_page")),
    ]


def vectors():
    """Every vector, invitation page first."""
    return (_markup_vectors() + _odd_but_valid() + _envelope_vectors() + _body_vectors()
            + _sealed_vectors() + _damaged_copies() + _v2_invite_vectors() + _reply_vectors()
            + _v2_reply_vectors())
