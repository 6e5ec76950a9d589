"""Practice mode (doorway.guide.practice): the turns, the mood, the summary.

Every expectation is derived from the content (practice.toml, the reasons and
the reply checker's own examples), so the tests hold for any content that
passes the build, not just today's sentences.
"""

from support import answers, catalogue, combinations, raises

from doorway.guide import practice
from doorway.guide.reply_check import ESCALATING, checker


def _content():
    return practice.content(catalogue())


def _begin(seed=1, stance="not_asked", reasons=None):
    cat = catalogue()
    chosen = answers(stance=stance, reasons=reasons or [cat.reasons[0]["id"]])
    return practice.begin(cat, chosen, "Can we talk?", seed)


def _picks_by_help(helps):
    return [p["text"] for m in _content()["manners"] for p in m["picks"] if p["helps"] == helps]


def _run(state, chooser):
    """Reply on every turn with ``chooser(picks)``; the records."""
    cat = catalogue()
    records = []
    while not practice.finished(state):
        records.append(practice.reply(cat, state, chooser(practice.picks(cat, state))))
    return records


def _helping(options):
    return [o for o in options if o in _picks_by_help(True)][0]


def _hurting(options):
    return [o for o in options if o in _picks_by_help(False)][0]


def test_every_worry_gets_a_full_varied_talk():
    """Each reason alone, and every pair: `turns` lines, none twice, no manner
    twice in a row, each chosen worry raised in its own words."""
    cat = catalogue()
    lines = _content()["lines"]
    ids = [r["id"] for r in cat.reasons]
    cases = [[i] for i in ids] + combinations([i for i in ids if i != cat.exclusive_reason()],
                                              2)[::7]
    for reasons in cases:
        for seed in (1, 2, 3):
            state = _begin(seed, reasons=reasons)
            plan = state["plan"]
            assert len(plan) == _content()["turns"] >= 5
            assert len(set(plan)) == len(plan)
            manners = [lines[i]["manner"] for i in plan]
            repeats = [i for i in range(1, len(manners)) if manners[i] == manners[i - 1]]
            assert repeats == [], manners
            raised = [lines[i]["reason"] for i in plan]
            for reason in reasons:
                assert reason in raised, (reasons, raised)
            for i in plan:
                assert lines[i]["reason"] in reasons + [practice.ANY]


def test_two_runs_differ_and_one_seed_repeats():
    for reason in catalogue().reasons:
        plans = [tuple(_begin(seed, reasons=[reason["id"]])["plan"]) for seed in range(12)]
        assert len(set(plans)) > 1, reason["id"]
        assert tuple(_begin(5, reasons=[reason["id"]])["plan"]) == plans[5]


def test_the_first_mood_follows_where_things_stand():
    for start in _content()["start_mood"]:
        state = _begin(stance=start["stance"])
        line = practice.partner_line(catalogue(), state)
        assert line["mood"] == start["mood"]
        assert line["text"] == _content()["lines"][state["plan"][0]][start["mood"]]


def test_picks_offer_one_that_helps_one_that_hurts_and_the_worrys_own_line():
    """The worry's own first script line is offered only when the checker finds
    it helps: a pick that earns no feedback would teach nothing."""
    cat = catalogue()
    for reason in cat.reasons:
        state = _begin(3, reasons=[reason["id"]])
        while not practice.finished(state):
            line = practice.partner_line(cat, state)
            options = practice.picks(cat, state)
            manner = [m for m in _content()["manners"] if m["id"] == line["manner"]][0]
            assert len([p for p in manner["picks"] if p["helps"] and p["text"] in options]) == 1
            assert len([p for p in manner["picks"]
                        if not p["helps"] and p["text"] in options]) == 1
            own = []
            if line["reason"] != practice.ANY:
                own = cat.reason(line["reason"]).get("script") or []
            found = checker(cat).check(own[0])["findings"] if own else []
            helps = [k for k in found if k not in ESCALATING] and \
                not [k for k in found if k in ESCALATING]
            assert len(options) == (3 if helps else 2)
            if own:
                assert (own[0] in options) == bool(helps)
            practice.reply(cat, state, options[0])


def test_kind_words_soften_the_partner_and_sharp_ones_put_them_on_guard():
    """Every pick in the content: the next line is the softer or the guarded one."""
    cat = catalogue()
    for helps in (True, False):
        for text in _picks_by_help(helps):
            for stance in ("not_asked", "said_no"):
                state = _begin(stance=stance)
                record = practice.reply(cat, state, text)
                expected = practice.SOFTER if helps else practice.GUARDED
                assert record["after"] == expected, text
                line = practice.partner_line(cat, state)
                assert line["mood"] == expected
                assert line["text"] == _content()["lines"][state["plan"][1]][expected]


