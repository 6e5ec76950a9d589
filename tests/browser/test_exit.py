"""Quick exit, on every kind of page: first by keyboard, always on screen, and it works.

The neutral site is stubbed (``context.route``) and held until the test has
seen the page go blank, so "blanked at once" is checked before anything else
loads. The exit replaces the page in the tab's history, so Back does not
return to it; it sends no Referer; three lone presses of Shift do the same,
each announced to screen readers, while Shift held for a capital letter does
not count. Every page says honestly what the exit cannot do.
"""

import json
import re

import pytest
from audit import NOT_FOUND_ERROR, expect_console_error
from flows import answer_safety, choose_reasons, choose_stance, open_page, start, walk_to_results
from playwright.sync_api import expect

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.guide import link
from doorway.guide.catalogue import Catalogue

NEUTRAL = "https://www.bbc.co.uk/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Weather forecast</p>"
KINDS = ["welcome", "step", "results", "invite", "reply", "guide", "not-found"]


@pytest.fixture(scope="module")
def tokens():
    catalogue = Catalogue(load(CONTENT))
    invite = link.encode_invite(catalogue, "consultation", ["blame", "time"], "Only if you like.")
    reply = link.encode_reply(catalogue, ["call_first"], "Let us talk first.")
    return {"invite": link.plain_token(link.INVITE, invite),
            "reply": link.plain_token(link.REPLY, reply)}


def open_kind(page, kind, tokens, audit):
    if kind == "welcome":
        open_page(page, "./")
    elif kind == "step":
        start(page)
    elif kind == "results":
        walk_to_results(page, "not_asked", ["cost", "time"])
    elif kind == "invite":
        open_page(page, "invite/#" + tokens["invite"])
        expect(page.locator("#app")).to_have_attribute("data-view", "invitation")
    elif kind == "reply":
        open_page(page, "reply/#" + tokens["reply"])
        expect(page.locator("#app")).to_have_attribute("data-view", "received")
    elif kind == "guide":
        page.goto("guide/talking.html")
    elif kind == "not-found":
        page.goto("nothing-here.html")
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        # The browser reports the 404 status itself; that one error is expected.
        expect_console_error(page, audit, NOT_FOUND_ERROR)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))


#: The page's state the moment the exit starts, computed in the page and logged:
#: while the neutral site is held, the old page no longer answers evaluate().
BLANK_STATE = """
new MutationObserver(() => {
  const html = document.documentElement;
  if (!html.classList.contains("exiting") || window.__exitLogged) {
    return;
  }
  window.__exitLogged = true;
  const hidden = (selector) => getComputedStyle(document.querySelector(selector)).visibility
      === "hidden";
  const cover = document.querySelector("[data-exit-cover]");
  const box = cover.getBoundingClientRect();
  console.log("exit-state " + JSON.stringify({
    cover: !cover.hidden && getComputedStyle(cover).visibility === "visible"
        && box.width >= innerWidth && box.height >= innerHeight,
    hidden: ["main", ".masthead", ".footer", ".exit-bar"].every(hidden),
    status: document.querySelector("[data-exit-status]").textContent,
  }));
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["class"]});
"""


class NeutralSite:
    """The stubbed neutral site: requests are held until :meth:`release`."""

    def __init__(self, context, audit, page):
        self.held = []
        self.states = []
        audit.allow(NEUTRAL)
        context.route(NEUTRAL + "**", lambda route: self.held.append(route))
        context.add_init_script(BLANK_STATE)
        page.on("console", self._console)

    def _console(self, message):
        if message.text.startswith("exit-state "):
            self.states.append(json.loads(message.text[len("exit-state "):]))

    def wait(self, page):
        """The held request for the neutral site, once the page has asked for it."""
        for _ in range(200):
            if self.held and self.states:
                return self.held[0]
            page.wait_for_timeout(25)
        raise AssertionError("the quick exit never asked for the neutral site")

    def blank_state(self, page):
        """How the page looked when the exit began, before the neutral site loaded."""
        self.wait(page)
        state = self.states[0]
        assert state["cover"] and state["hidden"], state
        return state

    def release(self, page):
        route = self.wait(page)
        assert route.request.url == "https://www.bbc.co.uk/weather"
        assert route.request.is_navigation_request()
        assert "referer" not in route.request.headers, "the neutral site must not learn the source"
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        page.wait_for_url(NEUTRAL + "**")
        expect(page.locator("p")).to_have_text("Weather forecast")


