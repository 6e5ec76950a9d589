"""Invitation and reply links (doorway.guide.link): version 1, envelopes, prefixes, caps.

Version 1 is still read exactly as before, contradictions included, because
links already sent must keep opening. Version-2 bodies: test_link_v2.py.
"""

from support import catalogue, raises

from doorway.guide import compat, link

NOTES = [
    "",
    "I love you. No pressure, truly.",
    "Ça me ferait plaisir qu’on essaie, même une fois.",
    "أحبك. هل يمكننا التحدث عن هذا؟",
    "אני אוהב אותך. נדבר?",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ combining marks",
    "😀👩‍❤️‍👨🏳️‍🌈 emoji with joiners",
    "日本語のメモです。一緒に行ってみませんか。",
    "Line one\nLine two\n\nLine four",
    "<script type=\"mpy\">import js; js.alert(1)</script><img src=x onerror=alert(1)>",
    "‮ right-to-left override and a zero\u200bwidth space",
]


def _long_note(char):
    return char * catalogue().note_limit


def test_invite_round_trip_for_every_reason_and_first_step():
    cat = catalogue()
    for ask in cat.asks:
        for reason in cat.reasons:
            body = link.encode_invite(cat, ask["id"], [reason["id"]], "Hi")
            token = link.plain_token(link.INVITE, body)
            envelope = link.parse(token, link.INVITE)
            assert not envelope.sealed
            invite = link.decode_invite(cat, envelope.body)
            assert invite == {"ask": ask["id"], "reasons": [reason["id"]], "note": "Hi"}, invite


def test_invite_carries_all_reasons_and_none():
    cat = catalogue()
    every = [r["id"] for r in cat.reasons]
    for reasons in (every, []):
        body = link.encode_invite(cat, "trial", reasons, "")
        assert link.decode_invite(cat, link.parse(link.plain_token("i", body), "i").body) == {
            "ask": "trial", "reasons": reasons, "note": ""}


def test_notes_in_many_scripts_arrive_exactly_as_previewed():
    cat = catalogue()
    for note in NOTES + [_long_note("a"), _long_note("é"), _long_note("😀"), _long_note("字")]:
        shown = link.clean_note(note)
        body = link.encode_invite(cat, "consultation", ["cost", "time"], note)
        token = link.plain_token(link.INVITE, body)
        got = link.decode_invite(cat, link.parse(token, link.INVITE).body)
        assert got["note"] == shown, (note, got["note"])


def test_reply_round_trip_for_every_option():
    cat = catalogue()
    for option in cat.reply_options:
        for note in NOTES:
            body = link.encode_reply(cat, [option["id"]], note)
            got = link.decode_reply(cat, link.parse(link.plain_token(link.REPLY, body),
                                                    link.REPLY).body)
            assert got == {"options": [option["id"]], "note": link.clean_note(note)}


def test_a_typical_full_link_stays_short():
    cat = catalogue()
    note = ("I have been thinking about us a lot lately, and I would love for us to try "
            "this together. No pressure: take your time, and tell me honestly what you think. ")
    note = (note * 3)[:cat.note_limit]
    body = link.encode_invite(cat, "consultation", ["blame", "cost", "time"], note)
    url = "https://doorway.example/invite/#" + link.plain_token(link.INVITE, body)
    assert len(url) < 600, len(url)
    sealed = link.sealed_token(link.INVITE, link.KDF_ITERATIONS, b"s" * 16, b"i" * 12,
                               body + b"t" * link.TAG_BYTES)
    assert len("https://doorway.example/invite/#" + sealed) < 700


