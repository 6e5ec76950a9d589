"""The reply checker (doorway.guide.reply_check) and the pieces it is built from.

These run on the fixture content, whose checker keeps a copy of the real rules
(tests/fixtures/README.md); the labelled tables serve here only as varied input.
Whether the real rules find what the tables say (the tuning table row for row,
the held-out table above a floor) is a content check:
tests/content/test_reply_checker_rules.py.
"""

import replies_heldout
import replies_tuning
from reply_scores import scores
from support import catalogue, raises

from doorway.guide import phrases, reply_check
from doorway.guide.reply_check import ESCALATING, HELPFUL, KINDS
from doorway.guide.words import fold, words


def checker():
    return reply_check.checker(catalogue())


def quotes(text):
    """``[(kind, exact words)]`` for each span found in ``text``."""
    return [(span["kind"], text[span["start"]:span["end"]])
            for span in checker().check(text)["spans"]]


# --- the tables ------------------------------------------------------------------


def test_the_tables_are_big_enough_separate_and_use_only_the_vocabulary():
    assert len(replies_tuning.ROWS) >= 120
    assert len(replies_heldout.ROWS) >= 40
    tuning = set(text for text, _ in replies_tuning.ROWS)
    assert not [text for text, _ in replies_heldout.ROWS if text in tuning]
    for text, expected in replies_tuning.ROWS + replies_heldout.ROWS:
        assert len(set(expected)) == len(expected), text
        for kind in expected:
            assert kind in KINDS, (text, kind)
    for kind in KINDS:
        assert [row for row in replies_tuning.ROWS if kind in row[1]], kind
        assert [row for row in replies_heldout.ROWS if kind in row[1]], kind


def test_scores_count_right_wrong_and_missed_findings():
    rows = [("You always forget.", ["criticism"]),
            ("You always make me laugh.", ["criticism"]),
            ("I miss you.", [])]
    result = scores(checker(), rows)
    kinds = {}
    for entry in result["kinds"]:
        kinds[entry["kind"]] = entry
    assert (kinds["criticism"]["found_right"], kinds["criticism"]["missed"]) == (1, 1)
    assert kinds["criticism"]["recall"] == 0.5 and kinds["criticism"]["precision"] == 1.0
    assert kinds["i_statement"]["found_wrong"] == 1 and kinds["i_statement"]["precision"] == 0.0
    assert kinds["question"]["precision"] is None and kinds["question"]["recall"] is None
    assert result["exact"] == 1 and len(result["wrong"]) == 2


# --- the result's shape ------------------------------------------------------------


def test_result_is_sorted_distinct_findings_and_sorted_spans_inside_the_text():
    for text, _ in replies_tuning.ROWS + replies_heldout.ROWS:
        result = checker().check(text)
        assert sorted(result.keys()) == ["findings", "spans"]
        kinds = [span["kind"] for span in result["spans"]]
        assert result["findings"] == sorted(set(kinds)), text
        positions = [(span["start"], span["end"], span["kind"]) for span in result["spans"]]
        assert positions == sorted(positions), text
        for span in result["spans"]:
            assert sorted(span.keys()) == ["end", "kind", "start"]
            assert 0 <= span["start"] < span["end"] <= len(text), (text, span)
            assert text[span["start"]] not in " \t\n", (text, span)


def test_spans_of_one_kind_never_overlap():
    text = "You always, you always never listen and you always forget."
    spans = checker().check(text)["spans"]
    for i in range(1, len(spans)):
        before, after = spans[i - 1], spans[i]
        if before["kind"] == after["kind"]:
            assert before["end"] <= after["start"], spans


def test_spans_quote_the_exact_words_typed():
    assert quotes("Zoë, you always forget my birthday.") == [("criticism", "you always")]
    assert quotes("You’re so selfish.") == [("criticism", "You’re so selfish")]
    assert quotes("dont blame me") == [("defensiveness", "dont blame me")]
    assert quotes("😀 YOU NEVER call 😀") == [("criticism", "YOU NEVER")]
    assert quotes("I feel hurt, but you never listen anyway.") == [
        ("i_statement", "I feel"), ("criticism", "you never")]
    text = "Un café? " * 100 + "Would you be willing to try?"
    assert quotes(text) == [("invitation", "Would you be willing")]


def test_empty_whitespace_and_unusual_text_find_nothing_and_never_fail():
    for text in ("", " ", "\n\t\r", "\u00a0\u3000", "?!?!", "...", "'", "’’’",
                 "1.5 2.5", "日本語のテキスト", "Привет, как дела?", "\u200d\ufe0f", "a" * 5000):
        assert checker().check(text)["findings"] == [], repr(text)
    assert checker().check("")["spans"] == []


def test_curly_apostrophes_and_quotes_count_as_straight_ones():
    for text, _ in replies_tuning.ROWS:
        if "'" not in text:
            continue
        for mark in ("’", "‘", "ʼ"):
            curly = text.replace("'", mark)
            assert checker().check(curly) == checker().check(text), (text, mark)


def test_capital_letters_do_not_change_the_findings():
    for text, _ in replies_tuning.ROWS:
        shouting = "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in text)
        assert checker().check(shouting)["findings"] == checker().check(text)["findings"], \
            shouting


