"""The rules every conversation map keeps, as checks the script tests share.

They judge rules, not today's sentences, so an editor's rewording breaks
nothing unless it breaks a rule. The logic tests (tests/logic/test_script.py)
run them on the fixture content, with ``wording=False``: the rules marked
(words) judge how the real sentences read, which fixture words cannot show, and
tests/content/test_conversation_map.py runs every rule on the real content.

- the main path has at most 12 spoken lines, at most 6 with the brief tone or
  a partner who tends to go quiet;
- no spoken line is longer than 30 words;
- no phrase of five words is said twice;
- the wish is stated before their view is asked, in the person's own voice (words);
- every chosen worry but "I don't know" has its branch, and no other worry does;
- no spoken line guesses the partner's reasons: none tells them what they think
  (the reply checker's "mind reading", words), none is a say-back example, and the
  main path names no chosen worry;
- the say-back line has its gap for the partner's own words;
- every spoken line has its own label, so no two boxes share a name.
"""

from support import IS_MICROPYTHON, combinations

from doorway.guide import plan as planner
from doorway.guide import reply_check, script

MAIN_MOST = 12
SHORT_MOST = 6
LINE_WORDS = 30
PHRASE_WORDS = 5
CONFLICTS = (None, "heated", "avoidant", "mixed", "unsure")

_words = {}
_findings = {}


def words(text):
    """Lower-case words, apostrophes kept, punctuation dropped (cached)."""
    if text not in _words:
        kept = []
        for c in text.lower().replace("'", "’"):
            kept.append(c if c.isalpha() or c == "’" or c.isdigit() else " ")
        _words[text] = "".join(kept).split()
    return _words[text]


def phrases(text):
    found = words(text)
    return set(" ".join(found[i:i + PHRASE_WORDS]) for i in range(len(found) - PHRASE_WORDS + 1))


def mind_reading(cat, text):
    if text not in _findings:
        _findings[text] = "mind_reading" in reply_check.checker(cat).check(text)["findings"]
    return _findings[text]


def cases(cat):
    """Every stance × every 1-3 reason combination × tone × conflict style,
    as ``(stance, reasons, tone, conflict)``.

    Under MicroPython (in the browser) the full product takes too long, so a
    fixed sample of it runs there: a stride through the product that is
    coprime with its size, so the sample is spread across every dimension.
    CPython runs every case.
    """
    ids = [r["id"] for r in cat.reasons]
    combos = []
    for size in (1, 2, 3):
        combos.extend(combinations(ids, size))
    stances = [s["id"] for s in cat.stances]
    inner = len(stances) * len(script.TONES) * len(CONFLICTS)
    total = len(combos) * inner
    picks = range(total) if not IS_MICROPYTHON else [(i * 7919) % total for i in range(500)]
    found = []
    for index in picks:
        rest = index % inner
        found.append((stances[rest // (len(script.TONES) * len(CONFLICTS))], combos[index // inner],
                      script.TONES[(rest // len(CONFLICTS)) % len(script.TONES)],
                      CONFLICTS[rest % len(CONFLICTS)]))
    return found


def check(cat, answers, ask_id, tone, turns, wording=True):
    """Assert every rule of the module on one composed map (``wording``: the (words) ones too)."""
    where = (answers["stance"], answers["reasons"], tone, answers.get("conflict"))
    main = script.main_path(turns)
    most = SHORT_MOST if script.is_short(tone, answers) else MAIN_MOST
    assert 0 < len(main) <= most, (where, len(main))
    spoken = [t for t in turns if t["say"]]
    labels = [t["label"] for t in spoken]
    assert len(set(labels)) == len(labels), (where, labels)
    ids = [t["id"] for t in turns]
    assert len(set(ids)) == len(ids), (where, ids)
    order = [script.PARTS.index(t["part"]) for t in turns]
    assert order == sorted(order), (where, [t["part"] for t in turns])
    said = {}
    for turn in spoken:
        text = turn["text"]
        assert text and "{" not in text and "}" not in text, (where, turn)
        assert len(words(text)) <= LINE_WORDS, (where, text)
        assert not (wording and mind_reading(cat, text)), (where, "mind reading", text)
        for phrase in phrases(text):
            assert phrase not in said, (where, "said twice", phrase, said.get(phrase), turn["id"])
            said[phrase] = turn["id"]
    wishes = [t for t in main if t["part"] == "wish"]
    assert wishes and wishes[0]["id"] == "wish", (where, "no wish")
    assert not wording or "i" in words(wishes[0]["text"]) or [
        w for w in words(wishes[0]["text"]) if w.startswith("i’")], (where, wishes)
    parts = [t["part"] for t in main]
    assert parts.index("wish") < parts.index("their_view"), (where, parts)
    assert [t["text"] for t in main if t["part"] == "ask"] == [cat.ask(ask_id)["line"][tone]]
    say_back = [t for t in main if t["part"] == "say_back"]
    assert len(say_back) == 1 and say_back[0]["text"].count(script.GAP) == 1, (where, say_back)
    examples = [t for t in turns if t["part"] == "say_back" and not t["say"]]
    assert [t["if"] for t in examples] == answers["reasons"], (where, examples)
    for reason_id in answers["reasons"]:
        reason = cat.reason(reason_id)
        branch = [t for t in turns if t["branch"] == script.WORRY and t["if"] == reason_id]
        assert bool(branch) == (not reason["exclusive"]), (where, reason_id)
        for turn in spoken:
            assert reason["say_back"] not in turn["text"], (where, "example said", turn)
        for turn in main:
            assert reason["short"].lower() not in turn["text"].lower(), (where, "named", turn)
    for turn in turns:
        if turn["branch"] == script.WORRY:
            assert turn["if"] in answers["reasons"], (where, turn)
    repair = [t for t in turns if t["branch"] == script.REPAIR]
    assert [t for t in repair if t["say"]] and [t for t in repair if not t["say"]], where


def compose(cat, answers, tone):
    ask_id, _ = planner.choose_ask(cat, answers["stance"], answers["reasons"])
    return ask_id, script.compose(cat, answers, ask_id, tone)
