"""Refresh or verify the vendored PyScript and MicroPython runtime.

Doorway serves its Python runtime from its own origin, so the files live in
``site/vendor/`` and are committed. This module is the only thing that writes
them. It needs Python and network access to the npm registry, never Node:

    python -m doorway runtime              # verify files against the lock (offline)
    python -m doorway runtime --refresh    # download the locked versions again
    python -m doorway runtime --refresh --core 0.7.32 --micropython 1.28.0-7

Each tarball is checked against the registry's ``dist.integrity`` (SHA-512)
before anything is extracted, and every file kept is recorded with its SHA-256
in ``site/vendor/runtime.lock.json``. The build refuses to copy a vendored file
whose checksum does not match that lock.
"""

import base64
import hashlib
import io
import json
import os
import re
import tarfile
import urllib.request

from . import VENDOR

LOCK = VENDOR / "runtime.lock.json"
REGISTRY = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org").rstrip("/")

#: The plugin chunks @pyscript/core always imports at start-up, by name prefix.
#: Feature chunks (codemirror, xterm, toml, zip, pyodide_graph) are left out:
#: Doorway uses none of those features, and a browser test fails on any 404.
CORE_CHUNKS = ("core", "deprecations-manager", "donkey", "error", "py-editor", "py-game",
               "py-terminal")

PACKAGES = {
    "pyscript": "@pyscript/core",
    "micropython": "@micropython/micropython-webassembly-pyscript",
}


def _get(url):
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _check_integrity(data, integrity):
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise SystemExit(f"unsupported integrity algorithm {algorithm!r}")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise SystemExit("tarball integrity mismatch: refusing to extract it")


def _select_core(names):
    """Pick core.js, core.css and the start-up chunks out of ``dist/``."""
    pattern = re.compile(r"^package/dist/(%s)-[A-Za-z0-9_-]+\.js$" % "|".join(
        re.escape(p) for p in CORE_CHUNKS))
    keep = {"package/dist/core.js", "package/dist/core.css", "package/LICENSE"}
    keep.update(n for n in names if pattern.match(n))
    return keep


def _select_micropython(names):
    return {"package/micropython.mjs", "package/micropython.wasm"} & set(names)


def fetch(key, version):
    """Download one package, verify it and return {relative path: bytes}."""
    name = PACKAGES[key]
    meta = json.loads(_get(f"{REGISTRY}/{name.replace('/', '%2F')}/{version}"))
    tarball = _get(meta["dist"]["tarball"])
    _check_integrity(tarball, meta["dist"]["integrity"])
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        select = _select_core if key == "pyscript" else _select_micropython
        files = {}
        for member_name in sorted(select(members)):
            short = member_name.split("/")[-1]
            files[short] = tar.extractfile(members[member_name]).read()
    licence = files.get("LICENSE") or (VENDOR / key / "LICENSE").read_bytes()
    files["LICENSE"] = licence
    return meta, files


def refresh(core_version, micropython_version):
    lock = {"packages": []}
    for key, version in (("pyscript", core_version), ("micropython", micropython_version)):
        meta, files = fetch(key, version)
        folder = VENDOR / key
        for old in folder.glob("*"):
            if old.name not in files:
                old.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        for short, data in files.items():
            (folder / short).write_bytes(data)
        lock["packages"].append({
            "key": key,
            "name": PACKAGES[key],
            "version": version,
            "license": meta.get("license", ""),
            "tarball": meta["dist"]["tarball"],
            "integrity": meta["dist"]["integrity"],
            "files": {short: _sha256(data) for short, data in sorted(files.items())},
        })
        print(f"{PACKAGES[key]}@{version}: {len(files)} files")
    LOCK.write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")


def check(vendor=VENDOR):
    """Return a list of problems with the vendored files (empty when all is well)."""
    problems = []
    lock = json.loads((vendor / LOCK.name).read_text())
    for package in lock["packages"]:
        folder = vendor / package["key"]
        on_disk = {p.name for p in folder.iterdir()}
        for short, digest in package["files"].items():
            path = folder / short
            if not path.is_file():
                problems.append(f"{package['key']}/{short} is missing")
            elif _sha256(path.read_bytes()) != digest:
                problems.append(f"{package['key']}/{short} does not match its checksum")
        problems.extend(f"{package['key']}/{extra} is not in the lock"
                        for extra in sorted(on_disk - set(package["files"])))
    return problems


def locked_versions():
    """The versions in the lock file, as {"pyscript": ..., "micropython": ...}."""
    if not LOCK.exists():
        return {}
    return {p["key"]: p["version"] for p in json.loads(LOCK.read_text())["packages"]}
