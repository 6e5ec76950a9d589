"""The conversation map (doorway.guide.script): rules over every case, and its parts."""

from script_rules import CONFLICTS, cases, check, compose
from support import IS_MICROPYTHON, answers, catalogue

from doorway.guide import script


def _map(tone="gentle", **values):
    cat = catalogue()
    chosen = answers(**values)
    return compose(cat, chosen, tone)[1]


def _texts(turns, part):
    return [t["text"] for t in turns if t["part"] == part and t["say"]]


def test_every_case_keeps_the_rules():
    """Every stance × 1-3 reasons × tone × conflict style of the fixture (a fixed
    sample under MicroPython): lengths, no phrase said twice, the wish stated, a
    branch per worry, a gap in the say-back, a name for every box. The rules about
    how the words read run on the real content (tests/content)."""
    cat = catalogue()
    checked = 0
    for stance, reasons, tone, conflict in cases(cat):
        chosen = answers(stance=stance, reasons=reasons, conflict=conflict)
        ask_id, turns = compose(cat, chosen, tone)
        check(cat, chosen, ask_id, tone, turns, wording=False)
        checked += 1
    n = len(cat.reasons)
    combos = n + n * (n - 1) // 2 + n * (n - 1) * (n - 2) // 6
    assert checked == (500 if IS_MICROPYTHON else
                       combos * len(cat.stances) * len(script.TONES) * len(CONFLICTS))


def test_the_rules_hold_with_every_context_answer():
    """Names, what the arguments are about and hopes change the words, not the rules."""
    cat = catalogue()
    topics = [[], ["money"], ["money", "chores"], ["other"], ["money", "chores", "trust"]]
    hopes = [[], ["communication"], ["trust", "decision"]]
    for i, (stance, reasons, tone, conflict) in enumerate(cases(cat)[::97]):
        chosen = answers(stance=stance, reasons=reasons, conflict=conflict,
                         name=["", "Sam", "Jo-Anne Lee"][i % 3], topics=topics[i % len(topics)],
                         hopes=hopes[i % len(hopes)])
        ask_id, turns = compose(cat, chosen, tone)
        check(cat, chosen, ask_id, tone, turns, wording=False)


def test_the_main_path_follows_the_map_in_order():
    full = [t["part"] for t in script.main_path(_map("gentle", reasons=["blame", "cost"]))]
    assert full == ["opening", "permission", "wish", "their_view", "say_back", "validate",
                    "for_both", "ask", "close"]
    short = [t["part"] for t in script.main_path(_map("brief", reasons=["blame"]))]
    assert short == [p for p in catalogue().script["short_path"] if p != "listen"]
    quiet = [t["part"] for t in script.main_path(_map("direct", conflict="avoidant"))]
    assert quiet == short


def test_listen_is_a_prompt_and_examples_are_examples():
    cat = catalogue()
    turns = _map(reasons=["blame", "privacy"])
    listen = [t for t in turns if t["part"] == "listen"]
    assert len(listen) == 1 and not listen[0]["say"] and listen[0]["branch"] is None
    examples = [t for t in turns if t["part"] == "say_back" and not t["say"]]
    assert [(t["if"], t["text"]) for t in examples] == [
        ("blame", cat.reason("blame")["say_back"]), ("privacy", cat.reason("privacy")["say_back"])]
    assert len({t["label"] for t in examples}) == 2
    parts = [t["part"] for t in turns]
    assert parts.index("listen") < parts.index("say_back")


def test_each_worry_is_a_branch_said_only_if_it_comes_up():
    cat = catalogue()
    turns = _map(reasons=["blame", "cost", "time"])
    for reason_id in ("blame", "cost", "time"):
        branch = [t for t in turns if t["if"] == reason_id and t["branch"] == script.WORRY]
        assert [t["text"] for t in branch] == cat.reason(reason_id)["script"]
    brief = _map("brief", reasons=["blame", "cost", "time"])
    for reason_id in ("blame", "cost", "time"):
        branch = [t for t in brief if t["if"] == reason_id and t["branch"] == script.WORRY]
        assert [t["text"] for t in branch] == cat.reason(reason_id)["script"][:1]
    assert not [t for t in _map(reasons=["dont_know"]) if t["branch"] == script.WORRY]


def test_if_it_goes_badly_says_when_to_stop_and_how_to_pause():
    cat = catalogue()
    repair = [t for t in _map() if t["branch"] == script.REPAIR]
    assert not repair[0]["say"] and repair[0]["text"] == cat.script["repair"]["prompt"]
    assert [t["id"] for t in repair[1:]] == ["repair-" + r["id"]
                                              for r in cat.script["repair"]["lines"]]
    assert all(t["say"] for t in repair[1:])


