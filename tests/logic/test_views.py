"""View trees (doorway.guide.views): the one description of what a page shows.

These check the shape of the trees, not today's words, so a content edit
breaks none of them. That both renderers draw a tree the same way is checked
in the browser (tests/browser/test_views.py).
"""

from support import answers, catalogue, raises

from doorway.guide import plan as planner
from doorway.guide import script
from doorway.guide.card import plan_card
from doorway.guide.views import attr, find_all, h, text_of
from doorway.guide.views import partner as partner_views
from doorway.guide.views import plan as plan_views
from doorway.guide.views import reply as reply_views
from doorway.guide.views import results as results_views
from doorway.guide.views import safety as safety_views
from doorway.guide.views import script as script_views


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
        assert len(sub_headings) == len([b for b in section["blocks"]
                                         if b["kind"] in ("h3", "example")])
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


def _results(reasons, tone="gentle", **values):
    cat = catalogue()
    chosen = answers(reasons=reasons, **values)
    plan = planner.make_plan(cat, chosen)
    turns = script.compose(cat, chosen, plan["ask"], tone)
    return cat, chosen, plan, turns


def test_the_script_editor_holds_each_spoken_line_in_a_box_with_its_own_name():
    cat, _, _, turns = _results(["blame", "cost", "time"], "brief", name="Sam")
    editor = results_views.script_editor(cat, turns, "brief")
    boxes = tags(editor, "textarea")
    spoken = [t for t in turns if t["say"]]
    assert [text_of(box) for box in boxes] == [t["text"] for t in spoken]
    assert [attr(box, "data-line") for box in boxes] == [t["id"] for t in spoken]
    names = {}
    for label in tags(editor, "label"):
        names[attr(label, "for")] = text_of(label)
    box_names = [names[attr(box, "id")] for box in boxes]
    assert len(set(box_names)) == len(box_names), box_names
    chosen_tone = [attr(i, "value") for i in tags(editor, "input") if attr(i, "checked") == ""]
    assert chosen_tone == ["brief"]


def test_prompts_and_examples_are_shown_as_text_never_as_a_box():
    cat, _, _, turns = _results(["privacy", "time"])
    nodes = script_views.script_map(cat, turns)
    shown = [t for t in turns if not t["say"]]
    boxes = tags(nodes, "textarea")
    for turn in shown:
        assert not [b for b in boxes if text_of(b) == turn["text"]], turn
        assert turn["text"] in text_of(nodes), turn
    examples = find_all(nodes, lambda n: attr(n, "data-example") is not None)
    assert [attr(n, "data-example") for n in examples] == ["privacy", "time"]


def test_each_branch_is_its_own_titled_group():
    cat, _, _, turns = _results(["blame", "cost"])
    nodes = script_views.script_map(cat, turns)
    worry = find_all(nodes, lambda n: attr(n, "data-branch") == "worry")
    repair = find_all(nodes, lambda n: attr(n, "data-branch") == "repair")
    assert len(worry) == len(repair) == 1
    assert text_of(tags(worry[0], "h3")[0]) == cat.script["worry"]["heading"]
    groups = find_all(worry[0], lambda n: attr(n, "data-if") is not None)
    assert [attr(g, "data-if") for g in groups] == ["blame", "cost"]
    for group in groups:
        expected = [t["text"] for t in turns if t["if"] == attr(group, "data-if") and t["say"]]
        assert [text_of(b) for b in tags(group, "textarea")] == expected
        assert tags(group, "h4")
    assert text_of(tags(repair[0], "h3")[0]) == cat.script["repair"]["heading"]
    assert len(tags(repair[0], "textarea")) == len(cat.script["repair"]["lines"])


def test_a_read_only_map_for_the_static_guide_has_no_boxes():
    cat, _, _, turns = _results(["blame"])
    nodes = script_views.script_map(cat, turns, 3, False)
    assert not tags(nodes, "textarea") and not tags(nodes, "label")
    for turn in turns:
        assert turn["text"] in text_of(nodes)


def test_the_plan_card_comes_first_with_three_things_and_the_first_lines():
    cat, chosen, plan, turns = _results(["cost"], topics=["money"])
    card = plan_card(cat, chosen, plan, turns)
    share = {"ask": plan["ask"], "reasons": plan["reasons"], "note": ""}
    nodes = results_views.results(cat, plan, card, turns, "gentle", share)
    assert attr(nodes[0], "data-plan-card") == ""
    things = find_all(nodes[0], lambda n: attr(n, "data-thing") is not None)
    assert [text_of(n) for n in things] == [t["text"] for t in card["things"]]
    lines = find_all(nodes[0], lambda n: attr(n, "data-card-line") is not None)
    assert [text_of(n) for n in lines] == ["“%s”" % t["text"] for t in script.main_path(turns)[:3]]


def test_the_results_link_to_every_section_and_the_share_step():
    cat, chosen, plan, turns = _results(["privacy"])
    share = {"ask": plan["ask"], "reasons": plan["reasons"], "note": ""}
    nodes = results_views.results(cat, plan, plan_card(cat, chosen, plan, turns), turns,
                                  "gentle", share)
    ids = {attr(n, "id") for n in find_all(nodes, lambda n: attr(n, "id") is not None)}
    links = [attr(a, "href") for a in tags(nodes[1], "a")]
    assert len(links) == len(plan["sections"]) + 1
    for href in links:
        assert href[1:] in ids, href
    actions = [attr(b, "data-action") for b in tags(nodes, "button")]
    assert "download" in actions and "download-script" in actions


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


def test_a_country_shows_its_emergency_number_before_any_helpline():
    cat = catalogue()
    for country in cat.safety["countries"]:
        nodes = safety_views.country_lines(cat, country["id"])
        assert text_of(nodes[0]) == country["name"]
        assert attr(nodes[1], "class") == "emergency-box"
        for call in tags(nodes, "a"):
            href = attr(call, "href")
            assert href.startswith("tel:") or href.startswith("https://"), href


def test_the_country_picker_selects_the_guess_and_shows_its_lines():
    cat = catalogue()
    country = cat.safety["countries"][1]
    nodes = safety_views.country_picker(cat, "unsure", country["id"])
    selected = [attr(o, "value") for o in tags(nodes, "option") if attr(o, "selected") == ""]
    assert selected == [country["id"]]
    lines = find_all(nodes, lambda n: attr(n, "data-lines") is not None)[0]
    assert text_of(lines[2][0]) == country["name"]
    elsewhere = safety_views.country_picker(cat, "unsure", safety_views.ELSEWHERE)
    lines = find_all(elsewhere, lambda n: attr(n, "data-lines") is not None)[0]
    assert text_of(lines[2][0]) == cat.safety["international"]["name"]
