"""Lighthouse's mobile performance audit, pinned, installed outside git.

Lighthouse 12.2.3 is the last line that runs on Node 20. It is installed once
with npm into ``.bench-cache/`` (git-ignored) and runs its own headless
Chromium (the one the benchmark uses) with its default mobile settings:
a mid-range phone's screen, 4× CPU slowdown and simulated slow 4G.
"""

import json
import os
import shutil
import subprocess
import tempfile

from . import ROOT

VERSION = "12.2.3"
CACHE = ROOT / ".bench-cache" / ("lighthouse-" + VERSION)
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
#: What the report keeps from each run: our name, Lighthouse's audit id.
AUDITS = (("tbt_ms", "total-blocking-time"), ("tti_ms", "interactive"),
          ("cls", "cumulative-layout-shift"), ("fcp_ms", "first-contentful-paint"),
          ("lcp_ms", "largest-contentful-paint"), ("si_ms", "speed-index"))


#: Lighthouse's own "something went wrong with recording the trace … please run
#: Lighthouse again" errors: seen here now and then on a quiet machine (two runs of
#: three once), so such a run is tried again, up to TRIES times in all.
TRACE_ERRORS = ("NO_NAVSTART", "NO_TRACING_STARTED")
TRIES = 3


class Unavailable(Exception):
    """Lighthouse cannot run here; the message says why, in one line."""


class Failed(Exception):
    """One Lighthouse run failed (the others may not); the message says why, in one line."""


def install():
    """The path of Lighthouse's command line, installing it the first time."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        raise Unavailable("Lighthouse not run: no Node.js/npm on this machine "
                          "(install Node 20 to add it)")
    if not CLI.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print("bench: installing lighthouse@%s into %s (first run only)"
              % (VERSION, CACHE.relative_to(ROOT)), flush=True)
        done = subprocess.run([npm, "install", "--exact", "--no-audit", "--no-fund",
                               "--prefix", str(CACHE), "lighthouse@" + VERSION],
                              capture_output=True, text=True)
        if done.returncode != 0 or not CLI.exists():
            raise Unavailable("Lighthouse not run: `npm install lighthouse@%s` failed: %s"
                              % (VERSION, (done.stderr.strip().splitlines() or ["?"])[-1]))
    return node, CLI


def audit(url, chromium):
    """One Lighthouse run of ``url``: the Performance score and the audits in AUDITS
    (a run whose trace Lighthouse could not record is tried again)."""
    for tries in range(1, TRIES + 1):
        report = _run(url, chromium)
        error = report.get("runtimeError")
        if not error or error.get("code") not in TRACE_ERRORS or tries == TRIES:
            break
        print("bench: Lighthouse could not record its trace of %s (%s): trying again"
              % (url, error.get("code")), flush=True)
    if error:
        raise Failed("Lighthouse failed on %s: %s" % (url, error.get("message")))
    score = report["categories"]["performance"]["score"]
    figures = {"performance": None if score is None else round(score * 100)}
    for name, audit_id in AUDITS:
        figures[name] = report["audits"][audit_id].get("numericValue")
    return figures


def _run(url, chromium):
    """Lighthouse's JSON report of one run of ``url``."""
    node, cli = install()
    env = dict(os.environ)
    if chromium:
        env["CHROME_PATH"] = chromium
    with tempfile.TemporaryDirectory(prefix="doorway-lighthouse-") as folder:
        out = os.path.join(folder, "report.json")
        done = subprocess.run(
            [node, str(cli), url, "--quiet", "--output=json", "--output-path=" + out,
             "--only-categories=performance", "--chrome-flags=--headless=new --no-sandbox"],
            env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not os.path.exists(out):
            raise Failed("Lighthouse failed on %s: %s"
                         % (url, (done.stderr.strip().splitlines() or ["?"])[-1]))
        with open(out) as handle:
            return json.load(handle)
