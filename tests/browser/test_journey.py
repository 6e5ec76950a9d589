"""The journey through the wizard (issue 14): history, where you are, focus clear of the bar.

- Each step is a history entry of the same address whose state is a number:
  the browser's Back and Forward move between steps and keep the answers;
  the address never gains a fragment or a query; the tab title never changes.
- "Question N of M" on each question; "Check your answers" with a Change
  button per answer, which comes back to the check page.
- The plan has its own Back; "Start over" from a plan asks first, in the page.
- Quick exit, then Back three times (back/forward cache on): only clean starts.
- Nothing focused, and no heading jumped to, hides under the sticky exit bar,
  which stays compact at 320 px and at 200 % text.

One walk serves many checks: the suite's time is precious.
"""

import re
from urllib.parse import urlsplit

from flows import (
    HELD_JS,
    STEP_TIMEOUT,
    answer_safety,
    catalogue,
    choose_reasons,
    choose_stance,
    expect_nothing_held,
    expect_step,
    give_context,
    open_page,
    open_plan_parts,
    quick_exit,
    script_lines,
    start,
    tab_to,
    walk_to_results,
    words,
)
from playwright.sync_api import expect
from playwright_driver import as_driver

NAME = "Zephyrine"
OWN_LINE = "Saffron lighthouse words of my own."


def progress(number):
    return words("wizard", "progress").replace("{number}", str(number)).replace("{total}", "4")


def expect_entry(page, step, state, caption=None):
    """``step`` is on screen in history entry ``state``, at the page's one address."""
    expect_step(page, step)
    assert page.evaluate("history.state") == state
    parts = urlsplit(page.url)
    assert parts.path == "/" and not parts.query and not parts.fragment, page.url
    assert page.title() == words("site", "name")
    shown = page.locator('[data-step="%s"] [data-progress]' % step)
    if caption:
        expect(shown).to_have_text(caption)
    else:
        expect(shown).to_have_count(0)


def row(page, name):
    return page.locator('[data-step="check"] [data-row="%s"]' % name)


def test_back_and_forward_move_between_steps_keeping_answers(page):
    cat = catalogue()
    check = cat.wizard["check"]
    page.goto("about.html")
    start(page)
    expect_entry(page, "safety", 1, progress(1))
    answer_safety(page)
    expect_entry(page, "stance", 2, progress(2))
    choose_stance(page, "hesitated")
    expect_entry(page, "reasons", 3, progress(3))
    choose_reasons(page, ["blame"])
    expect_entry(page, "context", 4, progress(4))
    give_context(page, name=NAME, hopes=["trust"])
    expect_entry(page, "check", 5)

    # Check your answers: each answer, and Change for each.
    expect(row(page, "stance").locator("dd").first).to_have_text(cat.stance("hesitated")["label"])
    expect(row(page, "name").locator("dd").first).to_have_text(NAME)
    expect(row(page, "hopes").locator("dd").first).to_have_text(cat.hope("trust")["label"])
    expect(row(page, "limits").locator("dd").first).to_have_text(check["not_given"])
    expect(page.locator('[data-step="check"] [data-action="change"]')).to_have_count(8)
    # Change a reason, by keyboard: back to the question, then back to the check page.
    change = page.get_by_role("button", name="%s %s" % (check["change"], check["rows"]["reasons"]))
    tab_to(page, change)
    page.keyboard.press("Enter")
    expect_entry(page, "reasons", 6, progress(3))
    expect(page.locator("#reason-blame")).to_be_checked()
    page.locator("#reason-cost").check()
    tab_to(page, page.locator('[data-step="reasons"] button[type=submit]'))
    page.keyboard.press("Enter")
    expect_entry(page, "check", 7)
    expect(row(page, "reasons").locator("li")).to_have_text(
        [cat.reason("blame")["label"], cat.reason("cost")["label"]])
    tab_to(page, page.locator('[data-step="check"] [data-action="see-plan"]'))
    page.keyboard.press("Enter")
    expect_entry(page, "results", 8)

    # Browser Back and Forward, and the plan's own Back, keep the plan and its edits.
    open_plan_parts(page, "script")
    box = page.locator("[data-script-lines] textarea").first
    box.fill(OWN_LINE)
    page.go_back()
    expect_entry(page, "check", 7)
    expect(row(page, "name").locator("dd").first).to_have_text(NAME)
    page.go_forward()
    expect_entry(page, "results", 8)
    assert script_lines(page)[0] == OWN_LINE
    page.locator('[data-step="results"] [data-action="back"]').click()
    expect_entry(page, "check", 7)
    page.get_by_role("button", name=words("wizard", "buttons", "results")).click()
    expect_entry(page, "results", 8)
    assert script_lines(page)[0] == OWN_LINE
    for step, state in (("check", 7), ("reasons", 6), ("check", 5), ("context", 4)):
        page.go_back()
        expect_entry(page, step, state, {"reasons": progress(3), "context": progress(4)}.get(step))
    expect(page.locator("#partner-name")).to_have_value(NAME)
    page.go_back()
    page.go_back()
    expect_entry(page, "stance", 2, progress(2))
    expect(page.locator("#stance-hesitated")).to_be_checked()
    for _ in range(6):
        page.go_forward()
    expect_entry(page, "results", 8)
    assert script_lines(page)[0] == OWN_LINE

    # Start over asks first, in the page; No (here: Escape) keeps everything.
    restart = page.locator('[data-results] [data-action="restart"]')
    restart.click()
    dialog = page.locator("[data-restart-dialog]")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name=words("wizard", "restart", "cancel"))).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.locator('[data-results] [data-action="restart"]').click()
    dialog.get_by_role("button", name=words("wizard", "restart", "cancel")).click()
    expect(dialog).to_be_hidden()
    expect(restart).to_be_focused()
    assert script_lines(page)[0] == OWN_LINE
    restart.click()
    page.keyboard.press("Shift+Tab")  # the dialog holds the focus: Yes is before No
    page.keyboard.press("Enter")
    expect_entry(page, "welcome", 0)
    assert NAME not in page.content() and OWN_LINE not in page.content()
    # Back from the first step leaves Doorway as usual.
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(words("about", "heading"))


