"""Render a plan as plain text, for "copy" and "download as text".

The text is what a person might paste into a note on their phone, so it keeps
the plan's order and headings and spells sources out in full.
"""


def _underline(text, char):
    return "%s\n%s" % (text, char * len(text))


def _block_lines(block, labels, script_lines):
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
        return script_text(script_lines).split("\n")
    return []


def script_text(lines):
    """The script alone: one paragraph per line, in the person's own edited words."""
    return "\n\n".join(line["text"] for line in lines)


def plan_text(catalogue, plan, script_lines):
    """The whole plan as plain text, script included."""
    labels = catalogue.guidance["labels"]
    out = [_underline(labels["plan_title"], "=")]
    for section in plan["sections"]:
        out.append("")
        out.append(_underline(section["heading"], "-"))
        for block in section["blocks"]:
            out.extend(_block_lines(block, labels, script_lines))
    return "\n".join(out).strip() + "\n"


def note_counter(catalogue, note):
    """The live counter under a note: ``(message, too_long)``.

    "12 characters left", "1 character left", "3 characters too many": the
    wording comes from the content, singular or plural as the count needs.
    """
    share = catalogue.partner["share"]
    left = catalogue.note_limit - len(note)
    if left >= 0:
        template = share["counter_one"] if left == 1 else share["counter"]
        return template.replace("{count}", str(left)), False
    template = share["counter_over_one"] if left == -1 else share["counter_over"]
    return template.replace("{count}", str(-left)), True
