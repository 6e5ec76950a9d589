"""Read, check and compile the content files in ``site/content/``.

Everything a person reads in Doorway lives in TOML files that an editor can
change without touching Python. :func:`load` reads them all, checks each
against the schema below and the references between them, and returns one
*catalogue*: a plain dict that the build hands to jinja2 and writes out as
JSON for the Python running in the browser. Order matters to the browser
(MicroPython's dicts do not keep insertion order), so anything ordered is a list.
"""

import re
import tomllib
from pathlib import Path

from doorway.guide import link, phrases
from doorway.guide.decision import OPTION_FIELDS
from doorway.guide.reply_check import ESCALATING, KINDS, ReplyChecker
from doorway.guide.safety import KINDS as LINE_KINDS
from doorway.guide.script import GAP, MAIN_PARTS, PARTS, TONES

from . import practice, style
from .schema import (
    ContentError,
    ContentErrors,
    Findings,
    Optional,
    Where,
    boolean,
    check_references,
    describe,
    identifier,
    integer,
    list_of,
    one_of,
    reference,
    table,
    text,
    texts,
    unique_field,
    url,
)

#: Placeholders a script line may use, and where ``{name}`` may stand (see
#: doorway.guide.script.fill): at the start before a comma, or after a space.
PLACEHOLDERS = re.compile(r"\{([a-z_]+)\}")
NAME_POSITIONS = re.compile(r"^\{name\}, |[ ,]\{name\}")

toned = table({tone: text for tone in TONES})

SOURCE = table({
    "id": identifier,
    "title": text,
    "author": text,
    "year": integer(1900, 2100),
    "url": url,
    "note": Optional(text),
})

TIP = table({"id": identifier, "text": text, "sources": Optional(list_of(reference("source")))})

ASK = table({
    "id": identifier,
    "code": integer(1, 250),
    "name": text,
    "summary": text,
    "line": toned,
    "prepare": text,
})

REASON = table({
    "id": identifier,
    "code": integer(1, 250),
    "order": integer(1, 999),
    "label": text,
    "example": text,
    "short": text,
    "say_back": text,
    "for_both": Optional(text),
    "meaning": texts(),
    "advice": texts(),
    "script": Optional(texts()),
    "replies": list_of(table({"they_say": text, "you_say": text}), minimum=3),
    "partner": table({"heading": text, "body": texts()}),
    "sources": list_of(reference("source"), unique=True),
    "tips": Optional(list_of(reference("tip"), unique=True), default=[]),
    "ask": Optional(table({"cap": reference("ask"), "why": text})),
    "exclusive": Optional(boolean, default=False),
})

CHOICE = table({"id": identifier, "label": text})


def slotted(slot, what):
    """Text that marks where ``{slot}`` goes, exactly once (a link, a number)."""
    @describe("text with one `{%s}`, where %s goes" % (slot, what))
    def check(value, where):
        value = text(value, where)
        if value.count("{%s}" % slot) != 1:
            raise ContentError(where, "must mark where %s goes with {%s}, exactly once"
                               % (what, slot))
        return value
    return check


def slots(*names):
    """Text that marks each of ``{name}`` exactly once (a number and a count, say)."""
    checks = [slotted(name, "the " + name) for name in names]

    @describe("text with %s, each exactly once" % ", ".join("`{%s}`" % n for n in names))
    def check(value, where):
        for one in checks:
            value = one(value, where)
        return value
    return check


WIZARD = table({
    "answers": table({"yes": text, "no": text, "unsure": text}),
    "welcome": table({
        "heading": text, "lead": text, "time": text, "privacy": texts(3),
        "start": text, "loading": text, "guide_link": text,
    }),
    "stance": table({
        "heading": text, "hint": text, "error": text,
        "options": list_of(table({
            "id": identifier, "label": text, "ask": reference("ask"), "why": text,
        }), minimum=2),
    }),
    "reasons": table({"heading": text, "hint": text, "error": text, "or": text}),
    "context": table({
        "heading": text, "intro": text,
        "name_label": text, "name_hint": text, "name_error": text,
        "conflict_legend": text, "conflict": list_of(CHOICE, minimum=2),
        "hopes_legend": text,
        "hopes": list_of(table({"id": identifier, "label": text, "phrase": text})),
        "limits_legend": text,
        "limits": list_of(table({"id": identifier, "label": text,
                                 "tips": list_of(reference("tip"))})),
        "topics_legend": text,
        "topics_hint": text,
        "topics_many": text,
        "topics": list_of(table({"id": identifier, "label": text, "phrase": Optional(text),
                                 "tips": Optional(list_of(reference("tip")), default=[])}),
                          minimum=2),
    }),
    "buttons": table({"next": text, "back": text, "start_over": text, "results": text}),
    "progress": slots("number", "total"),
    "check": table({
        "heading": text, "intro": text, "change": text, "not_given": text,
        "rows": table({name: text for name in (
            "stance", "reasons", "name", "conflict", "topics", "hopes", "limits",
            "situations")}),
    }),
    "restart": table({"heading": text, "body": text, "confirm": text, "cancel": text}),
    "errors": table({"heading": text}),
    "problem": table({"heading": text, "body": text, "retry": text}),
})

#: A line for each stance (where things stand), in every tone.
by_stance = list_of(table({"stance": reference("stance"), "line": toned}))

SCRIPT = table({
    "and": text,
    "tones_legend": text,
    "guide_intro": text,
    "for_both_topics_label": text,
    "wish_hope_label": text,
    "tones": list_of(table({"id": one_of(*TONES), "label": text, "hint": text}), minimum=3),
    "short_path": list_of(one_of(*MAIN_PARTS), unique=True),
    "parts": list_of(table({"id": one_of(*PARTS), "label": text, "hint": Optional(text)}),
                     minimum=len(PARTS)),
    "opening": by_stance,
    "feeling": toned,
    "feeling_topics": toned,
    "permission": toned,
    "wish": by_stance,
    "wish_hope": toned,
    "their_view": toned,
    "listen": text,
    "say_back": toned,
    "validate": toned,
    "worry": table({name: text for name in (
        "heading", "intro", "group", "label", "more", "example")}),
    "for_both": toned,
    "for_both_plain": toned,
    "for_both_topics": toned,
    "close": toned,
    "repair": table({
        "heading": text, "prompt": text,
        "lines": list_of(table({"id": identifier, "label": text, "line": toned}), minimum=2),
    }),
    "example": table({
        "heading": text, "intro": text, "you": text, "partner": text, "note": text,
        "turns": list_of(table({"who": one_of("you", "partner", "note"), "text": text}),
                         minimum=4),
    }),
})

