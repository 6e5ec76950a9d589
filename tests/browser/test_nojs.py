"""Without JavaScript, without WebAssembly, or when Python cannot start: still readable.

- JavaScript off: the pages that need Python send the visitor to the static
  guide (``<noscript>`` refresh), the partner's link to the partner's guide,
  and every static page is complete: headings, every reason listed and
  linked, sources.
- WebAssembly off (a separate Chromium started without it, see NO_WASM): the
  same pages land on the same guide pages, with no error on the way.
- Python cannot start (its ``.wasm`` is refused, or the page's bundle is
  broken): the page shows the calm "something went wrong" message with a way
  to the guide, instead of a page that waits for ever. The wait is shortened through the test-only
  ``window.doorwayStartupLimitMs`` (see boot.js).
"""

import pytest
from audit import Audit
from chromium import CHROMIUM_ARGS
from playwright.sync_api import expect

from doorway.builder import CONTENT
from doorway.builder.content import load

#: Where each page that runs Python sends a visitor who cannot run it.
FALLBACKS = [("./", "guide/"), ("invite/#i1.AAAA", "guide/for-partners.html"),
             ("reply/#r1.AAAA", "guide/"), ("?from=x#y", "guide/")]
#: V8 without WebAssembly. ``--noexpose_wasm`` no longer hides it in Chromium 156;
#: ``--jitless`` does, as in the browsers' own hardened modes (iOS Lockdown Mode,
#: Edge's enhanced security), which is where visitors meet this for real.
NO_WASM = "--js-flags=--jitless"
#: Pages whose claims carry sources.
SOURCED = ["guide/talking.html", "guide/plan-b.html", "guide/therapist.html",
           "guide/for-partners.html", "guide/safety.html"]


@pytest.fixture(scope="module")
def catalogue():
    return load(CONTENT)


@pytest.fixture
def no_js(new_context, base_url, precache):
    context = new_context(java_script_enabled=False)
    watcher = Audit(context, base_url, precache)
    yield context
    assert not watcher.foreign and not watcher.page_errors and not context.cookies()


@pytest.mark.parametrize("path, target", FALLBACKS)
def test_without_javascript_python_pages_lead_to_the_guide(no_js, base_url, path, target):
    page = no_js.new_page()
    page.goto(path)
    page.wait_for_url(base_url + target)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("[data-quick-exit]")).to_be_visible()
    assert page.title() == "Doorway"


def static_pages(site):
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "guide").glob("*.html"))
    return [*pages, "about.html"]


def test_without_javascript_every_static_page_is_complete(no_js, site, catalogue):
    page = no_js.new_page()
    reasons = catalogue["reasons"]
    for path in static_pages(site):
        page.goto(path)
        main = page.locator("main")
        expect(main.get_by_role("heading", level=1)).to_have_count(1)
        expect(main.get_by_role("heading", level=1)).to_be_visible()
        assert main.locator("h2").count() >= 1, path
        assert len(main.inner_text()) > 400, "%s looks empty" % path
        assert main.locator("[hidden], .js-only").count() == 0, "%s hides content" % path
        expect(page.locator(".exit-note")).to_be_visible()
        reason = next((r for r in reasons if path == "guide/%s.html" % r["id"]), None)
        if reason or path in SOURCED:
            sources = main.locator("h2", has_text="Sources")
            expect(sources).to_have_count(1)
            assert main.locator('a[href^="https://"]').count() >= 1, path
        if reason:
            expect(main.get_by_role("heading", level=1)).to_have_text(reason["label"])
            expect(main).to_contain_text(reason["partner"]["heading"])

    page.goto("guide/")
    for reason in reasons:
        entry = page.locator("main").get_by_role("link", name=reason["label"], exact=True)
        expect(entry).to_have_attribute("href", "%s.html" % reason["id"])
    page.get_by_role("link", name=reasons[0]["label"], exact=True).click()
    page.wait_for_url("**/guide/%s.html" % reasons[0]["id"])

    page.goto("guide/for-partners.html")
    for reason in reasons:
        if not reason.get("exclusive"):
            expect(page.locator("main")).to_contain_text(reason["partner"]["heading"])

    # the place is chosen with radio buttons that CSS alone switches
    page.goto("guide/safety.html")
    for country in catalogue["safety"]["countries"]:
        areas = country.get("areas") or []
        choice = "place-" + country["id"] + ("-" + areas[0]["id"] if areas else "")
        page.locator('label[for="%s"]' % choice).click()
        emergency = page.locator(".emergency-card .call-button").locator("visible=true")
        expect(emergency).to_have_attribute("href", "tel:" + country["emergency_tel"])
        expect(emergency).to_contain_text(country["emergency"])

    page.goto("about.html")
    expect(page.locator(".sources-list li")).to_have_count(len(catalogue["sources"]))


