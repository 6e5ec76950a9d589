"""The partner's page: an invitation written for them, and a way to reply."""

from doorway.guide import link
from doorway.guide.text import note_counter

from . import clipboard, crypto, dom, forms, invitation
from .links import LinkPage


class PartnerPage(LinkPage):
    kind = link.INVITE

    def start(self):
        super().start()
        self.form = dom.one('[data-form="reply"]', self.app)
        dom.on(self.form, "submit", self.on_reply)
        dom.on(self.form, "input", lambda event: self.count())
        dom.on(dom.one("[data-reply-result]", self.app), "click", self.on_copy)
        self.count()

    def open(self, body):
        invite = link.decode(self.catalogue, self.envelope, body)
        article = dom.one('[data-part="invitation"]', self.app)
        invitation.fill(article, self.catalogue, invite)
        dom.show(dom.one("[data-seal-option]", self.app), bool(self.passphrase))
        self.view("invitation")

    def note(self):
        return link.clean_note(forms.value(self.form, "note"))

    def count(self):
        dom.set_text(dom.one("[data-counter]", self.form),
                     note_counter(self.catalogue, self.note())[0])
        dom.show(dom.one("[data-reply-result]", self.app), False)

    def on_reply(self, event):
        event.preventDefault()
        reply = self.catalogue.partner["reply"]
        options = forms.checked(self.form, "reply")
        note = self.note()
        errors = []
        if not options:
            errors.append({"field": "reply-" + reply["options"][0]["id"],
                           "message": reply["options_error"]})
        counter, too_long = note_counter(self.catalogue, note)
        if too_long:
            errors.append({"field": "reply-note", "message": counter})
        forms.show_errors(self.form, errors)
        if not errors:
            seal = self.passphrase and dom.one("#reply-seal").checked
            dom.later(dom.busy(self.form, self.make_reply(options, note,
                                                          self.passphrase if seal else "")))

    async def make_reply(self, options, note, passphrase):
        body = link.encode_reply(self.catalogue, options, note)
        token = await crypto.token(link.REPLY, body, passphrase)
        result = dom.one("[data-reply-result]", self.app)
        dom.one("#reply-link").value = dom.site_url("reply/") + "#" + token
        dom.set_text(dom.one("[data-reply-status]", result),
                     self.catalogue.partner["reply"]["ready"])
        dom.show(result, True)
        dom.focus(dom.one("#reply-link"))

    def on_copy(self, event):
        if not event.target.closest('[data-action="copy-reply"]'):
            return
        share = self.catalogue.partner["share"]
        clipboard.copy(dom.one("#reply-link").value, dom.one("[data-reply-status]", self.app),
                       share["copied"], share["copy_failed"])
