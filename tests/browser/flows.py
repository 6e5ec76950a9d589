"""Steps a person takes, as functions the browser tests share.

Each helper clicks through the real page the way a person would (labels,
buttons), so the tests read like the flows they check.
"""

from playwright.sync_api import expect

from doorway.builder import CONTENT
from doorway.builder.content import load

#: The safety check's questions, in page order, as the content defines them.
SAFETY_ITEMS = [item["id"] for item in load(CONTENT)["safety"]["screen"]["items"]]
STEP_TIMEOUT = 30000


def open_page(page, path=""):
    """Open a page of the site and wait until Python has taken over."""
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)


def current_step(page):
    return page.locator("#app").get_attribute("data-current")


def expect_step(page, step):
    expect(page.locator("#app")).to_have_attribute("data-current", step)
    heading = page.locator('[data-step="%s"] h1' % step)
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()


def submit(page, step):
    page.locator('[data-step="%s"] button[type=submit]' % step).click()


def start(page):
    open_page(page, "./")
    page.get_by_role("button", name="Start").click()
    expect_step(page, "safety")


def answer_safety(page, answers=None):
    """Answer every safety question: ``answers`` maps item id to yes/no/unsure (default no)."""
    answers = answers or {}
    for item in SAFETY_ITEMS:
        page.locator("#safety-%s-%s" % (item, answers.get(item, "no"))).check()
    submit(page, "safety")


def choose_stance(page, stance):
    page.locator("#stance-%s" % stance).check()
    submit(page, "stance")
    expect_step(page, "reasons")


def choose_reasons(page, reasons):
    for reason in reasons:
        page.locator("#reason-%s" % reason).check()
    submit(page, "reasons")
    expect_step(page, "context")


def give_context(page, name="", conflict=None, hopes=(), limits=()):
    if name:
        page.get_by_label("Your partner’s first name or nickname").fill(name)
    if conflict:
        page.locator("#conflict-%s" % conflict).check()
    for hope in hopes:
        page.locator("#hope-%s" % hope).check()
    for limit in limits:
        page.locator("#limit-%s" % limit).check()
    submit(page, "context")
    expect_step(page, "results")


def walk_to_results(page, stance="not_asked", reasons=("blame",), **context):
    """From the welcome page to a plan, safety check passed."""
    start(page)
    answer_safety(page)
    expect_step(page, "stance")
    choose_stance(page, stance)
    choose_reasons(page, reasons)
    give_context(page, **context)


def script_lines(page):
    boxes = page.locator("[data-script-lines] textarea")
    return [boxes.nth(i).input_value() for i in range(boxes.count())]


def make_invite(page, note="", passphrase="", reasons=None, ask=None):
    """Use the share step of a plan; returns the link."""
    if reasons is not None:
        for box in page.locator('input[name="share-reasons"]').all():
            box.set_checked(box.get_attribute("value") in reasons)
    if ask:
        page.locator("#share-ask-%s" % ask).check()
    page.locator("#share-note").fill(note)
    page.locator("#share-passphrase").fill(passphrase)
    page.get_by_role("button", name="Make the link").click()
    expect(page.locator("[data-share-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    return page.locator("#share-link").input_value()


def unlock(page, passphrase):
    page.get_by_label("Passphrase", exact=True).fill(passphrase)
    page.get_by_role("button", name="Open").click()


def answer_invite(page, link, option="call_first", note="A call first, please."):
    """Open a partner link, check it shows the invitation, and make a reply; returns its link."""
    open_page(page, link)
    app = page.locator("#app")
    expect(app).to_have_attribute("data-view", "invitation")
    expect(page.locator('[data-part="invitation"] h1')).to_be_focused()
    assert "#" not in page.url, "the token must leave the address bar"
    page.locator("#reply-%s" % option).check()
    page.locator("#reply-note").fill(note)
    page.get_by_role("button", name="Make my reply link").click()
    expect(page.locator("[data-reply-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    return page.locator("#reply-link").input_value()


def open_reply(page, link, note="A call first, please."):
    open_page(page, link)
    expect(page.locator("#app")).to_have_attribute("data-view", "received")
    expect(page.locator("[data-note]")).to_have_text(note)
    assert "#" not in page.url


#: Answers that lead to each page of the safety route (doorway.guide.safety):
#: "danger-confirm" is one step on from "danger-unsure".
SAFETY_PAGES = {"high-risk": {"strangled": "yes"}, "safety-route": {"afraid": "yes"},
                "danger-unsure": {"weapon": "unsure"}, "unsure": {"control": "unsure"}}


def reach_safety_page(page, step):
    """From the welcome page to one page of the safety route; returns the step."""
    start(page)
    answer_safety(page, SAFETY_PAGES.get(step, SAFETY_PAGES["danger-unsure"]))
    if step == "danger-confirm":
        expect_step(page, "danger-unsure")
        page.locator('[data-step="danger-unsure"] [data-action="continue"]').click()
    expect_step(page, step)
    return page.locator('[data-step="%s"]' % step)


def tab_to(page, locator, limit=120):
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if locator.evaluate("(el) => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached %s" % locator)
