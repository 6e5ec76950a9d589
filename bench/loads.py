"""Page loads in Chromium: cold, warm, offline-warm and slow, measured in the page.

Every time comes from the page itself (``probe.js``, on ``performance.now()``),
never from this process: this side only starts navigations and reads the
results. Each mode uses a fresh browser context, so nothing is shared between
measurements but the browser process; the offline-warm visit has a browser
and a profile of its own (:func:`first_visit_and_offline`).
"""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

PROBE = Path(__file__).with_name("probe.js")
TIMEOUT = 120_000

#: Slow 4G as Lighthouse defines it (1.6 Mbit/s down, 750 kbit/s up, 150 ms
#: round trip), for DevTools' Network.emulateNetworkConditions (bytes/s, ms).
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
#: A phone's CPU, as Lighthouse's mobile preset: 4× slower than this machine.
CPU_SLOWDOWN = 4
#: The language every measured page is opened in.
LOCALE = "en-GB"


class LoadFailed(Exception):
    """A page did not get ready: Python failed, or it never finished."""


def new_context(browser, service_workers, base_url=None):
    """A fresh context (its own cache and storage) with the probe in every page."""
    context = browser.new_context(service_workers=service_workers, locale=LOCALE,
                                  base_url=base_url)
    context.add_init_script(path=str(PROBE))
    return context


def load(page, spec, sizes):
    """Open ``spec`` in ``page`` and return the load's figures and its requests.

    Figures: ``fcp_ms``, ``ready_ms``, ``requests`` (the page and every
    resource started before ready), ``sent_bytes`` (what the local server
    sent for them, headers included; 0 from a cache) and ``brotli_bytes``
    (what a good host would send for the same files, see :mod:`bench.sizes`).
    A request for something that is not a file of the build is marked
    ``known: False`` and counted as sent.
    """
    page.goto("about:blank")
    page.goto(spec.url, wait_until="commit", timeout=TIMEOUT)
    state = page.wait_for_function("by => window.__bench && __bench.done(by)", arg=spec.ready_by,
                                   polling=100, timeout=TIMEOUT).json_value()
    if state == "failed":
        raise LoadFailed("%s: the page set data-app=\"failed\"" % spec.name)
    # Requests started before ready but still running show up once they end.
    page.wait_for_load_state("load", timeout=TIMEOUT)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT)
    result = page.evaluate("by => __bench.result(by)", spec.ready_by)
    requests = []
    for request in result["requests"]:
        found = sizes.file(request["url"])
        brotli = sizes.size(request["url"])
        requests.append({"path": found[1] if found else request["url"], "known": bool(found),
                         "start": request["start"], "end": request["end"],
                         "sent": request["sent"],
                         # Not a file of the build: count what was actually sent.
                         "brotli": request["encoded"] if brotli is None else brotli})
    figures = {"fcp_ms": result["fcp"], "ready_ms": result["ready"],
               "requests": len(requests), "sent_bytes": sum(r["sent"] for r in requests),
               "brotli_bytes": sum(r["brotli"] for r in requests)}
    return figures, requests


def cold_and_warm(browser, spec, sizes):
    """A first visit with an empty cache and no service worker, then a second visit.

    Returns ``((figures, requests), figures)``: the cold load's requests feed the profile.
    """
    context = new_context(browser, "block")
    try:
        page = context.new_page()
        cold = load(page, spec, sizes)
        warm, _ = load(page, spec, sizes)
    finally:
        context.close()
    return cold, warm


def first_visit_and_offline(launch, spec, sizes):
    """A first visit that installs the service worker; then a person's return
    visit with the network off: the browser closed, opened again on the same
    profile, offline, and the page opened once. Returns ``(first, offline)``.

    ``launch(profile)`` opens Chromium on the profile folder ``profile`` as a
    persistent context (:func:`launcher`). The browser is closed between the
    visits because a second visit in the same browser may land in the renderer
    process that has just compiled the runtime, and V8 reuses a compiled
    WebAssembly module within a process: that visit skips compiling
    MicroPython, which no person coming back hours later does (seen here:
    offline-warm ready 100-280 ms, by the process the page landed in).
    """
    profile = tempfile.mkdtemp(prefix="doorway-bench-profile-")
    try:
        with browser_on(launch, profile) as (_, page):
            first, _ = load(page, spec, sizes)
            # The worker claims the page once it has stored every file of the build.
            # A function, not an expression: the page's Trusted Types refuse a string to eval.
            page.wait_for_function("() => navigator.serviceWorker.controller !== null",
                                   timeout=TIMEOUT)
        with browser_on(launch, profile) as (context, page):
            context.set_offline(True)
            offline, _ = load(page, spec, sizes)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return first, offline


def launcher(browser_type, launch_args):
    """The ``launch(profile)`` :func:`first_visit_and_offline` takes: ``browser_type``
    (Playwright's ``chromium``) on a profile folder, with ``launch_args`` as the
    benchmark's other browser has them, service workers allowed."""
    def launch(profile):
        return browser_type.launch_persistent_context(
            profile, service_workers="allow", locale=LOCALE, **launch_args)
    return launch


@contextmanager
def browser_on(launch, profile):
    """Chromium opened on the profile folder ``profile`` with the probe in every
    page, as ``(context, its first page)``; closed on leaving."""
    context = launch(profile)
    try:
        context.add_init_script(path=str(PROBE))
        yield context, (context.pages[0] if context.pages else context.new_page())
    finally:
        context.close()


def slow(browser, spec, sizes):
    """A cold visit on a slow phone network with a slow CPU (DevTools emulation)."""
    context = new_context(browser, "block")
    try:
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.emulateNetworkConditions", SLOW_4G)
        devtools.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        figures, _ = load(page, spec, sizes)
    finally:
        context.close()
    return figures
