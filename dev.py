#!/usr/bin/env python3
"""Set up and run Doorway from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py serve     # build the site and serve it on http://127.0.0.1:8000/
    python3 dev.py test      # lint, then every test (unit, MicroPython, browser)
    python3 dev.py bench     # start-up speed and size against budgets (not a test)
    python3 dev.py lock      # refresh the hashed lock files in requirements/

Each command creates ``.venv/`` and installs what it needs the first time (and
again whenever its lock file changes), from ``requirements/*.txt``, where every
package is pinned with its hashes. Extra arguments go to the underlying
command (``python3 dev.py test -k share``, ``python3 dev.py serve --watch``).

Browser tests need a Chromium. The tests look for one only when the run
selected a browser test (see ``tests/conftest.py``, which calls
:func:`find_chromium` here): ``$DOORWAY_CHROMIUM``, a system Chromium or
Chrome, or Playwright's own browser; when there is none, ``apt-get install
chromium`` (as root on Debian or Ubuntu, waiting for another install that
holds the package lock, up to ``$DOORWAY_APT_WAIT`` seconds, default 300),
then ``playwright install chromium``.

Anything that goes wrong ends in one sentence that says what to do, never in
a traceback. This file uses only the standard library, because it runs before
anything is installed.
"""

import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
REQUIREMENTS = ROOT / "requirements"
LOCKS = {"base": REQUIREMENTS / "base.txt", "test": REQUIREMENTS / "test.txt"}
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Where Debian's and Ubuntu's packages put Chromium, found even if PATH leaves it out.
APT_CHROMIUM = Path("/usr/bin/chromium")
APT_POLL = 5
#: apt-get's words when another program holds the package lock.
APT_LOCKED = re.compile(r"Could not get lock|Unable to acquire the dpkg frontend lock|"
                        r"Unable to lock directory")
APT_HOLDER = re.compile(r"held by process (\d+) \(([^)]*)\)")
#: apt-get's words when its package lists are missing or out of date.
APT_UNKNOWN = re.compile(r"Unable to locate package|has no installation candidate|"
                         r"404\s+Not Found|Failed to fetch")
NO_BROWSER = ("no Chromium could be found or installed: install Chromium or Google Chrome "
              "(`sudo apt-get install chromium` on Debian or Ubuntu) or set DOORWAY_CHROMIUM "
              "to one, then run this again; tests that need no browser run without one: "
              "python3 dev.py test -m \"not browser\"")


class Problem(Exception):
    """Something the person must fix, as one sentence that says what and how."""


def say(message):
    print("dev.py: " + message, flush=True)