GUIDANCE = table({
    "sections": table({name: text for name in (
        "behind", "ask", "timing", "script", "avoid", "replies", "plan_b", "therapist",
        "sources", "practical")}),
    "labels": table({name: text for name in (
        "plan_title", "contents", "helps", "they_say", "you_say", "refs")}),
    "actions": table({name: text for name in (
        "heading", "intro", "copy", "print", "download", "share", "filename", "copied",
        "copy_failed", "script_intro", "copy_script", "download_script", "script_filename",
        "retoned")}),
    "card": table({
        "heading": text, "intro": text, "things_heading": text, "lines_heading": text,
        "time": text, "time_topics": text, "cost": text, "listen": text,
        "conflict": list_of(table({"conflict": reference("conflict"), "text": text})),
    }),
    "timing": table({
        "base": texts(),
        "topics": text,
        "conflict": list_of(table({"conflict": reference("conflict"), "advice": texts()})),
        "sources": list_of(reference("source")),
    }),
    "avoid": table({
        "intro": text,
        "items": list_of(table({"say": text, "why": text}), minimum=4),
        "sources": list_of(reference("source")),
    }),
    "plan_b": table({
        "intro": text,
        "sections": list_of(table({
            "id": identifier, "heading": text, "body": texts(),
            "items": Optional(list_of(table({"name": text, "text": text}))),
            "sources": list_of(reference("source")),
        }), minimum=5),
    }),
    "therapist": table({
        "intro": text,
        "headings": table({name: text for name in ("look_for", "questions", "cost", "online")}),
        "look_for": texts(3),
        "questions": texts(4),
        "cost": texts(),
        "online": texts(),
        "sources": list_of(reference("source")),
    }),
})

@describe("digits to dial, optionally after `+`")
def dial(value, where):
    """A number for a tel: link: digits, optionally after "+". Freephone numbers
    stay in local form (1800…, 0800…), since many cannot be dialled as +61 1800…."""
    value = text(value, where)
    if not re.match(r"^\+?[0-9]+$", value):
        raise ContentError(where, f"{value!r} must be digits only, optionally after '+'")
    return value


@describe("digits to text (an `sms:` number)")
def sms_number(value, where):
    """A number for an sms: link. Digits only: short codes (88788, 686868) and
    mobile numbers in the form people type them (07860077333)."""
    value = text(value, where)
    if not re.match(r"^[0-9]+$", value):
        raise ContentError(where, f"{value!r} must be digits only (a number to text)")
    return value


@describe("a date written YYYY-MM-DD")
def iso_date(value, where):
    """The day a source page was read, as YYYY-MM-DD (TOML dates are accepted too)."""
    value = str(value) if hasattr(value, "isoformat") else text(value, where)
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value)
    if not match or not (1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31):
        raise ContentError(where, f"{value!r} must be a date written YYYY-MM-DD")
    return value


HOTLINE = table({
    "name": text,
    # What the line is for; lines are grouped by it, in doorway.guide.safety.KINDS order.
    "kind": one_of(*LINE_KINDS),
    # The line a phone's first screen shows under the emergency number: one per
    # country, or one per area where a country has areas.
    "main": Optional(boolean, default=False),
    # Only for this part of the country (an id from the country's areas).
    "area": Optional(identifier),
    "phone": Optional(text),
    "tel": Optional(dial),
    # Texting: the number (digits only) and the word to send, if the line asks for one.
    "sms": Optional(sms_number),
    "keyword": Optional(text),
    "text": Optional(text),
    "url": Optional(url),
    "chat": Optional(url),
    # Opening hours; left out when no official page confirmed them.
    "hours": Optional(text),
    "for": text,
    "source": reference("source"),
    # When the hours come from another page than the number.
    "hours_source": Optional(reference("source")),
})

AREA = table({
    "id": identifier,
    "name": text,
    # Browser language codes (fr, cy) that suggest this area: fr-CA suggests Quebec.
    "languages": Optional(list_of(identifier), default=[]),
})

SCREEN_ITEM = table({
    "id": identifier,
    "question": text,
    # A "yes" means a higher risk of serious harm: threats to kill, strangling, weapons.
    "danger": Optional(boolean, default=False),
    "sources": list_of(reference("source")),
})

LINKS = list_of(table({"label": text, "url": url, "source": reference("source")}))

SAFETY = table({
    "screen": table({
        "heading": text, "intro": texts(),
        # ``error`` marks one unanswered question (never repeating its words);
        # ``error_summary`` is said once, above the form.
        "error": text, "error_summary": text, "skip": text,
        "items": list_of(SCREEN_ITEM, minimum=4),
    }),
    "route": table({
        "heading": text, "intro": texts(), "why": texts(),
        "support_heading": text, "support": texts(),
        "planning_heading": text, "planning": texts(),
        "planning_links": LINKS,
        "device_heading": text, "device": texts(3),
        # On pages that hold answers, until Python has drawn the numbers.
        "waiting": text, "waiting_link": text,
        "family_heading": text, "family": texts(2), "family_sources": list_of(reference("source")),
        "sources": list_of(reference("source")),
    }),
    # After a "yes" to a danger item.
    "high_risk": table({
        "heading": text, "intro": texts(), "advocate": texts(), "medical": texts(),
        "tool_heading": text, "tool": texts(), "links": LINKS,
        "sources": list_of(reference("source")),
    }),
    "unsure": table({"heading": text, "body": texts(), "continue": text}),
    # "Not sure" on a danger item: help first; going on takes a second, deliberate step.
    "danger_unsure": table({
        "heading": text, "body": texts(), "continue": text,
        "confirm": table({"heading": text, "body": texts(), "confirm": text, "back": text}),
        "sources": list_of(reference("source")),
    }),
    # For someone who worries that they are the one causing harm.
    "own_behaviour": table({"heading": text, "body": texts(), "lines_note": text,
                            "sources": list_of(reference("source"))}),
    # The partner's page: one quiet line, the same on every invitation.
    "partner_line": table({"text": text, "open": text, "close": text}),
    # Said before copy, print, download and calendar actions.
    "saved_plan_note": table({"text": text, "sources": list_of(reference("source"))}),
    # Words around each helpline (grouped by kind on the phone's list).
    "lines": table({
        "kinds": table({kind: text for kind in LINE_KINDS}),
        "call": text, "text": text, "chat": text, "website": text, "hours_unknown": text,
        "checked": text, "area_label": text, "elsewhere": text,
        # Headings and labels of the helpline cards.
        "emergency_heading": text, "lines_heading": text, "country_label": text,
        "source_label": text,
    }),
    "countries": list_of(table({
        "id": identifier, "region": text, "name": text,
        # The day the sources for this country's numbers were read.
        "checked": iso_date,
        "emergency": text, "emergency_tel": dial,
        "emergency_source": reference("source"),
        "areas": Optional(list_of(AREA, minimum=2), default=[]),
        "lines": list_of(HOTLINE),
    }), minimum=6),
    "international": table({"name": text, "url": url, "about": text,
                            "source": reference("source")}),
})

