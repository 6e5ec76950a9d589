"""Set-up of the engines: a missing engine is named in one line, and CI cannot skip one."""

import pytest
from availability import unavailable

from dev_script import load_dev


@pytest.fixture
def dev():
    return load_dev()


def test_a_missing_package_is_named(dev, monkeypatch):
    monkeypatch.setattr(dev, "ENGINE_PACKAGES", dict(
        dev.ENGINE_PACKAGES, firefox=[("firefox-esr", "/nonexistent/firefox-esr")]))
    assert dev.engine_problem("firefox") == "not installed (firefox-esr)"


def test_without_root_nothing_is_installed_and_the_line_says_how(dev, monkeypatch, capsys):
    monkeypatch.setattr(dev, "ENGINE_PACKAGES", dict(
        dev.ENGINE_PACKAGES, webkit=[("webkit2gtk-driver", "/nonexistent/WebKitWebDriver")]))
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(dev.subprocess, "run", lambda *a, **k: pytest.fail("ran %s" % (a,)))
    problems = dev.ensure_engines()
    assert list(problems) == ["webkit"]
    assert "apt-get install webkit2gtk-driver" in problems["webkit"]
    said = capsys.readouterr().out.splitlines()
    assert said == ["dev.py: WebKit (WebKitGTK) tests will not run: " + problems["webkit"]]


def test_other_systems_are_told_the_engines_need_linux(dev, monkeypatch):
    monkeypatch.setattr(dev.sys, "platform", "darwin")
    assert "needs Linux" in dev.engine_problem("webkit")


def test_an_engine_that_cannot_run_is_skipped_here_but_fails_in_ci(monkeypatch):
    monkeypatch.delenv("DOORWAY_ENGINES", raising=False)
    with pytest.raises(pytest.skip.Exception):
        unavailable("Firefox ESR not installed")
    monkeypatch.setenv("DOORWAY_ENGINES", "required")
    with pytest.raises(pytest.fail.Exception, match="DOORWAY_ENGINES=required"):
        unavailable("Firefox ESR not installed")
