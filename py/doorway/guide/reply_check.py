"""Check a reply written in practice: which words tend to escalate, which help.

Rule-based and on the device: no AI service, nothing sent anywhere. The words
to look for and the feedback come from the content
(``site/content/reply_checker/<language>.toml``, compiled into the catalogue);
this module only applies them:

1. split the text into words with their offsets (:mod:`.words`);
2. find every phrase of every kind (:mod:`.phrases`);
3. drop a match that overlaps one of its kind's ``unless`` phrases;
4. drop a match whose sentence also has a kind named in its ``not_with``
   (judged on what step 3 left, so the order of kinds never matters);
5. join overlapping matches of one kind into one span of the text.

:func:`ReplyChecker.check` returns ``{"findings": [kind, ...], "spans":
[{"kind", "start", "end"}, ...]}``: the distinct kinds, sorted, and the spans
sorted by position, each ``start``/``end`` a character offset into the text
(``text[start:end]`` is what the person typed). :func:`ReplyChecker.feedback`
adds what the person reads about each span.
"""

from .phrases import PhraseSet
from .words import words

#: The kinds of finding (issue 12). These ids are a contract: the content, the
#: ``practice-check`` command's JSON and the practice page all use them.
ESCALATING = ("criticism", "contempt", "defensiveness", "ultimatum", "mind_reading", "pressure")
HELPFUL = ("i_statement", "reflection", "question", "validation", "invitation")
KINDS = ESCALATING + HELPFUL


class ReplyChecker:
    """The checker for one language, built once from its content."""

    def __init__(self, rules):
        """``rules`` is one entry of the catalogue's ``reply_checker`` list."""
        self.language = rules["language"]
        self._short_forms = rules["short_forms"]
        self._kinds = {}
        labelled = []
        for kind in rules["kinds"]:
            self._kinds[kind["id"]] = kind
            for phrase in kind["phrases"]:
                labelled.append(((kind["id"], True), phrase))
            for phrase in kind.get("unless", []):
                labelled.append(((kind["id"], False), phrase))
        self._phrases = PhraseSet(labelled, rules["groups"])

    def _matches(self, found):
        """Step 3: ``[(kind, first, last)]`` not cancelled by an ``unless`` phrase."""
        blocked = {}
        for label, first, last in found:
            if not label[1]:
                blocked.setdefault(label[0], []).append((first, last))
        kept = []
        for label, first, last in found:
            if not label[1]:
                continue
            spans = blocked.get(label[0], [])
            if not [1 for low, high in spans if low <= last and first <= high]:
                kept.append((label[0], first, last))
        return kept

    def _in_company(self, matches, sentences):
        """Step 4: drop matches whose sentence has a kind their ``not_with`` names."""
        present = set()
        for kind, first, _ in matches:
            present.add((sentences[first], kind))
        kept = []
        for kind, first, last in matches:
            clash = [1 for other in self._kinds[kind].get("not_with", [])
                     if (sentences[first], other) in present]
            if not clash:
                kept.append((kind, first, last))
        return kept

    def check(self, text):
        """The findings and spans for ``text`` (any string, empty included)."""
        found_words = words(text, self._short_forms)
        sentences = [word[3] for word in found_words]
        matches = self._in_company(self._matches(self._phrases.find(found_words)), sentences)
        by_kind = {}
        for kind, first, last in matches:
            by_kind.setdefault(kind, []).append((found_words[first][1], found_words[last][2]))
        spans = []
        for kind in by_kind:
            for start, end in _joined(by_kind[kind]):
                spans.append((start, end, kind))
        spans = sorted(spans)
        return {"findings": sorted(by_kind),
                "spans": [{"kind": kind, "start": start, "end": end} for start, end, kind in spans]}

    def feedback(self, text, result=None):
        """What a person reads about each span of ``text``, in the order of the text.

        Each item: ``kind``, ``tone`` ("escalating" or "helpful"), ``label``,
        ``quote`` (the exact words), ``start``, ``end``, ``about`` (why it
        tends to help or hurt) and, for escalating kinds, ``rewording`` (a
        kinder way to say it) and ``example`` (the first ``{"instead", "try"}``).
        """
        if result is None:
            result = self.check(text)
        items = []
        for span in result["spans"]:
            kind = self._kinds[span["kind"]]
            item = {"kind": kind["id"], "tone": kind["tone"], "label": kind["label"],
                    "quote": text[span["start"]:span["end"]], "start": span["start"],
                    "end": span["end"], "about": kind["about"]}
            if "rewording" in kind:
                item["rewording"] = kind["rewording"]
                item["example"] = kind["examples"][0]
            items.append(item)
        return items


def _joined(ranges):
    """Character ranges with every overlapping pair joined, sorted."""
    out = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def checker(catalogue, language="en"):
    """The reply checker for ``language``, built on first use and kept with
    ``catalogue``; None if there is none."""
    key = ("reply_checker", language)
    if key not in catalogue.made:
        rules = catalogue.reply_rules(language)
        if rules is None:
            return None
        catalogue.made[key] = ReplyChecker(rules)
    return catalogue.made[key]
