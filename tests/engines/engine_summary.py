"""The lines the engine smoke tests add to a run's summary ("Tested in" …).

Printed by tests/engines/conftest.py in a run without workers, and by
tests/conftest.py from what each pytest-xdist worker handed back.
"""

ENGINES = ["chromium", "webkit", "firefox"]


def summary_lines(report):
    """``report``: {"versions": {engine: str}, "seconds": {engine: float},
    "restores": [(engine, how, path, restored, navigation)]}."""
    if not report["versions"]:
        return []
    lines = ["Tested in: %s" % ", ".join(report["versions"][name] for name in ENGINES
                                         if name in report["versions"]),
             "Engine smoke tests took (setup, run and teardown): %s" % ", ".join(
                 "%s %.0f s" % (name, seconds) for name, seconds in report["seconds"].items())]
    for name, how, path, restored, navigation in report["restores"]:
        lines.append("Back after Quick exit (%s) in %s: %s %s (navigation type %s)" % (
            how, name, path, "restored from the back/forward cache" if restored
            else "loaded again", navigation))
    return lines
