"""What a partner's reply says, in the order the sender reads it.

A reply link decodes (``doorway.guide.link.decode``) to one of two shapes: a
version-1 reply lists the first reply form's options, a version-2 reply has
one choice (or none, for a note alone), then its conditions or its period.
The sender's page shows both the same way, as the content entries below.
"""


def said(catalogue, reply):
    """The content entries a decoded reply names, in reading order.

    Each entry has a ``label``; options, choices and conditions also have
    ``for_sender``, ideas for the sender's next step.
    """
    if reply["version"] == 1:
        return [catalogue.reply_option(option) for option in reply["options"]]
    entries = []
    if reply["choice"]:
        entries.append(catalogue.reply_choice(reply["choice"]))
    entries.extend(catalogue.reply_condition(c) for c in reply["conditions"])
    if reply["period"]:
        entries.append(catalogue.reply_period(reply["period"]))
    return entries
