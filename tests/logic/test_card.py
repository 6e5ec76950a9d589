"""The plan card (doorway.guide.card): the plan on one page."""

from support import answers, catalogue

from doorway.guide import plan as planner
from doorway.guide import script
from doorway.guide.card import plan_card


def _card(tone="gentle", edit=None, **values):
    cat = catalogue()
    chosen = answers(**values)
    plan = planner.make_plan(cat, chosen)
    turns = script.compose(cat, chosen, plan["ask"], tone)
    if edit:
        turns[0]["text"] = edit
    return cat, plan, turns, plan_card(cat, chosen, plan, turns)


def test_three_things_and_three_lines_for_every_stance_and_tone():
    cat = catalogue()
    for stance in cat.stances:
        for tone in script.TONES:
            _, _, turns, card = _card(tone, stance=stance["id"], reasons=["blame"])
            assert [t["id"] for t in card["things"]] == ["time", "prepare", "keep_in_mind"]
            assert all(t["text"] for t in card["things"])
            assert [line["id"] for line in card["lines"]] == \
                [t["id"] for t in script.main_path(turns)[:3]]
            for key in ("heading", "intro", "things_heading", "lines_heading"):
                assert card[key] == cat.guidance["card"][key]


def test_the_first_lines_are_the_persons_own_words():
    _, _, _, card = _card(edit="My own way of starting.")
    assert card["lines"][0]["text"] == "My own way of starting."


def test_the_thing_to_prepare_follows_the_first_step_or_the_cost():
    cat, plan, _, card = _card(stance="said_no", reasons=["blame"])
    assert card["things"][1]["text"] == cat.ask(plan["ask"])["prepare"]
    for values in ({"reasons": ["cost"]}, {"limits": ["money"]}, {"topics": ["money"]}):
        cat, _, _, card = _card(**values)
        assert card["things"][1]["text"] == cat.guidance["card"]["cost"], values


def test_the_time_names_the_arguments_and_the_last_thing_fits_the_conflict():
    cat, _, _, card = _card(topics=["chores"])
    assert cat.topic("chores")["phrase"] in card["things"][0]["text"]
    _, _, _, plain = _card()
    assert plain["things"][0]["text"] == cat.guidance["card"]["time"]
    assert plain["things"][2]["text"] == cat.guidance["card"]["listen"]
    for entry in cat.guidance["card"]["conflict"]:
        _, _, _, card = _card(conflict=entry["conflict"])
        assert card["things"][2]["text"] == entry["text"]
