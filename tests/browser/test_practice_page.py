"""Practice mode, clicked and typed through in Chromium (issue 12).

A full practice from the plan with picked replies by mouse, one with written
replies by keyboard only, the partner's tone following the wording, the calm
way out, and the lines worth keeping. What the partner says is checked against
the content (practice.toml), never against copied sentences.
"""

import re

from axe_check import assert_accessible
from flows import catalogue, expect_step, tab_to, walk_to_results, words
from playwright.sync_api import expect
from schemes import each_scheme

from doorway.builder.html import to_html
from doorway.guide import practice as logic
from doorway.guide import reply_check
from doorway.guide.views import practice as views

PARTNER = "[data-partner-line]"


def _content():
    return words("practice")


def _lines(mood):
    return [line[mood] for line in _content()["lines"]]


def _picks(helps):
    return [p["text"] for m in _content()["manners"] for p in m["picks"] if p["helps"] == helps]


def _open_practice(page, by_keyboard=False):
    button = page.get_by_role("button", name=_content()["open_button"])
    if by_keyboard:
        tab_to(page, button)
        page.keyboard.press("Enter")
    else:
        button.click()
    expect_step(page, "practice")
    first_line = page.locator("[data-script-lines] textarea").first.input_value()
    expect(page.locator('[data-practice] blockquote').first).to_have_text(first_line)
    start = page.get_by_role("button", name=_content()["start"])
    if by_keyboard:
        tab_to(page, start)
        page.keyboard.press("Enter")
    else:
        start.click()


def _expect_turn(page, n, mood):
    heading = page.locator("[data-turn]")
    expect(heading).to_have_attribute("data-turn", str(n))
    expect(heading).to_be_focused()
    partner = page.locator(PARTNER)
    expect(partner).to_have_attribute("data-mood", mood)
    said = partner.locator("blockquote").inner_text()
    assert said in _lines(mood), said