def test_the_hard_cases_from_the_issue():
    check = checker().check
    assert check("I never want you to feel blamed.")["findings"] == ["i_statement"]
    assert check("you always make me laugh")["findings"] == []
    assert check("why are you always like this?")["findings"] == ["criticism"]
    assert check("You don't have to decide today.")["findings"] == []
    assert check("That’s not fair.")["findings"] == ["defensiveness"]


def test_feedback_quotes_the_words_and_offers_a_kinder_rewording():
    text = "You never listen. I miss you."
    items = checker().feedback(text)
    assert [(item["kind"], item["quote"]) for item in items] == [
        ("criticism", "You never"), ("i_statement", "I miss")]
    harsh, kind = items
    assert harsh["tone"] == "escalating" and harsh["rewording"] and harsh["about"]
    assert harsh["example"]["instead"] and harsh["example"]["try"]
    assert (harsh["start"], harsh["end"]) == (0, 9)
    assert kind["tone"] == "helpful" and "rewording" not in kind and kind["label"]
    assert checker().feedback("") == []


def test_every_kind_has_feedback_and_its_examples_hold_in_this_interpreter():
    # The build checks the examples under CPython; this runs them again under
    # MicroPython too, where the browser will show them.
    cat = catalogue()
    rules = cat.data["reply_checker"][0]
    assert sorted(kind["id"] for kind in rules["kinds"]) == sorted(KINDS)
    for kind in rules["kinds"]:
        assert kind["label"] and kind["about"] and kind["sources"], kind["id"]
        for example in kind.get("examples", []):
            assert kind["id"] in checker().check(example["instead"])["findings"], example
            found = checker().check(example["try"])["findings"]
            assert not [k for k in found if k in ESCALATING], (example, found)


def test_the_vocabulary_is_the_issues_and_languages_without_a_file_have_no_checker():
    assert ESCALATING == ("criticism", "contempt", "defensiveness", "ultimatum",
                          "mind_reading", "pressure")
    assert HELPFUL == ("i_statement", "reflection", "question", "validation", "invitation")
    assert reply_check.checker(catalogue(), "xx") is None
    assert reply_check.checker(catalogue(), "en") is checker()


# --- words ------------------------------------------------------------------------


def test_words_keep_offsets_fold_case_and_expand_short_forms():
    found = words("I’M sure. Don't go?", {"i'm": "i am", "don't": "do not"})
    assert found == [("i", 0, 3, 0), ("am", 0, 3, 0), ("sure", 4, 8, 0),
                     ("do", 10, 15, 1), ("not", 10, 15, 1), ("go", 16, 18, 1),
                     ("?", 18, 19, 1)]


def test_words_split_sentences_but_not_decimals_and_give_emoji_their_own_word():
    found = words("It costs 1.5 times more… Really?!\nYes 🙂ok", {})
    assert [w[0] for w in found] == ["it", "costs", "1", "5", "times", "more", "really", "?",
                                     "yes", "🙂", "ok"]
    assert [w[3] for w in found] == [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2]
    # Only ASCII digits make a decimal point: str.isdigit differs between interpreters.
    assert [(w[0], w[3]) for w in words("٣.٥ ok", {})] == [("٣", 0), ("٥", 1), ("ok", 1)]


def test_words_fold_latin_letters_and_keep_apostrophes_only_inside_words():
    assert [w[0] for w in words("ÉCOUTE Zoë 'quoted' t’aime L'AMOUR", {})] == [
        "écoute", "zoë", "quoted", "t'aime", "l'amour"]
    assert fold("Ä") == "ä" and fold("×") == "×" and fold("’") == "'" and fold("Σ") == "Σ"


# --- phrases ------------------------------------------------------------------------


def _find(phrase, text, groups=None):
    found = phrases.PhraseSet([("x", phrase)], groups or {}).find(words(text, {}))
    return [(first, last) for _, first, last in found]


def test_phrase_language():
    assert _find("you always", "and you always do") == [(1, 2)]
    assert _find("you always", "always you") == []
    assert _find("you always|never", "you never") == [(0, 1)]
    assert _find("you [just] want", "you want it; you just want it") == [(0, 1), (3, 5)]
    assert _find("you @v", "you sulk", {"v": ["sulk", "pout"]}) == [(0, 1)]
    assert _find("ridicul*", "so ridiculous") == [(1, 1)]
    assert _find("^ but i", "but i did. ok but i") == [(0, 1)]
    assert _find("we are done $", "we are done. we are done with it") == [(0, 2)]
    assert _find("if ... then", "if you go then stay") == [(0, 3)]
    assert _find("if ... then", "if you go. then stay") == []
    assert _find("if … then", "if you go then stay") == [(0, 3)]
    assert _find("^ what ... ?", "what is it? what is it") == [(0, 3)]
    assert _find("^ what ... $", "what is it. so") == [(0, 2)]
    assert _find("YOU Always", "you always") == [(0, 1)]
    assert _find("^ what ... ?", "what " + "a " * 30 + "?") == [(0, 31)]
    assert _find("^ what ... ?", "what " + "a " * 31 + "?") == []


def test_malformed_phrases_are_refused_with_a_reason():
    for bad in ("", "^", "^ $", "... you", "you ...", "[you] always", "you [always]",
                "you @nope", "a||b", "you ^ always", "wo*rd", "[]", "you [a]b"):
        error = raises(ValueError, phrases.parse, bad, {})
        assert bad in str(error) or repr(bad) in str(error), (bad, str(error))
