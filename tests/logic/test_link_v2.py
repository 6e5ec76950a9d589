"""Version-2 link bodies (doorway.guide.link): every field, every rejection, padding.

Each content has exactly one spelling: what decodes is re-encoded here and
must give back the very same bytes.
"""

from support import catalogue, combinations, raises

from doorway.guide import link

NOTE = "Shall we try? 😀 <b>not markup</b>"


def _reasons(cat):
    """Every reason id but the exclusive one, in catalogue order."""
    return [r["id"] for r in cat.reasons if r["id"] != cat.exclusive_reason()]


def _invite(body, padded=False):
    return link.decode_invite_v2(catalogue(), body, padded)


def _reply(body, padded=False):
    return link.decode_reply_v2(catalogue(), body, padded)


def _damaged(decode, body, padded=False):
    return raises(link.LinkError, decode, catalogue(), body, padded).code == "damaged"


def _same_invite_bytes(cat, body, padded=False):
    """Decode, encode again, and compare bytes: one spelling per content."""
    got = link.decode_invite_v2(cat, body, padded)
    again = link.encode_invite_v2(cat, got["ask"], got["reasons"], got["note"], got["sender"])
    assert (link.pad(again) if padded else again) == body, (body, again)
    return got


def _same_reply_bytes(cat, body, padded=False):
    got = link.decode_reply_v2(cat, body, padded)
    again = link.encode_reply_v2(cat, got["choice"], got["conditions"], got["period"],
                                 got["note"])
    assert (link.pad(again) if padded else again) == body, (body, again)
    return got


# Invitations ----------------------------------------------------------------

def test_every_first_step_and_reason_round_trips_plain_and_padded():
    cat = catalogue()
    for ask in cat.asks:
        for reason in cat.reasons:
            for sender, note in (("", ""), ("Sam", ""), ("", NOTE), ("Alex Kim", NOTE)):
                body = link.encode_invite_v2(cat, ask["id"], [reason["id"]], note, sender)
                want = {"ask": ask["id"], "reasons": [reason["id"]], "sender": sender,
                        "note": link.clean_note(note)}
                assert _same_invite_bytes(cat, body) == want
                assert _same_invite_bytes(cat, link.pad(body), True) == want


def test_reasons_travel_in_catalogue_order_and_any_number():
    cat = catalogue()
    every = _reasons(cat)
    for chosen in [[], every, every[:1], every[-1:]] + combinations(every[:6], 3):
        body = link.encode_invite_v2(cat, "trial", chosen, "")
        assert _same_invite_bytes(cat, body)["reasons"] == chosen
    assert body[:3] == bytes([0, cat.ask("trial")["code"], 3])


def test_encoding_refuses_reasons_out_of_order_repeated_or_unknown():
    cat = catalogue()
    every = _reasons(cat)
    raises(ValueError, link.encode_invite_v2, cat, "trial", [every[1], every[0]])
    raises(ValueError, link.encode_invite_v2, cat, "trial", [every[0], every[0]])
    raises(ValueError, link.encode_invite_v2, cat, "trial", ["nope"])
    raises(ValueError, link.encode_invite_v2, cat, "nope", [])


def test_i_dont_know_stands_alone():
    cat = catalogue()
    alone = cat.exclusive_reason()
    assert alone == "dont_know"
    body = link.encode_invite_v2(cat, "trial", [alone], "")
    assert _same_invite_bytes(cat, body)["reasons"] == [alone]
    for other in _reasons(cat):
        pair = [other, alone]  # the exclusive reason is last in catalogue order
        assert cat.reasons[-1]["id"] == alone
        raises(ValueError, link.encode_invite_v2, cat, "trial", pair)
        codes = [cat.reason(other)["code"], cat.reason(alone)["code"]]
        assert _damaged(link.decode_invite_v2, bytes([0, cat.ask("trial")["code"], 2] + codes))