def test_a_full_practice_with_picked_replies_by_mouse(page):
    """Five turns answered with the kind pick each time: the partner opens up,
    feedback names the kind words, and the summary keeps them to copy."""
    walk_to_results(page, "said_no", ["blame", "cost"])
    _open_practice(page)
    kind = _picks(True)
    chosen = []
    total = _content()["turns"]
    for n in range(1, total + 1):
        _expect_turn(page, n, "guarded" if n == 1 else "softer")
        labels = page.locator('[data-form="practice"] label[for^="practice-pick-"]')
        texts = labels.all_inner_texts()
        mine = next(t for t in texts if t in kind)
        page.get_by_label(mine, exact=True).check()
        chosen.append(mine)
        page.get_by_role("button", name=_content()["reply"], exact=True).click()
        expect(page.locator("[data-feedback]")).to_be_focused()
        helpful = page.locator('.finding[data-tone="helpful"] [data-quote]')
        expect(helpful.first).to_be_visible()
        for quote in helpful.all_inner_texts():
            assert quote in mine
        expect(page.locator('.finding[data-tone="escalating"]')).to_have_count(0)
        expect(page.locator("[data-reaction]")).to_have_attribute("data-mood", "softer")
        expect(page.locator("[data-practice-log] .you").last).to_have_text(
            re.compile(re.escape(mine)))
        last = n == total
        page.get_by_role("button", name=_content()["finish" if last else "next"]).click()
    expect(page.locator("[data-practice-summary]")).to_be_focused()
    closing = {c["mood"]: c["text"] for c in _content()["closing"]}
    expect(page.locator(PARTNER + " blockquote")).to_have_text(closing["softer"])
    kept = []
    for line in chosen:
        if line not in kept:
            kept.append(line)
    expect(page.locator("[data-keep] li")).to_have_text(kept)
    expect(page.locator("[data-went-well] li").first).to_be_visible()
    page.get_by_role("button", name=_content()["summary"]["copy"]).click()
    expect(page.locator("[data-practice-status]")).to_have_text(_content()["summary"]["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join(kept)
    page.get_by_role("button", name=_content()["back_to_plan"]).click()
    expect_step(page, "results")


def test_written_replies_by_keyboard_change_the_partners_tone(page):
    """Typed replies only, no mouse: sharp words put the partner on guard and
    are quoted exactly with a kinder way to say them; kind words soften them."""
    cat = catalogue()
    checker = reply_check.checker(cat)
    walk_to_results(page, "hesitated", ["time"])
    _open_practice(page, by_keyboard=True)
    _expect_turn(page, 1, "softer")
    own = page.locator("#practice-own")
    reply_button = page.locator('[data-form="practice"] button[type=submit]')

    # Nothing chosen or written: a clear message, focus on it.
    tab_to(page, reply_button)
    page.keyboard.press("Enter")
    errors = page.locator("[data-practice] [data-error-summary]")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text(_content()["empty"])

    harsh = "You always do this. You need to just say yes."
    spans = checker.check(harsh)["spans"]
    assert [s for s in spans if s["kind"] == "criticism"] and \
        [s for s in spans if s["kind"] == "pressure"]
    tab_to(page, own)
    page.keyboard.type(harsh)
    tab_to(page, reply_button)
    page.keyboard.press("Enter")
    expect(page.locator("[data-feedback]")).to_be_focused()
    quotes = page.locator('.finding[data-tone="escalating"] [data-quote]')
    expect(quotes).to_have_text([harsh[s["start"]:s["end"]] for s in spans])
    rewordings = [k["rewording"] for k in cat.data["reply_checker"][0]["kinds"]
                  if k["id"] == "criticism"]
    expect(page.locator('.finding[data-kind="criticism"]').first).to_contain_text(rewordings[0])
    expect(page.locator("[data-reaction]")).to_have_attribute("data-mood", "guarded")
    tab_to(page, page.get_by_role("button", name=_content()["next"]))
    page.keyboard.press("Enter")
    _expect_turn(page, 2, "guarded")

    # The calm way out, and back to the same turn.
    tab_to(page, page.get_by_role("button", name=_content()["pause"]))
    page.keyboard.press("Enter")
    expect(page.locator("[data-way-out]")).to_be_focused()
    expect(page.locator("[data-practice]")).to_contain_text(_content()["way_out"]["say"])
    expect(page.locator("[data-practice]")).to_contain_text(
        _content()["way_out"]["no_is_allowed"])
    tab_to(page, page.get_by_role("button", name=_content()["way_out"]["back"]))
    page.keyboard.press("Enter")
    _expect_turn(page, 2, "guarded")

    kind = "I can see why this feels like a lot. What worries you most about it?"
    assert not [k for k in checker.check(kind)["findings"] if k in logic.ESCALATING]
    for n in range(2, _content()["turns"] + 1):
        tab_to(page, own)
        page.keyboard.type(kind)
        tab_to(page, reply_button)
        page.keyboard.press("Enter")
        expect(page.locator("[data-reaction]")).to_have_attribute("data-mood", "softer")
        expect(page.locator('.finding[data-tone="escalating"]')).to_have_count(0)
        last = n == _content()["turns"]
        tab_to(page, page.get_by_role("button", name=_content()["finish" if last else "next"]))
        page.keyboard.press("Enter")
        if not last:
            _expect_turn(page, n + 1, "softer")
    expect(page.locator("[data-practice-summary]")).to_be_focused()
    expect(page.locator("[data-keep] li")).to_have_text([kind])
    expect(page.locator("[data-try-next]")).to_contain_text(rewordings[0])


def test_start_over_forgets_the_practice(page):
    walk_to_results(page, "not_asked", ["dont_know"])
    _open_practice(page)
    page.locator("#practice-own").fill("Marigold lantern words")
    page.get_by_role("button", name=_content()["reply"], exact=True).click()
    expect(page.locator("[data-practice-log]")).to_contain_text("Marigold lantern words")
    page.get_by_role("button", name=_content()["next"]).click()
    page.locator("#practice-own").fill("Unsent copper words")
    page.evaluate("document.dispatchEvent(new Event('doorway:wipe'))")
    expect_step(page, "welcome")
    expect(page.locator("[data-practice] *")).to_have_count(0)
    assert "Marigold" not in page.content() and "copper" not in page.content()


def test_every_practice_screen_is_accessible_at_320_pixels(browser, base_url):
    """axe finds nothing and nothing scrolls sideways, on each screen of a practice,
    light and dark (one practice, each screen re-themed in place)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()

    def check(where):
        for scheme in each_scheme(page):
            assert_accessible(page, "%s %s" % (scheme, where))
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, (scheme, where)

    try:
        walk_to_results(page, "postponing", ["privacy", "ending"], name="Sam")
        page.get_by_role("button", name=_content()["open_button"]).click()
        check("intro")
        page.get_by_role("button", name=_content()["start"]).click()
        page.get_by_role("button", name=_content()["reply"], exact=True).click()
        check("turn with an error")
        page.locator("#practice-own").fill("Whatever. You never listen, you have to go.")
        page.get_by_role("button", name=_content()["reply"], exact=True).click()
        check("feedback")
        page.get_by_role("button", name=_content()["pause"]).click()
        check("way out")
        page.get_by_role("button", name=_content()["way_out"]["end"]).click()
        expect(page.locator("[data-practice-summary]")).to_be_focused()
        check("summary")
    finally:
        context.close()


def test_the_intro_the_browser_draws_is_the_builders_html(page):
    """Both renderers agree on a practice screen (see test_renderers.py)."""
    walk_to_results(page, "hesitated", ["blame"], name="Sam & Alex <b>")
    page.get_by_role("button", name=_content()["open_button"]).click()
    opening = page.locator("[data-practice] blockquote").first.inner_text()
    assert "Sam & Alex <b>" in opening
    drawn = page.locator("[data-practice]").evaluate("(el) => el.innerHTML")
    assert drawn == "".join(to_html(node) for node in _flat(views.intro(catalogue(), opening)))


def _flat(nodes):
    found = []
    for node in nodes:
        found.extend(_flat(node) if isinstance(node, list) else [node])
    return found
