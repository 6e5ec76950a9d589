"""Practice mode (see :mod:`doorway.guide.practice`) as view trees.

One function per screen: :func:`intro`, :func:`turn`, :func:`feedback`,
:func:`pause` and :func:`summary`. Each starts with an ``h2`` the controller
moves focus to. Everything the person typed is text in the tree, never markup,
and the controller draws it inside a ``data-private`` element.
"""

from ..practice import partner_line
from . import h, source_link
from .forms import error_summary

OWN = "practice-own"
PICK = "practice-pick"


def _heading(text, attrs=None):
    return h("h2", [("class", "practice-heading"), ("tabindex", "-1")] + (attrs or []), text)


def _button(action, label, primary=False):
    return h("button", [("type", "button"), ("class", "button" if primary else "button secondary"),
                        ("data-action", action)], label)


def _sources(catalogue, ids):
    labels = catalogue.guidance["labels"]
    return h("p", [("class", "practice-sources hint")], [
        labels["refs"] + ": ",
        [[", " if i else "", source_link(catalogue.source(s)["url"], catalogue.source(s)["title"])]
         for i, s in enumerate(ids)]])


def _said(who, label, text, attrs=None):
    return h("li", [("class", "practice-said " + who)] + (attrs or []), [
        h("span", [("class", "label")], label + ":"), " " + text])


def log(catalogue, state):
    """What has been said so far: the opening, then each partner line and reply."""
    practice = catalogue.data["practice"]
    items = [_said("you", practice["you"], state["opening"])]
    for record in state["replies"]:
        items.append(_said("partner", practice["partner"], record["partner"],
                           [("data-mood", record["before"])]))
        items.append(_said("you", practice["you"], record["text"]))
    return h("ol", [("class", "practice-log"), ("data-practice-log", True)], items)


def intro(catalogue, opening):
    """Before the first turn: what this is, that nothing is kept, their opening."""
    practice = catalogue.data["practice"]
    return [
        _heading(practice["intro_heading"]),
        [h("p", None, text) for text in practice["intro"]],
        h("p", [("class", "practice-private")], practice["private"]),
        h("p", None, practice["you_began"]),
        h("blockquote", [("class", "practice-line you")], opening),
        h("div", [("class", "actions")], [
            _button("practice-start", practice["start"], primary=True),
            _button("practice-leave", practice["back_to_plan"])]),
        _sources(catalogue, practice["sources"]),
    ]


def _partner(catalogue, line):
    practice = catalogue.data["practice"]
    return h("div", [("class", "practice-partner"), ("data-partner-line", True),
                     ("data-mood", line["mood"]), ("data-manner", line["manner"])], [
        h("p", [("class", "label")], practice["partner"] + ":"),
        h("blockquote", [("class", "practice-line partner")], line["text"]),
        h("p", [("class", "hint")], practice["manner_label"] + " " + line["label"])
        if line["label"] else None,
    ])


def turn(catalogue, state, picks):
    """The partner's line and the reply form: a few picks, or their own words."""
    practice = catalogue.data["practice"]
    n = len(state["replies"]) + 1
    hint_id = OWN + "-hint"
    return [
        _heading(practice["turn"].replace("{n}", str(n)).replace(
            "{total}", str(len(state["plan"]))), [("data-turn", str(n))]),
        log(catalogue, state),
        _partner(catalogue, partner_line(catalogue, state)),
        h("form", [("data-form", "practice"), ("novalidate", True), ("autocomplete", "off")], [
            error_summary(catalogue.wizard["errors"]["heading"], 3),
            h("fieldset", [("class", "question")], [
                h("legend", None, practice["pick_legend"]),
                h("div", [("class", "radios")], [
                    h("div", [("class", "radio")], [
                        h("input", [("type", "radio"), ("id", "%s-%d" % (PICK, i)),
                                    ("name", PICK), ("value", str(i))]),
                        h("label", [("for", "%s-%d" % (PICK, i))], text)])
                    for i, text in enumerate(picks)]),
            ]),
            h("div", [("class", "question"), ("data-question", OWN)], [
                h("label", [("class", "field-label"), ("for", OWN)], practice["write_label"]),
                h("p", [("class", "hint"), ("id", hint_id)], practice["write_hint"]),
                h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
                h("textarea", [("class", "textarea"), ("id", OWN), ("name", OWN), ("rows", "3"),
                               ("dir", "auto"), ("aria-describedby", hint_id)]),
            ]),
            h("div", [("class", "actions")], [
                h("button", [("type", "submit"), ("class", "button")], practice["reply"]),
                _button("practice-pause", practice["pause"])]),
        ]),
    ]


