"""How fast Doorway starts and how much it sends, relative to a plain page.

    python3 dev.py bench [--runs 5]

Timings on a shared machine are noisy, so nothing here is a pass/fail
threshold. Every number is measured in the same run against a reference: the
static guide page for "They worry they'll be blamed" (plain HTML and CSS from
the same build, no Python), loaded the same way. The report gives medians
and ratios to that reference:

- cold: a new browser context (empty cache), until the page is usable: for
  the reference the load event, for Python pages ``<html data-app="ready">``;
- warm: a reload in the same context (HTTP cache and service worker);
- offline: a reload with the network off (service worker only);
- bytes: what crossed the wire (gzip) for a cold load.

Results also go to bench-results/startup.json.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "py"))

from doorway.builder import build  # noqa: E402
from doorway.builder.serve import serve_in_background  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PAGES = [
    ("reference (static page)", "guide/blame.html", False),
    ("wizard", "./", True),
    ("partner page", "invite/#i1.AAIBAQ", True),
]

def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return os.environ.get("DOORWAY_CHROMIUM") or None


def usable_at(page, python):
    if python:
        # doorway.ui.app marks the moment Python has taken over the page.
        page.wait_for_function("performance.getEntriesByName('doorway-ready').length > 0",
                               timeout=60000)
        return page.evaluate("performance.getEntriesByName('doorway-ready')[0].startTime")
    page.wait_for_load_state("load")
    return page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")


def measure(browser, base, path, python, runs):
    cold, warm, offline, sizes = [], [], [], []
    for _ in range(runs):
        context = browser.new_context(base_url=base)
        page = context.new_page()
        received = []
        page.on("requestfinished", lambda request, received=received:
                received.append(request.sizes()["responseBodySize"]))
        page.goto(path)
        cold.append(usable_at(page, python))
        sizes.append(sum(received))
        page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
        page.reload()
        warm.append(usable_at(page, python))
        if page.evaluate("!!navigator.serviceWorker.controller"):
            context.set_offline(True)
            page.reload()
            offline.append(usable_at(page, python))
        context.close()
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm),
            "offline_ms": statistics.median(offline) if offline else None,
            "bytes": statistics.median(sizes)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads per page (median)")
    args = parser.parse_args()
    site = build(Path(tempfile.mkdtemp(prefix="doorway-bench-")) / "build")
    base, server = serve_in_background(site)
    results = {}
    with sync_playwright() as playwright:
        launch = {"args": ARGS}
        if chromium():
            launch["executable_path"] = chromium()
        browser = playwright.chromium.launch(**launch)
        for name, path, python in PAGES:
            results[name] = measure(browser, base, path, python, args.runs)
        browser.close()
    server.shutdown()

    reference = results[PAGES[0][0]]
    print("median of %d runs; ratios are to the reference measured in this run\n" % args.runs)
    print("%-26s %10s %10s %10s %12s" % ("page", "cold", "warm", "offline", "bytes (gz)"))
    for name, values in results.items():
        def cell(key, values=values):
            if values[key] is None:
                return "n/a"
            return "%.1fx" % (values[key] / reference[key]) if reference[key] else "-"
        print("%-26s %10s %10s %10s %12s" % (name, cell("cold_ms"), cell("warm_ms"),
                                              cell("offline_ms"), cell("bytes")))
    print("\nreference: cold %.0f ms, warm %.0f ms, %d bytes"
          % (reference["cold_ms"], reference["warm_ms"], reference["bytes"]))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    runtime = sum(p.stat().st_size for p in (site / "runtime").rglob("*") if p.is_file())
    print("build: %d bytes on disk, of which the runtime %d (%.0f%%)"
          % (total, runtime, 100 * runtime / total))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "startup.json").write_text(json.dumps(
        {"runs": args.runs, "results": results, "build_bytes": total, "runtime_bytes": runtime},
        indent=2))


if __name__ == "__main__":
    main()
