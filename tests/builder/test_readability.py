"""The reading-grade measure (doorway.builder.readability, prose) on known text.

The real content is held to it in tests/content/test_plain_language.py.
"""

import pytest

from doorway.builder import readability


def test_grade_formula_on_a_known_sentence():
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    assert readability.grade("The cat sat on the mat.") == pytest.approx(-1.45)


@pytest.mark.parametrize("word, count", [
    ("cat", 1), ("talking", 2), ("therapy", 3), ("relationship", 4), ("make", 1),
    ("asked", 1), ("wanted", 2), ("people", 2), ("agree", 2), ("conversation", 4),
])
def test_syllable_counts(word, count):
    assert readability.syllables(word) == count


def test_harder_text_scores_higher():
    easy = "We can talk. It is fine. I like you."
    hard = ("Notwithstanding considerable methodological heterogeneity, meta-analytic "
            "investigations consistently demonstrate substantial therapeutic effectiveness.")
    assert readability.grade(hard) > readability.grade(easy) + 10


def test_long_sentences_are_found():
    long = " ".join(["word"] * 31) + "."
    assert readability.long_sentences("Short one. " + long) == [long]
    assert readability.long_sentences(" ".join(["word"] * 30) + ".") == []
