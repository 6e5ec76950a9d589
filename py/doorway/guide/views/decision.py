"""The decision aid's parts of a plan, as view trees (see :mod:`doorway.guide.decision`).

The plan places ``slot`` blocks where these go: the options with what matters
and the SURE check (``decide``), the calendar file (``calendar``), the decision
summary (``summary``) and "Keep my plan" (``keep``). :func:`slots` draws them
all for the wizard, which hands them to the plan's section view. Everything
here is drawn inside the results, a ``data-private`` element.
"""

from .. import decision
from . import h
from .forms import choice, error_summary
from .plan import block as plan_block


def _radios(name, field_id, options, checked):
    """Inline radios (``options``: (value, label) pairs) in their own fieldset."""
    return h("div", [("class", "radios inline")], [
        choice("radio", name, "%s-%s" % (field_id, value), value, label, value == checked)
        for value, label in options])


def sure_check(catalogue, which, answers, refs, labels):
    """The four SURE questions; ``which`` is "before" or "after"."""
    text = catalogue.decision["sure"]
    items = []
    for item in text["items"]:
        name = "sure-%s-%s" % (which, item["id"])
        items.append(h("fieldset", [("class", "sure-item")], [
            h("legend", None, item["question"]),
            _radios(name, name, [(decision.YES, text["yes"]), (decision.NO, text["no"])],
                    answers.get(item["id"])),
        ]))
    return h("fieldset", [("class", "question sure"), ("data-sure", which)], [
        h("legend", [("class", "sure-legend")], text[which + "_legend"]),
        h("p", [("class", "hint")], text["hint"]),
        items,
        h("div", [("data-sure-result", which), ("aria-live", "polite")],
          sure_result(catalogue, answers)),
        plan_block(refs, labels) if refs else None,
    ])


def sure_result(catalogue, answers):
    """The kind note once all four are answered, and what often helps for each no."""
    result = decision.sure(catalogue, answers)
    if not result["complete"]:
        return []
    text = catalogue.decision["sure"]
    parts = [h("p", [("class", "sure-message")], result["message"])]
    if result["helps"]:
        parts.append(h("p", [("class", "lead-in")], text["helps_heading"]))
        parts.append(h("ul", [("class", "list")], [h("li", None, t) for t in result["helps"]]))
    return parts


def values_form(catalogue, weights):
    """What matters to you: one row of level choices for each value."""
    values = catalogue.decision["values"]
    levels = [(level["id"], level["label"]) for level in values["levels"]]
    rows = []
    for value in values["items"]:
        name = "value-" + value["id"]
        rows.append(h("fieldset", [("class", "value-row")], [
            h("legend", None, value["label"]),
            _radios(name, name, levels, weights.get(value["id"])),
        ]))
    return h("fieldset", [("class", "question values"), ("data-values", True)], [
        h("legend", [("class", "values-legend")], values["legend"]),
        h("p", [("class", "hint")], values["hint"]),
        rows,
    ])


def option_card(catalogue, entry, count, refs, labels):
    """One option: its place and why, then every field, the same for every option."""
    text = catalogue.decision["decide"]
    option = entry["option"]
    position = text["position"].replace("{number}", str(entry["position"]))
    rows = []
    for field in decision.OPTION_FIELDS:
        rows.append(h("dt", None, text["fields"][field]))
        rows.append(h("dd", None, option[field]))
    return h("li", [("class", "option"), ("data-option", option["id"])], [
        h("h3", [("class", "option-name")], option["name"]),
        h("p", [("class", "option-place")], [
            h("span", [("class", "option-position")], position.replace("{count}", str(count))),
            " ",
            h("span", [("class", "option-reason")], entry["reason"]),
        ]),
        h("dl", [("class", "option-fields")], rows),
        plan_block(refs, labels) if refs else None,
    ])


def options_list(catalogue, ranked, refs, labels):
    """The options in the order ``ranked`` (see :func:`doorway.guide.decision.rank`)."""
    return [option_card(catalogue, entry, len(ranked), refs.get(entry["id"]), labels)
            for entry in ranked]


def order_note(catalogue, sorted_):
    return catalogue.decision["decide"]["order"]["sorted" if sorted_ else "unsorted"]


def decide(catalogue, slot, state, labels):
    """The ``decide`` slot: SURE before, what matters, the options, SURE after.

    ``state``: ``{"weights", "situations", "before", "after"}``.
    """
    text = catalogue.decision["decide"]
    ranked = decision.rank(catalogue, state["weights"], state["situations"])
    sorted_ = decision.weighed(catalogue, state["weights"]) or bool(
        [e for e in ranked if e["raised"]])
    return h("div", [("class", "decide"), ("data-decide", True)], [
        sure_check(catalogue, "before", state["before"], slot["sure_refs"], labels),
        values_form(catalogue, state["weights"]),
        h("p", [("class", "status"), ("data-decide-status", True), ("role", "status")]),
        h("p", [("class", "order-note"), ("data-order-note", True)],
          order_note(catalogue, sorted_)),
        h("ol", [("class", "options"), ("data-options", True)],
          options_list(catalogue, ranked, slot["refs"], labels)),
        h("p", [("class", "hint")], text["fit_note"]),
        sure_check(catalogue, "after", state["after"], None, labels),
    ])