def test_the_sender_name_is_cleaned_like_a_partner_name_and_capped():
    cat = catalogue()
    for typed, sent in (("  Sam  ", "Sam"), ("Sam\n\tLee", "SamLee"), ("Sam   Lee", "Sam Lee"),
                        ("Sam\x00\x7f", "Sam"), ("Sam\xa0Lee", "Sam Lee"),
                        ("<b>Jo</b>", "<b>Jo</b>"), ("\u202eoJ", "\u202eoJ"),
                        ("😀" * link.SENDER_LIMIT, "😀" * link.SENDER_LIMIT), ("   ", "")):
        body = link.encode_invite_v2(cat, "trial", [], "", typed)
        assert _same_invite_bytes(cat, body)["sender"] == sent, typed
        assert bool(body[0] & link.SENDER) == bool(sent)
    assert link.SENDER_LIMIT == 40
    raises(ValueError, link.encode_invite_v2, cat, "trial", [], "", "x" * 41)


def test_the_note_is_cleaned_and_capped():
    cat = catalogue()
    for note in ("hi", " hi\r\n", "字" * cat.note_limit, "😀" * cat.note_limit):
        body = link.encode_invite_v2(cat, "trial", [], note)
        assert _same_invite_bytes(cat, body)["note"] == link.clean_note(note)
    raises(ValueError, link.encode_invite_v2, cat, "trial", [], "x" * (cat.note_limit + 1))


def _body(flags, reasons=(), sender=b"", note=b"", ask="trial", sender_size=None,
          note_size=None):
    """An invitation body written field by field, so it can break any rule."""
    cat = catalogue()
    out = bytes([flags, cat.ask(ask)["code"], len(reasons)] + list(reasons))
    if flags & link.SENDER:
        out += (len(sender) if sender_size is None else sender_size).to_bytes(1, "big") + sender
    if flags & link.NOTE:
        out += (len(note) if note_size is None else note_size).to_bytes(2, "big") + note
    return out


def test_hand_written_bodies_match_the_encoder():
    cat = catalogue()
    blame = cat.reason("blame")["code"]
    assert _body(3, [blame], b"Sam", b"hi") == link.encode_invite_v2(cat, "trial", ["blame"],
                                                                      "hi", "Sam")
    assert _body(0) == link.encode_invite_v2(cat, "trial", [])


def test_every_flag_bit_and_length_is_checked():
    cat = catalogue()
    decode = link.decode_invite_v2
    for bit in range(2, 8):
        assert _damaged(decode, bytes([1 << bit]) + _body(0)[1:]), bit
    assert _damaged(decode, _body(link.SENDER))                     # a name of length 0
    assert _damaged(decode, _body(link.NOTE))                       # a note of length 0
    assert _damaged(decode, _body(link.SENDER)[:-1])                # no length at all
    assert _damaged(decode, _body(link.NOTE)[:-1])                  # half a length
    assert _damaged(decode, _body(0) + b"\x03Sam")                  # a name, but no flag
    assert _damaged(decode, _body(link.SENDER, sender=b"Sam", sender_size=4))  # past the end
    assert _damaged(decode, _body(link.NOTE, note=b"hi", note_size=1))  # bytes left over
    assert _damaged(decode, _body(link.NOTE, note=b"x" * 1121))     # over 4 bytes a character
    assert _damaged(decode, _body(link.NOTE, note=b"x" * (cat.note_limit + 1)))
    assert _damaged(decode, _body(link.SENDER, sender=b"x" * 41))
    assert _damaged(decode, _body(link.SENDER, sender=b"  Sam"))    # not a clean name
    assert _damaged(decode, _body(link.SENDER, sender=b"Sam\nLee"))
    assert _damaged(decode, _body(link.NOTE, note=b" padded "))     # not a clean note
    assert _damaged(decode, _body(link.NOTE, note=b"\xc0\xbc"))     # overlong UTF-8
    assert _damaged(decode, _body(link.SENDER, sender=b"\xed\xa0\x80"))  # a surrogate
    assert _damaged(decode, _body(0) + b"\x00")                     # anything after the end
    assert _damaged(decode, b"")
    assert _damaged(decode, b"\x00")
    assert _damaged(decode, bytes([0, 250, 0]))                     # unknown first step
    assert _damaged(decode, bytes([0, 0, 0]))
    assert _damaged(decode, _body(0)[:2])                           # no reason count
    assert _damaged(decode, _body(0)[:2] + bytes([2, 1]))           # count past the end
    assert _damaged(decode, _body(0)[:2] + bytes([len(cat.reasons) + 1])
                    + bytes(range(1, len(cat.reasons) + 2)))        # more than exist
    assert _damaged(decode, _body(0, [250]))                        # unknown reason
    assert _damaged(decode, _body(0, [0]))
    every = [r["code"] for r in cat.reasons]
    assert _damaged(decode, _body(0, [every[1], every[0]]))        # out of order
    assert _damaged(decode, _body(0, [every[0], every[0]]))        # repeated