@pytest.fixture(scope="module")
def no_wasm_browser(launch_browser):
    browser = launch_browser(args=[*CHROMIUM_ARGS, NO_WASM])
    yield browser
    browser.close()


@pytest.mark.parametrize("path, target", FALLBACKS)
def test_without_webassembly_python_pages_lead_to_the_guide(no_wasm_browser, base_url, precache,
                                                            path, target):
    context = no_wasm_browser.new_context(base_url=base_url, service_workers="block")
    try:
        watcher = Audit(context, base_url, precache)
        page = context.new_page()
        assert page.evaluate("typeof WebAssembly") == "undefined"
        page.goto(path)
        page.wait_for_url(base_url + target)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.dataset.app") is None
        problems = watcher.check()
        assert not problems, problems
    finally:
        context.close()


def test_when_python_cannot_start_the_page_says_so_calmly(context, page, audit):
    context.add_init_script("window.doorwayStartupLimitMs = 6000;")
    refused = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    context.route("**/*.wasm", refuse)
    page.goto("./")
    html = page.locator("html")
    expect(html).to_have_attribute("data-app", "failed", timeout=30000)
    assert refused, "the runtime must have been asked for"
    failed = page.locator(".startup-failed")
    expect(failed).to_be_visible()
    expect(failed.get_by_role("heading")).to_have_text("Sorry, something went wrong on this page")
    expect(failed.get_by_role("link")).to_have_attribute("href", "./guide/")
    expect(page.locator("[data-loading]")).to_be_hidden()
    expect(page.get_by_role("button", name="Start")).to_be_hidden()
    expect(page.locator("[data-quick-exit]")).to_be_visible()
    # The refused download is reported by the browser and by PyScript; nothing else may be.
    expected = ("ERR_FAILED", "wasm", "ArrayBuffer instantiation")
    unexpected = [e for e in audit.console_errors + audit.page_errors
                  if not any(word in e for word in expected)]
    assert not unexpected, unexpected
    audit.console_errors.clear()
    audit.page_errors.clear()


@pytest.mark.parametrize("body", [b"<html>a proxy's error page</html>",
                                  b"doorway-bundle 1\n[]\n"],
                         ids=["not-a-bundle", "a-bundle-without-the-page"])
def test_a_broken_bundle_is_a_calm_problem_not_a_blank_page(page, audit, body):
    """The loader (``doorway/ui/main.py``) unpacks the bundle in one task and
    imports the page in the next: a bundle it cannot read fails the first, one
    without the page's modules the second. Either way the page says so calmly."""
    page.route("**/py/wizard.bundle?*", lambda route: route.fulfill(body=body))
    page.goto("./")
    expect(page.locator("html")).to_have_attribute("data-app", "failed", timeout=30000)
    expect(page.locator(".startup-failed")).to_be_visible()
    expect(page.locator("[data-quick-exit]")).to_be_visible()
    audit.console_errors.clear()  # the traceback, for whoever debugs
