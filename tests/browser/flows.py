"""Steps a person takes, written once for every engine.

Each helper clicks through the real page the way a person would (labels,
buttons), through the small :class:`driver.Driver` interface, so the same
steps run in Chromium (Playwright, the full suite) and in WebKit and Firefox
(tests/engines/). A helper takes a Driver or a Playwright page (wrapped on the
way in), so the Chromium tests pass ``page`` as they always did.

Words on buttons and labels come from the content catalogue (site/content),
so a reworded button is no edit here; a changed form is one edit here.
"""

from urllib.parse import urlsplit

from driver import STEP_TIMEOUT, css, label, role
from playwright_driver import as_driver

from doorway.builder import CONTENT
from doorway.builder.content import load

_content = None


def content():
    """The site's content (site/content/*.toml), loaded once: the words a person reads."""
    global _content
    if _content is None:
        _content = load(CONTENT)
    return _content


_catalogue = None


def catalogue():
    """The site's content as the browser gets it (a Catalogue), loaded once.

    Browser tests drive the site built from site/content, so they read its words;
    logic and builder tests read the fixture instead (tests/logic/support.py)."""
    global _catalogue
    if _catalogue is None:
        from doorway.guide.catalogue import Catalogue
        _catalogue = Catalogue(content())
    return _catalogue


#: The safety check's questions, in page order, as the content defines them.
SAFETY_ITEMS = [item["id"] for item in content()["safety"]["screen"]["items"]]


def words(section, *keys):
    """One string from the content, e.g. ``words("partner", "unlock", "submit")``."""
    found = content()[section]
    for key in keys:
        found = found[key]
    return found


APP = css("#app")


def open_page(page, path=""):
    """Open a page of the site and wait until Python has taken over."""
    d = as_driver(page)
    d.goto(path)
    d.expect_attribute(css("html"), "data-app", "ready", timeout=STEP_TIMEOUT)


def current_step(page):
    return as_driver(page).attribute(APP, "data-current")


def expect_step(page, step):
    """``step`` is on screen, its heading focused; on the plan, the whole plan:
    the card comes in the click's frame, the rest just after (``aria-busy``
    until then, ui/plan_step.py)."""
    d = as_driver(page)
    d.expect_attribute(APP, "data-current", step)
    heading = css('[data-step="%s"] h1' % step)
    d.expect_visible(heading)
    d.expect_focused(heading)
    if step == "results":
        d.expect_count(css("[data-results][aria-busy]"), 0)


def expect_view(page, view, timeout=None):
    """The partner or reply page shows ``view`` ("invitation", "unlock", "received", …)."""
    as_driver(page).expect_attribute(APP, "data-view", view, timeout=timeout)


def submit(page, step):
    as_driver(page).click(css('[data-step="%s"] button[type=submit]' % step))


def start(page):
    d = as_driver(page)
    open_page(d, "./")
    press_start(d)


def press_start(page):
    """On the welcome step, press Start: the safety questions come first."""
    d = as_driver(page)
    d.click(role("button", words("wizard", "welcome", "start")))
    expect_step(d, "safety")


def start_again(page):
    """:func:`start` in a tab kept from an earlier test (conftest.py's ``tab``):
    its first use loads the wizard; later, from wherever the last test left the
    page, the app's own wipe (what Start over and leaving the page do: every
    form reset, nothing remembered) brings back the welcome step, without
    starting Python again."""
    d = as_driver(page)
    if not d.url().startswith("http"):
        start(d)
        return
    d.run("document.dispatchEvent(new Event('doorway:wipe'));")
    expect_step(d, "welcome")
    left = '[data-step="safety"] input:checked, [data-help-top] *, [data-results] *'
    d.expect_count(css(left), 0)
    press_start(d)


def answer_safety(page, answers=None):
    """Answer every safety question: ``answers`` maps item id to yes/no/unsure (default no)."""
    d = as_driver(page)
    answers = answers or {}
    for item in SAFETY_ITEMS:
        d.check(css("#safety-%s-%s" % (item, answers.get(item, "no"))))
    submit(d, "safety")


def choose_stance(page, stance):
    d = as_driver(page)
    d.check(css("#stance-%s" % stance))
    submit(d, "stance")
    expect_step(d, "reasons")


