"""Resume links (doorway.guide.resume): every field round-trips; anything else is refused.

Each kept plan has exactly one spelling: what decodes is encoded again here and
must give back the very same bytes.
"""

from support import catalogue, raises

from doorway.guide import link, resume
from doorway.guide import script as scripts

LINE = "I miss us, <b>really</b> 😀"


def _full_state(cat):
    state = resume.blank_state()
    answers = state["answers"]
    answers["stance"] = "said_no"
    answers["reasons"] = ["blame", "cost", "time"]
    answers["conflict"] = cat.wizard["context"]["conflict"][0]["id"]
    answers["hopes"] = [h["id"] for h in cat.wizard["context"]["hopes"]][:2]
    answers["limits"] = [x["id"] for x in cat.wizard["context"]["limits"]]
    answers["topics"] = [t["id"] for t in cat.wizard["context"]["topics"]][1:3]
    answers["situations"] = ["affair", "leaving"]
    answers["name"] = "Sam Lee"
    state["tone"] = "direct"
    state["weights"] = {"cost": "lot", "privacy": "little", "comfort": "some"}
    state["lines"] = [{"id": "opening", "text": LINE}, {"id": "ask", "text": ""}]
    return state


def _same(cat, state, padded=False):
    body = resume.encode(cat, state)
    if padded:
        body = link.pad(body, link.RESUME_PAD_SIZES)
    got = resume.decode(cat, body, padded)
    again = resume.encode(cat, got)
    assert (link.pad(again, link.RESUME_PAD_SIZES) if padded else again) == body
    return got


def _expected(state):
    want = resume.blank_state()
    for key in state["answers"]:
        if key != "safety":
            want["answers"][key] = state["answers"][key]
    for key in ("tone", "weights", "lines"):
        want[key] = state[key]
    return want


def test_every_field_round_trips_plain_and_padded():
    cat = catalogue()
    state = _full_state(cat)
    state["answers"]["safety"] = {"afraid": "no"}  # never kept: asked again on opening
    for padded in (False, True):
        got = _same(cat, state, padded)
        assert got == _expected(state)
        assert got["answers"]["safety"] == {}


def test_each_choice_round_trips_alone():
    cat = catalogue()
    for stance in cat.stances:
        for reason in cat.reasons:
            state = resume.blank_state()
            state["answers"]["stance"] = stance["id"]
            state["answers"]["reasons"] = [reason["id"]]
            assert _same(cat, state) == _expected(state)
    for tone in scripts.TONES:
        for value in cat.decision["values"]["items"]:
            for level in cat.decision["values"]["levels"]:
                state = resume.blank_state()
                state["answers"]["stance"] = "not_asked"
                state["tone"] = tone
                state["weights"] = {value["id"]: level["id"]}
                assert _same(cat, state, True) == _expected(state)
    for situation in cat.decision["situations"]["items"]:
        state = resume.blank_state()
        state["answers"]["stance"] = "hesitated"
        state["answers"]["situations"] = [situation["id"]]
        assert _same(cat, state)["answers"]["situations"] == [situation["id"]]


