"""A partner's or a sender's name, as the wizard, the links and their forms keep it.

A module of its own, not part of :mod:`doorway.guide.answers`, so that the
partner's page, which reads names from links, does not bring the wizard's
checks and the wizard's words into its first bundle (issue 15: bytes to ready).
"""

from .compat import split_words

NAME_LIMIT = 40


def clean_name(raw):
    """Trim a name, drop control characters and squeeze inner spaces.

    Only U+0020 is squeezed and trimmed, never other Unicode spaces: CPython's
    ``str.split()`` splits on them and MicroPython's does not, and a name sent
    in a link must read the same under both (``doorway.guide.link``).
    """
    kept = "".join(c for c in raw if ord(c) >= 32 and ord(c) != 127)
    return " ".join(split_words(kept))
