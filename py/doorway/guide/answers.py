"""Check what a person enters in the wizard, one step at a time.

Each ``check_*`` function takes the raw values a form produced and returns
the errors in the GOV.UK error-summary shape ``{"field": <html id>,
"message": <text>}``, where the field id is the control the summary links to;
the wizard's steps return ``(value, errors)``, the cleaned answer first. Two
optional keys refine an error: ``"summary": False`` marks the field only (the
summary leaves it out), and ``field_message`` is what the field shows when it
differs from the summary's words. The page templates and the browser use the
same id helpers below, so a message always points at a field that exists.
"""

from .names import NAME_LIMIT, clean_name

SAFETY_CHOICES = ("yes", "no", "unsure")


def safety_field(item_id, choice="yes"):
    return "safety-%s-%s" % (item_id, choice)


def stance_field(stance_id):
    return "stance-%s" % stance_id


def reason_field(reason_id):
    return "reason-%s" % reason_id


NAME_FIELD = "partner-name"


def blank_answers():
    """The answers before the person has said anything."""
    return {"safety": {}, "stance": None, "reasons": [], "name": "", "conflict": None,
            "hopes": [], "limits": [], "topics": []}


def check_safety(catalogue, values):
    """``values`` maps each item id to "yes", "no", "unsure" or None.

    The error summary says once, gently, that every question needs an answer,
    and links to the first one left unanswered. Each further unanswered
    question is only marked beside itself (``"summary": False``), and
    ``field_message`` is what the first question shows beside itself. No
    message repeats a question's words: some of them are hard to read twice.
    """
    screen = catalogue.safety_screen
    answers = {}
    errors = []
    for item in screen["items"]:
        value = values.get(item["id"])
        if value in SAFETY_CHOICES:
            answers[item["id"]] = value
        elif errors:
            errors.append({"field": safety_field(item["id"]), "message": screen["error"],
                           "summary": False})
        else:
            errors.append({"field": safety_field(item["id"]), "message": screen["error_summary"],
                           "field_message": screen["error"]})
    return answers, errors


def check_stance(catalogue, value):
    step = catalogue.wizard["stance"]
    if catalogue.stance(value) is None:
        return None, [{"field": stance_field(catalogue.stances[0]["id"]),
                       "message": step["error"]}]
    return value, []


def check_reasons(catalogue, values):
    """At least one known reason, returned in the catalogue's order.

    The exclusive reason ("I don't know") stands alone: chosen with others, it
    gives way to them, since the others say more about what to do.
    """
    chosen = [r["id"] for r in catalogue.reason_labels if r["id"] in values]
    exclusive = catalogue.exclusive_reason()
    if exclusive in chosen and len(chosen) > 1:
        chosen = [r for r in chosen if r != exclusive]
    if not chosen:
        return [], [{"field": reason_field(catalogue.reason_labels[0]["id"]),
                     "message": catalogue.wizard["reasons"]["error"]}]
    return chosen, []


def check_context(catalogue, values):
    """The optional context step: every field may be left empty.

    ``values`` has "name" (text), "conflict" (id or None), "hopes", "limits" and
    "topics" (what the arguments are about): lists of ids. Unknown ids are
    dropped: they can only come from a stale page.
    """
    context_step = catalogue.wizard["context"]
    context = {
        "name": clean_name(values.get("name") or ""),
        "conflict": values.get("conflict") if catalogue.conflict(values.get("conflict")) else None,
        "hopes": [x["id"] for x in context_step["hopes"]
                  if x["id"] in (values.get("hopes") or [])],
        "limits": [x["id"] for x in context_step["limits"]
                   if x["id"] in (values.get("limits") or [])],
        "topics": [t["id"] for t in context_step["topics"]
                   if t["id"] in (values.get("topics") or [])],
    }
    errors = []
    if len(context["name"]) > NAME_LIMIT:
        errors.append({"field": NAME_FIELD,
                       "message": catalogue.wizard["context"]["name_error"]})
    return context, errors