def test_the_encoder_refuses_what_the_format_cannot_carry():
    cat = catalogue()
    for change in (
        lambda s: s["answers"].update(stance="bogus"),
        lambda s: s["answers"].update(reasons=["time", "blame"]),  # not catalogue order
        lambda s: s["answers"].update(reasons=["blame", "blame"]),
        lambda s: s["answers"].update(situations=["bogus"]),
        lambda s: s["answers"].update(topics=["bogus"]),
        lambda s: s["answers"].update(conflict="bogus"),
        lambda s: s["answers"].update(name="x" * 41),
        lambda s: s.update(tone="shouty"),
        lambda s: s.update(weights={"bogus": "lot"}),
        lambda s: s.update(weights={"cost": "huge"}),
        lambda s: s.update(lines=[{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]),
        lambda s: s.update(lines=[{"id": "a", "text": "x" * 601}]),
        lambda s: s.update(lines=[{"id": "Bad Id", "text": "x"}]),
        lambda s: s.update(lines=[{"id": "l%d" % i, "text": "x"} for i in range(65)]),
        lambda s: s.update(lines=[{"id": "l%d" % i, "text": "é" * 600} for i in range(4)]),
    ):
        state = _full_state(cat)
        change(state)
        assert raises(ValueError, resume.encode, cat, state)


def test_the_longest_plan_a_link_keeps_fits_under_the_cap():
    """The largest padding, sealed and in base64, stays within the caps table."""
    size = link.RESUME_PAD_SIZES[-1] + link.TAG_BYTES + link._HEADER_BYTES
    token_length = len("k1p.") + (size * 4 + 2) // 3
    assert token_length <= link.TOKEN_CAPS[link.RESUME]
    assert link.TOKEN_CAPS[link.RESUME] - token_length < 400


def _damaged(cat, body, padded=False):
    return raises(link.LinkError, resume.decode, cat, body, padded).code == "damaged"


def test_every_cut_and_every_flipped_byte_is_refused_or_reads_as_another_valid_plan():
    cat = catalogue()
    body = resume.encode(cat, _full_state(cat))
    for end in range(len(body)):
        assert _damaged(cat, body[:end]), end
    assert _damaged(cat, body + b"\x00")
    for at in range(len(body)):
        for flip in (0x01, 0x80, 0xff):
            changed = body[:at] + bytes([body[at] ^ flip]) + body[at + 1:]
            try:
                got = resume.decode(cat, changed, False)
            except link.LinkError as error:
                assert error.code == "damaged"
                continue
            # A flip that still reads is a plan the encoder writes the same way.
            assert resume.encode(cat, got) == changed, at


def test_padding_must_be_canonical():
    cat = catalogue()
    body = resume.encode(cat, _full_state(cat))
    padded = link.pad(body, link.RESUME_PAD_SIZES)
    assert resume.decode(cat, padded, True)["tone"] == "direct"
    assert _damaged(cat, padded[:-1] + b"\x01", True)
    assert _damaged(cat, padded + bytes(10), True)
    assert _damaged(cat, body, True)  # unpadded where padding is due


def test_resume_envelopes_are_always_sealed_and_versioned():
    assert raises(link.LinkError, link.parse, "k1.AAAA", link.RESUME).code == "damaged"
    assert raises(link.LinkError, link.parse, "k2p.AAAA", link.RESUME).code == "version"
    assert raises(link.LinkError, link.parse, "i2p.AAAA", link.RESUME).code == "wrong_page"
    long = "k1p." + "A" * link.TOKEN_CAPS[link.RESUME]
    assert raises(link.LinkError, link.parse, long, link.RESUME).code == "too_long"
    salt, iv = bytes(link.SALT_BYTES), bytes(link.IV_BYTES)
    for size in link.RESUME_PAD_SIZES:
        token = link.sealed_token(link.RESUME, link.KDF_ITERATIONS, salt, iv,
                                  bytes(size + link.TAG_BYTES), resume.VERSION)
        assert token.startswith("k1p.")
        envelope = link.parse(token, link.RESUME)
        assert envelope.sealed and envelope.kind == link.RESUME
        assert envelope.version == resume.VERSION
        assert len(token) <= link.TOKEN_CAPS[link.RESUME]
    odd = link.sealed_token(link.RESUME, link.KDF_ITERATIONS, salt, iv,
                            bytes(700 + link.TAG_BYTES), resume.VERSION)
    assert raises(link.LinkError, link.parse, odd, link.RESUME).code == "damaged"


def test_restore_puts_the_persons_own_lines_back_in_the_kept_tone():
    cat = catalogue()
    state = resume.blank_state()
    state["answers"]["stance"] = "hesitated"
    state["answers"]["reasons"] = ["blame"]
    state["tone"] = "brief"
    fresh = scripts.compose(cat, state["answers"], "consultation", "brief")
    own_id = fresh[0]["id"]
    state["lines"] = [{"id": own_id, "text": LINE}, {"id": "gone-from-content", "text": "x"}]
    lines, edited = resume.restore(cat, state, "consultation")
    assert edited == [own_id]
    assert lines[0]["text"] == LINE
    assert [line["id"] for line in lines] == [line["id"] for line in fresh]
    assert [line["text"] for line in lines[1:]] == [line["text"] for line in fresh[1:]]