def test_links_already_sent_open_with_what_they_say_even_contradictions():
    cat = catalogue()
    body = link.encode_invite(cat, "trial", ["dont_know", "cost"], "both")
    envelope = link.parse(link.plain_token(link.INVITE, body), link.INVITE)
    assert envelope.version == 1
    assert link.decode(cat, envelope, envelope.body) == {
        "ask": "trial", "reasons": ["dont_know", "cost"], "note": "both", "version": 1}
    body = link.encode_reply(cat, ["yes", "no"], "")
    envelope = link.parse(link.plain_token(link.REPLY, body), link.REPLY)
    assert link.decode(cat, envelope, envelope.body) == {
        "options": ["yes", "no"], "note": "", "version": 1}
    # Old reply option codes are read from the content, and did not move.
    codes = [(o["id"], o["code"]) for o in cat.reply_options]
    assert codes == [("yes", 1), ("choose_together", 2), ("call_first", 3), ("one_session", 4),
                     ("online", 5), ("talk_first", 6), ("later", 7), ("no", 8)], codes


def test_notes_are_compressed_only_when_that_helps():
    cat = catalogue()
    short = link.encode_invite(cat, "trial", [], "ok")
    assert short[0] == 0 and short.endswith(b"ok")
    repetitive = link.encode_invite(cat, "trial", [], "la " * 90)
    assert repetitive[0] == 1
    assert len(repetitive) < 100


def test_clean_note_normalises_once():
    assert link.clean_note("  hi\r\nthere\rnow\x00\x07 ") == "hi\nthere\nnow"
    for note in NOTES:
        assert link.clean_note(link.clean_note(note)) == link.clean_note(note)


def test_encoding_refuses_what_it_cannot_send():
    cat = catalogue()
    raises(ValueError, link.encode_invite, cat, "nope", [], "")
    raises(ValueError, link.encode_invite, cat, "trial", ["nope"], "")
    raises(ValueError, link.encode_invite, cat, "trial", [], "x" * (cat.note_limit + 1))
    raises(ValueError, link.encode_reply, cat, [], "")


def _code(token, kind=link.INVITE):
    return raises(link.LinkError, link.parse, token, kind).code


def test_parse_rejects_bad_envelopes_with_the_right_code():
    assert _code("") == "empty"
    assert _code("#") == "empty"
    assert _code("i1." + "A" * link.TOKEN_CAPS[link.INVITE]) == "too_long"
    assert _code("zz.AAAA") == "damaged"
    assert _code("nodot") == "damaged"
    assert _code("i1.") == "damaged"
    assert _code("i1.!!!!") == "damaged"
    assert _code("i1.AAAA=") == "damaged"
    assert _code("r1.AAAA") == "wrong_page"
    assert _code("i1.AAAA", link.REPLY) == "wrong_page"


def _decode_code(body, decode=link.decode_invite):
    return raises(link.LinkError, decode, catalogue(), body).code


def test_decode_rejects_damaged_bodies():
    cat = catalogue()
    good = link.encode_invite(cat, "trial", ["cost"], "hello")
    assert _decode_code(b"") == "damaged"
    assert _decode_code(good[:2]) == "damaged"
    assert _decode_code(bytes([4]) + good[1:]) == "damaged"            # unknown flag
    assert _decode_code(bytes([0, 250]) + good[2:]) == "damaged"       # unknown first step
    assert _decode_code(good[:3] + bytes([250]) + good[4:]) == "damaged"  # unknown reason
    assert _decode_code(good[:2] + bytes([200]) + good[3:]) == "damaged"  # count too big
    assert _decode_code(good[:2] + bytes([2, good[3], good[3]])) == "damaged"  # duplicate
    assert _decode_code(good[:4] + b"\xff\xfe") == "damaged"          # not UTF-8
    assert _decode_code(good[:4] + b"x" * 300) == "damaged"           # note too long
    assert _decode_code(good[:4] + b" padded ") == "damaged"          # not a clean note
    assert _decode_code(bytes([1]) + good[1:]) == "damaged"           # says compressed, isn't


def test_decode_rejects_a_compressed_bomb():
    cat = catalogue()
    bomb = compat.compress(b"a" * 50000)
    body = bytes([1, cat.ask("trial")["code"], 0]) + bomb
    assert _decode_code(body) == "damaged"


