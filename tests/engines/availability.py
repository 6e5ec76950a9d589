"""Whether an engine that cannot run here is skipped or fails the run.

``DOORWAY_ENGINES=required`` (set by .ci/run) turns "this engine cannot run
here" from a skip into a failure, so CI can never pass without WebKit or Firefox.
"""

import os

import pytest


def required():
    return os.environ.get("DOORWAY_ENGINES") == "required"


def unavailable(problem):
    """Skip a test whose engine cannot run (``problem`` says why), or fail it in CI."""
    if required():
        pytest.fail("%s, and DOORWAY_ENGINES=required: every engine must run" % problem)
    pytest.skip(problem)
