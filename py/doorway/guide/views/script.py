"""The conversation map (see :mod:`doorway.guide.script`) as view trees.

The main path reads from top to bottom. Prompts (listen) and say-back
examples are shown as text, never in a box, since they are not said. Each
branch sits in its own titled group: "If they bring up a worry", with one
group per chosen worry, and "If it goes badly". Every spoken line is a
labelled text box whose label names its part and worry, so no two boxes
share an accessible name. Beside each box, a copy of its words that only
print shows (a box would print as a bordered field, cut off at its height;
boot.js keeps the copy in step with the box).

The branches are plain groups with headings, not landmarks: they sit inside
the plan's "script" part, which opens and closes.
"""

from ..script import REPAIR, WORRY, branch_heading
from . import h


def field_id(turn):
    return "line-" + turn["id"]


def _line(turn):
    """One spoken turn: its label, its hint and a box holding its words."""
    box_id = field_id(turn)
    hint_id = box_id + "-hint" if turn["hint"] else None
    return h("div", [("class", "script-line"), ("data-part", turn["part"])], [
        h("label", [("class", "field-label"), ("for", box_id)], turn["label"]),
        h("p", [("class", "hint"), ("id", hint_id)], turn["hint"]) if hint_id else None,
        h("textarea", [("class", "textarea"), ("id", box_id),
                       ("rows", str(max(2, min(6, len(turn["text"]) // 40 + 1)))),
                       ("data-line", turn["id"]), ("dir", "auto"),
                       ("aria-describedby", hint_id)], turn["text"]),
        h("p", [("class", "print-copy"), ("data-print-copy", True)], turn["text"]),
    ])


def _shown(turn):
    """A turn that is shown, not said: an example of saying back, or a prompt."""
    if turn["if"]:
        return h("p", [("class", "say-back-example"), ("data-example", turn["if"])], [
            h("span", [("class", "label")], turn["label"] + ":"), " “%s”" % turn["text"]])
    if turn["branch"] is None:
        return h("p", [("class", "prompt"), ("data-part", turn["part"])], [
            h("strong", None, turn["label"] + ":"), " " + turn["text"]])
    return h("p", [("class", "prompt"), ("data-part", turn["part"])], turn["text"])


def _turn(turn, editable):
    if not turn["say"]:
        return _shown(turn)
    if editable:
        return _line(turn)
    return h("p", [("class", "script-said"), ("data-part", turn["part"])], [
        h("span", [("class", "label")], turn["label"] + ":"), " " + turn["text"]])


def _groups(turns):
    """Consecutive turns that belong together: the main path between branches,
    and each branch, as ``(branch, [turns])``."""
    groups = []
    for turn in turns:
        if groups and groups[-1][0] == turn["branch"]:
            groups[-1][1].append(turn)
        else:
            groups.append((turn["branch"], [turn]))
    return groups


def _worries(catalogue, turns, level, editable):
    worry = catalogue.script["worry"]
    about = []
    for turn in turns:
        if turn["if"] not in about:
            about.append(turn["if"])
    groups = []
    for reason_id in about:
        mine = [t for t in turns if t["if"] == reason_id]
        groups.append(h("div", [("class", "branch-worry"), ("data-if", reason_id)], [
            h("h%d" % (level + 1), None, branch_heading(catalogue, mine[0])),
            [_turn(t, editable) for t in mine]]))
    return h("div", [("class", "branch"), ("data-branch", WORRY)], [
        h("h%d" % level, None, worry["heading"]),
        h("p", [("class", "hint")], worry["intro"]),
        groups])


def _repair(catalogue, turns, level, editable):
    return h("div", [("class", "branch"), ("data-branch", REPAIR)], [
        h("h%d" % level, None, catalogue.script["repair"]["heading"]),
        [_turn(t, editable) for t in turns]])


def script_map(catalogue, turns, level=3, editable=True):
    """The map: main path, then each branch where it belongs. ``level`` is the
    heading level of a branch; ``editable`` puts each spoken line in a box."""
    nodes = []
    for branch, group in _groups(turns):
        if branch == WORRY:
            nodes.append(_worries(catalogue, group, level, editable))
        elif branch == REPAIR:
            nodes.append(_repair(catalogue, group, level, editable))
        else:
            nodes.append(h("div", [("class", "main-path")],
                           [_turn(t, editable) for t in group]))
    return nodes


def plan_card(card, level=2):
    """The plan card (see :func:`doorway.guide.card.plan_card`), first in the results."""
    sub = "h%d" % (level + 1)
    return h("section", [("class", "plan-card"), ("data-plan-card", True),
                         ("aria-labelledby", "plan-card-heading")], [
        h("h%d" % level, [("id", "plan-card-heading")], card["heading"]),
        h("p", None, card["intro"]),
        h(sub, None, card["things_heading"]),
        h("ol", [("class", "list")], [h("li", [("data-thing", thing["id"])], thing["text"])
                                      for thing in card["things"]]),
        h(sub, None, card["lines_heading"]),
        h("ol", [("class", "list card-lines")], [
            h("li", [("data-card-line", line["id"])], "“%s”" % line["text"])
            for line in card["lines"]]),
    ])
