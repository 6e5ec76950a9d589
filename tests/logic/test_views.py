"""View trees (doorway.guide.views): the one description of what a page shows.

These check the shape of the trees, not today's words, so a content edit
breaks none of them. That both renderers draw a tree the same way is checked
in the browser (tests/browser/test_views.py).
"""

from support import answers, catalogue, raises

from doorway.guide import plan as planner
from doorway.guide import script
from doorway.guide.views import attr, find_all, h, text_of
from doorway.guide.views import partner as partner_views
from doorway.guide.views import plan as plan_views
from doorway.guide.views import reply as reply_views
from doorway.guide.views import results as results_views


def tags(nodes, tag):
    return find_all(nodes, lambda node: node[0] == tag)


def test_a_node_keeps_attribute_order_and_drops_empty_values():
    node = h("input", [("type", "radio"), ("id", "x"), ("checked", True), ("hidden", False),
                       ("aria-describedby", None), ("rows", 3)])
    assert node == ("input", [("type", "radio"), ("id", "x"), ("checked", ""), ("rows", "3")], [])


def test_children_are_flattened_and_text_stays_text():
    node = h("p", None, ["a ", None, [h("b", None, "<b>"), [" c"]]])
    assert node[2] == ["a ", ("b", [], ["<b>"]), " c"]
    assert text_of(node) == "a <b> c"


def test_attributes_must_be_pairs_not_a_dict():
    raises(TypeError, h, "p", {"class": "x"})


def test_a_child_that_is_not_text_or_a_node_is_refused():
    raises(TypeError, h, "p", None, [42])


def test_every_plan_section_is_a_labelled_section_with_its_heading():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["blame", "cost"]))
    labels = cat.guidance["labels"]
    for section in plan["sections"]:
        node = plan_views.section(section, labels, 2, h("div", [("data-script", True)]))
        heading = node[2][0]
        assert node[0] == "section"
        assert attr(node, "aria-labelledby") == attr(heading, "id") == "section-" + section["id"]
        assert heading[0] == "h2" and text_of(heading) == section["heading"]
        sub_headings = tags(node, "h3")
        assert len(sub_headings) == len([b for b in section["blocks"] if b["kind"] == "h3"])
        scripts = find_all(node, lambda n: attr(n, "data-script") is not None)
        assert len(scripts) == len([b for b in section["blocks"] if b["kind"] == "script"])


def test_heading_levels_follow_the_section_level():
    cat = catalogue()
    section = planner.reason_guide(cat, "blame")[0]
    node = plan_views.section(section, cat.guidance["labels"], 3)
    assert node[2][0][0] == "h3"
    assert not tags(node, "h2")


def test_refs_link_to_the_numbered_sources_of_the_same_plan():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["cost"]))
    labels = cat.guidance["labels"]
    nodes = [plan_views.section(s, labels) for s in plan["sections"]]
    anchors = [attr(p, "id") for p in find_all(nodes, lambda n: attr(n, "class") == "source")]
    targets = [attr(a, "href")[1:] for a in tags(nodes, "a")
               if (attr(a, "href") or "").startswith("#")]
    assert targets
    for target in targets:
        assert target in anchors, target


def test_source_links_open_in_a_new_tab_without_a_referrer():
    link = plan_views.source_link("https://example.org/a", "A")
    assert attr(link, "target") == "_blank"
    assert "noreferrer" in attr(link, "rel") and "noopener" in attr(link, "rel")


def test_the_script_editor_holds_each_line_in_a_labelled_box():
    cat = catalogue()
    chosen = answers(reasons=["blame"], name="Sam")
    plan = planner.make_plan(cat, chosen)
    lines = script.compose(cat, chosen, plan["ask"], "brief")
    editor = results_views.script_editor(cat, lines, "brief")
    boxes = tags(editor, "textarea")
    assert [text_of(box) for box in boxes] == [line["text"] for line in lines]
    assert [attr(box, "data-line") for box in boxes] == [line["id"] for line in lines]
    labels = {attr(label, "for") for label in tags(editor, "label")}
    for box in boxes:
        assert attr(box, "id") in labels
    chosen_tone = [attr(i, "value") for i in tags(editor, "input") if attr(i, "checked") == ""]
    assert chosen_tone == ["brief"]


def test_the_results_link_to_every_section_and_the_share_step():
    cat = catalogue()
    chosen = answers(reasons=["privacy"])
    plan = planner.make_plan(cat, chosen)
    lines = script.compose(cat, chosen, plan["ask"], "gentle")
    share = {"ask": plan["ask"], "reasons": plan["reasons"], "note": ""}
    nodes = results_views.results(cat, plan, lines, "gentle", share)
    ids = {attr(n, "id") for n in find_all(nodes, lambda n: attr(n, "id") is not None)}
    links = [attr(a, "href") for a in tags(nodes[0], "a")]
    assert len(links) == len(plan["sections"]) + 1
    for href in links:
        assert href[1:] in ids, href


def test_the_preview_shows_exactly_the_invitation():
    cat = catalogue()
    invite = {"ask": "trial", "reasons": ["cost", "blame"], "note": "<script>x</script>"}
    nodes = partner_views.preview(cat, invite)
    notes = find_all(nodes, lambda n: attr(n, "data-note") is not None)
    assert [text_of(n) for n in notes] == ["<script>x</script>"]
    headings = [text_of(section[2][0]) for section in
                find_all(nodes, lambda n: attr(n, "class") == "concern")]
    assert headings == [cat.reason("cost")["partner"]["heading"],
                        cat.reason("blame")["partner"]["heading"]]
    assert cat.ask("trial")["partner_offer"] in text_of(nodes)
    assert not tags(nodes, "script")


def test_without_a_note_or_worries_the_preview_hides_the_note_and_drops_the_worries():
    cat = catalogue()
    nodes = partner_views.preview(cat, {"ask": "trial", "reasons": [], "note": ""})
    boxes = find_all(nodes, lambda n: attr(n, "data-note-box") is not None)
    assert len(boxes) == 1 and attr(boxes[0], "hidden") == ""
    assert not find_all(nodes, lambda n: attr(n, "data-concerns") is not None)


def test_a_reply_lists_its_answers_then_fresh_ideas_for_those_answers():
    cat = catalogue()
    options = [o["id"] for o in cat.reply_options[:2]]
    nodes = reply_views.received(cat, {"version": 1, "options": options, "note": ""})
    said = find_all(nodes, lambda n: attr(n, "data-said") is not None)[0]
    assert [text_of(li) for li in said[2]] == [cat.reply_option(o)["label"] for o in options]
    ideas = find_all(nodes, lambda n: attr(n, "data-next") is not None)[0]
    expected = []
    for option in options:
        expected.extend(cat.reply_option(option)["for_sender"])
    assert [text_of(li) for li in ideas[2]] == expected + cat.partner["received"]["next"]

