"""Full-page screenshots of every step and page, at 320, 390 and 1280 px, light and dark.

Written to ``screenshots/<scheme>/<name>-<width>.png`` at the top of the
checkout (git-ignored; ``$DOORWAY_SCREENSHOTS`` names another folder), so
anyone can look at what a person sees after a test run. Each screenshot is
also a check: at that width the page must not scroll sideways, and the Quick
exit must be on the first screen.

Each state is reached once and shot in both schemes and all three widths: the
page is re-themed and resized in place. Width and scheme reach the pages
through CSS alone (no script reads them), so the pictures are those of a page
opened that way, without walking the questions again for the dark scheme.
"""

import os
from pathlib import Path

import pytest
from flows import (
    SAFETY_PAGES,
    answer_safety,
    choose_reasons,
    choose_stance,
    expect_step,
    expect_view,
    give_context,
    invite_words,
    make_invite,
    open_page,
    open_plan_parts,
    open_sealed,
    reach_safety_page,
    reply,
    see_plan,
    start,
    submit,
    unlock,
    walk_to_results,
    words,
)
from playwright.sync_api import expect
from schemes import SCHEMES, each_scheme

from doorway.builder import ROOT

FOLDER = Path(os.environ.get("DOORWAY_SCREENSHOTS") or ROOT / "screenshots")
WIDTHS = (320, 390, 1280)
HEIGHT = 800
STATIC = ("guide/", "guide/talking.html", "guide/plan-b.html", "guide/therapist.html",
          "guide/safety.html", "guide/for-partners.html", "guide/cover-your-tracks.html",
          "guide/blame.html", "about.html", "404.html")


class Camera:
    """Takes one page's screenshots in every scheme and width, and checks what each shows."""

    def __init__(self, page):
        self.page = page
        for scheme in SCHEMES:
            (FOLDER / scheme).mkdir(parents=True, exist_ok=True)
        self.taken = []

    def shoot(self, name):
        page = self.page
        for scheme in each_scheme(page):
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": HEIGHT})
                sideways = page.evaluate("document.documentElement.scrollWidth") - width
                assert sideways <= 0, "%s scrolls %d px sideways at %d px (%s)" % (
                    name, sideways, width, scheme)
                page.evaluate("window.scrollTo(0, 0)")
                expect(page.locator("[data-quick-exit]")).to_be_in_viewport()
                path = FOLDER / scheme / ("%s-%d.png" % (name, width))
                page.screenshot(path=path, full_page=True, animations="disabled")
                self.taken.append(path)
        page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})


pytestmark = pytest.mark.browser_context_args(viewport={"width": WIDTHS[-1], "height": HEIGHT})


@pytest.fixture
def camera(page):
    """A camera on the audited page (see conftest.py), which starts light and 1280 px wide."""
    camera = Camera(page)
    yield camera
    assert all(path.stat().st_size > 0 for path in camera.taken)


def test_the_wizard_step_by_step(camera):
    page = camera.page
    open_page(page, "./")
    camera.shoot("wizard-01-welcome")
    start(page)
    camera.shoot("wizard-02-safety")
    submit(page, "safety")
    expect(page.locator('[data-step="safety"] .error-summary')).to_be_visible()
    camera.shoot("wizard-03-safety-errors")
    answer_safety(page)
    expect_step(page, "stance")
    camera.shoot("wizard-04-stance")
    choose_stance(page, "hesitated")
    camera.shoot("wizard-05-reasons")
    choose_reasons(page, ["blame", "cost"])
    camera.shoot("wizard-06-context")
    give_context(page, name="Sam", conflict="heated", hopes=["trust"])
    camera.shoot("wizard-07-check-your-answers")
    see_plan(page)
    page.locator('[data-results] [data-action="restart"]').click()
    expect(page.locator("[data-restart-dialog]")).to_be_visible()
    camera.shoot("wizard-08-start-over-asks")


def test_the_plan_and_what_opens_from_it(camera):
    page = camera.page
    walk_to_results(page, "hesitated", ["blame", "cost"], name="Sam",
                    conflict="heated", hopes=["trust"])
    camera.shoot("plan-01-plan")
    open_plan_parts(page)
    camera.shoot("plan-02-every-part-open")
    link = make_invite(page, note="Whenever you are ready.", reasons=["cost"])
    camera.shoot("plan-03-link-made")
    page.get_by_role("button", name=words("practice", "open_button")).click()
    expect_step(page, "practice")
    camera.shoot("plan-04-practice")
    assert "#" in link


def test_the_partner_pages(camera):
    page = camera.page
    walk_to_results(page, "hesitated", ["cost"])
    link = make_invite(page, note="Whenever you are ready.", reasons=["cost"])
    secret = invite_words(page)
    open_page(page, "invite/")
    camera.shoot("partner-01-paste")
    open_page(page, link)
    expect_view(page, "unlock")
    camera.shoot("partner-02-unlock")
    unlock(page, secret)
    expect_view(page, "invitation")
    camera.shoot("partner-03-invitation")
    back = reply(page)
    camera.shoot("partner-04-reply-made")
    open_sealed(page, back, secret, "received")
    camera.shoot("partner-05-reply-received")
    open_page(page, "invite/#i2.broken")
    expect_view(page, "link-error")
    camera.shoot("partner-06-broken-link")


def test_the_safety_route(camera):
    page = camera.page
    for step in [*sorted(SAFETY_PAGES), "danger-confirm"]:
        reach_safety_page(page, step)
        camera.shoot("safety-%s" % step)


def test_the_pages_without_python(camera):
    page = camera.page
    for path in STATIC:
        page.goto(path)
        name = path.replace("/", "-").replace(".html", "").strip("-") or "guide"
        camera.shoot("static-" + name)


def test_a_screenshot_that_scrolls_sideways_is_caught(camera):
    """The width check can fail: a page made too wide on purpose is reported."""
    page = camera.page
    page.goto("about:blank")  # Doorway's own pages refuse markup from strings
    page.set_content("<div style='width:2000px'>wide</div>")
    with pytest.raises(AssertionError, match=r"scrolls \d+ px sideways at 320 px"):
        camera.shoot("never-kept")
