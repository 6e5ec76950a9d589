"""Firefox ESR, driven over Marionette (``marionette-driver`` from PyPI; no geckodriver).

Started as ``firefox-esr --headless --marionette --no-remote --profile DIR``
with the Marionette port (and the stand-in SOCKS proxy, :mod:`neutral`) set in
``DIR/user.js``. A fresh, isolated session is a private window: it shares no
cookies, storage or cache with the normal one.
"""

import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from marionette_driver.errors import UnknownException
from marionette_driver.marionette import Marionette
from webdriver_driver import WebDriverDriver, WebDriverEngine

#: Profile preferences: where Marionette listens, and the proxy for everything not local.
PREFS = """user_pref("marionette.port", {port});
user_pref("network.proxy.type", 1);
user_pref("network.proxy.socks", "127.0.0.1");
user_pref("network.proxy.socks_port", {proxy});
user_pref("network.proxy.socks_version", 5);
user_pref("network.proxy.socks_remote_dns", true);
user_pref("network.proxy.no_proxies_on", "");
user_pref("browser.shell.checkDefaultBrowser", false);
"""


def firefox_binary():
    return shutil.which("firefox-esr") or shutil.which("firefox")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _arrive(command, *args):
    """Run a command that navigates; reaching the browser's error page is an arrival too.

    Marionette reports a navigation that ends on an error page as an error.
    Quick exit's neutral site is refused by the test proxy, so it always does.
    """
    try:
        return command(*args)
    except UnknownException as error:
        if "Reached error page" not in str(error):
            raise
        return None


class FirefoxDriver(WebDriverDriver):
    engine = "firefox"

    def __init__(self, browser, base_url, engine, handle):
        super().__init__(browser, base_url)
        self._engine = engine
        self.handle = handle

    def _use(self):
        """Make this driver's window the one Marionette's commands go to."""
        if self._engine.current != self.handle:
            self.browser.switch_to_window(self.handle)
            self._engine.current = self.handle

    def _script(self, script, args):
        self._use()
        return self.browser.execute_script(script, script_args=args)

    def _actions(self, sequence):
        self._use()
        self.browser.actions.perform([{"type": "key", "id": "keyboard", "actions": sequence}])
        self.browser.actions.release()

    def _cookies(self):
        self._use()
        return self.browser.get_cookies()

    def click(self, target):
        element = self.element(target)
        _arrive(element.click)

    def goto(self, path):
        self._use()
        _arrive(self.browser.navigate, self.address(path))

    def url(self):
        self._use()
        return self.browser.get_url()

    def back(self):
        self._use()
        _arrive(self.browser.go_back)

    def new_session(self):
        return self._engine.other()


class Firefox(WebDriverEngine):
    """The Firefox engine for one test session: one Firefox, and a private window on demand."""

    name = "firefox"

    def __init__(self, base_url, proxy):
        self.base_url = base_url
        self.profile = tempfile.mkdtemp(prefix="doorway-firefox-")
        port = _free_port()
        Path(self.profile, "user.js").write_text(PREFS.format(port=port, proxy=proxy.port))
        self.process = subprocess.Popen(
            [firefox_binary(), "--headless", "--marionette", "--no-remote", "--profile",
             self.profile], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.client = Marionette(host="127.0.0.1", port=port)
        try:
            self.client.start_session(timeout=120)
        except BaseException:
            self._stop()
            raise
        self.current = self.client.current_window_handle
        self.main = FirefoxDriver(self.client, base_url, self, self.current)
        self.sessions = [self.main]
        self._other = None
        self.version = "Firefox %s" % self.client.session_capabilities["browserVersion"]

    def other(self):
        """A private window: storage, cookies and cache apart from the normal window's."""
        if self._other is None:
            handle = self.client.open(type="window", private=True)["handle"]
            self._other = FirefoxDriver(self.client, self.base_url, self, handle)
            self.sessions.append(self._other)
        return self._other

    def close(self):
        try:
            self.client.delete_session()
        finally:
            self._stop()

    def _stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)
