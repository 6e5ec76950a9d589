"""The benchmark's own checks: its pure parts, and that the pages it builds work.

The benchmark lives in ``bench/`` at the top of the checkout, outside the
packages pytest puts on the path; Chromium is launched as the browser tests
launch it.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bench  # noqa: E402, F401 - also puts tests/browser (chromium.py) on the path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    from chromium import CHROMIUM_ARGS, chromium_path

    args = dict(browser_type_launch_args, args=CHROMIUM_ARGS)
    if chromium_path():
        args["executable_path"] = chromium_path()
    return args
