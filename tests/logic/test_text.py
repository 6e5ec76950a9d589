"""Plain-text plans for copy and download (doorway.guide.text)."""

from support import answers, catalogue

from doorway.guide import plan as planner
from doorway.guide import script, text


def test_plan_text_has_every_section_the_script_and_full_sources():
    cat = catalogue()
    chosen = answers(reasons=["blame", "cost"], name="Sam")
    plan = planner.make_plan(cat, chosen)
    lines = script.compose(cat, chosen, plan["ask"], "gentle")
    lines[0]["text"] = "An opening I wrote myself."
    out = text.plan_text(cat, plan, lines)
    assert out.startswith(cat.guidance["labels"]["plan_title"] + "\n===")
    for section in plan["sections"]:
        assert "\n" + section["heading"] + "\n" in out, section["heading"]
    assert "An opening I wrote myself." in out
    sources = plan["sections"][-1]["blocks"]
    for source in sources:
        assert source["url"] in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_script_text_is_the_lines_in_order():
    lines = [{"text": "One."}, {"text": "Two."}]
    assert text.script_text(lines) == "One.\n\nTwo."


def test_note_counter_counts_down_then_over_in_the_right_number():
    cat = catalogue()
    limit = cat.note_limit
    assert text.note_counter(cat, "") == ("%d characters left" % limit, False)
    assert text.note_counter(cat, "x" * (limit - 1)) == ("1 character left", False)
    assert text.note_counter(cat, "x" * limit) == ("0 characters left", False)
    assert text.note_counter(cat, "x" * (limit + 1)) == ("1 character too many", True)
    assert text.note_counter(cat, "😀" * (limit + 3)) == ("3 characters too many", True)