def test_version_two_has_no_compression():
    cat = catalogue()
    repetitive = link.encode_invite_v2(cat, "trial", [], "la " * 90)
    assert repetitive.endswith(("la " * 90).strip().encode())


# Replies --------------------------------------------------------------------

def test_reply_content_ids_and_codes():
    cat = catalogue()
    assert [(c["id"], c["code"], c.get("takes")) for c in cat.reply_choices] == [
        ("yes", 1, None), ("yes_if", 2, "conditions"), ("not_yet", 3, "period"), ("no", 4, None)]
    assert [(c["id"], c["code"]) for c in cat.reply_conditions] == [
        ("choose_together", 1), ("call_first", 2), ("online", 3), ("one_session", 4),
        ("talk_first", 5)]
    assert [(p["id"], p["code"]) for p in cat.reply_periods] == [
        ("few_weeks", 1), ("month", 2), ("three_months", 3), ("six_months", 4)]


def test_every_reply_round_trips_plain_and_padded():
    cat = catalogue()
    conditions = [c["id"] for c in cat.reply_conditions]
    replies = [("yes", [], None), ("no", [], None), ("not_yet", [], None)]
    replies.extend(("not_yet", [], p["id"]) for p in cat.reply_periods)
    for size in range(len(conditions) + 1):
        replies.extend(("yes_if", chosen, None) for chosen in combinations(conditions, size))
    assert len(replies) == 3 + len(cat.reply_periods) + 2 ** len(conditions)
    for choice, chosen, period in replies:
        for note in ("", NOTE):
            body = link.encode_reply_v2(cat, choice, chosen, period, note)
            want = {"choice": choice, "conditions": chosen, "period": period,
                    "note": link.clean_note(note)}
            assert _same_reply_bytes(cat, body) == want
            assert _same_reply_bytes(cat, link.pad(body), True) == want


def test_a_note_alone_is_a_reply_and_an_empty_reply_is_not():
    cat = catalogue()
    body = link.encode_reply_v2(cat, None, (), None, "Let me think. 😀")
    assert body[:2] == bytes([link.NOTE, 0])
    assert _same_reply_bytes(cat, body) == {"choice": None, "conditions": [], "period": None,
                                            "note": "Let me think. 😀"}
    for note in ("", "  \r\n "):
        raises(ValueError, link.encode_reply_v2, cat, None, (), None, note)
    assert _damaged(link.decode_reply_v2, bytes([0, 0]))


def test_conditions_and_periods_only_where_the_choice_takes_them():
    cat = catalogue()
    encode = link.encode_reply_v2
    for choice in ("yes", "not_yet", "no"):
        raises(ValueError, encode, cat, choice, ["online"])
    for choice in ("yes", "yes_if", "no"):
        raises(ValueError, encode, cat, choice, (), "month")
    raises(ValueError, encode, cat, None, ["online"], None, "note")
    raises(ValueError, encode, cat, None, (), "month", "note")
    raises(ValueError, encode, cat, "maybe")
    raises(ValueError, encode, cat, "yes_if", ["nope"])
    raises(ValueError, encode, cat, "yes_if", ["online", "choose_together"])  # order
    raises(ValueError, encode, cat, "yes_if", ["online", "online"])
    raises(ValueError, encode, cat, "not_yet", (), "never")


