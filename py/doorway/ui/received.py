"""The sender's page for a reply link: what the partner said, and what next."""

from doorway.guide import link
from doorway.guide.views import reply as views

from . import dom
from .links import LinkPage


class ReplyPage(LinkPage):
    kind = link.REPLY

    def open(self, body):
        reply = link.decode(self.catalogue, self.envelope, body)
        dom.replace(dom.one('[data-slot="received"]', self.app),
                    views.received(self.catalogue, reply))
        self.view("received")
