"""How fast Doorway starts and how much it sends, against the runtime's own floor.

    python3 dev.py bench [--rounds 5] [--lighthouse-runs 3] [--out bench-results]

One Chromium run measures, in alternating rounds, a plain page of the build,
the *floor* (a page that only starts the same PyScript + MicroPython), the
welcome page and the partner page opened with a readable and a sealed
invitation (see :mod:`bench.pages`):

- cold (empty cache), warm (HTTP cache), a first visit that installs the
  service worker, offline-warm (a return visit: the browser opened again on
  that profile, network off) and cold on emulated slow 4G with a 4× slower
  CPU (:mod:`bench.loads`);
- first contentful paint, time to ``data-app="ready"``, requests to ready,
  bytes the local server sent and bytes a good host would send (brotli 11,
  :mod:`bench.sizes`);
- click-to-next-step times over a full wizard run and the JS heap after it
  (:mod:`bench.wizard`);
- then Lighthouse's mobile audit of the floor, welcome and invite pages
  (:mod:`bench.lighthouse`).

Every time is measured in the page, and every budget (:mod:`bench.budgets`)
is a size or a ratio to a reference from the same run, because a shared
machine makes absolute times noisy. It prints tables and writes
``<out>/<timestamp>.json``. Nothing here is part of the tests.
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chromium import CHROMIUM_ARGS, chromium_path
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from doorway.builder import CONTENT, build
from doorway.builder.content import load as load_content
from doorway.guide.catalogue import Catalogue

from . import ROOT, budgets, lighthouse, loads, report, wizard
from .figures import flatten
from .pages import pages as bench_pages
from .pages import write_floor
from .server import Servers
from .sizes import Sizes

#: The pages Lighthouse audits: the two with budgets, and the floor they are judged against.
LIGHTHOUSE_PAGES = ("floor", "floor-note", "welcome", "invite")


def say(message):
    print("bench: " + message, file=sys.stderr, flush=True)


def rotated(items, by):
    """``items`` starting at a different one each round, so no page always goes first."""
    by %= len(items)
    return items[by:] + items[:by]


def add(samples, page, mode, figures):
    for metric, value in figures.items():
        samples.setdefault(page, {}).setdefault(mode, {}).setdefault(metric, []).append(value)


def measure_round(browser, launch, specs, sizes, results, number):
    """One round: every page in every mode, then a wizard run. ``launch`` opens
    a browser on a profile folder, for the offline-warm return visit.

    A load that fails (Python failed, or a time-out on a busy machine) is
    reported in the notes and leaves one sample fewer; the run goes on.
    """
    samples, loads_seen = results["pages"], results["requests"]

    def attempt(what, spec, measure):
        try:
            return measure(browser, spec, sizes)
        except (loads.LoadFailed, PlaywrightError) as error:
            note = "round %d, %s %s: %s" % (number + 1, spec.name, what,
                                             str(error).splitlines()[0])
            results["notes"].append(note)
            say(note)
            return None

    for spec in rotated(specs, number):
        measured = attempt("cold and warm", spec, loads.cold_and_warm)
        if measured:
            (cold, requests), warm = measured
            add(samples, spec.name, "cold", cold)
            warm.pop("brotli_bytes")
            add(samples, spec.name, "warm", warm)
            loads_seen.setdefault(spec.name, []).append(requests)
    def return_visit(_browser, spec, sizes):
        return loads.first_visit_and_offline(launch, spec, sizes)

    for spec in rotated(specs, number):
        measured = attempt("first visit and offline", spec, return_visit)
        if measured:
            first, offline = measured
            add(samples, spec.name, "cold_sw", first)
            offline.pop("brotli_bytes")
            add(samples, spec.name, "offline", offline)
    for spec in rotated(specs, number):
        measured = attempt("slow", spec, loads.slow)
        if measured:
            add(samples, spec.name, "slow", measured)


def walk_wizard(browser, site_url, catalogue, results, number):
    """One wizard run: its step transitions and the heap after it."""
    try:
        transitions, heap = wizard.run(browser, site_url, catalogue)
    except (AssertionError, PlaywrightError) as error:
        note = "round %d, wizard: %s" % (number + 1, str(error).splitlines()[0])
        results["notes"].append(note)
        say(note)
        return
    results["transitions"].append(transitions)
    results["wizard"].setdefault("steps", []).append(len(transitions))
    results["wizard"].setdefault("transition_ms", []).extend(t["ms"] for t in transitions)
    for metric, value in heap.items():
        results["wizard"].setdefault(metric, []).append(value)


def machine(browser_version):
    """What the run ran on: enough to compare two runs fairly."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "cpu": model, "chromium": browser_version,
            "system": platform.platform(), "python": platform.python_version(),
            "commit": commit}


