"""Chromium for the smoke flows: Playwright, with the back/forward cache on.

Playwright starts Chromium with ``--disable-back-forward-cache``; real Chrome
keeps pages in that cache, and Quick exit then Back is what these flows try,
so it is put back here. Every test gets a new context (cheap in Chromium)
under the full suite's :class:`audit.Audit`.

Chromium shows a refused navigation as ``chrome-error://`` and, for one made
by a page script, may keep the old address meanwhile; so here the neutral
site is answered by Playwright (only that origin is routed: routing every
request would make pages ineligible for the back/forward cache), as in
tests/browser/test_exit.py. Everything else not local goes to the proxy.
"""

from audit import Audit
from chromium import CHROMIUM_ARGS, chromium_path
from playwright_driver import PlaywrightDriver

NEUTRAL = "https://www.bbc.co.uk/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Weather forecast</p>"


def _neutral_site(route):
    route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)


class Chromium:
    name = "chromium"

    def __init__(self, playwright, base_url, proxy, precache):
        self.base_url = base_url
        self.precache = precache
        args = {"args": [*CHROMIUM_ARGS, "--proxy-server=socks5://" + proxy.address],
                "ignore_default_args": ["--disable-back-forward-cache"]}
        if chromium_path():
            args["executable_path"] = chromium_path()
        self.browser = playwright.chromium.launch(**args)
        self.version = "Chromium %s" % self.browser.version
        self.contexts = []
        self.main = None

    def _page(self):
        context = self.browser.new_context(base_url=self.base_url, locale="en-GB")
        watcher = Audit(context, self.base_url, self.precache)
        watcher.allow(NEUTRAL)
        context.route(NEUTRAL + "**", _neutral_site)
        self.contexts.append((context, watcher))
        return context.new_page()

    def reset(self):
        """A new context for the next test."""
        self.main = PlaywrightDriver(self._page(), self._page)

    def problems(self):
        """The audit's findings for every context of the test just run; closes them."""
        found = []
        for context, watcher in self.contexts:
            found.extend(watcher.check())
            context.close()
        self.contexts = []
        return found

    def close(self):
        self.browser.close()