def test_written_replies_move_the_mood_by_what_the_checker_finds():
    """The checker's own examples: each escalating "instead" puts the partner on
    guard; a "try" never does; words with no finding leave the mood alone."""
    cat = catalogue()
    rules = checker(cat)
    for kind in cat.data["reply_checker"][0]["kinds"]:
        for example in kind.get("examples", []):
            state = _begin(stance="not_asked")
            assert practice.reply(cat, state, example["instead"])["after"] == practice.GUARDED
            state = _begin(stance="said_no")
            after = practice.reply(cat, state, example["try"])["after"]
            softens = [k for k in rules.check(example["try"])["findings"]
                       if k in _content()["tone"]["softens"]]
            assert after == (practice.SOFTER if softens else practice.GUARDED)
    for stance in ("not_asked", "said_no"):
        state = _begin(stance=stance)
        before = state["mood"]
        assert rules.check("Okay.")["findings"] == []
        record = practice.reply(cat, state, "Okay.")
        assert record["after"] == before and record["reaction"] == _content()["tone"]["same"]


def test_the_same_run_sounds_different_with_different_words():
    cat = catalogue()
    kind_run = _begin(9, stance="hesitated")
    harsh_run = _begin(9, stance="hesitated")
    kind = _run(kind_run, _helping)
    harsh = _run(harsh_run, _hurting)
    assert [r["partner"] for r in kind][0] == [r["partner"] for r in harsh][0]
    for i in range(1, len(kind)):
        a, b = kind[i], harsh[i]
        assert a["partner"] != b["partner"]
        assert a["before"] == practice.SOFTER and b["before"] == practice.GUARDED
    closing = {c["mood"]: c["text"] for c in _content()["closing"]}
    assert practice.partner_line(cat, kind_run)["text"] == closing[practice.SOFTER]
    assert practice.partner_line(cat, harsh_run)["text"] == closing[practice.GUARDED]
    assert raises(ValueError, practice.reply, cat, kind_run, "One more")


def test_feedback_quotes_the_exact_words():
    state = _begin(4)
    for record in _run(state, lambda options: options[-1]):
        for item in record["feedback"]:
            assert record["text"][item["start"]:item["end"]] == item["quote"] != ""
            assert ("rewording" in item) == (item["kind"] in ESCALATING)


def test_the_summary_keeps_what_helped_and_names_one_thing_to_try():
    cat = catalogue()
    kind_state = _begin(11)
    kind = _run(kind_state, _helping)
    summary = practice.summary(cat, kind_state)
    assert summary["keep"] == [t for i, t in enumerate([r["text"] for r in kind])
                               if t not in [r["text"] for r in kind][:i]]
    assert summary["went_well"] and [w for w in summary["went_well"]
                                     if [r for r in kind if w["quote"] in r["text"]]]
    tries = [t["text"] for t in _content()["summary"]["try"]
             if t["kind"] not in [w["kind"] for w in summary["went_well"]]]
    assert (summary["try_next"] or {}).get("text") == (tries[0] if tries else None)
    assert practice.kept_text(summary).split("\n") == summary["keep"]

    harsh_state = _begin(11)
    harsh = _run(harsh_state, _hurting)
    summary = practice.summary(cat, harsh_state)
    assert summary["keep"] == [] and summary["went_well"] == []
    counts = {}
    for record in harsh:
        for item in record["feedback"]:
            counts[item["kind"]] = counts.get(item["kind"], 0) + 1
    most = max(counts[k] for k in counts)
    worst = [k for k in ESCALATING if counts.get(k) == most][0]
    rewording = [k for k in cat.data["reply_checker"][0]["kinds"] if k["id"] == worst][0]
    assert summary["try_next"]["text"] == rewording["rewording"]
    assert summary["try_next"]["quote"] in " ".join(r["text"] for r in harsh)


def test_a_written_reply_is_trimmed_or_refused_with_a_message():
    cat = catalogue()
    assert practice.clean_reply(cat, "  I hear you.\n ") == ("I hear you.", None)
    assert practice.clean_reply(cat, " \n ") == ("", _content()["empty"])
    assert practice.clean_reply(cat, None) == ("", _content()["empty"])
    assert practice.clean_reply(cat, "a" * (practice.LIMIT + 1)) == ("", _content()["too_long"])


def test_the_generator_is_the_same_everywhere():
    """Fixed numbers: the same seed gives the same run under CPython and MicroPython."""
    draw = practice.Draw(42)
    assert [draw.below(100) for _ in range(5)] == [50, 55, 93, 60, 48]
    assert sorted(practice.Draw(7).shuffled(range(10))) == list(range(10))