def calendar(catalogue, start):
    """The ``calendar`` slot: the first day, and a button that makes the file."""
    text = catalogue.decision["calendar"]
    return h("div", [("class", "calendar question"), ("data-question", "calendar-start")], [
        h("label", [("class", "field-label"), ("for", "calendar-start")], text["start_label"]),
        h("p", [("class", "hint"), ("id", "calendar-start-hint")], text["hint"]),
        h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
        h("input", [("class", "text-input date-input"), ("type", "date"),
                    ("id", "calendar-start"), ("name", "calendar-start"), ("value", start),
                    ("aria-describedby", "calendar-start-hint")]),
        h("div", [("class", "actions")], h(
            "button", [("type", "button"), ("class", "button secondary"),
                       ("data-action", "download-calendar")], text["button"])),
        h("p", [("class", "status"), ("data-calendar-status", True), ("role", "status")]),
    ])


def summary(catalogue, data):
    """The printable decision summary (see :func:`doorway.guide.decision.summary`)."""
    text = catalogue.decision["summary"]
    values = [h("li", None, "%s: %s" % pair) for pair in data["values"]]
    return h("div", [("class", "decision-summary"), ("data-summary", True)], [
        h("h3", None, text["decision_heading"]),
        h("p", None, data["decision"]),
        h("h3", None, text["options_heading"]),
        h("ol", [("class", "list")], [
            h("li", None, [h("span", [("class", "option-name")], name), ": ", reason])
            for name, reason in data["options"]]),
        h("h3", None, text["values_heading"]),
        h("ul", [("class", "list")], values) if values else h("p", None, text["none_weighed"]),
        h("h3", None, text["sure_heading"]),
        h("ul", [("class", "list")], [h("li", None, "%s: %s" % pair) for pair in data["sure"]]),
        h("h3", None, text["next_heading"]),
        h("ul", [("class", "list")], [h("li", None, t) for t in data["next"]]),
    ])


def summary_slot(catalogue, data):
    """The ``summary`` slot: the summary and its print button."""
    return h("div", [("class", "summary-slot")], [
        h("div", [("data-summary-box", True)], summary(catalogue, data)),
        h("div", [("class", "actions")], h(
            "button", [("type", "button"), ("class", "button secondary"),
                       ("data-action", "print-summary")], catalogue.decision["summary"]["print"])),
    ])


def keep(catalogue):
    """The ``keep`` slot: an optional own passphrase, the button, and the link made."""
    text = catalogue.decision["keep"]
    form = h("form", [("data-form", "keep"), ("novalidate", True)], [
        error_summary(catalogue.wizard["errors"]["heading"], 3),
        h("div", [("class", "question"), ("data-question", "keep-passphrase")], [
            h("label", [("class", "field-label"), ("for", "keep-passphrase")], text["own_label"]),
            h("p", [("class", "hint"), ("id", "keep-passphrase-hint")], text["own_hint"]),
            h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
            h("input", [("class", "text-input"), ("type", "text"), ("id", "keep-passphrase"),
                        ("name", "keep-passphrase"), ("autocomplete", "off"),
                        ("spellcheck", "false"), ("aria-describedby", "keep-passphrase-hint")]),
        ]),
        h("div", [("class", "actions")], h("button", [("type", "submit"), ("class", "button")],
                                           text["make"])),
        h("p", [("class", "status"), ("data-keep-status", True), ("role", "status")]),
    ])
    result = h("div", [("class", "link-result"), ("data-keep-result", True), ("hidden", True)], [
        h("div", [("data-keep-words-box", True)], [
            h("p", [("class", "field-label")], text["words_label"]),
            h("p", [("class", "passphrase"), ("data-keep-words", True)]),
            h("p", [("class", "hint")], text["words_hint"]),
            h("button", [("type", "button"), ("class", "button secondary small"),
                         ("data-action", "keep-new-words")], text["new_words"]),
        ]),
        h("label", [("class", "field-label"), ("for", "keep-link")], text["link_label"]),
        h("textarea", [("class", "textarea link-output"), ("id", "keep-link"), ("rows", "4"),
                       ("readonly", True)]),
        h("div", [("class", "actions")], h(
            "button", [("type", "button"), ("class", "button"), ("data-action", "copy-keep-link")],
            text["copy"])),
        h("p", [("class", "status"), ("data-keep-copy-status", True), ("role", "status")]),
    ])
    return h("div", [("class", "keep")], [form, result])


def restored(catalogue):
    """Said above a kept plan once it is back."""
    return h("p", [("class", "status restored"), ("role", "status")],
             catalogue.decision["resume"]["restored"])


def slots(catalogue, plan, state, start, labels):
    """Every slot of ``plan``, drawn: ``{slot name: view}`` for the plan's section view."""
    summary_data = decision.summary(catalogue, plan, state["answers"], state["weights"],
                                    state["before"], state["after"])
    return {
        "decide": decide(catalogue, decision.slot_block(plan, "decide"), {
            "weights": state["weights"], "before": state["before"], "after": state["after"],
            "situations": state["answers"].get("situations") or []}, labels),
        "calendar": calendar(catalogue, start),
        "summary": summary_slot(catalogue, summary_data),
        "keep": keep(catalogue),
    }