PARTNER = table({
    # The partner's page, opened from an invitation link: the ask first, in
    # the sender's voice ({name} is the name they gave), then the questions.
    "from_named": text,
    "from_unnamed": text,
    "default_note": texts(),
    "offer_heading": text,
    "time_label": text,
    "cost_label": text,
    "questions_heading": text,
    "show_passphrase": text,
    "hide_passphrase": text,
    "sources": list_of(reference("source")),
    # What messaging apps show for a link (they never see the part after #).
    "link_preview": table({name: text for name in (
        "invite_title", "invite_description", "reply_title", "reply_description")}),
    # The small step on offer, one entry per first step in asks.toml.
    "offers": list_of(table({
        "ask": reference("ask"), "step": text, "time": text, "cost": text, "booked": text,
        "sources": list_of(reference("source"), minimum=0, unique=True),
    })),
    # Questions every reader may have, folded under the chosen worries.
    "questions": list_of(table({
        "id": identifier, "question": text, "answer": texts(),
        # Worries that answer the same question: if one was chosen, this is left out.
        "same_as": Optional(list_of(reference("reason"), unique=True), default=[]),
        "sources": Optional(list_of(reference("source"), unique=True), default=[]),
        # The words of a link that opens "Cover your tracks" in place.
        "link": Optional(text),
    })),
    # The partner's answer, which becomes a reply link.
    "reply": table({
        "heading": text, "hint": text, "choice_error": text, "conditions_legend": text,
        "period_legend": text,
        # The first reply form's options: version-1 reply links carry their codes.
        "options": list_of(table({
            "id": identifier, "code": integer(1, 250), "label": text,
            "for_sender": texts(),
        }), minimum=5),
        # The one-choice reply of version-2 links (doorway.guide.link).
        "choices": list_of(table({
            "id": identifier, "code": integer(1, 250), "label": text,
            "for_sender": texts(),
            "takes": Optional(one_of(link.TAKES_CONDITIONS, link.TAKES_PERIOD)),
        }), minimum=2),
        "conditions": list_of(table({
            "id": identifier, "code": integer(1, 250), "label": text,
            "for_sender": texts(),
        })),
        "periods": list_of(table({"id": identifier, "code": integer(1, 250),
                                  "label": text, "for_sender": texts()})),
        "note_label": text, "note_hint": text, "seal_label": text, "seal_hint": text,
        "plain_hint": text, "preview_heading": text, "preview_empty": text, "make": text,
        "ready": text, "link_label": text, "copy": text, "send": text, "open_how": text,
    }),
    # The sender's share step in the results.
    "share": table({
        "heading": text, "intro": texts(), "sender_label": text, "sender_hint": text,
        "sender_error": text, "concerns_legend": text, "concerns_hint": text,
        "ask_legend": text, "ask_hint": text, "note_label": text, "note_hint": text,
        "counter": text, "counter_one": text, "counter_over": text, "counter_over_one": text,
        "protect_legend": text, "protect_hint": text, "words_label": text, "words_hint": text,
        "words_loading": text, "words_failed": text, "new_words": text, "own_label": text,
        "passphrase_label": text, "passphrase_hint": text, "passphrase_empty": text,
        "passphrase_error": text, "plain_label": text, "plain_warning": text, "no_seal": text,
        "preview_heading": text, "preview_questions": text, "make": text, "working": text,
        "link_label": text, "send": text, "copy": text, "copied": text, "copy_failed": text,
        "send_failed": text, "say_words": text, "qr_show": text, "qr_caption": text,
        "qr_too_long": text, "open_how": texts(), "tracks_link": text,
    }),
    # Opening a link by pasting it into the page, and the page with no link.
    "paste": table({name: text for name in (
        "heading", "intro", "label", "hint", "submit", "empty", "also", "another")}),
    # Asking for the passphrase of a sealed link.
    # reply_intro and reply_wrong are for /reply/: the person opening a reply
    # sent the invitation and chose the passphrase that seals both.
    "unlock": table({"heading": text, "intro": text, "label": text, "submit": text,
                     "wrong": text, "working": text, "empty": text, "reply_intro": text,
                     "reply_wrong": text}),
    # A link that cannot be read (doorway.guide.link.LinkError codes).
    "link_error": table({name: text for name in (
        "heading", "empty", "too_long", "version", "damaged", "wrong_page", "what_to_do",
        "guide_link")}),
    # The sender's page, opened from a reply link.
    "received": table({"heading": text, "intro": text, "options_heading": text,
                       "only_note": text, "note_heading": text, "next_heading": text,
                       "next": texts(), "start": text}),
})

# --- The reply checker (site/content/reply_checker/<language>.toml) ------------

@describe("lower-case words with single spaces")
def _folded_words(value, where):
    """One or more lower-case words, single-spaced: what a short form stands for."""
    value = text(value, where)
    if value != value.lower() or not all(part.isalpha() for part in value.split(" ")):
        raise ContentError(where, f"{value!r} must be lower-case words with single spaces")
    return value


