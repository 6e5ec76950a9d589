"""dev.py explains every failure in one sentence instead of a traceback.

The package manager, pip and Playwright are replaced by fakes where waiting
for them would take minutes; the rest runs for real. The README lists each
sentence; these tests keep them true.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest

from doorway.builder import ROOT


@pytest.fixture
def dev():
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def finished(code=0, out="", err=""):
    return SimpleNamespace(returncode=code, stdout=out, stderr=err)


LOCKED = ("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 "
          "(unattended-upgr)\nE: Unable to acquire the dpkg frontend lock "
          "(/var/lib/dpkg/lock-frontend), is another process using it?\n")


class FakeApt:
    """``subprocess.run`` for apt-get: answers from a script, one per call; records calls.

    An answer may be a function, called to give the answer (and do what the
    real command would have done).
    """

    def __init__(self, dev, monkeypatch, *answers):
        self.answers = list(answers)
        self.calls = []
        self.clock = 0.0
        self.said = []
        monkeypatch.setattr(dev.subprocess, "run", self.run)
        monkeypatch.setattr(dev.time, "sleep", self.sleep)
        monkeypatch.setattr(dev.time, "monotonic", lambda: self.clock)
        monkeypatch.setattr(dev, "say", self.said.append)

    def run(self, command, **kwargs):
        self.calls.append(command)
        answer = self.answers.pop(0)
        return answer() if callable(answer) else answer

    def sleep(self, seconds):
        self.clock += seconds


def test_a_held_package_lock_is_waited_for_with_a_message(dev, monkeypatch):
    apt = FakeApt(dev, monkeypatch, finished(100, err=LOCKED), finished(100, err=LOCKED),
                  finished(0, out="done"))
    assert dev.apt_get("install", "-y", "chromium", wait=60).stdout == "done"
    assert len(apt.calls) == 3 and apt.clock == 2 * dev.APT_POLL
    assert apt.said == ["waiting for process 4242 (unattended-upgr) to finish with the package "
                        "manager (up to 60 seconds)"]


def test_a_lock_held_past_the_time_limit_says_what_to_do(dev, monkeypatch):
    FakeApt(dev, monkeypatch, *[finished(100, err=LOCKED)] * 20)
    with pytest.raises(dev.Problem) as caught:
        dev.apt_get("install", "-y", "chromium", wait=30)
    assert str(caught.value) == (
        "the package manager is still in use by process 4242 (unattended-upgr) after 30 "
        "seconds: let that install finish (or stop it), then run this again")


def test_the_time_limit_setting_is_checked(dev, monkeypatch):
    monkeypatch.setenv("DOORWAY_APT_WAIT", "5m")
    with pytest.raises(dev.Problem, match="DOORWAY_APT_WAIT must be a whole number of seconds, "
                                          "not '5m'"):
        dev.apt_get("install", "chromium")
    monkeypatch.setenv("DOORWAY_APT_WAIT", "42")
    assert dev.apt_wait() == 42


def test_other_apt_failures_are_returned_not_waited_for(dev, monkeypatch):
    apt = FakeApt(dev, monkeypatch, finished(100, err="E: Unable to locate package chromium"))
    assert dev.apt_get("install", "chromium", wait=30).returncode == 100
    assert apt.clock == 0


@pytest.fixture
def as_root_without_chromium(dev, monkeypatch, tmp_path):
    monkeypatch.setattr(dev.os, "geteuid", lambda: 0)
    monkeypatch.setattr(dev.shutil, "which", lambda name: "/usr/bin/apt-get"
                        if name == "apt-get" else None)
    monkeypatch.setattr(dev, "APT_CHROMIUM", tmp_path / "chromium")
    return tmp_path / "chromium"


def test_an_unknown_package_updates_the_lists_once_then_installs(
        dev, monkeypatch, as_root_without_chromium):
    def install():
        as_root_without_chromium.write_text("")
        return finished(0)
    apt = FakeApt(dev, monkeypatch, finished(100, err="E: Unable to locate package chromium"),
                  finished(0), install)
    assert dev.install_chromium("python") == str(as_root_without_chromium)
    assert [call[:2] for call in apt.calls] == [["apt-get", "install"], ["apt-get", "update"],
                                               ["apt-get", "install"]]
    assert "apt-get's package lists are missing or old: updating them once" in apt.said


def test_when_apt_cannot_help_playwright_is_tried_then_one_sentence(
        dev, monkeypatch, as_root_without_chromium):
    apt = FakeApt(dev, monkeypatch, finished(100, err="E: Unable to locate package chromium"),
                  finished(0), finished(100, err="E: Unable to locate package chromium"),
                  finished(1))
    with pytest.raises(dev.Problem) as caught:
        dev.install_chromium("python")
    assert apt.calls[-1] == ["python", "-m", "playwright", "install", "chromium"]
    assert str(caught.value) == dev.NO_BROWSER
    assert "apt-get could not install Chromium (E: Unable to locate package chromium)" in apt.said


def test_a_wrong_chromium_setting_is_named(dev, monkeypatch, tmp_path):
    monkeypatch.setenv("DOORWAY_CHROMIUM", str(tmp_path / "nothing"))
    with pytest.raises(dev.Problem, match=r"DOORWAY_CHROMIUM points to .*nothing, which is "
                                          r"not a file"):
        dev.find_chromium("python")


def run_dev(folder, *args, python=sys.executable, prelude="", env=None):
    """Run ``folder/dev.py args`` in a fresh interpreter; ``(exit code, output)``."""
    code = (prelude + "import runpy, sys; sys.argv = ['dev.py'] + %r; "
            "runpy.run_path('dev.py', run_name='__main__')" % list(args))
    result = subprocess.run([python, "-I", "-c", code], cwd=folder, capture_output=True,
                            text=True, env=env)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def checkout(tmp_path):
    """A bare copy of what dev.py needs: itself and the lock files."""
    shutil.copy(ROOT / "dev.py", tmp_path)
    shutil.copytree(ROOT / "requirements", tmp_path / "requirements")
    return tmp_path


def test_a_python_without_venv_support_gets_the_package_to_install(checkout):
    code, output = run_dev(checkout, "serve", prelude="import sys; sys.modules['ensurepip'] = "
                                                      "None; ")
    assert code == 1
    assert output == (
        "dev.py: this Python cannot create a virtual environment because its venv module has "
        "no pip: install it (on Debian or Ubuntu: `sudo apt-get install python3-venv`, or "
        "python%d.%d-venv), then run this again\n" % sys.version_info[:2])
    assert not (checkout / ".venv").exists()


def test_no_network_to_the_package_index_is_one_sentence(dev, monkeypatch, tmp_path, capfd):
    lock = tmp_path / "lock.txt"
    lock.write_text("doorway-no-such-package==1.0 --hash=sha256:%s\n" % ("0" * 64))
    monkeypatch.setattr(dev, "PYTHON", sys.executable)
    for name in list(os.environ):
        if name.startswith("PIP_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_RETRIES", "0")
    monkeypatch.setenv("PIP_INDEX_URL", "https://127.0.0.1:9/simple/")
    with pytest.raises(dev.Problem) as caught:
        dev.install(lock)
    assert str(caught.value) == (
        "could not reach the Python package index (https://127.0.0.1:9/simple/) to install "
        "the dependencies: connect to the network (pip follows HTTPS_PROXY and PIP_INDEX_URL), "
        "then run this again")
    assert "Traceback" not in capfd.readouterr().err

    monkeypatch.setenv("PIP_INDEX_URL", (tmp_path / "empty-index").as_uri())
    with pytest.raises(dev.Problem, match="pip could not install the locked dependencies"):
        dev.install(lock)


def test_a_lint_failure_is_a_sentence_not_a_traceback(dev, monkeypatch):
    monkeypatch.setattr(dev, "ensure_environment", lambda which: None)
    monkeypatch.setattr(dev.subprocess, "run", lambda command, **kwargs: finished(1))
    said = []
    monkeypatch.setattr(dev, "say", said.append)
    assert dev.main(["test"]) == 1
    assert said[-1] == ("lint failed (ruff's findings are above): fix them, many with "
                        "`.venv/bin/ruff check --fix .`, then run this again")


def test_an_unknown_command_prints_the_usage(dev, capsys):
    assert dev.main(["frobnicate"]) == 2
    assert "python3 dev.py test" in capsys.readouterr().out



@pytest.mark.parametrize(("args", "env", "expected"), [
    ([], "2", ["--numprocesses", "2", "--dist", "loadgroup"]),
    (["-k", "share"], "4", ["--numprocesses", "4", "--dist", "loadgroup"]),
    ([], "1", []),
    (["-n", "0"], "2", []),
    (["--numprocesses=3"], "2", []),
    (["-p", "no:xdist"], "2", []),
    (["--pdb"], "2", []),
    (["-s", "tests/logic"], "2", []),
])
def test_the_tests_run_in_one_worker_per_core_unless_asked_otherwise(dev, monkeypatch, args,
                                                                      env, expected):
    monkeypatch.setenv("DOORWAY_TEST_WORKERS", env)
    assert dev.workers(args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    ([], ["--durations=15"]),
    (["-k", "share"], ["--durations=15"]),
    (["--durations=0"], []),
    (["--durations", "3"], []),
])
def test_a_run_ends_with_its_slowest_tests_unless_asked_otherwise(dev, args, expected):
    assert dev.slowest(args) == expected


def test_a_worker_count_that_is_not_a_number_is_explained(dev, monkeypatch):
    monkeypatch.setenv("DOORWAY_TEST_WORKERS", "two")
    with pytest.raises(dev.Problem, match="DOORWAY_TEST_WORKERS must be a whole number"):
        dev.workers([])


def test_the_tests_keep_compiled_python_inside_the_venv(dev, monkeypatch):
    env = dev.bytecode_cache({"PYTHONDONTWRITEBYTECODE": "1", "HOME": "/home/x"})
    assert env == {"HOME": "/home/x", "PYTHONPYCACHEPREFIX": str(dev.VENV / "pycache")}
    assert str(dev.PYCACHE).startswith(str(dev.VENV))
    chosen = dev.bytecode_cache({"PYTHONPYCACHEPREFIX": "/tmp/elsewhere"})
    assert chosen == {"PYTHONPYCACHEPREFIX": "/tmp/elsewhere"}
