"""The plan at a glance (issue 14 item 4), and the small layout fixes of item 7.

One walk to a plan with three worries serves every check on the plan: the tests
only read it, and the one that opens a part by keyboard closes it again. The
figures the bounds come from were measured on this plan at 1280 px: before, the
page was 40,762 px tall, held 26 visible region landmarks and took 204 Tab
presses from the plan card to "Share with your partner"; after, 5,741 px (most
of it the share step, open by design), 4 regions and 7 presses.
"""

import re

import pytest
from audit import Audit
from axe_playwright_python.sync_playwright import Axe
from flows import catalogue, open_page, open_plan_parts, walk_to_results
from playwright.sync_api import expect

REASONS = ["blame", "cost", "time"]
#: Tall enough for the card, the actions, one line per part and the share step
#: (about 5,700 px); the whole plan open was 40,762 px.
MOST_HEIGHT = 8000
#: From the card (which holds nothing to focus) to Share: the saved-plan note's
#: two source links and the four keep buttons come first, so 7 presses; 3 more
#: leave room for a link such as Back, but never for a part of the plan.
MOST_TABS = 10


@pytest.fixture(scope="module")
def plan(browser, base_url, precache):
    """A plan at 1280 px, audited like every other page (no request elsewhere, …)."""
    context = browser.new_context(base_url=base_url, locale="en-GB",
                                  viewport={"width": 1280, "height": 900})
    watcher = Audit(context, base_url, precache)
    page = context.new_page()
    walk_to_results(page, "not_asked", REASONS, topics=["money"])
    yield page
    problems = watcher.check()
    context.close()
    assert not problems, "\n".join(problems)


def test_the_card_comes_first_with_every_action_right_under_it(plan):
    cat = catalogue()
    results = plan.locator("[data-results]")
    first, second = results.locator("> *").nth(0), results.locator("> *").nth(1)
    expect(first).to_have_attribute("data-plan-card", "")
    expect(first.get_by_role("heading", level=2)).to_have_text(cat.guidance["card"]["heading"])
    expect(second).to_have_class("action-bar")
    actions = cat.guidance["actions"]
    names = [actions["copy"], actions["print"], actions["download"], actions["download_script"],
             actions["share"], cat.data["practice"]["open_button"],
             cat.wizard["buttons"]["start_over"]]
    expect(second.get_by_role("button")).to_have_text(names)
    # Each action sits on screen right under the card, not below the plan.
    card_bottom = first.bounding_box()["y"] + first.bounding_box()["height"]
    assert second.bounding_box()["y"] - card_bottom < 64
    height = plan.evaluate("document.documentElement.scrollHeight")
    assert height <= MOST_HEIGHT, height


def test_every_part_of_the_plan_is_closed_and_named_by_its_heading(plan):
    cat = catalogue()
    parts = plan.locator("[data-results] > details.fold-section")
    headings = parts.locator("> summary > h2")
    expect(parts).not_to_have_count(0)
    assert parts.count() == headings.count()
    for i in range(parts.count()):
        part = parts.nth(i)
        assert part.get_attribute("open") is None, part.get_attribute("data-section")
        assert part.get_attribute("aria-labelledby") == headings.nth(i).get_attribute("id")
    wanted = [cat.guidance["sections"]["behind"], cat.guidance["sections"]["script"],
              cat.guidance["sections"]["sources"]]
    shown = headings.all_text_contents()
    assert [w for w in wanted if w in shown] == wanted, shown
    # Closed, a part shows its heading only.
    expect(plan.locator('[data-section="script"] [data-script-lines]')).to_be_hidden()


def test_a_part_opens_and_closes_by_keyboard(plan):
    part = plan.locator('details[data-section="script"]')
    summary = part.locator("> summary")
    summary.focus()
    plan.keyboard.press("Enter")
    expect(part).to_have_attribute("open", "")
    expect(part.locator("[data-script-lines] textarea").first).to_be_visible()
    plan.keyboard.press("Space")
    expect(part).not_to_have_attribute("open", re.compile(".*"))
    expect(summary).to_be_focused()
    # A closed part is one Tab stop: its contents are skipped.
    plan.keyboard.press("Tab")
    expect(part.locator("xpath=following-sibling::details[1]/summary")).to_be_focused()


