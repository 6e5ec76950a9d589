"""practice.toml's checks across files: each broken rule is reported by file and field.

The cases edit a copy of the real content by the shape of its fields, not by
today's sentences, so rewording a line never breaks them.
"""

import re

import pytest
from test_content import broken_copy, errors_of

FILE = "practice.toml"
WHERE = "site/content/practice.toml: "


def edit(change):
    """An edit of a copy's practice.toml through ``change(text) -> text``."""
    def apply(content):
        path = content / FILE
        changed = change(path.read_text())
        assert changed != path.read_text(), "the edit changed nothing"
        path.write_text(changed)
    return apply


def extra_pick(text, helps):
    """One more pick for the last manner (TOML adds it to the last ``[[manners]]``)."""
    return edit(lambda t: t + '\n[[manners.picks]]\ntext = "%s"\nhelps = %s\n'
                % (text, str(helps).lower()))


def drop_lines_of(reason):
    """Remove every line for ``reason`` but the first."""
    def change(text):
        head, *blocks = text.split("[[lines]]")
        mine = [b for b in blocks if 'reason = "%s"' % reason in b]
        kept = [b for b in blocks if b not in mine[1:]]
        return "[[lines]]".join([head, *kept])
    return edit(change)


CASES = [
    ("a pick said to help that escalates", extra_pick("You never listen.", True),
     WHERE + r"manners\[\d\]\.picks\[\d\]\.text: helps = true, but the reply checker "
             r"finds criticism"),
    ("a pick said to hurt that the checker finds kind", extra_pick("I feel sad.", False),
     WHERE + r"manners\[\d\]\.picks\[\d\]\.text: helps = false, but the reply checker "
             r"finds nothing escalating"),
    ("a worry with one line", drop_lines_of("cost"),
     WHERE + r"lines: reason 'cost' needs lines in at least two manners"),
    ("a line for an unknown worry",
     edit(lambda t: t + '\n[[lines]]\nreason = "tme"\nmanner = "joke"\nsofter = "a"\n'
                        'guarded = "b"\n'),
     WHERE + r"lines\[\d+\]\.reason: refers to unknown reason 'tme'"),
    ("a stance without a first mood",
     edit(lambda t: re.sub(r'\[\[start_mood\]\]\nstance = "said_no"\nmood = "guarded"\n', "", t)),
     WHERE + r"start_mood: must name each of .* once by 'stance'; check said_no"),
    ("a turn counter without the total",
     edit(lambda t: re.sub(r'\nturn = "([^"]*)\{total\}', r'\nturn = "\1', t)),
     WHERE + r"turn: must name \{total\} exactly once"),
]


@pytest.mark.parametrize("change, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_practice_rule_reports_its_own_error(tmp_path, change, expected):
    errors = errors_of(broken_copy(tmp_path, change))
    assert len(errors) == 1 and re.search(expected, errors[0]), errors
