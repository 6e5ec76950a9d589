"""The wizard's results: the plan card, the plan, the script editor, the actions
and the share step."""

from . import h
from . import plan as plan_view
from .forms import choice
from .script import plan_card, script_map
from .share import panel


def contents(catalogue, plan):
    """"On this page": a link to every section, the share step last."""
    labels = catalogue.guidance["labels"]
    links = [(s["id"], s["heading"]) for s in plan["sections"]]
    links.append(("share", catalogue.partner["share"]["heading"]))
    return h("nav", [("class", "plan-nav"), ("aria-labelledby", "plan-nav-heading")], [
        h("h2", [("id", "plan-nav-heading")], labels["contents"]),
        h("ul", [("class", "list")], [h("li", None, h("a", [("href", "#section-" + id_)], heading))
                                      for id_, heading in links]),
    ])


def script_editor(catalogue, turns, tone):
    """The tone choice, the conversation map with every spoken line editable,
    and the script's copy button (its download is with the plan's actions)."""
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


def actions(catalogue):
    """Copy, print, download, share, start over: nothing is kept unless chosen here."""
    labels = catalogue.guidance["actions"]
    buttons = [("copy-plan", labels["copy"]), ("print", labels["print"]),
               ("download", labels["download"]), ("download-script", labels["download_script"]),
               ("go-share", labels["share"]),
               ("restart", catalogue.wizard["buttons"]["start_over"])]
    return h("section", [("class", "action-bar"), ("aria-labelledby", "actions-heading")], [
        h("h2", [("id", "actions-heading")], labels["heading"]),
        h("p", None, labels["intro"]),
        [h("button", [("type", "button"), ("class", "button secondary"), ("data-action", action)],
           label) for action, label in buttons],
        h("p", [("class", "status"), ("data-plan-status", True), ("role", "status")]),
    ])


def results(catalogue, plan, card, turns, tone, share, slots=None):
    """Everything under the results heading: the plan card first. ``card`` is
    :func:`doorway.guide.card.plan_card`; ``share`` is what the share form starts
    with (see :func:`doorway.guide.views.share.panel`); ``slots`` the decision
    aid's parts (:func:`doorway.guide.views.decision.slots`)."""
    labels = catalogue.guidance["labels"]
    editor = script_editor(catalogue, turns, tone)
    return [plan_card(card), contents(catalogue, plan)] + [
        plan_view.section(section, labels, 2, editor, slots) for section in plan["sections"]
    ] + [actions(catalogue), panel(catalogue, plan, share)]
