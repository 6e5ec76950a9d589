"""Resume links: a kept plan, carried in a sealed link and nothing else.

"Keep my plan" makes a link whose fragment holds the person's answers, the
tone and the lines of the script they rewrote, and how much each value
matters to them in the decision aid. Nothing is stored anywhere: the link is
the only copy, and it is always sealed (``k1p.``, see :mod:`doorway.guide.link`
for the envelope, the padding to :data:`~doorway.guide.link.RESUME_PAD_SIZES`
and the cap in :data:`~doorway.guide.link.TOKEN_CAPS`). Opening it asks the
safety questions again, then the passphrase, then restores the plan
(:func:`restore`).

Version 1 of the body has exactly one spelling for each plan::

    stance        id
    reasons       n, then n ids          (catalogue order, the wizard's rules)
    conflict      id, or length 0 for none
    hopes         n, then n ids          (catalogue order)
    limits        n, then n ids          (catalogue order)
    topics        n, then n ids          (catalogue order: what arguments are about)
    situations    n, then n ids          (catalogue order)
    tone          id
    name          1-byte length, UTF-8   (0: none; cleaned like the wizard's)
    weights       n, then n pairs: value id, level id   (catalogue order)
    lines         n, then n pairs: line id, 2-byte length, UTF-8 text
    [padding]

An id is a 1-byte length and that many bytes of ``a-z``, ``0-9``, ``_`` or
``-``. Choices are written as their content ids, which (like link codes) must
never be renamed or reused once published. Lines are only the ones the person
changed; the rest are composed again from the answers, so a kept plan takes
up little room and picks up improvements to the wording. The decoder treats
every body as hostile and accepts exactly what :func:`encode` writes:
anything else is ``LinkError("damaged")``.
"""

from . import answers as checks
from . import script as scripts
from .compat import utf8_decode
from .link import RESUME_PAD_SIZES, LinkError, Reader, clean_note

#: This format's version (the ``1`` of ``k1p.``).
VERSION = 1
#: Longest line of the script a kept plan holds, in characters.
LINE_LIMIT = 600
#: Most changed lines a kept plan holds.
MAX_LINES = 64
#: Longest id, in bytes.
MAX_ID = 64

_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-"

#: The answers kept as lists of ids, in body order, with the content each comes from.
LIST_FIELDS = ("reasons", "hopes", "limits", "topics", "situations")


def blank_state():
    """A kept plan with nothing in it: what :func:`encode` takes and :func:`decode` gives."""
    answers = checks.blank_answers()
    answers["situations"] = []  # the decision aid's optional question
    return {"answers": answers, "tone": scripts.TONES[0], "weights": {}, "lines": []}


def _choices(catalogue, field):
    """The content entries a list answer picks from, in catalogue order."""
    if field == "reasons":
        return catalogue.reasons
    if field == "situations":
        return catalogue.decision["situations"]["items"]
    return catalogue.wizard["context"][field]


def _is_id(text):
    return 0 < len(text) <= MAX_ID and all(char in _ID_CHARS for char in text)


class _Writer:
    def __init__(self):
        self.parts = []

    def byte(self, value):
        self.parts.append(bytes([value]))

    def ident(self, text):
        """An id, or "" for none (written as length 0)."""
        if text and not _is_id(text):
            raise ValueError("not an id: %r" % (text,))
        self.byte(len(text))
        self.parts.append(text.encode())

    def text(self, text, size):
        data = text.encode("utf-8")
        if len(data) >= 1 << (8 * size):
            raise ValueError("text too long for its length field")
        self.parts.append(len(data).to_bytes(size, "big") + data)

    def result(self):
        return b"".join(self.parts)


def _ordered(entries, ids, what):
    """``ids`` checked: known, in catalogue order, no repeats."""
    last = -1
    for entry_id in ids:
        rank = -1
        for i in range(len(entries)):
            if entries[i]["id"] == entry_id:
                rank = i
        if rank < 0:
            raise ValueError("unknown %s %r" % (what, entry_id))
        if rank <= last:
            raise ValueError("%ss must be in catalogue order, without repeats" % what)
        last = rank
    return ids