@describe("one word, without phrase marks")
def _word(value, where):
    """One word of a word group: no spaces, no phrase marks."""
    value = text(value, where)
    if " " in value or any(mark in value for mark in "|*[]@^$"):
        raise ContentError(where, f"{value!r} must be a single word, without phrase marks")
    return value


def mapping(key_check, value_check):
    """A TOML table whose keys the editor chooses (short forms, group names)."""
    @describe("a table whose keys you choose (%s), each %s"
              % (key_check.describe, value_check.describe))
    def check(value, where):
        if not isinstance(value, dict) or not value:
            raise ContentError(where, "must be a table with at least one entry")
        return {key_check(key, where.key(key)): value_check(item, where.key(key))
                for key, item in value.items()}
    return check


@describe("one lower-case word, apostrophe allowed")
def _short_form(value, where):
    value = text(value, where)
    if value != value.lower() or not value.replace("'", "").isalpha():
        raise ContentError(where, f"{value!r} must be one lower-case word, apostrophe allowed")
    return value


CHECKER_KIND = table({
    "id": one_of(*KINDS),
    "tone": one_of("escalating", "helpful"),
    "label": text,
    "about": text,
    "rewording": Optional(text),
    "examples": Optional(list_of(table({"instead": text, "try": text}))),
    "sources": list_of(reference("source"), unique=True),
    "phrases": list_of(text, unique=True),
    "unless": Optional(list_of(text, minimum=0, unique=True), default=[]),
    "not_with": Optional(list_of(one_of(*KINDS), minimum=0, unique=True), default=[]),
})

REPLY_CHECKER = table({
    "language": identifier,
    "short_forms": mapping(_short_form, _folded_words),
    "groups": mapping(identifier, list_of(_word, unique=True)),
    "kinds": list_of(CHECKER_KIND, minimum=len(KINDS)),
})


def _check_reply_checker(rules, where):
    """Every kind once, with the right tone and feedback; phrases that parse; examples that work.

    An example's "instead" must be found as its kind, and its "try" must not
    be found as anything that escalates: feedback that suggests a rewording
    the checker itself would flag helps no one.
    """
    kinds = [kind["id"] for kind in rules["kinds"]]
    groups = phrases.fold_groups(rules["groups"])
    for i, kind in enumerate(rules["kinds"]):
        here = where.key("kinds").index(i)
        if kinds.index(kind["id"]) != i:
            raise ContentError(here.key("id"), f"kind {kind['id']!r} is listed twice")
        escalating = kind["id"] in ESCALATING
        tone = "escalating" if escalating else "helpful"
        if kind["tone"] != tone:
            raise ContentError(here.key("tone"), f"must be {tone} for {kind['id']!r}")
        for field in ("rewording", "examples"):
            if escalating and field not in kind:
                raise ContentError(here.key(field), "is missing (a kind that escalates needs it)")
            if not escalating and field in kind:
                raise ContentError(here.key(field), "is only for kinds that escalate")
        for field in ("phrases", "unless"):
            for j, phrase in enumerate(kind[field]):
                try:
                    _, steps = phrases.parse(phrase, groups)
                except ValueError as error:
                    raise ContentError(here.key(field).index(j), str(error)) from None
                short = sorted(w for step in steps if step[1] for w in step[1]
                               if w in rules["short_forms"])
                if short:
                    raise ContentError(here.key(field).index(j), f"uses the short form "
                                       f"{short[0]!r}, which never matches: write "
                                       f"{rules['short_forms'][short[0]]!r}")
    missing = [kind for kind in KINDS if kind not in kinds]
    if missing:
        raise ContentError(where.key("kinds"), f"has no entry for {', '.join(missing)}")
    checker = ReplyChecker(rules)
    for i, kind in enumerate(rules["kinds"]):
        for j, example in enumerate(kind.get("examples", [])):
            here = where.key("kinds").index(i).key("examples").index(j)
            if kind["id"] not in checker.check(example["instead"])["findings"]:
                raise ContentError(here.key("instead"), f"is not found as {kind['id']}: "
                                   "add a phrase that finds it, or change the example")
            harsh = [k for k in checker.check(example["try"])["findings"] if k in ESCALATING]
            if harsh:
                raise ContentError(here.key("try"), f"is itself found as {', '.join(harsh)}")


ABOUT = table({
    "heading": text,
    "sections": list_of(table({"id": identifier, "heading": text, "body": texts(),
                               # Shown under the section, as links to the sources list.
                               "sources": Optional(list_of(reference("source")), default=[]),
                               # A list after the body: the IPDAS items met and not met.
                               "items": Optional(list_of(text), default=[])}),
                        minimum=6),
})

SITE = table({
    "name": text,
    "title": text,
    "description": text,
    "exit_url": url,
    "exit_label": text,
    "exit_note": text,
    "last_reviewed": text,
    "note_limit": integer(50, 1000),
    "footer": table({name: text for name in ("label", "guide", "safety", "tracks", "about")}),
})

#: Traces a visit leaves on the device: "Cover your tracks", the footer's
#: "Forget Doorway on this device", and the plan's one-tab note.
PRIVACY = table({
    "plan_tab_only": text,
    "tracks": table({
        "heading": text, "intro": texts(),
        "browsers_heading": text,
        "browsers": list_of(table({
            "id": identifier, "name": text, "steps": texts(2), "private": text,
            "sources": list_of(reference("source"), minimum=2, unique=True),
        }), minimum=5),
        "private_heading": text, "private": texts(),
        "also_heading": text, "also": texts(),
    }),
    "forget": table({name: text for name in (
        "button", "hint", "working", "done", "remains", "again", "failed")}),
})

linked_text = slotted("link", "the link")


def _words(*names):
    return {name: text for name in names}


#: The public pages with a description of their own (``reason``: every guide/<reason>.html).
DESCRIBED_PAGES = ("welcome", "guide", "talking", "plan_b", "therapist", "safety",
                   "cover_your_tracks", "for_partners", "about", "reason")

