"""axe-core finds no accessibility violations on any step, view or page.

Also checked: every page works at 320 px wide with no sideways scrolling,
and key pages pass in the dark colour scheme too.

Where a view is checked in both colour schemes, it is reached once and
re-themed in place (``schemes.each_scheme``); axe reads the styles as they are
when it runs.
"""

import pytest
from axe_check import assert_accessible
from flows import (
    answer_safety,
    catalogue,
    expect_step,
    invite_words,
    make_invite,
    open_page,
    open_plan_parts,
    reach_safety_page,
    see_plan,
    submit,
    walk_to_results,
)
from playwright.sync_api import expect
from schemes import each_scheme

from doorway.guide import link


def test_every_wizard_step_with_and_without_errors(page):
    open_page(page, "./")
    assert_accessible(page, "welcome")
    page.get_by_role("button", name="Start").click()
    expect_step(page, "safety")
    assert_accessible(page, "safety check")
    submit(page, "safety")
    assert_accessible(page, "safety check with errors")
    answer_safety(page, {"control": "unsure"})
    expect_step(page, "unsure")
    assert_accessible(page, "not sure")
    page.get_by_role("button", name="I feel safe, continue").click()
    expect_step(page, "stance")
    assert_accessible(page, "where things stand")
    submit(page, "stance")
    assert_accessible(page, "where things stand with errors")
    page.locator("#stance-said_no").check()
    submit(page, "stance")
    expect_step(page, "reasons")
    assert_accessible(page, "reasons")
    page.locator("#reason-privacy").check()
    page.locator("#reason-culture").check()
    submit(page, "reasons")
    expect_step(page, "context")
    assert_accessible(page, "context")
    page.locator("#partner-name").fill("Sam")
    page.locator("#limit-money").check()
    submit(page, "context")
    expect_step(page, "check")
    assert_accessible(page, "check your answers")
    see_plan(page)
    assert_accessible(page, "results")
    page.locator('[data-results] [data-action="restart"]').click()
    expect(page.locator("[data-restart-dialog]")).to_be_visible()
    assert_accessible(page, "Start over?")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Show as a QR code").count()


SAFETY_STEPS = ["high-risk", "safety-route", "danger-unsure", "danger-confirm", "unsure"]


def assert_accessible_in_each_scheme(page, where):
    """Axe in the light scheme, then the dark; the page is left light."""
    for scheme in each_scheme(page):
        assert_accessible(page, "%s %s" % (scheme, where))


@pytest.mark.parametrize("step", SAFETY_STEPS)
def test_every_safety_page(browser, base_url, step):
    context = browser.new_context(base_url=base_url, locale="cy-GB")
    page = context.new_page()
    try:
        reach_safety_page(page, step)
        root = page.locator('[data-step="%s"]' % step)
        assert_accessible_in_each_scheme(page, "%s, Wales" % step)
        root.locator("select[data-place]").select_option("us")
        assert_accessible_in_each_scheme(page, "%s, United States" % step)
    finally:
        context.close()


