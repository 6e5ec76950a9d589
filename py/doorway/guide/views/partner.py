"""The parts of the partner's page that come from a link, as view trees.

Drawn three times from these functions: on the partner's page itself, in the
sender's live preview (so the preview shows exactly what the partner will
read), and for every worry on the static guide's page for partners. The note
is a text child like any other: it can never become markup.
"""

from . import h


def concern(catalogue, reason_id, level=3):
    """What the partner's page says about one worry."""
    partner = catalogue.reason(reason_id)["partner"]
    return h("section", [("class", "concern")], [
        h("h%d" % level, None, partner["heading"]),
        [h("p", None, text) for text in partner["body"]],
    ])


def note_box(heading, note, level=2):
    """A personal note, shown as plain text (the box stays, hidden, without one)."""
    return h("section", [("class", "note-box"), ("data-note-box", True), ("hidden", not note)], [
        h("h%d" % level, None, heading),
        h("p", [("class", "note"), ("data-note", True), ("dir", "auto")], note),
    ])


def concerns(catalogue, reason_ids, level=2):
    """The chosen worries under one heading; nothing when none was chosen."""
    if not reason_ids:
        return None
    return h("section", [("class", "concerns")], [
        h("h%d" % level, None, catalogue.partner["concerns_heading"]),
        h("div", [("data-concerns", True)],
          [concern(catalogue, reason_id, level + 1) for reason_id in reason_ids]),
    ])


def offer(catalogue, ask_id, level=2):
    """The small first step on offer."""
    ask = catalogue.ask(ask_id)
    return h("section", [("class", "offer")], [
        h("h%d" % level, None, catalogue.partner["offer_heading"]),
        h("p", [("class", "offer-name"), ("data-offer-name", True)], ask["name"]),
        h("p", [("data-offer-text", True)], ask["partner_offer"]),
    ])


def preview(catalogue, invite):
    """What the partner will read, for the share step's live preview."""
    return [note_box(catalogue.partner["note_heading"], invite["note"], 3),
            concerns(catalogue, invite["reasons"], 3),
            offer(catalogue, invite["ask"], 3)]