def expect_gone_from_history(page, base_url):
    page.go_back()
    assert not page.url.startswith(base_url), "Back returned to %s" % page.url


def expect_first_by_keyboard_and_always_on_screen(page):
    exit_link = page.locator("[data-quick-exit]")
    expect(exit_link).to_have_text("Quick exit")
    # Start keyboard navigation from the top of the page, as after a fresh load.
    page.evaluate("window.scrollTo(0, 0)")
    page.mouse.click(1, 1)
    page.keyboard.press("Tab")
    expect(exit_link).to_be_focused()
    # ...and nothing focusable comes before it.
    page.keyboard.press("Shift+Tab")
    expect(exit_link).not_to_be_focused()
    assert page.evaluate("!document.activeElement || document.activeElement === document.body")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate("window.scrollY") > 0, "the page must be long enough to scroll"
    expect(exit_link).to_be_in_viewport(ratio=1)
    note = page.locator(".exit-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(re.compile(r"(cannot|can't|can’t) erase", re.I))
    expect(note).to_contain_text("history")


@pytest.mark.parametrize("kind", KINDS)
def test_first_by_keyboard_on_screen_and_a_click_leaves_no_way_back(page, context, audit,
                                                                    base_url, kind, tokens):
    page.set_viewport_size({"width": 320, "height": 480})
    site = NeutralSite(context, audit, page)
    open_kind(page, kind, tokens, audit)
    expect_first_by_keyboard_and_always_on_screen(page)
    # A real mouse click; Playwright's locator.click would wait for the held navigation.
    box = page.locator("[data-quick-exit]").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    site.blank_state(page)
    site.release(page)
    expect_gone_from_history(page, base_url)


@pytest.mark.parametrize("kind", KINDS)
def test_shift_three_times_exits_and_is_announced(page, context, audit, base_url, kind, tokens):
    site = NeutralSite(context, audit, page)
    open_kind(page, kind, tokens, audit)
    status = page.locator("[data-exit-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit")
    assert not site.held and page.url.startswith(base_url)
    page.keyboard.press("Shift")
    assert site.blank_state(page)["status"] == "Exiting this page"
    site.release(page)
    expect_gone_from_history(page, base_url)


def test_shift_held_for_a_capital_letter_does_not_count(page, context, audit, base_url):
    site = NeutralSite(context, audit, page)
    start(page)
    answer_safety(page)
    choose_stance(page, "hesitated")
    choose_reasons(page, ["time"])
    status = page.locator("[data-exit-status]")
    field = page.get_by_label("Your partner’s first name or nickname")
    field.focus()
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift+B")
    page.keyboard.down("Shift")
    page.keyboard.press("C")
    page.keyboard.up("Shift")
    expect(field).to_have_value("ABC")
    # Two lone presses after the capitals: one short of the three needed.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit")
    assert not site.held and page.url.startswith(base_url)
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bexiting\b"))
    # Typing between presses starts the count again.
    page.keyboard.press("d")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit")
    assert not site.held


def test_quick_exit_works_on_a_not_found_page_in_a_sub_folder(page, audit):
    page.goto("guide/no-such-page.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"), timeout=3000)
    expect(page.locator(".exit-bar")).to_have_css("position", "sticky")
    expect_console_error(page, audit, NOT_FOUND_ERROR)
