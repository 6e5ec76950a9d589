"""View trees (doorway.guide.views): the one description of what a page shows.

These check the shape of the trees, not today's words, so a content edit
breaks none of them. That both renderers draw a tree the same way is checked
in the browser (tests/browser/test_views.py).
"""

from support import answers, catalogue, raises

from doorway.guide import link, link_forms, script
from doorway.guide import plan as planner
from doorway.guide.card import plan_card
from doorway.guide.views import attr, find_all, h, partner_sources, source_link, text_of
from doorway.guide.views import partner as partner_views
from doorway.guide.views import plan as plan_views
from doorway.guide.views import reply as reply_views
from doorway.guide.views import results as results_views
from doorway.guide.views import script as script_views
from doorway.guide.views import share as share_views


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
    link = source_link("https://example.org/a", "A")
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
    # Print shows each box's words as text (a box prints cut off, with a border).
    copies = find_all(editor, lambda n: attr(n, "data-print-copy") is not None)
    assert [text_of(c) for c in copies] == [t["text"] for t in spoken]
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
    share = {"ask": plan["ask"], "reasons": plan["reasons"], "note": "", "sender": "",
             "protections": link_forms.protections(True)}
    nodes = results_views.results(cat, plan, card, turns, "gentle", share)
    assert attr(nodes[0], "data-plan-card") == ""
    things = find_all(nodes[0], lambda n: attr(n, "data-thing") is not None)
    assert [text_of(n) for n in things] == [t["text"] for t in card["things"]]
    lines = find_all(nodes[0], lambda n: attr(n, "data-card-line") is not None)
    assert [text_of(n) for n in lines] == ["“%s”" % t["text"] for t in script.main_path(turns)[:3]]


def test_the_card_then_its_actions_then_every_part_closed_then_the_share_step():
    cat, chosen, plan, turns = _results(["privacy"])
    share = {"ask": plan["ask"], "reasons": [], "note": "", "sender": "",
             "protections": link_forms.protections(True)}
    nodes = results_views.results(cat, plan, plan_card(cat, chosen, plan, turns), turns,
                                  "gentle", share)
    assert attr(nodes[0], "data-plan-card") == ""
    # The actions come right after the card, every one of them.
    assert attr(nodes[1], "class") == "action-bar"
    actions = [attr(b, "data-action") for b in tags(nodes[1], "button")]
    assert actions == ["copy-plan", "print", "download", "download-script", "go-share",
                       "practise", "restart"]
    assert attr(nodes[-1], "id") == "section-share"
    parts = [n for n in nodes if n[0] == "details"]
    assert [attr(n, "data-section") for n in parts] == [s["id"] for s in plan["sections"]]
    for i, part in enumerate(parts):
        section = plan["sections"][i]
        assert attr(part, "open") is None, "every part starts closed"
        summary = part[2][0]
        assert summary[0] == "summary" and summary[2][0][0] == "h2"
        assert attr(summary[2][0], "id") == attr(part, "aria-labelledby")
        assert text_of(summary) == section["heading"]
    # Only the card, the actions and the share step are regions (landmarks).
    regions = find_all(nodes, lambda n: n[0] == "section" and attr(n, "aria-labelledby"))
    assert [attr(n, "aria-labelledby") for n in regions] == [
        "plan-card-heading", "actions-heading", "share-heading"]


def _texts(nodes, predicate):
    return [text_of(n) for n in find_all(nodes, predicate)]


def _invite(**values):
    base = {"ask": "trial", "reasons": [], "note": "", "sender": ""}
    for key in values:
        base[key] = values[key]
    return base


def test_the_top_says_who_it_is_from_then_the_note_then_the_step():
    cat = catalogue()
    nodes = partner_views.top(cat, _invite(sender="Sam <b>", note="<script>x</script>"))
    heading, note, offer = nodes
    assert heading[0] == "h1" and attr(heading, "id") == partner_views.HEADING_ID
    assert text_of(heading) == cat.partner["from_named"].replace("{name}", "Sam <b>")
    assert _texts(note, lambda n: attr(n, "data-note") is not None) == ["<script>x</script>"]
    assert attr(note, "data-default-note") is None
    step = partner_views.offer_of(cat, "trial")
    assert _texts(offer, lambda n: attr(n, "data-offer-text") is not None) == [step["step"]]
    for words in (step["time"], step["cost"], step["booked"]):
        assert words in text_of(offer)
    assert not tags(nodes, "script")


def test_without_a_note_or_a_name_the_top_speaks_warmly_as_the_sender():
    cat = catalogue()
    heading, note, _ = partner_views.top(cat, {"ask": "curiosity", "reasons": [], "note": ""})
    assert text_of(heading) == cat.partner["from_unnamed"]
    assert attr(note, "data-default-note") == ""
    assert [text_of(p) for p in tags(note, "p")] == cat.partner["default_note"]
    assert partner_views.top(cat, _invite(), 3)[0][0] == "h3"


