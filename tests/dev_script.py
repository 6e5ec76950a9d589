"""dev.py as a module, for the tests' set-up (it is a script at the top of the checkout)."""

import importlib.util
from pathlib import Path

DEV = Path(__file__).resolve().parents[1] / "dev.py"


def load_dev():
    spec = importlib.util.spec_from_file_location("dev", DEV)
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    return dev
