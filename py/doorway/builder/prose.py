"""Find every piece of reader-facing prose in the catalogue and grade it.

Used by ``python -m doorway check`` (a report for content editors) and by the
plain-language test, so both judge exactly the same text.
"""

from . import readability

#: Keys whose values are identifiers, addresses or citations, not prose.
NOT_PROSE = {"id", "code", "order", "url", "tel", "phone", "source", "sources", "stance",
             "conflict", "cap", "tips", "exclusive", "year", "author", "title", "note_limit",
             "exit_url", "last_reviewed", "emergency", "hours",
             # The reply checker's matching rules (reply_checker/*.toml), not read by anyone.
             "language", "tone", "short_forms", "groups", "phrases", "unless", "not_with",
             # helplines: codes, numbers, dates and ids (doorway.builder.content.HOTLINE)
             "region", "kind", "area", "languages", "sms", "keyword", "chat",
             "checked", "emergency_tel", "emergency_source", "hours_source", "family_sources",
             # partner.toml: the worries a question shares, what a reply choice asks next
             "same_as", "takes"}


def _is_id(value):
    """One lower-case word with digits or ``_``: an id (``ask = "checkup"``), never a
    sentence, whatever its key is called elsewhere (``ask = "Your first step"``)."""
    return value != "" and all(c.islower() or c.isdigit() or c == "_" for c in value)


def _walk(value, path):
    if isinstance(value, str):
        if not _is_id(value):
            yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key in sorted(value):
            if key not in NOT_PROSE:
                yield from _walk(value[key], f"{path}.{key}" if path else key)


def passages(catalogue):
    """Yield ``(section, path, text)`` for every prose string in the catalogue.

    ``section`` is the content file the text came from: ``reasons/cost`` or ``safety``.
    """
    for key in sorted(catalogue):
        if key == "sources":
            continue
        if key == "reasons":
            for reason in catalogue["reasons"]:
                for path, text in _walk(reason, ""):
                    yield f"reasons/{reason['id']}", path, text
        else:
            for path, text in _walk(catalogue[key], ""):
                yield key, path, text


def grades(catalogue):
    """Flesch–Kincaid grade of each section's prose, as {section: grade}."""
    by_section = {}
    for section, _, text in passages(catalogue):
        by_section.setdefault(section, []).append(text)
    return {section: readability.grade(" ".join(texts)) for section, texts in by_section.items()}


def long_sentences(catalogue, limit=30):
    """Every sentence longer than ``limit`` words, as (section, path, sentence)."""
    return [(section, path, sentence)
            for section, path, text in passages(catalogue)
            for sentence in readability.long_sentences(text, limit)]


def report(catalogue):
    lines = ["reading grade (Flesch-Kincaid) by content file:"]
    by_section = grades(catalogue)
    for section, grade in sorted(by_section.items()):
        flag = "  <- above 8" if grade > 8 else ""
        lines.append(f"  {grade:5.1f}  {section}{flag}")
    overall = sum(by_section.values()) / len(by_section)
    lines.append(f"  {overall:5.1f}  average")
    too_long = long_sentences(catalogue)
    lines.append(f"sentences over 30 words: {len(too_long)}")
    lines.extend(f"  {section}: {path}: {sentence}" for section, path, sentence in too_long)
    return "\n".join(lines)
