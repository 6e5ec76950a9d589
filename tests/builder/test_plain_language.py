"""The content is held to plain language, measured the standard way.

Flesch–Kincaid grade (doorway.builder.readability) of the advice at 8 or
below on average, no content file above 9, and no sentence over 30 words.
"""

import pytest

from doorway.builder import CONTENT, prose, readability
from doorway.builder.content import load


@pytest.fixture(scope="module")
def catalogue():
    return load(CONTENT)


def test_average_reading_grade_is_8_or_below(catalogue):
    grades = prose.grades(catalogue)
    advice = [grade for section, grade in grades.items() if section.startswith("reasons/")]
    assert sum(advice) / len(advice) <= 8, grades
    assert sum(grades.values()) / len(grades) <= 8, grades


def test_no_content_file_reads_above_grade_9(catalogue):
    too_hard = {s: round(g, 1) for s, g in prose.grades(catalogue).items() if g > 9}
    assert not too_hard, too_hard


def test_no_sentence_is_longer_than_30_words(catalogue):
    assert prose.long_sentences(catalogue) == []


def test_every_reason_and_guide_file_is_measured(catalogue):
    sections = set(prose.grades(catalogue))
    for reason in catalogue["reasons"]:
        assert "reasons/" + reason["id"] in sections
    for name in ("wizard", "script", "guidance", "safety", "partner", "about", "asks", "tips"):
        assert name in sections


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
