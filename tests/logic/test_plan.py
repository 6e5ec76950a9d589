"""From answers to a plan (doorway.guide.plan)."""

from support import answers, catalogue, combinations, raises

from doorway.guide import plan as planner

REQUIRED = ["behind", "ask", "timing", "script", "avoid", "replies", "plan_b", "therapist",
            "sources"]


def _prose(plan):
    """Every paragraph, list item, reply and avoid line of a plan, in order."""
    found = []
    for section in plan["sections"]:
        for block in section["blocks"]:
            kind = block["kind"]
            if kind == "p" and not block.get("lead"):  # lead-ins are labels, repeated by design
                found.append(block["text"])
            elif kind == "ul":
                found.extend(block["items"])
            elif kind == "reply":
                found.extend([block["they_say"], block["you_say"]])
            elif kind == "avoid":
                found.extend([block["say"], block["why"]])
    return found


def _check_complete(cat, plan, reasons):
    ids = [s["id"] for s in plan["sections"]]
    for required in REQUIRED:
        assert required in ids, (required, reasons)
    for section in plan["sections"]:
        assert section["blocks"], (section["id"], reasons)
        assert section["heading"], section["id"]
    behind = [b["text"] for b in plan["sections"][0]["blocks"] if b["kind"] == "h3"]
    assert behind == [cat.reason(r)["label"] for r in plan["reasons"]], (behind, reasons)
    sources = plan["sections"][-1]["blocks"]
    numbers = [b["number"] for b in sources]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = set()
    for section in plan["sections"]:
        for block in section["blocks"]:
            if block["kind"] == "refs":
                cited.update(block["numbers"])
            elif block["kind"] == "slot":  # the decision aid cites inside its slots
                for refs in list(block.get("refs", {}).values()) + [block.get("sure_refs")]:
                    if refs:
                        cited.update(refs["numbers"])
    assert cited == set(numbers), (sorted(cited), numbers)
    prose = _prose(plan)
    seen = set()
    for text in prose:
        assert text not in seen, ("repeated", text, reasons)
        seen.add(text)


def test_every_combination_of_one_to_three_reasons_and_every_stance():
    cat = catalogue()
    ids = [r["id"] for r in cat.reasons]
    checked = 0
    for size in (1, 2, 3):
        for reasons in combinations(ids, size):
            for stance in cat.stances:
                chosen = answers(stance=stance["id"], reasons=reasons)
                plan = planner.make_plan(cat, chosen)
                _check_complete(cat, plan, reasons)
                checked += 1
    n = len(ids)
    assert checked == (n + n * (n - 1) // 2 + n * (n - 1) * (n - 2) // 6) * len(cat.stances)


def test_reasons_keep_the_catalogue_order():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["time", "blame", "privacy"]))
    assert plan["reasons"] == ["time", "blame", "privacy"]
    # the wizard sorts them (doorway.guide.answers.check_reasons); the plan keeps that order
    from doorway.guide.answers import check_reasons
    ordered, _ = check_reasons(cat, ["time", "blame", "privacy"])
    assert ordered == ["blame", "privacy", "time"]


def test_stance_sets_the_size_of_the_ask():
    cat = catalogue()
    for stance in cat.stances:
        ask, why = planner.choose_ask(cat, stance["id"], ["time"])  # a reason with no cap
        assert ask == stance["ask"], (stance["id"], ask)
        assert why == [stance["why"]]


def test_a_reason_can_only_make_the_ask_smaller_and_says_why():
    cat = catalogue()
    ask, why = planner.choose_ask(cat, "agreed_once", ["fine"])
    assert ask == "checkup"
    assert why == [cat.stance("agreed_once")["why"], cat.reason("fine")["ask"]["why"]]
    ask, why = planner.choose_ask(cat, "said_no", ["fine"])
    assert ask == "curiosity" and len(why) == 1
    ask, _ = planner.choose_ask(cat, "agreed_once", ["fine", "blame", "dont_know"])
    assert ask == "curiosity"


def test_the_smallest_cap_wins_and_the_first_such_reason_explains():
    cat = catalogue()
    ask, why = planner.choose_ask(cat, "postponing", ["blame", "privacy"])
    assert ask == "consultation"
    assert why[1] == cat.reason("blame")["ask"]["why"]


def test_ask_section_names_the_step_and_why():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(stance="said_no", reasons=["cost"]))
    section = [s for s in plan["sections"] if s["id"] == "ask"][0]
    assert section["blocks"][0]["text"] == cat.ask(plan["ask"])["name"]
    texts = [b["text"] for b in section["blocks"]]
    assert cat.stance("said_no")["why"] in texts


