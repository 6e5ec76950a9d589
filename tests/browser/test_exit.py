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
from flows import (
    STEP_TIMEOUT,
    answer_safety,
    choose_reasons,
    choose_stance,
    make_invite,
    open_page,
    start,
    unlock,
    walk_to_results,
)
from playwright.sync_api import Error, expect
from service_worker import CONTROLLED

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
    reply = link.encode_reply(catalogue, ["call_first"], REPLY_NOTE)
    return {"invite": link.plain_token(link.INVITE, invite),
            "reply": link.plain_token(link.REPLY, reply),
            "sealed_invite": sealed_invite_token()}


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


#: Kinds whose page is a step of the wizard, after other steps: each step is a
#: history entry of the same address (flows.walk_to_results makes seven).
WIZARD_KINDS = ("step", "results")


def expect_gone_from_history(page, base_url, kind):
    """Back does not return to the page left. From a wizard step it reaches the
    step before, which the page shows as a clean start, never the answers."""
    page.go_back()
    if kind not in WIZARD_KINDS:
        assert not page.url.startswith(base_url), "Back returned to %s" % page.url
        return
    expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)
    expect(page.locator("#app > [data-step]:visible")).to_have_attribute("data-step", "welcome")
    expect(page.locator("#app input:checked, [data-results] *")).to_have_count(0)


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
    expect_gone_from_history(page, base_url, kind)


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
    expect_gone_from_history(page, base_url, kind)


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


# --- Back after Quick exit, with the back/forward cache on ----------------------------------
#
# Chromium keeps recently left pages alive and shows them again on Back. These
# tests run in a Chromium with that cache on (see bfcache_context in conftest),
# prove that a real restore happened (``pageshow`` with ``persisted``), and
# check what the restored page held at that moment and what it shows after.

NAME = "Zephyrine"
SHARE_NOTE = "Lighthouse bench at nine"
INVITE_NOTE = "Orchard walk on Sunday"
REPLY_DRAFT = "Marigold tea first"
REPLY_NOTE = "Copper kettle chat"
PASSPHRASE = "quiet harbour lantern"
PRACTICE_SENT = "Saffron lighthouse promise"
PRACTICE_TYPED = "Velvet compass draft"

#: On every ``pageshow``, before the page's own code runs: what the page holds.
#: ``values`` and ``changed`` list only what differs from the page as it ships
#: (a box ticked by default is part of a clean start, not an answer).
RESTORE_SPY = """
window.addEventListener("pageshow", (event) => {
  const fields = [...document.querySelectorAll("input, textarea, select")];
  const choice = (f) => f.type === "checkbox" || f.type === "radio";
  const report = {
    persisted: event.persisted,
    path: location.pathname,
    html: document.documentElement.outerHTML,
    values: fields.filter((f) => !choice(f) && f.value && f.value !== f.defaultValue)
        .map((f) => f.value),
    changed: fields.filter((f) => choice(f) && f.checked !== f.defaultChecked).map((f) => f.id),
    visible: document.body.innerText,
  };
  console.log("pageshow " + JSON.stringify(report));
  // Console messages from a page at the very moment it is restored can be
  // lost; the tab's name survives, so keep the report there too.
  if (event.persisted) {
    window.name = "restored " + JSON.stringify(report);
  }
});
"""


#: Why Chromium may drop a page it had kept, other than anything about the page:
#: code run by the engine itself while the page was frozen. The likely cause is
#: the Python runtime's JavaScript proxies: their FinalizationRegistry clean-up
#: runs whenever V8 collects garbage, and the pages opened afterwards share the
#: same renderer and so trigger collections. Back then loads the page afresh,
#: which shows nothing either; the test tries again for a real restore. On a
#: busy machine (other test runs beside this one) collections come more often.
EVICTIONS = {"JavaScriptExecution"}
#: When that clean-up runs while Back is already restoring the page, Chromium
#: also names the cancelled restore: the same eviction, caught later, so it is
#: accepted only beside one of EVICTIONS.
BESIDE_EVICTIONS = {"NavigationCancelledWhileRestoring"}
#: Runs of the whole scenario before giving up on seeing a real restore.
ATTEMPTS = 5


