"""The decision aid (doorway.guide.decision): ranking, SURE, situations, plan sections."""

from support import answers, catalogue

from doorway.guide import decision
from doorway.guide import plan as planner

CONTENT_ORDER = ["wait", "checkup", "online", "consultation", "few", "discernment",
                 "individual"]

#: (weights, situations, expected order): worked out by hand from the fit table
#: in decision.toml (levels: little 0, some 1, lot 2; score = sum of weight x fit).
TABLE = [
    ({}, [], CONTENT_ORDER),
    ({"together": "lot"}, [],
     ["few", "checkup", "online", "discernment", "consultation", "individual", "wait"]),
    ({"cost": "lot"}, [],
     ["wait", "online", "checkup", "consultation", "few", "discernment", "individual"]),
    ({"speed": "lot"}, [],
     ["consultation", "checkup", "online", "few", "discernment", "individual", "wait"]),
    ({"wellbeing": "lot", "comfort": "some"}, [],
     ["individual", "online", "wait", "few", "discernment", "checkup", "consultation"]),
    ({"together": "little", "cost": "little"}, [], CONTENT_ORDER),
    ({"together": "lot"}, ["leaving"],
     ["discernment", "few", "checkup", "online", "consultation", "individual", "wait"]),
    ({}, ["substance", "affair"],
     ["few", "individual", "wait", "checkup", "online", "consultation", "discernment"]),
    ({"cost": "lot"}, ["mood", "bogus"],
     ["few", "wait", "online", "checkup", "consultation", "discernment", "individual"]),
]


def test_a_table_of_weightings_gives_the_expected_order():
    cat = catalogue()
    for weights, situations, want in TABLE:
        ranked = decision.rank(cat, weights, situations)
        assert [entry["id"] for entry in ranked] == want, (weights, situations)
        assert [entry["position"] for entry in ranked] == list(range(1, len(want) + 1))


def test_every_position_has_a_one_line_reason():
    cat = catalogue()
    reasons = cat.decision["decide"]["reasons"]
    unsorted = decision.rank(cat, {})
    assert {entry["reason"] for entry in unsorted} == {reasons["unsorted"]}
    assert not decision.weighed(cat, {}) and not decision.weighed(cat, {"cost": "huge"})
    ranked = decision.rank(cat, {"together": "lot"})
    by_id = {entry["id"]: entry["reason"] for entry in ranked}
    assert by_id["few"] == "Good for keeping the relationship going."
    assert by_id["wait"] == "Less good for keeping the relationship going."
    both = {e["id"]: e["reason"] for e in decision.rank(cat, {"wellbeing": "lot",
                                                              "comfort": "some"})}
    assert both["individual"] == "Good for your own wellbeing and your partner feeling at ease."
    assert both["consultation"] == "Good for your partner feeling at ease. Less good for " \
        "your own wellbeing."
    assert both["wait"] == "Good for your partner feeling at ease. Less good for your own " \
        "wellbeing."
    nothing = decision.rank(cat, {"cost": "little"})
    assert {entry["reason"] for entry in nothing} == {reasons["even"]}
    raised = decision.rank(cat, {}, ["leaving"])[0]
    assert raised["raised"] and raised["reason"] == (
        "Moved up for what you told us: discernment counselling is made for when one "
        "partner is leaning out.")
    for weights, situations, _ in TABLE:
        for entry in decision.rank(cat, weights, situations):
            assert entry["reason"] and "\n" not in entry["reason"]
            assert "{" not in entry["reason"], entry["reason"]


def test_unknown_values_and_levels_are_ignored():
    cat = catalogue()
    assert [e["id"] for e in decision.rank(cat, {"bogus": "lot", "cost": "huge"})] \
        == CONTENT_ORDER


def test_options_are_described_in_equal_detail():
    """IPDAS: every option has every field, briefly; good and hard points weigh alike."""
    cat = catalogue()
    fields = list(cat.decision["decide"]["fields"])
    assert len(fields) == 8
    totals = []
    for option in decision.options(cat):
        for field in fields:
            text = option[field]
            assert text and text.count(". ") <= 1, (option["id"], field)
        assert 0.5 <= len(option["hard"]) / len(option["good"]) <= 2.2, option["id"]
        assert option["sources"], option["id"]
        totals.append(len(option["good"]) + len(option["hard"]))
    assert max(totals) <= 1.5 * min(totals), totals


