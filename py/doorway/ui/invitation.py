"""The parts of the partner's page that come from a link.

Used twice: on the partner's page itself, and in the sender's preview, so the
preview shows exactly what the partner will read. The note is set with
``textContent`` only.
"""

from . import dom

h = dom.h


def concern_sections(catalogue, reason_ids):
    """One short section per chosen worry, written to the partner."""
    sections = []
    for reason_id in reason_ids:
        partner = catalogue.reason(reason_id)["partner"]
        sections.append(h("section", {"class": "concern"}, [
            h("h3", None, partner["heading"]),
            [h("p", None, text) for text in partner["body"]],
        ]))
    return sections


def fill(container, catalogue, invite):
    """Fill the link-dependent parts found inside ``container``."""
    concerns = dom.one("[data-concerns]", container)
    dom.clear(concerns)
    dom.append(concerns, concern_sections(catalogue, invite["reasons"]))
    dom.show(dom.one("[data-concerns-box]", container), bool(invite["reasons"]))
    ask = catalogue.ask(invite["ask"])
    dom.set_text(dom.one("[data-offer-name]", container), ask["name"])
    dom.set_text(dom.one("[data-offer-text]", container), ask["partner_offer"])
    dom.set_text(dom.one("[data-note]", container), invite["note"])
    dom.show(dom.one("[data-note-box]", container), bool(invite["note"]))


def preview(catalogue):
    """An empty preview box with the same hooks as the partner page."""
    partner = catalogue.partner
    return h("div", {"class": "preview", "data-preview": True}, [
        h("section", {"class": "note-box", "data-note-box": True, "hidden": True}, [
            h("h3", None, partner["note_heading"]),
            h("p", {"class": "note", "data-note": True, "dir": "auto"}),
        ]),
        h("section", {"data-concerns-box": True, "hidden": True}, [
            h("h3", None, partner["concerns_heading"]),
            h("div", {"data-concerns": True}),
        ]),
        h("section", {"class": "offer"}, [
            h("h3", None, partner["offer_heading"]),
            h("p", {"class": "offer-name", "data-offer-name": True}),
            h("p", {"data-offer-text": True}),
        ]),
    ])
