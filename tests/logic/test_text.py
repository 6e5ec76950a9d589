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