def ensure_environment(which):
    """Create .venv and install the ``which`` lock ("base" or "test") when out of date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file may run on an older Python
        raise Problem("Doorway needs Python 3.11 or newer, and this is %s: install a newer "
                      "Python, then run this again with it" % sys.version.split()[0])
    lock = LOCKS[which]
    wanted = hashlib.sha256(lock.read_bytes() + sys.version.encode()
                            + str(ROOT).encode()).hexdigest()
    stamp = VENV / (".installed-" + which)
    if stamp.exists() and stamp.read_text() == wanted and PYTHON.exists():
        return
    if not _has_pip():
        create_venv()
    say("installing the locked dependencies into .venv (first run, or the lock changed)")
    install(lock)
    link_checkout()
    stamp.write_text(wanted)


def _has_pip():
    if not PYTHON.exists():
        return False
    return subprocess.run([str(PYTHON), "-m", "pip", "--version"],
                          capture_output=True).returncode == 0


def create_venv():
    """Create ``.venv`` with pip, or explain why this Python cannot."""
    try:
        import ensurepip  # noqa: F401 - Debian leaves it out unless python3-venv is installed
        import venv
    except ImportError:
        raise Problem("this Python cannot create a virtual environment because its venv "
                      "module has no pip: install it (on Debian or Ubuntu: `sudo apt-get "
                      "install python3-venv`, or python%d.%d-venv), then run this again"
                      % sys.version_info[:2]) from None
    say("creating .venv")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError, SystemExit) as error:
        shutil.rmtree(VENV, ignore_errors=True)
        raise Problem("could not create .venv (%s): check that this folder is writable and "
                      "has free space, then run this again" % error) from None


def install(lock):
    """Install exactly what ``lock`` pins, every file checked against its hashes."""
    command = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--require-hashes", "--only-binary", ":all:", "-r", str(lock)]
    if subprocess.run(command, cwd=ROOT).returncode == 0:
        return
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/")
    if not reachable(index):
        raise Problem("could not reach the Python package index (%s) to install the "
                      "dependencies: connect to the network (pip follows HTTPS_PROXY and "
                      "PIP_INDEX_URL), then run this again" % index)
    raise Problem("pip could not install the locked dependencies (its message is above): "
                  "if a lock file was edited by hand, refresh it with `python3 dev.py lock`, "
                  "then run this again")


def reachable(url, timeout=10):
    """True if ``url`` answers at all (any HTTP status), False if it cannot be reached."""
    if not url.startswith(("https://", "http://")):
        return True  # a local index: reachability is not the problem
    try:
        urllib.request.urlopen(url, timeout=timeout).close()
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False
    return True


def link_checkout():
    """Make ``import doorway`` find this checkout's ``py/`` inside .venv.

    A ``.pth`` file does what an editable install does, without building the
    project, so nothing is downloaded that the lock has not hashed.
    """
    purelib = subprocess.run(
        [str(PYTHON), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "doorway-checkout.pth").write_text(str(ROOT / "py") + "\n")


# --- Chromium for the browser tests -----------------------------------------------------


def system_chromium():
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_has_chromium(python):
    """True if Playwright's own Chromium is installed for this Playwright version."""
    probe = ("from playwright.sync_api import sync_playwright\n"
             "import os, sys\n"
             "with sync_playwright() as p:\n"
             "    sys.exit(0 if os.path.exists(p.chromium.executable_path) else 1)\n")
    return subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0


def find_chromium(python=PYTHON):
    """A Chromium to drive: its path, or "" for Playwright's own; installs one if need be.

    ``python`` is the interpreter that has Playwright (``.venv``'s, or the one
    running pytest). Raises :class:`Problem` when none can be had.
    """
    configured = os.environ.get("DOORWAY_CHROMIUM")
    if configured:
        if not Path(configured).is_file():
            raise Problem("DOORWAY_CHROMIUM points to %s, which is not a file: set it to a "
                          "Chromium or Chrome executable, or unset it, then run this again"
                          % configured)
        return configured
    found = system_chromium()
    if found:
        return found
    if playwright_has_chromium(python):
        return ""
    return install_chromium(python)


def install_chromium(python=PYTHON):
    """Install Chromium with apt-get (as root), else Playwright's; its path or ""."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root and shutil.which("apt-get"):
        say("no Chromium found: installing Debian's chromium package with apt-get")
        result = apt_get("install", "-y", "-qq", "chromium")
        if result.returncode != 0 and APT_UNKNOWN.search(result.stdout + result.stderr):
            say("apt-get's package lists are missing or old: updating them once")
            apt_get("update", "-qq")
            result = apt_get("install", "-y", "-qq", "chromium")
        found = system_chromium() or (str(APT_CHROMIUM) if APT_CHROMIUM.is_file() else None)
        if result.returncode == 0 and found:
            return found
        last = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:]
        say("apt-get could not install Chromium (%s)" % (last[0] if last else "no message"))
    say("trying Playwright's own Chromium (python -m playwright install chromium)")
    if subprocess.run([str(python), "-m", "playwright", "install", "chromium"]).returncode == 0:
        return ""
    raise Problem(NO_BROWSER)


def apt_wait():
    """How long to wait for another install's package lock: ``$DOORWAY_APT_WAIT`` or 300 s."""
    value = os.environ.get("DOORWAY_APT_WAIT", "300")
    if not value.isdigit():
        raise Problem("DOORWAY_APT_WAIT must be a whole number of seconds, not %r: fix or "
                      "unset it, then run this again" % value)
    return int(value)


