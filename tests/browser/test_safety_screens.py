"""Every safety view at 320, 390 and 1280 px wide, light and dark.

Nothing may be wider than the screen, and every call and text button is at
least 44 px tall. Each view is also saved as a screenshot, first screen and
whole page, under ``test-results/safety/`` (git-ignored), for a person to
look at after a change.
"""

from pathlib import Path

import pytest
from flows import catalogue, open_page, reach_safety_page
from playwright.sync_api import expect

from doorway.guide import link

SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "safety"
STEPS = ["high-risk", "safety-route", "danger-unsure", "danger-confirm", "unsure"]
STATIC_PLACES = ["us", "uk-wales", "ca-quebec", "elsewhere"]


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_every_safety_view_fits_the_screen(browser, base_url, width, scheme):
    context = browser.new_context(base_url=base_url, locale="cy-GB", color_scheme=scheme,
                                  viewport={"width": width, "height": 740})
    page = context.new_page()
    try:
        for step in STEPS:
            reach_safety_page(page, step)
            check(page, width, "%s-%d-%s" % (step, width, scheme))
        page.goto("guide/safety.html")
        for place in STATIC_PLACES:
            page.locator('label[for="place-%s"]' % place).click()
            page.evaluate("window.scrollTo(0, 0)")
            check(page, width, "static-%s-%d-%s" % (place, width, scheme), place != "elsewhere")
        cat = catalogue()
        token = link.plain_token(link.INVITE, link.encode_invite(cat, "trial", ["cost"]))
        open_page(page, "invite/#" + token)
        page.locator('[data-action="quiet-help"]').click()
        panel = page.locator("[data-quiet-help]")
        expect(panel.locator(".emergency-card")).to_be_visible()
        panel.scroll_into_view_if_needed()
        page.evaluate("document.querySelector('[data-quiet-help]').scrollIntoView()")
        check(page, width, "partner-help-%d-%s" % (width, scheme))
        open_page(page, "./")
        page.locator('.footer a[href="#safe-help"]').click()
        expect(page.locator("#safe-help .emergency-card")).to_be_visible()
        # The link moved the focus to the help's summary: clear of the sticky
        # exit bar, with the emergency button under it on the same screen.
        summary = page.locator("#safe-help > summary")
        expect(summary).to_be_focused()
        bar = page.locator(".exit-bar").bounding_box()
        assert summary.bounding_box()["y"] >= bar["y"] + bar["height"], width
        call = page.locator("#safe-help .emergency-card .call-button").bounding_box()
        assert call["y"] + call["height"] <= 740, (width, call)
        check(page, width, "footer-help-%d-%s" % (width, scheme))
    finally:
        context.close()
