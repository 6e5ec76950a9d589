"""Plain-text plans for copy and download (doorway.guide.text)."""

from support import answers, catalogue

from doorway.guide import plan as planner
from doorway.guide import script, text
from doorway.guide.card import plan_card


def _turns(cat, chosen, tone="gentle"):
    plan = planner.make_plan(cat, chosen)
    return plan, script.compose(cat, chosen, plan["ask"], tone)


def test_plan_text_has_the_card_every_section_the_script_and_full_sources():
    cat = catalogue()
    chosen = answers(reasons=["blame", "cost"], name="Sam")
    plan, turns = _turns(cat, chosen)
    turns[0]["text"] = "An opening I wrote myself."
    card = plan_card(cat, chosen, plan, turns)
    out = text.plan_text(cat, plan, turns, card)
    assert out.startswith(cat.guidance["labels"]["plan_title"] + "\n===")
    assert out.index(card["things_heading"]) < out.index(plan["sections"][0]["heading"])
    for thing in card["things"]:
        assert thing["text"] in out
    assert out.count("An opening I wrote myself.") == 2  # on the card, and in the script
    for section in plan["sections"]:
        assert "\n" + section["heading"] + "\n" in out, section["heading"]
    for turn in cat.script["example"]["turns"]:
        assert turn["text"] in out
    sources = plan["sections"][-1]["blocks"]
    for source in sources:
        assert source["url"] in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_script_text_is_the_map_as_a_person_reads_it():
    cat = catalogue()
    chosen = answers(reasons=["blame", "cost"])
    _, turns = _turns(cat, chosen)
    turns[0]["text"] = "My own first line."
    paragraphs = text.script_text(cat, turns).split("\n\n")
    assert paragraphs[0] == "My own first line."
    spoken = [t["text"] for t in turns if t["say"]]
    assert [p for p in paragraphs if p in spoken] == spoken
    for turn in turns:
        if not turn["say"]:
            assert [p for p in paragraphs if p.startswith("(") and turn["text"] in p], turn
    for turn in turns:
        heading = script.branch_heading(cat, turn)
        if heading:
            assert paragraphs.count(heading + ":") == 1, heading
            assert paragraphs.index(heading + ":") < paragraphs.index(
                turn["text"] if turn["say"] else "(%s)" % turn["text"])
    assert paragraphs.count("(%s)" % cat.script["worry"]["intro"]) == 1


def test_card_text_lists_three_things_and_the_first_lines():
    cat = catalogue()
    chosen = answers(reasons=["time"])
    plan, turns = _turns(cat, chosen, "brief")
    card = plan_card(cat, chosen, plan, turns)
    out = text.card_text(card).split("\n")
    assert out[0] == card["heading"]
    assert [line for line in out if line[:3] in ("1. ", "2. ", "3. ")] == [
        "%d. %s" % (i + 1, thing["text"]) for i, thing in enumerate(card["things"])]
    assert out[-3:] == ["“%s”" % t["text"] for t in script.main_path(turns)[:3]]
