"""The partner's page as view trees: the ask first, in the sender's voice, then
the questions the reader may have, folded, and the reply form.

The top of the page (:func:`top`) says who the invitation is from, shows
their note (or a warm default written as them) and the one small step on
offer with what it costs; the reply choices follow at once
(:func:`reply_form`). Everything else folds below as the reader's own
questions (:func:`questions`): the worries the sender chose, then questions
every reader may have, each answered once.

Drawn on the partner's page from a link, in the sender's live preview on the
share step (so the preview shows exactly what the partner will read), and on
the static guide's page for partners. The sender's name and note are text
children like any other: they can never become markup.
"""

from doorway.guide import link, link_forms

from . import h
from .forms import choice, error_summary

#: The invitation's heading: the page focuses it when the invitation opens.
HEADING_ID = "invite-heading"
#: Where the "Cover your tracks" help opens in place on the partner's page.
TRACKS = "#cover-tracks"


def offer_of(catalogue, ask_id):
    """The partner page's words for the first step ``ask_id`` (``offers`` in the content)."""
    for offer in catalogue.partner["offers"]:
        if offer["ask"] == ask_id:
            return offer
    raise ValueError("no offer for first step %r" % ask_id)


def from_line(catalogue, sender):
    """Who the invitation is from: the sender's name as they gave it, or "your partner"."""
    text = catalogue.partner
    return text["from_named"].replace("{name}", sender) if sender else text["from_unnamed"]


def note(catalogue, text):
    """The sender's note as plain text; without one, the default in their voice."""
    if text:
        return h("div", [("class", "note-box"), ("data-note-box", True)],
                 h("p", [("class", "note"), ("data-note", True), ("dir", "auto")], text))
    return h("div", [("class", "note-box"), ("data-note-box", True), ("data-default-note", True)],
             [h("p", [("class", "note")], line) for line in catalogue.partner["default_note"]])


def offer(catalogue, ask_id, level=2):
    """The one small step on offer: what it is, its time and money, nothing booked."""
    text = catalogue.partner
    item = offer_of(catalogue, ask_id)
    return h("section", [("class", "offer"), ("data-offer", ask_id)], [
        h("h%d" % level, None, text["offer_heading"]),
        h("p", [("class", "offer-step"), ("data-offer-text", True)], item["step"]),
        h("dl", [("class", "offer-facts")], [
            h("dt", None, text["time_label"]), h("dd", None, item["time"]),
            h("dt", None, text["cost_label"]), h("dd", None, item["cost"]),
        ]),
        h("p", [("class", "offer-booked")], item["booked"]),
    ])


def top(catalogue, invite, level=1):
    """The first screen: who it is from, the note, the step (the reply choices follow).

    ``invite`` is a decoded invitation (``sender`` is missing from version 1).
    At ``level`` 1 the heading is the page's, which the page focuses.
    """
    attrs = [("id", HEADING_ID), ("tabindex", "-1")] if level == 1 else []
    return [h("h%d" % level, attrs + [("data-from", True)],
              from_line(catalogue, invite.get("sender", ""))),
            note(catalogue, invite["note"]),
            offer(catalogue, invite["ask"], level + 1)]


# The questions, folded ------------------------------------------------------------

def _fold(question, answer, attrs, more=None):
    return h("details", [("class", "fold")] + attrs,
             [h("summary", None, question), [h("p", None, text) for text in answer], more])


def concern(catalogue, reason_id, level=3):
    """What the partner's page says about one worry, unfolded (the guide's own pages)."""
    partner = catalogue.reason_for_partner(reason_id)["partner"]
    return h("section", [("class", "concern")], [
        h("h%d" % level, None, partner["heading"]),
        [h("p", None, text) for text in partner["body"]],
    ])


def worry(catalogue, reason_id):
    """One worry the sender chose, as a question the reader may have, answered."""
    partner = catalogue.reason_for_partner(reason_id)["partner"]
    return _fold(partner["heading"], partner["body"], [("data-worry", reason_id)])


def general_questions(catalogue, reason_ids):
    """The questions for every reader that no chosen worry already answers."""
    return [q for q in catalogue.partner["questions"]
            if not [r for r in q["same_as"] if r in reason_ids]]


