"""What a reply says to the sender (doorway.guide.partner_reply), for both versions."""

from support import catalogue

from doorway.guide import link, partner_reply


def _said(token):
    cat = catalogue()
    envelope = link.parse(token, link.REPLY)
    return [entry["label"] for entry in
            partner_reply.said(cat, link.decode(cat, envelope, envelope.body))]


def test_a_version_one_reply_lists_its_options_even_contradictory_ones():
    cat = catalogue()
    body = link.encode_reply(cat, ["yes", "no"], "")
    assert _said(link.plain_token(link.REPLY, body)) == [cat.reply_option("yes")["label"],
                                                         cat.reply_option("no")["label"]]


def test_a_version_two_reply_lists_its_choice_then_what_came_with_it():
    cat = catalogue()
    label = {}
    for entry in cat.reply_choices + cat.reply_conditions + cat.reply_periods:
        label[entry["id"]] = entry["label"]
    for choice, conditions, period, note, want in (
            ("yes_if", ["choose_together", "online"], None, "", ["yes_if", "choose_together",
                                                                  "online"]),
            ("not_yet", [], "three_months", "", ["not_yet", "three_months"]),
            ("not_yet", [], None, "", ["not_yet"]),
            ("no", [], None, "Sorry.", ["no"]),
            (None, [], None, "Only a note.", [])):
        body = link.encode_reply_v2(cat, choice, conditions, period, note)
        assert _said(link.plain_token(link.REPLY, body, link.V2)) == [label[i] for i in want]
    for entry in cat.reply_choices + cat.reply_conditions:
        assert entry["for_sender"], entry["id"]