def choose_reasons(page, reasons):
    d = as_driver(page)
    for reason in reasons:
        d.check(css("#reason-%s" % reason))
    submit(d, "reasons")
    expect_step(d, "context")


def partner_name_field():
    return label(words("wizard", "context", "name_label"))


def give_context(page, name="", conflict=None, hopes=(), limits=(), topics=()):
    d = as_driver(page)
    if name:
        d.fill(partner_name_field(), name)
    if conflict:
        d.check(css("#conflict-%s" % conflict))
    for topic in topics:
        d.check(css("#topic-%s" % topic))
    for hope in hopes:
        d.check(css("#hope-%s" % hope))
    for limit in limits:
        d.check(css("#limit-%s" % limit))
    submit(d, "context")
    expect_step(d, "check")


def see_plan(page):
    """On "Check your answers", go on to the plan."""
    d = as_driver(page)
    expect_step(d, "check")
    d.click(css('[data-step="check"] [data-action="see-plan"]'))
    expect_step(d, "results")


def walk_to_results(page, stance="not_asked", reasons=("blame",), begin=start, **context):
    """From the welcome page to a plan, safety check passed: the questions, then
    "Check your answers", then the plan (seven history entries: welcome first).
    ``begin`` brings the page to the safety questions (:func:`start`, or
    :func:`start_again` in a kept tab)."""
    d = as_driver(page)
    begin(d)
    answer_safety(d)
    expect_step(d, "stance")
    choose_stance(d, stance)
    choose_reasons(d, reasons)
    give_context(d, **context)
    see_plan(d)


RESULTS = css("[data-results]")


def start_over(page, within=RESULTS):
    """Press "Start over" (on the plan by default) and, where Doorway asks
    whether to (a plan is held), say yes; ends on the welcome step."""
    d = as_driver(page)
    d.click(css('[data-action="restart"]', within=within))
    if d.attribute(APP, "data-current") in ("results", "practice", "check"):
        d.click(css('[data-restart-dialog] [data-action="restart-confirm"]'))
    expect_step(d, "welcome")


def script_lines(page):
    """The words in every box of the conversation map, in order."""
    return as_driver(page).values(css("[data-script-lines] textarea"))


def expect_safety_route(page):
    """The safety route is on screen: its heading, and no plan, script or partner link."""
    d = as_driver(page)
    expect_step(d, "safety-route")
    route = css('[data-step="safety-route"]')
    d.expect_text(css("h1", within=route), words("safety", "route", "heading"))
    d.expect_count(css("[data-results] *"), 0)
    d.expect_count(css("#share-heading"), 0)
    d.expect_count(css("[data-script-lines]"), 0)


def choose_country(page, country):
    """On the safety route, pick ``country`` (an entry of safety.toml; a country
    with areas, its first area): its emergency number shows first."""
    d = as_driver(page)
    route = css('[data-step="safety-route"]')
    areas = country.get("areas") or []
    place = country["id"] + (":" + areas[0]["id"] if areas else "")
    d.select(css("select[data-place]", within=route), place)
    d.expect_contains_text(css("[data-lines] .emergency", within=route), country["emergency"])


def tab_to(page, locator, most=300):
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(most):
        if locator.evaluate("(el) => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached %s" % locator)


def make_invite(page, note="", passphrase=None, reasons=None, ask=None, sender="", plain=False):
    """Use the share step of a plan; returns the link.

    By default the link is sealed with the four words the page chose (read
    them with :func:`invite_words`); ``passphrase`` seals it with one typed
    instead, ``plain`` makes a plain link. ``reasons``: the worries to tick
    (none are ticked to start with).
    """
    d = as_driver(page)
    if reasons is not None:
        boxes = 'input[name="share-reasons"]'
        for value in d.read(css(boxes), "attr:value"):
            d.set_checked(css('%s[value="%s"]' % (boxes, value)), value in reasons)
    if ask:
        d.check(css("#share-ask-%s" % ask))
    if sender:
        d.fill(css("#share-sender"), sender)
    d.fill(css("#share-note"), note)
    if plain:
        d.check(css("#share-protect-plain"))
    elif passphrase is not None:
        d.check(css("#share-protect-own"))
        d.fill(css("#share-passphrase"), passphrase)
    else:
        # The word list loads when the share step is shown; the button waits for it.
        d.wait_until(lambda: d.attribute(css('[data-action="new-words"]'), "disabled") is None,
                     lambda: "the four words were never chosen", STEP_TIMEOUT)
    d.click(role("button", words("partner", "share", "make")))
    d.expect_visible(css("[data-share-result]"), timeout=STEP_TIMEOUT)
    return d.value(css("#share-link"))


