"""The sender's page for a reply link: what the partner said, and what next."""

from doorway.guide import link

from . import dom
from .links import LinkPage

h = dom.h


class ReplyPage(LinkPage):
    kind = link.REPLY

    def open(self, body):
        reply = link.decode_reply(self.catalogue, body)
        said = dom.one("[data-said]", self.app)
        dom.clear(said)
        ideas = []
        for option_id in reply["options"]:
            option = self.catalogue.reply_option(option_id)
            said.appendChild(h("li", None, option["label"]))
            ideas.extend(option["for_sender"])
        dom.set_text(dom.one("[data-note]", self.app), reply["note"])
        dom.show(dom.one("[data-note-box]", self.app), bool(reply["note"]))
        next_list = dom.one("[data-next]", self.app)
        first_general = next_list.firstChild
        for text in ideas:
            next_list.insertBefore(h("li", None, text), first_general)
        self.view("received")
