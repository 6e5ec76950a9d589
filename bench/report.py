"""The benchmark's printed tables and its JSON file."""

import json

from .figures import median, show

#: The modes of a page load, in the order the table shows them.
MODES = (
    ("cold", "cold: new context, empty cache, service worker blocked"),
    ("warm", "warm: second visit in that context (HTTP cache)"),
    ("cold_sw", "cold, with the service worker installing (a real first visit, in a new browser)"),
    ("offline", "offline-warm: that browser closed and opened again, network off (service worker)"),
    ("slow", "cold under slow 4G (1.6 Mbit/s, 150 ms) and 4× CPU slowdown"),
)

#: Where a request's bytes and time go, by the first part of its path in the build.
GROUPS = (("runtime/", "runtime"), ("py/", "python"), ("content/", "content"),
          ("assets/", "css, js, icons"))


def table(headers, rows):
    """Rows of text as an aligned table: the first column left, the others right."""
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(str(h))
              for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line([str(h) for h in headers]), line(["-" * w for w in widths])]
                     + [line(r) for r in rows])


def ratio(value, reference):
    if value is None or not reference:
        return "-"
    return "%.2f×" % (value / reference)


def pages_table(figures, pages):
    """One row per page and mode: paint, ready, ratios, requests and bytes."""
    rows = []
    for page in pages:
        for mode, _ in MODES:
            key = "%s.%s." % (page, mode)
            if figures.get(key + "ready_ms") is None:
                continue
            ref = "cold" if mode in ("cold", "cold_sw") else mode
            rows.append([
                "%s %s" % (page, mode),
                show(key + "fcp_ms", figures.get(key + "fcp_ms")),
                ratio(figures.get(key + "fcp_ms"), figures.get("plain.%s.fcp_ms" % ref)),
                show(key + "ready_ms", figures.get(key + "ready_ms")),
                ratio(figures.get(key + "ready_ms"), figures.get("floor.%s.ready_ms" % ref)),
                show(key + "requests", figures.get(key + "requests")),
                show(key + "sent_bytes", figures.get(key + "sent_bytes")),
                show(key + "brotli_bytes", figures.get(key + "brotli_bytes")),
            ])
    return table(["page, mode", "first paint", "÷ plain", "ready", "÷ floor", "requests",
                  "sent", "brotli 11"], rows)


def lighthouse_table(figures, pages):
    rows = []
    for page in pages:
        key = "lighthouse.%s." % page
        if figures.get(key + "performance") is None:
            continue
        rows.append([page] + [show(key + m, figures.get(key + m))
                              for m in ("performance", "tbt_ms", "tti_ms", "cls", "fcp_ms",
                                        "lcp_ms")])
    return table(["page", "Performance", "total blocking", "interactive", "layout shift",
                  "first paint", "largest paint"], rows)


def budgets_table(evaluation):
    rows = []
    for row in evaluation:
        mark = {True: "met", False: "MISSED", None: "not measured"}[row["met"]]
        value = show(row["figure"], row["value"])
        if row["ratio"] is not None:
            value += " (%.2f×)" % row["ratio"]
        rows.append([row["what"], value, row["rule"], mark])
    return table(["budget", "measured", "limit", ""], rows)


def group_of(path):
    for prefix, name in GROUPS:
        if path.startswith(prefix):
            return name
    return "page" if path.endswith(".html") else "other"


def profile(loads):
    """Where a page's bytes and time go: per group of files, medians over loads.

    ``loads`` are request lists of cold loads (``path``, ``start``, ``end``,
    ``brotli``). Returns ``{group: {files, brotli_bytes, first_start_ms,
    last_end_ms}}``.
    """
    per_group = {}
    for requests in loads:
        seen = {}
        for request in requests:
            group = seen.setdefault(group_of(request["path"] or ""), [])
            group.append(request)
        for name, requests_in_group in seen.items():
            entry = per_group.setdefault(name, {"files": [], "brotli_bytes": [],
                                                "first_start_ms": [], "last_end_ms": []})
            entry["files"].append(len(requests_in_group))
            entry["brotli_bytes"].append(sum(r["brotli"] or 0 for r in requests_in_group))
            entry["first_start_ms"].append(min(r["start"] for r in requests_in_group))
            entry["last_end_ms"].append(max(r["end"] for r in requests_in_group))
    return {name: {metric: median(values) for metric, values in entry.items()}
            for name, entry in per_group.items()}


