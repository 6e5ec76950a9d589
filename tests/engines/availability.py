"""Whether an engine may be skipped here, and dev.py's engine set-up (loaded from the file).

``DOORWAY_ENGINES=required`` (set by .ci/run) turns "this engine cannot run
here" from a skip into a failure, so CI can never pass without WebKit or Firefox.
"""

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def required():
    return os.environ.get("DOORWAY_ENGINES") == "required"


def load_dev():
    """dev.py as a module (it is a script at the top of the checkout, not a package)."""
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    return dev


def unavailable(problem):
    """Skip a test whose engine cannot run (``problem`` says why), or fail it in CI."""
    if required():
        pytest.fail("%s, and DOORWAY_ENGINES=required: every engine must run" % problem)
    pytest.skip(problem)
