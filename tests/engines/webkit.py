"""WebKit, as Safari and every iPhone browser use it: WebKitGTK's MiniBrowser.

Driven by Selenium's ``webdriver.WebKitGTK`` through ``WebKitWebDriver``
(Debian's ``webkit2gtk-driver``), with MiniBrowser's ``--automation`` mode
(its own, empty website data). MiniBrowser's ``--headless`` hung here, so it
draws into an Xvfb display the session starts (:class:`Xvfb`).
"""

import glob
import os
import shutil
import subprocess
import threading

from selenium import webdriver
from selenium.webdriver.common.proxy import Proxy, ProxyType
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service
from webdriver_driver import WebDriverDriver, WebDriverEngine


def minibrowser():
    """MiniBrowser's path (under /usr/lib/<multiarch>/webkit2gtk-4.1/), or None."""
    found = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser"))
    return found[0] if found else None


class Xvfb:
    """A virtual X display for the session, on the first free display number."""

    def __init__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten",
             "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = ":" + number

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class WebKitDriver(WebDriverDriver):
    engine = "webkit"

    def __init__(self, browser, base_url, engine):
        super().__init__(browser, base_url)
        self._engine = engine

    def _script(self, script, args):
        return self.browser.execute_script(script, *args)

    def _actions(self, sequence):
        self.browser.execute("actions", {"actions": [
            {"type": "key", "id": "keyboard", "actions": sequence}]})

    def _cookies(self):
        return self.browser.get_cookies()

    def goto(self, path):
        self.browser.get(self.address(path))

    def url(self):
        return self.browser.current_url

    def back(self):
        self.browser.back()

    def new_session(self):
        return self._engine.other()


#: Seconds WebKitWebDriver may take to open a MiniBrowser before it is tried again.
START_TIMEOUT = 90


class WebKit(WebDriverEngine):
    """The WebKit engine for one test session: a MiniBrowser, and a second one on demand."""

    name = "webkit"

    def __init__(self, base_url, proxy):
        self.base_url = base_url
        self.proxy = proxy
        self.xvfb = Xvfb()
        self.sessions = []
        try:
            self.main = self._start()
        except BaseException:
            self.xvfb.close()
            raise
        self._other = None
        self.version = "WebKitGTK %s" % self.main.browser.capabilities["browserVersion"]

    def _start(self):
        options = Options()
        options.binary_location = minibrowser()
        options.add_argument("--automation")
        options.proxy = Proxy({"proxyType": ProxyType.MANUAL, "httpProxy": self.proxy.address,
                               "sslProxy": self.proxy.address,
                               "noProxy": ["127.0.0.1", "localhost"]})
        browser = None
        for _ in range(2):
            browser = self._open(options)
            if browser is not None:
                break
        if browser is None:
            raise RuntimeError("WebKitWebDriver did not open a MiniBrowser in %d s, twice"
                               % START_TIMEOUT)
        session = WebKitDriver(browser, self.base_url, self)
        self.sessions.append(session)
        return session

    def _open(self, options):
        """A MiniBrowser driven by a new WebKitWebDriver, or None if the driver did
        not answer in :data:`START_TIMEOUT` seconds (it is then stopped): once, in
        a CI run, it never answered a new session, and the run waited for ever."""
        service = Service(executable_path=shutil.which("WebKitWebDriver"),
                          env=dict(os.environ, DISPLAY=self.xvfb.display),
                          log_output=subprocess.DEVNULL)
        opened = {}

        def start():
            try:
                opened["browser"] = webdriver.WebKitGTK(options=options, service=service)
            except BaseException as error:  # noqa: BLE001 - raised below, in the test's thread
                opened["error"] = error

        starting = threading.Thread(target=start, daemon=True)
        starting.start()
        starting.join(START_TIMEOUT)
        if starting.is_alive():
            service.stop()  # closes the driver, which ends the waiting request
            starting.join(10)
            return None
        if "error" in opened:
            raise opened["error"]
        return opened["browser"]

    def other(self):
        """Another MiniBrowser, with its own empty website data: another device."""
        if self._other is None:
            self._other = self._start()
        return self._other

    def close(self):
        for session in self.sessions:
            session.browser.quit()
        self.xvfb.close()
