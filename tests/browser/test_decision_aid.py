"""The decision aid, clicked through in Chromium by mouse and by keyboard (issue 16).

Weigh the options and see them re-order with a reason; the SURE check before
and after; the situations that change the plan; the calendar file, read back by
an independent parser; the printable summary; and "Keep my plan": a sealed
resume link opened in a fresh browser context (another device), the safety
questions asked again, then the same plan back after the passphrase. Hostile
resume links get the calm error. Every context is audited as usual (no other
origin, no console error, nothing stored).

Tests about what is done on a plan, not about reaching it or a first visit,
share one kept tab (conftest.py's ``tab``): each walks to its own plan again
from the welcome step (``flows.start_again``), without starting Python again.
"""

import datetime
import re

import flows
import icalendar
import pytest
import test_share
from axe_playwright_python.sync_playwright import Axe
from flows import (
    STEP_TIMEOUT,
    answer_safety,
    choose_reasons,
    choose_stance,
    expect_safety_route,
    expect_step,
    open_page,
    open_plan_parts,
    see_plan,
    start,
    start_again,
    start_over,
    submit,
    words,
)
from playwright.sync_api import expect

from doorway.guide import link

#: A fresh browser context (another device), audited like ``page``.
fresh = test_share.fresh

NAME = "Sam"
OWN_LINE = "I have missed our evenings together, and I would like them back."


def decision(*keys):
    return words("decision", *keys)


def option_ids(page):
    return page.locator("[data-options] [data-option]").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-option'))")


def walk_to_results(page, *args, **context):
    """To a plan with every part open: the decision aid's parts start closed."""
    flows.walk_to_results(page, *args, **context)
    open_plan_parts(page)


def kept_plan(tab, *args, **context):
    """:func:`walk_to_results` in the kept tab (see the module's docstring); returns its page."""
    page = tab()
    walk_to_results(page, *args, begin=start_again, **context)
    return page


def walk_with_situations(page, situations, stance="not_asked", name="", begin=start):
    begin(page)
    answer_safety(page)
    expect_step(page, "stance")
    choose_stance(page, stance)
    choose_reasons(page, ["blame"])
    if name:
        page.locator("#partner-name").fill(name)
    for situation in situations:
        page.get_by_label(words_situation(situation)).check()
    submit(page, "context")
    see_plan(page)
    open_plan_parts(page)


def words_situation(situation_id):
    for item in decision("situations", "items"):
        if item["id"] == situation_id:
            return item["label"]
    raise KeyError(situation_id)


def first_reason(page):
    return page.locator("[data-options] [data-option]").first.locator(".option-reason")


# Weigh the options -------------------------------------------------------------

def test_weighing_by_mouse_reorders_the_options_with_a_reason(tab):
    page = kept_plan(tab)
    before = option_ids(page)
    assert before == [o["id"] for o in decision("options")]
    expect(page.locator("[data-order-note]")).to_have_text(decision("decide", "order",
                                                                    "unsorted"))
    expect(page.locator(".option-reason")).to_have_count(len(before))
    expect(first_reason(page)).to_have_text(decision("decide", "reasons", "unsorted"))
    # Equal detail: every option shows every field.
    expect(page.locator(".option-fields dt")).to_have_count(8 * len(before))
    together = page.get_by_role("group", name="Keeping the relationship going")
    together.get_by_label("A lot").click()
    expect(page.locator("[data-options] [data-option]").first).to_have_attribute(
        "data-option", "few")
    expect(first_reason(page)).to_have_text("Good for keeping the relationship going.")
    expect(page.locator("[data-option]").first.locator(".option-position")).to_have_text(
        "Number 1 of 7")
    expect(page.locator("[data-decide-status]")).to_have_text(
        "The options are sorted again. First: A few couples sessions.")
    expect(page.locator("[data-order-note]")).to_have_text(decision("decide", "order",
                                                                    "sorted"))
    page.get_by_role("group", name="Keeping the cost low").get_by_label("A lot").click()
    # online 2x2+2x3=10; checkup 2x2+2x2=8 ties with few 2x3+2x1=8 and comes first
    assert option_ids(page)[:3] == ["online", "checkup", "few"]
    # Every option keeps its sources on the page.
    expect(page.locator("[data-option] .refs")).to_have_count(len(before))
    href = page.locator("[data-option] .refs a").first.get_attribute("href")
    expect(page.locator(href)).to_have_count(1)
    # The summary follows.
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("Keeping the cost low: A lot")
    expect(summary.locator("ol li").first).to_contain_text("An online programme for couples")


