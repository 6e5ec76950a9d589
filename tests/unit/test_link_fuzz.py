"""doorway.guide.link under generated input (hypothesis, CPython only).

Anyone can craft a link, so whatever follows the ``#`` must end in a page or
in the calm error view: parse() and decode() may return an envelope or a
content dict, or raise LinkError with a known code, and nothing else, ever.
What they return must also be something the page can show without further
checks. Everything a person can send arrives exactly as previewed, and a
version-2 body that decodes is the one spelling of its content: encoding it
again gives the very same bytes.

About 20,000 generated examples in all, split across the properties below.
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
ALONE = CAT.exclusive_reason()
ASK_IDS = [a["id"] for a in CAT.asks]
OPTION_IDS = [o["id"] for o in CAT.reply_options]
CHOICE_IDS = [c["id"] for c in CAT.reply_choices]
CONDITION_IDS = [c["id"] for c in CAT.reply_conditions]
PERIOD_IDS = [p["id"] for p in CAT.reply_periods]
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
    assert envelope.kind == kind and envelope.version in (link.V1, link.V2)
    if envelope.sealed:
        assert link.MIN_ITERATIONS <= envelope.iterations <= link.MAX_ITERATIONS
        assert len(envelope.salt) == link.SALT_BYTES and len(envelope.iv) == link.IV_BYTES
        assert len(envelope.ciphertext) > link.TAG_BYTES
        if envelope.version == link.V2:
            assert len(envelope.ciphertext) - link.TAG_BYTES in link.PAD_SIZES
        assert envelope.header == link.sealed_header(kind, envelope.iterations, envelope.salt,
                                                     envelope.iv, envelope.version)
        return envelope
    return open_body(envelope.body, kind, envelope.version)


def open_body(body, kind, version, padded=False, again=True):
    """Decode ``body`` as a page would: a content dict, or LinkError("damaged")."""
    envelope = link.Envelope(kind, version, body=None if padded else body)
    try:
        content = link.decode(CAT, envelope, body)
    except link.LinkError as error:
        assert error.code == "damaged", error.code
        return error
    assert isinstance(content, dict) and content.pop("version") == version
    check_content(content, kind, version)
    if again:
        encoded = encode(content, kind, version)
        if version == link.V2:
            # One spelling per content: the same bytes, padding and all.
            assert (link.pad(encoded) if padded else encoded) == body
        assert open_body(encoded, kind, version, again=False) == content
    return content


def encode(content, kind, version):
    """The body the encoder makes for ``content`` (it accepts whatever decodes)."""
    if version == link.V1:
        if kind == link.INVITE:
            return link.encode_invite(CAT, content["ask"], content["reasons"], content["note"])
        return link.encode_reply(CAT, content["options"], content["note"])
    if kind == link.INVITE:
        return link.encode_invite_v2(CAT, content["ask"], content["reasons"], content["note"],
                                     content["sender"])
    return link.encode_reply_v2(CAT, content["choice"], content["conditions"],
                                content["period"], content["note"])


def _in_order(ids, known):
    ranks = [known.index(i) for i in ids]
    return ranks == sorted(set(ranks))


def check_content(content, kind, version):
    """A decoded link holds only known ids, no repeats, and clean text within limits."""
    note = content["note"]
    assert isinstance(note, str) and len(note) <= CAT.note_limit
    assert link.clean_note(note) == note
    if kind == link.INVITE:
        assert content["ask"] in ASK_IDS
        ids, known = content["reasons"], REASON_IDS
        if version == link.V1:
            assert set(content) == {"ask", "reasons", "note"}
        else:
            assert set(content) == {"ask", "reasons", "sender", "note"}
            assert _in_order(ids, known)
            assert ALONE not in ids or ids == [ALONE]
            sender = content["sender"]
            assert len(sender) <= link.SENDER_LIMIT and link.clean_name(sender) == sender
    elif version == link.V1:
        assert set(content) == {"options", "note"}
        ids, known = content["options"], OPTION_IDS
        assert ids
    else:
        assert set(content) == {"choice", "conditions", "period", "note"}
        choice = CAT.reply_choice(content["choice"]) if content["choice"] else None
        assert choice or note
        ids, known = content["conditions"], CONDITION_IDS
        assert _in_order(ids, known)
        takes = choice.get("takes") if choice else None
        assert not ids or takes == link.TAKES_CONDITIONS
        assert content["period"] is None or (takes == link.TAKES_PERIOD
                                             and content["period"] in PERIOD_IDS)
    assert len(set(ids)) == len(ids) and all(i in known for i in ids)


# Strategies -----------------------------------------------------------------

#: Characters people really type into a note, and the ones that trip software up.
SPECIAL = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\u200d", "\ufeff",
           "\u0301", "\u0308", "\u0336", "\U0001f600", "\U0001f469\u200d\u2764\ufe0f",
           "\U0001f3f3\ufe0f\u200d\U0001f308", "\xa0", "\u3000", "\u2028", "\u0085", "\r\n",
           "\r", "\n", "\t", "\x00", "\x7f", "<", ">", "&", '"', "'", "\\", "\u05e9", "\u0627",
           "\u5b57", "\U00010348"]
note_chars = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL))
notes = st.lists(note_chars, max_size=320).map("".join)
names = st.lists(st.one_of(note_chars, st.just(" ")), max_size=50).map("".join)

sendable_notes = notes.filter(lambda n: len(link.clean_note(n)) <= CAT.note_limit)
sendable_names = names.filter(lambda n: len(link.clean_name(n)) <= link.SENDER_LIMIT)

prefixes = st.sampled_from(["i1", "i1p", "r1", "r1p", "i2", "i2p", "r2", "r2p", "i3", "i9p",
                            "i0", "i01", "ix", "i1x", "i2x", "r1pp", "I1", "x1", "", "i", "p",
                            "1", "i1 ", " i1", "#i1", "i" * 9])

#: A version-1 body that gets past the first checks often.
plausible_v1 = st.builds(
    lambda flags, code, codes, note: bytes([flags, code, len(codes), *codes]) + note,
    st.sampled_from([0, 1, 2, 3, 0x80, 0xFF]),
    st.one_of(st.integers(0, 255), st.sampled_from([a["code"] for a in CAT.asks])),
    st.lists(st.one_of(st.integers(0, 255), st.sampled_from([r["code"] for r in CAT.reasons])),
             max_size=6),
    st.one_of(st.binary(max_size=400),
              st.binary(max_size=600).map(compat.compress),
              notes.map(lambda n: compat.compress(n.encode("utf-8", "surrogatepass"))),
              notes.map(lambda n: n.encode("utf-8", "surrogatepass"))))


def _field(size, data, length=None):
    return ((len(data) if length is None else length) % 256 ** size).to_bytes(size, "big") + data


#: A version-2 body written field by field, often nearly right: sorted and
#: unsorted codes, lengths that are right or a little off, padding or not.
plausible_v2 = st.builds(
    lambda flags, head, codes, fields, tail: bytes([flags, head, len(codes), *codes])
    + b"".join(fields) + tail,
    st.sampled_from([0, 1, 2, 3, 4, 0x80]),
    st.one_of(st.integers(0, 255), st.sampled_from([a["code"] for a in CAT.asks]),
              st.sampled_from([c["code"] for c in CAT.reply_choices])),
    st.one_of(st.lists(st.sampled_from([r["code"] for r in CAT.reasons]), max_size=5)
              .map(sorted), st.lists(st.integers(0, 255), max_size=5)),
    st.lists(st.one_of(
        st.builds(_field, st.just(1), names.map(lambda n: n.encode("utf-8", "surrogatepass"))),
        st.builds(_field, st.just(2), notes.map(lambda n: n.encode("utf-8", "surrogatepass"))),
        st.builds(_field, st.sampled_from([1, 2]), st.binary(max_size=50),
                  st.integers(0, 300))), max_size=2),
    st.one_of(st.just(b""), st.binary(max_size=3), st.integers(0, 1400).map(bytes)))

plausible_bytes = st.one_of(plausible_v1, plausible_v2)


@st.composite
def invites_v2(draw):
    ask = draw(st.sampled_from(ASK_IDS))
    if draw(st.integers(0, 9)) == 0:
        reasons = [ALONE]
    else:
        chosen = set(draw(st.lists(st.sampled_from(REASON_IDS[:-1]), unique=True)))
        reasons = [r for r in REASON_IDS if r in chosen]
    return ask, reasons, draw(sendable_notes), draw(sendable_names)


@st.composite
def replies_v2(draw):
    choice = draw(st.sampled_from([*CHOICE_IDS, None]))
    note = draw(sendable_notes)
    if choice is None and not link.clean_note(note):
        note = "a note"
    takes = CAT.reply_choice(choice).get("takes") if choice else None
    conditions, period = [], None
    if takes == link.TAKES_CONDITIONS:
        chosen = set(draw(st.lists(st.sampled_from(CONDITION_IDS), unique=True)))
        conditions = [c for c in CONDITION_IDS if c in chosen]
    elif takes == link.TAKES_PERIOD:
        period = draw(st.sampled_from([*PERIOD_IDS, None]))
    return choice, conditions, period, note


@st.composite
def valid_tokens(draw):
    kind = draw(st.sampled_from(KINDS))
    version = draw(st.sampled_from([link.V1, link.V2]))
    if version == link.V1 and kind == link.INVITE:
        body = link.encode_invite(CAT, draw(st.sampled_from(ASK_IDS)),
                                  draw(st.lists(st.sampled_from(REASON_IDS), unique=True)),
                                  draw(sendable_notes))
    elif version == link.V1:
        body = link.encode_reply(CAT, draw(st.lists(st.sampled_from(OPTION_IDS), min_size=1,
                                                    unique=True)), draw(sendable_notes))
    elif kind == link.INVITE:
        body = link.encode_invite_v2(CAT, *draw(invites_v2()))
    else:
        body = link.encode_reply_v2(CAT, *draw(replies_v2()))
    if draw(st.booleans()):
        return kind, link.plain_token(kind, body, version)
    if version == link.V2:
        body = link.pad(body)
    return kind, link.sealed_token(kind, draw(st.integers(link.MIN_ITERATIONS,
                                                          link.MAX_ITERATIONS)),
                                   draw(st.binary(min_size=16, max_size=16)),
                                   draw(st.binary(min_size=12, max_size=12)),
                                   body + draw(st.binary(min_size=16, max_size=16)), version)


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
                 st.text(max_size=50).map(lambda t: "i1." + t),
                 st.text(max_size=50).map(lambda t: "i2." + t)),
       st.sampled_from(KINDS))
def test_random_strings_end_in_a_result_or_a_link_error(token, kind):
    open_token(token, kind)


@_settings(3000)
@given(prefixes, st.one_of(st.binary(max_size=1600), plausible_bytes), st.sampled_from(KINDS))
def test_any_payload_behind_any_prefix_is_read_safely(prefix, data, kind):
    token = prefix + "." + compat.b64url_encode(data)
    result = open_token(token, kind)
    if len(token) > link.TOKEN_CAPS[kind]:
        assert isinstance(result, link.LinkError) and result.code == "too_long"


@_settings(3000)
@given(st.one_of(st.binary(max_size=700), plausible_bytes), st.sampled_from(KINDS),
       st.sampled_from([link.V1, link.V2]))
def test_any_body_decodes_to_a_safe_dict_or_damaged(body, kind, version):
    open_body(body, kind, version)


@_settings(1500)
@given(st.one_of(st.binary(max_size=200), plausible_v2), st.sampled_from(KINDS),
       st.sampled_from(link.PAD_SIZES), st.binary(max_size=2))
def test_padded_bodies_are_read_only_with_canonical_padding(body, kind, size, junk):
    """Any bytes, padded to a size with zeros or a little junk, as an unsealed body."""
    padded = (body + junk + bytes(size))[:size]
    result = open_body(padded, kind, link.V2, padded=True)
    if isinstance(result, dict):
        assert padded == link.pad(encode(result, kind, link.V2))


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


@_settings(500)
@given(st.integers(link.TAG_BYTES, 1500), st.sampled_from(KINDS))
def test_sealed_version_two_links_hold_exactly_one_padding_size(length, kind):
    token = link.sealed_token(kind, link.KDF_ITERATIONS, b"s" * 16, b"v" * 12, b"c" * length,
                              link.V2)
    result = open_token(token, kind)
    if length - link.TAG_BYTES in link.PAD_SIZES:
        assert result.ciphertext == b"c" * length
    else:
        assert isinstance(result, link.LinkError) and result.code == "damaged"


# Properties: what is sent arrives --------------------------------------------

@_settings(1500)
@given(st.sampled_from(ASK_IDS), st.lists(st.sampled_from(REASON_IDS), unique=True),
       sendable_notes)
def test_every_version_one_invitation_arrives_exactly_as_previewed(ask, reasons, note):
    token = link.plain_token(link.INVITE, link.encode_invite(CAT, ask, reasons, note))
    assert len(token) <= link.TOKEN_CAPS[link.INVITE]
    got = open_token(token, link.INVITE)
    assert got == {"ask": ask, "reasons": reasons, "note": link.clean_note(note)}


@_settings(1000)
@given(st.lists(st.sampled_from(OPTION_IDS), min_size=1, unique=True), sendable_notes)
def test_every_version_one_reply_arrives_exactly_as_written(options, note):
    token = link.plain_token(link.REPLY, link.encode_reply(CAT, options, note))
    assert open_token(token, link.REPLY) == {"options": options, "note": link.clean_note(note)}


@_settings(1500)
@given(invites_v2(), st.booleans())
def test_every_version_two_invitation_arrives_exactly_as_previewed(invite, padded):
    ask, reasons, note, sender = invite
    body = link.encode_invite_v2(CAT, ask, reasons, note, sender)
    want = {"ask": ask, "reasons": reasons, "note": link.clean_note(note),
            "sender": link.clean_name(sender)}
    if padded:
        assert open_body(link.pad(body), link.INVITE, link.V2, padded=True) == want
    else:
        token = link.plain_token(link.INVITE, body, link.V2)
        assert len(token) <= link.TOKEN_CAPS[link.INVITE]
        assert open_token(token, link.INVITE) == want


@_settings(1000)
@given(replies_v2(), st.booleans())
def test_every_version_two_reply_arrives_exactly_as_written(reply, padded):
    choice, conditions, period, note = reply
    body = link.encode_reply_v2(CAT, choice, conditions, period, note)
    want = {"choice": choice, "conditions": conditions, "period": period,
            "note": link.clean_note(note)}
    if padded:
        assert open_body(link.pad(body), link.REPLY, link.V2, padded=True) == want
    else:
        assert open_token(link.plain_token(link.REPLY, body, link.V2), link.REPLY) == want


@_settings(500)
@given(notes)
def test_clean_note_is_stable_and_keeps_no_control_characters(note):
    shown = link.clean_note(note)
    assert link.clean_note(shown) == shown
    assert all(c == "\n" or (ord(c) >= 32 and ord(c) != 127) for c in shown)
    assert shown == shown.strip(" \n")


def _four_byte_text(size, seed):
    return "".join(chr(c) for c in random.Random(seed).sample(range(0x20000, 0x2A6DF), size))


def test_the_longest_sealed_invitation_of_each_version_fits_the_token_cap():
    """The worst case a person can make: every reason, a full note of four-byte characters.

    The version-1 body is written out uncompressed, the longest the encoder
    could ever produce (it compresses only when that is shorter).
    """
    note = _four_byte_text(CAT.note_limit, 4)
    codes = [r["code"] for r in CAT.reasons]
    body = bytes([0, CAT.asks[-1]["code"], len(codes), *codes]) + note.encode("utf-8")
    assert len(link.encode_invite(CAT, ASK_IDS[-1], REASON_IDS, note)) <= len(body)
    assert open_body(body, link.INVITE, link.V1)["note"] == note
    bodies = [(link.V1, body)]
    sender = _four_byte_text(link.SENDER_LIMIT, 5)
    body = link.encode_invite_v2(CAT, ASK_IDS[-1], REASON_IDS[:-1], note, sender)
    assert open_body(link.pad(body), link.INVITE, link.V2, padded=True)["sender"] == sender
    bodies.append((link.V2, link.pad(body)))
    for version, body in bodies:
        token = link.sealed_token(link.INVITE, link.MAX_ITERATIONS, b"s" * 16, b"v" * 12,
                                  body + b"t" * link.TAG_BYTES, version)
        assert len(token) <= link.TOKEN_CAPS[link.INVITE], (version, len(token))
        assert open_token(token, link.INVITE).ciphertext == body + b"t" * link.TAG_BYTES