def test_the_wish_is_said_plainly_for_every_stance():
    cat = catalogue()
    for stance in cat.stances:
        for tone in script.TONES:
            wish = _texts(_map(tone, stance=stance["id"]), "wish")
            assert len(wish) == 1
            assert wish[0] == [w["line"][tone] for w in cat.script["wish"]
                               if w["stance"] == stance["id"]][0]


def test_hopes_follow_the_wish_on_the_longer_path():
    cat = catalogue()
    wish = _texts(_map(hopes=["communication", "trust"]), "wish")
    assert len(wish) == 2
    assert cat.hope("communication")["phrase"] in wish[1] and cat.hope("trust")["phrase"] in wish[1]
    three = _texts(_map(hopes=["communication", "trust", "family"]), "wish")[1]
    assert cat.hope("family")["phrase"] not in three
    assert len(_texts(_map("brief", hopes=["trust"]), "wish")) == 1


def test_what_the_arguments_are_about_shapes_the_opening_and_for_both():
    cat = catalogue()
    plain = _map(reasons=["cost"])
    money = _map(reasons=["cost"], topics=["money", "chores"])
    said = cat.topic("money")["phrase"] + " " + cat.script["and"] + " " + \
        cat.topic("chores")["phrase"]
    assert said in _texts(money, "opening")[0] and said not in _texts(plain, "opening")[0]
    assert [t for t in money if t["id"] == "for_both-topics"]
    assert not [t for t in plain if t["id"] == "for_both-topics"]
    many = _map(topics=["money", "chores", "trust"])
    assert cat.wizard["context"]["topics_many"] in _texts(many, "opening")[0]
    other = _map(topics=["other"])
    assert cat.wizard["context"]["topics_many"] in _texts(other, "opening")[0]


def test_for_both_joins_each_worry_once():
    cat = catalogue()
    line = _texts(_map(reasons=["blame", "cost", "time"]), "for_both")[-1]
    for reason_id in ("blame", "cost", "time"):
        assert line.count(cat.reason(reason_id)["for_both"]) == 1
    plain = _texts(_map(reasons=["dont_know"]), "for_both")[-1]
    assert plain == cat.script["for_both_plain"]["gentle"]


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


def test_the_partners_name_is_used_when_given():
    with_name = _map(name="Robin")
    without = _map(name="")
    assert with_name[0]["text"].startswith("Robin, ")
    assert "Robin" not in " ".join(t["text"] for t in without)
    assert without[0]["text"][0].isupper()


def test_turn_ids_are_stable_across_tones():
    gentle = [t["id"] for t in _map("gentle", reasons=["blame", "cost"])]
    direct = [t["id"] for t in _map("direct", reasons=["blame", "cost"])]
    assert gentle == direct


def test_edits_survive_every_change_of_tone():
    """Whatever tone the person switches to, and back, their words stay in place."""
    cat = catalogue()
    for stance, reasons, _, conflict in cases(cat)[::211]:
        chosen = answers(stance=stance, reasons=reasons, conflict=conflict)
        for start in script.TONES:
            ask_id, turns = compose(cat, chosen, start)
            spoken = [t for t in turns if t["say"]]
            edited = {}
            for turn in spoken[::3]:
                turn["text"] = "My own words for " + turn["id"] + "."
                edited[turn["id"]] = turn["text"]
            for tone in script.TONES:
                mixed = script.retone(turns, script.compose(cat, chosen, ask_id, tone),
                                      set(edited))
                kept = [t for t in mixed if t["id"] in edited]
                assert {t["id"]: t["text"] for t in kept} == edited, (stance, reasons, tone)
                ids = [t["id"] for t in mixed]
                assert [i for i in ids if i in edited] == [t["id"] for t in spoken[::3]]
                back = script.retone(mixed, script.compose(cat, chosen, ask_id, start),
                                     set(edited))
                assert {t["id"]: t["text"] for t in back if t["id"] in edited} == edited


def test_retone_keeps_an_edited_line_the_new_tone_drops_in_its_place():
    cat = catalogue()
    chosen = answers(reasons=["blame", "cost"])
    ask_id, gentle = compose(cat, chosen, "gentle")
    for turn in gentle:
        if turn["id"] in ("permission", "worry-blame-1"):
            turn["text"] = "Mine: " + turn["id"]
    brief = script.compose(cat, chosen, ask_id, "brief")
    mixed = script.retone(gentle, brief, {"permission", "worry-blame-1"})
    ids = [t["id"] for t in mixed]
    assert ids.index("permission") == ids.index("opening") + 1
    assert ids.index("worry-blame-1") == ids.index("worry-blame-0") + 1
    untouched = [t for t in mixed if t["id"] == "validate"][0]["text"]
    assert untouched == cat.script["validate"]["brief"]


def test_unknown_tone_falls_back_to_gentle():
    assert _map("shouty") == _map("gentle")
