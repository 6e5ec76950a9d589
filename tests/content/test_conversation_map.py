"""The conversation map keeps every rule of tests/logic/script_rules.py on the real content.

The logic tests run the same rules on the fixture, without the ones about how
the words read; here every rule runs on every stance × 1-3 reasons × tone ×
conflict style of the real content (the count comes from the catalogue).
"""

from script_rules import CONFLICTS, cases, check, compose
from support import answers

from doorway.guide import script


def _combinations(n):
    """How many ways to choose 1, 2 or 3 of ``n`` reasons."""
    return n + n * (n - 1) // 2 + n * (n - 1) * (n - 2) // 6


def test_every_case_keeps_every_rule(real):
    checked = 0
    for stance, reasons, tone, conflict in cases(real):
        chosen = answers(stance=stance, reasons=reasons, conflict=conflict)
        ask_id, turns = compose(real, chosen, tone)
        check(real, chosen, ask_id, tone, turns)
        checked += 1
    assert checked == (_combinations(len(real.reasons)) * len(real.stances)
                       * len(script.TONES) * len(CONFLICTS))


def test_the_rules_hold_with_every_context_answer(real):
    """Names, topics and hopes change the words, not the rules."""
    topics = [[], [t["id"] for t in real.wizard["context"]["topics"]][:3]]
    hopes = [[], [h["id"] for h in real.wizard["context"]["hopes"]][:2]]
    for i, (stance, reasons, tone, conflict) in enumerate(cases(real)[::97]):
        chosen = answers(stance=stance, reasons=reasons, conflict=conflict,
                         name=["", "Sam", "Jo-Anne Lee"][i % 3], topics=topics[i % 2],
                         hopes=hopes[(i // 2) % 2])
        ask_id, turns = compose(real, chosen, tone)
        check(real, chosen, ask_id, tone, turns)
