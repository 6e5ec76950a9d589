"""The real content is held to plain language, measured the standard way.

Flesch–Kincaid grade (doorway.builder.readability) of the advice at 8 or
below on average, no content file above 9, and no sentence over 30 words.
The formula itself is tested in tests/builder/test_readability.py; idioms and
spellings (style.toml) are schema rules, checked whenever the content loads.
"""

from doorway.builder import prose


def test_average_reading_grade_is_8_or_below(content):
    grades = prose.grades(content)
    advice = [grade for section, grade in grades.items() if section.startswith("reasons/")]
    assert sum(advice) / len(advice) <= 8, grades
    assert sum(grades.values()) / len(grades) <= 8, grades


def test_no_content_file_reads_above_grade_9(content):
    too_hard = {s: round(g, 1) for s, g in prose.grades(content).items() if g > 9}
    assert not too_hard, too_hard


def test_no_sentence_is_longer_than_30_words(content):
    assert prose.long_sentences(content) == []


def test_every_reason_and_guide_file_is_measured(content):
    sections = set(prose.grades(content))
    for reason in content["reasons"]:
        assert "reasons/" + reason["id"] in sections
    for name in ("wizard", "script", "guidance", "safety", "partner", "about", "asks", "tips"):
        assert name in sections
