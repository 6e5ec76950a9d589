"""The rules tests/conftest.py applies to every run, tried in a real pytest process.

- browser tests are marked, so ``-m "not browser"`` leaves them out;
- a run that selected no browser test never looks for a browser;
- an unfiltered run that collects fewer tests than tests/floor.txt fails.
"""

import os
import subprocess
import sys

from doorway.builder import ROOT

NO_BROWSER = "/nonexistent/chromium"


def pytest_run(*args, **env):
    """Run pytest in the checkout; ``(exit code, output)``."""
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                            cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, **env))
    return result.returncode, result.stdout + result.stderr


def collected(output):
    return [line for line in output.splitlines() if "::" in line]


def test_browser_tests_are_marked_and_can_be_left_out():
    code, output = pytest_run("--collect-only", "-q", "-m", "browser", "tests/browser",
                              "tests/unit/test_cli.py")
    assert code == 0, output
    assert collected(output) and all(line.startswith("tests/browser/")
                                     for line in collected(output))
    code, output = pytest_run("--collect-only", "-q", "-m", "not browser", "tests/browser",
                              "tests/unit/test_cli.py")
    assert code == 0, output
    assert collected(output) and not any(line.startswith("tests/browser/")
                                         for line in collected(output))


def test_a_run_without_browser_tests_never_looks_for_a_browser():
    code, output = pytest_run("-q", "tests/unit/test_cli.py", "-k", "documented",
                              DOORWAY_CHROMIUM=NO_BROWSER)
    assert code == 0, output


def test_a_run_with_browser_tests_needs_a_browser_and_says_so():
    code, output = pytest_run("-q", "tests/browser/test_nojs.py", DOORWAY_CHROMIUM=NO_BROWSER)
    assert code == 4, output
    assert ("DOORWAY_CHROMIUM points to /nonexistent/chromium, which is not a file: set it to "
            "a Chromium or Chrome executable, or unset it, then run this again") in output
    assert " passed" not in output and "Traceback" not in output


def test_an_unfiltered_run_below_the_floor_fails_and_a_filtered_one_does_not():
    code, output = pytest_run("--collect-only", "-q", DOORWAY_TEST_FLOOR="1000000")
    assert code == 1, output
    assert "fewer than the 1000000 recorded in tests/floor.txt" in output
    code, output = pytest_run("--collect-only", "-q", "tests/unit/test_cli.py",
                              DOORWAY_TEST_FLOOR="1000000")
    assert code == 0, output



def test_with_workers_the_controller_checks_the_floor_and_the_browser_once():
    """Under pytest-xdist (``dev.py test``) the same rules hold, said once, no INTERNALERROR."""
    code, output = pytest_run("-n", "2", "-q", DOORWAY_TEST_FLOOR="1000000")
    assert code == 1, output
    assert output.count("fewer than the 1000000 recorded in tests/floor.txt") == 1
    assert "INTERNALERROR" not in output and " passed" not in output
    code, output = pytest_run("-n", "2", "-q", "tests/browser/test_nojs.py",
                              DOORWAY_CHROMIUM=NO_BROWSER)
    assert code == 4, output
    assert output.count("DOORWAY_CHROMIUM points to /nonexistent/chromium") == 1
    assert "INTERNALERROR" not in output and " passed" not in output


def test_tests_that_share_a_fixture_stay_together_and_the_rest_spread():
    """``dev.py test`` runs ``--dist loadgroup``: only an ``xdist_group`` stays on one worker."""
    paths = ("tests/engines/test_smoke.py", "tests/browser/test_nojs.py",
             "tests/unit/test_link_fuzz.py")
    code, output = pytest_run("--collect-only", "-q", "-m", "xdist_group", *paths)
    assert code == 0, output
    grouped = collected(output)
    # Each engine is started once, on one worker; the no-JavaScript pages share one build.
    assert [line for line in grouped if line.startswith(paths[0])] == \
        collected(pytest_run("--collect-only", "-q", paths[0])[1])
    assert any(line.startswith(paths[1]) for line in grouped)
    # The fuzzers share nothing: each goes to whichever worker is free.
    assert not any(line.startswith(paths[2]) for line in grouped)
    code, output = pytest_run("--collect-only", "-q", "-m", "not xdist_group", paths[2])
    assert code == 0 and len(collected(output)) >= 10, output
