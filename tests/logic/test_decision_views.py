"""The decision aid's view trees (doorway.guide.views.decision), under both interpreters.

MicroPython's dicts keep no order: the option fields must still come in the
same order for every option (this once showed shuffled in the browser).
"""

from support import answers, catalogue

from doorway.guide import decision
from doorway.guide import plan as planner
from doorway.guide.views import attr, find_all, text_of
from doorway.guide.views import decision as views


def _state(chosen, weights=None):
    return {"answers": chosen, "weights": weights or {}, "before": {}, "after": {}}


def test_every_option_shows_every_field_in_the_same_order():
    cat = catalogue()
    plan = planner.make_plan(cat, answers())
    slot = decision.slot_block(plan, "decide")
    labels = cat.guidance["labels"]
    ranked = decision.rank(cat, {"cost": "lot"})
    items = views.options_list(cat, ranked, slot["refs"], labels)
    want = [cat.decision["decide"]["fields"][f] for f in decision.OPTION_FIELDS]
    assert [attr(item, "data-option") for item in items] == [e["id"] for e in ranked]
    for index in range(len(items)):  # (MicroPython's zip has no strict=)
        item, entry = items[index], ranked[index]
        terms = [text_of(node) for node in find_all(item, lambda n: n[0] == "dt")]
        assert terms == want
        details = [text_of(node) for node in find_all(item, lambda n: n[0] == "dd")]
        assert details == [entry["option"][f] for f in decision.OPTION_FIELDS]
        assert entry["reason"] in text_of(item)
        assert "%d of 7" % entry["position"] in text_of(item)


def test_the_slots_hold_the_choices_made_and_nothing_else():
    cat = catalogue()
    chosen = answers(stance="said_no", situations=["leaving"])
    plan = planner.make_plan(cat, chosen)
    state = _state(chosen, {"privacy": "lot"})
    state["before"] = {"sure": "no"}
    drawn = views.slots(cat, plan, state, "2027-01-04", cat.guidance["labels"])
    assert sorted(drawn) == ["calendar", "decide", "keep", "summary"]
    checked = [attr(n, "id") for n in find_all(drawn["decide"],
                                               lambda n: attr(n, "checked") is not None)]
    assert checked == ["sure-before-sure-no", "value-privacy-lot"]
    first = find_all(drawn["decide"], lambda n: attr(n, "data-option"))[0]
    assert attr(first, "data-option") == "discernment"
    dates = find_all(drawn["calendar"], lambda n: attr(n, "type") == "date")
    assert [attr(n, "value") for n in dates] == ["2027-01-04"]
    summary = text_of(drawn["summary"])
    assert "Privacy: A lot" in summary and "Before: Not answered" in summary
    # The keep form starts empty: no passphrase, no link, result hidden.
    fields = find_all(drawn["keep"], lambda n: n[0] in ("input", "textarea"))
    assert [attr(n, "value") for n in fields] == [None, None]
    assert attr(find_all(drawn["keep"], lambda n: attr(n, "data-keep-result") is not None)[0],
                "hidden") == ""


def test_sure_result_is_empty_until_all_four_are_answered():
    cat = catalogue()
    assert views.sure_result(cat, {"sure": "yes"}) == []
    ids = [item["id"] for item in cat.decision["sure"]["items"]]
    shown = text_of(views.sure_result(cat, {i: "no" for i in ids}))
    assert cat.decision["sure"]["helps_heading"] in shown
    for item in cat.decision["sure"]["items"]:
        assert item["helps"] in shown
