"""The share step under a plan: choose what the partner's page says, see the top
of it as they will, choose how to protect the link, make it, send or copy it.

Sealing with four generated words is the default where the page can seal
(:func:`doorway.guide.link_forms.protections`); a typed passphrase or a plain
link, with its warning, are the other choices. No worry starts ticked: the
partner will see the ones chosen.
"""

from doorway.guide import link_forms

from . import h
from .forms import choice, error_summary, secret
from .partner import TRACKS, preview


def _question(field, label, hint, control, extra=None):
    """A labelled field with its hint and its place for an error (GOV.UK)."""
    return h("div", [("class", "question"), ("data-question", field)], [
        h("label", [("class", "field-label"), ("for", field)], label),
        h("p", [("class", "hint"), ("id", field + "-hint")], hint),
        h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
        control,
        extra,
    ])


def _conditional(name, children):
    """What a protection choice shows under itself once it is chosen."""
    return h("div", [("class", "conditional"), ("data-conditional", name),
                     ("hidden", name != link_forms.WORDS)], children)


def protection(catalogue, protections):
    """How to protect the link: four words (the default), a typed passphrase, or
    plain. Where the page cannot seal, only the plain link, and why."""
    text = catalogue.partner["share"]
    if protections == [link_forms.PLAIN]:
        return h("div", [("class", "question notice"), ("data-no-seal", True)], [
            h("p", None, text["no_seal"]),
            h("p", [("class", "warning")], text["plain_warning"]),
        ])
    words = link_forms.protect_field(link_forms.WORDS)
    own = link_forms.protect_field(link_forms.OWN)
    plain = link_forms.protect_field(link_forms.PLAIN)
    return h("fieldset", [("class", "question"), ("data-question", words)], [
        h("legend", None, text["protect_legend"]),
        h("p", [("class", "hint")], text["protect_hint"]),
        h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
        h("div", [("class", "radios")], [
            choice("radio", "share-protect", words, link_forms.WORDS, text["words_label"], True),
            _conditional(link_forms.WORDS, [
                h("p", [("class", "hint"), ("id", "share-words-hint")], text["words_hint"]),
                h("p", [("class", "words"), ("data-words", True), ("aria-live", "polite")],
                  text["words_loading"]),
                h("button", [("type", "button"), ("class", "button secondary small"),
                             ("data-action", "new-words"), ("disabled", True)],
                  text["new_words"]),
            ]),
            choice("radio", "share-protect", own, link_forms.OWN, text["own_label"]),
            _conditional(link_forms.OWN, _question(
                link_forms.PASSPHRASE_FIELD, text["passphrase_label"], text["passphrase_hint"],
                secret(link_forms.PASSPHRASE_FIELD, catalogue.partner["show_passphrase"],
                       catalogue.partner["hide_passphrase"],
                       link_forms.PASSPHRASE_FIELD + "-hint"))),
            choice("radio", "share-protect", plain, link_forms.PLAIN, text["plain_label"]),
            _conditional(link_forms.PLAIN, h("p", [("class", "warning")],
                                             text["plain_warning"])),
        ]),
    ])


def words(chosen):
    """The generated passphrase, a word at a time, easy to read aloud."""
    spoken = []
    for i, word in enumerate(chosen):
        if i:
            spoken.append(" ")
        spoken.append(h("span", [("class", "word")], word))
    return spoken


