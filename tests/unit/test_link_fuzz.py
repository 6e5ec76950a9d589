"""doorway.guide.link under generated input (hypothesis, CPython only).

Anyone can craft a link, so whatever follows the ``#`` must end in a page or
in the calm error view: parse() and decode_invite()/decode_reply() may return
an envelope or a content dict, or raise LinkError with a known code, and
nothing else, ever. What they return must also be something the page can show
without further checks. And everything a person can send arrives exactly as
previewed.

About 14,000 generated examples in all, split across the properties below.
"""

import random
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.guide import compat, link
from doorway.guide.catalogue import Catalogue

CAT = Catalogue(load(CONTENT))
REASON_IDS = [r["id"] for r in CAT.reasons]
ASK_IDS = [a["id"] for a in CAT.asks]
OPTION_IDS = [o["id"] for o in CAT.reply_options]
CODES = set(CAT.partner["link_error"]) - {"heading", "what_to_do", "guide_link"}
KINDS = [link.INVITE, link.REPLY]
B64URL = string.ascii_letters + string.digits + "-_"

#: No example database: nothing is written to the working tree.
FUZZ = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _settings(examples):
    return settings(max_examples=examples, **FUZZ)


def open_token(token, kind):
    """What a page of ``kind`` makes of ``token``: an Envelope, a dict, or a LinkError.

    Any other exception escapes and fails the property. Every successful
    result is checked to be safe to show as it is.
    """
    try:
        envelope = link.parse(token, kind)
    except link.LinkError as error:
        assert error.code in CODES, error.code
        return error
    assert envelope.kind == kind
    if envelope.sealed:
        assert link.MIN_ITERATIONS <= envelope.iterations <= link.MAX_ITERATIONS
        assert len(envelope.salt) == link.SALT_BYTES and len(envelope.iv) == link.IV_BYTES
        assert len(envelope.ciphertext) > link.TAG_BYTES
        assert envelope.header == link.sealed_header(kind, envelope.iterations, envelope.salt,
                                                     envelope.iv)
        return envelope
    return open_body(envelope.body, kind)


def open_body(body, kind, again=True):
    decode = link.decode_invite if kind == link.INVITE else link.decode_reply
    try:
        content = decode(CAT, body)
    except link.LinkError as error:
        assert error.code == "damaged", error.code
        return error
    assert isinstance(content, dict)
    check_content(content, kind, again)
    return content


def check_content(content, kind, again=True):
    """A decoded link holds only known ids, no repeats, and a clean note within the limit."""
    note = content["note"]
    assert isinstance(note, str) and len(note) <= CAT.note_limit
    assert link.clean_note(note) == note
    if kind == link.INVITE:
        assert set(content) == {"ask", "reasons", "note"}
        assert content["ask"] in ASK_IDS
        ids, known = content["reasons"], REASON_IDS
    else:
        assert set(content) == {"options", "note"}
        ids, known = content["options"], OPTION_IDS
        assert ids
    assert len(set(ids)) == len(ids) and all(i in known for i in ids)
    if not again:
        return
    # What decodes can be sent again and reads the same (the encoder accepts it).
    if kind == link.INVITE:
        body = link.encode_invite(CAT, content["ask"], content["reasons"], note)
    else:
        body = link.encode_reply(CAT, content["options"], note)
    assert open_body(body, kind, again=False) == content


# Strategies -----------------------------------------------------------------

#: Characters people really type into a note, and the ones that trip software up.
SPECIAL = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\u200d", "\ufeff",
           "\u0301", "\u0308", "\u0336", "\U0001f600", "\U0001f469\u200d\u2764\ufe0f",
           "\U0001f3f3\ufe0f\u200d\U0001f308", "\xa0", "\u3000", "\u2028", "\u0085", "\r\n",
           "\r", "\n", "\t", "\x00", "\x7f", "<", ">", "&", '"', "'", "\\", "\u05e9", "\u0627",
           "\u5b57", "\U00010348"]
note_chars = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL))
notes = st.lists(note_chars, max_size=320).map("".join)

sendable_notes = notes.filter(lambda n: len(link.clean_note(n)) <= CAT.note_limit)

prefixes = st.sampled_from(["i1", "i1p", "r1", "r1p", "i2", "r2", "i9p", "i1x", "r1pp", "I1",
                            "x1", "", "i", "p", "1", "i1 ", " i1", "#i1", "i" * 9])

#: A body that gets past the first checks often: plausible flags, counts and codes.
plausible_bytes = st.builds(
    lambda flags, code, codes, note: bytes([flags, code, len(codes), *codes]) + note,
    st.sampled_from([0, 1, 2, 3, 0x80, 0xFF]),
    st.one_of(st.integers(0, 255), st.sampled_from([a["code"] for a in CAT.asks])),
    st.lists(st.one_of(st.integers(0, 255), st.sampled_from([r["code"] for r in CAT.reasons])),
             max_size=6),
    st.one_of(st.binary(max_size=400),
              st.binary(max_size=600).map(compat.compress),
              notes.map(lambda n: compat.compress(n.encode("utf-8", "surrogatepass"))),
              notes.map(lambda n: n.encode("utf-8", "surrogatepass"))))


@st.composite
def valid_tokens(draw):
    kind = draw(st.sampled_from(KINDS))
    note = draw(sendable_notes)
    if kind == link.INVITE:
        body = link.encode_invite(CAT, draw(st.sampled_from(ASK_IDS)),
                                  draw(st.lists(st.sampled_from(REASON_IDS), unique=True)), note)
    else:
        body = link.encode_reply(CAT, draw(st.lists(st.sampled_from(OPTION_IDS), min_size=1,
                                                    unique=True)), note)
    if draw(st.booleans()):
        token = link.plain_token(kind, body)
    else:
        token = link.sealed_token(kind, draw(st.integers(link.MIN_ITERATIONS,
                                                         link.MAX_ITERATIONS)),
                                  draw(st.binary(min_size=16, max_size=16)),
                                  draw(st.binary(min_size=12, max_size=12)),
                                  body + draw(st.binary(min_size=16, max_size=16)))
    return kind, token


