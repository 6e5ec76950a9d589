"""The share step: make a private link (and QR code) for the partner.

The panel itself is a view (:mod:`doorway.guide.views.share`) drawn with the
plan; this controller reads its form, keeps the live preview up to date, and
makes the link only on request. With a passphrase the link is sealed in the
browser before it is shown. The wizard passes it the events that happen
inside the panel, so it adds no listeners of its own.
"""

from doorway.guide import answers as checks
from doorway.guide import link, qr
from doorway.guide.text import note_counter
from doorway.guide.views import partner as partner_views
from doorway.guide.views import share as views

from . import clipboard, crypto, dom, forms


class Share:
    """The share panel for one plan."""

    def __init__(self, catalogue, plan):
        self.catalogue = catalogue
        self.plan = plan
        self.text = catalogue.partner["share"]
        self.panel = None
        self.form = None
        self.result = None

    def start_choices(self):
        """What the form starts with: every worry of the plan, its first step, no note."""
        return {"ask": self.plan["ask"], "reasons": list(self.plan["reasons"]), "note": ""}

    def attach(self, panel):
        """Take over the panel the wizard has just drawn."""
        self.panel = panel
        self.form = dom.one('[data-form="share"]', panel)
        self.result = dom.one("[data-share-result]", panel)
        self.refresh()

    def owns(self, element):
        return bool(self.panel) and self.panel.contains(element)

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
        dom.replace(dom.one("[data-preview]", self.form),
                    partner_views.preview(self.catalogue, chosen))
        dom.show(self.result, False)

    def on_submit(self, event):
        event.preventDefault()
        chosen = self.choices()
        passphrase = forms.value(self.form, "share-passphrase")
        errors = checks.check_share(self.catalogue, chosen["note"], passphrase)
        forms.show_errors(self.form, errors)
        if not errors:
            dom.later(dom.busy(self.form, self.make(chosen, passphrase)))

    async def make(self, chosen, passphrase):
        status = dom.one("[data-share-status]", self.form)
        dom.set_text(status, self.text["working"])
        body = link.encode_invite(self.catalogue, chosen["ask"], chosen["reasons"], chosen["note"])
        token = await crypto.token(link.INVITE, body, passphrase)
        if not self.panel.isConnected:
            return  # the plan was wiped meanwhile
        dom.one("#share-link").value = dom.site_url("invite/") + "#" + token
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
        image = dom.build(views.qr_image(qr.encode(url, "M"), self.text["qr_caption"]))
        figure.insertBefore(image, figure.firstChild)
        dom.show(figure, True)