def invite_words(page):
    """The four words that seal the link just made, as the page says to tell them."""
    return as_driver(page).text(css("[data-say-words-text]"))


def unlock(page, passphrase):
    d = as_driver(page)
    d.fill(label(words("partner", "unlock", "label"), exact=True), passphrase)
    d.click(role("button", words("partner", "unlock", "submit")))


def open_sealed(page, link, passphrase, view):
    """Open a sealed link: the page asks for the passphrase, then shows ``view``."""
    d = as_driver(page)
    open_page(d, link)
    expect_view(d, "unlock")
    assert "#" not in d.url(), "the token must leave the address bar"
    unlock(d, passphrase)
    expect_view(d, view, timeout=STEP_TIMEOUT)


def reply(page, choice="yes_if", note="A call first, please.", conditions=("call_first",),
          period=None):
    """On an open invitation, choose one answer (and what it lets the reader add)
    and make the reply link; returns the link. ``choice`` None sends a note alone."""
    d = as_driver(page)
    if choice:
        d.check(css("#reply-%s" % choice))
    for condition in conditions if choice == "yes_if" else ():
        d.check(css("#reply-if-%s" % condition))
    if period:
        d.check(css("#reply-in-%s" % period))
    d.fill(css("#reply-note"), note)
    d.click(role("button", words("partner", "reply", "make")))
    d.expect_visible(css("[data-reply-result]"), timeout=STEP_TIMEOUT)
    return d.value(css("#reply-link"))


def answer_invite(page, link, choice="yes_if", note="A call first, please.",
                  conditions=("call_first",), period=None):
    """Open a plain partner link, check it shows the invitation, and reply; returns its link."""
    d = as_driver(page)
    open_page(d, link)
    expect_view(d, "invitation")
    d.expect_focused(css('[data-part="invitation"] h1'))
    assert "#" not in d.url(), "the token must leave the address bar"
    return reply(d, choice, note, conditions, period)


def open_reply(page, link, note="A call first, please."):
    d = as_driver(page)
    open_page(d, link)
    expect_view(d, "received")
    d.expect_text(css("[data-note]"), note)
    assert "#" not in d.url()


def expect_link_error(page, code):
    """The calm error view for a link that cannot be opened, with ``code``'s message."""
    d = as_driver(page)
    expect_view(d, "link-error")
    d.expect_text(css("[data-error-reason]"), words("partner", "link_error", code))
    d.expect_count(css('#app [data-part]:not([hidden]):not([data-part="link-error"])'), 0)
    assert "#" not in d.url(), "the token must leave the address bar"


def quick_exit(page, by):
    """Leave by Quick exit: ``by`` is "button" (a click) or "shortcut" (Shift three times)."""
    d = as_driver(page)
    if by == "button":
        d.click(css("[data-quick-exit]"))
    else:
        for _ in range(3):
            d.press("Shift")


def stored(page):
    """What the current page's origin keeps (cookies, local/session storage, IndexedDB)."""
    d = as_driver(page)
    state = d.storage()
    if state["cookies"] or state["local"] or state["session"] or state["indexedDB"]:
        return ["%s: stored %s" % (d.url(), state)]
    return []


def expect_nothing_stored(page):
    found = stored(page)
    assert not found, found


#: Set on a page as it is left: still there after Back only if the very same page
#: came back from the back/forward cache (a fresh load starts without it).
MARK_JS = "document.documentElement.setAttribute('data-test-left', arguments[0]);"

