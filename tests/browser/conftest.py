"""Browser fixtures: Chromium (system or Playwright's), and an audit of every test.

Every browser test runs under :class:`audit.Audit`, which fails the test if
the page made a request to any other origin, logged a console error, threw,
broke the Content-Security-Policy, or left anything in cookies, localStorage,
sessionStorage, IndexedDB or an unexpected Cache Storage entry.

Playwright starts Chromium with the back/forward cache switched off, unlike
every real Chrome. Tests of what Back shows ask for ``bfcache_context``: a
context in a second Chromium with the cache on, started once, and only when a
test needs it, so no other test pays for it.
"""

import os

import pytest
from audit import Audit
from chromium import CHROMIUM_ARGS, chromium_path

import built

# Report the service worker's own fetches as requests too (Chromium only);
# must be set before Playwright starts.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = dict(browser_type_launch_args, args=CHROMIUM_ARGS)
    if chromium_path():
        args["executable_path"] = chromium_path()
    return args


@pytest.fixture(scope="session")
def bfcache_browser(playwright, browser_type_launch_args):
    """Chromium as people have it: the back/forward cache on (Playwright turns it off)."""
    browser = playwright.chromium.launch(**browser_type_launch_args,
                                         ignore_default_args=["--disable-back-forward-cache"])
    yield browser
    browser.close()


@pytest.fixture
def bfcache_context(request, bfcache_browser, browser_context_args, base_url, precache):
    """``(context, audit)`` in :func:`bfcache_browser`, audited like every other context.

    Never route ``**/*`` in it: intercepting every request makes pages
    ineligible for the cache. Route only other origins (the Quick exit site).
    """
    context = bfcache_browser.new_context(**browser_context_args)
    watcher = Audit(context, base_url, precache)
    yield context, watcher
    try:
        if request.node.rep_call.passed if hasattr(request.node, "rep_call") else True:
            problems = watcher.check()
            assert not problems, "\n".join(problems)
    finally:
        context.close()


@pytest.fixture(scope="session")
def base_url(server):
    return server


@pytest.fixture(scope="module")
def kept_tabs():
    """(context, audit, page) kept open across one test module's tests, by (locale, viewport)."""
    kept = {}
    yield kept
    for context, _, _ in kept.values():
        context.close()


@pytest.fixture
def tab(request, kept_tabs, browser, browser_context_args, base_url, precache):
    """``tab(locale, viewport)``: a page kept open for the module's later tests
    with the same language and screen, audited like ``page`` (its audit is
    checked after each test that passed, and sees everything since the tab was
    opened). A test that fails, or whose tab the audit faults, closes the tab:
    the next test opens a new one. For tests whose subject is not the first
    visit: walk it with ``flows.start_again`` so Python starts once per tab.
    """
    used = []

    def get(locale="en-GB", viewport=None):
        key = (locale, tuple(sorted(viewport.items())) if viewport else None)
        if key not in kept_tabs:
            args = dict(browser_context_args, locale=locale)
            if viewport:
                args["viewport"] = viewport
            context = browser.new_context(**args)
            kept_tabs[key] = (context, Audit(context, base_url, precache), context.new_page())
        used.append(key)
        return kept_tabs[key][2]

    yield get
    passed = request.node.rep_call.passed if hasattr(request.node, "rep_call") else False
    problems = []
    for key in dict.fromkeys(used):
        context, watcher, _ = kept_tabs[key]
        found = watcher.check()
        if found or not passed:
            del kept_tabs[key]
            context.close()
        problems += found
    if passed:
        assert not problems, "\n".join(problems)


@pytest.fixture
def browser_context_args(browser_context_args):
    return dict(browser_context_args, locale="en-GB",
                permissions=["clipboard-read", "clipboard-write"])


@pytest.fixture(scope="session")
def precache(site):
    """The service worker's precache list, as paths relative to the site root."""
    return built.precache(site)


@pytest.fixture(autouse=True)
def audit(request, context, base_url, precache):
    """Applied to every browser test; see :class:`Audit`."""
    watcher = Audit(context, base_url, precache)
    yield watcher
    if request.node.rep_call.passed if hasattr(request.node, "rep_call") else True:
        problems = watcher.check()
        assert not problems, "\n".join(problems)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome, so the audit only judges tests that passed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)
