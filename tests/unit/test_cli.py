"""The command line: documented commands exist, and failures are sentences, not tracebacks."""

import re
import shutil

import pytest

from doorway.builder import CONTENT, ROOT
from doorway.cli import main, parser

#: ``python -m doorway`` and the arguments after it, as the docs write them.
COMMAND = re.compile(r"python -m doorway((?: [-\w./\[\]=]+)*)")


def documented_commands():
    """Every ``python -m doorway ...`` in the README, docs/ and the package's docstrings."""
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
             *sorted((ROOT / "py" / "doorway").rglob("*.py"))]
    for path in files:
        for match in COMMAND.finditer(path.read_text()):
            words = match.group(1).replace("[", "").replace("]", "").split()
            if words:
                yield path.relative_to(ROOT).as_posix(), words


def test_every_documented_command_is_one_the_cli_accepts():
    found = list(documented_commands())
    assert {words[0] for _, words in found} >= {"build", "serve", "check", "docs", "runtime"}
    for where, words in found:
        try:
            parser().parse_args(words)
        except SystemExit:
            pytest.fail("%s documents `python -m doorway %s`, which the CLI refuses"
                        % (where, " ".join(words)))


def test_every_folder_ruff_is_told_about_exists():
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for folder in config["tool"]["ruff"]["src"]:
        assert (ROOT / folder).is_dir(), folder


@pytest.fixture
def broken_content(tmp_path):
    content = tmp_path / "site" / "content"
    shutil.copytree(CONTENT, content)
    site = content / "site.toml"
    text = site.read_text().replace("note_limit = 280", "note_limit = 2")
    site.write_text(re.sub(r'(?m)^name = ".*"$', 'name = " "', text))
    return content


EXPECTED = ("2 content errors:\n"
            "  site/content/site.toml: name: must not be empty\n"
            "  site/content/site.toml: note_limit: must be between 50 and 1000\n")


def test_check_lists_every_error_and_fails(broken_content, capsys):
    assert main(["check", "--content", str(broken_content)]) == 1
    output = capsys.readouterr()
    assert output.err == "check failed: " + EXPECTED and output.out == ""


def test_build_lists_every_error_and_fails(broken_content, tmp_path, capsys):
    assert main(["build", "--content", str(broken_content), "--out", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err == "build failed: " + EXPECTED
    assert not (tmp_path / "o").exists()


def test_check_reports_reading_grades_when_the_content_is_sound(capsys):
    assert main(["check"]) == 0
    assert "average" in capsys.readouterr().out


def test_docs_writes_the_field_reference(tmp_path, monkeypatch, capsys):
    from doorway.builder import docs
    target = tmp_path / "docs" / "content.md"
    monkeypatch.setattr(docs, "DOCS", target)
    monkeypatch.setattr(docs.write, "__defaults__", (target,))
    assert main(["docs"]) == 0
    assert capsys.readouterr().out == "wrote %s\n" % target
    assert target.read_text() == docs.reference()


def test_a_library_error_reaches_the_terminal_as_one_line(monkeypatch, capsys):
    from doorway.builder import runtime
    from doorway.builder.errors import VendorError

    def refuse(*args):
        raise VendorError("the registry said no")
    monkeypatch.setattr(runtime, "refresh", refuse)
    assert main(["runtime", "--refresh"]) == 1
    assert capsys.readouterr().err == "runtime failed: the registry said no\n"

