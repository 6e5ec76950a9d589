"""Chromium for the smoke flows: Playwright, with the back/forward cache on.

Playwright starts Chromium with ``--disable-back-forward-cache``; real Chrome
keeps pages in that cache, and Quick exit then Back is what these flows try,
so it is put back here. Every test gets a new context (cheap in Chromium)
under the full suite's :class:`audit.Audit`.
"""

from audit import Audit
from chromium import CHROMIUM_ARGS, chromium_path
from playwright_driver import PlaywrightDriver

NEUTRAL = "https://www.bbc.co.uk/"


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