#: What a page holds and shows: its markup, and every field a person changed from
#: the page's own default (a value typed, a box ticked or cleared).
HELD_JS = """
const fields = Array.from(document.querySelectorAll('input, textarea'));
const navigation = performance.getEntriesByType('navigation')[0];
return {
  path: location.pathname,
  restored: document.documentElement.getAttribute('data-test-left') === arguments[0],
  navigation: navigation ? navigation.type : null,
  markup: document.documentElement.outerHTML,
  shown: document.body.innerText,
  values: fields.filter((f) => f.type !== 'checkbox' && f.type !== 'radio'
      && f.value !== f.defaultValue).map((f) => f.value),
  checked: fields.filter((f) => f.checked !== f.defaultChecked).map((f) => f.id || f.name),
};
"""


def exit_and_go_back(page, by, away="about.html"):
    """Open another page of the site, Quick exit from it, then press Back once.

    Quick exit must go to the neutral site (tests point every engine at a
    proxy that refuses it, so the browser shows its own error page there).
    Back then returns to the page the person was on (Quick exit replaced only
    the page it was pressed on). Returns what that page held the moment it
    was shown (:data:`HELD_JS`), with ``restored`` true if the browser brought
    it back from its back/forward cache rather than loading it again.
    """
    d = as_driver(page)
    site = d.url().split("#")[0]
    mark = "left-%s" % by
    d.run(MARK_JS, mark)
    d.goto(away)
    d.expect_visible(css("[data-quick-exit]"))
    quick_exit(d, by)
    neutral = "%s://%s/" % urlsplit(words("site", "exit_url"))[:2]
    d.wait_until(lambda: d.url().startswith(neutral),
                 lambda: "Quick exit did not go to %s (on %s)" % (neutral, d.url()),
                 STEP_TIMEOUT)
    d.back()
    d.wait_until(lambda: d.url().split("#")[0] == site,
                 lambda: "Back went to %s, not %s" % (d.url(), site), STEP_TIMEOUT)
    # A page loaded again (not restored) is judged once it has loaded and Python has
    # started, when the browser has put back whatever it restores into forms.
    d.wait_until(lambda: d.run("return document.readyState") == "complete",
                 lambda: "the page Back showed never finished loading", STEP_TIMEOUT)
    d.expect_attribute(css("html"), "data-app", "ready", timeout=STEP_TIMEOUT)
    return d.run(HELD_JS, mark)


def expect_nothing_held(held, secrets):
    """Nothing of ``secrets`` is in the page, on screen or in a field; no field was changed."""
    found = [s for s in secrets
             if s in held["markup"] or s in held["shown"] or any(s in v for v in held["values"])]
    assert not found, "%s showed %s after Back (restored from the cache: %s)" % (
        held["path"], found, held["restored"])
    assert held["values"] == [] and held["checked"] == [], (held["path"], held["values"],
                                                           held["checked"])


#: Answers that lead to each page of the safety route (doorway.guide.safety):
#: "danger-confirm" is one step on from "danger-unsure".
SAFETY_PAGES = {"high-risk": {"strangled": "yes"}, "safety-route": {"afraid": "yes"},
                "danger-unsure": {"weapon": "unsure"}, "unsure": {"control": "unsure"}}


def reach_safety_page(page, step, begin=start):
    """From the welcome page to one page of the safety route; returns the step's target.

    ``begin`` brings the page to the safety questions (by default: load the wizard
    and press Start)."""
    d = as_driver(page)
    begin(d)
    answer_safety(d, SAFETY_PAGES.get(step, SAFETY_PAGES["danger-unsure"]))
    if step == "danger-confirm":
        expect_step(d, "danger-unsure")
        d.click(css('[data-step="danger-unsure"] [data-action="continue"]'))
    expect_step(d, step)
    return css('[data-step="%s"]' % step)


def open_plan_parts(page, *parts):
    """Open parts of the plan, each a <details> that starts closed, by clicking its
    heading as a person would; ``parts`` are section ids (none: every part)."""
    d = as_driver(page)
    for part in parts or d.read(css("details.fold-section"), "attr:data-section"):
        target = css('details[data-section="%s"]' % part)
        if d.attribute(target, "open") is None:
            d.click(css('details[data-section="%s"] > summary' % part))
        d.expect_attribute(target, "open", "")
