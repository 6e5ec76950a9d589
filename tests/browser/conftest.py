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
