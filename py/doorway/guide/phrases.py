"""A small phrase language for the reply checker, and its matcher.

The phrases live in the content (``site/content/checker/*.toml``), written by
editors, so the language is tiny and reads like the words it finds. Steps are
separated by spaces:

- ``word``: that word, in any case (short forms are already expanded, so
  ``don't`` is written ``do not``);
- ``a|b|c``: any one of these words;
- ``word*``: any word that starts with ``word``;
- ``@group``: any word of a named group (``@feeling``);
- ``[step]``: the step, or nothing (``you [just] want``);
- ``...`` (or ``…``): up to 30 words (:data:`GAP_LIMIT`), none included, within the
  same sentence (``... $``: the rest of the sentence);
- ``^`` first: the phrase starts a sentence; ``$`` last: it ends one;
- ``?``: a question mark.

A match never crosses the end of a sentence. :func:`parse` turns a phrase into
steps (raising ``ValueError`` with a reason an editor can act on), and
:class:`PhraseSet` finds where any of many phrases match in a list of words
(from :func:`doorway.guide.words.words`), without ``re``.
"""

from .words import fold_word

_WORD, _GAP, _END = "word", "gap", "end"

#: Most words one ``...`` stands for. Enough for any question a person types;
#: it keeps a phrase with a gap from scanning a long unpunctuated reply again
#: for every word it could start at.
GAP_LIMIT = 30


def fold_groups(groups):
    """``{name: [words]}`` as ``{name: set of folded words}``, the form :func:`parse` takes."""
    folded = {}
    for name in groups:
        folded[name] = set(fold_word(word) for word in groups[name])
    return folded


def _alternatives(text, groups, phrase):
    """The words and word prefixes one step accepts: ``(words, prefixes)``.

    A step that is just ``@group`` shares the group's set (never changed).
    """
    choices = fold_word(text).split("|")
    if len(choices) == 1 and choices[0][:1] == "@" and choices[0][1:] in groups:
        return groups[choices[0][1:]], []
    accepted = set()
    prefixes = []
    for choice in choices:
        if not choice:
            raise ValueError("%r has an empty choice around '|'" % phrase)
        if choice.startswith("@"):
            if choice[1:] not in groups:
                raise ValueError("%r uses the unknown word group %s" % (phrase, choice))
            accepted = accepted | groups[choice[1:]]
        elif choice.endswith("*") and len(choice) > 1 and "*" not in choice[:-1]:
            prefixes.append(choice[:-1])
        elif "*" in choice or "[" in choice or "]" in choice or "@" in choice:
            raise ValueError("%r has a misplaced mark in %r" % (phrase, choice))
        else:
            accepted.add(choice)
    return accepted, prefixes


def parse(phrase, groups):
    """``phrase`` as ``(at_start, steps)``; ``ValueError`` if it is malformed.

    ``groups`` comes from :func:`fold_groups`.
    Each step is ``(kind, words, prefixes, optional)``, ``kind`` being "word",
    "gap" or, last when the phrase ends with ``$``, "end".
    """
    parts = phrase.split()
    at_start = bool(parts) and parts[0] == "^"
    at_end = len(parts) > int(at_start) and parts[-1] == "$"
    parts = parts[int(at_start):len(parts) - int(at_end)]
    if not parts:
        raise ValueError("%r has no words to find" % phrase)
    steps = []
    for part in parts:
        if part in ("^", "$"):
            raise ValueError("%r: '^' may only come first and '$' only last" % phrase)
        if part in ("...", "\u2026"):  # three dots, or the one ellipsis character
            steps.append((_GAP, None, None, False))
            continue
        optional = part.startswith("[") and part.endswith("]")
        inner = part[1:-1] if optional else part
        if not inner:
            raise ValueError("%r has an empty step" % phrase)
        words, prefixes = _alternatives(inner, groups, phrase)
        steps.append((_WORD, words, prefixes, optional))
    first, last = steps[0], steps[-1]
    if first[0] == _GAP or (last[0] == _GAP and not at_end):
        raise ValueError("%r may not start with '...', nor end with it unless '$' follows"
                         % phrase)
    if first[3] or last[3]:
        raise ValueError("%r may not start or end with an optional [step]" % phrase)
    if at_end:
        steps.append((_END, None, None, False))
    return at_start, steps


def _accepts(step, word):
    return word in step[1] or any(word.startswith(prefix) for prefix in step[2])


def _in_sentence(words, i, sentence):
    return i < len(words) and words[i][3] == sentence


def _match(steps, k, words, i, sentence):
    """Index just past the shortest match of ``steps[k:]`` at ``words[i]``, or -1."""
    if k == len(steps):
        return i
    step = steps[k]
    if step[0] == _END:
        return -1 if _in_sentence(words, i, sentence) else i
    if step[0] == _GAP:
        for _ in range(GAP_LIMIT + 1):
            end = _match(steps, k + 1, words, i, sentence)
            if end >= 0 or not _in_sentence(words, i, sentence):
                return end
            i += 1
        return -1
    if _in_sentence(words, i, sentence) and _accepts(step, words[i][0]):
        end = _match(steps, k + 1, words, i + 1, sentence)
        if end >= 0:
            return end
    if step[3]:
        return _match(steps, k + 1, words, i, sentence)
    return -1


class PhraseSet:
    """Many phrases, each with a label, indexed by the words they start with."""

    def __init__(self, labelled_phrases, groups):
        """``labelled_phrases`` is ``[(label, phrase)]``; ``groups`` is ``{name: [words]}``."""
        groups = fold_groups(groups)
        self._by_word = {}
        self._by_prefix = []
        for label, phrase in labelled_phrases:
            at_start, steps = parse(phrase, groups)
            # The second step, when it must be a word: checked before trying a
            # full match, which rules out most phrases at once.
            second = steps[1] if len(steps) > 1 and steps[1][0] == _WORD and not steps[1][3] \
                else None
            entry = (label, at_start, steps, second)
            first = steps[0]
            for word in first[1]:
                self._by_word.setdefault(word, []).append(entry)
            if first[2]:
                self._by_prefix.append(entry)

    def _candidates(self, word):
        found = self._by_word.get(word, [])
        if self._by_prefix:
            found = found + [e for e in self._by_prefix if _accepts(e[2][0], word)]
        return found

    def find(self, words):
        """Every match in ``words`` as ``[(label, first, last)]``: word indexes, inclusive.

        One match per phrase and starting word (the shortest), in the order of
        the starting words.
        """
        found = []
        count = len(words)
        for i in range(count):
            sentence = words[i][3]
            starts_sentence = i == 0 or words[i - 1][3] != sentence
            following = words[i + 1][0] if i + 1 < count and words[i + 1][3] == sentence else None
            for label, at_start, steps, second in self._candidates(words[i][0]):
                if at_start and not starts_sentence:
                    continue
                if second is not None and (following is None or not _accepts(second, following)):
                    continue
                end = _match(steps, 0, words, i, sentence)
                if end >= 0:
                    found.append((label, i, end - 1))
        return found
