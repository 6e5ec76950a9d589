"""The audit every browser test runs under (see conftest.py), and its helpers.

:class:`Audit` watches a browser context for anything Doorway promises never
happens: a request to another origin, a console error, an uncaught error, a
dialog, a Content-Security-Policy violation, a cookie, anything in
localStorage, sessionStorage or IndexedDB, or a Cache Storage entry beyond
the build's own files (or one with a ``#``).
"""


#: Where pages record CSP violations, before any of their own code runs.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""

#: What Chromium logs for any page served with status 404.
NOT_FOUND_ERROR = "Failed to load resource: the server responded with a status of 404 (Not Found)"


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


def expect_console_error(page, audit, text):
    """Wait for one console error the test expects, and take it off the audit's list."""
    for _ in range(200):
        if text in audit.console_errors:
            audit.console_errors.remove(text)
            return
        page.wait_for_timeout(25)
    raise AssertionError("expected console error never came: %s" % text)
