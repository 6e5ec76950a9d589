"""Check your answers: every answer on one page before the plan (the GOV.UK pattern).

Each row names an answer, shows what was chosen and has a Change button that
goes back to the step that asked it (``data-change`` names the step); the
wizard then comes back here instead of going on (``doorway.ui.wizard``).
Answers are only ever shown as text.
"""

from . import h

#: Each row: (row id, the answer it shows, the step that asks it). The words
#: are ``check.rows`` in wizard.toml.
ROWS = (
    ("stance", "stance"), ("reasons", "reasons"), ("name", "context"),
    ("conflict", "context"), ("topics", "context"), ("hopes", "context"),
    ("limits", "context"), ("situations", "context"),
)


def _labels(entries, chosen):
    """The labels of the chosen ids, in the order the page lists them."""
    return [entry["label"] for entry in entries if entry["id"] in chosen]


def values(catalogue, answers, row):
    """What a row shows: a list of texts, empty when nothing was given."""
    wizard = catalogue.wizard
    if row == "stance":
        stance = catalogue.stance(answers["stance"]) if answers["stance"] else None
        return [stance["label"]] if stance else []
    if row == "reasons":
        return _labels(catalogue.reason_labels, answers["reasons"])
    if row == "name":
        return [answers["name"]] if answers["name"] else []
    if row == "conflict":
        return _labels(wizard["context"]["conflict"], [answers["conflict"]])
    if row == "situations":
        return _labels(catalogue.situation_labels, answers.get("situations") or [])
    return _labels(wizard["context"][row], answers[row])


def _value(texts, not_given):
    if not texts:
        return h("span", [("class", "hint")], not_given)
    if len(texts) == 1:
        return texts[0]
    return h("ul", [("class", "summary-values")], [h("li", None, text) for text in texts])


def summary(catalogue, answers):
    """The summary list: one row per answer, each with its Change button."""
    words = catalogue.wizard["check"]
    rows = []
    for row, step in ROWS:
        key = words["rows"][row]
        rows.append(h("div", [("class", "summary-row"), ("data-row", row)], [
            h("dt", [("class", "summary-key")], key),
            h("dd", [("class", "summary-value")],
              _value(values(catalogue, answers, row), words["not_given"])),
            h("dd", [("class", "summary-action")], h(
                "button", [("type", "button"), ("class", "link-button"),
                           ("data-action", "change"), ("data-change", step)],
                [words["change"], h("span", [("class", "visually-hidden")], " " + key)])),
        ]))
    return h("dl", [("class", "summary-list")], rows)
