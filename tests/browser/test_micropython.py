"""The pure-logic tests again, under the MicroPython the site ships, in Chromium.

tests/logic/*.py are plain test functions. Here they run in the browser with
the vendored micropython.mjs/.wasm (tests/micropython/ is the harness page),
and every test that pytest collects under CPython must also have passed under
MicroPython: a test that fails, or that the MicroPython run never reached,
fails here by name. They read the fixture content (tests/fixtures/content), as
under CPython: its ``catalogue.json`` is compiled here the way the build does.
"""

import ast
import json
import shutil
from pathlib import Path

import pytest
from harness import run_harness

from doorway.builder import PACKAGE
from doorway.builder.assets import catalogue_file
from doorway.builder.content import load
from fixtures import CONTENT as FIXTURE_CONTENT

TESTS = Path(__file__).resolve().parent.parent
LOGIC = TESTS / "logic"



def logic_test_names():
    """Every ``module::test_*`` function pytest collects from tests/logic."""
    names = []
    for path in sorted(LOGIC.glob("test_*.py")):
        tree = ast.parse(path.read_text())
        names.extend("%s::%s" % (path.stem, node.name) for node in tree.body
                     if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"))
    return names


@pytest.fixture(scope="module")
def micropython_result(browser, site, tmp_path_factory):
    """Serve the harness with the shipped runtime and the tests; run it once."""
    root = tmp_path_factory.mktemp("micropython-harness")
    shutil.copytree(TESTS / "micropython", root, dirs_exist_ok=True)
    runtime = next((site / "runtime").glob("micropython-*"))
    shutil.copytree(runtime, root / "micropython")
    files = []
    for source, target in [(PACKAGE / "__init__.py", "/lib/doorway/__init__.py")] + [
            (path, "/lib/doorway/" + path.relative_to(PACKAGE).as_posix())
            for path in (PACKAGE / "guide").rglob("*.py")
    ] + [(path, "/lib/" + path.name) for path in LOGIC.glob("*.py")]:
        relative = "files/" + target.lstrip("/")
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / relative)
        files.append([relative, target])
    (root / "catalogue.json").write_bytes(
        catalogue_file(load(FIXTURE_CONTENT))["content/catalogue.json"])
    files.append(["catalogue.json", "/catalogue.json"])
    shutil.copy(site / "words" / "eff-long.txt", root / "eff-long.txt")
    files.append(["eff-long.txt", "/eff-long.txt"])
    (root / "files.json").write_text(json.dumps(files))
    return run_harness(browser, root, "", 240000)


def test_the_harness_ran_under_micropython(micropython_result):
    assert "error" not in micropython_result, micropython_result.get("error")
    assert micropython_result["runtime"] == "micropython"
    assert len(micropython_result["passed"]) + len(micropython_result["failed"]) \
        == len(logic_test_names())


@pytest.mark.parametrize("name", logic_test_names())
def test_passes_under_micropython(micropython_result, name):
    failures = {f["name"]: f["error"] for f in micropython_result.get("failed", [])}
    assert name not in failures, "MicroPython disagrees with CPython: " + failures.get(name, "")
    assert name in micropython_result.get("passed", []), "never ran under MicroPython: " + name
