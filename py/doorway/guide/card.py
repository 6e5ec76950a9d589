"""The plan card: the whole plan on one page, readable in a minute.

:func:`plan_card` is the short version of a plan: three things to do this
week and the first three lines to say. The results show it first; the
decision aid's plan of weeks starts from it rather than repeating it.

Its shape::

    {"heading": str, "intro": str,
     "things_heading": str,
     "things": [{"id": "time" | "prepare" | "keep_in_mind", "text": str}, ...],  # always 3
     "lines_heading": str,
     "lines": [{"id": turn id, "part": part, "text": str}, ...]}  # up to 3

``things`` are, in order: when and where to talk (naming the arguments to
steer away from, if the person named them); one thing to prepare (the first
step's ``prepare``, or looking up costs when money is part of the worry); and
one thing to keep in mind while talking (how conflict tends to go, or
listening first). ``lines`` are the first three spoken lines of the main path,
in the person's own edited words.
"""

from .script import main_path, topics_phrase

#: Answers that make money part of the worry, so the card points to costs.
MONEY = {"reasons": "cost", "limits": "money", "topics": "money"}


def _money_matters(answers):
    return any(MONEY[key] in (answers.get(key) or []) for key in MONEY)


def plan_card(catalogue, answers, plan, turns):
    """The card for these answers, this plan and these turns (see the module)."""
    card = catalogue.guidance["card"]
    topics = topics_phrase(catalogue, answers.get("topics") or [])
    time = card["time_topics"].replace("{topics}", topics) if topics else card["time"]
    prepare = card["cost"] if _money_matters(answers) else catalogue.ask(plan["ask"])["prepare"]
    keep_in_mind = card["listen"]
    for entry in card["conflict"]:
        if entry["conflict"] == answers.get("conflict"):
            keep_in_mind = entry["text"]
    return {
        "heading": card["heading"],
        "intro": card["intro"],
        "things_heading": card["things_heading"],
        "things": [{"id": "time", "text": time}, {"id": "prepare", "text": prepare},
                   {"id": "keep_in_mind", "text": keep_in_mind}],
        "lines_heading": card["lines_heading"],
        "lines": [{"id": t["id"], "part": t["part"], "text": t["text"]}
                  for t in main_path(turns)[:3]],
    }
