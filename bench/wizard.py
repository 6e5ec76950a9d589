"""A full wizard run to the plan: step transitions and the JS heap afterwards.

The clicks are the browser tests' own (``flows.walk_to_results``), made with the
mouse; each transition is timed in the page by ``probe.js``, from the click's
own timestamp to the frame that first shows the next step.
"""

import flows

from .loads import TIMEOUT, new_context


def path(catalogue):
    """A typical run: someone whose partner hesitated, with three concerns and a name."""
    exclusive = catalogue.exclusive_reason()
    reasons = [r["id"] for r in catalogue.reasons if r["id"] != exclusive][:3]
    return {"stance": catalogue.stances[1]["id"], "reasons": reasons, "name": "Sam"}


def run(browser, site_url, catalogue):
    """Walk from the welcome page to a plan; returns transitions and heap figures."""
    context = new_context(browser, "block", base_url=site_url)
    try:
        page = context.new_page()
        page.set_default_navigation_timeout(TIMEOUT)
        choice = path(catalogue)
        flows.walk_to_results(page, choice["stance"], choice["reasons"], name=choice["name"])
        page.wait_for_function("() => __bench.transitions.some(t => t.to === 'results')",
                               timeout=TIMEOUT)
        transitions = page.evaluate("() => __bench.transitions")
        devtools = context.new_cdp_session(page)
        before = devtools.send("Runtime.getHeapUsage")
        devtools.send("HeapProfiler.collectGarbage")
        after = devtools.send("Runtime.getHeapUsage")
    finally:
        context.close()
    return transitions, {"heap_used_bytes": after["usedSize"],
                         "heap_total_bytes": after["totalSize"],
                         "heap_used_before_gc_bytes": before["usedSize"],
                         "heap_backing_store_bytes": after.get("backingStorageSize")}
