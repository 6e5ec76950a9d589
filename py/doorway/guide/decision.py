"""The decision aid: options side by side, sorted by what matters, and how settled you feel.

Pure decisions, shared by the browser and the tests (under CPython and
MicroPython). The words live in ``site/content/decision.toml``.

- :func:`rank` sorts the options by the weights the person gave each value,
  options raised by a situation they named first, with a one-line reason for
  every position. Before any weight is given, the options keep the content's
  order and say so: nothing is pushed.
- :func:`sure` scores the four-item SURE check (Légaré et al. 2010): each yes
  is 1, and anything under 4 is met with a kind note and what often helps.
- :func:`add_sections` puts the decision aid's parts into a plan
  (:func:`doorway.guide.plan.make_plan` calls it), as sections of their own
  with stable ids, so the plan's layout can change around them.
- :func:`summary` gathers what the printable decision summary shows.
"""

from .script import join_phrases

#: What the aid says about every option, in this order (equal detail); their
#: labels are ``decide.fields`` (a table, so without order in MicroPython).
OPTION_FIELDS = ("involves", "like", "cost", "time", "evidence", "partner", "good", "hard")

#: Answers of the SURE check.
YES = "yes"
NO = "no"

#: Where each part goes in a plan: after the section with this id.
PLACES = (("decide", "ask"), ("weeks", "practical"), ("summary", "therapist"),
          ("keep", "summary"))


def options(catalogue):
    return catalogue.decision["options"]


def _weights(catalogue, weights):
    """``{value id: number}`` for the values the person rated (unknown levels ignored)."""
    levels = {}
    for level in catalogue.decision["values"]["levels"]:
        levels[level["id"]] = level["weight"]
    numbers = {}
    for value in catalogue.decision["values"]["items"]:
        level = weights.get(value["id"])
        if level in levels:
            numbers[value["id"]] = levels[level]
    return numbers


def _phrases(catalogue, value_ids):
    words = catalogue.decision["decide"]["reasons"]["and"]
    phrases = [v["phrase"] for v in catalogue.decision["values"]["items"]
               if v["id"] in value_ids]
    return join_phrases(phrases, words)


def _reason(catalogue, option, numbers):
    """The one line that says why a weighed option stands where it does.

    Good for: the (at most two) values the person rated above "not much" that
    this option serves well (fit 2 or 3), most weight times fit first. Less
    good for: the (at most two) rated values it serves poorly (fit 0 or 1),
    most weight first.
    """
    texts = catalogue.decision["decide"]["reasons"]
    values = catalogue.decision["values"]["items"]
    good = []
    less = []
    for index in range(len(values)):
        value_id = values[index]["id"]
        weight = numbers.get(value_id, 0)
        fit = option["fit"][value_id]
        if weight <= 0:
            continue
        if fit >= 2:
            good.append((-weight * fit, index, value_id))
        else:
            less.append((-weight, index, value_id))
    good = [entry[2] for entry in sorted(good)[:2]]
    less = [entry[2] for entry in sorted(less)[:2]]
    parts = []
    if good:
        parts.append(texts["good"].replace("{values}", _phrases(catalogue, good)))
    if less:
        parts.append(texts["less"].replace("{values}", _phrases(catalogue, less)))
    return " ".join(parts) if parts else texts["even"]


