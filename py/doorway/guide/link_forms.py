"""The forms around partner links: the share step, the partner's reply, a pasted link.

Pure checks, the same under CPython and MicroPython, so the pages in
``doorway.ui`` only read their fields and show what these return. Errors have
the GOV.UK error-summary shape of :mod:`doorway.guide.answers`: ``{"field":
<html id>, "message": <text>}``, and the field ids come from the helpers
below, which the views use too.
"""

from . import link, passphrase
from .names import NAME_LIMIT, clean_name

#: How the share step protects a link (the values of its ``share-protect`` radios):
#: sealed with four generated words, sealed with a passphrase the person types,
#: or plain. The first one offered is the default.
WORDS = "words"
OWN = "own"
PLAIN = "plain"

#: Words in the passphrase word list the share step loads (the EFF long list,
#: ``doorway.builder.wordlist.SIZE``): a list of any other length is refused.
WORD_LIST_SIZE = 7776

#: Room a pasted link may take for the site's address before its ``#``: a
#: pasted link is a whole address, while TOKEN_CAPS counts only what follows
#: the ``#``. The paste field's ``maxlength`` is :func:`paste_cap`, and the
#: page's JavaScript refuses a longer paste before Python reads any of it.
URL_ROOM = 512


def protections(web_crypto):
    """The ways the share step may protect a link, the default first.

    ``web_crypto``: the page can seal (``window.isSecureContext`` and
    ``crypto.subtle`` both there). Browsers give Web Crypto only to a secure
    page (https, or this device's own address); opened over plain http from
    another device, the page can still make a plain link, and must say why it
    cannot seal one (``partner.share.no_seal`` in the content).
    """
    return [WORDS, OWN, PLAIN] if web_crypto else [PLAIN]


def paste_cap(kind):
    """Longest text the paste field of a ``kind`` page accepts."""
    return link.TOKEN_CAPS[kind] + URL_ROOM


def pasted_token(text, kind):
    """The token in a pasted link or token, for :func:`doorway.guide.link.parse`.

    A whole address gives what follows its first ``#``; a bare token is used
    as it is. Spaces and line breaks are dropped (no token has any, and a
    messaging app may have wrapped a long link). Raises LinkError: ``too_long``
    for more text than the field takes, ``empty`` for nothing at all.
    """
    if len(text) > paste_cap(kind):
        raise link.LinkError("too_long")
    hash_at = text.find("#")
    token = text[hash_at + 1:] if hash_at >= 0 else text
    token = "".join(token.split())
    if not token:
        raise link.LinkError("empty")
    return token


# The share step ---------------------------------------------------------------

SENDER_FIELD = "share-sender"
NOTE_FIELD = "share-note"
PASSPHRASE_FIELD = "share-passphrase"


def protect_field(protection):
    return "share-protect-" + protection


def note_counter(catalogue, note):
    """The live counter under a note (the share step's and the reply's): ``(message, too_long)``.

    "12 characters left", "1 character left", "3 characters too many": the
    wording comes from the content, singular or plural as the count needs.
    """
    share = catalogue.partner["share"]
    left = catalogue.note_limit - len(note)
    if left >= 0:
        template = share["counter_one"] if left == 1 else share["counter"]
        return template.replace("{count}", str(left)), False
    template = share["counter_over_one"] if left == -1 else share["counter_over"]
    return template.replace("{count}", str(-left)), True


def _note_errors(catalogue, field, note):
    counter, too_long = note_counter(catalogue, note)
    return [{"field": field, "message": counter}] if too_long else []


def check_share(catalogue, values):
    """The share form: a name and a note that fit, and a way to seal it.

    ``values``: ``note`` (already :func:`doorway.guide.link.clean_note`-ed),
    ``sender`` (as typed), ``protection`` (:data:`WORDS`, :data:`OWN` or
    :data:`PLAIN`), ``standard`` (the typed passphrase in its standard form,
    see ``doorway.ui.crypto.normalise_passphrase``) and ``words`` (the
    generated words, or an empty list when the word list could not load).
    """
    text = catalogue.partner["share"]
    errors = []
    if len(clean_name(values["sender"])) > NAME_LIMIT:
        errors.append({"field": SENDER_FIELD, "message": text["sender_error"]})
    errors += _note_errors(catalogue, NOTE_FIELD, values["note"])
    protection = values["protection"]
    if protection == OWN and not values["standard"]:
        errors.append({"field": PASSPHRASE_FIELD, "message": text["passphrase_empty"]})
    elif protection == OWN and not passphrase.long_enough(values["standard"]):
        errors.append({"field": PASSPHRASE_FIELD, "message": text["passphrase_error"]})
    elif protection == WORDS and not values["words"]:
        errors.append({"field": protect_field(OWN), "message": text["words_failed"]})
    return errors


# The partner's reply ------------------------------------------------------------

NOTE_REPLY_FIELD = "reply-note"


def choice_field(choice_id):
    return "reply-" + choice_id


def condition_field(condition_id):
    return "reply-if-" + condition_id


def period_field(period_id):
    return "reply-in-" + period_id


def check_reply(catalogue, values):
    """The reply form: ``(reply, errors)``.

    ``values`` holds what the form says: ``choice`` (an id or None),
    ``conditions`` (ids), ``period`` (an id or None) and ``note`` (already
    clean). A radio may stay checked under a choice that no longer takes it,
    so conditions count only with "yes, if" and a period only with "not yet".
    ``reply`` is what the link will say, in the shape
    :func:`doorway.guide.link.decode` gives a version-2 reply; with neither a
    choice nor a note there is nothing to send, and ``errors`` says so.
    """
    choice = catalogue.reply_choice(values.get("choice"))
    takes = choice.get("takes") if choice else None
    chosen = values.get("conditions") or []
    conditions = [c["id"] for c in catalogue.reply_conditions
                  if takes == link.TAKES_CONDITIONS and c["id"] in chosen]
    period = catalogue.reply_period(values.get("period")) if takes == link.TAKES_PERIOD else None
    reply = {"version": link.V2, "choice": choice["id"] if choice else None,
             "conditions": conditions, "period": period["id"] if period else None,
             "note": values.get("note") or ""}
    errors = []
    if not choice and not reply["note"]:
        errors.append({"field": choice_field(catalogue.reply_choices[0]["id"]),
                       "message": catalogue.partner["reply"]["choice_error"]})
    errors += _note_errors(catalogue, NOTE_REPLY_FIELD, reply["note"])
    return reply, errors