def test_reply_bodies_need_an_option():
    cat = catalogue()
    assert _decode_code(bytes([0, 0]), link.decode_reply) == "damaged"
    assert _decode_code(bytes([0, 1, 250]), link.decode_reply) == "damaged"
    body = link.encode_reply(cat, ["later", "online"], "")
    assert link.decode_reply(cat, body) == {"options": ["later", "online"], "note": ""}


def test_prefixes_name_kind_version_and_sealing():
    for prefix, kind, version, sealed in (("i1", "i", 1, False), ("i1p", "i", 1, True),
                                          ("r1", "r", 1, False), ("r1p", "r", 1, True),
                                          ("i2", "i", 2, False), ("i2p", "i", 2, True),
                                          ("r2", "r", 2, False), ("r2p", "r", 2, True)):
        data = "A" * 72 if not sealed else compat.b64url_encode(
            b"\x00\t'\xc0" + b"s" * 28 + b"c" * (link.PAD_SIZES[0] + link.TAG_BYTES))
        envelope = link.parse(prefix + "." + data, kind)
        assert (envelope.kind, envelope.version, envelope.sealed) == (kind, version, sealed)


def test_only_higher_version_numbers_are_from_a_newer_doorway():
    for prefix in ("i3", "i3p", "i9", "i10", "i42p", "i3x", "i3pp", "r3", "r9p", "i9999999"):
        assert _code(prefix + ".AAAA", prefix[0]) == "version", prefix
    for prefix in ("i0", "i0p", "i00", "i01", "i02p", "ix", "ip", "i", "i1x", "i1pp", "i2x",
                   "i2P", "i3X", "i3-", "I1", "I2p", "x1", "1", "p", "i1 ", "i 1",
                   "i99999999", "i" * 9, "\u0456" + "1", "i\u0661", "i\u00b2"):
        assert _code(prefix + ".AAAA") == "damaged", prefix


def test_the_caps_table_is_checked_before_anything_else():
    assert sorted(link.TOKEN_CAPS) == sorted([link.INVITE, link.REPLY, link.RESUME])
    # (resume links: tests/logic/test_resume.py)
    for kind in (link.INVITE, link.REPLY):
        cap = link.TOKEN_CAPS[kind]
        other = link.REPLY if kind == link.INVITE else link.INVITE
        for junk in ("A", " ", "#", "<", "\u202e"):
            assert _code(junk * (cap + 1), kind) == "too_long"
            assert _code(kind + "1." + junk * (cap - 3), kind) != "too_long"
        assert _code(other + "9." + "A" * (cap - 2), kind) == "too_long"
        assert _code(other + "1." + "A" * (cap - 3), kind) == "wrong_page"


def test_sealed_envelope_layout_and_header():
    salt = bytes(range(16))
    iv = bytes(range(100, 112))
    ciphertext = b"c" * 40
    token = link.sealed_token(link.INVITE, 700000, salt, iv, ciphertext)
    assert token.startswith("i1p.")
    envelope = link.parse(token, link.INVITE)
    assert envelope.sealed and envelope.body is None and envelope.version == 1
    assert envelope.iterations == 700000
    assert envelope.salt == salt and envelope.iv == iv and envelope.ciphertext == ciphertext
    assert envelope.header == link.sealed_header(link.INVITE, 700000, salt, iv)
    assert envelope.header.startswith(b"i1p")
    raises(ValueError, link.sealed_header, link.INVITE, 700000, b"short", iv)
    ciphertext = b"c" * (link.PAD_SIZES[1] + link.TAG_BYTES)
    token = link.sealed_token(link.REPLY, 700000, salt, iv, ciphertext, link.V2)
    assert token.startswith("r2p.")
    envelope = link.parse(token, link.REPLY)
    assert envelope.version == 2 and envelope.ciphertext == ciphertext
    assert envelope.header == b"r2p" + envelope.header[3:]
    assert envelope.header == link.sealed_header(link.REPLY, 700000, salt, iv, link.V2)