def profile_table(profiles):
    rows = []
    for page, groups in profiles.items():
        for name in sorted(groups, key=lambda g: groups[g]["first_start_ms"]):
            group = groups[name]
            rows.append(["%s %s" % (page, name), "%.0f" % group["files"],
                         show("x_bytes", group["brotli_bytes"]),
                         show("x_ms", group["first_start_ms"]),
                         show("x_ms", group["last_end_ms"])])
    return table(["page, files", "requests", "brotli 11", "first starts", "last ends"], rows)


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return path


def steps(transitions):
    """Median click-to-drawn time per wizard step, in the order the steps came."""
    times = {}
    for run in transitions:
        for transition in run:
            times.setdefault(transition["to"], []).append(transition["ms"])
    return {step: median(values) for step, values in times.items()}


def summary(machine, rounds, figures, pages, profiles, evaluation, floor, notes, by_step):
    """Everything the run found, as the text the benchmark prints; ``evaluation``
    and ``floor`` are :func:`bench.budgets.evaluate`'s rows for the budgets and
    for the floor held to the same rules."""
    load = machine.get("load_average") or {}
    parts = [
        "Doorway start-up benchmark: medians of %d rounds, ratios to references measured in "
        "this run" % rounds,
        "machine: %s cores, %s; Chromium %s; load average %s before, %s after; commit %s"
        % (machine["cores"], machine["cpu"], machine["chromium"],
           _load(load.get("before")), _load(load.get("after")), machine["commit"]),
        "",
        pages_table(figures, pages),
        "",
        "\n".join("  " + text for _, text in MODES),
        "  first paint ÷ the plain page, ready ÷ the floor, in the same mode (cold_sw: ÷ cold);",
        "  sent = what the local server sent (the build's .br or .gz copies, as the browser",
        "    accepts them; headers included; 0 from a cache);",
        "  brotli 11 = the same files as a good host would send them (bodies only)",
        "",
        "wizard, welcome to plan: click to next step drawn %s median, %s p95 (%s steps); "
        "JS heap after the run %s (%s before GC), array buffers %s"
        % (show("wizard.transition_ms", figures.get("wizard.transition_ms.median")),
           show("wizard.transition_ms", figures.get("wizard.transition_ms.p95")),
           "%d" % figures["wizard.steps"] if figures.get("wizard.steps") else "?",
           show("wizard.heap_used_bytes", figures.get("wizard.heap_used_bytes")),
           show("wizard.heap_used_before_gc_bytes",
                figures.get("wizard.heap_used_before_gc_bytes")),
           show("wizard.heap_backing_store_bytes",
                figures.get("wizard.heap_backing_store_bytes"))),
        "  by step: " + ", ".join("%s %s" % (step, show("x_ms", ms))
                                  for step, ms in by_step.items()),
    ]
    if any(figures.get("lighthouse.%s.performance" % p) is not None for p in pages):
        parts += ["", "Lighthouse 12.2.3, mobile (medians):",
                  lighthouse_table(figures, pages)]
    parts += ["", "where a cold load's requests go (medians; times from navigation start):",
              profile_table(profiles), "", budgets_table(evaluation), "",
              "the runtime alone (the floor pages) held to the same rules:",
              budgets_table(floor)]
    if notes:
        parts += [""] + ["note: " + note for note in notes]
    return "\n".join(parts)


def _load(values):
    return "/".join("%.2f" % v for v in values) if values else "?"