def panel(catalogue, plan, chosen):
    """The whole share step for ``plan``. ``chosen`` is what the form starts with,
    which the preview shows: ``ask``, ``reasons`` (none, to start with),
    ``note``, ``sender``, and ``protections``, the ways the page may protect a
    link (:func:`doorway.guide.link_forms.protections`)."""
    text = catalogue.partner["share"]
    reasons = [catalogue.reason(r) for r in plan["reasons"]]
    form = h("form", [("data-form", "share"), ("novalidate", True), ("autocomplete", "off")], [
        error_summary(catalogue.wizard["errors"]["heading"], 3),
        _question(link_forms.SENDER_FIELD, text["sender_label"], text["sender_hint"],
                  h("input", [("class", "text-input"), ("type", "text"),
                              ("id", link_forms.SENDER_FIELD), ("name", link_forms.SENDER_FIELD),
                              ("autocomplete", "off"), ("spellcheck", "false"), ("dir", "auto"),
                              ("aria-describedby", link_forms.SENDER_FIELD + "-hint")])),
        h("fieldset", [("class", "question")], [
            h("legend", None, text["concerns_legend"]),
            h("p", [("class", "hint")], text["concerns_hint"]),
            h("div", [("class", "checkboxes")], [
                choice("checkbox", "share-reasons", "share-reason-" + r["id"], r["id"], r["label"],
                       r["id"] in chosen["reasons"]) for r in reasons]),
        ]),
        h("fieldset", [("class", "question")], [
            h("legend", None, text["ask_legend"]),
            h("p", [("class", "hint")], text["ask_hint"]),
            h("div", [("class", "radios")], [
                choice("radio", "share-ask", "share-ask-" + a["id"], a["id"], a["name"],
                       a["id"] == chosen["ask"]) for a in catalogue.asks]),
        ]),
        _question(link_forms.NOTE_FIELD, text["note_label"], text["note_hint"],
                  h("textarea", [("class", "textarea"), ("id", link_forms.NOTE_FIELD),
                                 ("name", link_forms.NOTE_FIELD), ("rows", "4"), ("dir", "auto"),
                                 ("aria-describedby", "share-note-hint share-note-count")]),
                  h("p", [("class", "counter"), ("id", "share-note-count"),
                          ("data-counter", True), ("aria-live", "polite")])),
        protection(catalogue, chosen["protections"]),
        h("h3", None, text["preview_heading"]),
        h("div", [("class", "preview"), ("data-preview", True)], preview(catalogue, chosen)),
        h("div", [("class", "actions")], h("button", [("type", "submit"), ("class", "button")],
                                           text["make"])),
        h("p", [("class", "status"), ("data-share-status", True), ("role", "status")]),
    ])
    result = h("div", [("class", "link-result"), ("data-share-result", True), ("hidden", True)], [
        h("label", [("class", "field-label"), ("for", "share-link")], text["link_label"]),
        h("textarea", [("class", "textarea link-output"), ("id", "share-link"), ("rows", "4"),
                       ("readonly", True), ("autocomplete", "off")]),
        h("p", [("class", "say-words"), ("data-say-words", True), ("hidden", True)],
          [text["say_words"], " ", h("strong", [("data-say-words-text", True)])]),
        h("div", [("class", "actions")], [
            h("button", [("type", "button"), ("class", "button"), ("data-action", "send-link"),
                         ("hidden", True)], text["send"]),
            h("button", [("type", "button"), ("class", "button secondary"),
                         ("data-action", "copy-link")], text["copy"]),
            h("button", [("type", "button"), ("class", "button secondary"),
                         ("data-action", "show-qr")], text["qr_show"]),
        ]),
        h("p", [("class", "hint"), ("data-qr-too-long", True), ("hidden", True)],
          text["qr_too_long"]),
        h("p", [("class", "status"), ("data-copy-status", True), ("role", "status")]),
        h("figure", [("data-qr", True), ("hidden", True)], h("figcaption", None,
                                                             text["qr_caption"])),
        [h("p", None, line) for line in text["open_how"]],
        h("p", None, h("a", [("href", TRACKS)], text["tracks_link"])),
    ])
    return h("section", [("class", "share"), ("id", "section-share"),
                         ("aria-labelledby", "share-heading")], [
        h("h2", [("id", "share-heading"), ("tabindex", "-1")], text["heading"]),
        [h("p", None, t) for t in text["intro"]],
        form,
        result,
    ])


def qr_image(code, caption):
    """A QR code (see :mod:`doorway.guide.qr`) as an SVG image, on white."""
    return h("svg", [("class", "qr"), ("viewBox", code.view_box()), ("role", "img"),
                     ("aria-label", caption), ("shape-rendering", "crispEdges")], [
        h("rect", [("width", "100%"), ("height", "100%"), ("fill", "#fff")]),
        h("path", [("d", code.svg_path())]),
    ])