def test_weighing_by_keyboard(tab):
    page = kept_plan(tab)
    page.locator("#value-speed-little").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#value-speed-lot")).to_be_checked()
    expect(page.locator("[data-options] [data-option]").first).to_have_attribute(
        "data-option", "consultation")
    expect(page.locator("[data-decide-status]")).to_contain_text("One short call")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#value-speed-some")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#value-comfort-little")).to_be_focused()


def test_sure_before_and_after_with_a_kind_note(tab):
    page = kept_plan(tab)
    sure = decision("sure")
    ids = [item["id"] for item in sure["items"]]
    before = page.locator('[data-sure="before"]')
    for item_id in ids[:3]:
        page.locator("#sure-before-%s-yes" % item_id).click()
    expect(page.locator('[data-sure-result="before"]')).to_have_text("")
    page.locator("#sure-before-%s-no" % ids[3]).click()
    expect(before.locator(".sure-message")).to_have_text(sure["unsure_one"])
    expect(before.locator("li")).to_have_text([sure["items"][3]["helps"]])
    expect(before.locator(".refs a")).to_have_count(len(sure["sources"]))
    # After, by keyboard: Space picks yes, Tab moves to the next question.
    page.locator("#sure-after-%s-yes" % ids[0]).focus()
    for _ in ids:
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    after = page.locator('[data-sure="after"]')
    expect(after.locator(".sure-message")).to_have_text(sure["settled"])
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("Before: 3 of 4")
    expect(summary).to_contain_text("After: 4 of 4")


# What may be behind it ---------------------------------------------------------

def test_a_situation_adds_a_sourced_section_and_moves_an_option_up(tab):
    page = tab()
    walk_with_situations(page, ["leaving", "substance"], begin=start_again)
    item = next(i for i in decision("situations", "items") if i["id"] == "leaving")
    heading = page.locator("#section-situation-leaving")
    expect(heading).to_have_text(item["heading"])
    section = page.locator('[aria-labelledby="section-situation-substance"]')
    expect(section.locator(".refs a")).not_to_have_count(0)
    assert option_ids(page)[:2] == ["discernment", "individual"]
    expect(first_reason(page)).to_have_text(re.compile("^Moved up for what you told us: "))
    # The safety note is said once, before the first situation.
    safety = decision("situations", "safety", "text")
    expect(page.get_by_text(safety)).to_have_count(1)
    expect(section).to_contain_text(safety)  # substance comes first in content order


# The weeks ahead and the calendar file ----------------------------------------

def _calendar(page, how):
    with page.expect_download() as info:
        if how == "mouse":
            page.get_by_role("button", name=decision("calendar", "button")).click()
        else:
            page.locator("#calendar-start").focus()
            button = page.get_by_role("button", name=decision("calendar", "button"))
            for _ in range(6):  # past the date field's own parts (day, month, year)
                page.keyboard.press("Tab")
                if button.evaluate("b => b === document.activeElement"):
                    break
            page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == decision("calendar", "filename")
    return download.path().read_bytes().decode("utf-8")


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_the_calendar_file_parses_and_names_nothing(tab, how):
    page = kept_plan(tab, stance="said_no", name=NAME)
    field = page.get_by_label(decision("calendar", "start_label"))
    expect(field).to_have_value(re.compile(r"^\d{4}-\d\d-\d\d$"))
    field.fill("2027-03-01")
    text = _calendar(page, how)
    expect(page.locator("[data-calendar-status]")).to_have_text(decision("calendar", "done"))
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 6  # said_no: six weeks
    assert [e.decoded("DTSTART") for e in events][:2] == [datetime.date(2027, 3, 1),
                                                          datetime.date(2027, 3, 8)]
    lowered = text.lower()
    for word in [*decision("calendar", "never"), NAME.lower(), "blame"]:
        assert word.lower() not in lowered, word


def test_a_missing_date_is_said_clearly(tab):
    page = kept_plan(tab)
    page.get_by_label(decision("calendar", "start_label")).fill("")
    page.get_by_role("button", name=decision("calendar", "button")).click()
    expect(page.locator('[data-question="calendar-start"] [data-field-error]')).to_have_text(
        decision("calendar", "failed"))
    expect(page.locator("#calendar-start")).to_be_focused()


def test_the_weeks_ahead_follow_where_things_stand(tab):
    page = kept_plan(tab, stance="postponing")
    section = page.locator('[aria-labelledby="section-weeks"]')
    expect(section.locator("h3")).to_have_count(4)
    expect(section.locator("h3").first).to_have_text("Week 1: agree on a date")


# The decision summary ---------------------------------------------------------

PRINTED = """window.print = () => {
  const shown = [...document.querySelectorAll('.plan-section')]
    .filter((e) => getComputedStyle(e).display !== 'none');
  window.__printed = document.documentElement.getAttribute('data-print');
};"""


