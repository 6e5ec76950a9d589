"""The :class:`driver.Driver` interface on a Playwright page (Chromium).

Targets become Playwright locators and expectations become Playwright's own
``expect``, so a flow run through this adapter clicks and waits exactly as
the Chromium suite always has.
"""

from driver import STORAGE_JS, Driver
from playwright.sync_api import expect

#: What each :meth:`Driver.read` kind reads from one element, in the page.
READ_JS = {
    "text": "(el) => el.textContent",
    "value": "(el) => el.value",
    "checked": "(el) => el.checked",
    "focused": "(el) => el === document.activeElement",
}


class PlaywrightDriver(Driver):
    engine = "chromium"

    def __init__(self, page, fresh=None):
        self.page = page
        self._fresh = fresh

    def locator(self, target):
        scope = self.locator(target.within) if target.within else self.page
        if target.kind == "css":
            found = scope.locator(target.value)
        elif target.kind == "role":
            found = scope.get_by_role(target.value, name=target.name, exact=target.exact)
        else:
            found = scope.get_by_label(target.value, exact=target.exact)
        return found.locator("visible=true") if target.visible else found

    def pause(self, seconds):
        # Playwright's sync API handles events (route handlers too) only inside its calls.
        self.page.wait_for_timeout(seconds * 1000)

    def goto(self, path):
        self.page.goto(path)

    def url(self):
        return self.page.url

    def back(self):
        # A page restored from the back/forward cache fires no "load".
        self.page.go_back(wait_until="commit")

    def click(self, target):
        self.locator(target).click()

    def fill(self, target, text):
        self.locator(target).fill(text)

    def set_checked(self, target, checked=True):
        self.locator(target).set_checked(checked)

    def check(self, target):
        self.locator(target).check()

    def uncheck(self, target):
        self.locator(target).uncheck()

    def select(self, target, value):
        self.locator(target).select_option(value)

    def press(self, key):
        self.page.keyboard.press(key)

    def read(self, target, what):
        found = self.locator(target)
        if what == "visible":
            return [found.nth(i).is_visible() for i in range(found.count())]
        if what.startswith("attr:"):
            name = what[len("attr:"):]
            return [found.nth(i).get_attribute(name) for i in range(found.count())]
        return found.evaluate_all("(els) => els.map(%s)" % READ_JS[what])

    def value(self, target):
        return self.locator(target).input_value()

    def values(self, target):
        found = self.locator(target)
        return [found.nth(i).input_value() for i in range(found.count())]

    def attribute(self, target, name):
        return self.locator(target).get_attribute(name)

    def count(self, target):
        return self.locator(target).count()

    def run(self, script, *args):
        return self.page.evaluate("(args) => (function () { %s }).apply(null, args)" % script,
                                  list(args))

    def new_session(self):
        if self._fresh is None:
            raise RuntimeError("this page was wrapped without a way to open a fresh context")
        return PlaywrightDriver(self._fresh(), self._fresh)

    def storage(self):
        state = self.run(STORAGE_JS)
        state["cookies"] = self.page.context.cookies()
        return state

    # Playwright's own auto-waiting expectations, exactly as the suite used them.

    def expect_attribute(self, target, name, value, timeout=None):
        expect(self.locator(target)).to_have_attribute(name, value, timeout=timeout)

    def expect_text(self, target, text, timeout=None):
        expect(self.locator(target)).to_have_text(text, timeout=timeout)

    def expect_contains_text(self, target, text, timeout=None):
        expect(self.locator(target)).to_contain_text(text, timeout=timeout)

    def expect_value(self, target, value, timeout=None):
        expect(self.locator(target)).to_have_value(value, timeout=timeout)

    def expect_visible(self, target, timeout=None):
        expect(self.locator(target)).to_be_visible(timeout=timeout)

    def expect_hidden(self, target, timeout=None):
        expect(self.locator(target)).to_be_hidden(timeout=timeout)

    def expect_focused(self, target, timeout=None):
        expect(self.locator(target)).to_be_focused(timeout=timeout)

    def expect_checked(self, target, checked=True, timeout=None):
        expect(self.locator(target)).to_be_checked(checked=checked, timeout=timeout)

    def expect_count(self, target, count, timeout=None):
        expect(self.locator(target)).to_have_count(count, timeout=timeout)


def as_driver(page):
    """A flow's argument as a Driver: a Playwright page is wrapped, a Driver kept."""
    return page if isinstance(page, Driver) else PlaywrightDriver(page)
