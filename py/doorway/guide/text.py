"""Render a plan as plain text, for "copy" and "download as text".

The text is what a person might paste into a note on their phone, so it keeps
the plan's order and headings and spells sources out in full. The script can
also be had alone (:func:`script_text`): the conversation map as a person
would read it, which is also what ``python -m doorway script`` prints.
"""

from .script import WORRY, branch_heading


def _underline(text, char):
    return "%s\n%s" % (text, char * len(text))


def _block_lines(catalogue, block, labels, turns):
    kind = block["kind"]
    if kind == "h3":
        return ["", block["text"]]
    if kind == "p":
        return [block["text"]]
    if kind == "ul":
        return ["- " + item for item in block["items"]]
    if kind == "reply":
        return ["%s “%s”" % (labels["they_say"], block["they_say"]),
                "%s “%s”" % (labels["you_say"], block["you_say"]), ""]
    if kind == "avoid":
        return ["- “%s” %s" % (block["say"], block["why"])]
    if kind == "refs":
        return ["(%s %s)" % (labels["refs"], ", ".join("[%d]" % n for n in block["numbers"]))]
    if kind == "source":
        return ["[%d] %s (%d). %s. %s" % (block["number"], block["author"], block["year"],
                                          block["title"], block["url"])]
    if kind == "script":
        return script_text(catalogue, turns).split("\n")
    if kind == "example":
        return (["", block["heading"], block["intro"]]
                + ["%s: %s" % (turn["who"], turn["text"]) for turn in block["turns"]])
    return []


def script_text(catalogue, turns):
    """The conversation map alone, in the person's own edited words.

    One paragraph per turn. Prompts and examples, which are not said, are in
    brackets, named as the page names them ("(Listen: …)"); each branch starts
    with its heading ("If they bring up the cost:").
    """
    out = []
    current = None
    introduced = False
    for turn in turns:
        heading = branch_heading(catalogue, turn)
        if heading and heading != current:
            if turn["branch"] == WORRY and not introduced:
                out.append("(%s)" % catalogue.script["worry"]["intro"])
                introduced = True
            out.append(heading + ":")
        current = heading
        if turn["say"]:
            out.append(turn["text"])
        elif turn["if"]:
            out.append("(%s: “%s”)" % (turn["label"], turn["text"]))
        elif turn["branch"] is None:
            out.append("(%s: %s)" % (turn["label"], turn["text"]))
        else:
            out.append("(%s)" % turn["text"])
    return "\n\n".join(out)


def card_text(card):
    """The plan card (see :mod:`.card`) as plain text."""
    out = [_underline(card["heading"], "-"), card["intro"], "", card["things_heading"]]
    out.extend("%d. %s" % (i + 1, thing["text"]) for i, thing in enumerate(card["things"]))
    out.extend(["", card["lines_heading"]])
    out.extend("“%s”" % line["text"] for line in card["lines"])
    return "\n".join(out)


def plan_text(catalogue, plan, turns, card=None):
    """The whole plan as plain text: the card (if given), then every section."""
    labels = catalogue.guidance["labels"]
    out = [_underline(labels["plan_title"], "=")]
    if card:
        out.extend(["", card_text(card)])
    for section in plan["sections"]:
        out.append("")
        out.append(_underline(section["heading"], "-"))
        for block in section["blocks"]:
            out.extend(_block_lines(catalogue, block, labels, turns))
    return "\n".join(out).strip() + "\n"
