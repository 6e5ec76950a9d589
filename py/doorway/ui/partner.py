"""The partner's page: an invitation written for them, and a way to reply."""

from doorway.guide import answers as checks
from doorway.guide import link
from doorway.guide.text import note_counter
from doorway.guide.views import partner as views

from . import clipboard, crypto, dom, forms, safety
from .links import LinkPage


class PartnerPage(LinkPage):
    kind = link.INVITE

    def start(self):
        self.form = dom.one('[data-form="reply"]', self.app)
        self.result = dom.one("[data-reply-result]", self.app)
        dom.on(self.form, "submit", self.on_reply)
        dom.on(self.form, "input", lambda event: self.count())
        dom.on(self.result, "click", self.on_copy)
        self.quiet_help = safety.QuietHelp(self.catalogue, dom.one("[data-quiet-help]", self.app))
        super().start()

    def wipe(self):
        super().wipe()
        self.quiet_help.wipe()
        dom.one("#reply-link").value = ""
        self.count()

    def slot(self, name):
        return dom.one('[data-slot="%s"]' % name, self.app)

    def open(self, body):
        invite = link.decode(self.catalogue, self.envelope, body)
        dom.replace(self.slot("note"), views.note_box(self.catalogue.partner["note_heading"],
                                                      invite["note"]))
        dom.replace(self.slot("concerns"), views.concerns(self.catalogue, invite["reasons"]))
        dom.replace(self.slot("offer"), views.offer(self.catalogue, invite["ask"]))
        dom.show(dom.one("[data-seal-option]", self.app), bool(self.passphrase))
        self.view("invitation")

    def note(self):
        return link.clean_note(forms.value(self.form, "note"))

    def count(self):
        dom.set_text(dom.one("[data-counter]", self.form),
                     note_counter(self.catalogue, self.note())[0])
        dom.show(self.result, False)

    def on_reply(self, event):
        event.preventDefault()
        options = forms.checked(self.form, "reply")
        note = self.note()
        errors = checks.check_reply(self.catalogue, options, note)
        forms.show_errors(self.form, errors)
        if not errors:
            seal = self.passphrase and dom.one("#reply-seal").checked
            dom.later(dom.busy(self.form, self.make_reply(options, note,
                                                          self.passphrase if seal else "")))

    async def make_reply(self, options, note, passphrase):
        envelope = self.envelope
        body = link.encode_reply(self.catalogue, options, note)
        token = await crypto.token(link.REPLY, body, passphrase)
        if self.envelope is not envelope:
            return  # the page was wiped meanwhile
        dom.one("#reply-link").value = dom.site_url("reply/") + "#" + token
        dom.set_text(dom.one("[data-reply-status]", self.result),
                     self.catalogue.partner["reply"]["ready"])
        dom.show(self.result, True)
        dom.focus(dom.one("#reply-link"))

    def on_copy(self, event):
        if not event.target.closest('[data-action="copy-reply"]'):
            return
        share = self.catalogue.partner["share"]
        clipboard.copy(dom.one("#reply-link").value, dom.one("[data-reply-status]", self.app),
                       share["copied"], share["copy_failed"])
