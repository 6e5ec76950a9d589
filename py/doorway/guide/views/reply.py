"""What a reply link says, as view trees: the sender's reply page, and the
partner's preview of it before they make the link (the same tree, so the
preview is exactly what the sender will get)."""

from doorway.guide.partner_reply import said

from . import h


def note_box(heading, note, level=2):
    """The partner's note, shown as plain text (the box stays, hidden, without one)."""
    return h("section", [("class", "note-box"), ("data-note-box", True), ("hidden", not note)], [
        h("h%d" % level, None, heading),
        h("p", [("class", "note"), ("data-note", True), ("dir", "auto")], note),
    ])


def received(catalogue, reply, level=2):
    """The partner's answer, their note, and ideas for the sender's next step.

    ``reply`` is a decoded reply link of any version (see
    :func:`doorway.guide.partner_reply.said`). The answer is shown as it was
    chosen, a "no" as a no; the ideas follow the answer (a "no" gets ideas
    that respect it), then the one said to everyone. Each list is made afresh
    for every reply, so nothing from an earlier one remains.
    """
    text = catalogue.partner["received"]
    entries = said(catalogue, reply)
    ideas = []
    for entry in entries:
        ideas.extend(entry.get("for_sender", []))
    heading = "h%d" % level
    return [
        h("section", [("class", "answer"), ("aria-labelledby", "said-heading")], [
            h(heading, [("id", "said-heading")], text["options_heading"]),
            h("ul", [("class", "said"), ("data-said", True)],
              [h("li", None, entry["label"]) for entry in entries]),
            None if entries else h("p", [("data-only-note", True)], text["only_note"]),
        ]),
        note_box(text["note_heading"], reply["note"], level),
        h("section", [("aria-labelledby", "next-heading")], [
            h(heading, [("id", "next-heading")], text["next_heading"]),
            h("ul", [("class", "list"), ("data-next", True)],
              [h("li", None, idea) for idea in ideas + text["next"]]),
        ]),
    ]
