"""Compose the conversation script from its parts.

The script follows a fixed shape, each part written in three tones in
``site/content/script.toml``: a soft opening in I-statements, asking
permission, inviting their view, summarising it back, validating, a specific
answer to each chosen worry, framing it as something for both of you, the
ask, and a graceful close. Every line carries a stable ``id`` so the page can
keep a line the person edited when they switch tone.
"""

TONES = ("gentle", "brief", "direct")


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


def compose(catalogue, answers, ask_id, tone):
    """The script as a list of ``{"id", "part", "label", "hint", "text"}`` lines."""
    if tone not in TONES:
        tone = TONES[0]
    script = catalogue.script
    parts = {}
    for part in script["parts"]:
        parts[part["id"]] = part
    name = answers.get("name") or ""
    lines = []

    def add(line_id, part_id, text, hint=None):
        part = parts[part_id]
        lines.append({"id": line_id, "part": part_id, "label": part["label"],
                      "hint": hint or part.get("hint") or "", "text": fill_name(text, name)})

    for opening in script["opening"]:
        if opening["stance"] == answers["stance"]:
            add("opening", "opening", opening["line"][tone])
    add("permission", "permission", script["permission"][tone])
    add("invite_view", "invite_view", script["invite_view"][tone])
    reasons = [catalogue.reason(r) for r in answers["reasons"]]
    summary = join_phrases([r["summary"] for r in reasons], script["and"])
    add("summarise", "summarise", script["summarise"][tone].replace("{summary}", summary))
    add("validate", "validate", script["validate"][tone])
    for reason in reasons:
        chosen = reason["script"][:1] if tone == "brief" else reason["script"]
        for i, text in enumerate(chosen):
            add("concern-%s-%d" % (reason["id"], i), "concern", text, reason["label"])
    hopes = [catalogue.hope(h)["phrase"] for h in answers.get("hopes") or []]
    if hopes:
        add("for_both", "for_both",
            script["for_both_hope"][tone].replace("{hope}", join_phrases(hopes, script["and"])))
    else:
        add("for_both", "for_both", script["for_both"][tone])
    add("ask", "ask", catalogue.ask(ask_id)["line"][tone])
    add("close", "close", script["close"][tone])
    return lines


def retone(old_lines, new_lines, edited_ids):
    """Switch tone without losing the person's own words.

    Lines whose id is in ``edited_ids`` keep their edited text; every other
    line takes the new tone's wording. An edited line the new tone does not
    have (the brief tone drops second lines) stays, after the line it followed.
    """
    kept = {}
    for line in old_lines:
        if line["id"] in edited_ids:
            kept[line["id"]] = line
    result = []
    for line in new_lines:
        if line["id"] in kept:
            line = dict(line)
            line["text"] = kept[line["id"]]["text"]
        result.append(line)
    new_ids = [line["id"] for line in new_lines]
    previous = None
    for line in old_lines:
        if line["id"] in kept and line["id"] not in new_ids:
            ids = [x["id"] for x in result]
            position = ids.index(previous) + 1 if previous in ids else len(result)
            result.insert(position, line)
        previous = line["id"]
    return result
