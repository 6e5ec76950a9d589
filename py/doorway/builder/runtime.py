"""Refresh or verify the vendored PyScript and MicroPython runtime.

Doorway serves its Python runtime from its own origin, so the files live in
``site/vendor/`` and are committed. This module is the only thing that writes
them. It needs Python and network access to the npm registry, never Node:

    python -m doorway runtime              # verify files against the lock (offline)
    python -m doorway runtime --refresh    # download the locked versions again
    python -m doorway runtime --refresh --core 0.7.32 --micropython 1.28.0-7

Every download is checked by :mod:`.registry` (https only, the tarball's
SHA-512 against the release's integrity, the registry's signature where it
sends one) before anything is extracted. A version already in the lock must
come back with the integrity the lock recorded: a published version never
changes, so a difference means something is wrong. Every file kept is
recorded with its SHA-256 in ``site/vendor/runtime.lock.json``, and the build
refuses to copy a vendored file whose checksum does not match that lock.

A refresh is all or nothing: both packages are downloaded, checked, written
to a staging folder and verified against their new lock there; only then do
the folders replace the old ones, and the lock comes last. Anything that fails
leaves ``site/vendor/`` as it was.
"""

import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import tempfile
from pathlib import Path

from . import VENDOR, registry
from .errors import VendorError

LOCK = VENDOR / "runtime.lock.json"

#: The plugin chunks @pyscript/core always imports at start-up, by name prefix.
#: Feature chunks (codemirror, xterm, toml, zip, pyodide_graph) are left out:
#: Doorway uses none of those features, and a browser test fails on any 404.
CORE_CHUNKS = ("core", "deprecations-manager", "donkey", "error", "py-editor", "py-game",
               "py-terminal")

PACKAGES = {
    "pyscript": "@pyscript/core",
    "micropython": "@micropython/micropython-webassembly-pyscript",
}


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _select_core(names):
    """Pick core.js, core.css and the start-up chunks out of ``dist/``."""
    pattern = re.compile(r"^package/dist/(%s)-[A-Za-z0-9_-]+\.js$" % "|".join(
        re.escape(p) for p in CORE_CHUNKS))
    keep = {"package/dist/core.js", "package/dist/core.css", "package/LICENSE"}
    keep.update(n for n in names if pattern.match(n))
    return keep


def _select_micropython(names):
    return {"package/micropython.mjs", "package/micropython.wasm"} & set(names)


def _read_lock(vendor):
    path = vendor / LOCK.name
    return json.loads(path.read_text()) if path.exists() else {"packages": []}


def fetch(key, version, locked=None, registry_keys=None, vendor=VENDOR):
    """Download one package and check it; returns ``(lock entry, {name: bytes}, verdict)``.

    ``locked`` is the package's entry in the current lock, if any; the
    verdict says in words what the registry's signature established.
    """
    name = PACKAGES[key]
    dist = registry.release(name, version)
    if locked and locked["version"] == version and locked["integrity"] != dist["integrity"]:
        raise VendorError(
            f"the registry now gives {name}@{version} the integrity {dist['integrity']}, but "
            f"the lock recorded {locked['integrity']}: a published version never changes, so "
            "this download is refused")
    verdict = registry.check_signature(name, version, dist, registry_keys)
    tarball = registry.get(dist["tarball"])
    registry.check_integrity(tarball, dist["integrity"])
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        select = _select_core if key == "pyscript" else _select_micropython
        files = {}
        for member_name in sorted(select(members)):
            files[member_name.split("/")[-1]] = tar.extractfile(members[member_name]).read()
    if "LICENSE" not in files:  # the MicroPython package ships none: keep ours
        files["LICENSE"] = (vendor / key / "LICENSE").read_bytes()
    entry = {
        "key": key,
        "name": name,
        "version": version,
        "license": dist["license"],
        "tarball": dist["tarball"],
        "integrity": dist["integrity"],
        "files": {short: _sha256(data) for short, data in sorted(files.items())},
    }
    return entry, files, verdict


def _install(vendor, packages):
    """Stage, verify, then swap in ``[(lock entry, files)]`` and their lock, all or nothing."""
    staged = Path(tempfile.mkdtemp(prefix=".runtime-", dir=vendor.parent))
    swapped = []
    try:
        for entry, files in packages:
            (staged / entry["key"]).mkdir()
            for short, data in files.items():
                (staged / entry["key"] / short).write_bytes(data)
        lock = {"packages": [entry for entry, _ in packages]}
        (staged / LOCK.name).write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")
        problems = check(staged)
        if problems:
            raise VendorError("the staged runtime does not match its own lock: "
                              + "; ".join(problems))
        vendor.mkdir(parents=True, exist_ok=True)
        for entry, _ in packages:
            target = vendor / entry["key"]
            backup = staged / (entry["key"] + ".old")
            if target.exists():
                target.rename(backup)
            swapped.append((target, backup))
            (staged / entry["key"]).rename(target)
        os.replace(staged / LOCK.name, vendor / LOCK.name)  # last: the lock names what is there
    except BaseException:
        for target, backup in reversed(swapped):
            if backup.exists():
                shutil.rmtree(target, ignore_errors=True)
                backup.rename(target)
        raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def refresh(core_version, micropython_version, vendor=VENDOR, say=print):
    """Download, check and install both packages at these versions (see the module doc)."""
    locked = {p["key"]: p for p in _read_lock(vendor)["packages"]}
    registry_keys = registry.keys()
    packages = []
    for key, version in (("pyscript", core_version), ("micropython", micropython_version)):
        entry, files, verdict = fetch(key, version, locked.get(key), registry_keys, vendor)
        packages.append((entry, files))
        say(f"{PACKAGES[key]}@{version}: {len(files)} files; integrity checked; {verdict}")
    _install(vendor, packages)


def check(vendor=VENDOR):
    """Return a list of problems with the vendored files (empty when all is well)."""
    problems = []
    lock = json.loads((vendor / LOCK.name).read_text())
    for package in lock["packages"]:
        folder = vendor / package["key"]
        on_disk = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
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
    return {p["key"]: p["version"] for p in _read_lock(VENDOR)["packages"]}
