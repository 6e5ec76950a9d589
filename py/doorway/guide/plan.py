"""Turn the wizard's answers into a plan.

A plan is a list of *sections*, each ``{"id", "heading", "blocks"}``, and a
numbered list of the sources it cites. Blocks are small dicts with a ``kind``:

- ``h3``, ``p``: a sub-heading or a paragraph (``text``);
- ``ul``: a bulleted list (``items``: texts);
- ``reply``: a likely reply and a kind answer (``they_say``, ``you_say``);
- ``avoid``: something not to say and why (``say``, ``why``);
- ``refs``: the source numbers a section relies on (``numbers``);
- ``source``: one numbered entry of the sources list;
- ``script``: where the conversation map goes (see :mod:`.script`);
- ``example``: a whole conversation, marked as an example (``heading``,
  ``intro``, ``turns``: ``{"who", "text"}`` with ``who`` already a label).
- ``slot``: where the page draws a part of the decision aid (``slot``: its
  name; see :mod:`.decision`).

The view functions in :mod:`doorway.guide.views.plan` turn blocks into view
trees, which the browser and the static guide draw alike. Keeping the plan as
data means the choices (which advice, in which order, said once) are made
here, where pytest can see them, under both CPython and MicroPython.
"""

from . import decision
from .script import topics_phrase


class _Citations:
    """Numbers sources in order of first citation, across the whole plan.

    ``prefix`` keeps the anchors of two source lists on one page apart.
    """

    def __init__(self, catalogue, prefix=""):
        self.catalogue = catalogue
        self.prefix = prefix
        self.order = []

    def refs(self, source_ids):
        numbers = []
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
            number = self.order.index(source_id) + 1
            if number not in numbers:
                numbers.append(number)
        return {"kind": "refs", "numbers": sorted(numbers), "prefix": self.prefix}

    def section(self, heading):
        blocks = []
        for i, source_id in enumerate(self.order):
            source = self.catalogue.source(source_id)
            blocks.append({"kind": "source", "number": i + 1, "title": source["title"],
                           "author": source["author"], "year": source["year"],
                           "url": source["url"],
                           "anchor": "%ssource-%d" % (self.prefix, i + 1)})
        return {"id": self.prefix + "sources", "heading": heading, "blocks": blocks}


def _p(text):
    return {"kind": "p", "text": text}


def _h3(text):
    return {"kind": "h3", "text": text}


def _ul(items):
    return {"kind": "ul", "items": list(items)}


def choose_ask(catalogue, stance_id, reason_ids):
    """Pick the first step to suggest, and say why it fits.

    Where things stand sets the starting size; a chosen reason can only make
    the step smaller (never larger), and the first reason that does so explains
    why. Returns ``(ask_id, [why, ...])``.
    """
    stance = catalogue.stance(stance_id)
    ask_id = stance["ask"]
    why = [stance["why"]]
    limiting = None
    for reason_id in reason_ids:
        cap = catalogue.reason(reason_id).get("ask")
        if cap and catalogue.ask_rank(cap["cap"]) < catalogue.ask_rank(ask_id):
            ask_id = cap["cap"]
            limiting = cap
    if limiting:
        why.append(limiting["why"])
    return ask_id, why


def tips_for(catalogue, reason_ids, limit_ids, topic_ids=()):
    """Practical tips for these reasons, limits and arguments, each listed once, in order.

    Arguments about money bring the lower-cost options, as the money limit does.
    """
    tip_ids = []
    groups = ([catalogue.reason(r)["tips"] for r in reason_ids]
              + [catalogue.limit(x)["tips"] for x in limit_ids]
              + [catalogue.topic(t)["tips"] for t in topic_ids])
    for tips in groups:
        for tip_id in tips:
            if tip_id not in tip_ids:
                tip_ids.append(tip_id)
    return [catalogue.tip(t) for t in tip_ids]


def _sources_of(tips):
    """The sources tips cite, in order (repeats are numbered once by _Citations)."""
    return [source for tip in tips for source in tip.get("sources") or []]


def _reason_blocks(reason, cite, labels):
    blocks = [_h3(reason["label"])]
    blocks.extend(_p(text) for text in reason["meaning"])
    blocks.append({"kind": "p", "text": labels["helps"], "lead": True})
    blocks.append(_ul(reason["advice"]))
    blocks.append(cite.refs(reason["sources"]))
    return blocks


def _timing_blocks(catalogue, conflict_id, cite, topics=""):
    """When and where: the same for everyone, then for what the arguments are
    about (``topics``, as said aloud) and for how conflict tends to go."""
    timing = catalogue.guidance["timing"]
    items = list(timing["base"])
    if topics:
        items.append(timing["topics"].replace("{topics}", topics))
    for entry in timing["conflict"]:
        if entry["conflict"] == conflict_id:
            items.extend(entry["advice"])
    return [_ul(items), cite.refs(timing["sources"])]


def _plan_b_blocks(catalogue, cite):
    plan_b = catalogue.guidance["plan_b"]
    blocks = [_p(plan_b["intro"])]
    for part in plan_b["sections"]:
        blocks.append(_h3(part["heading"]))
        blocks.extend(_p(text) for text in part["body"])
        if part.get("items"):
            blocks.append(_ul(["%s: %s" % (item["name"], item["text"])
                               for item in part["items"]]))
        blocks.append(cite.refs(part["sources"]))
    return blocks


def _therapist_blocks(catalogue, cite):
    therapist = catalogue.guidance["therapist"]
    headings = therapist["headings"]
    blocks = [_p(therapist["intro"])]
    for key in ("look_for", "questions", "cost", "online"):
        blocks.append(_h3(headings[key]))
        blocks.append(_ul(therapist[key]))
    blocks.append(cite.refs(therapist["sources"]))
    return blocks


