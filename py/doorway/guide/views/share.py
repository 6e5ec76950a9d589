"""The share step under a plan: choose what the partner's page says, preview it,
make the link, show it as a QR code."""

from . import h
from .forms import choice, error_summary
from .partner import preview


def panel(catalogue, plan, chosen):
    """The whole share step for ``plan``; ``chosen`` is what the form starts with
    (``{"ask", "reasons", "note"}``), which the preview shows."""
    text = catalogue.partner["share"]
    reasons = [catalogue.reason(r) for r in plan["reasons"]]
    form = h("form", [("data-form", "share"), ("novalidate", True)], [
        error_summary(catalogue.wizard["errors"]["heading"], 3),
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
        h("div", [("class", "question"), ("data-question", "share-note")], [
            h("label", [("class", "field-label"), ("for", "share-note")], text["note_label"]),
            h("p", [("class", "hint"), ("id", "share-note-hint")], text["note_hint"]),
            h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
            h("textarea", [("class", "textarea"), ("id", "share-note"), ("name", "share-note"),
                           ("rows", "4"), ("dir", "auto"),
                           ("aria-describedby", "share-note-hint share-note-count")]),
            h("p", [("class", "counter"), ("id", "share-note-count"), ("data-counter", True),
                    ("aria-live", "polite")]),
        ]),
        h("div", [("class", "question"), ("data-question", "share-passphrase")], [
            h("label", [("class", "field-label"), ("for", "share-passphrase")],
              text["passphrase_label"]),
            h("p", [("class", "hint"), ("id", "share-passphrase-hint")], text["passphrase_hint"]),
            h("p", [("class", "field-error"), ("data-field-error", True), ("hidden", True)]),
            h("input", [("class", "text-input"), ("type", "text"), ("id", "share-passphrase"),
                        ("name", "share-passphrase"), ("autocomplete", "off"),
                        ("spellcheck", "false"), ("aria-describedby", "share-passphrase-hint")]),
        ]),
        h("h3", None, text["preview_heading"]),
        h("p", [("class", "hint")], text["preview_hint"]),
        h("div", [("class", "preview"), ("data-preview", True)], preview(catalogue, chosen)),
        h("div", [("class", "actions")], h("button", [("type", "submit"), ("class", "button")],
                                           text["make"])),
        h("p", [("class", "status"), ("data-share-status", True), ("role", "status")]),
    ])
    result = h("div", [("class", "link-result"), ("data-share-result", True), ("hidden", True)], [
        h("label", [("class", "field-label"), ("for", "share-link")], text["link_label"]),
        h("textarea", [("class", "textarea link-output"), ("id", "share-link"), ("rows", "4"),
                       ("readonly", True)]),
        h("div", [("class", "actions")], [
            h("button", [("type", "button"), ("class", "button"), ("data-action", "copy-link")],
              text["copy"]),
            h("button", [("type", "button"), ("class", "button secondary"),
                         ("data-action", "show-qr")], text["qr_show"]),
        ]),
        h("p", [("class", "status"), ("data-copy-status", True), ("role", "status")]),
        h("figure", [("data-qr", True), ("hidden", True)], h("figcaption", None,
                                                             text["qr_caption"])),
    ])
    return h("section", [("class", "share"), ("id", "section-share"),
                         ("aria-labelledby", "share-heading")], [
        h("h2", [("id", "share-heading"), ("tabindex", "-1")], text["heading"]),
        [h("p", None, t) for t in text["intro"]],
        h("ul", [("class", "list")], [h("li", None, t) for t in text["warning"]]),
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