def apt_get(*args, wait=None):
    """Run ``apt-get args``, waiting while another program holds the package lock.

    Returns the finished process (output captured). After ``wait`` seconds
    (default ``$DOORWAY_APT_WAIT``) of a held lock, raises :class:`Problem`.
    """
    wait = apt_wait() if wait is None else wait
    deadline = time.monotonic() + wait
    told = False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    while True:
        result = subprocess.run(["apt-get", *args], capture_output=True, text=True, env=env)
        output = result.stdout + result.stderr
        if result.returncode == 0 or not APT_LOCKED.search(output):
            return result
        holder = APT_HOLDER.search(output)
        who = "process %s (%s)" % holder.groups() if holder else "another program"
        if time.monotonic() >= deadline:
            raise Problem("the package manager is still in use by %s after %d seconds: let "
                          "that install finish (or stop it), then run this again" % (who, wait))
        if not told:
            say("waiting for %s to finish with the package manager (up to %d seconds)"
                % (who, wait))
            told = True
        time.sleep(APT_POLL)


# --- Commands ---------------------------------------------------------------------------


# --- WebKit and Firefox for the engine smoke tests (tests/engines/) ---------------------
#
# Kept apart from the rest of the set-up on purpose. tests/engines/conftest.py calls
# ensure_engines() when a run selects an engine test; .ci/run sets
# DOORWAY_ENGINES=required so that an engine that cannot run fails CI instead of
# being skipped.

#: Debian's packages that bring each engine, with a file each must leave behind.
ENGINE_PACKAGES = {
    "webkit": [("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"), ("xvfb", "/usr/bin/Xvfb")],
    "firefox": [("firefox-esr", "/usr/bin/firefox-esr")],
}
ENGINE_NAMES = {"webkit": "WebKit (WebKitGTK)", "firefox": "Firefox ESR"}


def minibrowser():
    """WebKitGTK's MiniBrowser (in libwebkit2gtk-4.1), the browser WebKitWebDriver drives."""
    found = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser"))
    return found[0] if found else None


def engine_problem(engine):
    """Why ``engine`` ("webkit" or "firefox") cannot run here, or None if it can."""
    if not sys.platform.startswith("linux"):
        return "needs Linux (WebKitGTK and Debian's Firefox ESR); this is %s" % sys.platform
    missing = [package for package, path in ENGINE_PACKAGES[engine] if not Path(path).exists()]
    if engine == "webkit" and not missing and not minibrowser():
        missing = ["webkit2gtk-driver (MiniBrowser)"]
    if missing:
        return "not installed (%s)" % ", ".join(missing)
    return None


def _can_apt():
    """True when this process may install Debian packages (root, with apt-get)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0 and bool(shutil.which("apt-get"))


def install_engines():
    """apt-get the engines' packages that are missing, as root on Debian or Ubuntu."""
    wanted = sorted({package for engine in ENGINE_PACKAGES if engine_problem(engine)
                     for package, path in ENGINE_PACKAGES[engine] if not Path(path).exists()})
    if not wanted or not _can_apt():
        return
    say("installing the browser engines with apt-get: %s" % " ".join(wanted))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "-qq", *wanted]
    if subprocess.run(command, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            last = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:]
            say("apt-get could not install %s (%s)" % (" ".join(wanted),
                                                      last[0] if last else "no message"))


def ensure_engines():
    """Install what is missing if we can; returns {engine: problem} for engines that cannot run.

    Says each problem in one line, so a run without an engine says so and
    runs the rest.
    """
    install_engines()
    problems = {}
    for engine in ENGINE_PACKAGES:
        problem = engine_problem(engine)
        if problem:
            how = ("" if _can_apt() else
                   ": as root on Debian or Ubuntu, `apt-get install %s`" % " ".join(
                       package for package, _ in ENGINE_PACKAGES[engine]))
            problems[engine] = "%s %s%s" % (ENGINE_NAMES[engine], problem, how)
            say("%s tests will not run: %s" % (ENGINE_NAMES[engine], problems[engine]))
    return problems


def serve(args):
    if not (VENV / ".installed-test").exists():
        ensure_environment("base")
    os.execv(str(PYTHON), [str(PYTHON), "-m", "doorway", "serve", *args])