def _finding(practice, item):
    helpful = item["tone"] == "helpful"
    return h("li", [("class", "finding"), ("data-kind", item["kind"]),
                    ("data-tone", item["tone"])], [
        h("p", None, [h("strong", None, (practice["helped"] if helpful else practice["hurt"])
                        + " (" + item["label"] + "): "),
                      h("q", [("data-quote", True)], item["quote"])]),
        h("p", None, item["about"]),
        None if helpful else h("p", None, [
            h("strong", None, practice["try_instead"]), " " + item["rewording"]]),
        None if helpful else h("p", [("class", "hint")], practice["example"].replace(
            "{instead}", item["example"]["instead"]).replace("{try}", item["example"]["try"])),
    ])


def feedback(catalogue, state, record):
    """After a reply: the exchange so far, the words that helped or hurt, and
    how the partner's mood moved."""
    practice = catalogue.data["practice"]
    last = len(state["replies"]) >= len(state["plan"])
    return [
        _heading(practice["feedback_heading"], [("data-feedback", True)]),
        log(catalogue, state),
        h("ul", [("class", "findings")], [_finding(practice, item)
                                          for item in record["feedback"]])
        if record["feedback"] else h("p", [("data-nothing-found", True)],
                                     practice["nothing_found"]),
        h("p", [("class", "practice-reaction"), ("data-reaction", True),
                ("data-mood", record["after"])], record["reaction"]),
        h("div", [("class", "actions")], [
            _button("practice-next", practice["finish"] if last else practice["next"],
                    primary=True),
            None if last else _button("practice-pause", practice["pause"])]),
    ]


def pause(catalogue):
    """The calm way out: how to pause a real talk, and that "no" is allowed."""
    way_out = catalogue.data["practice"]["way_out"]
    return [
        _heading(way_out["heading"], [("data-way-out", True)]),
        [h("p", None, text) for text in way_out["body"]],
        h("p", None, h("strong", None, way_out["say_label"])),
        h("blockquote", [("class", "practice-line you")], way_out["say"]),
        h("p", None, way_out["no_is_allowed"]),
        h("div", [("class", "actions")], [
            _button("practice-resume", way_out["back"], primary=True),
            _button("practice-end", way_out["end"])]),
        _sources(catalogue, way_out["sources"]),
    ]


def summary(catalogue, state, result):
    """The end: the partner's last line, what went well, one thing to try, and
    the person's own lines worth keeping, ready to copy into their script."""
    practice = catalogue.data["practice"]
    words = practice["summary"]
    try_next = result["try_next"]
    return [
        _heading(words["heading"], [("data-practice-summary", True)]),
        log(catalogue, state),
        _partner(catalogue, {"text": result["closing"], "mood": result["mood"],
                             "manner": "closing", "label": ""}),
        h("h3", None, words["went_well"]),
        h("ul", [("class", "list"), ("data-went-well", True)], [
            h("li", None, [item["label"] + ": ", h("q", None, item["quote"])])
            for item in result["went_well"]]) if result["went_well"]
        else h("p", None, words["went_well_none"]),
        h("h3", None, words["try_next"]),
        h("p", [("data-try-next", True)], [
            [try_next["label"] + ": ", h("q", None, try_next["quote"]), " "]
            if try_next["quote"] else None, try_next["text"]])
        if try_next else h("p", None, words["try_next_none"]),
        h("h3", None, words["keep"]),
        [h("p", None, words["keep_intro"]),
         h("ul", [("class", "list"), ("data-keep", True)], [
             h("li", None, text) for text in result["keep"]]),
         _button("practice-copy", words["copy"]),
         h("p", [("class", "status"), ("data-practice-status", True), ("role", "status")])]
        if result["keep"] else h("p", None, words["keep_none"]),
        h("div", [("class", "actions")], [
            _button("practice-start", words["again"], primary=True),
            _button("practice-leave", practice["back_to_plan"])]),
    ]
