"""Small, checked changes to the vendored runtime, made while copying it.

The files in ``site/vendor/`` stay exactly as published (their checksums are
locked); the build applies these patches to its copies. Each patch must match
exactly once, or the build stops and says which patch no longer fits, so a
runtime upgrade can never drop one silently.

- **No IndexedDB at start-up.** @pyscript/core opens an IndexedDB database
  (``IDBMap/@pyscript.fs``) as soon as it loads, for its optional
  local-folder feature. Doorway never uses that feature, and a database on
  disk is a trace of the visit, which Doorway promises not to leave. The patch
  opens it lazily: only if that feature is ever used.
"""

import re

from .errors import BuildError

#: (package, file-name pattern, regex, replacement, what it does)
PATCHES = [
    ("pyscript", re.compile(r"^core-[A-Za-z0-9_-]+\.js$"),
     re.compile(r'(\w+)="@pyscript\.fs",(\w+)="storage permissions not granted",'
                r"(\w+)=new (\w+)\(\1\)"),
     r'\1="@pyscript.fs",\2="storage permissions not granted",'
     r"\3=new Proxy({},{get(t,k){const d=t.d||(t.d=new \4(\1)),v=d[k];"
     r'return typeof v=="function"?v.bind(d):v}})',
     "open PyScript's file-system IndexedDB only when that feature is used"),
]


def apply(package, name, data):
    """``data`` with every patch for this file applied (bytes in, bytes out)."""
    for patch_package, file_pattern, pattern, replacement, purpose in PATCHES:
        if patch_package != package or not file_pattern.match(name):
            continue
        text = data.decode("utf-8")
        text, count = pattern.subn(replacement, text)
        if count != 1:
            raise BuildError("site/vendor/%s/%s: the patch to %s matched %d times, not once; "
                             "check doorway/builder/patches.py for this runtime version"
                             % (package, name, purpose, count))
        data = text.encode("utf-8")
    return data


def check_all_applied(package_files):
    """Every patch found its file: ``package_files`` maps package to file names."""
    for package, file_pattern, _, _, purpose in PATCHES:
        if not any(file_pattern.match(name) for name in package_files.get(package, ())):
            raise BuildError("site/vendor/%s: no file for the patch to %s" % (package, purpose))