PAGES = table({
    "frame": table(_words("exit_bar_label", "exit_hint", "skip_link", "shift_one_more",
                          "exiting", "shift_expired", "update_ready", "update_button")
                   | {"shift_more": slotted("count", "the number")}),
    "not_found": table({"heading": text, "body": linked_text, "link": text}),
    "about": table(_words("reviewed", "sources_heading", "hotlines_heading", "emergency",
                          "source")),
    "guide": table(_words("home", "lead", "guided_link", "safety_heading", "safety_link",
                          "reasons_heading", "talking_heading", "talking_link", "plan_b_link",
                          "therapist_link", "partners_link",
                          "partner_heading", "partners_heading", "partners_lead")
                   | {"guided": linked_text, "safety": linked_text, "tracks": linked_text}),
    # <meta name="description"> of each public page (search results show it); the
    # partner's pages have their link-preview words in partner.toml instead.
    "descriptions": table(_words(*DESCRIBED_PAGES)),
})

#: What a note with sources looks like in the decision aid.
SOURCED = table({"text": text, "sources": list_of(reference("source"))})

DECISION = table({
    "sections": table(_words("decide", "weeks", "summary", "keep")),
    "decide": table({
        "decision": text, "intro": texts(), "fit_note": text,
        "announce": slotted("option", "the first option's name"),
        "position": slots("number", "count"),
        "sources": list_of(reference("source")),
        "costs": table({"heading": text, "body": texts(),
                        "sources": list_of(reference("source"))}),
        "order": table(_words("unsorted", "sorted")),
        "fields": table(_words(*OPTION_FIELDS)),
        "reasons": table({"unsorted": text, "raised": slotted("why", "the reason"),
                          "good": slotted("values", "the values"),
                          "less": slotted("values", "the values"),
                          "even": text, "and": text}),
    }),
    "values": table({
        "legend": text, "hint": text,
        "levels": list_of(table({"id": identifier, "label": text,
                                 "weight": integer(0, 10)}), minimum=2),
        "items": list_of(table({"id": identifier, "label": text, "phrase": text}),
                         minimum=2),
    }),
    # Each option: the same fields, for equal detail; fit maps every value id to 0-3.
    "options": list_of(table(dict(
        [(name, text) for name in OPTION_FIELDS],
        id=identifier, name=text, sources=list_of(reference("source")),
        fit=mapping(identifier, integer(0, 3)))), minimum=2),
    "sure": table({
        "before_legend": text, "after_legend": text, "hint": text, "yes": text, "no": text,
        "settled": text, "unsure": slotted("count", "the number of no answers"),
        "unsure_one": text, "helps_heading": text, "score": slotted("score", "the score"),
        "before_label": text, "after_label": text, "not_answered": text,
        "sources": list_of(reference("source")),
        "items": list_of(table({"id": identifier, "question": text, "helps": text}),
                         minimum=4),
    }),
    "situations": table({
        "legend": text, "hint": text, "safety": SOURCED,
        "items": list_of(table({
            "id": identifier, "label": text, "heading": text, "body": texts(),
            "raise": list_of(identifier, minimum=0), "why": text,
            "sources": list_of(reference("source")),
        })),
    }),
    "weeks": table({
        "intro": text, "look_label": text, "stalls_label": text,
        "sources": list_of(reference("source")),
        "plans": list_of(table({
            "stances": list_of(reference("stance"), unique=True),
            "weeks": list_of(table({"title": text, "do": text, "look": text,
                                    "stalls": text}), minimum=4),
        })),
    }),
    "calendar": table({
        "button": text, "hint": text, "start_label": text, "filename": text, "product": text,
        "summary": text, "description": slots("number", "count"), "done": text,
        "failed": text, "never": list_of(text),
    }),
    "summary": table(dict(_words(
        "intro", "print", "decision_heading", "options_heading", "values_heading",
        "sure_heading", "next_heading", "none_weighed"),
        first_step=slotted("ask", "the first step"), this_week=slotted("week", "the week"))),
    "keep": table(dict(_words(
        "words_label", "words_hint", "new_words",
        "own_label", "own_hint", "own_error", "words_error", "make", "working",
        "link_label", "copy", "copied", "copy_failed", "too_long", "no_seal"),
        intro=texts(), warning=texts())),
    "resume": table(dict(_words(
        "heading", "start", "unlock_heading", "unlock_intro", "label", "submit", "working",
        "empty", "wrong", "restored", "error_heading", "what_to_do", "start_new"),
        intro=texts(),
        errors=table(_words("too_long", "version", "damaged", "wrong_page")))),
})

#: Weeks a plan of the weeks ahead may hold.
WEEKS_RANGE = (4, 6)

#: The single-table files, by file name.
FILES = {
    "site.toml": SITE,
    "wizard.toml": WIZARD,
    "asks.toml": table({"asks": list_of(ASK, minimum=3)}),
    "script.toml": SCRIPT,
    "guidance.toml": GUIDANCE,
    "tips.toml": table({"tips": list_of(TIP)}),
    "safety.toml": SAFETY,
    "partner.toml": PARTNER,
    "about.toml": ABOUT,
    "privacy.toml": PRIVACY,
    "pages.toml": PAGES,
    "decision.toml": DECISION,
    "style.toml": style.STYLE,
    "practice.toml": practice.PRACTICE,
}

SOURCES = table({"sources": list_of(SOURCE)})


#: The script's one-line parts, each in three tones, and the placeholders each may
#: use (openings may use {name}; wishes, repair lines and asks none).
SCRIPT_PLACEHOLDERS = {"feeling": set(), "feeling_topics": {"topics"}, "permission": {"name"},
                       "wish_hope": {"hope"}, "their_view": set(), "say_back": set(),
                       "validate": set(), "for_both": {"wants"}, "for_both_plain": set(),
                       "for_both_topics": set(), "close": set()}

