"""Doorway's start-up benchmark (``python3 dev.py bench``); see :mod:`bench.startup`.

It drives Chromium with the browser tests' own flags and walks the wizard with
their own steps (``tests/browser/chromium.py`` and ``flows.py``), so the
benchmark clicks through the same pages the tests check.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = str(ROOT / "tests" / "browser")
if TESTS not in sys.path:
    sys.path.append(TESTS)