def questions(catalogue, reason_ids, level=2, tracks=TRACKS):
    """The chosen worries, then the other questions, each folded under its question.

    ``tracks``: where "Cover your tracks" is on this page.
    """
    general = []
    for item in general_questions(catalogue, reason_ids):
        more = h("p", None, h("a", [("href", tracks)], item["link"])) if item.get("link") else None
        general.append(_fold(item["question"], item["answer"], [("data-general", item["id"])],
                             more))
    return h("section", [("class", "questions"), ("aria-labelledby", "questions-heading")], [
        h("h%d" % level, [("id", "questions-heading")], catalogue.partner["questions_heading"]),
        h("div", [("data-concerns", True)], [worry(catalogue, r) for r in reason_ids]),
        general,
    ])


def cited(catalogue, invite):
    """Every source the page for ``invite`` draws on, each once, in reading order."""
    found = []
    lists = [catalogue.partner["sources"], offer_of(catalogue, invite["ask"])["sources"]]
    lists += [catalogue.reason_for_partner(r)["sources"] for r in invite["reasons"]]
    lists += [q["sources"] for q in general_questions(catalogue, invite["reasons"])]
    for ids in lists:
        for source_id in ids:
            if source_id not in found:
                found.append(source_id)
    return found


def preview(catalogue, invite, level=4):
    """What the partner will see first, for the share step's live preview: the top
    of their page, the reply choices (as a list), and the questions they can open.

    ``level`` is the level of its first heading (their page's ``h1``): one below
    the preview's own heading, so the share step keeps one outline (the
    offer and the reply, ``h2`` on their page, are one level further down)."""
    text = catalogue.partner
    asked = [catalogue.reason_for_partner(r)["partner"]["heading"] for r in invite["reasons"]]
    asked += [q["question"] for q in general_questions(catalogue, invite["reasons"])]
    return [
        top(catalogue, invite, level),
        h("h%d" % (level + 1), None, text["reply"]["heading"]),
        h("ul", [("class", "choice-list")], [h("li", None, c["label"])
                                             for c in catalogue.reply_choices]),
        h("p", None, text["share"]["preview_questions"]),
        h("ul", [("class", "list"), ("data-preview-questions", True)],
          [h("li", None, question) for question in asked]),
    ]


# The reply form -------------------------------------------------------------------

def _conditional(choice_id, legend, kind, name, entries, field):
    """What a choice lets the reader add, shown under it once it is chosen."""
    return h("div", [("class", "conditional"), ("data-conditional", choice_id),
                     ("id", "reply-%s-more" % choice_id), ("hidden", True)],
             h("fieldset", None, [
                 h("legend", None, legend),
                 h("div", [("class", "checkboxes" if kind == "checkbox" else "radios")],
                   [choice(kind, name, field(e["id"]), e["id"], e["label"]) for e in entries]),
             ]))


def reply_choices(catalogue):
    """The four choices, each followed by what it lets the reader add."""
    text = catalogue.partner["reply"]
    items = []
    for entry in catalogue.reply_choices:
        items.append(choice("radio", "reply-choice", link_forms.choice_field(entry["id"]),
                            entry["id"], entry["label"]))
        takes = entry.get("takes")
        if takes == link.TAKES_CONDITIONS:
            items.append(_conditional(entry["id"], text["conditions_legend"], "checkbox",
                                      "reply-conditions", catalogue.reply_conditions,
                                      link_forms.condition_field))
        elif takes == link.TAKES_PERIOD:
            items.append(_conditional(entry["id"], text["period_legend"], "radio",
                                      "reply-period", catalogue.reply_periods,
                                      link_forms.period_field))
    return h("div", [("class", "radios reply-choices")], items)


