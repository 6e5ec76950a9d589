"""Practice mode: a pretend partner who answers back, turn by turn.

Pure logic, no DOM: :mod:`doorway.ui.practice` only draws what this decides.
A practice is a plain dict (the *state*) made by :func:`begin`:

- the partner's lines for every turn are drawn up front from the content
  (``site/content/practice.toml``), seeded, so two runs with different seeds
  seldom go the same way while one seed always gives the same run (tests);
- each line has a ``softer`` and a ``guarded`` version; which one is said
  depends on the partner's *mood*, which starts from where things stand and
  then follows how the last reply was worded (:func:`react`);
- every reply, picked or written, goes through the reply checker
  (:mod:`.reply_check`), so feedback and mood never depend on how the reply
  was chosen.

Nothing here stores or sends anything; the state lives only as long as the
page's controller keeps it.
"""

from . import reply_check
from .reply_check import ESCALATING, HELPFUL

#: How a partner may answer (issue 12). Ids shared with the content schema.
MANNERS = ("brush_off", "joke", "irritation", "hard_question", "silence", "partial_yes")
#: The partner's moods: after a reply that helped, and after one that hurt.
SOFTER = "softer"
GUARDED = "guarded"
MOODS = (SOFTER, GUARDED)
#: The ``reason`` of a line that fits every worry.
ANY = "any"
#: Most characters a written reply may have.
LIMIT = 500


class Draw:
    """A small seeded generator (an LCG), the same under CPython and MicroPython.

    ``random`` differs between the two and MicroPython's lacks ``shuffle``;
    this needs only to vary, not to be unpredictable.
    """

    def __init__(self, seed):
        self.state = seed % 2147483648

    def below(self, n):
        """A whole number from 0 to n - 1."""
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n

    def shuffled(self, items):
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def content(catalogue):
    return catalogue.data["practice"]


def _entry(entries, key, value):
    for entry in entries:
        if entry[key] == value:
            return entry
    raise ValueError("no %s %r in the practice content" % (key, value))


def _plan(practice, reasons, draw):
    """The partner's line for every turn: each chosen worry comes up in turn,
    first in its own words, never the same line twice nor one manner twice in
    a row."""
    lines = practice["lines"]
    order = draw.shuffled(reasons)
    used = []
    came_up = []
    last = None
    for turn in range(practice["turns"]):
        reason = order[turn % len(order)]
        own = [i for i, line in enumerate(lines) if line["reason"] == reason and i not in used]
        shared = [i for i, line in enumerate(lines) if line["reason"] == ANY and i not in used]
        pool = (own or shared) if reason not in came_up else own + own + shared
        pool = [i for i in pool if lines[i]["manner"] != last] or pool
        chosen = pool[draw.below(len(pool))]
        used.append(chosen)
        if lines[chosen]["reason"] == reason:
            came_up.append(reason)
        last = lines[chosen]["manner"]
    return used


def begin(catalogue, answers, opening, seed):
    """A new practice for these answers. ``opening`` is the person's own first
    line (from their conversation map); ``seed`` any whole number."""
    practice = content(catalogue)
    draw = Draw(seed)
    mood = GUARDED
    for start in practice["start_mood"]:
        if start["stance"] == answers.get("stance"):
            mood = start["mood"]
    return {"seed": seed, "opening": opening, "reasons": list(answers["reasons"]),
            "plan": _plan(practice, answers["reasons"], draw), "mood": mood,
            "start_mood": mood, "replies": []}


def turns(catalogue):
    return content(catalogue)["turns"]


def finished(state):
    return len(state["replies"]) >= len(state["plan"])


def partner_line(catalogue, state):
    """What the partner says now: ``text``, ``mood``, ``manner`` and its
    ``label``, ``reason``; after the last reply, the closing line (``manner``
    None)."""
    practice = content(catalogue)
    mood = state["mood"]
    if finished(state):
        return {"text": _entry(practice["closing"], "mood", mood)["text"], "mood": mood,
                "manner": None, "label": "", "reason": None}
    line = practice["lines"][state["plan"][len(state["replies"])]]
    return {"text": line[mood], "mood": mood, "manner": line["manner"],
            "label": _entry(practice["manners"], "id", line["manner"])["label"],
            "reason": line["reason"]}