class Shows:
    """Every ``pageshow`` of the site's pages in one tab, as RESTORE_SPY reports it."""

    def __init__(self, context, page):
        self.events = []
        self.not_restored = []
        context.add_init_script(RESTORE_SPY)
        page.on("console", self._console)
        # Chromium says why a page was not restored: kept for the failure message.
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.on("Page.backForwardCacheNotUsed", lambda event: self.not_restored.append(
            [e["reason"] for e in event["notRestoredExplanations"]]))

    def _console(self, message):
        if message.text.startswith("pageshow "):
            self.events.append(json.loads(message.text[len("pageshow "):]))

    def restored(self, page, path, start):
        """The snapshot of ``path`` restored from the back/forward cache, or None.

        None means Chromium evicted the page from the cache for a reason that
        is not the page's to control (see EVICTIONS) and loaded it afresh.
        Only events from ``start`` on count (take ``len(events)`` before Back).
        """
        for _ in range(400):
            shown = [e for e in self.events[start:] if e["path"].endswith(path)]
            if shown and shown[0]["persisted"]:
                return shown[0]
            if shown:
                try:
                    kept = page.evaluate("window.name")
                except Error:  # a fresh load after an eviction is under way
                    page.wait_for_timeout(25)
                    continue
                if kept.startswith("restored "):
                    snapshot = json.loads(kept[len("restored "):])
                    if snapshot["path"].endswith(path):
                        return snapshot
                reasons = {reason for found in self.not_restored for reason in found}
                assert reasons & EVICTIONS and reasons <= EVICTIONS | BESIDE_EVICTIONS, (
                    "%s was not restored from the back/forward cache, because %s"
                    % (path, self.not_restored))
                return None
            page.wait_for_timeout(25)
        raise AssertionError("%s never showed again: %s" % (path, self.events[start:]))


def sealed_invite_token():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    catalogue = Catalogue(load(CONTENT))
    body = link.encode_invite(catalogue, "consultation", ["blame", "time"], INVITE_NOTE)
    salt, iv = bytes(range(16)), bytes(range(12))
    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                     iterations=link.KDF_ITERATIONS).derive(PASSPHRASE.encode())
    header = link.sealed_header(link.INVITE, link.KDF_ITERATIONS, salt, iv)
    sealed = AESGCM(key).encrypt(iv, body, header)
    return link.sealed_token(link.INVITE, link.KDF_ITERATIONS, salt, iv, sealed)


def hold_answers(page, kind, tokens):
    """Open a page that holds answers and fill it; returns (path, secrets on screen)."""
    if kind in ("results", "share", "practice"):
        walk_to_results(page, "hesitated", ["blame", "time"], name=NAME)
        expect(page.locator("[data-script-lines] textarea").first).to_have_value(
            re.compile(NAME))
        if kind == "results":
            return "/", [NAME]
        if kind == "practice":
            return "/", [NAME, *practise(page)]
        url = make_invite(page, note=SHARE_NOTE, passphrase=PASSPHRASE, reasons=["blame"])
        return "/", [NAME, SHARE_NOTE, PASSPHRASE, url.split("#", 1)[1]]
    if kind == "invite":
        open_page(page, "invite/#" + tokens["sealed_invite"])
        expect(page.locator("#app")).to_have_attribute("data-view", "unlock")
        unlock(page, PASSPHRASE)
        expect(page.locator("#app")).to_have_attribute("data-view", "invitation",
                                                       timeout=STEP_TIMEOUT)
        expect(page.locator("[data-note]")).to_have_text(INVITE_NOTE)
        page.locator("#reply-yes_if").check()
        page.locator("#reply-if-talk_first").check()
        page.locator("#reply-note").fill(REPLY_DRAFT)
        return "/invite/", [INVITE_NOTE, REPLY_DRAFT, PASSPHRASE]
    open_page(page, "reply/#" + tokens["reply"])
    expect(page.locator("[data-note]")).to_have_text(REPLY_NOTE)
    return "/reply/", [REPLY_NOTE]


