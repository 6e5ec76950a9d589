"""Compose the conversation map: turns to follow in a real talk, not a monologue.

:func:`compose` returns the map as a list of *turns*, in order. Each turn is a
dict:

- ``id``: stable across tones, so a line the person edited survives a change
  of tone (:func:`retone`);
- ``part``: one of :data:`PARTS`;
- ``say``: True for words the person says aloud; False for prompts (listen,
  when to stop) and examples, which are shown, never said;
- ``text``: the words, with the partner's name filled in;
- ``branch``: None on the main path, :data:`WORRY` for the answer to one worry
  (only said if it comes up), :data:`REPAIR` for "if it goes badly";
- ``if``: the reason id a turn is about (a worry's answer, or a say-back
  example), else None;
- ``label`` and ``hint``: what the page shows beside it. Labels differ from
  turn to turn, since each names its part and worry.

The main path is every spoken turn outside a branch. With the brief tone, or
when the partner tends to go quiet (conflict ``avoidant``), only the parts in
the content's ``short_path`` are on it. The words live in
``site/content/script.toml``, each reason's in ``reasons/*.toml``, the ask's in
``asks.toml``.
"""

TONES = ("gentle", "brief", "direct")

#: Every part of the map, in the order turns appear.
PARTS = ("opening", "permission", "wish", "their_view", "listen", "say_back", "validate",
         "worry", "for_both", "ask", "close", "repair")
#: The parts that can be on the main path (the others are branches).
MAIN_PARTS = ("opening", "permission", "wish", "their_view", "listen", "say_back", "validate",
              "for_both", "ask", "close")

WORRY = "worry"
REPAIR = "repair"
#: The gap in the say-back frame, for the partner's own words.
GAP = "…"


def fill_name(text, name):
    """Put the partner's name in, or take the ``{name}`` slot out cleanly.

    Content may use ``{name}`` only at the start ("{name}, can we…") or after
    a space or comma ("Hey {name}, …", "Thank you, {name}."); the build checks
    this, so removing it with its separator always leaves a sentence.
    """
    if name:
        return text.replace("{name}", name)
    if text.startswith("{name}, "):
        rest = text[len("{name}, "):]
        text = rest[:1].upper() + rest[1:]
    return text.replace(", {name}", "").replace(" {name}", "")


def join_phrases(phrases, conjunction):
    """"a", "a and b", "a, b and c"."""
    if len(phrases) < 2:
        return "".join(phrases)
    return "%s %s %s" % (", ".join(phrases[:-1]), conjunction, phrases[-1])


def topics_phrase(catalogue, topic_ids):
    """What the arguments are about, as the person would say it ("money and
    chores"); "the same few things" for three or more, or only "something
    else"; "" when nothing was chosen."""
    context = catalogue.wizard["context"]
    named = [t["phrase"] for t in context["topics"] if t["id"] in topic_ids and t.get("phrase")]
    if not topic_ids:
        return ""
    if not named or len(named) > 2:
        return context["topics_many"]
    return join_phrases(named, catalogue.script["and"])


def is_short(tone, answers):
    """The shorter path: the brief tone, or a partner who tends to go quiet."""
    return tone == "brief" or answers.get("conflict") == "avoidant"


def _for_stance(entries, stance_id, tone):
    for entry in entries:
        if entry["stance"] == stance_id:
            return entry["line"][tone]
    raise ValueError("no line for stance %r" % stance_id)


def _for_both(catalogue, reasons, tone):
    """What each chosen worry asks of the help you choose, joined, each once."""
    script = catalogue.script
    wants = []
    for reason in reasons:
        want = reason.get("for_both")
        if want and want not in wants:
            wants.append(want)
    if not wants:
        return script["for_both_plain"][tone]
    return script["for_both"][tone].replace("{wants}", join_phrases(wants, script["and"]))