def test_every_first_step_has_its_words_for_the_partner():
    cat = catalogue()
    for ask in cat.asks:
        assert partner_views.offer_of(cat, ask["id"])["ask"] == ask["id"]
    raises(ValueError, partner_views.offer_of, cat, "nonsense")


def test_questions_fold_the_chosen_worries_first_and_say_nothing_twice():
    cat = catalogue()
    nodes = partner_views.questions(cat, ["cost", "blame"])
    folds = tags(nodes, "details")
    asked = [text_of(tags(fold, "summary")[0]) for fold in folds]
    general = [q for q in cat.partner["questions"] if "blame" not in q["same_as"]]
    assert asked == [cat.reason("cost")["partner"]["heading"],
                     cat.reason("blame")["partner"]["heading"]] + [q["question"] for q in general]
    assert len(general) < len(cat.partner["questions"])  # "blame" answers one already
    assert [attr(f, "data-worry") for f in folds[:2]] == ["cost", "blame"]
    assert all(attr(f, "open") is None for f in folds)
    # The question about this page's privacy opens "Cover your tracks" in place.
    hrefs = [attr(a, "href") for a in tags(nodes, "a")]
    assert hrefs == [partner_views.TRACKS]


def test_every_source_the_page_draws_on_is_listed_once():
    cat = catalogue()
    invite = _invite(ask="consultation", reasons=["cost", "blame"])
    ids = partner_views.cited(cat, invite)
    assert len(ids) == len(set(ids))
    wanted = list(cat.partner["sources"]) + partner_views.offer_of(cat, "consultation")["sources"]
    wanted += cat.reason("cost")["sources"] + cat.reason("blame")["sources"]
    for q in partner_views.general_questions(cat, invite["reasons"]):
        wanted += q["sources"]
    assert set(ids) == set(wanted)
    listed = tags(partner_sources.sources(cat, ids), "li")
    assert len(listed) == len(ids)
    for i in range(len(ids)):
        assert text_of(listed[i]).endswith(cat.source(ids[i])["url"])


def test_the_preview_shows_the_top_the_choices_and_the_questions():
    cat = catalogue()
    invite = _invite(ask="trial", reasons=["cost", "blame"], note="<script>x</script>",
                     sender="Kim")
    nodes = partner_views.preview(cat, invite)
    assert _texts(nodes, lambda n: attr(n, "data-note") is not None) == ["<script>x</script>"]
    assert _texts(nodes, lambda n: attr(n, "data-from") is not None) == [
        cat.partner["from_named"].replace("{name}", "Kim")]
    listed = find_all(nodes, lambda n: attr(n, "data-preview-questions") is not None)[0]
    assert [text_of(li) for li in listed[2]] == [
        text_of(tags(f, "summary")[0])
        for f in tags(partner_views.questions(cat, invite["reasons"]), "details")]
    assert [text_of(li) for li in tags(find_all(nodes, lambda n: attr(n, "class") ==
                                                "choice-list"), "li")] == [
        c["label"] for c in cat.reply_choices]
    assert not tags(nodes, "script") and not tags(nodes, "input")


def test_the_reply_form_is_one_choice_with_what_each_choice_lets_you_add():
    cat = catalogue()
    form = partner_views.reply_form(cat, "There is a problem")
    radios = [n for n in tags(form, "input") if attr(n, "name") == "reply-choice"]
    assert [attr(r, "id") for r in radios] == [link_forms.choice_field(c["id"])
                                               for c in cat.reply_choices]
    assert [attr(n, "checked") for n in tags(form, "input") if attr(n, "type") == "radio"] \
        == [None] * len([n for n in tags(form, "input") if attr(n, "type") == "radio"])
    more = find_all(form, lambda n: attr(n, "data-conditional") is not None)
    assert [attr(m, "data-conditional") for m in more] == [
        c["id"] for c in cat.reply_choices if c.get("takes")]
    assert all(attr(m, "hidden") == "" for m in more)
    boxes = [attr(n, "id") for n in tags(more[0], "input")]
    assert boxes == [link_forms.condition_field(c["id"]) for c in cat.reply_conditions]
    periods = [attr(n, "id") for n in tags(more[1], "input")]
    assert periods == [link_forms.period_field(p["id"]) for p in cat.reply_periods]
    seal = [n for n in tags(form, "input") if attr(n, "id") == "reply-seal"][0]
    assert attr(seal, "checked") == ""
    preview = find_all(form, lambda n: attr(n, "data-reply-preview") is not None)[0]
    assert attr(preview, "data-private") == ""


def test_the_paste_field_takes_a_whole_link_and_no_more():
    cat = catalogue()
    for kind in (link.INVITE, link.REPLY):
        box = partner_views.paste_box(cat, kind, "There is a problem")
        field = tags(box, "textarea")[0]
        assert attr(field, "maxlength") == str(link_forms.paste_cap(kind))
        assert attr(field, "data-link-paste") == ""


def _said_and_ideas(cat, reply):
    nodes = reply_views.received(cat, reply)
    said = find_all(nodes, lambda n: attr(n, "data-said") is not None)[0]
    ideas = find_all(nodes, lambda n: attr(n, "data-next") is not None)[0]
    return [text_of(li) for li in said[2]], [text_of(li) for li in ideas[2]], nodes


