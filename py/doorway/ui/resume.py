"""Open a kept plan (a resume link, ``#k1p.…``) on the wizard page.

The order is fixed: welcome back, then the safety questions again (things
change), then the passphrase, then the plan. The wizard asks :meth:`next_step`
where to go once the safety check has passed; only then is the passphrase
asked. The link is taken out of the address bar at once; a link that cannot
be read gets the same calm error as every other link, and nothing is kept
once the plan is back (or the page is left: :meth:`wipe`).
"""

import js

from doorway.guide import link, resume

from . import dom, secret


def looks_like_link(token):
    """True for a fragment shaped like a link token (``kind version . data``), not
    an in-page anchor such as ``section-weeks``."""
    return "." in token and "/" not in token and token[:1] in link.LATEST_OF


class Resume:
    def __init__(self, catalogue, app, go, restore):
        self.catalogue = catalogue
        self.app = app
        self.go = go  # the wizard's: shows a step
        self.restore = restore  # the wizard's: draws the plan of a kept state
        self.envelope = None

    def pending(self):
        """True when the address bar holds a link (or boot.js refused one as too long)."""
        root = js.document.documentElement
        return (root.getAttribute("data-link-error") == "too_long"
                or looks_like_link(dom.read_fragment()))

    def read(self):
        """Read the link :meth:`pending` found and take it out of the address bar;
        the step to show: "resume" or "resume-error"."""
        root = js.document.documentElement
        if root.getAttribute("data-link-error") == "too_long":
            root.removeAttribute("data-link-error")
            return self.fail("too_long")
        token = dom.read_fragment()
        dom.forget_fragment()
        try:
            self.envelope = link.parse(token, link.RESUME)
        except link.LinkError as error:
            return self.fail(error.code)
        return "resume"

    def fail(self, code):
        self.envelope = None
        dom.set_text(dom.one("[data-resume-error]", self.app),
                     self.catalogue.decision["resume"]["errors"][code])
        return "resume-error"

    def next_step(self):
        """Where to go after a safe answer to the safety questions: the passphrase
        when a kept plan is waiting, else None (the wizard's next question)."""
        return "resume-unlock" if self.envelope else None

    def wipe(self):
        self.envelope = None

    def on_submit(self, form):
        secret.unlock(form, "resume-passphrase", "[data-resume-status]",
                      self.catalogue.decision["resume"], lambda: self.envelope, self.unlocked)

    def unlocked(self, body, passphrase):
        self.envelope = None
        try:
            state = resume.decode(self.catalogue, body)
        except link.LinkError as error:
            self.go(self.fail(error.code))
            return
        self.restore(state)
