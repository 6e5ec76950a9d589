"""The vendored runtime: locked by checksum, refreshed only from checked downloads,
patched only in the build's copy.

Refreshes run against a fake registry (``registry.get`` answered from memory);
the signature check also runs on answers recorded from the real npm registry
(``data/npm``), whose signatures verify with its published keys.
"""

import base64
import copy
import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest

from doorway.builder import VENDOR, patches, registry, runtime
from doorway.builder.errors import BuildError, VendorError

RECORDED = Path(__file__).parent / "data" / "npm"
HTTPS_ONLY_GET = registry.get


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


def integrity(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def test_the_integrity_check_refuses_a_tampered_tarball():
    data = b"tarball bytes"
    registry.check_integrity(data, integrity(data))
    with pytest.raises(VendorError, match="tarball integrity mismatch"):
        registry.check_integrity(data + b"!", integrity(data))
    with pytest.raises(VendorError, match="unsupported integrity algorithm 'sha1'"):
        registry.check_integrity(data, "sha1-abc")


def test_the_indexeddb_patch_must_match_exactly_once():
    source = b'x=1,eo="@pyscript.fs",to="storage permissions not granted",no=new y(eo),z=2'
    patched = patches.apply("pyscript", "core-abc123.js", source).decode()
    assert "no=new Proxy({},{get(t,k){const d=t.d||(t.d=new y(eo))" in patched
    assert patches.apply("pyscript", "core.js", source) == source, "other files untouched"
    with pytest.raises(BuildError, match="matched 0 times"):
        patches.apply("pyscript", "core-abc123.js", b"no such code")
    with pytest.raises(BuildError, match="no file for the patch"):
        patches.check_all_applied({"pyscript": ["core.js"]})


# --- The registry's signature, on recorded answers ---------------------------------------


@pytest.fixture
def npm_keys():
    return {key["keyid"]: key for key in json.loads((RECORDED / "keys.json").read_text())["keys"]}


def recorded(version):
    document = json.loads((RECORDED / "venv.json").read_text())
    dist = dict(document["versions"][version]["dist"])
    dist["published"] = document["time"][version]
    return dist


def test_a_recorded_registry_signature_verifies(npm_keys):
    for version in ("0.1.0", "0.2.0"):
        assert registry.check_signature("venv", version, recorded(version), npm_keys) == (
            "registry signature verified with key "
            "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA")


@pytest.mark.parametrize("change", ["integrity", "name", "version", "signature"])
def test_a_signature_over_anything_else_is_refused(npm_keys, change):
    dist, name, version = recorded("0.1.0"), "venv", "0.1.0"
    if change == "integrity":
        dist["integrity"] = recorded("0.2.0")["integrity"]
    elif change == "name":
        name = "venv2"
    elif change == "version":
        version = "0.2.0"
    else:
        dist["signatures"] = [dict(dist["signatures"][0],
                                   sig=recorded("0.2.0")["signatures"][0]["sig"])]
    with pytest.raises(VendorError, match=r"signature does not verify: the signature by key "
                                          r"SHA256:jl3b.* does not match"):
        registry.check_signature(name, version, dist, npm_keys)


def test_a_key_that_expired_before_publication_vouches_for_nothing(npm_keys):
    dist = recorded("0.1.0")
    dist["published"] = "2025-02-01T00:00:00.000Z"
    with pytest.raises(VendorError, match=r"expired on 2025-01-29T00:00:00\.000Z, before "
                                          r"this version was published"):
        registry.check_signature("venv", "0.1.0", dist, npm_keys)


def test_unknown_keys_and_missing_keys_are_refused(npm_keys):
    dist = recorded("0.1.0")
    newer_only = {k: v for k, v in npm_keys.items() if not v["expires"]}
    with pytest.raises(VendorError, match="is not one of the registry's keys"):
        registry.check_signature("venv", "0.1.0", dist, newer_only)
    with pytest.raises(VendorError, match="the registry publishes no keys"):
        registry.check_signature("venv", "0.1.0", dist, None)


def test_an_unsigned_release_is_reported_as_unsigned_never_as_signed(npm_keys):
    dist = recorded("0.1.0")
    del dist["signatures"]
    assert registry.check_signature("venv", "0.1.0", dist, npm_keys) == (
        "no registry signature to check (the registry sent none)")


def test_only_https_is_fetched():
    for url in ("http://registry.npmjs.org/x", "file:///etc/passwd", "ftp://x/y.tgz"):
        with pytest.raises(VendorError, match="only https:// downloads are accepted"):
            registry.get(url)


# --- A refresh against a fake registry -------------------------------------------------


def tarball(files):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo("package/" + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class FakeRegistry:
    """Answers ``registry.get`` from memory, signing with a key of its own."""

    def __init__(self, signed=True):
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        self.key = ec.generate_private_key(ec.SECP256R1())
        public = self.key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        self.signed = signed
        self.answers = {registry.REGISTRY + "/-/npm/v1/keys": json.dumps({"keys": [{
            "expires": None, "keyid": "SHA256:test", "keytype": "ecdsa-sha2-nistp256",
            "scheme": "ecdsa-sha2-nistp256", "key": base64.b64encode(public).decode()}]})}
        self.documents = {}

    def publish(self, name, version, files):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        data = tarball(files)
        url = "https://registry.example/%s-%s.tgz" % (name.replace("/", "-"), version)
        self.answers[url] = data
        dist = {"tarball": url, "integrity": integrity(data)}
        if self.signed:
            message = ("%s@%s:%s" % (name, version, dist["integrity"])).encode()
            dist["signatures"] = [{"keyid": "SHA256:test", "sig": base64.b64encode(
                self.key.sign(message, ec.ECDSA(hashes.SHA256()))).decode()}]
        self.documents[name] = {"name": name, "time": {version: "2026-01-01T00:00:00Z"},
                                "versions": {version: {"license": "MIT", "dist": dist}}}
        return dist

    def get(self, url):
        if not url.startswith("https://"):
            return HTTPS_ONLY_GET(url)  # the real refusal
        for name, document in self.documents.items():
            if url == "%s/%s" % (registry.REGISTRY, name.replace("/", "%2F")):
                return json.dumps(document).encode()
        if url not in self.answers:
            raise registry.NotFound(url)
        return self.answers[url]


CORE = {"dist/core.js": b"core", "dist/core.css": b"css", "dist/core-Ab1.js": b"chunk",
        "dist/codemirror-X1.js": b"left out", "LICENSE": b"Apache"}
MICROPYTHON = {"micropython.mjs": b"mjs", "micropython.wasm": b"wasm"}


@pytest.fixture
def fake(monkeypatch):
    fake = FakeRegistry()
    monkeypatch.setattr(registry, "get", fake.get)
    return fake


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def publish_both(fake, core="0.9.0", micropython="1.99.0-1"):
    fake.publish("@pyscript/core", core, CORE)
    fake.publish("@micropython/micropython-webassembly-pyscript", micropython, MICROPYTHON)


def test_a_refresh_installs_checked_files_and_their_lock(fake, vendor_copy):
    publish_both(fake)
    said = []
    runtime.refresh("0.9.0", "1.99.0-1", vendor=vendor_copy, say=said.append)
    assert runtime.check(vendor_copy) == []
    assert sorted(p.name for p in (vendor_copy / "pyscript").iterdir()) == [
        "LICENSE", "core-Ab1.js", "core.css", "core.js"]
    assert (vendor_copy / "micropython" / "LICENSE").read_bytes() == (
        VENDOR / "micropython" / "LICENSE").read_bytes(), "the package ships none: ours stays"
    lock = json.loads((vendor_copy / "runtime.lock.json").read_text())
    assert [(p["key"], p["version"]) for p in lock["packages"]] == [
        ("pyscript", "0.9.0"), ("micropython", "1.99.0-1")]
    assert said == [
        "@pyscript/core@0.9.0: 4 files; integrity checked; registry signature verified with "
        "key SHA256:test",
        "@micropython/micropython-webassembly-pyscript@1.99.0-1: 3 files; integrity checked; "
        "registry signature verified with key SHA256:test"]
    assert not list(vendor_copy.parent.glob(".runtime-*")), "no staging folder is left"


def refused(vendor_copy, match, core="0.9.0", micropython="1.99.0-1"):
    before = files_of(vendor_copy)
    with pytest.raises(VendorError, match=match):
        runtime.refresh(core, micropython, vendor=vendor_copy, say=lambda _: None)
    assert files_of(vendor_copy) == before, "site/vendor is left exactly as it was"
    assert not list(vendor_copy.parent.glob(".runtime-*"))


def test_a_locked_version_whose_integrity_changed_is_refused(fake, vendor_copy):
    locked = runtime.locked_versions()
    publish_both(fake, core=locked["pyscript"], micropython=locked["micropython"])
    refused(vendor_copy, "a published version never changes", locked["pyscript"],
            locked["micropython"])


def test_a_tarball_that_is_not_the_published_one_is_refused(fake, vendor_copy):
    publish_both(fake)
    dist = fake.documents["@micropython/micropython-webassembly-pyscript"]["versions"][
        "1.99.0-1"]["dist"]
    fake.answers[dist["tarball"]] += b"!"
    refused(vendor_copy, "tarball integrity mismatch")


def test_a_bad_signature_is_refused(fake, vendor_copy):
    publish_both(fake)
    document = fake.documents["@pyscript/core"]
    other = copy.deepcopy(fake.documents["@micropython/micropython-webassembly-pyscript"])
    document["versions"]["0.9.0"]["dist"]["signatures"] = other["versions"]["1.99.0-1"][
        "dist"]["signatures"]
    refused(vendor_copy, "signature by key SHA256:test does not match")


def test_a_plain_http_tarball_is_refused(fake, vendor_copy):
    publish_both(fake)
    dist = fake.documents["@pyscript/core"]["versions"]["0.9.0"]["dist"]
    dist["tarball"] = dist["tarball"].replace("https://", "http://")
    refused(vendor_copy, "only https:// downloads are accepted")


def test_a_failure_while_swapping_puts_the_old_runtime_back(fake, vendor_copy, monkeypatch):
    publish_both(fake)

    def fail(*args):
        raise OSError("disk full")
    monkeypatch.setattr(runtime.os, "replace", fail)
    before = files_of(vendor_copy)
    with pytest.raises(OSError, match="disk full"):
        runtime.refresh("0.9.0", "1.99.0-1", vendor=vendor_copy, say=lambda _: None)
    assert files_of(vendor_copy) == before
    assert runtime.check(vendor_copy) == []