def compose(catalogue, answers, ask_id, tone):
    """The conversation map for these answers, as a list of turns (see the module)."""
    if tone not in TONES:
        tone = TONES[0]
    script = catalogue.script
    labels = {}
    for part in script["parts"]:
        labels[part["id"]] = part
    on_path = script["short_path"] if is_short(tone, answers) else MAIN_PARTS
    name = answers.get("name") or ""
    stance = answers["stance"]
    reasons = [catalogue.reason(r) for r in answers["reasons"]]
    topics = topics_phrase(catalogue, answers.get("topics") or [])
    worry = script["worry"]
    turns = []

    def add(turn_id, part_id, text, say=True, branch=None, about=None, label=None, hint=None):
        part = labels[part_id]
        turns.append({"id": turn_id, "part": part_id, "say": say,
                      "text": fill_name(text, name) if say else text,
                      "branch": branch, "if": about, "label": label or part["label"],
                      "hint": part.get("hint", "") if hint is None else hint})

    def main(part_id, text):
        if part_id in on_path:
            add(part_id, part_id, text)

    feeling = (script["feeling_topics"][tone].replace("{topics}", topics) if topics
               else script["feeling"][tone])
    main("opening", _for_stance(script["opening"], stance, tone) + " " + feeling)
    main("permission", script["permission"][tone])
    main("wish", _for_stance(script["wish"], stance, tone))
    # What they hope it helps with: the first two, so the line stays sayable.
    hopes = [catalogue.hope(h)["phrase"] for h in (answers.get("hopes") or [])[:2]]
    if hopes and "wish" in on_path and not is_short(tone, answers):
        add("wish-hope", "wish", script["wish_hope"][tone].replace(
            "{hope}", join_phrases(hopes, script["and"])), label=script["wish_hope_label"],
            hint="")
    main("their_view", script["their_view"][tone])
    add("listen", "listen", script["listen"], say=False, hint="")
    main("say_back", script["say_back"][tone])
    for reason in reasons:
        add("say_back-" + reason["id"], "say_back", reason["say_back"], say=False,
            about=reason["id"], label=worry["example"].replace("{worry}", reason["short"]),
            hint="")
    main("validate", script["validate"][tone])
    for reason in reasons:
        lines = reason.get("script") or []
        for i, text in enumerate(lines[:1] if tone == "brief" else lines):
            label = worry["label"] if i == 0 else worry["more"]
            add("worry-%s-%d" % (reason["id"], i), WORRY, text, branch=WORRY,
                about=reason["id"], label=label.replace("{worry}", reason["short"]), hint="")
    if topics and "for_both" in on_path:
        add("for_both-topics", "for_both", script["for_both_topics"][tone],
            label=script["for_both_topics_label"], hint="")
    main("for_both", _for_both(catalogue, reasons, tone))
    main("ask", catalogue.ask(ask_id)["line"][tone])
    main("close", script["close"][tone])
    repair = script["repair"]
    add("repair", REPAIR, repair["prompt"], say=False, branch=REPAIR, hint="")
    for line in repair["lines"]:
        add("repair-" + line["id"], REPAIR, line["line"][tone], branch=REPAIR,
            label=line["label"], hint="")
    return turns


def main_path(turns):
    """The spoken turns outside any branch: what is said if no worry comes up."""
    return [t for t in turns if t["say"] and t["branch"] is None]


def branch_heading(catalogue, turn):
    """The heading over a branch's turns, or None on the main path."""
    if turn["branch"] == WORRY:
        return catalogue.script["worry"]["group"].replace(
            "{worry}", catalogue.reason(turn["if"])["short"])
    if turn["branch"] == REPAIR:
        return catalogue.script["repair"]["heading"]
    return None


def retone(old_turns, new_turns, edited_ids):
    """Switch tone without losing the person's own words.

    Turns whose id is in ``edited_ids`` keep their edited text; every other
    turn takes the new tone's wording. An edited turn the new tone does not
    have (the brief tone drops second lines and keeps a shorter path) stays,
    right after the nearest turn before it that is still there.
    """
    kept = {}
    for turn in old_turns:
        if turn["id"] in edited_ids:
            kept[turn["id"]] = turn
    result = []
    for turn in new_turns:
        if turn["id"] in kept:
            turn = dict(turn)
            turn["text"] = kept[turn["id"]]["text"]
        result.append(turn)
    anchor = None
    for turn in old_turns:
        ids = [x["id"] for x in result]
        if turn["id"] in ids:
            anchor = turn["id"]
        elif turn["id"] in kept:
            result.insert(ids.index(anchor) + 1 if anchor else 0, turn)
            anchor = turn["id"]
    return result