def picks(catalogue, state):
    """The replies to choose from this turn, in a seeded order: one that helps
    and one that does not for the partner's manner, and the worry's own first
    script line when the checker finds it helps (see :func:`_helps`)."""
    practice = content(catalogue)
    line = partner_line(catalogue, state)
    draw = Draw(state["seed"] + 7919 * (len(state["replies"]) + 1))
    manner = _entry(practice["manners"], "id", line["manner"])
    helping = [p["text"] for p in manner["picks"] if p["helps"]]
    hurting = [p["text"] for p in manner["picks"] if not p["helps"]]
    chosen = [helping[draw.below(len(helping))], hurting[draw.below(len(hurting))]]
    reason = catalogue.reason(line["reason"]) if line["reason"] != ANY else None
    own = (reason or {}).get("script") or []
    if own and _helps(reply_check.checker(catalogue).check(own[0])["findings"]):
        chosen.append(own[0])
    return draw.shuffled(chosen)


def _escalates(findings):
    return [kind for kind in findings if kind in ESCALATING]


def _helps(findings):
    """Something helpful and nothing that escalates: a reply worth keeping."""
    return bool([kind for kind in findings if kind in HELPFUL]) and not _escalates(findings)


def clean_reply(catalogue, text):
    """``(text, error)``: the reply trimmed, or the message to show instead."""
    practice = content(catalogue)
    text = " ".join((text or "").split())
    if not text:
        return "", practice["empty"]
    if len(text) > LIMIT:
        return "", practice["too_long"]
    return text, None


def react(catalogue, findings, mood):
    """The partner's mood after a reply with these findings: guarded after
    anything that escalates (even beside kind words), softer after what the
    content lists in ``tone.softens``, else as it was."""
    if _escalates(findings):
        return GUARDED
    if _softens(catalogue, findings):
        return SOFTER
    return mood


def _softens(catalogue, findings):
    softens = content(catalogue)["tone"]["softens"]
    return [kind for kind in findings if kind in softens]


def reply(catalogue, state, text):
    """Answer the partner with ``text`` (already cleaned). Records the turn in
    ``state`` and returns it: ``text``, ``findings``, ``feedback`` (see
    :meth:`ReplyChecker.feedback`), ``before``/``after`` moods and ``reaction``
    (what the person reads about the partner's mood)."""
    if finished(state):
        raise ValueError("the practice is over")
    checker = reply_check.checker(catalogue)
    result = checker.check(text)
    before = state["mood"]
    after = react(catalogue, result["findings"], before)
    practice = content(catalogue)
    mood = _entry(practice["moods"], "id", after)
    if after != before:
        reaction = mood["reaction"]
    elif _escalates(result["findings"]) or _softens(catalogue, result["findings"]):
        reaction = mood["stays"]
    else:
        reaction = practice["tone"]["same"]
    record = {"text": text, "findings": result["findings"],
              "feedback": checker.feedback(text, result), "before": before, "after": after,
              "reaction": reaction, "partner": partner_line(catalogue, state)["text"]}
    state["replies"].append(record)
    state["mood"] = after
    return record


def summary(catalogue, state):
    """The end: ``went_well`` (a ``label`` and the first ``quote`` of each
    helpful kind used), ``try_next`` (one thing: the rewording for the kind of
    escalation used most, else a helpful kind not yet tried), ``keep`` (replies
    that helped and hurt nothing, each once) and the partner's ``closing``."""
    practice = content(catalogue)
    went_well = []
    seen = []
    counts = {}
    for record in state["replies"]:
        for item in record["feedback"]:
            if item["tone"] == "helpful" and item["kind"] not in seen:
                seen.append(item["kind"])
                went_well.append({"kind": item["kind"], "label": item["label"],
                                  "quote": item["quote"]})
            elif item["tone"] != "helpful":
                counts[item["kind"]] = counts.get(item["kind"], 0) + 1
    keep = []
    for record in state["replies"]:
        if _helps(record["findings"]) and record["text"] not in keep:
            keep.append(record["text"])
    return {"went_well": went_well, "try_next": _try_next(catalogue, practice, state, counts,
                                                          seen),
            "keep": keep,
            "closing": _entry(practice["closing"], "mood", state["mood"])["text"],
            "mood": state["mood"]}


def _try_next(catalogue, practice, state, counts, used):
    """``{"label", "quote", "text"}``: what to try next time, or None."""
    worst = None
    for kind in ESCALATING:  # ties go to the kind listed first
        if counts.get(kind, 0) and (worst is None or counts[kind] > counts[worst]):
            worst = kind
    if worst:
        for record in state["replies"]:
            for item in record["feedback"]:
                if item["kind"] == worst:
                    return {"label": item["label"], "quote": item["quote"],
                            "text": item["rewording"]}
    for entry in practice["summary"]["try"]:
        if entry["kind"] not in used:
            return {"label": "", "quote": "", "text": entry["text"]}
    return None


def kept_text(summary_):
    """The lines worth keeping, one a line, for the clipboard."""
    return "\n".join(summary_["keep"])
