"""Run the logic tests without pytest, under MicroPython (or CPython).

Imports each module named in ``MODULES``, calls every ``test_*`` function and
returns a plain dict, as upytest does::

    {"passed": [names], "failed": [{"name", "error"}], "runtime": "micropython"}

Used by tests/unit/test_micropython.py, which runs it in Chromium with the
vendored MicroPython and fails the suite on any failure or missing test.
"""

import sys

MODULES = ["test_answers", "test_compat", "test_link", "test_link_v2", "test_partner_reply",
           "test_passphrase", "test_plan", "test_qr", "test_script", "test_sharing", "test_text"]


def run(modules=MODULES):
    passed = []
    failed = []
    for module_name in modules:
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
