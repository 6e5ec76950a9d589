"""Plain international English: no idioms, one spelling convention.

The rules live in ``site/content/style.toml`` so an editor can extend them;
:func:`problems` applies them to every reader-facing string the catalogue
holds (the same text the reading-grade check measures, see :mod:`.prose`), and
the build fails on the first one with the file and field named.
"""

import re

from . import prose
from .schema import Optional, list_of, table, text

STYLE = table({
    "idioms": list_of(text, unique=True),
    "spelling": list_of(table({"avoid": text, "write": text})),
    "ize_words": Optional(list_of(text, minimum=0, unique=True), default=[]),
})

_IZE = re.compile(r"(?<![a-z'])([a-z]+iz(?:e|es|ed|ing|ation|ations))(?![a-z'])")


def _folded(value):
    """Lower case, ’ as ', hyphens and runs of spaces as one space."""
    value = value.lower().replace("’", "'").replace("-", " ")
    return " ".join(value.split())


def _phrase(words):
    return re.compile(r"(?<![a-z'])" + re.escape(_folded(words)) + r"(?![a-z'])")


def _where(catalogue, section, path):
    """Where a passage lives, named as the build names it: file, then field."""
    if section.startswith("reasons/"):
        return "site/content/%s.toml: %s" % (section, path)
    if section == "reply_checker":
        index, _, field = path.partition("].")
        language = catalogue["reply_checker"][int(index.lstrip("["))]["language"]
        return "site/content/reply_checker/%s.toml: %s" % (language, field)
    if section in ("asks", "tips"):
        return "site/content/%s.toml: %s%s" % (section, section, path)
    return "site/content/%s.toml: %s" % (section, path)


def problems(catalogue, style):
    """Every ``(where, message)`` breaking a style rule, in the catalogue's order."""
    idioms = [(idiom, _phrase(idiom)) for idiom in style["idioms"]]
    spelling = [(rule, _phrase(rule["avoid"])) for rule in style["spelling"]]
    allowed = set(style["ize_words"])
    found = []
    for section, path, value in prose.passages(catalogue):
        folded = _folded(value)
        where = _where(catalogue, section, path)
        for idiom, pattern in idioms:
            if pattern.search(folded):
                found.append((where, "uses the idiom %r: say it plainly (see "
                                     "site/content/style.toml)" % idiom))
        for rule, pattern in spelling:
            if pattern.search(folded):
                found.append((where, "spells %r: write %r (British spelling, see "
                                     "site/content/style.toml)" % (rule["avoid"], rule["write"])))
        for match in _IZE.finditer(folded):
            if match.group(1) not in allowed:
                found.append((where, "spells %r with -ize: Doorway uses -ise (see "
                                     "site/content/style.toml)" % match.group(1)))
    return found
