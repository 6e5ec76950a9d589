"""Every safety view at 320, 390 and 1280 px wide, light and dark.

Nothing may be wider than the screen, and every call and text button is at
least 44 px tall. Each view is also saved as a screenshot, first screen and
whole page, under ``test-results/safety/`` (git-ignored), for a person to
look at after a change.

Each view is reached once and then looked at on every screen: the page is
resized and its colour scheme switched in place. Width and scheme reach the
page through CSS alone (no script reads them), so this is what a page opened
at that size shows, without starting Python and walking the questions again
for each of the six screens.
"""

from pathlib import Path

import pytest
from flows import catalogue, expect_step, open_page, reach_safety_page
from playwright.sync_api import expect
from schemes import each_scheme

from doorway.guide import link

SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "safety"
WIDTHS = [320, 390, 1280]
HEIGHT = 740
STATIC_PLACES = ["us", "uk-wales", "ca-quebec", "elsewhere"]

#: Every step of the safety route, in the order one page reaches them: the
#: confirmation is one step on from "danger-unsure", so they share a page.
STEP_GROUPS = [["high-risk"], ["safety-route"], ["danger-unsure", "danger-confirm"], ["unsure"]]

pytestmark = pytest.mark.browser_context_args(locale="cy-GB",
                                              viewport={"width": 1280, "height": HEIGHT})


def screens(page):
    """Show the page on every screen in turn (scheme, then width); yields ``(width, scheme)``."""
    for scheme in each_scheme(page):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            yield width, scheme


def check(page, width, name, calls=True):
    """Nothing sideways, every call button large enough; then the screenshots."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    buttons = page.locator(".call-button").locator("visible=true")
    assert (buttons.count() >= 1) == calls, name
    for button in buttons.all():
        size = button.bounding_box()
        assert size["height"] >= 44 and size["width"] <= width, (name, size)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / (name + ".png")))
    page.screenshot(path=str(SHOTS / (name + "-full.png")), full_page=True)


def check_step(page, step):
    for width, scheme in screens(page):
        page.evaluate("window.scrollTo(0, 0)")
        check(page, width, "%s-%d-%s" % (step, width, scheme))


@pytest.mark.parametrize("steps", STEP_GROUPS, ids="+".join)
def test_every_safety_step_fits_the_screen(page, steps):
    reach_safety_page(page, steps[0])
    check_step(page, steps[0])
    for step in steps[1:]:  # danger-confirm: Continue on danger-unsure
        page.set_viewport_size({"width": 1280, "height": HEIGHT})
        page.locator('[data-step="%s"] [data-action="continue"]' % steps[0]).click()
        expect_step(page, step)
        check_step(page, step)


def test_the_static_safety_page_fits_the_screen(page):
    page.goto("guide/safety.html")
    for place in STATIC_PLACES:
        page.locator('label[for="place-%s"]' % place).click()
        for width, scheme in screens(page):
            page.evaluate("window.scrollTo(0, 0)")
            check(page, width, "static-%s-%d-%s" % (place, width, scheme), place != "elsewhere")


def test_the_partner_pages_help_fits_the_screen(page):
    token = link.plain_token(link.INVITE, link.encode_invite(catalogue(), "trial", ["cost"]))
    open_page(page, "invite/#" + token)
    page.locator('[data-action="quiet-help"]').click()
    panel = page.locator("[data-quiet-help]")
    expect(panel.locator(".emergency-card")).to_be_visible()
    for width, scheme in screens(page):
        panel.scroll_into_view_if_needed()
        page.evaluate("document.querySelector('[data-quiet-help]').scrollIntoView()")
        check(page, width, "partner-help-%d-%s" % (width, scheme))


def test_the_footer_help_fits_the_screen(page):
    open_page(page, "./")
    summary = page.locator("#safe-help > summary")
    for width, scheme in screens(page):
        # As first come to: the help closed, the page at its top, nothing focused.
        page.evaluate("""() => {
            document.querySelector('#safe-help').open = false;
            document.activeElement.blur();
            window.scrollTo(0, 0);
        }""")
        expect(page.locator("#safe-help .emergency-card")).to_be_hidden()
        page.locator('.footer a[href="#safe-help"]').click()
        expect(page.locator("#safe-help .emergency-card")).to_be_visible()
        # The link moved the focus to the help's summary: clear of the sticky
        # exit bar, with the emergency button under it on the same screen.
        expect(summary).to_be_focused()
        bar = page.locator(".exit-bar").bounding_box()
        assert summary.bounding_box()["y"] >= bar["y"] + bar["height"], (width, scheme)
        call = page.locator("#safe-help .emergency-card .call-button").bounding_box()
        assert call["y"] + call["height"] <= HEIGHT, (width, scheme, call)
        check(page, width, "footer-help-%d-%s" % (width, scheme))