def _avoid_blocks(catalogue, cite):
    avoid = catalogue.guidance["avoid"]
    blocks = [_p(avoid["intro"])]
    blocks.extend({"kind": "avoid", "say": item["say"], "why": item["why"]}
                  for item in avoid["items"])
    blocks.append(cite.refs(avoid["sources"]))
    return blocks


def example_block(catalogue):
    """The whole worked conversation of the script section, marked as an example."""
    example = catalogue.script["example"]
    return {"kind": "example", "heading": example["heading"], "intro": example["intro"],
            "turns": [{"who": example[turn["who"]], "text": turn["text"]}
                      for turn in example["turns"]]}


def make_plan(catalogue, answers):
    """The whole plan for these answers (safety check passed or not sure).

    ``answers`` is the dict from :func:`doorway.guide.answers.blank_answers`
    filled in by the wizard. Returns ``{"reasons", "ask", "sections"}``.
    """
    if answers["safety"] and "yes" in answers["safety"].values():
        raise ValueError("a plan for talking to the partner is not offered on the safety route")
    guidance = catalogue.guidance
    headings = guidance["sections"]
    labels = guidance["labels"]
    cite = _Citations(catalogue)
    reasons = [catalogue.reason(r) for r in answers["reasons"]]
    reason_ids = [r["id"] for r in reasons]
    ask_id, why = choose_ask(catalogue, answers["stance"], reason_ids)
    ask = catalogue.ask(ask_id)

    behind = []
    for reason in reasons:
        behind.extend(_reason_blocks(reason, cite, labels))

    replies = []
    for reason in reasons:
        replies.append(_h3(reason["label"]))
        replies.extend({"kind": "reply", "they_say": r["they_say"], "you_say": r["you_say"]}
                       for r in reason["replies"])

    topic_ids = answers.get("topics") or []
    tips = tips_for(catalogue, reason_ids, answers["limits"], topic_ids)
    tip_sources = _sources_of(tips)

    sections = [
        {"id": "behind", "heading": headings["behind"], "blocks": behind},
        {"id": "ask", "heading": headings["ask"],
         "blocks": [_h3(ask["name"]), _p(ask["summary"])] + [_p(w) for w in why]},
        {"id": "timing", "heading": headings["timing"],
         "blocks": _timing_blocks(catalogue, answers["conflict"], cite,
                                  topics_phrase(catalogue, topic_ids))},
        {"id": "script", "heading": headings["script"],
         "blocks": [{"kind": "script"}, example_block(catalogue)]},
        {"id": "avoid", "heading": headings["avoid"], "blocks": _avoid_blocks(catalogue, cite)},
        {"id": "replies", "heading": headings["replies"], "blocks": replies},
    ]
    if tips:
        practical = [_ul([t["text"] for t in tips])]
        if tip_sources:
            practical.append(cite.refs(tip_sources))
        sections.append({"id": "practical", "heading": headings["practical"],
                         "blocks": practical})
    sections.append({"id": "plan_b", "heading": headings["plan_b"],
                     "blocks": _plan_b_blocks(catalogue, cite)})
    sections.append({"id": "therapist", "heading": headings["therapist"],
                     "blocks": _therapist_blocks(catalogue, cite)})
    decision.add_sections(catalogue, answers, sections, cite)  # the decision aid (issue 16)
    sections.append(cite.section(headings["sources"]))
    return {"reasons": reason_ids, "ask": ask_id, "sections": sections}


def reason_guide(catalogue, reason_id):
    """One reason on its own, for the static guide: meaning, advice, replies.

    The reason's practical tips join its advice here, since there is no plan
    around them to hold a "Practical steps" section.
    """
    guidance = catalogue.guidance
    cite = _Citations(catalogue)
    reason = catalogue.reason(reason_id)
    tips = tips_for(catalogue, [reason_id], [])
    sources = reason["sources"] + _sources_of(tips)
    blocks = [_p(text) for text in reason["meaning"]]
    blocks.append({"kind": "p", "text": guidance["labels"]["helps"], "lead": True})
    blocks.append(_ul(reason["advice"] + [t["text"] for t in tips]))
    blocks.append(cite.refs(sources))
    sections = [
        {"id": "behind", "heading": guidance["sections"]["behind"], "blocks": blocks},
        {"id": "replies", "heading": guidance["sections"]["replies"],
         "blocks": [{"kind": "reply", "they_say": r["they_say"], "you_say": r["you_say"]}
                    for r in reason["replies"]]},
    ]
    sections.append(cite.section(guidance["sections"]["sources"]))
    return sections


def guidance_sections(catalogue, conflict_id=None):
    """The parts of the guide that do not depend on reasons, for the static guide."""
    guidance = catalogue.guidance
    headings = guidance["sections"]
    cite = _Citations(catalogue)
    sections = [
        {"id": "timing", "heading": headings["timing"],
         "blocks": _timing_blocks(catalogue, conflict_id, cite)},
        {"id": "avoid", "heading": headings["avoid"], "blocks": _avoid_blocks(catalogue, cite)},
        {"id": "plan_b", "heading": headings["plan_b"], "blocks": _plan_b_blocks(catalogue, cite)},
        {"id": "therapist", "heading": headings["therapist"],
         "blocks": _therapist_blocks(catalogue, cite)},
    ]
    sections.append(cite.section(headings["sources"]))
    return sections


def sources_section(catalogue, source_ids, prefix=""):
    """A numbered "Sources" section for a page that lists its sources as a whole."""
    cite = _Citations(catalogue, prefix)
    cite.refs(source_ids)
    return cite.section(catalogue.guidance["sections"]["sources"])

