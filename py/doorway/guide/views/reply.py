"""What a reply link says, as view trees, for the sender's reply page."""

from doorway.guide.partner_reply import said

from . import h
from .partner import note_box


def received(catalogue, reply):
    """The partner's answers, their note, and ideas for what to do next.

    ``reply`` is a decoded reply link of any version (see
    :func:`doorway.guide.partner_reply.said`). The ideas for the chosen
    answers come first, then the general ones, each list made afresh for
    every reply so nothing from an earlier one remains.
    """
    text = catalogue.partner["received"]
    options = said(catalogue, reply)
    ideas = []
    for option in options:
        ideas.extend(option.get("for_sender", []))
    return [
        h("section", [("aria-labelledby", "said-heading")], [
            h("h2", [("id", "said-heading")], text["options_heading"]),
            h("ul", [("class", "list"), ("data-said", True)],
              [h("li", None, option["label"]) for option in options]),
        ]),
        note_box(text["note_heading"], reply["note"], 2),
        h("section", [("aria-labelledby", "next-heading")], [
            h("h2", [("id", "next-heading")], text["next_heading"]),
            h("ul", [("class", "list"), ("data-next", True)],
              [h("li", None, idea) for idea in ideas + text["next"]]),
        ]),
    ]