def practise(page):
    """Practise the talk: one reply sent, a second typed but not sent. Returns both."""
    practice = load(CONTENT)["practice"]
    page.get_by_role("button", name=practice["open_button"]).click()
    page.get_by_role("button", name=practice["start"]).click()
    page.locator("#practice-own").fill(PRACTICE_SENT)
    page.get_by_role("button", name=practice["reply"], exact=True).click()
    page.get_by_role("button", name=practice["next"]).click()
    expect(page.locator("[data-practice-log]")).to_contain_text(PRACTICE_SENT)
    page.locator("#practice-own").fill(PRACTICE_TYPED)
    return [PRACTICE_SENT, PRACTICE_TYPED]


def expect_nothing_held(snapshot, secrets):
    held = snapshot["html"] + "\n" + "\n".join(snapshot["values"]) + "\n" + snapshot["visible"]
    assert not [s for s in secrets if s in held], "%s showed %s" % (
        snapshot["path"], [s for s in secrets if s in held])
    assert snapshot["values"] == [] and snapshot["changed"] == [], snapshot


def expect_clean_start(page, kind, secrets):
    """After a restore: a fresh page, welcome step or no link, every field as the page ships."""
    expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)
    if kind in ("results", "share", "practice"):
        expect(page.locator('[data-step="welcome"]')).to_be_visible()
        expect(page.locator("[data-results] *")).to_have_count(0)
    else:
        for part in ("invitation", "received", "unlock"):
            expect(page.locator('[data-part="%s"]' % part)).to_be_hidden()
    state = page.evaluate("""() => ({
        text: document.documentElement.outerHTML + document.body.innerText,
        values: [...document.querySelectorAll("input, textarea, select")]
            .filter((f) => f.type === "checkbox" || f.type === "radio"
                ? f.checked !== f.defaultChecked : f.value)
            .map((f) => f.id)})""")
    assert state["values"] == [], state["values"]
    assert not [s for s in secrets if s in state["text"]]
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bexiting\b"))


@pytest.mark.parametrize("exit_by", ["button", "shift"])
@pytest.mark.parametrize("kind", ["results", "share", "practice", "invite", "reply"])
def test_back_after_quick_exit_never_shows_the_answers_again(bfcache_context, kind, exit_by,
                                                             tokens):
    """Answers, then two more pages, Quick exit, then Back three times."""
    context, audit = bfcache_context
    for _ in range(ATTEMPTS):
        if back_after_quick_exit(context, audit, kind, exit_by, tokens):
            return
    raise AssertionError("never restored from the back/forward cache in %d tries" % ATTEMPTS)


#: History entries of the wizard before the one a kind leaves from: the plan is
#: the seventh entry (flows.walk_to_results), practice one more.
WIZARD_ENTRIES = {"results": 6, "share": 6, "practice": 7}


def back_after_quick_exit(context, audit, kind, exit_by, tokens):
    """One run in a new tab; True if the page with answers came back from the cache."""
    page = context.new_page()
    site = NeutralSite(context, audit, page)
    shows = Shows(context, page)
    page.goto("guide/")
    # A returning visitor's worker is already in charge; a first visit's worker
    # taking charge (clients.claim) would evict the page from the cache instead.
    page.wait_for_function(CONTROLLED, timeout=STEP_TIMEOUT)
    path, secrets = hold_answers(page, kind, tokens)
    page.goto("about.html")
    page.goto("guide/talking.html")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    if exit_by == "button":
        box = page.locator("[data-quick-exit]").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    site.release(page)

    page.go_back(wait_until="commit")
    expect(page.get_by_role("heading", level=1)).to_have_text("About Doorway")
    start = len(shows.events)
    page.go_back(wait_until="commit")
    restored = shows.restored(page, path, start)
    if restored:
        expect_nothing_held(restored, secrets)
    expect_clean_start(page, kind, secrets)
    # The wizard's steps before the plan are entries of the same page: each
    # shows a clean start too, until Back leaves it.
    for _ in range(WIZARD_ENTRIES.get(kind, 0)):
        page.go_back(wait_until="commit")
        expect_clean_start(page, kind, secrets)
    page.go_back(wait_until="commit")
    expect(page.get_by_role("heading", level=1)).to_have_text("The full guide")
    for snapshot in shows.events:
        held = snapshot["html"] + "\n".join(snapshot["values"]) + snapshot["visible"]
        assert not [s for s in secrets if s in held], snapshot["path"]
    page.close()
    return restored is not None
