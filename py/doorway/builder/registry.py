"""Fetch a release from the npm registry and check it is what the registry published.

Used only by ``python -m doorway runtime --refresh``; each check refuses
rather than warns:

- **https only.** The registry address and every tarball address must start
  with ``https://``, so nobody on the network path can swap the bytes.
- **Integrity.** The tarball's SHA-512 must equal the release's
  ``dist.integrity`` before anything is extracted.
- **Registry signature.** Where the release carries ``dist.signatures``, one
  of them must verify with a public key from the registry's
  ``/-/npm/v1/keys``: ECDSA P-256 with SHA-256 over
  ``<name>@<version>:<integrity>``, by a key that had not expired when the
  version was published (the rule ``npm audit signatures`` applies). This
  uses the ``cryptography`` package, which the test environment (``.venv``
  made by ``python3 dev.py test``) installs. A registry that sends no
  signatures (some mirrors strip them) is reported as such, never as signed.

What this proves, and what it does not, is in the README ("Supply chain").
"""

import base64
import hashlib
import json
import os
import urllib.error
import urllib.request
from datetime import datetime

from .errors import VendorError

REGISTRY = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org").rstrip("/")
KEY_TYPE = "ecdsa-sha2-nistp256"


class NotFound(VendorError):
    """The registry answered 404."""


def get(url):
    """The body at ``url``, which must be https; raises :class:`VendorError` otherwise."""
    if not url.startswith("https://"):
        raise VendorError(f"refusing {url}: only https:// downloads are accepted")
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        kind = NotFound if error.code == 404 else VendorError
        raise kind(f"{url} answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise VendorError(f"could not reach {url} ({reason}): check the network, or set "
                          "NPM_CONFIG_REGISTRY to an https registry you can reach") from None


def release(name, version, registry=REGISTRY):
    """``name@version`` as the registry records it: ``dist``, ``published`` and ``license``."""
    document = json.loads(get(f"{registry}/{name.replace('/', '%2F')}"))
    if version not in document.get("versions", {}):
        raise VendorError(f"the registry has no {name}@{version}")
    record = document["versions"][version]
    dist = dict(record["dist"])
    dist["published"] = document.get("time", {}).get(version)
    dist["license"] = record.get("license", "")
    if not dist.get("integrity", "").startswith("sha512-"):
        raise VendorError(f"the registry gives {name}@{version} no sha512 integrity to check")
    return dist


def keys(registry=REGISTRY):
    """The registry's signing keys by key id, or None if it publishes none."""
    try:
        document = json.loads(get(f"{registry}/-/npm/v1/keys"))
    except NotFound:
        return None
    return {key["keyid"]: key for key in document.get("keys", [])}


def check_integrity(data, integrity):
    """Refuse ``data`` unless its SHA-512 is the ``sha512-…`` value ``integrity``."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise VendorError(f"unsupported integrity algorithm {algorithm!r}")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise VendorError("tarball integrity mismatch: the download is not the published "
                          "file, so it was not extracted")


def _when(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _verifies(key, message, signature):
    """True if ``signature`` (base64 DER) over ``message`` verifies with ``key``."""
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
    except ImportError:
        raise VendorError(
            "this release carries a registry signature, and checking it needs the "
            "`cryptography` package of the test environment: run `python3 dev.py test "
            "tests/unit/test_runtime.py` once, then `.venv/bin/python -m doorway runtime "
            "--refresh`") from None
    try:
        public = serialization.load_der_public_key(base64.b64decode(key["key"]))
    except ValueError:
        raise VendorError(f"registry key {key['keyid']} cannot be read") from None
    if not isinstance(public, ec.EllipticCurvePublicKey) or public.curve.name != "secp256r1":
        raise VendorError(f"registry key {key['keyid']} is not an ECDSA P-256 key")
    try:
        public.verify(base64.b64decode(signature), message, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True


def check_signature(name, version, dist, registry_keys):
    """Check ``dist.signatures``; return what was established, in words.

    Raises :class:`VendorError` for a signature that does not verify, one by
    an unknown or unsuitable key, or signatures with no keys to check them.
    """
    signatures = dist.get("signatures") or []
    if not signatures:
        return "no registry signature to check (the registry sent none)"
    if not registry_keys:
        raise VendorError(f"{name}@{version} is signed, but the registry publishes no keys "
                          "to check the signature with")
    message = f"{name}@{version}:{dist['integrity']}".encode()
    problems = []
    for signature in signatures:
        key = registry_keys.get(signature.get("keyid"))
        if key is None:
            problems.append(f"key {signature.get('keyid')} is not one of the registry's keys")
            continue
        if key.get("keytype") != KEY_TYPE or key.get("scheme") != KEY_TYPE:
            problems.append(f"key {key['keyid']} is of an unsupported type")
            continue
        if key.get("expires"):
            if not dist.get("published"):
                problems.append(f"key {key['keyid']} has expired and the publication date "
                                "is unknown")
                continue
            if _when(dist["published"]) >= _when(key["expires"]):
                problems.append(f"key {key['keyid']} expired on {key['expires']}, before "
                                "this version was published")
                continue
        if _verifies(key, message, signature.get("sig", "")):
            return f"registry signature verified with key {key['keyid']}"
        problems.append(f"the signature by key {key['keyid']} does not match")
    raise VendorError(f"{name}@{version}: the registry signature does not verify: "
                      + "; ".join(problems))