def test_heated_and_avoidant_conflict_change_the_timing_advice():
    cat = catalogue()
    timing = {}
    for conflict in (None, "heated", "avoidant", "mixed"):
        plan = planner.make_plan(cat, answers(conflict=conflict))
        section = [s for s in plan["sections"] if s["id"] == "timing"][0]
        timing[conflict] = section["blocks"][0]["items"]
    base = timing[None]
    for conflict in ("heated", "avoidant", "mixed"):
        extra = [t for t in timing[conflict] if t not in base]
        assert extra, conflict
        wanted = [e["advice"] for e in cat.guidance["timing"]["conflict"]
                  if e["conflict"] == conflict][0]
        assert extra == wanted
    assert timing["heated"] != timing["avoidant"]


def test_practical_limits_add_tips_once():
    cat = catalogue()
    plain = planner.make_plan(cat, answers(reasons=["blame"]))
    limited = planner.make_plan(cat, answers(reasons=["cost", "time"],
                                             limits=["money", "time", "distance"]))
    practical = [s for s in limited["sections"] if s["id"] == "practical"][0]
    items = practical["blocks"][0]["items"]
    for tip_id in ("lower_cost", "self_guided", "online_sessions", "flexible_times"):
        assert items.count(cat.tip(tip_id)["text"]) == 1, tip_id
    plain_items = [s for s in plain["sections"] if s["id"] == "practical"][0]["blocks"][0]
    assert cat.tip("lower_cost")["text"] not in plain_items["items"]


def test_money_limit_alone_brings_lower_cost_options():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["blame"], limits=["money"]))
    practical = [s for s in plan["sections"] if s["id"] == "practical"][0]
    assert cat.tip("lower_cost")["text"] in practical["blocks"][0]["items"]


def test_plan_b_covers_the_alternatives():
    cat = catalogue()
    plan = planner.make_plan(cat, answers())
    section = [s for s in plan["sections"] if s["id"] == "plan_b"][0]
    headings = [b["text"] for b in section["blocks"] if b["kind"] == "h3"]
    assert headings == [s["heading"] for s in cat.guidance["plan_b"]["sections"]]
    text = " ".join(_prose({"sections": [section]}))
    for plan_b in cat.guidance["plan_b"]["sections"]:
        for paragraph in plan_b["body"]:
            assert paragraph in text, paragraph


def test_no_plan_for_the_partner_on_the_safety_route():
    cat = catalogue()
    chosen = answers()
    chosen["safety"] = {"afraid": "no", "hurt": "yes"}
    raises(ValueError, planner.make_plan, cat, chosen)


def test_reason_guide_and_guidance_sections_for_the_static_guide():
    cat = catalogue()
    for reason in cat.reasons:
        sections = planner.reason_guide(cat, reason["id"])
        assert [s["id"] for s in sections] == ["behind", "replies", "sources"]
        assert len(sections[1]["blocks"]) == len(reason["replies"])
    ids = [s["id"] for s in planner.guidance_sections(cat)]
    assert ids == ["timing", "avoid", "plan_b", "therapist", "sources"]


def test_what_the_arguments_are_about_adds_timing_and_cost_pointers():
    cat = catalogue()
    plain = planner.make_plan(cat, answers(reasons=["blame"]))
    money = planner.make_plan(cat, answers(reasons=["blame"], topics=["money", "chores"]))

    def items(plan, section_id):
        section = [s for s in plan["sections"] if s["id"] == section_id]
        return section[0]["blocks"][0]["items"] if section else []
    extra = [t for t in items(money, "timing") if t not in items(plain, "timing")]
    assert len(extra) == 1 and cat.topic("money")["phrase"] in extra[0]
    for tip_id in cat.topic("money")["tips"]:
        assert cat.tip(tip_id)["text"] in items(money, "practical")
        assert cat.tip(tip_id)["text"] not in items(plain, "practical")


def test_the_script_section_ends_with_a_whole_example_conversation():
    cat = catalogue()
    plan = planner.make_plan(cat, answers())
    blocks = [s for s in plan["sections"] if s["id"] == "script"][0]["blocks"]
    assert [b["kind"] for b in blocks] == ["script", "example"]
    example = cat.script["example"]
    assert blocks[1]["heading"] == example["heading"]
    assert [t["who"] for t in blocks[1]["turns"]] == [example[t["who"]] for t in example["turns"]]
