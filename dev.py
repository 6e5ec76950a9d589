#!/usr/bin/env python3
"""Set up and run Doorway from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py serve     # build the site and serve it on http://127.0.0.1:8000/
    python3 dev.py test      # lint, then every test (unit, MicroPython, browser)
    python3 dev.py bench     # start-up speed and size, as ratios to a plain page

Each command creates ``.venv/`` and installs what it needs the first time (and
again whenever pyproject.toml changes). ``test`` and ``bench`` also need a
Chromium: they use ``$DOORWAY_CHROMIUM``, a system Chromium or Chrome, or
Playwright's own browser, and install one when none is found. Extra arguments
go to the underlying command (``python3 dev.py test -k share``).

This file uses only the standard library, because it runs before anything
is installed.
"""

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def say(message):
    print("dev.py: " + message, flush=True)


def run(*command, **kwargs):
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def ensure_environment(extra):
    """Create .venv and install the project (with ``extra``) when out of date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file may run on an older Python
        sys.exit("Doorway needs Python 3.11 or newer (this is %s)." % sys.version.split()[0])
    recipe = (ROOT / "pyproject.toml").read_bytes() + extra.encode() + sys.version.encode()
    stamp = VENV / (".installed-" + (extra or "base"))
    wanted = hashlib.sha256(recipe).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        say("creating .venv")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    say("installing dependencies into .venv (first run only)")
    target = ".[%s]" % extra if extra else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--editable", target, cwd=ROOT)
    stamp.write_text(wanted)


def _playwright_has_chromium():
    """True if Playwright's own Chromium is installed for this Playwright version."""
    probe = ("from playwright.sync_api import sync_playwright\n"
             "import os, sys\n"
             "with sync_playwright() as p:\n"
             "    sys.exit(0 if os.path.exists(p.chromium.executable_path) else 1)\n")
    return subprocess.run([str(PYTHON), "-c", probe], capture_output=True).returncode == 0


def find_chromium():
    """A Chromium to drive: its path, or "" for Playwright's own browser."""
    configured = os.environ.get("DOORWAY_CHROMIUM")
    if configured:
        if not Path(configured).exists():
            sys.exit("DOORWAY_CHROMIUM points to %s, which does not exist." % configured)
        return configured
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    if _playwright_has_chromium():
        return ""
    return install_chromium()


def install_chromium():
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root and shutil.which("apt-get"):
        say("no Chromium found: installing Debian's chromium package")
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "chromium")
        for name in CHROMIUM_NAMES:
            if shutil.which(name):
                return shutil.which(name)
    say("no Chromium found: asking Playwright to download its own")
    if subprocess.run([str(PYTHON), "-m", "playwright", "install", "chromium"]).returncode == 0:
        return ""
    sys.exit("No Chromium could be found or installed. Install Chromium or Google Chrome, "
             "or set DOORWAY_CHROMIUM to a Chromium executable, then run this again.")


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
    ensure_environment("")
    os.execv(str(PYTHON), [str(PYTHON), "-m", "doorway", "serve", *args])


def test(args):
    ensure_environment("test")
    env = dict(os.environ, DOORWAY_CHROMIUM=find_chromium())
    say("lint (ruff)")
    run(PYTHON, "-m", "ruff", "check", ".", cwd=ROOT)
    say("tests (pytest)")
    result = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    sys.exit(result.returncode)


def bench(args):
    ensure_environment("test")
    env = dict(os.environ, DOORWAY_CHROMIUM=find_chromium())
    result = subprocess.run([str(PYTHON), str(ROOT / "bench" / "startup.py"), *args],
                            cwd=ROOT, env=env)
    sys.exit(result.returncode)


COMMANDS = {"serve": serve, "test": test, "bench": bench}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
