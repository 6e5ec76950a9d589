"""Checking each step of the wizard (doorway.guide.answers)."""

from support import catalogue

from doorway.guide import answers, names
from doorway.guide import safety as routes


def _all(value):
    return {item["id"]: value for item in catalogue().safety["screen"]["items"]}


def test_safety_needs_every_item_answered():
    values = _all("no")
    first = catalogue().safety["screen"]["items"][0]["id"]
    values[first] = None
    _, errors = answers.check_safety(catalogue(), values)
    assert len(errors) == 1, errors
    assert errors[0]["field"] == answers.safety_field(first), errors


def test_the_summary_speaks_once_and_links_to_the_first_gap():
    screen = catalogue().safety["screen"]
    items = screen["items"]
    values = _all(None)
    values[items[0]["id"]] = "no"
    _, errors = answers.check_safety(catalogue(), values)
    in_summary = [e for e in errors if e.get("summary", True)]
    assert len(in_summary) == 1, errors
    assert in_summary[0]["field"] == answers.safety_field(items[1]["id"])
    assert in_summary[0]["message"] == screen["error_summary"]
    assert in_summary[0]["field_message"] == screen["error"]
    # every other gap is marked beside its question, briefly
    marked = [e["field"] for e in errors]
    assert marked == [answers.safety_field(item["id"]) for item in items[1:]], marked
    assert all(e["message"] == screen["error"] for e in errors[1:])


def test_no_error_repeats_a_question():
    """Errors use the screen's error words, never a question's (a question can be hard
    to read twice); tests/content checks the real words share no long word either."""
    screen = catalogue().safety["screen"]
    _, errors = answers.check_safety(catalogue(), _all(None))
    assert len(errors) == len(screen["items"])
    for error in errors:
        assert error["message"] in (screen["error"], screen["error_summary"]), error
        for item in screen["items"]:
            for message in (error["message"], error.get("field_message", "")):
                assert item["question"] not in message, (item["id"], message)


def test_safety_rejects_unknown_values():
    values = _all("maybe")
    _, errors = answers.check_safety(catalogue(), values)
    assert len(errors) == len(values)


def test_any_yes_is_a_concern_even_with_unsure():
    for item in catalogue().safety["screen"]["items"]:
        values = _all("unsure")
        values[item["id"]] = "yes"
        safety, errors = answers.check_safety(catalogue(), values)
        assert not errors
        assert routes.overall(safety) == routes.CONCERN, item["id"]


def test_unsure_without_yes_and_all_no_is_clear():
    values = _all("no")
    assert routes.overall(answers.check_safety(catalogue(), values)[0]) == routes.CLEAR
    values[catalogue().safety["screen"]["items"][-1]["id"]] = "unsure"
    assert routes.overall(answers.check_safety(catalogue(), values)[0]) == routes.UNSURE


def test_stance_must_be_known():
    assert answers.check_stance(catalogue(), "said_no") == ("said_no", [])
    for bad in (None, "", "nope"):
        value, errors = answers.check_stance(catalogue(), bad)
        assert value is None and len(errors) == 1
        assert errors[0]["message"] == catalogue().wizard["stance"]["error"]


def test_reasons_need_one_and_keep_catalogue_order():
    value, errors = answers.check_reasons(catalogue(), [])
    assert value == [] and errors[0]["message"] == catalogue().wizard["reasons"]["error"]
    value, errors = answers.check_reasons(catalogue(), ["time", "blame", "unknown-id"])
    assert errors == [] and value == ["blame", "time"], value


def test_dont_know_gives_way_to_real_reasons():
    exclusive = catalogue().exclusive_reason()
    assert exclusive == "dont_know"
    assert answers.check_reasons(catalogue(), [exclusive]) == ([exclusive], [])
    assert answers.check_reasons(catalogue(), [exclusive, "cost"]) == (["cost"], [])


def test_context_is_optional_and_cleaned():
    context, errors = answers.check_context(catalogue(), {})
    assert errors == []
    assert context == {"name": "", "conflict": None, "hopes": [], "limits": [], "topics": []}
    context, errors = answers.check_context(catalogue(), {
        "name": "  Sam \t\n Lee\x00 ", "conflict": "heated", "hopes": ["trust", "x"],
        "limits": ["money", "time", "nope"], "topics": ["trust", "money", "nope"]})
    assert errors == []
    assert context == {"name": "Sam Lee", "conflict": "heated", "hopes": ["trust"],
                       "limits": ["money", "time"], "topics": ["money", "trust"]}, context


def test_context_rejects_a_long_name_and_unknown_conflict():
    context, errors = answers.check_context(catalogue(), {"name": "x" * 41, "conflict": "loud"})
    assert context["conflict"] is None
    assert errors == [{"field": answers.NAME_FIELD,
                       "message": catalogue().wizard["context"]["name_error"]}]
    _, errors = answers.check_context(catalogue(), {"name": "é" * 40})
    assert errors == []


def test_a_name_with_unicode_spaces_is_cleaned_the_same_everywhere():
    assert names.clean_name("Sam\u00a0Lee") == "Sam Lee"
    assert names.clean_name("\u3000Ana\u2003 Lucía\u00a0") == "Ana Lucía"
    assert names.clean_name("Jose\u0301\u200f") == "Jose\u0301\u200f"
