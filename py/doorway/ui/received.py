"""The sender's page for a reply link: what the partner said, and what next."""

from doorway.guide import link, partner_reply

from . import dom
from .links import LinkPage

h = dom.h


class ReplyPage(LinkPage):
    kind = link.REPLY

    def open(self, body):
        reply = link.decode(self.catalogue, self.envelope, body)
        said = dom.one("[data-said]", self.app)
        dom.clear(said)
        ideas = []
        for entry in partner_reply.said(self.catalogue, reply):
            said.appendChild(h("li", None, entry["label"]))
            ideas.extend(entry.get("for_sender", []))
        dom.set_text(dom.one("[data-note]", self.app), reply["note"])
        dom.show(dom.one("[data-note-box]", self.app), bool(reply["note"]))
        next_list = dom.one("[data-next]", self.app)
        first_general = next_list.firstChild
        for text in ideas:
            next_list.insertBefore(h("li", None, text), first_general)
        self.view("received")