def encode(catalogue, state):
    """The version-1 body (unpadded) of a kept plan.

    ``state`` is ``{"answers", "tone", "weights", "lines"}``: the wizard's
    answers (the safety answers are never kept: they are asked again), a
    tone of :data:`doorway.guide.script.TONES`, ``{value id: level id}`` and
    ``[{"id", "text"}]`` for the lines the person changed, in script order.
    Raises ValueError for anything the format cannot carry, including a plan
    too long for the largest padding size.
    """
    answers = state["answers"]
    out = _Writer()
    if catalogue.stance(answers["stance"]) is None:
        raise ValueError("unknown stance %r" % (answers["stance"],))
    lists = {}
    for field in LIST_FIELDS:
        lists[field] = _ordered(_choices(catalogue, field), list(answers.get(field) or []),
                                field[:-1])
    if checks.check_reasons(catalogue, lists["reasons"])[0] != lists["reasons"]:
        raise ValueError("these reasons are not what the wizard keeps")
    conflict = answers.get("conflict") or ""
    if conflict and catalogue.conflict(conflict) is None:
        raise ValueError("unknown conflict %r" % conflict)
    name = checks.clean_name(answers.get("name") or "")
    if len(name) > checks.NAME_LIMIT:
        raise ValueError("the name is longer than %d characters" % checks.NAME_LIMIT)
    if state["tone"] not in scripts.TONES:
        raise ValueError("unknown tone %r" % (state["tone"],))
    out.ident(answers["stance"])
    _write_ids(out, lists["reasons"])
    out.ident(conflict)
    for field in LIST_FIELDS[1:]:
        _write_ids(out, lists[field])
    out.ident(state["tone"])
    out.text(name, 1)
    values = catalogue.decision["values"]
    weights = state.get("weights") or {}
    kept = [v["id"] for v in values["items"] if v["id"] in weights]
    if len(kept) != len(weights):
        raise ValueError("unknown value in %r" % (sorted(weights),))
    levels = [level["id"] for level in values["levels"]]
    out.byte(len(kept))
    for value_id in kept:
        if weights[value_id] not in levels:
            raise ValueError("unknown level %r" % (weights[value_id],))
        out.ident(value_id)
        out.ident(weights[value_id])
    lines = state.get("lines") or []
    if len(lines) > MAX_LINES:
        raise ValueError("more than %d changed lines" % MAX_LINES)
    seen = []
    out.byte(len(lines))
    for line in lines:
        text = clean_note(line["text"])
        if line["id"] in seen or len(text) > LINE_LIMIT:
            raise ValueError("line %r is repeated or too long" % (line["id"],))
        seen.append(line["id"])
        out.ident(line["id"])
        out.text(text, 2)
    body = out.result()
    if len(body) > RESUME_PAD_SIZES[-1]:
        raise ValueError("a %d-byte plan is longer than a link keeps" % len(body))
    return body


def _write_ids(out, ids):
    out.byte(len(ids))
    for entry_id in ids:
        out.ident(entry_id)


def _read_id(reader, allow_empty=False):
    length = reader.byte()
    if length == 0 and allow_empty:
        return ""
    text = utf8_decode(reader.take(length))
    if text is None or not _is_id(text):
        raise LinkError("damaged")
    return text


def _read_ids(reader, entries):
    """A count, then ids of ``entries`` in catalogue order, without repeats."""
    count = reader.byte()
    if count > len(entries):
        raise LinkError("damaged")
    ids = [_read_id(reader) for _ in range(count)]
    try:
        _ordered(entries, ids, "entry")
    except ValueError:
        raise LinkError("damaged") from None
    return ids