def test_sure_scores_and_notes():
    cat = catalogue()
    sure = cat.decision["sure"]
    ids = [item["id"] for item in sure["items"]]
    assert len(ids) == 4
    empty = decision.sure(cat, {})
    assert empty["answered"] == 0 and not empty["complete"] and empty["message"] is None
    assert decision.score_text(cat, {}) == sure["not_answered"]
    partly = decision.sure(cat, {ids[0]: "yes", ids[1]: "maybe"})
    assert partly["answered"] == 1 and not partly["complete"]
    all_yes = {i: "yes" for i in ids}
    settled = decision.sure(cat, all_yes)
    assert settled["score"] == 4 and settled["message"] == sure["settled"]
    assert settled["helps"] == []
    assert decision.score_text(cat, all_yes) == "4 of 4"
    one = dict(all_yes)
    one[ids[2]] = "no"
    result = decision.sure(cat, one)
    assert result["score"] == 3 and result["message"] == sure["unsure_one"]
    assert result["helps"] == [sure["items"][2]["helps"]]
    two = dict(one)
    two[ids[0]] = "no"
    result = decision.sure(cat, two)
    assert result["message"] == sure["unsure"].replace("{count}", "2")
    assert result["helps"] == [sure["items"][0]["helps"], sure["items"][2]["helps"]]
    assert decision.score_text(cat, two) == "2 of 4"


def _ids(plan):
    return [section["id"] for section in plan["sections"]]


def test_the_plan_holds_the_decision_aid_in_its_places():
    cat = catalogue()
    for stance in cat.stances:
        plan = planner.make_plan(cat, answers(stance=stance["id"]))
        ids = _ids(plan)
        for part in ("decide", "weeks", "summary", "keep"):
            assert ids.count(part) == 1, (part, ids)
        assert ids.index("ask") < ids.index("decide") < ids.index("weeks")
        assert ids.index("weeks") < ids.index("summary") < ids.index("keep")
        assert ids[-1] == "sources"
        assert not [i for i in ids if i.startswith("situation-")]
        slots = [decision.slot_block(plan, name) for name in
                 ("decide", "calendar", "summary", "keep")]
        assert None not in slots
        refs = slots[0]["refs"]
        assert sorted(refs) == sorted(CONTENT_ORDER)
        for option_id in refs:
            assert refs[option_id]["kind"] == "refs" and refs[option_id]["numbers"]


def test_each_situation_adds_a_sourced_section_after_what_may_be_behind_it():
    cat = catalogue()
    items = cat.decision["situations"]["items"]
    for situation in items:
        plan = planner.make_plan(cat, answers(situations=[situation["id"]]))
        ids = _ids(plan)
        assert ids[1] == "situation-" + situation["id"], ids
        section = plan["sections"][1]
        assert section["heading"] == situation["heading"]
        texts = [b["text"] for b in section["blocks"] if b["kind"] == "p"]
        # The safety note comes first, then the situation's own words.
        assert texts == [cat.decision["situations"]["safety"]["text"]] + situation["body"]
        assert [b for b in section["blocks"] if b["kind"] == "refs" and b["numbers"]]
    every = planner.make_plan(cat, answers(situations=[s["id"] for s in items]))
    ids = _ids(every)
    assert ids[1:1 + len(items)] == ["situation-" + s["id"] for s in items]
    safety = cat.decision["situations"]["safety"]["text"]
    said = [b for s in every["sections"] for b in s["blocks"]
            if b["kind"] == "p" and b["text"] == safety]
    assert len(said) == 1  # the safety note is said once


def test_summary_gathers_the_options_values_sure_and_next_step():
    cat = catalogue()
    chosen = answers(stance="said_no", situations=["leaving"])
    plan = planner.make_plan(cat, chosen)
    ids = [item["id"] for item in cat.decision["sure"]["items"]]
    before = {i: "no" for i in ids}
    after = {i: "yes" for i in ids}
    data = decision.summary(cat, plan, chosen, {"cost": "lot", "speed": "some"}, before, after)
    assert data["decision"] == cat.decision["decide"]["decision"]
    assert data["options"][0][0] == cat.option("discernment")["name"]
    assert len(data["options"]) == 7
    assert data["values"] == [("Keeping the cost low", "A lot"),
                              ("Something happening soon", "Some")]
    assert data["sure"] == [("Before", "0 of 4"), ("After", "4 of 4")]
    ask = cat.ask(plan["ask"])["name"]
    assert data["next"][0] == "Your first step: %s." % ask
    assert data["next"][1].startswith("This week: Week 1")
    none = decision.summary(cat, plan, chosen, {}, {}, {})
    assert none["values"] == [] and none["sure"][0][1] == "Not answered"
