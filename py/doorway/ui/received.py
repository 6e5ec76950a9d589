"""The sender's page for a reply link: what the partner said, and what next."""

from doorway.guide import link
from doorway.guide.views import reply as views

from . import dom
from .links import LinkPage


class ReplyPage(LinkPage):
    kind = link.REPLY

    def unlock_words(self):
        """Whoever opens a reply sent the invitation and chose its passphrase,
        which seals the reply too: a wrong one is theirs to check, not a sender's."""
        words = dict(self.catalogue.partner["unlock"])
        words["wrong"] = words["reply_wrong"]
        return words

    def open(self, body):
        """Steps (see ``LinkPage.opening``): decode the reply, then show it."""
        reply = link.decode(self.catalogue, self.envelope, body)
        yield
        dom.replace(dom.one('[data-slot="received"]', self.app),
                    views.received(self.catalogue, reply))
        self.view("received")