def test_the_static_safety_page_with_each_kind_of_place(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    try:
        page.goto("guide/safety.html")
        for choice in ("place-uk-wales", "place-ca-alberta", "place-elsewhere"):
            page.locator('label[for="%s"]' % choice).click()
            page.locator("#" + choice).focus()
            assert_accessible_in_each_scheme(page, "static safety page, %s" % choice)
    finally:
        context.close()


def test_the_partner_pages_quiet_help_opened(browser, base_url):
    cat = catalogue()
    token = link.plain_token(link.INVITE, link.encode_invite(cat, "trial", ["cost"]))
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    try:
        open_page(page, "invite/#" + token)
        page.locator('[data-action="quiet-help"]').click()
        expect(page.locator("[data-quiet-help] .emergency-card")).to_be_visible()
        assert_accessible_in_each_scheme(page, "partner page, help opened")
    finally:
        context.close()


def test_the_footer_safety_help_opened(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    try:
        open_page(page, "./")
        page.locator('.footer a[href="#safe-help"]').click()
        expect(page.locator("#safe-help .emergency-card")).to_be_visible()
        assert_accessible_in_each_scheme(page, "footer help opened, England")
        page.locator("#safe-help select[data-place]").select_option("ca:quebec")
        expect(page.locator("#safe-help .main-line")).to_contain_text("Quebec")
        assert_accessible_in_each_scheme(page, "footer help opened, Quebec")
    finally:
        context.close()


def test_share_and_partner_views(page, browser, base_url):
    walk_to_results(page, "hesitated", ["blame", "cost"])
    page.locator("#share-protect-own").check()
    page.get_by_role("button", name="Show passphrase").click()
    assert_accessible(page, "share step, own passphrase shown")
    page.locator("#share-protect-words").check()
    link = make_invite(page, note="Hello", reasons=["cost"])
    words = invite_words(page)
    page.get_by_role("button", name="Show as a QR code").click()
    assert_accessible(page, "share result with QR code")
    other = browser.new_context(base_url=base_url)
    partner = other.new_page()
    try:
        open_page(partner, "invite/")
        assert_accessible(partner, "paste view")
        open_page(partner, link)
        assert_accessible(partner, "unlock")
        partner.get_by_label("Passphrase", exact=True).fill(words)
        partner.get_by_role("button", name="Open", exact=True).click()
        expect(partner.locator('[data-part="invitation"]')).to_be_visible(timeout=30000)
        assert_accessible(partner, "invitation")
        partner.locator("#reply-yes_if").check()
        partner.locator("#reply-if-online").check()
        partner.locator(".questions summary").first.click()
        assert_accessible(partner, "invitation, yes if, a question open")
        partner.locator("#reply-not_yet").check()
        partner.locator("#reply-in-month").check()
        partner.get_by_role("button", name="Make my reply").click()
        expect(partner.locator("[data-reply-result]")).to_be_visible(timeout=30000)
        reply = partner.locator("#reply-link").input_value()
        assert_accessible(partner, "reply made")
        open_page(partner, reply)
        partner.get_by_label("Passphrase", exact=True).fill(words)
        partner.get_by_role("button", name="Open", exact=True).click()
        expect(partner.locator('[data-part="received"]')).to_be_visible(timeout=30000)
        assert_accessible(partner, "reply received")
        open_page(partner, "invite/#i2.broken")
        expect(partner.locator("#app")).to_have_attribute("data-view", "link-error")
        assert_accessible(partner, "link error")
    finally:
        other.close()


STATIC = ["guide/", "guide/talking.html", "guide/plan-b.html", "guide/therapist.html",
          "guide/safety.html", "guide/for-partners.html", "about.html", "404.html",
          "guide/blame.html", "guide/dont_know.html", "guide/privacy.html"]


@pytest.mark.parametrize("path", STATIC)
def test_static_pages(page, path):
    page.goto(path)
    assert_accessible(page, path)


@pytest.mark.parametrize("path", ["./", "guide/safety.html", "about.html", "invite/",
                                  "invite/#i1.AAIBAQ"])
def test_dark_scheme(browser, base_url, path):
    context = browser.new_context(base_url=base_url, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(path)
        if path.startswith("invite/"):  # the view Python chooses, not the loading line
            expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=30000)
        assert_accessible(page, "dark " + path)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["./", "guide/therapist.html", "about.html", "invite/#x",
                                  "invite/#i1.AAIBAQ", "invite/", "reply/"])
def test_works_at_320_pixels_wide(page, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    expect(page.locator("[data-quick-exit]")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_results_at_320_pixels_wide(page):
    page.set_viewport_size({"width": 320, "height": 640})
    walk_to_results(page, "said_no", ["privacy", "culture", "unknown_process"], name="Sam")
    page.get_by_role("button", name="Show as a QR code").count()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_results_with_the_whole_map_in_the_dark(browser, base_url):
    """The plan card, every branch of the map and the worked example, in dark mode."""
    context = browser.new_context(base_url=base_url, color_scheme="dark")
    page = context.new_page()
    try:
        walk_to_results(page, "not_asked", ["blame", "cost", "time"], name="Sam",
                        conflict="heated", topics=["money", "chores"], hopes=["trust"])
        open_plan_parts(page)  # every part of the plan, each closed at first
        expect(page.locator('[data-branch="worry"]')).to_be_visible()
        assert_accessible(page, "dark results")
        page.locator('[data-results] [data-action="restart"]').click()
        expect(page.locator("[data-restart-dialog]")).to_be_visible()
        assert_accessible(page, "dark Start over?")
        page.keyboard.press("Escape")
        page.locator('[data-step="results"] [data-action="back"]').click()
        expect_step(page, "check")
        assert_accessible(page, "dark check your answers")
    finally:
        context.close()
