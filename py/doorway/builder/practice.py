"""The schema of ``site/content/practice.toml`` and the checks across files.

Kept out of :mod:`.content` so that module stays readable; it registers
:data:`PRACTICE` as one of its files and calls :func:`check` once the reasons,
the wizard and the reply checker are known to be sound.
"""

from doorway.guide.practice import ANY, MANNERS, MOODS
from doorway.guide.reply_check import ESCALATING, HELPFUL, ReplyChecker

from .schema import (
    ContentError,
    Optional,
    boolean,
    describe,
    integer,
    list_of,
    one_of,
    reference,
    table,
    text,
    texts,
)


@describe('the id of a reason, or `"any"` for a line that fits every worry')
def _line_reason(value, where):
    if value == ANY:
        return value
    return reference("reason")(value, where)


def _slots(*names):
    """Text that names each ``{slot}`` exactly once."""
    @describe("text with %s, each once" % ", ".join("`{%s}`" % n for n in names))
    def check(value, where):
        value = text(value, where)
        for name in names:
            if value.count("{%s}" % name) != 1:
                raise ContentError(where, f"must name {{{name}}} exactly once")
        return value
    return check


PRACTICE = table({
    "heading": text, "intro_heading": text, "intro": texts(), "private": text, "start": text,
    "open_button": text, "open_intro": text, "turns": integer(5, 12), "you_began": text,
    "partner": text,
    "you": text, "turn": _slots("n", "total"), "pick_legend": text, "write_label": text,
    "write_hint": text, "reply": text, "next": text, "finish": text, "empty": text,
    "too_long": text, "pause": text, "back_to_plan": text, "feedback_heading": text,
    "helped": text, "hurt": text, "try_instead": text, "example": _slots("instead", "try"),
    "nothing_found": text, "manner_label": text,
    "sources": list_of(reference("source"), unique=True),
    "moods": list_of(table({"id": one_of(*MOODS), "label": text, "reaction": text,
                             "stays": text}),
                     minimum=len(MOODS)),
    "tone": table({"softens": list_of(one_of(*HELPFUL), unique=True), "same": text}),
    "start_mood": list_of(table({"stance": reference("stance"), "mood": one_of(*MOODS)})),
    "way_out": table({"heading": text, "body": texts(), "say_label": text, "say": text,
                      "no_is_allowed": text, "back": text, "end": text,
                      "sources": list_of(reference("source"), unique=True)}),
    "summary": table({
        "heading": text, "went_well": text, "went_well_none": text, "try_next": text,
        "try_next_none": text, "keep": text, "keep_intro": text, "keep_none": text,
        "copy": text, "copied": text, "copy_failed": text, "again": text,
        "try": list_of(table({"kind": one_of(*HELPFUL), "text": text}), minimum=len(HELPFUL)),
    }),
    "manners": list_of(table({
        "id": one_of(*MANNERS), "label": text,
        "picks": list_of(table({"text": text, "helps": boolean}), minimum=2),
    }), minimum=len(MANNERS)),
    "closing": list_of(table({"mood": one_of(*MOODS), "text": text}), minimum=len(MOODS)),
    "lines": list_of(table({"reason": _line_reason, "manner": one_of(*MANNERS),
                            "softer": text, "guarded": text,
                            "sources": Optional(list_of(reference("source")))})),
})

RULES = [
    "`practice.toml` lists each manner, mood and `closing` mood once, a `start` mood for "
    "every stance, and a `summary.try` for every helpful kind of the reply checker.",
    "In `practice.toml`, every pick with `helps = true` is found by the English reply "
    "checker as helpful and never as escalating; every pick with `helps = false` is found "
    "as escalating; each manner has at least one of each.",
    "Every reason has `practice.toml` lines in at least two manners, and at least `turns` "
    "lines counting those for `\"any\"` worry.",
]


def _once(entries, key, expected, where):
    """An error unless ``entries`` name each of ``expected`` exactly once by ``key``."""
    named = [entry[key] for entry in entries]
    wrong = [value for value in expected if named.count(value) != 1]
    if wrong:
        return [ContentError(where, f"must name each of {', '.join(expected)} once by "
                                    f"{key!r}; check {', '.join(wrong)}")]
    return []


def check(practice, reasons, stances, checker_rules, where):
    """The checks across files (see :data:`RULES`); a list of errors."""
    errors = []
    errors += _once(practice["manners"], "id", MANNERS, where.key("manners"))
    errors += _once(practice["moods"], "id", MOODS, where.key("moods"))
    errors += _once(practice["closing"], "mood", MOODS, where.key("closing"))
    errors += _once(practice["start_mood"], "stance", stances, where.key("start_mood"))
    errors += _once(practice["summary"]["try"], "kind", HELPFUL, where.key("summary").key("try"))
    if checker_rules is not None:
        checker = ReplyChecker(checker_rules)
        for i, manner in enumerate(practice["manners"]):
            for j, pick in enumerate(manner["picks"]):
                errors += _check_pick(checker, pick, where.key("manners").index(i)
                                      .key("picks").index(j))
            if len({pick["helps"] for pick in manner["picks"]}) != 2:
                errors.append(ContentError(where.key("manners").index(i).key("picks"),
                                           "needs a pick that helps and one that does not"))
    for reason in reasons:
        own = [line["manner"] for line in practice["lines"] if line["reason"] == reason]
        shared = [line for line in practice["lines"] if line["reason"] == ANY]
        if len(set(own)) < 2 or len(own) + len(shared) < practice["turns"]:
            errors.append(ContentError(where.key("lines"), f"reason {reason!r} needs lines in "
                                       f"at least two manners and {practice['turns']} lines "
                                       f"with those for \"any\", has {len(own)} of its own"))
    return errors


def _check_pick(checker, pick, here):
    found = checker.check(pick["text"])["findings"]
    harsh = [kind for kind in found if kind in ESCALATING]
    kind_words = [kind for kind in found if kind in HELPFUL]
    if pick["helps"] and (harsh or not kind_words):
        return [ContentError(here.key("text"), "helps = true, but the reply checker finds "
                             f"{', '.join(found) or 'nothing'}")]
    if not pick["helps"] and not harsh:
        return [ContentError(here.key("text"), "helps = false, but the reply checker finds "
                             "nothing escalating: it could not teach anything")]
    return []
