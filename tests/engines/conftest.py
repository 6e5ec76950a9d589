"""The smoke flows in every engine a phone uses: Chromium, WebKit and Firefox.

Each engine is one browser for the whole session (a second, isolated session
only when a test asks for one), started when its first test runs and closed
before the next engine starts. Every test starts on a blank page and ends
with an audit of every session it used: nothing stored (cookies, local and
session storage, IndexedDB), nothing fetched from another origin, Python
started; Chromium adds the full suite's audit (console errors, CSP, dialogs).

WebKit and Firefox are installed by ``dev.py`` (:func:`dev.ensure_engines`)
where they can be. An engine that cannot run here is skipped with one line
saying why, unless ``DOORWAY_ENGINES=required`` (set by .ci/run): then it fails.

The session's summary says which engine versions ran ("Tested in"), how long
each engine took, and whether Back after Quick exit brought a page back from
the back/forward cache.
"""

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# The shared flows and the driver interface live with the Chromium suite.
sys.path.insert(0, str(HERE.parent / "browser"))
# Report the service worker's fetches to Chromium's audit too; set before Playwright starts.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")

from availability import unavailable  # noqa: E402
from engine_summary import ENGINES, summary_lines  # noqa: E402
from neutral import RefusingProxy  # noqa: E402

from built import precache as precache_of  # noqa: E402 - needs the path above
from dev_script import load_dev  # noqa: E402

PROBLEMS = pytest.StashKey[dict]()
#: For the session's summary: engine versions, seconds per engine, what Back showed.
SUMMARY = {"versions": {}, "seconds": {}, "restores": []}


def pytest_configure(config):
    # The drivers' own deprecated calls: Selenium's WebKitGTK class, marionette-driver's
    # helpers (mozinfo, mozrunner). Nothing of ours to change.
    for message in ("setting remote_server_addr", "distro.linux_distribution",
                    "'telnetlib' is deprecated"):
        config.addinivalue_line("filterwarnings", "ignore:%s:DeprecationWarning" % message)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Chromium's smoke tests are browser tests too (they need the suite's Chromium)."""
    for item in items:
        if HERE in item.path.parents and "[chromium" in item.name:
            item.add_marker(pytest.mark.browser)


def pytest_collection_finish(session):
    """Install WebKit and Firefox if the run selected a test of theirs and they are missing.

    In a pytest-xdist worker the controller has done so (tests/conftest.py), and
    the ``engine`` fixture only checks what is there."""
    config = session.config
    if hasattr(config, "workerinput"):
        return
    config.stash[PROBLEMS] = {}
    wanted = any(HERE in item.path.parents and "[chromium" not in item.name
                 for item in session.items)
    if config.option.collectonly or not wanted:
        return
    capture = config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        config.stash[PROBLEMS] = load_dev().ensure_engines()


@pytest.fixture(scope="session")
def neutral():
    """The proxy standing in for the internet (see neutral.py)."""
    proxy = RefusingProxy()
    yield proxy
    proxy.close()


@pytest.fixture(scope="session", params=ENGINES)
def engine(request, server, site, neutral):
    """One engine's browser for the session; see the module's docstring."""
    name = request.param
    if PROBLEMS not in request.config.stash:  # a worker: installed, if at all, by now
        request.config.stash[PROBLEMS] = load_dev().ensure_engines()
    problem = request.config.stash[PROBLEMS].get(name)
    if problem:
        unavailable(problem)
    if name == "chromium":
        from chromium_engine import Chromium
        running = Chromium(request.getfixturevalue("playwright"), server, neutral,
                           precache_of(site))
    elif name == "webkit":
        from webkit import WebKit
        running = WebKit(server, neutral)
    else:
        from firefox import Firefox
        running = Firefox(server, neutral)
    SUMMARY["versions"][name] = running.version
    yield running
    running.close()


@pytest.fixture
def tab(request, engine):
    """A tab in ``engine``, on a blank page; every session it used is audited after a pass."""
    engine.reset()
    yield engine.main
    problems = engine.problems()
    call = getattr(request.node, "rep_call", None)
    if call is not None and call.passed:
        assert not problems, "\n".join(problems)


@pytest.fixture
def restores(engine):
    """Record what Back after Quick exit showed: ``restores(how, held)``."""
    def record(how, held):
        SUMMARY["restores"].append(
            (engine.name, how, held["path"], held["restored"], held["navigation"]))
    return record


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome, so the audit only judges tests that passed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


def pytest_runtest_logreport(report):
    """Add each engine test's time (setup, call, teardown) to its engine's total."""
    engine = next((name for name in ENGINES if "[%s]" % name in report.nodeid), None)
    if engine and report.nodeid.startswith("tests/engines/"):
        seconds = SUMMARY["seconds"]
        seconds[engine] = seconds.get(engine, 0) + report.duration


def pytest_sessionfinish(session):
    """A pytest-xdist worker hands its record to the controller (tests/conftest.py)."""
    if hasattr(session.config, "workeroutput") and SUMMARY["versions"]:
        session.config.workeroutput["engines"] = SUMMARY


def pytest_terminal_summary(terminalreporter, config):
    for line in summary_lines(SUMMARY):
        terminalreporter.write_line(line)
