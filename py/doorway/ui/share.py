"""The share step: make a private link (and QR code) for the partner.

The panel itself is a view (:mod:`doorway.guide.views.share`) drawn with the
plan; this controller reads its form, keeps the live preview up to date, and
makes the link only on request. A link is sealed by default with four words
chosen here from the passphrase word list, which is fetched only now that the
share step is shown; a typed passphrase or a plain link are the other
choices (:mod:`doorway.guide.link_forms`). The wizard passes it the events
that happen inside the panel, so it adds no listeners of its own.
"""

import js

from doorway.guide import link, link_forms, passphrase, qr, sharing
from doorway.guide.names import clean_name
from doorway.guide.views import partner as partner_views
from doorway.guide.views import share as views

from . import clipboard, crypto, dom, forms, secret, send


class Share:
    """The share panel for one plan."""

    def __init__(self, catalogue, plan):
        self.catalogue = catalogue
        self.plan = plan
        self.text = catalogue.partner["share"]
        self.protections = link_forms.protections(crypto.available())
        self.panel = None
        self.form = None
        self.result = None
        self.words = []
        self.chosen_words = []
        self.state = None

    def start_choices(self):
        """What the form starts with: the plan's first step, no worry ticked, no note."""
        return {"ask": self.plan["ask"], "reasons": [], "note": "", "sender": "",
                "protections": self.protections}

    def attach(self, panel):
        """Take over the panel the wizard has just drawn."""
        self.panel = panel
        self.form = dom.one('[data-form="share"]', panel)
        self.result = dom.one("[data-share-result]", panel)
        self.refresh()
        if link_forms.WORDS in self.protections:
            dom.later(self.load_words())

    def owns(self, element):
        return bool(self.panel) and self.panel.contains(element)

    # The passphrase --------------------------------------------------------
    async def load_words(self):
        """Fetch the word list (``<html data-word-list>``), then choose four words:
        once the plan is on screen and the browser is idle, because checking
        7,776 words is a long task that would otherwise delay the plan's first
        frame (its words line says they are coming until then)."""
        await dom.frame()
        await dom.idle()
        address = js.document.documentElement.getAttribute("data-word-list")
        try:
            response = await js.fetch(address)
            if not response.ok:
                raise ValueError("the word list answered %s" % response.status)
            words = passphrase.words_from_text(await response.text(),
                                               link_forms.WORD_LIST_SIZE)
        except Exception as error:  # noqa: BLE001 - offline and not cached, or damaged
            dom.log_error(error)
            if self.panel.isConnected:
                self.words_failed()
            return
        if self.panel.isConnected:
            self.words = words
            self.new_words()

    def words_failed(self):
        dom.set_text(dom.one("[data-words]", self.form), self.text["words_failed"])
        dom.one("#" + link_forms.protect_field(link_forms.OWN), self.form).checked = True
        self.refresh()

    def new_words(self):
        self.chosen_words = passphrase.generate(self.words, crypto.random_u32)
        dom.replace(dom.one("[data-words]", self.form), views.words(self.chosen_words))
        dom.one('[data-action="new-words"]', self.form).disabled = False
        dom.show(self.result, False)

    # The form --------------------------------------------------------------
    def protection(self):
        return forms.checked_one(self.form, "share-protect") or self.protections[0]

    def choices(self):
        return {
            "ask": forms.checked_one(self.form, "share-ask") or self.plan["ask"],
            "reasons": forms.checked(self.form, "share-reasons"),
            "note": link.clean_note(forms.value(self.form, link_forms.NOTE_FIELD)),
            "sender": forms.value(self.form, link_forms.SENDER_FIELD),
        }

    def refresh(self):
        """Keep the counter, the chosen protection and the preview up to date.

        Drawn again only when something changed: leaving a field sends a
        "change" event as a click starts, and a redraw then could shift the
        page under the pointer before the click ends. Any change hides a link
        already made, which no longer says what the form does.
        """
        chosen = self.choices()
        protection = self.protection()
        chosen["sender"] = clean_name(chosen["sender"])
        preview = partner_views.preview(self.catalogue, chosen)
        state = (preview, protection, forms.value(self.form, link_forms.PASSPHRASE_FIELD))
        if state == self.state:
            return
        self.state = state
        dom.set_text(dom.one("[data-counter]", self.form),
                     link_forms.note_counter(self.catalogue, chosen["note"])[0])
        for part in dom.every("[data-conditional]", self.form):
            dom.show(part, part.getAttribute("data-conditional") == protection)
        dom.replace(dom.one("[data-preview]", self.form), preview)
        dom.show(self.result, False)

    def on_submit(self, event):
        event.preventDefault()
        chosen = self.choices()
        protection = self.protection()
        typed = forms.value(self.form, link_forms.PASSPHRASE_FIELD)
        standard = crypto.normalise_passphrase(typed) if protection == link_forms.OWN else ""
        errors = link_forms.check_share(self.catalogue, {
            "note": chosen["note"], "sender": chosen["sender"], "protection": protection,
            "standard": standard, "words": self.chosen_words})
        forms.show_errors(self.form, errors)
        if errors:
            return
        secret_words = {link_forms.WORDS: " ".join(self.chosen_words), link_forms.OWN: typed,
                        link_forms.PLAIN: ""}[protection]
        dom.show(self.result, False)  # until the new link is there
        dom.later(dom.busy(self.form, self.make(chosen, secret_words, protection)))

    async def make(self, chosen, secret_words, protection):
        status = dom.one("[data-share-status]", self.form)
        dom.set_text(status, self.text["working"])
        body = link.encode_invite_v2(self.catalogue, chosen["ask"], chosen["reasons"],
                                     chosen["note"], chosen["sender"])
        token = await crypto.token(link.INVITE, body, secret_words, version=link.V2)
        if not self.panel.isConnected:
            return  # the plan was wiped meanwhile
        url = dom.site_url("invite/") + "#" + token
        dom.one("#share-link").value = url
        said = protection == link_forms.WORDS
        dom.set_text(dom.one("[data-say-words-text]", self.result),
                     secret_words if said else "")
        dom.show(dom.one("[data-say-words]", self.result), said)
        dom.show(dom.one('[data-action="send-link"]', self.result), send.available())
        fits = sharing.qr_fits(url)
        dom.show(dom.one('[data-action="show-qr"]', self.result), fits)
        dom.show(dom.one("[data-qr-too-long]", self.result), not fits)
        dom.show(dom.one("[data-qr]", self.result), False)
        dom.set_text(dom.one("[data-copy-status]", self.result), "")
        dom.set_text(status, "")
        dom.show(self.result, True)
        dom.focus(dom.one("#share-link"))

    def on_click(self, event):
        action = event.target.closest("[data-action]")
        if not action:
            return
        name = action.getAttribute("data-action")
        url = dom.one("#share-link").value
        status = dom.one("[data-copy-status]", self.result)
        if name == "new-words":
            self.new_words()
        elif name == "toggle-secret":
            secret.toggle(action)
        elif name == "copy-link":
            clipboard.copy(url, status, self.text["copied"], self.text["copy_failed"])
        elif name == "send-link":
            send.send(url, status, self.text["send_failed"])
        elif name == "show-qr":
            self.show_qr(url)

    def show_qr(self, url):
        figure = dom.one("[data-qr]", self.result)
        old = dom.one("svg", figure)
        if old:
            figure.removeChild(old)
        image = dom.build(views.qr_image(qr.encode(url, sharing.QR_LEVEL),
                                         self.text["qr_caption"]))
        figure.insertBefore(image, figure.firstChild)
        dom.show(figure, True)
