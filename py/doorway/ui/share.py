"""The share step: make a private link (and QR code) for the partner.

The person picks which of their chosen worries the partner's page speaks to,
the first step on offer and an optional note, and sees a live preview of
exactly what the partner will read. The link is made only on request; with a
passphrase it is sealed in the browser before it is shown.
"""

from doorway.guide import link, qr
from doorway.guide.text import note_counter

from . import clipboard, crypto, dom, forms, invitation

h = dom.h

PASSPHRASE_MINIMUM = 6


class Share:
    """The share panel for one plan."""

    def __init__(self, catalogue, plan):
        self.catalogue = catalogue
        self.plan = plan
        self.text = catalogue.partner["share"]
        self.form = None
        self.preview = None
        self.result = None

    def _concern_field(self, reason):
        field_id = "share-reason-" + reason["id"]
        return h("div", {"class": "checkbox"}, [
            h("input", {"type": "checkbox", "id": field_id, "name": "share-reasons",
                        "value": reason["id"], "checked": True}),
            h("label", {"for": field_id}, reason["label"]),
        ])

    def _ask_field(self, ask):
        field_id = "share-ask-" + ask["id"]
        return h("div", {"class": "radio"}, [
            h("input", {"type": "radio", "id": field_id, "name": "share-ask", "value": ask["id"],
                        "checked": ask["id"] == self.plan["ask"]}),
            h("label", {"for": field_id}, ask["name"]),
        ])

    def element(self):
        text = self.text
        reasons = [self.catalogue.reason(r) for r in self.plan["reasons"]]
        self.preview = invitation.preview(self.catalogue)
        self.form = h("form", {"data-form": "share", "novalidate": True}, [
            h("div", {"class": "error-summary", "data-error-summary": True, "role": "alert",
                      "tabindex": "-1", "hidden": True}, [
                h("h3", None, self.catalogue.wizard["errors"]["heading"]),
                h("ul", {"data-error-list": True}),
            ]),
            h("fieldset", {"class": "question"}, [
                h("legend", None, text["concerns_legend"]),
                h("p", {"class": "hint"}, text["concerns_hint"]),
                h("div", {"class": "checkboxes"}, [self._concern_field(r) for r in reasons]),
            ]),
            h("fieldset", {"class": "question"}, [
                h("legend", None, text["ask_legend"]),
                h("p", {"class": "hint"}, text["ask_hint"]),
                h("div", {"class": "radios"}, [self._ask_field(a) for a in self.catalogue.asks]),
            ]),
            h("div", {"class": "question", "data-question": "share-note"}, [
                h("label", {"class": "field-label", "for": "share-note"}, text["note_label"]),
                h("p", {"class": "hint", "id": "share-note-hint"}, text["note_hint"]),
                h("p", {"class": "field-error", "data-field-error": True, "hidden": True}),
                h("textarea", {"class": "textarea", "id": "share-note", "name": "share-note",
                               "rows": "4", "dir": "auto",
                               "aria-describedby": "share-note-hint share-note-count"}),
                h("p", {"class": "counter", "id": "share-note-count", "data-counter": True,
                        "aria-live": "polite"}),
            ]),
            h("div", {"class": "question", "data-question": "share-passphrase"}, [
                h("label", {"class": "field-label", "for": "share-passphrase"},
                  text["passphrase_label"]),
                h("p", {"class": "hint", "id": "share-passphrase-hint"}, text["passphrase_hint"]),
                h("p", {"class": "field-error", "data-field-error": True, "hidden": True}),
                h("input", {"class": "text-input", "type": "text", "id": "share-passphrase",
                            "name": "share-passphrase", "autocomplete": "off",
                            "spellcheck": "false", "aria-describedby": "share-passphrase-hint"}),
            ]),
            h("h3", None, text["preview_heading"]),
            h("p", {"class": "hint"}, text["preview_hint"]),
            self.preview,
            h("div", {"class": "actions"}, h("button", {"type": "submit", "class": "button"},
                                             text["make"])),
            h("p", {"class": "status", "data-share-status": True, "role": "status"}),
        ])
        self.result = h("div", {"class": "link-result", "data-share-result": True,
                                "hidden": True}, [
            h("label", {"class": "field-label", "for": "share-link"}, text["link_label"]),
            h("textarea", {"class": "textarea link-output", "id": "share-link", "rows": "4",
                           "readonly": True}),
            h("div", {"class": "actions"}, [
                h("button", {"type": "button", "class": "button", "data-action": "copy-link"},
                  text["copy"]),
                h("button", {"type": "button", "class": "button secondary",
                             "data-action": "show-qr"}, text["qr_show"]),
            ]),
            h("p", {"class": "status", "data-copy-status": True, "role": "status"}),
            h("figure", {"data-qr": True, "hidden": True}, [
                h("figcaption", None, text["qr_caption"]),
            ]),
        ])
        panel = h("section", {"class": "share", "id": "section-share",
                              "aria-labelledby": "share-heading"}, [
            h("h2", {"id": "share-heading", "tabindex": "-1"}, text["heading"]),
            [h("p", None, t) for t in text["intro"]],
            h("ul", {"class": "list"}, [h("li", None, t) for t in text["warning"]]),
            self.form,
            self.result,
        ])
        dom.on(self.form, "input", lambda event: self.refresh())
        dom.on(self.form, "change", lambda event: self.refresh())
        dom.on(self.form, "submit", self.on_submit)
        dom.on(self.result, "click", self.on_result_click)
        self.refresh()
        return panel

    def choices(self):
        return {
            "ask": forms.checked_one(self.form, "share-ask") or self.plan["ask"],
            "reasons": forms.checked(self.form, "share-reasons"),
            "note": link.clean_note(forms.value(self.form, "share-note")),
        }

    def refresh(self):
        """Update the counter and the preview as the person types."""
        chosen = self.choices()
        dom.set_text(dom.one("[data-counter]", self.form),
                     note_counter(self.catalogue, chosen["note"])[0])
        invitation.fill(self.preview, self.catalogue, chosen)
        dom.show(self.result, False)

    def on_submit(self, event):
        event.preventDefault()
        chosen = self.choices()
        passphrase = forms.value(self.form, "share-passphrase")
        errors = []
        counter, too_long = note_counter(self.catalogue, chosen["note"])
        if too_long:
            errors.append({"field": "share-note", "message": counter})
        if passphrase and len(passphrase) < PASSPHRASE_MINIMUM:
            errors.append({"field": "share-passphrase", "message": self.text["passphrase_error"]})
        forms.show_errors(self.form, errors)
        if not errors:
            dom.later(dom.busy(self.form, self.make(chosen, passphrase)))

    async def make(self, chosen, passphrase):
        status = dom.one("[data-share-status]", self.form)
        dom.set_text(status, self.text["working"])
        body = link.encode_invite(self.catalogue, chosen["ask"], chosen["reasons"], chosen["note"])
        token = await crypto.token(link.INVITE, body, passphrase)
        url = dom.site_url("invite/") + "#" + token
        dom.one("#share-link").value = url
        dom.show(dom.one("[data-qr]", self.result), False)
        dom.set_text(dom.one("[data-copy-status]", self.result), "")
        dom.set_text(status, "")
        dom.show(self.result, True)
        dom.focus(dom.one("#share-link"))

    def on_result_click(self, event):
        action = event.target.closest("[data-action]")
        if not action:
            return
        name = action.getAttribute("data-action")
        url = dom.one("#share-link").value
        if name == "copy-link":
            clipboard.copy(url, dom.one("[data-copy-status]", self.result),
                           self.text["copied"], self.text["copy_failed"])
        elif name == "show-qr":
            self.show_qr(url)

    def show_qr(self, url):
        figure = dom.one("[data-qr]", self.result)
        old = dom.one("svg", figure)
        if old:
            figure.removeChild(old)
        code = qr.encode(url, "M")
        image = dom.svg("svg", {"class": "qr", "viewBox": code.view_box(), "role": "img",
                                "aria-label": self.text["qr_caption"],
                                "shape-rendering": "crispEdges"})
        image.appendChild(dom.svg("rect", {"width": "100%", "height": "100%", "fill": "#fff"}))
        image.appendChild(dom.svg("path", {"d": code.svg_path()}))
        figure.insertBefore(image, figure.firstChild)
        dom.show(figure, True)