def test_reply_bytes_are_checked_one_by_one():
    cat = catalogue()
    decode = link.decode_reply_v2
    yes, yes_if, not_yet = (cat.reply_choice(c)["code"] for c in ("yes", "yes_if", "not_yet"))
    online = cat.reply_condition("online")["code"]
    for bit in (0, 2, 3, 4, 5, 6, 7):
        assert _damaged(decode, bytes([1 << bit, yes])), bit
    assert _damaged(decode, bytes([0, 250]))                        # unknown choice
    assert _damaged(decode, bytes([0, yes, 0]))                     # "yes" takes nothing
    assert _damaged(decode, bytes([0, yes_if]))                     # no condition count
    assert _damaged(decode, bytes([0, yes_if, 1]))                  # count past the end
    assert _damaged(decode, bytes([0, yes_if, 1, 250]))             # unknown condition
    assert _damaged(decode, bytes([0, yes_if, 2, online, online]))  # repeated
    assert _damaged(decode, bytes([0, yes_if, 6, 1, 2, 3, 4, 5, 5]))  # more than exist
    assert _damaged(decode, bytes([0, not_yet]))                    # no period byte
    assert _damaged(decode, bytes([0, not_yet, 250]))               # unknown period
    assert _damaged(decode, bytes([0, not_yet, 0, 0]))              # a byte too many
    assert _damaged(decode, bytes([link.NOTE, 0, 0, 0]))            # a note of length 0
    assert _damaged(decode, bytes([link.NOTE, 0, 0, 2]) + b"h")     # cut short
    assert _damaged(decode, bytes([0]))
    assert _damaged(decode, b"")
    assert decode(cat, bytes([0, not_yet, 0]))["period"] is None
    assert decode(cat, bytes([0, yes_if, 0]))["conditions"] == []


# Padding --------------------------------------------------------------------

def test_padding_goes_to_the_smallest_size_that_holds_the_body():
    sizes = link.PAD_SIZES
    assert list(sizes) == sorted(sizes) and len(sizes) == 3
    for size in range(1, sizes[-1] + 1):
        padded = link.pad(b"\x01" * size)
        assert len(padded) in sizes and padded.startswith(b"\x01" * size)
        assert padded[size:] == bytes(len(padded) - size)
        smaller = [s for s in sizes if s < len(padded)]
        assert not smaller or smaller[-1] < size
    raises(ValueError, link.pad, b"\x01" * (sizes[-1] + 1))


def test_padding_must_be_canonical():
    cat = catalogue()
    body = link.encode_invite_v2(cat, "trial", ["cost"], "hello", "Sam")
    padded = link.pad(body)
    assert len(padded) == link.PAD_SIZES[0]
    assert _invite(padded, True)["note"] == "hello"
    assert _damaged(link.decode_invite_v2, body, True)              # a sealed body unpadded
    assert _damaged(link.decode_invite_v2, padded)                  # a plain body padded
    for at in (len(body), len(padded) - 1):                         # padding that is not zero
        changed = bytearray(padded)
        changed[at] = 1
        assert _damaged(link.decode_invite_v2, bytes(changed), True), at
    for size in link.PAD_SIZES[1:]:                                 # a bigger size than needed
        assert _damaged(link.decode_invite_v2, body + bytes(size - len(body)), True), size
    for size in (len(padded) - 1, len(padded) + 1, 0, 1000, link.PAD_SIZES[-1] + 1):
        wrong = (body + bytes(size))[:size] if size >= len(body) else body[:size]
        assert _damaged(link.decode_invite_v2, wrong, True), size
    reply = link.encode_reply_v2(cat, "no")
    assert _reply(link.pad(reply), True)["choice"] == "no"
    assert _damaged(link.decode_reply_v2, link.pad(reply) + b"\x00", True)


