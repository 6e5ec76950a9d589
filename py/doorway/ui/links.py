"""Open a link token on the partner's and the sender's pages.

Both pages do the same dance: take the token from the address bar (and out
of it at once) or from the paste field, check its envelope, ask for the
passphrase if it is sealed, and hand the plain body to the page, or show the
calm error view. The page differs only in the kind of link it reads and what
it does with the body.

Opening a link at the page's start is a generator of steps
(:meth:`LinkPage.opening`), which the start runs one browser task each
(``doorway.ui.app.begin``): on a phone's CPU, reading, decoding and drawing an
invitation held the page for some 250 ms in one task. A link the person
pastes, unlocks or puts in the address bar later opens in one go
(:func:`at_once`).

With no link, the page shows the paste view: a pasted link never enters the
browser's history. The paste form belongs to that view and to the error view
(a link that failed can be pasted again), so it moves to whichever of the two
is shown. A pasted text longer than the field takes is refused by boot.js
before Python reads it, which then sends ``doorway:too-long``.
"""

import js

from doorway.guide import link, link_forms

from . import dom, forms, later, secret


def at_once(steps):
    """Run the steps of an opening (a generator) to the end now."""
    for _ in steps:
        pass


class LinkPage:
    """Shared flow for pages that open a link. Subclasses set ``kind`` and ``open``."""

    kind = link.INVITE

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.app = dom.one("#app")
        self.paste_box = dom.one("[data-paste-box]", self.app)
        self.paste_form = dom.one('[data-form="paste"]', self.app)
        self.envelope = None
        self.passphrase = ""
        self.footer_help = None  # the footer's "If you don't feel safe" (app.wipe)
        self.wipes = 0  # how many times the page was wiped: see opening()

    def view(self, part, focus=True):
        """Show one part of the page (loading, paste, unlock, link-error or the content)."""
        for element in dom.every("[data-part]", self.app):
            dom.show(element, element.getAttribute("data-part") == part)
        slot = dom.one('[data-part="%s"] [data-paste-slot]' % part, self.app)
        if slot and not slot.contains(self.paste_box):
            slot.appendChild(self.paste_box)
        self.app.setAttribute("data-view", part)
        if focus:
            self.focus_heading(part)

    def focus_heading(self, part):
        """Move focus to the heading of one part of the page, if it has one."""
        heading = dom.one('[data-part="%s"] h1' % part, self.app)
        if heading:
            dom.focus(heading)

    def fail(self, code):
        messages = self.catalogue.partner["link_error"]
        self.envelope = None
        self.paste_form.reset()
        forms.clear_errors(self.paste_form)
        dom.set_text(dom.one("[data-error-reason]", self.app), messages[code])
        self.view("link-error")

    def start(self):
        dom.on(dom.one('[data-form="unlock"]', self.app), "submit", self.on_unlock)
        dom.on(self.paste_form, "submit", self.on_paste)
        dom.on(self.paste_form, "doorway:too-long", lambda event: self.fail("too_long"))
        dom.on(self.app, "click", self.on_click)
        # A second link pasted into this tab only changes the fragment: read it too.
        # (js.window: pyscript's window proxy cannot take event listeners.)
        dom.on(js.window, "hashchange", lambda event: self.read())
        later.then(self.start_help)
        # The view stays as it is until the link is read: frames are drawn
        # between the steps.
        self.wipe(view=None)
        return self.opening()

    def opening(self):
        """The rest of the start: the link in the address opened in steps
        (``doorway.ui.app.begin`` runs each in a browser task of its own). If
        the page is wiped between two steps (another link, the person leaving),
        the steps left are dropped: they would draw what it forgot."""
        wipes = self.wipes
        yield
        for _ in self.open_address():
            yield
            if self.wipes != wipes:
                return

    def start_help(self):
        """The footer's help, which the partner's page has in its second bundle
        (``doorway.ui.app.LATER``): the link and the invitation come first."""
        from . import safety

        self.footer_help = safety.in_footer(self.catalogue)

    def wipe(self, focus=False, view="paste"):
        """Forget the link and everything it showed, and show the page as it is
        with no link: before reading another link, and when the person leaves.
        ``view=None`` leaves the views as they are (as the page starts, boot.js's
        styles show the one the address calls for until Python shows it)."""
        self.wipes += 1
        self.envelope = None
        self.passphrase = ""
        for form in dom.every("form", self.app):
            form.reset()
            forms.clear_errors(form)
        secret.hide_all(self.app)
        for slot in dom.every("[data-slot]", self.app):
            dom.clear(slot)
        if view:
            self.view(view, focus)

    def on_click(self, event):
        action = event.target.closest("[data-action]")
        if not action:
            return
        name = action.getAttribute("data-action")
        if name == "toggle-secret":
            secret.toggle(action)
        elif name == "another-link":
            self.wipe(focus=True)

    def read(self):
        """Read the token in the address bar afresh (a second link pasted into
        this tab only changes the fragment)."""
        # No focus yet: moving it makes the browser lay the page out at once,
        # and the view shown below takes it anyway (the paste view's heading last).
        self.wipe()
        at_once(self.open_address())

    def open_address(self):
        """Open the token in the address bar, after taking it out of there
        (steps: see :meth:`opening`).

        No ``#`` at all is the page with no link (the paste view); a ``#``
        with nothing after it is a link that was cut off.

        An address longer than the page's cap never reaches Python: boot.js
        has already taken it out of the bar and said so on ``<html>``.
        """
        root = js.document.documentElement
        if root.getAttribute("data-link-error") == "too_long":
            root.removeAttribute("data-link-error")
            self.fail("too_long")
            return
        opened = "#" in js.window.location.href
        token = dom.read_fragment()
        # At once, whatever follows. (Chromium then asks for the page's icon
        # again, from its cache: no request leaves the browser.)
        dom.forget_fragment()
        if token:
            yield
            yield from self.open_token(token)
        elif opened:
            self.fail("empty")  # a link cut off at its "#"
        else:
            self.view("paste")

    def on_paste(self, event):
        """Open a pasted link: it never touches the address bar or the history."""
        event.preventDefault()
        field = dom.one("[data-link-paste]", self.paste_form)
        if field.textLength > field.maxLength:  # a number: nothing is copied yet
            self.fail("too_long")
            return
        try:
            token = link_forms.pasted_token(field.value, self.kind)
        except link.LinkError as error:
            if error.code == "empty":
                message = self.catalogue.partner["paste"]["empty"]
                forms.show_errors(self.paste_form, [{"field": field.id, "message": message}])
            else:
                self.fail(error.code)
            return
        self.wipe()
        at_once(self.open_token(token))

    def open_token(self, token):
        """Open a link token: steps (see :meth:`opening`)."""
        try:
            self.envelope = link.parse(token, self.kind)
        except link.LinkError as error:
            self.fail(error.code)
            return
        if self.envelope.sealed:
            self.view("unlock")
        else:
            yield
            yield from self.accept(self.envelope.body)

    def accept(self, body):
        """Show a link's plain body, or the error view: steps (see :meth:`opening`)."""
        try:
            yield from self.open(body)
        except link.LinkError as error:
            self.fail(error.code)

    def unlock_words(self):
        """The passphrase form's messages (``partner.unlock`` in the content)."""
        return self.catalogue.partner["unlock"]

    def on_unlock(self, event):
        event.preventDefault()
        secret.unlock(event.target, "passphrase", "[data-unlock-status]",
                      self.unlock_words(), lambda: self.envelope, self.unlocked)

    def unlocked(self, body, passphrase):
        self.passphrase = passphrase
        at_once(self.accept(body))

    def open(self, body):
        """Decode and show a link's plain body, as steps: a generator whose
        ``yield`` ends a step (see :meth:`opening`); raises ``link.LinkError``."""
        raise NotImplementedError
