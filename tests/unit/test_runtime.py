"""The vendored runtime: locked by checksum, patched only in the build's copy."""

import json
import shutil

import pytest

from doorway.builder import VENDOR, patches, runtime
from doorway.builder.schema import BuildError


def test_the_vendored_files_match_the_lock():
    assert runtime.check() == []


def test_the_lock_pins_both_packages_with_licences():
    lock = json.loads((VENDOR / "runtime.lock.json").read_text())
    packages = {p["key"]: p for p in lock["packages"]}
    assert set(packages) == {"pyscript", "micropython"}
    for package in packages.values():
        assert "LICENSE" in package["files"]
        assert package["integrity"].startswith("sha512-")
        assert package["tarball"].startswith("https://registry.npmjs.org/")
        assert all(len(digest) == 64 for digest in package["files"].values())
    assert {"micropython.mjs", "micropython.wasm"} <= set(packages["micropython"]["files"])
    assert {"core.js", "core.css"} <= set(packages["pyscript"]["files"])


@pytest.fixture
def vendor_copy(tmp_path):
    copy = tmp_path / "vendor"
    shutil.copytree(VENDOR, copy)
    return copy


def test_a_changed_file_is_caught(vendor_copy):
    (vendor_copy / "pyscript" / "core.js").write_text("// changed\n")
    assert runtime.check(vendor_copy) == ["pyscript/core.js does not match its checksum"]


def test_a_missing_or_extra_file_is_caught(vendor_copy):
    (vendor_copy / "micropython" / "micropython.wasm").unlink()
    (vendor_copy / "micropython" / "extra.js").write_text("")
    assert runtime.check(vendor_copy) == ["micropython/micropython.wasm is missing",
                                          "micropython/extra.js is not in the lock"]


def test_the_integrity_check_refuses_a_tampered_tarball():
    import base64
    import hashlib
    data = b"tarball bytes"
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    runtime._check_integrity(data, good)
    with pytest.raises(SystemExit, match="integrity mismatch"):
        runtime._check_integrity(data + b"!", good)


def test_the_indexeddb_patch_must_match_exactly_once():
    source = b'x=1,eo="@pyscript.fs",to="storage permissions not granted",no=new y(eo),z=2'
    patched = patches.apply("pyscript", "core-abc123.js", source).decode()
    assert "no=new Proxy({},{get(t,k){const d=t.d||(t.d=new y(eo))" in patched
    assert patches.apply("pyscript", "core.js", source) == source, "other files untouched"
    with pytest.raises(BuildError, match="matched 0 times"):
        patches.apply("pyscript", "core-abc123.js", b"no such code")
    with pytest.raises(BuildError, match="no file for the patch"):
        patches.check_all_applied({"pyscript": ["core.js"]})