def load_average():
    return list(os.getloadavg()) if hasattr(os, "getloadavg") else None


def run_lighthouse(specs, runs, results):
    """Lighthouse's audits of LIGHTHOUSE_PAGES, ``runs`` times each, into ``results``.
    A run that fails is noted and the rest go on; without Lighthouse, none run."""
    chromium = chromium_path()
    by_name = {spec.name: spec for spec in specs}
    try:
        for number in range(runs):
            for name in rotated(list(LIGHTHOUSE_PAGES), number):
                say("Lighthouse %s, run %d of %d" % (name, number + 1, runs))
                try:
                    audited = lighthouse.audit(by_name[name].url, chromium)
                except lighthouse.Failed as failure:  # one page's run: the others go on
                    results["notes"].append(str(failure))
                    say(str(failure))
                    continue
                for metric, value in audited.items():
                    results["lighthouse"].setdefault(name, {}).setdefault(metric, []).append(value)
    except lighthouse.Unavailable as reason:
        results["notes"].append(str(reason))
        say(str(reason))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 dev.py bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternating rounds of every page in every mode (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page (default 3; 0 skips Lighthouse)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results",
                        help="folder for the JSON results (default bench-results/)")
    args = parser.parse_args(argv)

    started = time.strftime("%Y-%m-%dT%H-%M-%S")
    load_before = load_average()
    work = Path(tempfile.mkdtemp(prefix="doorway-bench-"))
    say("building the site into %s" % work)
    site = build(work / "build")
    floor = write_floor(site, work / "floor")
    servers = Servers(site, floor)
    catalogue = Catalogue(load_content(CONTENT))
    specs = bench_pages(servers.site_url, servers.floor_url, catalogue)
    sizes = Sizes({servers.site_url: site, servers.floor_url: floor})
    results = {"pages": {}, "wizard": {}, "lighthouse": {}, "requests": {}, "transitions": [],
               "notes": []}
    try:
        with sync_playwright() as playwright:
            launch = {"args": CHROMIUM_ARGS}
            if chromium_path():
                launch["executable_path"] = chromium_path()
            browser = playwright.chromium.launch(**launch)
            on_profile = loads.launcher(playwright.chromium, launch)
            about = machine(browser.version)
            for number in range(args.rounds):
                say("round %d of %d" % (number + 1, args.rounds))
                measure_round(browser, on_profile, specs, sizes, results, number)
                walk_wizard(browser, servers.site_url, catalogue, results, number)
            browser.close()
        if args.lighthouse_runs > 0:
            run_lighthouse(specs, args.lighthouse_runs, results)
    finally:
        servers.stop()
        shutil.rmtree(work, ignore_errors=True)

    figures = flatten(results)
    evaluation = budgets.evaluate(figures)
    floor_evaluation = budgets.evaluate(figures, budgets.FLOOR)
    names = [spec.name for spec in specs]
    profiles = {name: report.profile(results["requests"].get(name, []))
                for name in ("floor", "welcome", "invite")}
    unknown = sorted({r["path"] for page in results["requests"].values() for load in page
                      for r in load if not r["known"]})
    if unknown:
        results["notes"].append("requests for files that are not in the build: %s"
                                % ", ".join(unknown))
    about["load_average"] = {"before": load_before, "after": load_average()}

    by_step = report.steps(results["transitions"])
    print(report.summary(about, args.rounds, figures, names, profiles, evaluation,
                         floor_evaluation, results["notes"], by_step))
    path = report.write(args.out / (started + ".json"), {
        "started": started, "rounds": args.rounds, "lighthouse_runs": args.lighthouse_runs,
        "machine": about, "pages": {spec.name: spec.url for spec in specs},
        "budgets": evaluation, "floor_budgets": floor_evaluation, "figures": figures,
        "profile": profiles, "wizard_steps": by_step, "samples": results})
    print("\nresults: %s" % (path.relative_to(ROOT) if path.is_relative_to(ROOT) else path))
