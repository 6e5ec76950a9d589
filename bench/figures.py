"""From samples to the figures a report and the budgets read.

The benchmark keeps every sample (``results``); a *figure* is one number with
a dotted name, the median of its samples unless the name says otherwise:

- ``<page>.<mode>.<metric>``: for example ``welcome.cold.ready_ms``;
- ``wizard.transition_ms.median`` and ``wizard.transition_ms.p95``;
- ``wizard.<metric>``: for example ``wizard.heap_used_bytes``;
- ``lighthouse.<page>.<metric>``: for example ``lighthouse.invite.tbt_ms``.
"""

import math
import statistics


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values, share):
    """The nearest-rank percentile (``share`` 0.95 for the 95th): a value that was measured."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    return values[max(0, math.ceil(share * len(values)) - 1)]


def flatten(results):
    """Every figure of a run, ``{dotted name: number or None}``."""
    figures = {}
    for page, modes in results.get("pages", {}).items():
        for mode, metrics in modes.items():
            for metric, samples in metrics.items():
                figures["%s.%s.%s" % (page, mode, metric)] = median(samples)
    wizard = results.get("wizard", {})
    for metric, samples in wizard.items():
        if metric == "transition_ms":
            figures["wizard.transition_ms.median"] = median(samples)
            figures["wizard.transition_ms.p95"] = percentile(samples, 0.95)
        else:
            figures["wizard." + metric] = median(samples)
    for page, metrics in results.get("lighthouse", {}).items():
        for metric, samples in metrics.items():
            figures["lighthouse.%s.%s" % (page, metric)] = median(samples)
    return figures


#: Metrics in words, for tables.
METRICS = {"fcp_ms": "first contentful paint", "ready_ms": "ready",
           "requests": "requests to ready", "sent_bytes": "bytes sent to ready",
           "brotli_bytes": "bytes to ready (brotli 11)", "performance": "Performance",
           "tbt_ms": "total blocking", "tti_ms": "time to interactive", "cls": "layout shift",
           "lcp_ms": "largest contentful paint", "si_ms": "speed index"}


def describe(name):
    """A figure's name in words: ``welcome.cold.ready_ms`` is "welcome ready, cold"."""
    parts = name.split(".")
    if parts[:2] == ["wizard", "transition_ms"]:
        return "wizard step transition, " + parts[2]
    if parts[0] == "lighthouse":
        return "%s Lighthouse %s" % (parts[1], METRICS.get(parts[2], parts[2]))
    if len(parts) == 3:
        mode = "offline-warm" if parts[1] == "offline" else parts[1]
        return "%s %s, %s" % (parts[0], METRICS.get(parts[2], parts[2]), mode)
    return name


def unit(name):
    """How to show a figure: milliseconds, kilobytes (1 KB = 1,000 bytes), a count or a score."""
    metric = name.rsplit(".", 1)[-1]
    if name.startswith("wizard.transition_ms"):
        return "ms"
    if metric.endswith("_ms"):
        return "ms"
    if metric.endswith("_bytes"):
        return "KB"
    if metric == "cls":
        return "shift"
    return "count"


def show(name, value):
    """One figure as text: ``807 ms``, ``313.2 KB``, ``41``, ``0.020``; ``-`` when not measured."""
    if value is None:
        return "-"
    kind = unit(name)
    if kind == "ms":
        return "%.0f ms" % value
    if kind == "KB":
        return "%.1f KB" % (value / 1000)
    if kind == "shift":
        return "%.3f" % value
    return "%.0f" % value
