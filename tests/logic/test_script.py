"""The conversation script (doorway.guide.script)."""

from support import answers, catalogue

from doorway.guide import plan as planner
from doorway.guide import script

ORDER = ["opening", "permission", "invite_view", "summarise", "validate", "concern",
         "for_both", "ask", "close"]
#: Words that turn an invitation into pressure; no line may contain them.
PRESSURE = ["or else", "if you don't", "if you won't", "you always", "you never", "or we're done",
            "last chance", "you have to", "you must", "ultimatum"]


def _compose(tone="gentle", **values):
    cat = catalogue()
    chosen = answers(**values)
    ask, _ = planner.choose_ask(cat, chosen["stance"], chosen["reasons"])
    return script.compose(cat, chosen, ask, tone)


def _parts(lines):
    parts = []
    for line in lines:
        if line["part"] not in parts:
            parts.append(line["part"])
    return parts


def test_fill_name_puts_it_in_or_takes_it_out_cleanly():
    assert script.fill_name("{name}, can we talk?", "Sam") == "Sam, can we talk?"
    assert script.fill_name("{name}, can we talk?", "") == "Can we talk?"
    assert script.fill_name("Hey {name}, can we talk?", "") == "Hey, can we talk?"
    assert script.fill_name("Thank you, {name}.", "") == "Thank you."
    assert script.fill_name("Thank you, {name}.", "Ari") == "Thank you, Ari."


def test_join_phrases():
    assert script.join_phrases([], "and") == ""
    assert script.join_phrases(["a"], "and") == "a"
    assert script.join_phrases(["a", "b"], "and") == "a and b"
    assert script.join_phrases(["a", "b", "c"], "and") == "a, b and c"


def test_every_part_in_order_for_every_stance_and_tone():
    cat = catalogue()
    for stance in cat.stances:
        for tone in script.TONES:
            lines = _compose(tone, stance=stance["id"], reasons=["blame", "cost"])
            assert _parts(lines) == ORDER, (stance["id"], tone, _parts(lines))
            for line in lines:
                assert line["text"] and "{" not in line["text"], line
                assert line["label"]


def test_one_answer_per_worry_and_brief_keeps_only_the_first_line():
    cat = catalogue()
    reasons = ["blame", "privacy", "time"]
    gentle = [x for x in _compose("gentle", reasons=reasons) if x["part"] == "concern"]
    brief = [x for x in _compose("brief", reasons=reasons) if x["part"] == "concern"]
    assert [x["text"] for x in brief] == [cat.reason(r)["script"][0] for r in reasons]
    assert len(gentle) == sum(len(cat.reason(r)["script"]) for r in reasons)
    assert [x["hint"] for x in brief] == [cat.reason(r)["label"] for r in reasons]


def test_summary_names_each_worry():
    cat = catalogue()
    lines = _compose(reasons=["blame", "cost"])
    summary = [x for x in lines if x["part"] == "summarise"][0]["text"]
    for reason in ("blame", "cost"):
        assert cat.reason(reason)["summary"] in summary


def test_the_partners_name_is_used_when_given():
    with_name = _compose(name="Robin")
    without = _compose(name="")
    assert with_name[0]["text"].startswith("Robin, ")
    assert "Robin" not in " ".join(x["text"] for x in without)
    assert without[0]["text"][0].isupper()


def test_hopes_appear_in_the_for_both_line():
    cat = catalogue()
    lines = _compose(hopes=["communication", "trust"])
    line = [x for x in lines if x["part"] == "for_both"][0]["text"]
    assert cat.hope("communication")["phrase"] in line and cat.hope("trust")["phrase"] in line


def test_the_ask_line_matches_the_plans_first_step():
    cat = catalogue()
    for stance in cat.stances:
        for tone in script.TONES:
            chosen = answers(stance=stance["id"], reasons=["doubts"])
            ask, _ = planner.choose_ask(cat, stance["id"], ["doubts"])
            lines = script.compose(cat, chosen, ask, tone)
            assert [x for x in lines if x["part"] == "ask"][0]["text"] == cat.ask(ask)["line"][tone]


def test_no_line_ever_pressures():
    cat = catalogue()
    ids = [r["id"] for r in cat.reasons]
    for tone in script.TONES:
        for stance in cat.stances:
            for text in [x["text"].lower() for x in _compose(tone, stance=stance["id"],
                                                             reasons=ids)]:
                for phrase in PRESSURE:
                    assert phrase not in text, (phrase, text)


def test_line_ids_are_unique_and_stable_across_tones():
    gentle = _compose("gentle", reasons=["blame", "cost"])
    direct = _compose("direct", reasons=["blame", "cost"])
    ids = [x["id"] for x in gentle]
    assert len(ids) == len(set(ids))
    assert ids == [x["id"] for x in direct]


def test_retone_keeps_edited_lines_and_their_place():
    old = _compose("gentle", reasons=["blame", "cost"])
    old[1]["text"] = "My own words."
    second = [x for x in old if x["id"] == "concern-blame-1"][0]
    second["text"] = "My own second line."
    new = _compose("brief", reasons=["blame", "cost"])
    mixed = script.retone(old, new, {old[1]["id"], "concern-blame-1"})
    assert mixed[1]["text"] == "My own words."
    ids = [x["id"] for x in mixed]
    assert ids.index("concern-blame-1") == ids.index("concern-blame-0") + 1
    assert [x for x in mixed if x["id"] == "concern-blame-1"][0]["text"] == "My own second line."
    untouched = [x for x in mixed if x["id"] == "close"][0]["text"]
    assert untouched == catalogue().script["close"]["brief"]


def test_unknown_tone_falls_back_to_gentle():
    assert _compose("shouty") == _compose("gentle")
