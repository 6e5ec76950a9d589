"""The small browser interface the shared flows (flows.py) are written against.

A flow says what a person does (open a page, click "Start", fill a field,
press Shift three times, go Back) and what they must then see, through a
:class:`Driver`. One adapter per engine puts that into its automation API:
:mod:`playwright_driver` for Chromium (the full suite, with its audit), and
the WebDriver adapters in ``tests/engines/`` for WebKitGTK and Firefox ESR.
So a change in the page is one edit in flows.py, whichever engine runs it.

Elements are named by :class:`Target`: a CSS selector, a role and accessible
name, or a form control's label, optionally within another target. Engines
without Playwright find them with :data:`FIND_JS` in the page; Playwright uses
its own locators (``get_by_role``, ``get_by_label``), so the Chromium tests
behave exactly as they did before the interface existed.
"""

import time

#: How long a flow waits for something slow (Python starting, a key being derived).
STEP_TIMEOUT = 30000
#: How long an expectation waits by default, in milliseconds (Playwright's own default).
EXPECT_TIMEOUT = 5000


class Target:
    """How a flow names an element: ``css``, ``role`` + ``name``, or ``label`` text."""

    def __init__(self, kind, value, name=None, exact=False, within=None, visible=False):
        self.kind = kind
        self.value = value
        self.name = name
        self.exact = exact
        self.within = within
        self.visible = visible

    def json(self):
        """The target as plain data, for :data:`FIND_JS`."""
        return {"kind": self.kind, "value": self.value, "name": self.name, "exact": self.exact,
                "visible": self.visible,
                "within": self.within.json() if self.within else None}

    def __repr__(self):
        where = " within %r" % self.within if self.within else ""
        name = " %r" % self.name if self.name is not None else ""
        return "%s(%r%s)%s" % (self.kind, self.value, name, where)


def css(selector, within=None, visible=False):
    return Target("css", selector, within=within, visible=visible)


def role(kind, name, within=None, exact=False, visible=False):
    """An element by ARIA role and accessible name (a substring unless ``exact``)."""
    return Target("role", kind, name=name, exact=exact, within=within, visible=visible)


def label(text, within=None, exact=False):
    """A form control by the text of its label (a substring unless ``exact``)."""
    return Target("label", text, exact=exact, within=within)


#: Finds a :class:`Target` in the page: ``arguments[0]`` is ``Target.json()``.
#: Roles and names follow what Playwright's ``get_by_role`` does for the
#: elements Doorway uses; hidden elements have no role, as in the
#: accessibility tree.
FIND_JS = r"""
const ROLES = {
  button: 'button, input[type=submit], input[type=button], [role=button]',
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  textbox: 'textarea, input:not([type]), input[type=text], input[type=search], ' +
           'input[type=password], [role=textbox]',
  combobox: 'select, [role=combobox]',
};
const squash = (text) => (text || '').replace(/\s+/g, ' ').trim();
const textOf = (el) => squash(el ? el.textContent : '');
const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
const nameOf = (el) => {
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    return squash(by.split(/\s+/).map((id) => textOf(document.getElementById(id))).join(' '));
  }
  if (el.getAttribute('aria-label')) {
    return squash(el.getAttribute('aria-label'));
  }
  if (el.matches('input, textarea, select') && el.labels && el.labels.length) {
    return squash(Array.from(el.labels).map(textOf).join(' '));
  }
  if (el.matches('input[type=submit], input[type=button]')) {
    return squash(el.value);
  }
  return textOf(el);
};
const matches = (found, wanted, exact) => exact ? found === squash(wanted)
    : found.toLowerCase().includes(squash(wanted).toLowerCase());
const find = (target) => {
  let scopes = [document];
  if (target.within) {
    scopes = find(target.within);
  }
  let found = [];
  for (const scope of scopes) {
    if (target.kind === 'css') {
      found.push(...scope.querySelectorAll(target.value));
    } else if (target.kind === 'role') {
      found.push(...Array.from(scope.querySelectorAll(ROLES[target.value]))
        .filter((el) => shown(el) && matches(nameOf(el), target.name, target.exact)));
    } else if (target.kind === 'label') {
      for (const el of scope.querySelectorAll('input, textarea, select')) {
        if (matches(nameOf(el), target.value, target.exact)) {
          found.push(el);
        }
      }
    }
  }
  if (target.visible) {
    found = found.filter(shown);
  }
  return found;
};
"""


#: Storage the page's origin holds (cookies come from the browser).
STORAGE_JS = """
return (indexedDB.databases ? indexedDB.databases() : Promise.resolve([])).then((dbs) => ({
  local: localStorage.length, session: sessionStorage.length,
  indexedDB: dbs.map((db) => db.name)}));
"""


