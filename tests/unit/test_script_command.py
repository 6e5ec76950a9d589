"""``python -m doorway script``: the conversation map for editors and reviewers.

The JSON shape is a contract (README.md documents it), so it is pinned here;
the words are not, so an editor's rewording breaks nothing.
"""

import json
import subprocess
import sys

import pytest

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.cli import main
from doorway.guide import plan as planner
from doorway.guide import script
from doorway.guide.catalogue import Catalogue

PARTS = {"opening", "permission", "wish", "their_view", "listen", "say_back", "validate", "worry",
         "for_both", "ask", "close", "repair"}


@pytest.fixture(scope="module")
def cat():
    return Catalogue(load(CONTENT))


def run(capsys, *argv):
    status = main(["script", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def turns_of(capsys, *argv):
    status, out, err = run(capsys, "--json", *argv)
    assert (status, err) == (0, "")
    assert out.endswith("\n") and out.count("\n") == 1
    result = json.loads(out)
    assert list(result) == ["turns"]
    return result["turns"]


def test_json_is_the_documented_shape_in_order(capsys, cat):
    turns = turns_of(capsys, "--stance", "hesitated", "--reasons", "blame,cost")
    for turn in turns:
        assert list(turn) == ["part", "say", "text", "branch", "if"]
        assert turn["part"] in PARTS and isinstance(turn["say"], bool) and turn["text"]
        assert turn["branch"] in (None, "worry", "repair")
        if turn["branch"] == "worry":
            assert turn["if"] in ("blame", "cost")
    chosen = {"safety": {"afraid": "no"}, "stance": "hesitated", "reasons": ["blame", "cost"],
              "name": "", "conflict": None, "hopes": [], "limits": [], "topics": []}
    ask, _ = planner.choose_ask(cat, "hesitated", ["blame", "cost"])
    expected = script.compose(cat, chosen, ask, "gentle")
    assert [(t["part"], t["say"], t["text"], t["branch"], t["if"]) for t in turns] == \
        [(t["part"], t["say"], t["text"], t["branch"], t["if"]) for t in expected]
    listen = [t for t in turns if t["part"] == "listen"]
    assert listen and not listen[0]["say"]
    examples = [t for t in turns if t["part"] == "say_back" and not t["say"]]
    assert [t["if"] for t in examples] == ["blame", "cost"] and examples[0]["branch"] is None


def test_options_reach_the_map(capsys, cat):
    gentle = turns_of(capsys, "--stance", "not_asked", "--reasons", "time")
    quiet = turns_of(capsys, "--stance", "not_asked", "--reasons", "time", "--conflict",
                     "avoidant", "--tone", "direct", "--name", "Ari")
    main_path = [t for t in quiet if t["say"] and t["branch"] is None]
    assert len(main_path) <= 6 < len([t for t in gentle if t["say"] and t["branch"] is None])
    assert quiet[0]["text"].startswith("Ari, ")
    money = turns_of(capsys, "--stance", "not_asked", "--reasons", "cost", "--topics",
                     "money", "--hopes", "trust")
    assert cat.topic("money")["phrase"] in money[0]["text"]
    assert [t for t in money if cat.hope("trust")["phrase"] in t["text"]]


def test_i_dont_know_stands_alone_as_in_the_wizard(capsys):
    turns = turns_of(capsys, "--stance", "said_no", "--reasons", "dont_know,cost")
    assert {t["if"] for t in turns if t["if"]} == {"cost"}
    alone = turns_of(capsys, "--stance", "said_no", "--reasons", "dont_know")
    assert not [t for t in alone if t["branch"] == "worry"]


def test_readable_output_is_the_map_as_a_person_reads_it(capsys, cat):
    status, out, err = run(capsys, "--stance", "postponing", "--reasons", "privacy",
                           "--tone", "brief")
    assert (status, err) == (0, "")
    paragraphs = out.rstrip("\n").split("\n\n")
    turns = turns_of(capsys, "--stance", "postponing", "--reasons", "privacy", "--tone", "brief")
    assert [p for p in paragraphs if not p.startswith("(") and not p.endswith(":")] == \
        [t["text"] for t in turns if t["say"]]
    assert cat.script["repair"]["heading"] + ":" in paragraphs


@pytest.mark.parametrize("argv, message", [
    ([], "--stance is missing: one of not_asked, hesitated, said_no, postponing, agreed_once"),
    (["--stance", "said_no"], "--reasons is missing: one of blame, "),
    (["--stance", "maybe", "--reasons", "cost"], "--stance must be one of: not_asked, "),
    (["--stance", "said_no", "--reasons", "cost,money"], "--reasons must be one of: blame, "),
    (["--stance", "said_no", "--reasons", "cost", "--tone", "shouty"],
     "--tone must be one of: gentle, brief, direct (got 'shouty')"),
    (["--stance", "said_no", "--reasons", "cost", "--conflict", "loud"],
     "--conflict must be one of: heated, avoidant, mixed, unsure"),
    (["--stance", "said_no", "--reasons", "cost", "--topics", "cars"],
     "--topics must be one of: money, chores, "),
    (["--stance", "said_no", "--reasons", "cost", "--tone"],
     "argument --tone: expected one argument (one of: gentle, brief, direct)"),
    (["--stance", "said_no", "--reasons", "cost", "--name", "x" * 41], "40 characters"),
    (["--stance", "said_no", "--reasons", "cost", "--verbose"],
     "unrecognized arguments: --verbose"),
])
def test_bad_arguments_exit_2_with_one_line_naming_what_is_valid(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("python -m doorway script: error: ")
    assert message in err, err


def test_the_real_command_line():
    done = subprocess.run([sys.executable, "-m", "doorway", "script", "--stance", "not_asked",
                           "--reasons", "fine", "--json"], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["turns"][0]["part"] == "opening"
    bad = subprocess.run([sys.executable, "-m", "doorway", "script", "--stance", "no"],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
