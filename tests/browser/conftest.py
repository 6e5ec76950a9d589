"""Browser fixtures: Chromium (system or Playwright's), and an audit of every test.

Every browser test runs under :class:`Audit`, which fails the test if the page
made a request to any other origin, logged a console error, threw, broke the
Content-Security-Policy, or left anything in cookies, localStorage,
sessionStorage, IndexedDB or an unexpected Cache Storage entry.
"""

import json
import os
import re
import shutil

import pytest

# Report the service worker's own fetches as requests too (Chromium only);
# must be set before Playwright starts.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")

#: Flags that keep headless Chromium quiet on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]

#: Where pages record CSP violations, before any of their own code runs.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""

PRECACHE = re.compile(r"const PRECACHE = (\[.*?\]);", re.S)


def chromium_path():
    """``$DOORWAY_CHROMIUM`` or a system Chromium; None means Playwright's own."""
    configured = os.environ.get("DOORWAY_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = dict(browser_type_launch_args, args=CHROMIUM_ARGS)
    if chromium_path():
        args["executable_path"] = chromium_path()
    return args


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
    return json.loads(PRECACHE.search((site / "sw.js").read_text()).group(1))


class Audit:
    """Watches a browser context for anything Doorway promises never happens."""

    def __init__(self, context, origin, precache):
        self.context = context
        self.origin = origin
        self.precache = precache
        self.allowed = []
        self.foreign = []
        self.console_errors = []
        self.page_errors = []
        self.dialogs = []
        context.add_init_script(CSP_RECORDER)
        context.on("request", self._request)
        context.on("page", self._page)
        for page in context.pages:
            self._page(page)

    def allow(self, prefix):
        """Let requests to ``prefix`` pass (e.g. the quick-exit site, stubbed in the test)."""
        self.allowed.append(prefix)

    def _request(self, request):
        url = request.url
        if url.startswith((self.origin, "data:", "blob:")):
            return
        if any(url.startswith(prefix) for prefix in self.allowed):
            return
        self.foreign.append(url)

    def _page(self, page):
        page.on("console", lambda message: self.console_errors.append(message.text)
                if message.type == "error" else None)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def storage(self, page):
        """What the page's origin holds: storage counts and Cache Storage URLs."""
        return page.evaluate("""async () => {
            const dbs = indexedDB.databases ? await indexedDB.databases() : [];
            const caches_ = {};
            if (self.caches) {
                for (const key of await caches.keys()) {
                    const cache = await caches.open(key);
                    caches_[key] = (await cache.keys()).map((request) => request.url);
                }
            }
            return {local: localStorage.length, session: sessionStorage.length,
                    indexedDB: dbs.map((db) => db.name), caches: caches_,
                    csp: window.__cspViolations || []};
        }""")

    def check(self):
        problems = []
        if self.foreign:
            problems.append("requests to other origins: %s" % self.foreign)
        if self.console_errors:
            problems.append("console errors: %s" % self.console_errors)
        if self.page_errors:
            problems.append("uncaught errors: %s" % self.page_errors)
        if self.dialogs:
            problems.append("dialogs: %s" % self.dialogs)
        cookies = self.context.cookies()
        if cookies:
            problems.append("cookies: %s" % cookies)
        allowed_urls = {self.origin + path if path != "./" else self.origin
                        for path in self.precache}
        for page in self.context.pages:
            if page.is_closed() or not page.url.startswith(self.origin):
                continue
            state = self.storage(page)
            if state["local"] or state["session"] or state["indexedDB"]:
                problems.append("storage written: %s" % state)
            if state["csp"]:
                problems.append("CSP violations: %s" % state["csp"])
            for name, urls in state["caches"].items():
                if not name.startswith("doorway-"):
                    problems.append("unexpected cache %s" % name)
                for url in urls:
                    if "#" in url or url not in allowed_urls:
                        problems.append("unexpected cached URL %s" % url)
        return problems


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