def test_the_largest_bodies_fit_the_largest_padding():
    cat = catalogue()
    every = _reasons(cat)
    longest = "😀" * cat.note_limit
    invite = link.encode_invite_v2(cat, cat.asks[-1]["id"], every, longest,
                                   "😀" * link.SENDER_LIMIT)
    conditions = [c["id"] for c in cat.reply_conditions]
    reply = link.encode_reply_v2(cat, "yes_if", conditions, None, longest)
    # What the format allows, with room for 32 reasons.
    allowed = 3 + (link.MAX_CODES - 1) + 1 + 4 * link.SENDER_LIMIT + 2 + 4 * cat.note_limit
    assert len(invite) <= allowed <= link.PAD_SIZES[-1], (len(invite), allowed)
    assert len(reply) < len(invite)
    assert len(link.pad(invite)) == len(link.pad(reply)) == link.PAD_SIZES[-1]
    # A full note in a Latin script, with every reason and a long name, is medium.
    latin = link.encode_invite_v2(cat, "trial", every, "a" * cat.note_limit, "b" * 40)
    assert len(link.pad(latin)) == link.PAD_SIZES[1]
    short = link.encode_invite_v2(cat, "trial", every[:3], "x" * 80, "Sam")
    assert len(link.pad(short)) == link.PAD_SIZES[0]


def test_sealed_version_two_links_must_hold_a_padded_body():
    salt, iv = b"s" * link.SALT_BYTES, b"v" * link.IV_BYTES
    for kind in (link.INVITE, link.REPLY):
        for size in link.PAD_SIZES:
            data = b"c" * (size + link.TAG_BYTES)
            token = link.sealed_token(kind, link.KDF_ITERATIONS, salt, iv, data, link.V2)
            assert link.parse(token, kind).ciphertext == data
            assert len(token) <= link.TOKEN_CAPS[kind]
            for wrong in (size - 1, size + 1, size + link.TAG_BYTES):
                token = link.sealed_token(kind, link.KDF_ITERATIONS, salt, iv,
                                          b"c" * (wrong + link.TAG_BYTES), link.V2)
                assert raises(link.LinkError, link.parse, token, kind).code == "damaged"
        # Version 1 never had padding, and keeps its own rule.
        token = link.sealed_token(kind, link.KDF_ITERATIONS, salt, iv, b"c" * 17)
        assert link.parse(token, kind).version == 1


def test_decode_reads_each_version_and_says_which():
    cat = catalogue()
    body = link.encode_invite_v2(cat, "trial", ["cost"], "hi", "Sam")
    envelope = link.parse(link.plain_token(link.INVITE, body, link.V2), link.INVITE)
    assert link.decode(cat, envelope, envelope.body) == {
        "ask": "trial", "reasons": ["cost"], "sender": "Sam", "note": "hi", "version": 2}
    sealed = link.parse(link.sealed_token(link.INVITE, link.KDF_ITERATIONS, b"s" * 16,
                                          b"v" * 12, b"c" * (128 + 16), link.V2), link.INVITE)
    assert link.decode(cat, sealed, link.pad(body))["sender"] == "Sam"
    assert raises(link.LinkError, link.decode, cat, sealed, body).code == "damaged"
    reply = link.encode_reply_v2(cat, "not_yet", (), "month")
    envelope = link.parse(link.plain_token(link.REPLY, reply, link.V2), link.REPLY)
    assert link.decode(cat, envelope, envelope.body) == {
        "choice": "not_yet", "conditions": [], "period": "month", "note": "", "version": 2}
    # A version-2 body behind a version-1 prefix is read as version 1, and fails.
    envelope = link.parse(link.plain_token(link.REPLY, reply), link.REPLY)
    assert raises(link.LinkError, link.decode, cat, envelope, envelope.body).code == "damaged"
