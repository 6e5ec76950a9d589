"""The wizard, clicked through in Chromium: welcome to a tailored plan.

Tests about what a plan holds share one kept tab (conftest.py's ``tab``): each
walks every step again from the welcome step (``flows.start_again``), without
starting Python again. Tests of the first load, of errors, of history and of
Start over keep a page of their own.
"""

import pytest
from flows import (
    SAFETY_ITEMS,
    answer_safety,
    choose_reasons,
    choose_stance,
    expect_step,
    give_context,
    open_page,
    open_plan_parts,
    script_lines,
    see_plan,
    start,
    start_again,
    start_over,
    submit,
    tab_to,
    walk_to_results,
)
from playwright.sync_api import expect

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.guide import plan as planner
from doorway.guide import script

#: Varied paths: stance, reasons, context, and what the plan must then say.
PATHS = [
    dict(stance="not_asked", reasons=["blame"], context={}),
    dict(stance="hesitated", reasons=["cost", "time"],
         context=dict(name="Sam", conflict="heated", limits=["money"], topics=["money", "chores"])),
    dict(stance="said_no", reasons=["stigma", "privacy", "doubts"],
         context=dict(name="Ari", conflict="avoidant", hopes=["trust"])),
    dict(stance="postponing", reasons=["fine"],
         context=dict(hopes=["communication", "closeness"], limits=["distance"])),
    dict(stance="agreed_once", reasons=["dont_know"], context=dict(conflict="mixed")),
    dict(stance="agreed_once", reasons=["bad_past", "overwhelmed"], context=dict(name="Jo")),
]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: "%s-%s" % (p["stance"],
                                                                 "+".join(p["reasons"])))
def test_a_path_ends_in_a_plan_tailored_to_the_answers(tab, path, guide_catalogue):
    page = tab()
    walk_to_results(page, path["stance"], path["reasons"], begin=start_again, **path["context"])
    open_plan_parts(page)
    cat = guide_catalogue
    results = page.locator("[data-results]")
    for reason in path["reasons"]:
        expect(results.get_by_role("heading", name=cat.reason(reason)["label"]).first)\
            .to_be_visible()
    ask, _ = planner.choose_ask(cat, path["stance"], path["reasons"])
    # (scoped: the decision aid names the same step among its options)
    expect(results.locator('[aria-labelledby="section-ask"]').get_by_role(
        "heading", name=cat.ask(ask)["name"])).to_be_visible()
    for section in cat.guidance["sections"].values():
        if section == cat.guidance["sections"]["practical"] and not (
                planner.tips_for(cat, path["reasons"], path["context"].get("limits", []))):
            continue
        expect(results.locator("h2", has_text=section).first).to_be_visible()
    lines = script_lines(page)
    topics = path["context"].get("topics")
    if topics:
        assert cat.topic(topics[0])["phrase"] in lines[0], lines[0]
    name = path["context"].get("name")
    if name:
        assert lines[0].startswith(name + ", "), lines[0]
    else:
        assert "{name}" not in lines[0] and lines[0][0].isupper()
    conflict = path["context"].get("conflict")
    if conflict and conflict != "unsure":
        advice = next(e["advice"] for e in cat.guidance["timing"]["conflict"]
                      if e["conflict"] == conflict)
        expect(results.get_by_text(advice[0])).to_be_visible()


@pytest.fixture(scope="session")
def guide_catalogue():
    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.guide.catalogue import Catalogue
    return Catalogue(load(CONTENT))


def test_welcome_is_readable_before_python_and_start_appears_after(page):
    page.goto("./")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=30000)
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.locator("[data-loading]")).to_be_hidden()


def test_each_step_explains_what_is_missing(page):
    start(page)
    submit(page, "safety")
    summary = page.locator('[data-step="safety"] [data-error-summary]')
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    # doorway.guide.answers.check_safety: one gentle summary message, linked to
    # the first question; no entry repeats a question's words. Each unanswered
    # question is marked with a short message of its own.
    screen = load(CONTENT)["safety"]["screen"]
    expect(summary.locator("li")).to_have_count(1)
    expect(summary.locator("a")).to_have_text(screen["error_summary"])
    for item in screen["items"]:
        expect(summary).not_to_contain_text(item["question"])
    marked = page.locator('[data-step="safety"] .has-error [data-field-error]')
    expect(marked).to_have_count(len(SAFETY_ITEMS))
    expect(marked.first).to_have_text(screen["error"])
    summary.locator("a").first.click()
    expect(page.locator("#safety-afraid-yes")).to_be_focused()
    assert "#" not in page.url
    answer_safety(page)
    expect_step(page, "stance")
    submit(page, "stance")
    expect(page.locator('[data-step="stance"] [data-error-summary]'))\
        .to_contain_text("Choose where things stand")
    choose_stance(page, "hesitated")
    submit(page, "reasons")
    expect(page.locator('[data-step="reasons"] .field-error')).to_be_visible()
    choose_reasons(page, ["cost"])
    page.get_by_label("Your partner’s first name or nickname").fill("x" * 41)
    submit(page, "context")
    expect(page.locator('[data-step="context"] [data-error-summary]'))\
        .to_contain_text("40 characters")