def test_iteration_counts_are_capped_when_decoding():
    salt, iv, data = b"s" * 16, b"i" * 12, b"c" * 40
    for count in (0, 1, link.MIN_ITERATIONS - 1, link.MAX_ITERATIONS + 1, 2 ** 32 - 1):
        assert _code(link.sealed_token(link.INVITE, count, salt, iv, data)) == "damaged", count
    for count in (link.MIN_ITERATIONS, link.MAX_ITERATIONS):
        assert link.parse(link.sealed_token(link.INVITE, count, salt, iv, data),
                          link.INVITE).iterations == count


def test_sealed_envelopes_too_short_to_hold_a_tag_are_damaged():
    token = link.sealed_token(link.INVITE, link.KDF_ITERATIONS, b"s" * 16, b"i" * 12, b"c" * 16)
    assert _code(token) == "damaged"


def _mutations(token, count):
    """Deterministic damage: flips, cuts and insertions at spread-out places."""
    seed = 12345
    found = []
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=#%<>é "
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) % 2147483648
        position = seed % (len(token) + 1)
        char = alphabet[(seed // 7) % len(alphabet)]
        kind = (seed // 3) % 3
        if kind == 0:
            mutated = token[:position] + char + token[position + 1:]
        elif kind == 1:
            mutated = token[:position]
        else:
            mutated = token[:position] + char + token[position:]
        found.append(mutated)
    return found


def _known_content(cat, content):
    """A decoded invitation names only known things, once each, with a clean note."""
    assert cat.ask(content["ask"]) is not None
    assert len(set(content["reasons"])) == len(content["reasons"])
    for reason in content["reasons"]:
        assert cat.reason(reason) is not None
    assert link.clean_note(content["note"]) == content["note"]
    assert len(content["note"]) <= cat.note_limit


def _open_mutations(cat, token, count):
    """Open ``count`` damaged copies of ``token``: ``{outcome: number}``.

    An unchanged copy must open with the original content; a changed copy
    may open only if what it says is valid and, for version 2, only if it is
    the one spelling of that content. Any other exception fails the test.
    """
    original = link.decode(cat, *_envelope_and_body(token))
    outcomes = {"same": 0, "changed": 0}
    for mutated in _mutations(token, count):
        try:
            envelope, body = _envelope_and_body(mutated)
            if envelope.sealed:
                outcomes["sealed"] = outcomes.get("sealed", 0) + 1
                continue
            content = link.decode(cat, envelope, body)
        except link.LinkError as error:
            outcomes[error.code] = outcomes.get(error.code, 0) + 1
            continue
        if mutated == token:
            assert content == original, content
            outcomes["same"] += 1
            continue
        _known_content(cat, content)
        if envelope.version == 2:
            again = link.encode_invite_v2(cat, content["ask"], content["reasons"],
                                          content["note"], content["sender"])
            assert link.plain_token(link.INVITE, again, 2) == mutated, mutated
        outcomes["changed"] += 1
    return outcomes


def _envelope_and_body(token):
    envelope = link.parse(token, link.INVITE)
    return envelope, envelope.body


def test_damaged_links_are_refused_or_read_safely():
    cat = catalogue()
    for version in (1, 2):
        if version == 1:
            body = link.encode_invite(cat, "consultation", ["blame", "privacy"],
                                      "a kind note 😀")
        else:
            body = link.encode_invite_v2(cat, "consultation", ["blame", "privacy"],
                                         "a kind note 😀", "Sam")
        outcomes = _open_mutations(cat, link.plain_token(link.INVITE, body, version), 1500)
        assert outcomes["damaged"] > 500, outcomes
        assert outcomes["same"] > 0, outcomes  # unchanged copies really open
        known = ("same", "changed", "sealed", "damaged", "empty", "version", "wrong_page")
        for outcome in outcomes:
            assert outcome in known, outcomes
