"""The passphrase word list: vendored once, checked by every build, shipped on its own.

The EFF long word list (CC BY 3.0 US) came from the ``xkcdpass`` wheel on PyPI
(``xkcdpass/static/eff-long``) and lives in ``site/vendor/wordlist/`` with its
licence and ``lock.json``: where it came from, and the SHA-256 of each file.
Nothing is downloaded at build time. To vendor it again (for example from a
newer wheel, fetched with ``pip download xkcdpass --no-deps``)::

    python -m doorway.builder.wordlist path/to/xkcdpass-<version>-py3-none-any.whl

The build ships the list as :data:`ASSET`, a file of its own that only the
share step loads, when it is shown: it is not in the content sections and no
page loads it at start-up.
"""

import hashlib
import json
import sys
import zipfile
from pathlib import Path

from doorway.guide.passphrase import words_from_text

from .schema import BuildError

FOLDER = "wordlist"
WORDS = "eff-long"
LICENCE = "LICENSE"
LOCK = "lock.json"
#: Where the build puts the list, relative to the site root, and its licence
#: notice beside it (CC BY asks for the licence with every copy).
ASSET = "words/eff-long.txt"
ASSET_LICENCE = "words/eff-long-LICENSE.txt"
#: Path of the list inside the xkcdpass wheel.
IN_WHEEL = "xkcdpass/static/eff-long"
SIZE = 7776


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def check(vendor):
    """Problems with the vendored list (an empty list when all is well)."""
    folder = vendor / FOLDER
    try:
        lock = json.loads((folder / LOCK).read_text())
    except (OSError, ValueError) as error:
        return ["%s/%s cannot be read (%s)" % (FOLDER, LOCK, error)]
    problems = []
    for name, digest in sorted(lock["files"].items()):
        path = folder / name
        if not path.is_file():
            problems.append("%s/%s is missing" % (FOLDER, name))
        elif _sha256(path.read_bytes()) != digest:
            problems.append("%s/%s does not match its checksum in %s" % (FOLDER, name, LOCK))
    extra = sorted(p.name for p in folder.iterdir() if p.name not in lock["files"]
                   and p.name != LOCK)
    problems.extend("%s/%s is not in %s" % (FOLDER, name, LOCK) for name in extra)
    return problems


def files(vendor):
    """The list and its licence notice, checked against the lock; the list read as a word list."""
    problems = check(vendor)
    if problems:
        raise BuildError("site/vendor: " + "; ".join(problems))
    data = (vendor / FOLDER / WORDS).read_bytes()
    try:
        words_from_text(data.decode("ascii"), SIZE)
    except (UnicodeDecodeError, ValueError) as error:
        raise BuildError("site/vendor/%s/%s: %s" % (FOLDER, WORDS, error)) from None
    return {ASSET: data, ASSET_LICENCE: (vendor / FOLDER / LICENCE).read_bytes()}


def vendor_from_wheel(wheel, vendor):
    """Copy the list out of an xkcdpass ``wheel`` into ``vendor`` and write the lock.

    The licence file is Doorway's own notice and stays as it is; the lock
    records its checksum beside the list's.
    """
    wheel = Path(wheel)
    raw = wheel.read_bytes()
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read(IN_WHEEL)
    words_from_text(data.decode("ascii"), SIZE)
    folder = vendor / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / WORDS).write_bytes(data)
    lock = {
        "source": {"package": "xkcdpass", "wheel": wheel.name, "wheel_sha256": _sha256(raw),
                   "path": IN_WHEEL},
        "licence": "CC-BY-3.0-US",
        "words": SIZE,
        "files": {WORDS: _sha256(data), LICENCE: _sha256((folder / LICENCE).read_bytes())},
    }
    (folder / LOCK).write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    from . import VENDOR

    vendor_from_wheel(sys.argv[1], VENDOR)
    print("vendored %s from %s" % (WORDS, sys.argv[1]))
