"""The forms around partner links (doorway.guide.link_forms): share, reply, paste."""

from support import IS_MICROPYTHON, catalogue, raises

from doorway.guide import link, link_forms, passphrase


def _share(**values):
    base = {"note": "", "sender": "", "protection": link_forms.WORDS, "standard": "",
            "words": ["maple", "orbit", "tundra", "velvet"]}
    for key in values:
        base[key] = values[key]
    return link_forms.check_share(catalogue(), base)


def test_sealing_is_the_default_where_the_page_can_seal_and_plain_is_all_without():
    assert link_forms.protections(True) == [link_forms.WORDS, link_forms.OWN, link_forms.PLAIN]
    assert link_forms.protections(False) == [link_forms.PLAIN]


def test_the_share_form_accepts_every_way_of_sealing_that_is_complete():
    assert _share() == []
    assert _share(protection=link_forms.PLAIN, words=[]) == []
    assert _share(protection=link_forms.OWN, standard="x" * passphrase.MIN_TYPED) == []
    assert _share(sender="A" * 40, note="x" * catalogue().note_limit) == []


def test_a_typed_passphrase_counts_in_its_standard_form():
    share = catalogue().partner["share"]
    short = "x" * (passphrase.MIN_TYPED - 1)
    errors = _share(protection=link_forms.OWN, standard=short)
    assert errors == [{"field": link_forms.PASSPHRASE_FIELD, "message": share["passphrase_error"]}]
    errors = _share(protection=link_forms.OWN, standard="")
    assert errors == [{"field": link_forms.PASSPHRASE_FIELD, "message": share["passphrase_empty"]}]


def test_words_that_never_loaded_point_to_typing_a_passphrase():
    errors = _share(words=[])
    assert [e["field"] for e in errors] == [link_forms.protect_field(link_forms.OWN)]
    assert errors[0]["message"] == catalogue().partner["share"]["words_failed"]


def test_a_name_and_a_note_too_long_are_both_explained():
    cat = catalogue()
    errors = _share(sender=" Sam " + "a" * 40, note="y" * (cat.note_limit + 2))
    assert [e["field"] for e in errors] == [link_forms.SENDER_FIELD, link_forms.NOTE_FIELD]
    assert errors[0]["message"] == cat.partner["share"]["sender_error"]
    assert errors[1]["message"] == link_forms.note_counter(cat, "y" * (cat.note_limit + 2))[0]
    # Spaces around a name are trimmed first, as the link will carry it.
    assert _share(sender="   " + "a" * 40 + "   ") == []


def _reply(**values):
    return link_forms.check_reply(catalogue(), values)


def test_each_choice_makes_a_reply_in_the_shape_the_decoder_gives():
    for choice in catalogue().reply_choices:
        reply, errors = _reply(choice=choice["id"], note="")
        assert errors == []
        assert reply == {"version": link.V2, "choice": choice["id"], "conditions": [],
                         "period": None, "note": ""}


def test_conditions_and_a_period_count_only_under_the_choice_that_takes_them():
    reply, _ = _reply(choice="yes_if", conditions=["online", "choose_together", "nonsense"],
                      period="month")
    assert reply["conditions"] == ["choose_together", "online"]  # catalogue order
    assert reply["period"] is None
    reply, _ = _reply(choice="not_yet", conditions=["online"], period="month")
    assert (reply["conditions"], reply["period"]) == ([], "month")
    reply, _ = _reply(choice="no", conditions=["online"], period="month")
    assert (reply["conditions"], reply["period"]) == ([], None)
    reply, _ = _reply(choice="not_yet", period="someday")
    assert reply["period"] is None