def decode(catalogue, body, padded=True):
    """The kept plan in ``body`` (see :func:`encode`), or ``LinkError("damaged")``.

    ``padded``: the body as unsealed, with its canonical padding (every resume
    link is sealed; tests read unpadded bodies too).
    """
    reader = Reader(body)
    state = blank_state()
    answers = state["answers"]
    stance = _read_id(reader)
    if catalogue.stance(stance) is None:
        raise LinkError("damaged")
    answers["stance"] = stance
    answers["reasons"] = _read_ids(reader, catalogue.reasons)
    if checks.check_reasons(catalogue, answers["reasons"])[0] != answers["reasons"]:
        raise LinkError("damaged")
    conflict = _read_id(reader, allow_empty=True)
    if conflict and catalogue.conflict(conflict) is None:
        raise LinkError("damaged")
    answers["conflict"] = conflict or None
    for field in LIST_FIELDS[1:]:
        answers[field] = _read_ids(reader, _choices(catalogue, field))
    tone = _read_id(reader)
    if tone not in scripts.TONES:
        raise LinkError("damaged")
    state["tone"] = tone
    length = reader.byte()
    if length:
        name = utf8_decode(reader.take(length))
        if name is None or len(name) > checks.NAME_LIMIT or checks.clean_name(name) != name:
            raise LinkError("damaged")
        answers["name"] = name
    values = catalogue.decision["values"]
    levels = [level["id"] for level in values["levels"]]
    value_ids = _read_ids_pairs(reader, [v["id"] for v in values["items"]], levels)
    for value_id, level in value_ids:
        state["weights"][value_id] = level
    count = reader.byte()
    if count > MAX_LINES:
        raise LinkError("damaged")
    seen = []
    for _ in range(count):
        line_id = _read_id(reader)
        text = _read_line(reader)
        if line_id in seen:
            raise LinkError("damaged")
        seen.append(line_id)
        state["lines"].append({"id": line_id, "text": text})
    reader.finish(padded, RESUME_PAD_SIZES)
    return state


def _read_ids_pairs(reader, value_ids, levels):
    """A count, then (value id, level id) pairs, values in catalogue order."""
    count = reader.byte()
    if count > len(value_ids):
        raise LinkError("damaged")
    pairs = []
    last = -1
    for _ in range(count):
        value_id = _read_id(reader)
        level = _read_id(reader)
        rank = value_ids.index(value_id) if value_id in value_ids else -1
        if rank <= last or level not in levels:
            raise LinkError("damaged")
        last = rank
        pairs.append((value_id, level))
    return pairs


def _read_line(reader):
    """A 2-byte length, then a clean line of at most :data:`LINE_LIMIT` characters.

    Unlike a note, a line may be empty: the person may have cleared it.
    """
    length = int.from_bytes(reader.take(2), "big")
    if length > 4 * LINE_LIMIT:
        raise LinkError("damaged")
    text = utf8_decode(reader.take(length))
    if text is None or len(text) > LINE_LIMIT or clean_note(text) != text:
        raise LinkError("damaged")
    return text


def restore(catalogue, state, ask_id):
    """The script of a kept plan: ``(lines, edited ids)``.

    The lines are composed afresh from the answers in the full (gentle) tone,
    the person's own words put back in, then switched to the kept tone the way
    the page does it (:func:`doorway.guide.script.retone`), so a line they
    rewrote survives as it did when they changed tone themselves. A kept line
    whose id the script no longer has (the content changed) is left out.
    """
    answers = state["answers"]
    full = scripts.compose(catalogue, answers, ask_id, scripts.TONES[0])
    own = {}
    for line in state["lines"]:
        own[line["id"]] = line["text"]
    edited = []
    for line in full:
        if line["id"] in own:
            line["text"] = own[line["id"]]
            edited.append(line["id"])
    lines = scripts.retone(full, scripts.compose(catalogue, answers, ask_id, state["tone"]),
                           edited)
    return lines, edited