def rank(catalogue, weights, situation_ids=()):
    """The options in the order to show them, each with why it stands there.

    ``weights`` maps value ids to level ids (``values.levels``); values not
    rated count for nothing. ``situation_ids`` are the situations the person
    named: the options they raise come first. Returns a list of
    ``{"id", "option", "position", "score", "raised", "reason"}``; the order is
    fully decided (ties keep the content's order), so every interpreter gives
    the same list.
    """
    texts = catalogue.decision["decide"]["reasons"]
    numbers = _weights(catalogue, weights)
    weighed = bool(numbers)
    raised_by = {}
    for situation in catalogue.situations["items"]:
        if situation["id"] in situation_ids:
            for option_id in situation["raise"]:
                if option_id not in raised_by:
                    raised_by[option_id] = situation
    entries = []
    all_options = options(catalogue)
    for index in range(len(all_options)):
        option = all_options[index]
        score = 0
        for value_id in numbers:
            score += numbers[value_id] * option["fit"][value_id]
        tier = 0 if option["id"] in raised_by else 1
        entries.append(((tier, -score if weighed else 0, index), option, score))
    ranked = []
    for _, option, score in sorted(entries, key=lambda entry: entry[0]):
        situation = raised_by.get(option["id"])
        if situation:
            reason = texts["raised"].replace("{why}", situation["why"])
        elif weighed:
            reason = _reason(catalogue, option, numbers)
        else:
            reason = texts["unsorted"]
        ranked.append({"id": option["id"], "option": option, "position": len(ranked) + 1,
                       "score": score, "raised": bool(situation), "reason": reason})
    return ranked


def weighed(catalogue, weights):
    """True once the person has rated at least one value."""
    return bool(_weights(catalogue, weights))


def sure(catalogue, answers):
    """The SURE check's result for ``{item id: "yes" | "no"}``.

    ``{"answered", "score", "complete", "message", "helps"}``: ``message`` and
    ``helps`` (what often helps, for each "no", in item order) only once all
    four are answered.
    """
    text = catalogue.decision["sure"]
    items = text["items"]
    answered = [item for item in items if answers.get(item["id"]) in (YES, NO)]
    score = len([item for item in answered if answers[item["id"]] == YES])
    result = {"answered": len(answered), "score": score,
              "complete": len(answered) == len(items), "message": None, "helps": []}
    if not result["complete"]:
        return result
    missing = [item for item in items if answers[item["id"]] == NO]
    if not missing:
        result["message"] = text["settled"]
    elif len(missing) == 1:
        result["message"] = text["unsure_one"]
    else:
        result["message"] = text["unsure"].replace("{count}", str(len(missing)))
    result["helps"] = [item["helps"] for item in missing]
    return result


def score_text(catalogue, answers):
    """"3 of 4", or "Not answered" until all four are answered."""
    text = catalogue.decision["sure"]
    result = sure(catalogue, answers)
    if not result["complete"]:
        return text["not_answered"]
    return text["score"].replace("{score}", str(result["score"]))


# Plan sections ----------------------------------------------------------------

def _situation_sections(catalogue, situation_ids, cite):
    situations = catalogue.situations
    sections = []
    for situation in situations["items"]:
        if situation["id"] not in situation_ids:
            continue
        blocks = []
        if not sections:  # said once, before the first situation
            blocks.append({"kind": "p", "text": situations["safety"]["text"]})
            blocks.append(cite.refs(situations["safety"]["sources"]))
        blocks.extend({"kind": "p", "text": text} for text in situation["body"])
        blocks.append(cite.refs(situation["sources"]))
        sections.append({"id": "situation-" + situation["id"], "heading": situation["heading"],
                         "blocks": blocks})
    return sections


def _decide_section(catalogue, cite):
    text = catalogue.decision["decide"]
    refs = {}
    for option in options(catalogue):
        refs[option["id"]] = cite.refs(option["sources"])
    blocks = [{"kind": "p", "text": text["decision"]}]
    blocks.extend({"kind": "p", "text": t} for t in text["intro"])
    blocks.append(cite.refs(text["sources"]))
    blocks.append({"kind": "slot", "slot": "decide", "refs": refs,
                   "sure_refs": cite.refs(catalogue.decision["sure"]["sources"])})
    blocks.append({"kind": "h3", "text": text["costs"]["heading"]})
    blocks.extend({"kind": "p", "text": t} for t in text["costs"]["body"])
    blocks.append(cite.refs(text["costs"]["sources"]))
    return {"id": "decide", "heading": catalogue.decision["sections"]["decide"],
            "blocks": blocks}


