"""The :class:`driver.Driver` interface over WebDriver-style automation (WebKit, Firefox).

Elements are found in the page by :data:`driver.FIND_JS` and then handled
with the engine's own element commands (a real click, real key presses), so
the engine's input handling is what gets tested. Actions wait, as
Playwright's do, until exactly one visible element matches.
"""

from urllib.parse import urljoin

from driver import EXPECT_TIMEOUT, FIND_JS, STORAGE_JS, Driver

READ_JS = FIND_JS + r"""
const what = arguments[1];
return find(arguments[0]).map((el) => {
  if (what === 'text') return el.textContent;
  if (what === 'value') return el.value;
  if (what === 'checked') return !!el.checked;
  if (what === 'visible') return shown(el);
  if (what === 'focused') return el === document.activeElement;
  return el.getAttribute(what.slice(5));
});
"""

ELEMENTS_JS = FIND_JS + """
const all = find(arguments[0]);
const visible = all.filter(shown);
return visible.length ? visible : all;
"""

#: Tells the page a field changed when WebDriver's Clear left it empty without an ``input``.
INPUT_EVENT_JS = "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"

#: Key names as the W3C WebDriver actions spell them.
KEYS = {"Shift": "\ue008", "Tab": "\ue004", "Enter": "\ue007", "Escape": "\ue00c"}


class WebDriverDriver(Driver):
    """Shared by the WebKitGTK and Firefox adapters; each supplies the transport."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url

    # --- transport, per engine ---------------------------------------------------

    def _script(self, script, args):
        raise NotImplementedError

    def _actions(self, sequence):
        """Perform one W3C key action sequence."""
        raise NotImplementedError

    def _cookies(self):
        raise NotImplementedError

    # --- the interface ---------------------------------------------------------

    def address(self, path):
        return urljoin(self.base_url, path)

    def run(self, script, *args):
        return self._script(script, list(args))

    def read(self, target, what):
        return self._script(READ_JS, [target.json(), what])

    def element(self, target):
        """The one element ``target`` names, once it is there (as Playwright's actions wait)."""
        found = []

        def one():
            found[:] = self._script(ELEMENTS_JS, [target.json()]) or []
            return len(found) == 1

        self.wait_until(one, lambda: "%r: expected one element, found %d" % (
            target, len(found)), EXPECT_TIMEOUT)
        return found[0]

    def click(self, target):
        self.element(target).click()

    def fill(self, target, text):
        field = self.element(target)
        field.clear()
        if text:
            field.send_keys(text)
        else:
            self._script(INPUT_EVENT_JS, [field])

    def set_checked(self, target, checked=True):
        box = self.element(target)
        if box.is_selected() != checked:
            box.click()
        self.expect_checked(target, checked)

    def select(self, target, value):
        self.element(target)
        option = self.element(type(target)("css", 'option[value="%s"]' % value, within=target))
        option.click()

    def press(self, key):
        parts = [KEYS.get(part, part) for part in key.split("+")]
        steps = [{"type": "keyDown", "value": part} for part in parts]
        steps += [{"type": "keyUp", "value": part} for part in reversed(parts)]
        self._actions(steps)

    def storage(self):
        state = self._script(STORAGE_JS, [])
        state["cookies"] = self._cookies()
        return state


#: What the audit reads from a page of the site: resources from other origins, and
#: whether Python started (``data-app`` is "failed" when it did not).
PAGE_STATE_JS = """
return {foreign: performance.getEntriesByType('resource').map((e) => e.name)
          .filter((url) => !url.startsWith(location.origin + '/') && !url.startsWith('data:')
                           && !url.startsWith('blob:')),
        app: document.documentElement.getAttribute('data-app')};
"""


class WebDriverEngine:
    """What the WebKit and Firefox engines share: sessions reused from test to test."""

    sessions = ()

    def reset(self):
        """Start the next test on a blank page in every session."""
        for session in self.sessions:
            session.goto("about:blank")

    def problems(self):
        """What the audit finds in every session's current page of the site."""
        found = []
        for session in self.sessions:
            if not session.url().startswith(session.base_url):
                continue
            state = session.run(PAGE_STATE_JS)
            if state["foreign"]:
                found.append("%s: requests to other origins: %s" % (session.url(),
                                                                     state["foreign"]))
            if state["app"] == "failed":
                found.append("%s: Python did not start" % session.url())
            found.extend(stored(session))
        return found


def stored(session):
    """Anything the page's origin keeps (cookies, local/session storage, IndexedDB)."""
    state = session.storage()
    if state["cookies"] or state["local"] or state["session"] or state["indexedDB"]:
        return ["%s: stored %s" % (session.url(), state)]
    return []
