"""The partner's page: an invitation written for them, and a one-choice reply.

The page draws the ask first (:func:`doorway.guide.views.partner.top`) and
the questions folded below it, then, once its second bundle is there (a moment
later), the sources; the reply form is in the page already. As the reader
chooses, a preview shows exactly what the sender will get (the sender's
page's own view). A reply to a sealed invitation is sealed with the same
passphrase unless the reader unticks it. A quiet line on every invitation
opens help for anyone who may not be safe (:class:`QuietHelp`).
"""

from doorway.guide import link, link_forms
from doorway.guide.views import partner as views
from doorway.guide.views import reply as reply_views

from . import clipboard, crypto, dom, forms, later, send
from .links import LinkPage


class PartnerPage(LinkPage):
    kind = link.INVITE

    def start(self):
        self.state = None
        self.form = dom.one('[data-form="reply"]', self.app)
        self.result = dom.one("[data-reply-result]", self.app)
        dom.on(self.form, "submit", self.on_reply)
        dom.on(self.form, "input", lambda event: self.refresh())
        dom.on(self.form, "change", lambda event: self.refresh())
        dom.on(self.result, "click", self.on_result)
        self.quiet_help = QuietHelp(self.catalogue, dom.one("[data-quiet-help]", self.app))
        return super().start()

    def wipe(self, focus=False, view="paste"):
        super().wipe(focus, view)
        self.quiet_help.wipe()
        dom.one("#reply-link").value = ""
        self.state = None
        self.refresh()

    def slot(self, name):
        return dom.one('[data-slot="%s"]' % name, self.app)

    def open(self, body):
        """Steps (see ``LinkPage.opening``): decode the invitation; draw its top;
        the questions below the reply form; then focus its heading, once the
        browser has laid the page out (focus would make it do so at once)."""
        invite = link.decode(self.catalogue, self.envelope, body)
        yield
        dom.replace(self.slot("top"), views.top(self.catalogue, invite))
        sealed = bool(self.passphrase)
        dom.show(dom.one("[data-seal-option]", self.app), sealed)
        dom.show(dom.one("[data-plain-reply]", self.app), not sealed)
        self.view("invitation", focus=False)
        yield
        dom.replace(self.slot("questions"), views.questions(self.catalogue, invite["reasons"]))
        yield
        self.focus_heading("invitation")
        dom.later(self.draw_sources(views.cited(self.catalogue, invite)))

    async def draw_sources(self, source_ids):
        """The sources, below the fold, once the second bundle is there; not
        if the page has been wiped or has opened another link meanwhile."""
        envelope = self.envelope
        if not await later.arrived() or self.envelope is not envelope:
            return
        from doorway.guide.views import partner_sources

        dom.replace(self.slot("sources"), partner_sources.sources(self.catalogue, source_ids))

    def reply(self):
        """``(reply, errors)`` for what the form says now (doorway.guide.link_forms)."""
        return link_forms.check_reply(self.catalogue, {
            "choice": forms.checked_one(self.form, "reply-choice"),
            "conditions": forms.checked(self.form, "reply-conditions"),
            "period": forms.checked_one(self.form, "reply-period"),
            "note": link.clean_note(forms.value(self.form, "note")),
        })

    def refresh(self):
        """The counter, what the chosen answer lets the reader add, and the preview.

        Drawn again only when the reply changed (see ``doorway.ui.share``: a
        redraw as a click starts could move the button away from the pointer).
        """
        reply, _ = self.reply()
        chosen = forms.checked_one(self.form, "reply-choice")
        state = (reply, chosen, dom.one("#reply-seal").checked)
        if state == self.state:
            return
        self.state = state
        dom.set_text(dom.one("[data-counter]", self.form),
                     link_forms.note_counter(self.catalogue, reply["note"])[0])
        for part in dom.every("[data-conditional]", self.form):
            dom.show(part, part.getAttribute("data-conditional") == chosen)
        preview = dom.one("[data-reply-preview]", self.form)
        if reply["choice"] or reply["note"]:
            dom.replace(preview, reply_views.received(self.catalogue, reply, 4))
        else:
            dom.replace(preview, views.preview_empty(self.catalogue))
        dom.show(self.result, False)

    def on_reply(self, event):
        event.preventDefault()
        reply, errors = self.reply()
        forms.show_errors(self.form, errors)
        if not errors:
            dom.show(self.result, False)  # until the new link is there
            seal = self.passphrase and dom.one("#reply-seal").checked
            dom.later(dom.busy(self.form, self.make_reply(reply,
                                                          self.passphrase if seal else "")))

    async def make_reply(self, reply, passphrase):
        envelope = self.envelope
        status = dom.one("[data-reply-working]", self.form)
        dom.set_text(status, self.catalogue.partner["share"]["working"])
        body = link.encode_reply_v2(self.catalogue, reply["choice"], reply["conditions"],
                                    reply["period"], reply["note"])
        token = await crypto.token(link.REPLY, body, passphrase, version=link.V2)
        if self.envelope is not envelope:
            return  # the page was wiped meanwhile
        dom.set_text(status, "")
        dom.one("#reply-link").value = dom.site_url("reply/") + "#" + token
        dom.set_text(dom.one("[data-reply-status]", self.result),
                     self.catalogue.partner["reply"]["ready"])
        dom.show(dom.one('[data-action="send-reply"]', self.result), send.available())
        dom.show(self.result, True)
        dom.focus(dom.one("#reply-link"))

    def on_result(self, event):
        action = event.target.closest("[data-action]")
        if not action:
            return
        share = self.catalogue.partner["share"]
        url = dom.one("#reply-link").value
        status = dom.one("[data-reply-status]", self.result)
        if action.getAttribute("data-action") == "copy-reply":
            clipboard.copy(url, status, share["copied"], share["copy_failed"])
        elif action.getAttribute("data-action") == "send-reply":
            send.send(url, status, share["send_failed"])


class QuietHelp:
    """The partner page's quiet line: a button that opens the help in place.

    The help is drawn inside the page, under the button, the first time it is
    opened: no new tab, no navigation, nothing added to the history. Its cards
    come with the page's second bundle (``doorway.ui.safety``): opened before
    that, the panel says where the numbers are until they are drawn.
    """

    def __init__(self, catalogue, box):
        self.catalogue = catalogue
        self.box = box
        self.help = None  # doorway.ui.safety.Help, once the second bundle is there
        self.button = dom.one('[data-action="quiet-help"]', box)
        self.panel = dom.one("[data-help-root]", box)
        dom.on(box, "click", self.on_click)
        dom.on(box, "change", self.on_change)

    def on_click(self, event):
        if event.target.closest('[data-action="quiet-help"]'):
            self.toggle(self.panel.hidden)

    def on_change(self, event):
        if self.help and event.target.hasAttribute("data-place"):
            self.help.change(event.target)

    def toggle(self, opening):
        line = self.catalogue.partner_line
        dom.show(self.panel, opening)
        self.button.setAttribute("aria-expanded", "true" if opening else "false")
        dom.set_text(self.button, line["close"] if opening else line["open"])
        if opening:
            dom.later(self.draw())

    async def draw(self):
        if self.help is None:
            if not await later.arrived():
                return  # the panel's line says where the numbers are
            from . import safety

            self.help = safety.Help(self.catalogue)
        if not self.panel.hidden and not self.help.drawn(self.panel):
            self.help.draw(self.panel)

    def wipe(self):
        self.toggle(False)
        if self.help:
            self.help.wipe(self.panel)