def reply_form(catalogue, error_heading):
    """The reply: one clear choice (or a note alone), a note, sealing, a live
    preview of what the sender will get, and the link once it is made."""
    text = catalogue.partner["reply"]
    first = link_forms.choice_field(catalogue.reply_choices[0]["id"])
    form = h("form", [("data-form", "reply"), ("novalidate", True), ("autocomplete", "off")], [
        error_summary(error_heading),
        h("fieldset", [("class", "question"), ("data-question", first),
                       ("aria-describedby", "reply-hint")], [
            h("legend", None, h("h2", [("id", "reply-heading")], text["heading"])),
            h("p", [("class", "hint"), ("id", "reply-hint")], text["hint"]),
            h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
            reply_choices(catalogue),
        ]),
        h("div", [("class", "question"), ("data-question", link_forms.NOTE_REPLY_FIELD)], [
            h("label", [("class", "field-label"), ("for", "reply-note")], text["note_label"]),
            h("p", [("class", "hint"), ("id", "reply-note-hint")], text["note_hint"]),
            h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
            h("textarea", [("class", "textarea"), ("id", "reply-note"), ("name", "note"),
                           ("rows", "3"), ("dir", "auto"),
                           ("aria-describedby", "reply-note-hint reply-note-count")]),
            h("p", [("class", "counter"), ("id", "reply-note-count"), ("data-counter", True),
                    ("aria-live", "polite")]),
        ]),
        h("div", [("class", "checkbox"), ("data-seal-option", True), ("hidden", True)], [
            h("input", [("type", "checkbox"), ("id", "reply-seal"), ("name", "seal"),
                        ("checked", True), ("aria-describedby", "reply-seal-hint")]),
            h("label", [("for", "reply-seal")], text["seal_label"]),
            h("p", [("class", "example"), ("id", "reply-seal-hint")], text["seal_hint"]),
        ]),
        h("p", [("class", "hint"), ("data-plain-reply", True), ("hidden", True)],
          text["plain_hint"]),
        h("h3", None, text["preview_heading"]),
        h("div", [("class", "preview"), ("data-reply-preview", True), ("data-private", True)]),
        h("div", [("class", "actions")], h("button", [("type", "submit"), ("class", "button")],
                                           text["make"])),
        h("p", [("class", "status"), ("data-reply-working", True), ("role", "status")]),
    ])
    result = h("div", [("class", "link-result"), ("data-reply-result", True), ("hidden", True)], [
        h("p", [("role", "status"), ("data-reply-status", True)]),
        h("label", [("class", "field-label"), ("for", "reply-link")], text["link_label"]),
        h("textarea", [("class", "textarea link-output"), ("id", "reply-link"), ("rows", "3"),
                       ("readonly", True), ("autocomplete", "off")]),
        h("div", [("class", "actions")], [
            h("button", [("type", "button"), ("class", "button"), ("data-action", "send-reply"),
                         ("hidden", True)], text["send"]),
            h("button", [("type", "button"), ("class", "button secondary"),
                         ("data-action", "copy-reply")], text["copy"]),
        ]),
        h("p", None, text["open_how"]),
    ])
    return h("section", [("class", "reply-form"), ("aria-labelledby", "reply-heading")],
             [form, result])


def preview_empty(catalogue):
    """The reply preview before anything is chosen."""
    return h("p", [("class", "hint")], catalogue.partner["reply"]["preview_empty"])


# The page with no link ----------------------------------------------------------

def paste_box(catalogue, kind, error_heading):
    """The paste form: a link pasted here never enters the browser's history.

    Its ``maxlength`` is :func:`doorway.guide.link_forms.paste_cap`; boot.js
    refuses a longer paste (``data-link-paste``) before Python reads it.
    """
    text = catalogue.partner["paste"]
    field = "paste-link"
    return h("div", [("class", "paste-box"), ("data-paste-box", True)], [
        h("form", [("data-form", "paste"), ("novalidate", True), ("autocomplete", "off")], [
            error_summary(error_heading),
            h("div", [("class", "question"), ("data-question", field)], [
                h("label", [("class", "field-label"), ("for", field)], text["label"]),
                h("p", [("class", "hint"), ("id", field + "-hint")], text["hint"]),
                h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
                h("textarea", [("class", "textarea link-output"), ("id", field), ("name", "link"),
                               ("rows", "3"), ("maxlength", link_forms.paste_cap(kind)),
                               ("spellcheck", "false"), ("autocapitalize", "none"),
                               ("autocomplete", "off"), ("aria-describedby", field + "-hint"),
                               ("data-link-paste", True)]),
            ]),
            h("div", [("class", "actions")], h("button", [("type", "submit"), ("class", "button")],
                                               text["submit"])),
        ]),
        h("p", None, [text["also"], " ", h("a", [("href", TRACKS)],
                                           catalogue.site["footer"]["tracks"])]),
    ])