#: The rules :func:`load` checks between fields and files, for docs/content.md.
RULES = [
    "A reason's `id` is its file name.",
    "Link codes are never shared: `code` differs between any two reasons, any two asks and "
    "any two reply options, and so do the ids of asks and of reply options and each "
    "reason's `order`. A code goes into partner links: never change or reuse one.",
    "Exactly one reason has `exclusive = true` (\"I don't know\").",
    "Every id a field refers to exists (see References).",
    "Source ids differ across all source files, and every source is cited somewhere.",
    "`script.toml` has an `opening` and a `wish` for every stance option in `wizard.toml`, "
    "describes each part of the conversation map once in `parts`, has exactly one gap (%s) "
    "in each tone of `say_back`, and names `{worry}` once in each text of `worry`." % GAP,
    "Every reason except the exclusive one has `script` and `for_both`.",
    "Script lines use only their own placeholders: " + ", ".join(
        "`{%s}` in `%s`" % (name, part)
        for part, names in sorted(SCRIPT_PLACEHOLDERS.items()) for name in sorted(names))
    + ", `{name}` in each `opening`, and none anywhere else (wishes, repair lines and asks "
    "included). `{name}` "
    "opens a line (`{name}, ...`) or follows a space or comma.",
    "A help line has both `phone` (as shown) and `tel` (to dial), or neither.",
    "`decision.toml`: ids differ within options, values, levels, situations and SURE "
    "items; every option's `fit` rates each value id, and nothing else, from 0 to 3; a "
    "situation raises only option ids; the SURE check has exactly four items; every stance "
    "of `wizard.toml` has exactly one plan of the weeks ahead, of %d to %d weeks; no word of "
    "`calendar.never` appears (in any case) in the calendar's file name, product, summary "
    "or description." % WEEKS_RANGE,
    "No two sources share a title or an address (one id per work).",
    "Reader-facing text uses none of the idioms in `style.toml` and its spellings "
    "(British, -ise).",
    "`partner.toml` has exactly one `offers` entry for each first step in `asks.toml`, and "
    "`from_named` holds `{name}` once.",
    *practice.RULES,
]

#: What each kind of reference names (for docs/content.md).
REFERENCE_KINDS = {
    "source": "an `id` in `sources/*.toml`",
    "tip": "an `id` in `tips.toml`",
    "ask": "an `id` in `asks.toml`",
    "stance": "an id of `stance.options` in `wizard.toml`",
    "conflict": "an id of `context.conflict` in `wizard.toml`",
    "reason": "a reason's `id` (its file name in `reasons/`)",
}


def _shown(path, content_dir):
    """``path`` as an editor knows it: ``site/content/...`` for the site's own content."""
    return path.relative_to(content_dir.parent.parent) if content_dir in path.parents else path


def _read(path, content_dir, findings):
    """Parse one TOML file: ``(where, data)``; data is None if it cannot be read."""
    where = Where(_shown(path, content_dir), findings=findings)
    if not path.is_file():
        findings.errors.append(ContentError(where, "is missing"))
        return where, None
    try:
        with path.open("rb") as handle:
            return where, tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        findings.errors.append(ContentError(where, f"is not valid TOML ({error})"))
        return where, None


def _check_file(path, schema, content_dir, findings):
    """``(where, checked data)`` for one file; the data is None if it cannot be read."""
    where, data = _read(path, content_dir, findings)
    if data is None:
        return where, None
    return where, where.attempt(schema, data)


def _check_folder(folder, schema, content_dir, findings):
    """Every ``*.toml`` in ``folder``, checked, in file-name order.

    Returns ``([(where, data, path)], ok)``: ``ok`` is False if any file of
    the folder had an error (its entry may then be partial or missing).
    """
    before = len(findings.errors)
    entries = []
    for path in sorted(folder.glob("*.toml")):
        where, data = _check_file(path, schema, content_dir, findings)
        if data is not None:
            entries.append((where, data, path))
    if not entries and len(findings.errors) == before:
        findings.errors.append(ContentError(Where(_shown(folder, content_dir)),
                                            "holds no .toml files"))
    return entries, len(findings.errors) == before


def _check_placeholders(line, allowed, where):
    errors = [ContentError(where, f"uses unknown placeholder {{{name}}}")
              for name in PLACEHOLDERS.findall(line) if name not in allowed]
    if "{name}" in line and len(NAME_POSITIONS.findall(line)) != line.count("{name}"):
        errors.append(ContentError(where, "{name} must open the line ('{name}, ...') "
                                          "or follow a space"))
    return errors


def _check_script(script, wizard, asks, reasons, where_of):
    """Placeholders are known and well placed; every stance has an opening and a
    wish; every part is described once; the say-back frame has its gap; every
    worry but "I don't know" has its answer and its words for both of you."""
    errors = []
    here = where_of("script.toml")
    ids = [part["id"] for part in script["parts"]]
    errors += [ContentError(here.key("parts"), f"must describe part {part_id!r} exactly once")
               for part_id in PARTS if ids.count(part_id) != 1]
    for part, allowed in SCRIPT_PLACEHOLDERS.items():
        for tone in TONES:
            errors += _check_placeholders(script[part][tone], allowed, here.key(part).key(tone))
    errors += [ContentError(here.key("say_back").key(tone),
                            f"needs one gap ({GAP}) for the partner's own words")
               for tone in TONES if script["say_back"][tone].count(GAP) != 1]
    errors += [ContentError(here.key("worry").key(key), "must name the worry once: {worry}")
               for key in ("group", "label", "more", "example")
               if script["worry"][key].count("{worry}") != 1]
    for i, line in enumerate(script["repair"]["lines"]):
        for tone in TONES:
            errors += _check_placeholders(line["line"][tone], set(), here.key("repair")
                                          .key("lines").index(i).key("line").key(tone))
    for key, allowed in (("opening", {"name"}), ("wish", set())):
        for i, entry in enumerate(script[key]):
            for tone in TONES:
                errors += _check_placeholders(entry["line"][tone], allowed,
                                              here.key(key).index(i).key("line").key(tone))
        covered = [entry["stance"] for entry in script[key]]
        errors += [ContentError(here.key(key), f"has no {key} for stance {option['id']!r}")
                   for option in wizard["stance"]["options"] if option["id"] not in covered]
    for i, ask in enumerate(asks):
        for tone in TONES:
            errors += _check_placeholders(ask["line"][tone], set(), where_of("asks.toml")
                                          .key("asks").index(i).key("line").key(tone))
    for reason in reasons:
        if reason.get("exclusive"):
            continue
        errors += [ContentError(where_of("reasons/%s.toml" % reason["id"]).key(field),
                                "is missing (every worry but the exclusive one needs it)")
                   for field in ("script", "for_both") if field not in reason]
    return errors


