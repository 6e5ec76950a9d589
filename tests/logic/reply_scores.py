"""Precision and recall of the reply checker on a table of labelled replies.

Used by tests/logic/test_reply_check.py (under CPython and MicroPython),
tests/content/test_reply_checker_rules.py (the real rules) and as a script for
the report on the real checker and the held-out table, which it was never tuned on::

    .venv/bin/python tests/logic/reply_scores.py            # held-out table
    .venv/bin/python tests/logic/reply_scores.py tuning     # tuning table

Precision for a kind: of the replies where the checker found it, the share a
reader also found. Recall: of the replies a reader found it in, the share the
checker found. "Overall" adds up every kind's counts (micro-average).
"""

from doorway.guide.reply_check import KINDS, checker


def _ratio(part, whole):
    return part / whole if whole else None


def scores(checker, rows):
    """``{"kinds": [...], "overall": {...}, "rows", "exact", "wrong"}`` for ``rows``.

    Each entry of ``kinds`` and ``overall`` holds ``found_right`` (true
    positives), ``found_wrong`` (false positives), ``missed`` (false
    negatives), ``precision`` and ``recall`` (None when undefined).
    ``wrong`` lists ``(text, expected, got)`` for every row not matched exactly.
    """
    counts = {}
    for kind in KINDS:
        counts[kind] = [0, 0, 0]
    wrong = []
    for text, expected in rows:
        got = checker.check(text)["findings"]
        if got != sorted(expected):
            wrong.append((text, sorted(expected), got))
        for kind in KINDS:
            if kind in got and kind in expected:
                counts[kind][0] += 1
            elif kind in got:
                counts[kind][1] += 1
            elif kind in expected:
                counts[kind][2] += 1
    kinds = []
    total = [0, 0, 0]
    for kind in KINDS:
        right, extra, missed = counts[kind]
        total = [total[0] + right, total[1] + extra, total[2] + missed]
        kinds.append({"kind": kind, "found_right": right, "found_wrong": extra, "missed": missed,
                      "precision": _ratio(right, right + extra),
                      "recall": _ratio(right, right + missed)})
    overall = {"kind": "overall", "found_right": total[0], "found_wrong": total[1],
               "missed": total[2], "precision": _ratio(total[0], total[0] + total[1]),
               "recall": _ratio(total[0], total[0] + total[2])}
    return {"kinds": kinds, "overall": overall, "rows": len(rows),
            "exact": len(rows) - len(wrong), "wrong": wrong}


def _percent(value):
    return "   -" if value is None else "%3d%%" % round(value * 100)


def report(result):
    """The scores as a plain-text table, then the rows the checker got wrong."""
    lines = ["%-14s %9s %6s %6s %9s %6s" % ("kind", "precision", "recall", "right", "wrong",
                                            "missed")]
    for entry in result["kinds"] + [result["overall"]]:
        lines.append("%-14s %9s %6s %6d %9d %6d" % (
            entry["kind"], _percent(entry["precision"]), _percent(entry["recall"]),
            entry["found_right"], entry["found_wrong"], entry["missed"]))
    lines.append("%d of %d replies matched exactly" % (result["exact"], result["rows"]))
    for text, expected, got in result["wrong"]:
        shown = text if len(text) <= 70 else text[:67] + "..."
        lines.append("  %r: expected %s, found %s" % (shown, expected, got))
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    import replies_heldout
    import replies_tuning

    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.guide.catalogue import Catalogue

    table = replies_tuning if sys.argv[1:] == ["tuning"] else replies_heldout
    # The report is on the real checker (site/content), not the tests' fixture.
    print(report(scores(checker(Catalogue(load(CONTENT))), table.ROWS)))