def test_quick_exit_still_works_while_start_over_asks(page, context, audit):
    """The question is not modal: a modal dialog would make Quick exit inert."""
    neutral = "%s://%s/" % urlsplit(words("site", "exit_url"))[:2]
    audit.allow(neutral)
    context.route(neutral + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>News</title><p>News"))
    walk_to_results(page, "not_asked", ["time"])
    page.locator('[data-results] [data-action="restart"]').click()
    expect(page.locator("[data-restart-dialog]")).to_be_visible()
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(neutral + "**")


def test_quick_exit_then_back_three_times_shows_only_clean_starts(bfcache_context):
    """With the back/forward cache on: every entry Back reaches is a clean start."""
    context, audit = bfcache_context
    neutral = "%s://%s/" % urlsplit(words("site", "exit_url"))[:2]
    audit.allow(neutral)
    context.route(neutral + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>News</title><p>News"))
    page = context.new_page()
    walk_to_results(page, "hesitated", ["blame", "time"], name=NAME)
    open_plan_parts(page, "script")
    page.locator("[data-script-lines] textarea").first.fill(OWN_LINE)
    secrets = [NAME, OWN_LINE]
    quick_exit(page, "button")
    page.wait_for_url(neutral + "**")
    for _ in range(3):
        page.go_back(wait_until="commit")
        expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)
        expect(page.locator("#app > [data-step]:visible")).to_have_attribute(
            "data-step", "welcome")
        assert urlsplit(page.url).path == "/" and "#" not in page.url
        expect_nothing_held(as_driver(page).run(HELD_JS, "never"), secrets)
        expect(page.locator("[data-results] *, [data-check] *")).to_have_count(0)
    page.close()


def bar_bottom(page):
    return page.evaluate("document.querySelector('.exit-bar').getBoundingClientRect().bottom")


#: Where the focused element is, whether it is in the exit bar itself, and whether
#: nothing is (Tab past the last control leaves the page for the browser's own controls).
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, inBar: !!el.closest('.exit-bar'),
          none: el === document.body, what: el.outerHTML.slice(0, 80)};
}"""


def expect_focus_clear(page, presses, key="Tab"):
    """Press ``key`` ``presses`` times; nothing focused may sit under the bar."""
    bottom = bar_bottom(page)
    for _ in range(presses):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused["inBar"] or focused["none"] or focused["bottom"] <= 0:
            continue  # the bar itself, past the page's last control, or scrolled away
        assert focused["top"] >= bottom - 1, (key, bottom, focused)


def test_focus_and_headings_stay_clear_of_a_compact_exit_bar(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 740})
    page = context.new_page()
    try:
        walk_to_results(page, "not_asked", ["cost"])
        assert bar_bottom(page) <= 0.1 * 740, "the bar is compact at 320 px"
        page.locator('[data-step="results"] [data-action="back"]').focus()
        expect_focus_clear(page, 60)
        expect_focus_clear(page, 30, "Shift+Tab")
        # A source jumped to from a link in the plan (it opens the closed Sources part).
        open_plan_parts(page, "behind")
        link = page.locator('[data-section="behind"] .refs a').first
        target = page.locator(link.get_attribute("href"))
        link.click()
        expect(target).to_be_focused()
        assert target.bounding_box()["y"] >= bar_bottom(page) - 1
        # 200 % text: the bar stays small, focus still clear of it.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert bar_bottom(page) <= 0.15 * 740, bar_bottom(page)
        expect_focus_clear(page, 20, "Shift+Tab")
        page.evaluate("window.scrollTo(0, 0)")
        page.mouse.click(1, 1)
        page.keyboard.press("Tab")
        expect(page.locator("[data-quick-exit]")).to_be_focused()
        expect(page.locator("[data-quick-exit]")).to_be_in_viewport(ratio=1)
    finally:
        context.close()


def test_question_numbers_and_the_check_page_on_a_safety_detour(page):
    """Continuing after "not sure" still counts the questions the same way."""
    open_page(page, "./")
    page.get_by_role("button", name=words("wizard", "welcome", "start")).click()
    expect_entry(page, "safety", 1, progress(1))
    answer_safety(page, {"control": "unsure"})
    expect_entry(page, "unsure", 2)
    page.locator('[data-step="unsure"] [data-action="continue"]').click()
    expect_entry(page, "stance", 3, progress(2))
    page.go_back()
    expect_entry(page, "unsure", 2)
    page.go_back()
    expect_entry(page, "safety", 1, progress(1))
    expect(page.locator("#safety-control-unsure")).to_be_checked()
    # A changed answer takes a new way: the entries ahead are gone.
    page.locator("#safety-control-no").check()
    page.locator('[data-step="safety"] button[type=submit]').click()
    expect_entry(page, "stance", 2, progress(2))
    assert page.evaluate("history.length") == 4  # the blank tab, welcome, safety, stance
    choose_stance(page, "said_no")
    expect(page.locator('[data-step="reasons"] [data-progress]')).to_have_text(
        re.compile(progress(3)))
