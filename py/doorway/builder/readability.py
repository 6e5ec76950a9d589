"""Plain-language measures for content: Flesch–Kincaid grade and sentence length.

The product promises a reading grade of 8 or lower and no sentence longer than
30 words. Both are measured here with the standard Flesch–Kincaid formula,

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

and a vowel-group syllable counter (the usual approximation when no
pronunciation dictionary is at hand; it errs by about one syllable in ten words,
which moves a grade by a fraction of a point).
"""

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.:]*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def sentences(text):
    """Split text into sentences on ., ! and ? followed by a space."""
    return [s for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]


def words(text):
    return _WORD.findall(text)


def syllables(word):
    """Approximate syllables in one English word."""
    word = word.lower().strip("'’-")
    if not word or word[0].isdigit():
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "make", "share"
    if word.endswith(("ed",)) and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "asked", "seemed"
    return max(count, 1)


def grade(text):
    """Flesch–Kincaid grade level of ``text`` (0.0 for text with no words)."""
    all_words = words(text)
    if not all_words:
        return 0.0
    sentence_count = max(len(sentences(text)), 1)
    syllable_count = sum(syllables(w) for w in all_words)
    return (0.39 * len(all_words) / sentence_count
            + 11.8 * syllable_count / len(all_words) - 15.59)


def long_sentences(text, limit=30):
    """Sentences in ``text`` with more than ``limit`` words."""
    return [s for s in sentences(text) if len(words(s)) > limit]