def test_print_the_summary_alone(page):
    page.add_init_script(PRINTED)
    walk_to_results(page)
    page.get_by_role("button", name=decision("summary", "print")).click()
    assert page.evaluate("window.__printed") == "summary"
    assert page.locator("html").get_attribute("data-print") is None
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.setAttribute('data-print', 'summary')")
    shown = page.locator(".plan-section:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_have_attribute("aria-labelledby", "section-summary")
    page.evaluate("document.documentElement.removeAttribute('data-print')")
    expect(page.locator('[aria-labelledby="section-weeks"]')).to_be_visible()
    expect(page.locator('[aria-labelledby="section-keep"]')).to_be_hidden()


# Keep my plan, and open it again ------------------------------------------------

def _make_plan_to_keep(tab):
    page = kept_plan(tab, stance="hesitated", reasons=("blame", "cost"))
    page.get_by_role("group", name="Privacy").get_by_label("A lot").click()
    page.locator("#tone-brief").check()
    first = page.locator("[data-line]").first
    first.fill(OWN_LINE)
    return page, option_ids(page), first.get_attribute("data-line")


def _keep(page, own=None, keyboard=False):
    if own:
        page.get_by_label(decision("keep", "own_label")).fill(own)
    button = page.get_by_role("button", name=decision("keep", "make"))
    if keyboard:
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()
    expect(page.locator("[data-keep-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    expect(page.locator("#keep-link")).to_be_focused()
    url = page.locator("#keep-link").input_value()
    secret = own or page.locator("[data-keep-words]").text_content()
    return url, secret


def _open_kept(other, url, secret, keyboard=False):
    open_page(other, url)
    expect_step(other, "resume")
    assert "#" not in other.url, "the token must leave the address bar"
    if keyboard:
        other.keyboard.press("Tab")
        expect(other.get_by_role("button", name=decision("resume", "start"))).to_be_focused()
        other.keyboard.press("Enter")
    else:
        other.get_by_role("button", name=decision("resume", "start")).click()
    expect_step(other, "safety")
    answer_safety(other)
    expect_step(other, "resume-unlock")
    field = other.get_by_label(decision("resume", "label"), exact=True)
    field.fill(secret)
    if keyboard:
        field.press("Enter")
    else:
        other.get_by_role("button", name=decision("resume", "submit")).click()
    expect(other.locator("#app")).to_have_attribute("data-current", "results",
                                                    timeout=STEP_TIMEOUT)


def _same_plan(other, order, line_id):
    expect(other.locator(".restored")).to_have_text(decision("resume", "restored"))
    # The card comes first; the rest of the plan (the decision aid too) a frame later.
    expect(other.locator("[data-results]")).not_to_have_attribute("aria-busy", "true")
    assert option_ids(other) == order
    expect(other.locator("#value-privacy-lot")).to_be_checked()
    expect(other.locator("#tone-brief")).to_be_checked()
    expect(other.locator('[data-line="%s"]' % line_id)).to_have_value(OWN_LINE)
    behind = other.locator('[aria-labelledby="section-behind"] h3')
    expect(behind).to_have_count(2)


def test_keep_my_plan_and_open_it_on_another_device_by_mouse(tab, fresh):
    page, order, line_id = _make_plan_to_keep(tab)
    url, secret = _keep(page)
    assert re.fullmatch(r"[a-z-]+( [a-z-]+){3}", secret), secret
    token = url.split("#", 1)[1]
    assert token.startswith("k1p.") and len(token) <= link.TOKEN_CAPS[link.RESUME]
    assert NAME not in url and "blame" not in url
    # Other words make another link.
    page.get_by_role("button", name=decision("keep", "new_words")).click()
    expect(page.locator("[data-keep-words]")).not_to_have_text(secret, timeout=STEP_TIMEOUT)
    url, secret = page.locator("#keep-link").input_value(), page.locator(
        "[data-keep-words]").text_content()
    other = fresh()
    _open_kept(other, url, secret)
    _same_plan(other, order, line_id)


def test_keep_with_my_own_passphrase_by_keyboard(tab, fresh):
    page, order, line_id = _make_plan_to_keep(tab)
    page.get_by_label(decision("keep", "own_label")).fill("short")
    page.get_by_role("button", name=decision("keep", "make")).click()
    expect(page.locator('[data-form="keep"] [data-error-summary]')).to_contain_text(
        decision("keep", "own_error"))
    url, _ = _keep(page, own="Orange Kettle by the sea", keyboard=True)
    expect(page.locator("[data-keep-words-box]")).to_be_hidden()
    other = fresh()
    _open_kept(other, url, "orange kettle BY the sea", keyboard=True)
    _same_plan(other, order, line_id)


def test_a_wrong_passphrase_then_the_right_one(tab, fresh):
    page = kept_plan(tab)
    url, secret = _keep(page, own="a long enough passphrase")
    other = fresh()
    open_page(other, url)
    expect_step(other, "resume")  # the welcome's own Start has the same name
    other.get_by_role("button", name=decision("resume", "start")).click()
    answer_safety(other)
    expect_step(other, "resume-unlock")
    other.get_by_role("button", name=decision("resume", "submit")).click()
    expect(other.locator('[data-form="resume-unlock"] [data-error-summary]')).to_contain_text(
        decision("resume", "empty"))
    other.get_by_label(decision("resume", "label"), exact=True).fill("not it at all")
    other.get_by_role("button", name=decision("resume", "submit")).click()
    expect(other.locator('[data-form="resume-unlock"] [data-error-summary]')).to_contain_text(
        decision("resume", "wrong"), timeout=STEP_TIMEOUT)
    other.get_by_label(decision("resume", "label"), exact=True).fill(secret)
    other.get_by_role("button", name=decision("resume", "submit")).click()
    expect(other.locator("#app")).to_have_attribute("data-current", "results",
                                                    timeout=STEP_TIMEOUT)


def test_the_safety_questions_come_first_and_can_stop_the_restore(tab, fresh):
    page = kept_plan(tab)
    url, _ = _keep(page, own="a long enough passphrase")
    other = fresh()
    open_page(other, url)
    expect_step(other, "resume")  # the welcome's own Start has the same name
    other.get_by_role("button", name=decision("resume", "start")).click()
    expect_step(other, "safety")
    answer_safety(other, {"afraid": "yes"})
    expect_safety_route(other)
    expect(other.locator("[data-results]")).to_be_empty()


HOSTILE = [
    ("k1p." + "A" * 7000, "too_long"),
    ("k9p.AAAAAAAA", "version"),
    ("k1p.!!!!", "damaged"),
    ("k1.AAAAAAAA", "damaged"),
    ("i2.AAAAAAAA", "wrong_page"),
]


@pytest.mark.parametrize("token,code", HOSTILE)
def test_hostile_resume_links_get_the_calm_error(page, token, code):
    open_page(page, "./#" + token)
    expect_step(page, "resume-error")
    expect(page.locator("[data-resume-error]")).to_have_text(decision("resume", "errors", code))
    assert "#" not in page.url
    page.get_by_role("button", name=decision("resume", "start_new")).click()
    expect_step(page, "welcome")


def test_the_decision_aid_is_accessible(page):
    walk_with_situations(page, ["affair"], name=NAME)
    page.get_by_role("group", name="Privacy").get_by_label("Some").click()
    page.locator("#sure-before-sure-no").click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


# Privacy: nothing kept, everything forgotten -----------------------------------

def test_start_over_forgets_the_weights_the_words_and_the_link(page):
    walk_to_results(page)
    page.get_by_role("group", name="Privacy").get_by_label("A lot").click()
    page.locator("#sure-before-sure-no").click()
    url, secret = _keep(page)
    token = url.split("#", 1)[1]
    expect(page.locator("[data-results]")).to_have_attribute("data-private", "")
    start_over(page)
    held = page.evaluate("""() => document.documentElement.outerHTML
        + [...document.querySelectorAll('input, textarea')].map((f) => f.value).join(' ')""")
    assert secret not in held and token not in held
    expect(page.locator("[data-results] *")).to_have_count(0)
    walk_to_results(page)
    expect(page.locator("[data-values] input:checked")).to_have_count(0)
    expect(page.locator("[data-sure] input:checked")).to_have_count(0)
    expect(first_reason(page)).to_have_text(decision("decide", "reasons", "unsorted"))


def test_leaving_while_the_passphrase_is_asked_forgets_the_kept_plan(tab, fresh):
    page = kept_plan(tab)
    url, _secret = _keep(page, own="a long enough passphrase")
    other = fresh()
    open_page(other, url)
    expect_step(other, "resume")  # the welcome's own Start has the same name
    other.get_by_role("button", name=decision("resume", "start")).click()
    answer_safety(other)
    expect_step(other, "resume-unlock")
    # What boot.js sends when the person leaves the page in any way.
    other.evaluate("document.dispatchEvent(new Event('doorway:wipe'))")
    expect_step(other, "welcome")
    start(other)
    answer_safety(other)
    expect_step(other, "stance")  # no kept plan waits any more


def test_a_kept_plan_pasted_into_the_tab_later_is_read(tab, fresh):
    page = kept_plan(tab)
    url, _secret = _keep(page, own="a long enough passphrase")
    other = fresh()
    open_page(other, "./")
    other.evaluate("(token) => { location.hash = token; }", url.split("#", 1)[1])
    expect_step(other, "resume")
    assert "#" not in other.url