mutation = st.tuples(st.sampled_from(["flip", "cut", "insert", "delete", "swap"]),
                     st.integers(0, 4000), st.sampled_from(B64URL + ".=#%+/ \u00e9\u202e\x00"))


def mutate(token, steps):
    for what, where, char in steps:
        at = where % (len(token) + 1)
        if what == "flip" and token:
            at = where % len(token)
            token = token[:at] + chr(ord(token[at]) ^ (1 << (where % 7))) + token[at + 1:]
        elif what == "cut":
            token = token[:at]
        elif what == "insert":
            token = token[:at] + char + token[at:]
        elif what == "delete":
            token = token[:at] + token[at + 1:]
        elif what == "swap" and len(token) > 1:
            at = where % (len(token) - 1)
            token = token[:at] + token[at + 1] + token[at] + token[at + 2:]
    return token


# Properties: hostile input ---------------------------------------------------

@_settings(2500)
@given(st.one_of(st.text(max_size=300), st.text(alphabet=B64URL + ".#%=", max_size=3000),
                 st.text(max_size=50).map(lambda t: "i1." + t)),
       st.sampled_from(KINDS))
def test_random_strings_end_in_a_result_or_a_link_error(token, kind):
    open_token(token, kind)


@_settings(3000)
@given(prefixes, st.one_of(st.binary(max_size=1600), plausible_bytes), st.sampled_from(KINDS))
def test_any_payload_behind_any_prefix_is_read_safely(prefix, data, kind):
    token = prefix + "." + compat.b64url_encode(data)
    result = open_token(token, kind)
    if len(token.strip()) > link.MAX_TOKEN:
        assert isinstance(result, link.LinkError) and result.code == "too_long"


@_settings(2500)
@given(st.one_of(st.binary(max_size=700), plausible_bytes), st.sampled_from(KINDS))
def test_any_body_decodes_to_a_safe_dict_or_damaged(body, kind):
    open_body(body, kind)


@_settings(2000)
@given(valid_tokens(), st.lists(mutation, min_size=1, max_size=4))
def test_damaged_copies_of_real_links_are_read_safely(made, steps):
    kind, token = made
    open_token(mutate(token, steps), kind)
    open_token(mutate(token, steps), link.REPLY if kind == link.INVITE else link.INVITE)


@_settings(500)
@given(st.integers(0, 2 ** 32 - 1), st.binary(min_size=0, max_size=80), st.sampled_from(KINDS))
def test_sealed_headers_outside_the_limits_are_refused_before_any_work(iterations, data, kind):
    token = link.sealed_token(kind, iterations, b"s" * 16, b"v" * 12, data)
    result = open_token(token, kind)
    if not link.MIN_ITERATIONS <= iterations <= link.MAX_ITERATIONS or \
            len(data) <= link.TAG_BYTES:
        assert isinstance(result, link.LinkError) and result.code == "damaged"
    else:
        assert result.iterations == iterations and result.ciphertext == data


# Properties: what is sent arrives --------------------------------------------

@_settings(2000)
@given(st.sampled_from(ASK_IDS), st.lists(st.sampled_from(REASON_IDS), unique=True),
       sendable_notes)
def test_every_invitation_arrives_exactly_as_previewed(ask, reasons, note):
    token = link.plain_token(link.INVITE, link.encode_invite(CAT, ask, reasons, note))
    assert len(token) <= link.MAX_TOKEN
    got = open_token(token, link.INVITE)
    assert got == {"ask": ask, "reasons": reasons, "note": link.clean_note(note)}


@_settings(1000)
@given(st.lists(st.sampled_from(OPTION_IDS), min_size=1, unique=True), sendable_notes)
def test_every_reply_arrives_exactly_as_written(options, note):
    token = link.plain_token(link.REPLY, link.encode_reply(CAT, options, note))
    assert open_token(token, link.REPLY) == {"options": options, "note": link.clean_note(note)}


@_settings(500)
@given(notes)
def test_clean_note_is_stable_and_keeps_no_control_characters(note):
    shown = link.clean_note(note)
    assert link.clean_note(shown) == shown
    assert all(c == "\n" or (ord(c) >= 32 and ord(c) != 127) for c in shown)
    assert shown == shown.strip(" \n")


def test_the_longest_sealed_invitation_fits_the_token_limit():
    """The worst case a person can make: every reason, a full note of four-byte characters.

    The body is written out uncompressed, the longest the encoder could ever
    produce (it compresses only when that is shorter).
    """
    note = "".join(chr(c) for c in random.Random(4).sample(range(0x20000, 0x2A6DF),
                                                             CAT.note_limit))
    codes = [r["code"] for r in CAT.reasons]
    body = bytes([0, CAT.asks[-1]["code"], len(codes), *codes]) + note.encode("utf-8")
    assert len(link.encode_invite(CAT, ASK_IDS[-1], REASON_IDS, note)) <= len(body)
    assert open_body(body, link.INVITE)["note"] == note
    token = link.sealed_token(link.INVITE, link.MAX_ITERATIONS, b"s" * 16, b"v" * 12,
                              body + b"t" * link.TAG_BYTES)
    assert len(token) <= link.MAX_TOKEN
    assert open_token(token, link.INVITE).ciphertext == body + b"t" * link.TAG_BYTES