def test_few_tab_presses_from_the_card_to_share(plan):
    plan.locator("#results-heading").focus()
    share = plan.locator('[data-action="go-share"]')
    presses = 0
    while not share.evaluate("(el) => el === document.activeElement"):
        plan.keyboard.press("Tab")
        presses += 1
        assert presses <= MOST_TABS, "still not at Share after %d presses" % presses
    plan.keyboard.press("Enter")
    expect(plan.locator("#share-heading")).to_be_focused()


def test_each_script_box_has_a_name_of_its_own(plan):
    cat = catalogue()
    boxes = plan.locator("[data-script-lines] textarea")
    expect(boxes).not_to_have_count(0)
    names = [plan.locator('label[for="%s"]' % box.get_attribute("id")).text_content()
             for box in boxes.all()]
    assert len(set(names)) == len(names), names
    # The accessible name is the label's: each finds exactly one box.
    open_plan_parts(plan, "script")
    try:
        for name in names:
            expect(plan.get_by_role("textbox", name=name, exact=True)).to_have_count(1)
    finally:
        plan.locator('details[data-section="script"] > summary').click()
    # A worry's answer names the worry.
    for reason in REASONS:
        short = cat.reason(reason)["short"]
        assert [n for n in names if short in n], (reason, names)


def test_only_meaningful_regions(plan):
    """Landmarks are for finding your way: the card, the actions and the share
    step, inside the step's own region. The parts of the plan are groups."""
    step = plan.locator('[data-step="results"]')
    # Open or closed: a part of the plan holds no region of its own.
    labelled = step.evaluate("""(step) => [step, ...step.querySelectorAll(
        'section[aria-labelledby], section[aria-label], [role=region]')]
        .map((el) => el.getAttribute('aria-labelledby') || el.getAttribute('aria-label'))""")
    assert labelled == ["results-heading", "plan-card-heading", "actions-heading",
                        "share-heading"], labelled


def test_the_plan_with_every_part_open_passes_axe(plan):
    """(In the dark too: tests/browser/test_accessibility.py, every part open.)"""
    open_plan_parts(plan)
    try:
        results = Axe().run(plan)
        assert results.violations_count == 0, results.generate_report()
    finally:
        plan.locator("details.fold-section").evaluate_all(
            "(parts) => parts.forEach((part) => { part.open = false; })")


# Item 7: the masthead in the dark, the ticked list at 320 px -------------------------

LUMINANCE = """(el) => {
  const channel = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = (css) => { const [r, g, b] = css.match(/\\d+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  return [lum(getComputedStyle(el).backgroundColor),
          lum(getComputedStyle(el.querySelector('.brand')).color)];
}"""


def test_the_masthead_is_calm_in_the_dark(page):
    page.emulate_media(color_scheme="dark")
    open_page(page, "./")
    background, text = page.locator(".masthead").evaluate(LUMINANCE)
    assert background < 0.05, "a bright bar on a dark page: luminance %.2f" % background
    assert (text + 0.05) / (background + 0.05) >= 7, (background, text)


def test_the_ticked_list_has_a_hanging_indent_at_320_px(page):
    """A wrapped promise starts its second line under its words, not under the tick."""
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, "./")
    lines = page.locator(".promise li").evaluate_all("""(items) => items.map((li) => {
      const range = document.createRange();
      range.selectNodeContents(li);
      const rects = [...range.getClientRects()];
      return {lines: new Set(rects.map((r) => Math.round(r.top))).size,
              lefts: [...new Set(rects.map((r) => Math.round(r.left)))]};
    })""")
    assert [item for item in lines if item["lines"] > 1], "no promise wraps at 320 px"
    assert [item for item in lines if len(item["lefts"]) > 1] == [], lines
