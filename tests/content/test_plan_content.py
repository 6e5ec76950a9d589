"""Every plan the real content can make is complete and never says a thing twice.

The plan's logic is tested on the fixture (tests/logic/test_plan.py); whether
two real sentences repeat each other, or plan B names the alternatives the
research found, depends on the words, so it is checked here.
"""

from support import answers, combinations
from test_plan import _check_complete, _prose

from doorway.guide import plan as planner


def test_every_combination_of_one_to_three_reasons_and_every_stance(real):
    ids = [r["id"] for r in real.reasons]
    checked = 0
    for size in (1, 2, 3):
        for reasons in combinations(ids, size):
            for stance in real.stances:
                plan = planner.make_plan(real, answers(stance=stance["id"], reasons=reasons))
                _check_complete(real, plan, reasons)
                checked += 1
    n = len(ids)
    assert checked == (n + n * (n - 1) // 2 + n * (n - 1) * (n - 2) // 6) * len(real.stances)


def test_plan_b_names_the_alternatives(real):
    plan = planner.make_plan(real, answers())
    section = next(s for s in plan["sections"] if s["id"] == "plan_b")
    text = " ".join(_prose({"sections": [section]})).lower()
    for idea in ("yourself", "discernment", "online", "check-up"):
        assert idea in text, idea
