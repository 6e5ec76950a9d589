"""The partner page's sources, in full, each with its address.

A module of its own because the titles are most of the bytes the sources
take: the partner's page draws this list once its second bundle is there
(``doorway.ui.app.LATER``), right after the invitation, so its first bundle
holds only what opens a link and shows the ask.
"""

from . import h, source_link


def sources(catalogue, source_ids, level=2):
    """The page's sources, in full, each with its address."""
    items = []
    for source_id in source_ids:
        source = catalogue.source(source_id)
        items.append(h("li", None, ["%s (%d). %s. " % (source["author"], source["year"],
                                                         source["title"]),
                                    source_link(source["url"], source["url"])]))
    return h("section", [("class", "sources"), ("aria-labelledby", "invite-sources-heading")], [
        h("h%d" % level, [("id", "invite-sources-heading")],
          catalogue.headings["sources"]),
        h("ul", [("class", "list")], items),
    ])
