"""``python -m doorway practice-check [--json] TEXT``: output formats and bad arguments.

The formats are for editors and reviewers (and scripts), so they are pinned
here exactly; README.md documents them.
"""

import json
import subprocess
import sys

import pytest

from doorway.cli import main


def run(capsys, *argv):
    status = main(["practice-check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_is_exactly_findings_and_spans(capsys):
    text = "You’re so selfish. Would you be willing to try?"
    status, out, err = run(capsys, "--json", text)
    assert (status, err) == (0, "")
    assert out == ('{"findings": ["criticism", "invitation"], "spans": ['
                   '{"kind": "criticism", "start": 0, "end": 17}, '
                   '{"kind": "invitation", "start": 19, "end": 39}]}\n')
    result = json.loads(out)
    assert [text[s["start"]:s["end"]] for s in result["spans"]] == [
        "You’re so selfish", "Would you be willing"]


def test_json_option_may_follow_the_text(capsys):
    assert run(capsys, "I miss you.", "--json")[1] == (
        '{"findings": ["i_statement"], "spans": [{"kind": "i_statement", "start": 0, '
        '"end": 6}]}\n')


def test_readable_output_names_kind_quote_place_and_rewording(capsys):
    """The format is pinned; the feedback words come from site/content (editors change them)."""
    from doorway.builder import CONTENT
    from doorway.builder.content import load
    kinds = {kind["id"]: kind for kind in load(CONTENT)["reply_checker"][0]["kinds"]}
    status, out, err = run(capsys, "You never listen. I miss you.")
    assert (status, err) == (0, "")
    assert out == (
        "criticism: “You never” (characters 0-9)\n"
        "  kinder: %s\n"
        "i_statement: “I miss” (characters 18-24)\n"
        "  helps: %s\n" % (kinds["criticism"]["rewording"], kinds["i_statement"]["about"]))


@pytest.mark.parametrize("text", ["", "   ", "We went to the shops."])
def test_nothing_found(capsys, text):
    assert run(capsys, text) == (0, "no findings\n", "")
    assert run(capsys, "--json", text) == (0, '{"findings": [], "spans": []}\n', "")


def test_text_that_starts_with_a_dash_goes_after_a_double_dash(capsys):
    status, out, _ = run(capsys, "--json", "--", "-you always do this")
    assert status == 0 and json.loads(out)["findings"] == ["criticism"]


@pytest.mark.parametrize("argv, message", [
    ([], "TEXT is missing"),
    (["--json"], "TEXT is missing"),
    (["--verbose", "hi"], "unrecognized arguments: --verbose"),
    (["two", "words"], "unrecognized arguments: words"),
])
def test_bad_arguments_exit_2_with_one_line_on_stderr(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("python -m doorway practice-check: error: ")
    assert message in err


def test_the_real_command_line():
    command = [sys.executable, "-m", "doorway", "practice-check"]
    done = subprocess.run([*command, "--json", "That’s not fair!"], capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"] == ["defensiveness"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
