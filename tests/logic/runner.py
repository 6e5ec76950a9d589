"""Run the logic tests without pytest, under MicroPython (or CPython).

Imports every ``test_*.py`` module beside this file, calls every ``test_*``
function and returns a plain dict, as upytest does::

    {"passed": [names], "failed": [{"name", "error"}], "runtime": "micropython"}

Used by tests/unit/test_micropython.py, which runs it in Chromium with the
vendored MicroPython and fails the suite on any failure or missing test.
"""

import os
import sys


def test_modules():
    """The names of the test modules in this file's folder, sorted."""
    here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
    return sorted(name[:-3] for name in os.listdir(here)
                  if name.startswith("test_") and name.endswith(".py"))


def run(modules=None):
    passed = []
    failed = []
    for module_name in modules or test_modules():
        module = __import__(module_name)
        for name in sorted(dir(module)):
            if not name.startswith("test_"):
                continue
            function = getattr(module, name)
            if not callable(function):
                continue
            full = "%s::%s" % (module_name, name)
            try:
                function()
            except Exception as error:  # noqa: BLE001 - every failure is reported
                failed.append({"name": full, "error": "%s: %s" % (type(error).__name__, error)})
            else:
                passed.append(full)
    return {"passed": passed, "failed": failed, "runtime": sys.implementation.name}


if __name__ == "__main__":
    result = run()
    for failure in result["failed"]:
        print("FAIL", failure["name"], failure["error"])
    print("%d passed, %d failed" % (len(result["passed"]), len(result["failed"])))