def _check_codes(wheres, parts, reasons):
    """Ids and link codes are unique: a link must never be read two ways."""
    errors = unique_field([(w, r) for w, r, _ in reasons], "code", "reason")
    errors += unique_field([(w, r) for w, r, _ in reasons], "order", "reason")
    for file, key, kind in (("asks.toml", "asks", "ask"),
                            ("partner.toml", "reply.options", "reply option"),
                            ("partner.toml", "reply.choices", "reply choice"),
                            ("partner.toml", "reply.conditions", "reply condition"),
                            ("partner.toml", "reply.periods", "reply period")):
        entries = parts[file]
        for name in key.split("."):
            entries = entries[name]
        located = [(wheres[file].key(key).index(i), e) for i, e in enumerate(entries)]
        errors += unique_field(located, "id", kind)
        errors += unique_field(located, "code", kind)
    return errors


def _check_partner(partner, asks, where):
    """One offer for each first step; the sender's name has its one place."""
    errors = []
    offered = [offer["ask"] for offer in partner["offers"]]
    for ask in asks:
        if offered.count(ask["id"]) != 1:
            errors.append(ContentError(where.key("offers"), f"needs exactly one entry for first "
                                       f"step {ask['id']!r}, found {offered.count(ask['id'])}"))
    if partner["from_named"].count("{name}") != 1:
        errors.append(ContentError(where.key("from_named"), "must hold {name} exactly once"))
    for key in ("from_unnamed", "from_named"):
        for name in PLACEHOLDERS.findall(partner[key]):
            if name != "name" or key == "from_unnamed":
                errors.append(ContentError(where.key(key), f"uses unknown placeholder {{{name}}}"))
    return errors


def _check_line(line, areas, where):
    """One helpline: every number can be dialled or texted, and is sourced."""
    errors = []
    if ("phone" in line) != ("tel" in line):
        errors.append(ContentError(where, "needs both phone (as shown) and tel (to dial), "
                                   "or neither"))
    if not any(key in line for key in ("tel", "sms", "url")):
        errors.append(ContentError(where, "needs a way to reach it: tel, sms or url"))
    texting = [key for key in ("keyword", "text") if key in line]
    if texting and "sms" not in line:
        errors.append(ContentError(where.key(texting[0]), "says how to text, so the line needs "
                                   "sms (the number to text, digits only)"))
    if "hours_source" in line and "hours" not in line:
        errors.append(ContentError(where.key("hours_source"),
                                   "cites a source for hours the line lacks"))
    if "area" in line and line["area"] not in areas:
        errors.append(ContentError(where.key("area"), f"refers to unknown area {line['area']!r} "
                                   f"(this country's areas: {', '.join(areas) or 'none'})"))
    return errors


def _same_work(value):
    """A title or address reduced to what identifies the work it names."""
    value = value.lower()
    for prefix in ("https://", "http://", "www.", "doi.org/", "dx.doi.org/"):
        value = value.replace(prefix, "")
    return "".join(c for c in value if c.isalnum())


def _check_duplicate_sources(entries):
    """One id per work: two entries with the same title or address would number
    the same paper twice in one list of sources."""
    errors = []
    for field in ("title", "url"):
        seen = {}
        for where, source in entries:
            if field not in source:
                continue
            key = _same_work(source[field])
            if key in seen:
                errors.append(ContentError(where.key(field), f"is the same {field} as source "
                                           f"{seen[key]!r}: cite that id instead"))
            seen[key] = source["id"]
    return errors


def _check_hotlines(safety, where):
    """Numbers are dialable and sourced, and each country (or each of its areas)
    has exactly one main line for the first screen."""
    errors = []
    for i, country in enumerate(safety["countries"]):
        here = where.key("countries").index(i)
        areas = [a["id"] for a in country["areas"]]
        if len(set(areas)) != len(areas):
            errors.append(ContentError(here.key("areas"), "lists an area id twice"))
        for j, line in enumerate(country["lines"]):
            errors += _check_line(line, areas, here.key("lines").index(j))
        for area in areas or [None]:
            mains = [line["name"] for line in country["lines"]
                     if line["main"] and line.get("area") == area]
            if len(mains) != 1:
                scope = f"area {area!r}" if area else "the country"
                errors.append(ContentError(here.key("lines"), f"needs exactly one main line for "
                                           f"{scope}, found {len(mains)}: {mains}"))
    return errors


def _check_decision(decision, wizard, where):
    """The decision aid's parts fit together (see RULES)."""
    errors = []
    for key, kind in (("options", "option"), ("values.items", "value"),
                      ("values.levels", "level"), ("situations.items", "situation"),
                      ("sure.items", "SURE item")):
        entries = decision
        for name in key.split("."):
            entries = entries[name]
        errors += unique_field([(where.key(key).index(i), e) for i, e in enumerate(entries)],
                               "id", kind)
    values = [v["id"] for v in decision["values"]["items"]]
    options = [o["id"] for o in decision["options"]]
    for i, option in enumerate(decision["options"]):
        if sorted(option["fit"]) != sorted(values):
            errors.append(ContentError(where.key("options").index(i).key("fit"),
                                       f"must rate exactly the values {values}"))
    for i, situation in enumerate(decision["situations"]["items"]):
        for j, option_id in enumerate(situation["raise"]):
            if option_id not in options:
                errors.append(ContentError(
                    where.key("situations.items").index(i).key("raise").index(j),
                    f"refers to unknown option {option_id!r}"))
    if len(decision["sure"]["items"]) != 4:
        errors.append(ContentError(where.key("sure.items"), "must have exactly four items "
                                   "(the SURE test)"))
    plans = decision["weeks"]["plans"]
    for option in wizard["stance"]["options"]:
        count = sum(option["id"] in plan["stances"] for plan in plans)
        if count != 1:
            errors.append(ContentError(where.key("weeks.plans"), f"stance {option['id']!r} "
                                       f"has {count} plans of the weeks ahead, not one"))
    low, high = WEEKS_RANGE
    for i, plan in enumerate(plans):
        if not low <= len(plan["weeks"]) <= high:
            errors.append(ContentError(where.key("weeks.plans").index(i).key("weeks"),
                                       f"must have {low} to {high} weeks"))
    calendar = decision["calendar"]
    for field in ("filename", "product", "summary", "description"):
        said = calendar[field].lower()
        for word in calendar["never"]:
            if word.lower() in said:
                errors.append(ContentError(where.key("calendar").key(field),
                                           f"must stay neutral: it says {word!r}"))
    return errors


