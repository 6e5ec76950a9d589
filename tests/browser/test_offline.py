"""Offline after the first visit, in Chromium: the service worker, proven.

A first visit installs the service worker; once it controls the page, the
network is switched off and every flow still works: the wizard to a plan, the
safety route, a partner link opened in a new tab and the reply. The cache
holds exactly the build's files, under a name made of the build's hash, and
never a URL with a query or a fragment, whatever the visitor opened.

"""

import re

import pytest
from audit import NOT_FOUND_ERROR, Audit, expect_console_error
from flows import (
    STEP_TIMEOUT,
    answer_invite,
    answer_safety,
    expect_step,
    make_invite,
    open_page,
    open_reply,
    start,
)
from flows import walk_to_results as walk
from playwright.sync_api import expect
from service_worker import cache_contents, expected_cache, first_visit

from built import cache_name
from doorway.builder.serve import serve_in_background


def test_the_first_visit_stores_exactly_the_build(page, site, base_url, precache):
    first_visit(page)
    assert cache_contents(page) == expected_cache(site, base_url, precache)
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)") == base_url
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == base_url + "sw.js"
    assert cache_name(site).startswith("doorway-")


def test_chromium_finds_the_site_installable(page, context):
    """Manifest, icons and an offline-capable worker: nothing stands in the way.

    Playwright's contexts are incognito-like, which Chromium always reports;
    that is the only objection allowed.
    """
    first_visit(page)
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == page.url + "manifest.webmanifest"
    assert manifest["errors"] == []
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [error["errorId"] for error in errors if error["errorId"] != "in-incognito"] == []


def test_every_flow_works_offline(page, context, base_url, site, precache):
    first_visit(page)
    context.set_offline(True)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)

    walk(page, "hesitated", ["blame", "cost"], name="Sam", conflict="heated")
    invite = make_invite(page, note="Offline and still here.", reasons=["blame", "cost"],
                         plain=True)
    assert invite.startswith(base_url + "invite/#")

    partner = context.new_page()
    reply = answer_invite(partner, invite)
    assert reply.startswith(base_url + "reply/#")
    expect(partner.locator('[data-slot="top"] [data-note]')).to_have_text(
        "Offline and still here.")

    sender = context.new_page()
    open_reply(sender, reply)

    safety = context.new_page()
    start(safety)
    answer_safety(safety, {"afraid": "yes"})
    expect_step(safety, "safety-route")
    expect(safety.locator('[data-step="safety-route"] [data-lines] .emergency')).to_be_visible()

    guide = context.new_page()
    guide.goto("guide/blame.html")
    expect(guide.get_by_role("heading", level=1)).to_be_visible()
    assert cache_contents(page) == expected_cache(site, base_url, precache)


def test_an_unknown_page_offline_shows_the_not_found_page(page, context, base_url):
    first_visit(page)
    context.set_offline(True)
    for path in ("no-such-page.html", "guide/nothing-here/", "invite/extra"):
        page.goto(path)
        assert page.url == base_url + "404.html", path
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(page.locator(".exit-bar")).to_have_css("position", "sticky")
        expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))


#: Same-origin files asked for under URLs the build never uses.
ODD_FETCHES = ["assets/css/doorway.css?x=1#y", "py/invite.bundle?fresh#frag",
               "sw.js?v=1#z", "guide/?q=1#top"]


def test_queries_and_fragments_never_enter_the_cache(page, context, audit, site, base_url,
                                                     precache):
    first_visit(page)
    for offline in (False, True):
        context.set_offline(offline)
        open_page(page, "./?x=1#y")
        expect(page.get_by_role("button", name="Start")).to_be_visible()
        open_page(page, "invite/?q#token")
        expect(page.locator("#app")).to_have_attribute("data-view", "link-error")
        assert "#" not in page.url
        open_page(page, "invite/index.html?again=1#i1.AAAA")
        expect(page.locator("#app")).to_have_attribute("data-view", "link-error")
        page.goto("guide/?from=somewhere#main")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if not offline:
            # Pages and files the worker does not store: fetched, never kept.
            page.goto("not-a-page.html?x=1#secret")
            expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
            expect_console_error(page, audit, NOT_FOUND_ERROR)
            statuses = page.evaluate("(urls) => Promise.all(urls.map((url) => "
                                     "fetch(url).then((response) => response.status)))",
                                     ODD_FETCHES)
            assert statuses == [200] * len(ODD_FETCHES)
    assert cache_contents(page) == expected_cache(site, base_url, precache)


@pytest.fixture(scope="module")
def clean_url_host(site):
    """The build served as Cloudflare Pages does: ``/x.html`` redirects to ``/x``."""
    url, server = serve_in_background(site, clean_urls=True)
    yield url
    server.shutdown()
    server.server_close()


def test_offline_on_a_host_that_drops_html_from_urls(browser, browser_context_args,
                                                     clean_url_host, site, precache):
    base = clean_url_host
    context = browser.new_context(**dict(browser_context_args, base_url=base))
    audit = Audit(context, base, precache)
    try:
        page = context.new_page()
        page.goto("guide/talking.html")
        assert page.url == base + "guide/talking", "the host must redirect, as Cloudflare does"
        first_visit(page, "./")
        page.goto("guide/talking")
        heading = page.get_by_role("heading", level=1)
        talking = heading.inner_text()
        context.set_offline(True)
        page.reload()
        expect(heading).to_have_text(talking)
        for path in ("guide/blame.html", "guide/blame", "about", "guide/"):
            page.goto(path)
            expect(heading).to_be_visible()
            expect(heading).not_to_have_text("Page not found")
            assert "404" not in page.url, path
            expect(page.locator(".exit-bar")).to_have_css("position", "sticky")
        page.get_by_role("link", name="The full guide").last.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("The full guide")
        open_page(page, "./")
        page.goto("nothing-here")
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        assert cache_contents(page) == expected_cache(site, base, precache)
        problems = audit.check()
        assert not problems, "\n".join(problems)
    finally:
        context.close()