def test(args):
    ensure_environment("test")
    say("lint (ruff)")
    if subprocess.run([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT).returncode != 0:
        raise Problem("lint failed (ruff's findings are above): fix them, many with "
                      "`.venv/bin/ruff check --fix .`, then run this again")
    say("tests (pytest)")
    return subprocess.run([str(PYTHON), "-m", "pytest", *workers(args), *slowest(args), *args],
                          cwd=ROOT, env=bytecode_cache(os.environ)).returncode


#: Where the test run keeps compiled Python: inside .venv, so the checkout stays clean.
PYCACHE = VENV / "pycache"


def bytecode_cache(environ):
    """``environ`` for the test run, with compiled Python kept in :data:`PYCACHE`.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on our CI machines), every pytest
    process (each worker, and the runs tests/unit/test_collection.py starts)
    rewrote the asserts of all ~180 test modules and compiled Doorway again:
    about half of a collection's CPU time. A ``PYTHONPYCACHEPREFIX`` the
    person chose is kept.
    """
    env = dict(environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(PYCACHE))
    return env


def slowest(args):
    """``--durations=15`` unless ``args`` choose: every run ends with its 15 slowest
    tests, so a new slow test is seen before the whole run nears CI's 30 minutes."""
    return [] if any(arg.startswith("--durations") for arg in args) else ["--durations=15"]


#: pytest options after which the run stays in one process (the person chose, or debugs).
ONE_PROCESS = ("-n", "--numprocesses", "no:xdist", "--pdb", "--trace", "--collect-only",
               "--co", "-s")


def workers(args):
    """pytest-xdist options: one worker per core ($DOORWAY_TEST_WORKERS).

    Most of a browser test is waiting for a page, so two workers on two cores
    nearly halve the run. ``--dist loadgroup``: a file whose tests share a
    module-scoped fixture stays on one worker, so it is made once; every other
    test goes to whichever worker is free (tests/conftest.py,
    ``shares_a_fixture``). None when ``args`` already say
    how to run (``-n 0``, ``-p no:xdist``, ``--pdb``, ``-s``) or one worker is asked for.
    """
    if any(arg.split("=")[0] in ONE_PROCESS for arg in args):
        return []
    try:
        count = int(os.environ.get("DOORWAY_TEST_WORKERS") or os.cpu_count() or 1)
    except ValueError:
        raise Problem("DOORWAY_TEST_WORKERS must be a whole number of test processes, such "
                      "as 2 (1 runs the tests in one process)") from None
    return [] if count <= 1 else ["--numprocesses", str(count), "--dist", "loadgroup"]


def bench(args):
    ensure_environment("test")
    env = dict(os.environ, DOORWAY_CHROMIUM=find_chromium(PYTHON))
    return subprocess.run([str(PYTHON), "-m", "bench", *args],
                          cwd=ROOT, env=env).returncode


def lock(args):
    """Re-resolve requirements/*.txt with uv; extra arguments go to uv (``--upgrade``)."""
    if not _has_pip():
        create_venv()
    say("installing uv, the lock tool, from requirements/uv.txt")
    install(REQUIREMENTS / "uv.txt")
    uv = [str(BIN / "uv"), "pip", "compile", "--quiet", "--generate-hashes", "--universal",
          "--python-version", "3.11", "--custom-compile-command", "python3 dev.py lock",
          # install() takes wheels only, so the lock must name versions that have one.
          "--only-binary", ":all:", *args]
    for output, sources in ((LOCKS["test"], ["pyproject.toml", "--extra", "test"]),
                            (LOCKS["base"], ["pyproject.toml", "--constraint",
                                             str(LOCKS["test"].relative_to(ROOT))]),
                            (REQUIREMENTS / "uv.txt", ["requirements/uv.in"])):
        say("locking %s" % output.relative_to(ROOT))
        if subprocess.run([*uv, *sources, "-o", str(output.relative_to(ROOT))],
                          cwd=ROOT).returncode != 0:
            raise Problem("uv could not resolve %s (its message is above): fix the pins in "
                          "pyproject.toml, then run this again" % output.relative_to(ROOT))
    return 0


COMMANDS = {"serve": serve, "test": test, "bench": bench, "lock": lock}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.split("\n\n")[1])
        return 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except Problem as problem:
        say(str(problem))
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