def load(content_dir):
    """Read every content file under ``content_dir`` and return the catalogue.

    Checks every file and the references between them, and raises
    :class:`ContentErrors` listing every problem, each by file and field.
    A check between files runs only when the files it reads are free of
    errors, so a broken file never causes misleading errors elsewhere.
    """
    content_dir = Path(content_dir)
    findings = Findings()
    wheres = {}
    parts = {}
    for name, schema in FILES.items():
        wheres[name], parts[name] = _check_file(content_dir / name, schema, content_dir, findings)
    reason_entries, reasons_ok = _check_folder(content_dir / "reasons", REASON, content_dir,
                                               findings)
    source_files, sources_ok = _check_folder(content_dir / "sources", SOURCES, content_dir,
                                             findings)
    source_entries = [(where.key("sources").index(i), source)
                      for where, data, _ in source_files
                      for i, source in enumerate(data.get("sources", []))]
    checker_files, _ = _check_folder(content_dir / "reply_checker", REPLY_CHECKER, content_dir,
                                     findings)

    broken = {str(error.where.file) for error in findings.errors}
    clean = not broken

    def valid(*names):
        return not any(str(wheres[name]) in broken for name in names)

    errors = findings.errors
    errors += [ContentError(where.key("id"), f"must match the file name {path.stem!r}")
               for where, reason, path in reason_entries
               if reason.get("id", path.stem) != path.stem]
    errors += unique_field(source_entries, "id", "source")
    errors += _check_duplicate_sources(source_entries)
    wheres.update(("reasons/" + path.name, where) for where, _, path in reason_entries)
    checkers = []
    for where, rules, path in checker_files:
        if str(where.file) in broken:
            continue  # its own errors are listed; its rules cannot be tried
        if rules["language"] != path.stem:
            errors.append(ContentError(where.key("language"),
                                       f"must match the file name {path.stem!r}"))
            continue
        try:
            _check_reply_checker(rules, where)
        except ContentError as error:
            errors.append(error)
            continue
        checkers.append(rules)
    if valid("asks.toml", "partner.toml"):
        errors += _check_codes(wheres, parts, reason_entries)
        errors += _check_partner(parts["partner.toml"], parts["asks.toml"]["asks"],
                                 wheres["partner.toml"])
    if valid("safety.toml"):
        errors += _check_hotlines(parts["safety.toml"], wheres["safety.toml"])

    reasons = [r for _, r, _ in sorted(reason_entries, key=lambda e: e[1].get("order", 0))]
    exclusive = [r["id"] for r in reasons if r.get("exclusive")]
    if reasons_ok and len(exclusive) != 1:
        errors.append(ContentError(Where(_shown(content_dir / "reasons", content_dir)),
                                   "exactly one reason must be "
                                   f"exclusive (\"I don't know\"), found {exclusive}"))

    known = {}
    if sources_ok:
        known["source"] = {s["id"] for _, s in source_entries}
    # A reason's id is its file name: a mismatch is reported once, above.
    reason_ids = sorted(path.stem for _, _, path in reason_entries)
    if reasons_ok:
        known["reason"] = set(reason_ids)
    if valid("tips.toml"):
        known["tip"] = {t["id"] for t in parts["tips.toml"]["tips"]}
    if valid("asks.toml"):
        known["ask"] = {a["id"] for a in parts["asks.toml"]["asks"]}
    if valid("wizard.toml"):
        known["stance"] = {o["id"] for o in parts["wizard.toml"]["stance"]["options"]}
        known["conflict"] = {c["id"] for c in parts["wizard.toml"]["context"]["conflict"]}
    errors += check_references(findings.references, known)
    if clean:
        cited = {value for kind, value, _ in findings.references if kind == "source"}
        errors += [ContentError(where, f"source {source['id']!r} is never cited: "
                                "cite it or remove it")
                   for where, source in source_entries if source["id"] not in cited]
    if valid("decision.toml", "wizard.toml"):
        errors += _check_decision(parts["decision.toml"], parts["wizard.toml"],
                                  wheres["decision.toml"])
    if valid("script.toml", "wizard.toml", "asks.toml"):
        errors += _check_script(parts["script.toml"], parts["wizard.toml"],
                                parts["asks.toml"]["asks"],
                                reasons if reasons_ok and len(exclusive) == 1 else [],
                                lambda name: wheres[name])
    if valid("practice.toml", "wizard.toml") and reasons_ok:
        errors += practice.check(parts["practice.toml"], reason_ids,
                                 sorted(known["stance"]),
                                 next((c for c in checkers if c["language"] == "en"), None),
                                 wheres["practice.toml"])
    if errors:
        raise ContentErrors(errors)

    catalogue = {
        "site": parts["site.toml"],
        "wizard": parts["wizard.toml"],
        "reasons": reasons,
        "asks": parts["asks.toml"]["asks"],
        "script": parts["script.toml"],
        "guidance": parts["guidance.toml"],
        "tips": parts["tips.toml"]["tips"],
        "safety": parts["safety.toml"],
        "partner": parts["partner.toml"],
        "about": parts["about.toml"],
        "reply_checker": checkers,
        "privacy": parts["privacy.toml"],
        "pages": parts["pages.toml"],
        "practice": parts["practice.toml"],
        "decision": parts["decision.toml"],
        "sources": sorted((s for _, s in source_entries), key=lambda s: s["id"]),
    }
    errors = [ContentError(Where(*where.split(": ", 1)), message)
              for where, message in style.problems(catalogue, parts["style.toml"])]
    if errors:
        raise ContentErrors(errors)
    return catalogue
