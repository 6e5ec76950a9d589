"""Rules and fixtures for every test run.

- Everything under ``tests/browser/`` is marked ``browser``, so
  ``-m "not browser"`` runs the rest without a browser.
- A Chromium is looked for (and installed if need be, by ``dev.py``) only when
  the run selected at least one browser test, whatever selected it (``-k``, a
  path, ``-m``); logic-only runs never need one.
- An unfiltered run (no path, ``-k``, ``-m``, ``--deselect``, ``--lf``) fails
  if it collected fewer tests than ``tests/floor.txt`` records: a folder that
  stops being collected (pytest skips any folder named ``build``) is caught.
- ``python3 dev.py test`` runs the tests in parallel (pytest-xdist, one worker
  per core; tests that share a fixture stay together, see
  :func:`shares_a_fixture`). The set-up above then happens once, in
  the controlling process, when the workers have collected and before any test
  runs (``pytest_xdist_node_collection_finished``); workers find the browser
  the controller made sure of (``tests/browser/chromium.py``).
- One build of the site per session, served locally (``site``, from the real
  content, for the browser tests), and one of the fixture content
  (``fixture_site``, tests/fixtures/content, for the builder tests, so
  rewording site/content breaks none of them).
"""

import os
import sys
from pathlib import Path

import pytest

from dev_script import load_dev
from doorway.builder import build
from doorway.builder.serve import serve_in_background as serve_in_thread
from fixtures import CONTENT as FIXTURE_CONTENT

TESTS = Path(__file__).resolve().parent
BROWSER_TESTS = TESTS / "browser"
FLOOR = TESTS / "floor.txt"
COLLECTED = pytest.StashKey[int]()
#: What the workers' engine tests recorded (tests/engines/engine_summary.py), under xdist.
ENGINES = pytest.StashKey[list]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark browser tests before ``-m`` selects, so ``-m "not browser"`` works;
    keep together the tests that share a fixture (see :func:`shares_a_fixture`)."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
        if shares_a_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def shares_a_fixture(item):
    """True if ``item`` uses a fixture made once for several tests of its file.

    ``dev.py test`` hands out tests with ``--dist loadgroup``: a test in an
    ``xdist_group`` runs on the same worker as the rest of its group, any other
    test wherever a worker is free. A file whose tests share a module-scoped
    fixture (a built site, an open page, a started engine) is one group, so the
    fixture is made once; the other tests, slow ones like the fuzzers included,
    spread over the workers one by one instead of waiting at the end of the run
    behind one worker that has their whole file. A parametrised session fixture
    (each browser engine in ``tests/engines``) counts too: an engine is started
    on one worker only.
    """
    for definitions in item._fixtureinfo.name2fixturedefs.values():  # pytest has no public way
        used = definitions[-1]
        if used.scope in ("class", "module", "package") or (used.scope == "session"
                                                            and used.params):
            return True
    return False


def unfiltered(config):
    """True if this run asked for every test: no path, -k, -m, --deselect or --lf."""
    option = config.option
    return (config.args_source == pytest.Config.ArgsSource.TESTPATHS
            and not option.keyword and not option.markexpr
            and not option.deselect and not getattr(option, "lf", False)
            and not option.ignore and not option.ignore_glob)


def floor():
    """The fewest tests an unfiltered run may collect (``tests/floor.txt``)."""
    override = os.environ.get("DOORWAY_TEST_FLOOR")  # for the guard's own test
    if override:
        return int(override)
    lines = [line for line in FLOOR.read_text().splitlines() if not line.startswith("#")]
    return int(lines[0])


def floor_problem(collected, least):
    """The sentence that fails a run collecting ``collected`` tests, or None."""
    if collected >= least:
        return None
    return ("collected %d tests, fewer than the %d recorded in tests/floor.txt: a test "
            "folder or file has stopped being collected (pytest skips folders named build, "
            "dist or venv, and files not named test_*.py); if tests were removed on purpose, "
            "lower the number in tests/floor.txt" % (collected, least))


def find_browser(config):
    """Point ``$DOORWAY_CHROMIUM`` at a Chromium (``dev.find_chromium``), or stop the run."""
    dev = load_dev()
    capture = config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        try:
            os.environ["DOORWAY_CHROMIUM"] = dev.find_chromium(sys.executable)
        except dev.Problem as problem:
            pytest.exit(str(problem), returncode=pytest.ExitCode.USAGE_ERROR)


def is_worker(config):
    """True in a pytest-xdist worker, whose controller does the run's set-up."""
    return hasattr(config, "workerinput")


def prepare(config, collected, wants_browser, wants_engines):
    """The run's set-up, once: the floor check, then a browser and engines if selected."""
    config.stash[COLLECTED] = collected
    if unfiltered(config):
        problem = floor_problem(collected, floor())
        if problem:
            pytest.exit(problem, returncode=pytest.ExitCode.TESTS_FAILED)
    if config.option.collectonly:
        return
    if wants_browser:
        find_browser(config)
    if wants_engines:
        capture = config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled():
            load_dev().ensure_engines()


def pytest_collection_finish(session):
    """Without workers, set up here (tests/engines/conftest.py installs the engines)."""
    if is_worker(session.config):
        return
    prepare(session.config, len(session.items),
            any(item.get_closest_marker("browser") for item in session.items), False)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    """With workers, set up in the controller when the first worker has collected.

    Every worker collects the same tests, and none runs before all have
    collected, so the browser and engines are in place before the first test.
    """
    config = node.config
    if COLLECTED in config.stash:
        return
    browser = any(i.startswith("tests/browser/") or "[chromium" in i for i in ids)
    engines = any(i.startswith("tests/engines/") and "[chromium" not in i for i in ids)
    prepare(config, len(ids), browser, engines)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """Keep what a worker's engine tests recorded, for the summary below."""
    summary = getattr(node, "workeroutput", {}).get("engines")
    if summary:
        node.config.stash.setdefault(ENGINES, []).append(summary)


def pytest_terminal_summary(terminalreporter, config):
    """After an unfiltered run that collected more than the floor, say how to raise it."""
    collected = config.stash.get(COLLECTED, 0)
    if unfiltered(config) and collected > floor():
        terminalreporter.write_line(
            "tests/floor.txt: %d tests collected, floor %d: raise it to %d to guard the new "
            "tests" % (collected, floor(), collected))
    from engines.engine_summary import summary_lines
    for summary in config.stash.get(ENGINES, []):
        for line in summary_lines(summary):
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built from the real content, in a temporary folder."""
    return build(tmp_path_factory.mktemp("site") / "build")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The site built from the fixture content (tests/fixtures/content)."""
    return build(tmp_path_factory.mktemp("fixture-site") / "build", content_dir=FIXTURE_CONTENT)


@pytest.fixture(scope="session")
def server(site):
    url, running = serve_in_thread(site)
    yield url
    running.shutdown()