def test_i_dont_know_stands_alone(tab):
    page = tab()
    start_again(page)
    answer_safety(page)
    page.locator("#stance-not_asked").check()
    submit(page, "stance")
    page.locator("#reason-cost").check()
    page.locator("#reason-dont_know").check()
    expect(page.locator("#reason-cost")).not_to_be_checked()
    page.locator("#reason-time").check()
    expect(page.locator("#reason-dont_know")).not_to_be_checked()


def test_back_keeps_answers_and_start_over_clears_them(page):
    start(page)
    answer_safety(page)
    choose_stance(page, "said_no")
    page.get_by_role("button", name="Back").locator("visible=true").click()
    expect_step(page, "stance")
    expect(page.locator("#stance-said_no")).to_be_checked()
    submit(page, "stance")
    choose_reasons(page, ["time"])
    give_context(page)
    see_plan(page)
    start_over(page)
    assert page.evaluate("history.state") == 0, "Start over returns to the first entry"
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#safety-afraid-no")).not_to_be_checked()


def _map(cat, stance, reasons, tone="gentle", **context):
    """The map Python composes for these answers, to compare the page with."""
    chosen = {"safety": {"afraid": "no"}, "stance": stance, "reasons": reasons, "name": "",
              "conflict": None, "hopes": [], "limits": [], "topics": []}
    chosen.update(context)
    ask, _ = planner.choose_ask(cat, stance, reasons)
    return script.compose(cat, chosen, ask, tone)


def test_the_map_shows_the_main_path_listening_branches_and_repair(tab, guide_catalogue):
    cat = guide_catalogue
    page = tab()
    walk_to_results(page, "not_asked", ["blame", "cost"], begin=start_again, topics=["money"])
    open_plan_parts(page, "script")
    turns = _map(cat, "not_asked", ["blame", "cost"], topics=["money"])
    lines = page.locator("[data-script-lines]")
    for turn in turns:
        if turn["say"]:
            # Every spoken line is a box named by its own part and worry.
            expect(lines.get_by_role("textbox", name=turn["label"], exact=True))\
                .to_have_value(turn["text"])
        else:
            expect(lines.get_by_text(turn["text"])).to_be_visible()
    assert lines.locator("textarea").count() == len([t for t in turns if t["say"]])
    expect(lines.get_by_role("heading", name=cat.script["worry"]["heading"])).to_be_visible()
    for reason in ("blame", "cost"):
        expect(lines.locator('[data-branch="worry"] [data-if="%s"] h4' % reason))\
            .to_have_text(script.branch_heading(cat, {"branch": "worry", "if": reason}))
    expect(lines.get_by_role("heading", name=cat.script["repair"]["heading"])).to_be_visible()


