"""The wizard's results: the plan card, then the actions right under it, then
the whole plan in parts that open and close, then the share step.

So the plan can be taken in at a glance: the card says what to do this week
and the first lines, every way to keep, share or practise it is a few Tab
presses away, and each part of the full plan is one line until it is opened.
"""

from . import h
from . import plan as plan_view
from .forms import choice
from .helplines import cited
from .script import plan_card, script_map
from .share import panel


def saved_note(catalogue, note_id="saved-plan-note"):
    """Said before copy, print and download: a saved plan can be found."""
    note = catalogue.saved_plan_note
    return h("div", [("class", "saved-note"), ("id", note_id)], [
        h("p", None, note["text"]), cited(catalogue, note["sources"])])


def script_editor(catalogue, turns, tone):
    """The tone choice, the conversation map with every spoken line editable,
    and the script's copy button (its download and practice are with the plan's
    actions)."""
    script = catalogue.script
    actions = catalogue.guidance["actions"]
    return h("div", [("class", "script")], [
        h("p", None, actions["script_intro"]),
        h("fieldset", [("class", "tones")], [
            h("legend", None, script["tones_legend"]),
            h("div", [("class", "radios inline")], [
                choice("radio", "tone", "tone-" + t["id"], t["id"], t["label"], t["id"] == tone,
                       hint=t["hint"]) for t in script["tones"]]),
        ]),
        h("div", [("data-script-lines", True)], script_map(catalogue, turns)),
        h("button", [("type", "button"), ("class", "button secondary"),
                     ("data-action", "copy-script")], actions["copy_script"]),
        h("p", [("class", "status"), ("data-script-status", True), ("role", "status")]),
    ])


def script_part(catalogue, turns, tone):
    """The script where the plan places it: the script can be copied, so the
    note that a saved copy can be found comes first."""
    return [saved_note(catalogue, "saved-script-note"), script_editor(catalogue, turns, tone)]


def actions(catalogue):
    """Copy, print, download, share, practise, start over: under the plan card.

    Nothing is kept unless chosen here. Before the buttons, and read out with
    each one that keeps a copy: a saved plan can be found by anyone else who
    uses the device.
    """
    labels = catalogue.guidance["actions"]
    practice = catalogue.data["practice"]
    note = "saved-plan-note"
    buttons = [("copy-plan", labels["copy"], note), ("print", labels["print"], note),
               ("download", labels["download"], note),
               ("download-script", labels["download_script"], note),
               ("go-share", labels["share"], None)]
    return h("section", [("class", "action-bar"), ("aria-labelledby", "actions-heading")], [
        h("h2", [("id", "actions-heading")], labels["heading"]),
        h("p", None, labels["intro"]),
        saved_note(catalogue, note),
        h("div", [("class", "action-buttons")], [
            h("button", [("type", "button"), ("class", "button secondary"),
                         ("data-action", action), ("aria-describedby", described)], label)
            for action, label, described in buttons]),
        h("p", [("class", "status"), ("data-plan-status", True), ("role", "status")]),
        h("p", [("class", "hint"), ("id", "practise-hint")], practice["open_intro"]),
        h("div", [("class", "action-buttons")], [
            h("button", [("type", "button"), ("class", "button"), ("data-action", "practise"),
                         ("aria-describedby", "practise-hint")], practice["open_button"]),
            h("button", [("type", "button"), ("class", "button secondary"),
                         ("data-action", "restart")], catalogue.wizard["buttons"]["start_over"]),
        ]),
        h("p", [("class", "tab-only")], catalogue.data["privacy"]["plan_tab_only"]),
    ])


def results(catalogue, plan, card, turns, tone, share, slots=None):
    """Everything under the results heading: the plan card, its actions, the
    plan's parts (closed), the share step. ``card`` is
    :func:`doorway.guide.card.plan_card`; ``share`` is what the share form starts
    with (see :func:`doorway.guide.views.share.panel`); ``slots`` the decision
    aid's parts (:func:`doorway.guide.views.decision.slots`)."""
    labels = catalogue.guidance["labels"]
    editor = script_part(catalogue, turns, tone)
    return [plan_card(card), actions(catalogue),
            h("p", [("class", "plan-parts")], labels["contents"])] + [
        plan_view.section(section, labels, 2, editor, slots, fold=True)
        for section in plan["sections"]
    ] + [panel(catalogue, plan, share)]
