"""The wizard's results: the plan, the editable script, the actions and the share step."""

from . import h
from . import plan as plan_view
from .forms import choice
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


def script_lines(lines):
    """One labelled text box per line of the script, holding the line's words."""
    fields = []
    for number, line in enumerate(lines):
        field_id = "line-%d" % number
        hint_id = field_id + "-hint" if line["hint"] else None
        fields.append(h("div", [("class", "script-line")], [
            h("label", [("class", "field-label"), ("for", field_id)], line["label"]),
            h("p", [("class", "hint"), ("id", hint_id)], line["hint"]) if hint_id else None,
            h("textarea", [("class", "textarea"), ("id", field_id),
                           ("rows", "2" if len(line["text"]) < 90 else "3"),
                           ("data-line", line["id"]), ("dir", "auto"),
                           ("aria-describedby", hint_id)], line["text"]),
        ]))
    return fields


def script_editor(catalogue, lines, tone):
    """The tone choice, the script's lines and its copy button."""
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
        h("div", [("data-script-lines", True)], script_lines(lines)),
        h("button", [("type", "button"), ("class", "button secondary"),
                     ("data-action", "copy-script")], actions["copy_script"]),
        h("p", [("class", "status"), ("data-script-status", True), ("role", "status")]),
    ])


def actions(catalogue):
    """Copy, print, download, share, start over: nothing is kept unless chosen here."""
    labels = catalogue.guidance["actions"]
    buttons = [("copy-plan", labels["copy"]), ("print", labels["print"]),
               ("download", labels["download"]), ("go-share", labels["share"]),
               ("restart", catalogue.wizard["buttons"]["start_over"])]
    return h("section", [("class", "action-bar"), ("aria-labelledby", "actions-heading")], [
        h("h2", [("id", "actions-heading")], labels["heading"]),
        h("p", None, labels["intro"]),
        [h("button", [("type", "button"), ("class", "button secondary"), ("data-action", action)],
           label) for action, label in buttons],
        h("p", [("class", "status"), ("data-plan-status", True), ("role", "status")]),
    ])


def results(catalogue, plan, lines, tone, share, slots=None):
    """Everything under the results heading. ``share`` is what the share form
    starts with (see :func:`doorway.guide.views.share.panel`); ``slots`` the
    decision aid's parts (:func:`doorway.guide.views.decision.slots`)."""
    labels = catalogue.guidance["labels"]
    editor = script_editor(catalogue, lines, tone)
    return [contents(catalogue, plan)] + [
        plan_view.section(section, labels, 2, editor, slots) for section in plan["sections"]
    ] + [actions(catalogue), panel(catalogue, plan, share)]