def test_every_reply_the_form_makes_is_one_the_link_carries_exactly():
    cat = catalogue()
    for values in ({"choice": "yes_if", "conditions": ["call_first", "online"]},
                   {"choice": "not_yet", "period": "three_months", "note": "In spring."},
                   {"choice": None, "note": "Only a note."}, {"choice": "no"}):
        reply, errors = link_forms.check_reply(cat, values)
        assert errors == []
        body = link.encode_reply_v2(cat, reply["choice"], reply["conditions"], reply["period"],
                                    reply["note"])
        token = link.plain_token(link.REPLY, body, link.V2)
        envelope = link.parse(token, link.REPLY)
        assert link.decode(cat, envelope, envelope.body) == reply


def test_a_note_alone_is_a_reply_and_nothing_at_all_is_not():
    cat = catalogue()
    reply, errors = _reply(note="Let me think.")
    assert errors == [] and reply["choice"] is None
    reply, errors = _reply(note="x" * (cat.note_limit + 1))
    assert [e["field"] for e in errors] == [link_forms.NOTE_REPLY_FIELD]
    _, errors = _reply()
    first = link_forms.choice_field(cat.reply_choices[0]["id"])
    assert errors == [{"field": first, "message": cat.partner["reply"]["choice_error"]}]


def test_a_pasted_address_or_token_gives_the_token():
    token = "i2.AAIBAQ"
    for pasted in (token, "#" + token, "https://example.org/invite/#" + token,
                   "  https://example.org/some/path/invite/#i2.AAI\nBAQ \n", "i2. AAIBAQ"):
        assert link_forms.pasted_token(pasted, link.INVITE) == token, pasted
    # Only the first # counts: what follows it is the token, as in the address bar.
    assert link_forms.pasted_token("x#i2.A#B", link.INVITE) == "i2.A#B"


def test_a_paste_that_is_empty_or_longer_than_the_field_takes_is_refused():
    for empty in ("", "   ", "https://example.org/invite/#", "\n#\n"):
        assert raises(link.LinkError, link_forms.pasted_token, empty, link.INVITE).code == "empty"
    cap = link_forms.paste_cap(link.INVITE)
    assert cap == link.TOKEN_CAPS[link.INVITE] + link_forms.URL_ROOM
    assert raises(link.LinkError, link_forms.pasted_token, "i" * (cap + 1),
                  link.INVITE).code == "too_long"
    # A whole address with the longest token a link may have still fits.
    address = "https://example.org/" + "folder/" * 60 + "invite/#"
    assert len(address) < link_forms.URL_ROOM
    token = "i2p." + "A" * (link.TOKEN_CAPS[link.INVITE] - 4)
    assert link_forms.pasted_token(address + token, link.INVITE) == token


def test_field_ids_are_the_ones_the_views_draw():
    assert link_forms.choice_field("no") == "reply-no"
    assert link_forms.condition_field("online") == "reply-if-online"
    assert link_forms.period_field("month") == "reply-in-month"
    assert link_forms.protect_field(link_forms.OWN) == "share-protect-own"


def test_the_word_list_size_is_the_vendored_lists():
    from support import word_list_text
    assert len(passphrase.words_from_text(word_list_text(), link_forms.WORD_LIST_SIZE)) \
        == link_forms.WORD_LIST_SIZE
    if not IS_MICROPYTHON:
        from doorway.builder import wordlist
        assert wordlist.SIZE == link_forms.WORD_LIST_SIZE


def test_note_counter_counts_down_then_over_in_the_right_number():
    cat = catalogue()
    limit = cat.note_limit
    share = cat.partner["share"]

    def said(key, count):
        return share[key].replace("{count}", str(count))

    assert link_forms.note_counter(cat, "") == (said("counter", limit), False)
    assert link_forms.note_counter(cat, "x" * (limit - 1)) == (share["counter_one"], False)
    assert link_forms.note_counter(cat, "x" * limit) == (said("counter", 0), False)
    assert link_forms.note_counter(cat, "x" * (limit + 1)) == (share["counter_over_one"], True)
    assert link_forms.note_counter(cat, "😀" * (limit + 3)) == (said("counter_over", 3), True)
