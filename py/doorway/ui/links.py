"""Open a link token on the partner's and the sender's pages.

Both pages do the same dance: read the token from the address bar and take it
out of the bar at once, check its envelope, ask for the passphrase if it is
sealed, and hand the plain body to the page, or show the calm error view. The
page differs only in the kind of link it reads and what it does with the body.
"""

import js

from doorway.guide import link

from . import crypto, dom, forms


class LinkPage:
    """Shared flow for pages that open a link. Subclasses set ``kind`` and ``open``."""

    kind = link.INVITE

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.app = dom.one("#app")
        self.envelope = None
        self.passphrase = ""

    def view(self, part):
        """Show one part of the page (loading, unlock, link-error or the content)."""
        for element in dom.every("[data-part]", self.app):
            dom.show(element, element.getAttribute("data-part") == part)
        self.app.setAttribute("data-view", part)
        heading = dom.one('[data-part="%s"] h1' % part, self.app)
        if heading:
            dom.focus(heading)

    def fail(self, code):
        messages = self.catalogue.partner["link_error"]
        dom.set_text(dom.one("[data-error-reason]", self.app), messages[code])
        self.view("link-error")

    def start(self):
        dom.on(dom.one('[data-form="unlock"]', self.app), "submit", self.on_unlock)
        # A second link pasted into this tab only changes the fragment: read it too.
        # (js.window: pyscript's window proxy cannot take event listeners.)
        dom.on(js.window, "hashchange", lambda event: self.read())
        self.read()

    def wipe(self):
        """Forget the link and everything it showed, and show the page as it is
        with no link: before reading another link, and when the person leaves."""
        self.envelope = None
        self.passphrase = ""
        for form in dom.every("form", self.app):
            form.reset()
            forms.clear_errors(form)
        for slot in dom.every("[data-slot]", self.app):
            dom.clear(slot)
        self.fail("empty")

    def read(self):
        """Read the token in the address bar, then remove it from there.

        An address longer than the page's cap never reaches Python: boot.js
        has already taken it out of the bar and said so on ``<html>``.
        """
        self.wipe()
        root = js.document.documentElement
        if root.getAttribute("data-link-error") == "too_long":
            root.removeAttribute("data-link-error")
            self.fail("too_long")
            return
        token = dom.read_fragment()
        dom.forget_fragment()
        try:
            self.envelope = link.parse(token, self.kind)
        except link.LinkError as error:
            self.fail(error.code)
            return
        if self.envelope.sealed:
            self.view("unlock")
        else:
            self.accept(self.envelope.body)

    def accept(self, body):
        try:
            self.open(body)
        except link.LinkError as error:
            self.fail(error.code)

    def on_unlock(self, event):
        event.preventDefault()
        form = event.target
        passphrase = forms.value(form, "passphrase")
        text = self.catalogue.partner["unlock"]
        if not passphrase:
            forms.show_errors(form, [{"field": "passphrase", "message": text["empty"]}])
            return
        forms.clear_errors(form)
        dom.later(dom.busy(form, self.unlock(form, passphrase)))

    async def unlock(self, form, passphrase):
        text = self.catalogue.partner["unlock"]
        status = dom.one("[data-unlock-status]", form)
        dom.set_text(status, text["working"])
        envelope = self.envelope
        body = await crypto.unseal(envelope, passphrase)
        if self.envelope is not envelope:
            return  # the page was wiped, or another link opened, meanwhile
        dom.set_text(status, "")
        if body is None:
            forms.show_errors(form, [{"field": "passphrase", "message": text["wrong"]}])
            return
        self.passphrase = passphrase
        form.reset()
        self.accept(body)

    def open(self, body):
        raise NotImplementedError