def test_a_version_one_reply_lists_its_answers_then_fresh_ideas_for_those_answers():
    cat = catalogue()
    options = [o["id"] for o in cat.reply_options[:2]]
    said, ideas, _ = _said_and_ideas(cat, {"version": 1, "options": options, "note": ""})
    assert said == [cat.reply_option(o)["label"] for o in options]
    expected = []
    for option in options:
        expected.extend(cat.reply_option(option)["for_sender"])
    assert ideas == expected + cat.partner["received"]["next"]


def test_a_no_is_shown_as_a_no_with_ideas_that_respect_it():
    cat = catalogue()
    said, ideas, _ = _said_and_ideas(cat, {"version": 2, "choice": "no", "conditions": [],
                                           "period": None, "note": ""})
    assert said == [cat.reply_choice("no")["label"]]
    assert ideas == cat.reply_choice("no")["for_sender"] + cat.partner["received"]["next"]
    for other in cat.reply_choices + cat.reply_conditions:
        if other["id"] != "no":
            for idea in other["for_sender"]:
                assert idea not in ideas


def test_not_yet_says_when_and_a_note_alone_says_it_is_a_note():
    cat = catalogue()
    said, ideas, _ = _said_and_ideas(cat, {"version": 2, "choice": "not_yet", "conditions": [],
                                           "period": "month", "note": ""})
    assert said == [cat.reply_choice("not_yet")["label"], cat.reply_period("month")["label"]]
    assert cat.reply_period("month")["for_sender"][0] in ideas
    said, ideas, nodes = _said_and_ideas(cat, {"version": 2, "choice": None, "conditions": [],
                                               "period": None, "note": "Hi"})
    assert said == []
    assert _texts(nodes, lambda n: attr(n, "data-only-note") is not None) == [
        cat.partner["received"]["only_note"]]
    assert ideas == cat.partner["received"]["next"]


def test_the_share_step_starts_with_no_worry_ticked_and_seals_by_default():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["blame", "cost"]))
    chosen = {"ask": plan["ask"], "reasons": [], "note": "", "sender": "",
              "protections": link_forms.protections(True)}
    panel = share_views.panel(cat, plan, chosen)
    boxes = [n for n in tags(panel, "input") if attr(n, "name") == "share-reasons"]
    assert [attr(b, "value") for b in boxes] == plan["reasons"]
    assert [attr(b, "checked") for b in boxes] == [None, None]
    ways = [n for n in tags(panel, "input") if attr(n, "name") == "share-protect"]
    assert [(attr(w, "value"), attr(w, "checked")) for w in ways] == [
        (link_forms.WORDS, ""), (link_forms.OWN, None), (link_forms.PLAIN, None)]
    secret = [n for n in tags(panel, "input") if attr(n, "id") == link_forms.PASSPHRASE_FIELD]
    assert attr(secret[0], "type") == "password"
    assert cat.partner["share"]["concerns_hint"] in text_of(panel)


def test_the_share_step_keeps_one_outline_through_its_preview():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["blame", "cost"]))
    chosen = {"ask": plan["ask"], "reasons": ["cost"], "note": "", "sender": "Kim",
              "protections": link_forms.protections(True)}
    panel = share_views.panel(cat, plan, chosen)
    headings = find_all(panel, lambda n: len(n[0]) == 2 and n[0][0] == "h"
                        and n[0][1] in "123456")
    levels = [int(n[0][1]) for n in headings]
    assert levels[0] == 2
    for i in range(1, len(levels)):  # never a level skipped on the way down
        assert levels[i] <= levels[i - 1] + 1, levels
    shown = find_all(panel, lambda n: attr(n, "data-preview") is not None)[0]
    inside = [int(n[0][1]) for n in find_all(shown[2], lambda n: len(n[0]) == 2
                                             and n[0][0] == "h" and n[0][1] in "123456")]
    # Their page's h1, then its h2s: one and two levels below "What they will see" (h3).
    assert inside == [4, 5, 5], inside


def test_without_web_crypto_the_share_step_offers_only_a_plain_link_and_says_why():
    cat = catalogue()
    plan = planner.make_plan(cat, answers(reasons=["time"]))
    chosen = {"ask": plan["ask"], "reasons": [], "note": "", "sender": "",
              "protections": link_forms.protections(False)}
    panel = share_views.panel(cat, plan, chosen)
    assert not [n for n in tags(panel, "input") if attr(n, "name") == "share-protect"]
    assert not [n for n in tags(panel, "input") if attr(n, "type") == "password"]
    assert cat.partner["share"]["no_seal"] in text_of(panel)
    assert cat.partner["share"]["plain_warning"] in text_of(panel)


def test_generated_words_are_spoken_one_at_a_time():
    nodes = share_views.words(["maple", "orbit", "tundra", "velvet"])
    assert text_of(nodes) == "maple orbit tundra velvet"
    assert [n[0] for n in nodes if not isinstance(n, str)] == ["span"] * 4