def _weeks_section(catalogue, stance_id, cite):
    from .weeks import plan_weeks

    text = catalogue.decision["weeks"]
    blocks = [{"kind": "p", "text": text["intro"]}]
    for week in plan_weeks(catalogue, stance_id):
        blocks.append({"kind": "h3", "text": week["title"]})
        blocks.append({"kind": "p", "text": week["do"]})
        blocks.append({"kind": "p", "text": "%s %s" % (text["look_label"], week["look"])})
        blocks.append({"kind": "p", "text": "%s %s" % (text["stalls_label"], week["stalls"])})
    blocks.append(cite.refs(text["sources"]))
    blocks.append({"kind": "slot", "slot": "calendar"})
    return {"id": "weeks", "heading": catalogue.decision["sections"]["weeks"], "blocks": blocks}


def add_sections(catalogue, answers, sections, cite):
    """Put the decision aid into a plan's ``sections`` (a list, changed in place).

    The situations the person named follow "What may be behind it"; the
    options (``decide``) follow the first step, the weeks ahead the practical
    steps (or the replies), and the summary and "Keep my plan" come last but
    the sources. Each part is a section of its own with a stable id; the
    interactive parts are ``slot`` blocks the page draws
    (:mod:`doorway.guide.views.decision`).
    """
    headings = catalogue.decision["sections"]
    situation_ids = answers.get("situations") or []
    _insert_after(sections, "behind", _situation_sections(catalogue, situation_ids, cite))
    parts = {
        "decide": _decide_section(catalogue, cite),
        "weeks": _weeks_section(catalogue, answers["stance"], cite),
        "summary": {"id": "summary", "heading": headings["summary"], "blocks": [
            {"kind": "p", "text": catalogue.decision["summary"]["intro"]},
            {"kind": "slot", "slot": "summary"}]},
        "keep": {"id": "keep", "heading": headings["keep"], "blocks": [
            {"kind": "p", "text": t} for t in catalogue.decision["keep"]["intro"]] + [
            {"kind": "ul", "items": catalogue.decision["keep"]["warning"]},
            {"kind": "slot", "slot": "keep"}]},
    }
    fallbacks = {"practical": "replies"}
    for part_id, after in PLACES:
        ids = [s["id"] for s in sections]
        if after not in ids:
            after = fallbacks.get(after, ids[-1])
        _insert_after(sections, after, [parts[part_id]])


def _insert_after(sections, section_id, new):
    ids = [s["id"] for s in sections]
    at = ids.index(section_id) + 1
    for offset in range(len(new)):
        sections.insert(at + offset, new[offset])


def slot_block(plan, slot):
    """The ``slot`` block named ``slot`` in a plan (it carries the data the page needs)."""
    for section in plan["sections"]:
        for block in section["blocks"]:
            if block["kind"] == "slot" and block["slot"] == slot:
                return block
    return None


def summary(catalogue, plan, answers, weights, before, after):
    """What the printable decision summary shows, as plain data.

    ``{"decision", "options": [(name, reason)], "values": [(label, level label)],
    "sure": [(label, score text)], "next": [texts]}``.
    """
    from .weeks import plan_weeks

    text = catalogue.decision["summary"]
    values = catalogue.decision["values"]
    level_labels = {}
    for level in values["levels"]:
        level_labels[level["id"]] = level["label"]
    ranked = rank(catalogue, weights, answers.get("situations") or [])
    sure_text = catalogue.decision["sure"]
    first_week = plan_weeks(catalogue, answers["stance"])[0]["title"]
    return {
        "decision": catalogue.decision["decide"]["decision"],
        "options": [(entry["option"]["name"], entry["reason"]) for entry in ranked],
        "values": [(v["label"], level_labels[weights[v["id"]]]) for v in values["items"]
                   if weights.get(v["id"]) in level_labels],
        "sure": [(sure_text["before_label"], score_text(catalogue, before)),
                 (sure_text["after_label"], score_text(catalogue, after))],
        "next": [text["first_step"].replace("{ask}", catalogue.ask(plan["ask"])["name"]),
                 text["this_week"].replace("{week}", first_week)],
    }