def test_script_lines_are_editable_and_survive_a_change_of_tone(tab, guide_catalogue):
    cat = guide_catalogue
    page = tab()
    walk_to_results(page, "hesitated", ["blame", "cost"], begin=start_again, name="Sam")
    open_plan_parts(page, "script")
    first = page.locator("[data-script-lines] textarea").first
    first.fill("Sam, this is my own opening.")
    more = page.get_by_role("textbox", name=cat.script["worry"]["more"].replace(
        "{worry}", cat.reason("cost")["short"]))
    more.fill("My own second answer about money.")
    gentle = script_lines(page)
    page.get_by_label("Brief").check()
    brief = script_lines(page)
    assert brief[0] == "Sam, this is my own opening."
    assert "My own second answer about money." in brief
    assert brief[1] != gentle[1]
    assert len(brief) < len(gentle)
    expect(page.locator("[data-script-status]")).to_contain_text("kept")
    page.get_by_label("Direct").check()
    assert script_lines(page)[0] == "Sam, this is my own opening."
    page.get_by_role("button", name="Copy the script").click()
    expect(page.locator("[data-script-status]")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()").split("\n\n")
    direct = script_lines(page)
    assert [p for p in copied if p in direct] == direct
    assert cat.script["repair"]["heading"] + ":" in copied
    listen = next(p["label"] for p in cat.script["parts"] if p["id"] == "listen")
    assert "(%s: %s)" % (listen, cat.script["listen"]) in copied


def test_the_map_works_by_keyboard(page, guide_catalogue):
    cat = guide_catalogue
    start(page)
    answer_safety(page)
    choose_stance(page, "said_no")
    choose_reasons(page, ["fine", "cost"])
    # The context step: what the arguments are about, by keyboard.
    tab_to(page, page.locator("#topic-money"))
    page.keyboard.press("Space")
    expect(page.locator("#topic-money")).to_be_checked()
    tab_to(page, page.locator('[data-step="context"] button[type=submit]'))
    page.keyboard.press("Enter")
    expect_step(page, "check")
    tab_to(page, page.locator('[data-step="check"] [data-action="see-plan"]'))
    page.keyboard.press("Enter")
    expect_step(page, "results")
    card_first = page.locator("[data-card-line]").first
    box = page.locator("[data-script-lines] textarea").first
    # The script is a part of the plan that opens from its heading.
    tab_to(page, page.locator('details[data-section="script"] > summary'))
    page.keyboard.press("Enter")
    tab_to(page, box)
    page.keyboard.press("Control+a")
    page.keyboard.type("My words, typed.")
    expect(card_first).to_have_text("“My words, typed.”")
    tab_to(page, page.locator("#tone-gentle"))
    page.keyboard.press("ArrowRight")
    expect(page.locator("#tone-brief")).to_be_checked()
    expect(page.locator("[data-script-status]")).to_contain_text("kept")
    assert script_lines(page)[0] == "My words, typed."
    brief = _map(cat, "said_no", ["fine", "cost"], "brief", topics=["money"])
    assert script_lines(page)[1:] == [t["text"] for t in brief if t["say"]][1:]
    tab_to(page, page.get_by_role("button", name="Copy the script"))
    page.keyboard.press("Enter")
    expect(page.locator("[data-script-status]")).to_have_text("Copied")


def test_the_plan_card_comes_first_and_follows_the_persons_words(tab, guide_catalogue):
    cat = guide_catalogue
    page = tab()
    walk_to_results(page, "not_asked", ["cost"], begin=start_again, conflict="heated",
                    topics=["money"])
    results = page.locator("[data-results]")
    card = results.locator("[data-plan-card]")
    expect(results.locator("> *").first).to_have_attribute("data-plan-card", "")
    expect(card.get_by_role("heading", name=cat.guidance["card"]["things_heading"]))\
        .to_be_visible()
    expect(card.locator("[data-thing]")).to_have_count(3)
    expect(card.locator('[data-thing="prepare"]')).to_have_text(cat.guidance["card"]["cost"])
    turns = [t for t in _map(cat, "not_asked", ["cost"], conflict="heated", topics=["money"])
             if t["say"] and t["branch"] is None]
    expect(card.locator("[data-card-line]")).to_have_text(["“%s”" % t["text"]
                                                            for t in turns[:3]])
    open_plan_parts(page, "script")
    page.locator("[data-script-lines] textarea").nth(1).fill("A time that suits us both?")
    expect(card.locator("[data-card-line]").nth(1)).to_have_text("“A time that suits us both?”")


def test_the_plan_made_ahead_on_the_check_page_follows_a_change(page, guide_catalogue):
    """The plan is made while "Check your answers" is read, a piece whenever the
    page is idle, so "See my plan" only draws it. An answer changed after that
    must still give the plan for the answers as they are when it is asked for."""
    card = guide_catalogue.guidance["card"]
    start(page)
    answer_safety(page)
    choose_stance(page, "not_asked")
    choose_reasons(page, ["blame"])
    give_context(page)
    for _ in range(6):  # several idle periods: the plan for "blame" is (mostly) made
        page.evaluate("() => new Promise((done) => requestIdleCallback(done, {timeout: 200}))")
    # Made off the page: nothing of it is on the page before it is asked for.
    expect(page.locator("[data-results] *")).to_have_count(0)
    page.click('[data-step="check"] [data-change="reasons"]')
    expect_step(page, "reasons")
    page.uncheck("#reason-blame")
    page.check("#reason-cost")
    submit(page, "reasons")
    see_plan(page)
    expect(page.locator('[data-plan-card] [data-thing="prepare"]')).to_have_text(card["cost"])
    expect(page.locator("[data-results] [data-plan-card]")).to_have_count(1)
    # With the plan step here, a plan for new answers is drawn in the click's
    # own task: the step has changed by the time the click returns.
    page.go_back()
    expect_step(page, "check")
    page.click('[data-step="check"] [data-change="reasons"]')
    expect_step(page, "reasons")
    page.check("#reason-blame")
    submit(page, "reasons")
    expect_step(page, "check")
    assert page.evaluate("""() => {
        document.querySelector('[data-step="check"] [data-action="see-plan"]').click();
        return document.getElementById("app").getAttribute("data-current");
    }""") == "results"
    expect_step(page, "results")
    expect(page.locator("[data-results] [data-plan-card]")).to_have_count(1)


#: In the page, in one task: "See my plan" clicked, then what the plan step
#: holds at once, before any frame is drawn.
SEE_PLAN = """
    document.querySelector('[data-step="check"] [data-action="see-plan"]').click();
    const results = document.querySelector("[data-results]");
    return {step: document.getElementById("app").getAttribute("data-current"),
            busy: results.getAttribute("aria-busy"),
            parts: Array.from(results.children, (part) => part.hasAttribute("data-plan-card"))};
"""
#: In one task too: "See my plan", then "Change" on the reasons, "blame" for
#: "time", and "See my plan" again, while the first plan waits for its frame.
DRAW_TWICE = """() => {
    const first = (() => {%s})();
    document.querySelector('[data-step="check"] [data-change="reasons"]').click();
    document.querySelector("#reason-time").click();
    document.querySelector("#reason-blame").click();
    document.querySelector('[data-step="reasons"] form').requestSubmit();
    return [first, (() => {%s})()];
}""" % (SEE_PLAN, SEE_PLAN)
PLAN_PARTS = ("[data-plan-card]", ".action-bar", "#section-share", "[data-script-lines]")


def test_the_plan_card_comes_first_and_the_rest_once_its_frame_is_drawn(page, guide_catalogue):
    """"See my plan" places the plan card in the click's own task, the plan
    marked busy for assistive technology; everything under the card follows
    once that frame is drawn. A plan drawn again before then gets its own
    parts, once, and none of the first plan's."""
    cost = guide_catalogue.guidance["card"]["cost"]
    walk_to_results(page, "not_asked", ["blame"])  # the plan step is here now
    whole = page.locator("[data-results] > *").count()
    blame = page.locator('[data-plan-card] [data-thing="prepare"]').inner_text()
    page.go_back()
    expect_step(page, "check")
    page.click('[data-step="check"] [data-change="reasons"]')
    page.uncheck("#reason-blame")
    page.check("#reason-cost")
    submit(page, "reasons")
    expect_step(page, "check")
    shown = page.evaluate("() => {%s}" % SEE_PLAN)
    assert shown == {"step": "results", "busy": "true", "parts": [True]}
    expect_step(page, "results")  # no longer busy: the whole plan
    expect(page.locator("[data-results] > *")).to_have_count(whole)
    expect(page.locator("[data-results] > *").first).to_have_attribute("data-plan-card", "")
    expect(page.locator('[data-plan-card] [data-thing="prepare"]')).to_have_text(cost)
    page.go_back()
    expect_step(page, "check")
    page.click('[data-step="check"] [data-change="reasons"]')
    page.uncheck("#reason-cost")
    page.check("#reason-time")
    submit(page, "reasons")
    expect_step(page, "check")
    shown = page.evaluate(DRAW_TWICE)
    assert shown == [{"step": "results", "busy": "true", "parts": [True]}] * 2
    expect_step(page, "results")
    expect(page.locator("[data-results] > *")).to_have_count(whole)
    for part in PLAN_PARTS:
        expect(page.locator("[data-results] " + part)).to_have_count(1)
    expect(page.locator('[data-plan-card] [data-thing="prepare"]')).to_have_text(blame)


def test_plan_and_script_can_be_copied_downloaded_and_printed(page):
    walk_to_results(page, "not_asked", ["privacy"])
    page.get_by_role("button", name="Copy the plan").click()
    expect(page.locator("[data-plan-status]")).to_have_text("Copied")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Your plan\n") and "Sources" in text
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the plan as text").click()
    saved = download.value
    assert saved.suggested_filename == "my-plan.txt"
    with open(saved.path(), encoding="utf-8") as handle:
        assert handle.read() == text
    open_plan_parts(page, "script")
    page.get_by_role("button", name="Copy the script").click()
    expect(page.locator("[data-script-status]")).to_have_text("Copied")
    script_copy = page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the script").click()
    saved = download.value
    assert saved.suggested_filename == "my-script.txt"
    with open(saved.path(), encoding="utf-8") as handle:
        alone = handle.read()
    assert alone == script_copy and alone in text and len(alone) < len(text) / 3
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.__printed") == 1


def test_a_link_to_a_source_opens_its_part_without_touching_history(page):
    walk_to_results(page, "not_asked", ["time"])
    open_plan_parts(page, "behind")
    history = page.evaluate("history.length")
    link = page.locator('[data-section="behind"] .refs a').first
    target = page.locator(link.get_attribute("href"))
    link.click()
    # The source is in a part still closed: the link opens it, in place.
    expect(page.locator('details[data-section="sources"]')).to_have_attribute("open", "")
    expect(target).to_be_focused()
    assert "#" not in page.url and page.evaluate("history.length") == history


def test_results_do_not_break_when_python_raises(page):
    open_page(page, "./")
    page.evaluate("document.querySelector('[data-step=safety] form').remove()")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Sorry, something went wrong on this page"))\
        .to_be_visible()