class Driver:
    """One browser tab, as a flow sees it. Adapters implement the primitives.

    Primitives (per engine): :meth:`goto`, :meth:`url`, :meth:`back`,
    :meth:`click`, :meth:`fill`, :meth:`set_checked`, :meth:`select`,
    :meth:`press`, :meth:`read`, :meth:`run`, :meth:`new_session`,
    :meth:`storage`. Everything else is built from them here, and Playwright's
    adapter replaces the expectations with its own auto-waiting ``expect``.
    """

    #: "chromium", "webkit" or "firefox".
    engine = None

    # --- primitives ------------------------------------------------------------

    def goto(self, path):
        """Navigate to ``path`` (relative to the site's root, or a full URL)."""
        raise NotImplementedError

    def url(self):
        raise NotImplementedError

    def back(self):
        """The browser's Back button."""
        raise NotImplementedError

    def click(self, target):
        raise NotImplementedError

    def fill(self, target, text):
        """Replace a field's text with ``text``, as typing would."""
        raise NotImplementedError

    def set_checked(self, target, checked=True):
        raise NotImplementedError

    def select(self, target, value):
        """Choose the option with ``value`` in a ``<select>``."""
        raise NotImplementedError

    def press(self, key):
        """Press and release a key or chord: ``"Shift"``, ``"Tab"``, ``"Shift+Tab"``."""
        raise NotImplementedError

    def read(self, target, what):
        """Read every match of ``target``: a list of ``what`` for each element.

        ``what`` is ``"text"`` (textContent), ``"value"``, ``"checked"``,
        ``"visible"``, ``"focused"`` or ``"attr:NAME"``.
        """
        raise NotImplementedError

    def run(self, script, *args):
        """Run ``script`` (a function body; ``arguments[i]`` are ``args``) in the page."""
        raise NotImplementedError

    def new_session(self):
        """A tab in a new, isolated browser session (another device): a new Driver."""
        raise NotImplementedError

    def storage(self):
        """What the current page's origin holds: cookies, storage lengths, IndexedDB names."""
        raise NotImplementedError

    # --- built on the primitives -------------------------------------------------

    def check(self, target):
        self.set_checked(target, True)

    def uncheck(self, target):
        self.set_checked(target, False)

    def one(self, target, what):
        values = self.read(target, what)
        if len(values) != 1:
            raise AssertionError("%r matched %d elements, expected one" % (target, len(values)))
        return values[0]

    def text(self, target):
        return self.one(target, "text")

    def texts(self, target):
        return self.read(target, "text")

    def value(self, target):
        return self.one(target, "value")

    def values(self, target):
        return self.read(target, "value")

    def attribute(self, target, name):
        return self.one(target, "attr:" + name)

    def count(self, target):
        return len(self.read(target, "visible"))

    def wait_until(self, condition, what, timeout=None):
        """Poll ``condition()`` until it is truthy; fail with ``what()`` and the last value."""
        deadline = time.monotonic() + (timeout or EXPECT_TIMEOUT) / 1000
        while True:
            try:
                value = condition()
                problem = None
            except Exception as error:  # noqa: BLE001 - a page mid-navigation; try again
                value, problem = None, error
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError("%s: timed out (last %r)" % (what(), problem or value))
            self.pause(0.05)

    def pause(self, seconds):
        """Wait a moment (adapters whose events need pumping override this)."""
        time.sleep(seconds)

    def _expect(self, target, what, wanted, timeout, compare=None):
        compare = compare or (lambda found: found == wanted)
        last = []

        def met():
            last[:] = [self.read(target, what)]
            return compare(last[0])

        self.wait_until(met, lambda: "%r: expected %s %r, found %r" % (
            target, what, wanted, last[0] if last else None), timeout)

    def expect_attribute(self, target, name, value, timeout=None):
        self._expect(target, "attr:" + name, [value], timeout)

    def expect_text(self, target, text, timeout=None):
        """Every match's text, in order: a string for one element, a list for several."""
        wanted = [text] if isinstance(text, str) else list(text)
        squash = " ".join
        self._expect(target, "text", wanted, timeout,
                     lambda found: [squash(t.split()) for t in found] == [
                         squash(t.split()) for t in wanted])

    def expect_contains_text(self, target, text, timeout=None):
        self._expect(target, "text", text, timeout,
                     lambda found: len(found) == 1 and text in found[0])

    def expect_value(self, target, value, timeout=None):
        self._expect(target, "value", [value], timeout)

    def expect_visible(self, target, timeout=None):
        self._expect(target, "visible", [True], timeout)

    def expect_hidden(self, target, timeout=None):
        self._expect(target, "visible", "hidden", timeout,
                     lambda found: not any(found))

    def expect_focused(self, target, timeout=None):
        self._expect(target, "focused", [True], timeout)

    def expect_checked(self, target, checked=True, timeout=None):
        self._expect(target, "checked", [checked], timeout)

    def expect_count(self, target, count, timeout=None):
        self._expect(target, "visible", count, timeout, lambda found: len(found) == count)
