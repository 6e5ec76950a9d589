"""Every rule of the content schema, on the checkers themselves (no content files).

``test_content.py`` shows that the same rules reach an editor by file and field
when the real content breaks; here each rule is pinned at its edges.
"""

import pytest

from doorway.builder import schema
from doorway.builder.content import dial
from doorway.builder.schema import ContentError, Optional, Where


def where():
    return Where("f.toml")


def error_of(checker, value):
    with pytest.raises(ContentError) as caught:
        checker(value, where())
    return str(caught.value)


def findings_of(checker, value):
    """``(cleaned value, [error messages])`` for a container that collects errors."""
    here = where()
    cleaned = checker(value, here)
    return cleaned, [str(error) for error in here.findings.errors]


def test_text_is_trimmed_and_must_be_plain_non_empty_text():
    assert schema.text("  two\n  words ", where()) == "two words"
    assert error_of(schema.text, 3) == "f.toml: must be text, not int"
    assert error_of(schema.text, " \n ") == "f.toml: must not be empty"
    assert error_of(schema.text, "a <b>") == ("f.toml: must be plain text: '<' and '>' "
                                              "are not allowed")
    assert error_of(schema.text, "a > b").endswith("are not allowed")


@pytest.mark.parametrize("good", ["a", "cost", "bad_past", "g_kysely_2022"])
def test_identifiers_that_are_accepted(good):
    assert schema.identifier(good, where()) == good


@pytest.mark.parametrize("bad", ["Cost", "1st", "_x", "a-b", "a b", "é"])
def test_identifiers_that_are_refused(bad):
    assert error_of(schema.identifier, bad) == (
        f"f.toml: {bad!r} is not a valid id (lower case, digits, _)")


def test_whole_numbers_are_checked_for_type_and_range_inclusive():
    check = schema.integer(1, 250)
    assert check(1, where()) == 1 and check(250, where()) == 250
    assert error_of(check, 0) == "f.toml: must be between 1 and 250"
    assert error_of(check, 251) == "f.toml: must be between 1 and 250"
    for wrong in ("3", 3.0, True):
        assert error_of(check, wrong) == "f.toml: must be a whole number"


def test_booleans_are_true_or_false_only():
    assert schema.boolean(False, where()) is False
    for wrong in ("true", 1, 0, None):
        assert error_of(schema.boolean, wrong) == "f.toml: must be true or false"


def test_addresses_must_be_https():
    assert schema.url("https://example.org/", where()) == "https://example.org/"
    for wrong in ("http://example.org/", "example.org", "ftp://x", "javascript:alert(1)"):
        assert error_of(schema.url, wrong) == "f.toml: must be an https:// address"


def test_one_of_names_the_choices():
    check = schema.one_of("gentle", "brief")
    assert check("brief", where()) == "brief"
    assert error_of(check, "loud") == "f.toml: must be one of gentle, brief, not 'loud'"


def test_dial_numbers_are_digits_after_an_optional_plus():
    assert dial("+18007997233", where()) == "+18007997233"
    assert dial("1800737732", where()) == "1800737732"
    for wrong in ("call 911", "+1 800", "1-800", "++1"):
        assert error_of(dial, wrong).endswith("must be digits only, optionally after '+'")


def test_lists_check_type_and_minimum_count():
    check = schema.list_of(schema.text, minimum=2)
    assert check(["a", "b"], where()) == ["a", "b"]
    assert error_of(check, "a") == "f.toml: must be a list"
    assert error_of(check, ["a"]) == "f.toml: needs at least 2 item(s), has 1"
    assert error_of(schema.texts(), []) == "f.toml: needs at least 1 item(s), has 0"


def test_unique_lists_name_the_repeated_item_by_its_index():
    check = schema.list_of(schema.identifier, unique=True)
    assert findings_of(check, ["a", "b", "a", "b"]) == (
        ["a", "b", "a", "b"], ["f.toml: [2]: 'a' is listed twice",
                               "f.toml: [3]: 'b' is listed twice"])
    assert findings_of(schema.list_of(schema.identifier), ["a", "a"])[1] == [], \
        "only lists marked unique"


def test_a_list_reports_every_bad_item_and_keeps_the_good_ones():
    check = schema.list_of(schema.identifier, unique=True)
    cleaned, errors = findings_of(check, ["a", "B", "a", 5])
    assert cleaned == ["a", "a"]
    assert errors == ["f.toml: [1]: 'B' is not a valid id (lower case, digits, _)",
                      "f.toml: [3]: must be text, not int",
                      "f.toml: [2]: 'a' is listed twice"]


def test_tables_report_unknown_missing_and_wrong_fields_all_at_once():
    check = schema.table({"name": schema.text, "year": schema.integer(1900, 2100),
                          "note": Optional(schema.text),
                          "shown": Optional(schema.boolean, default=False)})
    assert check({"name": "x", "year": 2000}, where()) == {"name": "x", "year": 2000,
                                                           "shown": False}
    cleaned, errors = findings_of(check, {"nmae": "x", "year": 1800, "note": ""})
    assert cleaned == {"shown": False}
    assert errors == ["f.toml: nmae: is not a known field (a typo?)",
                      "f.toml: name: is missing",
                      "f.toml: year: must be between 1900 and 2100",
                      "f.toml: note: must not be empty"]
    assert error_of(check, ["x"]) == "f.toml: must be a table of fields"


def test_paths_name_nested_fields_and_items():
    check = schema.table({"replies": schema.list_of(schema.table({"you_say": schema.text}))})
    _, errors = findings_of(check, {"replies": [{"you_say": "a"}, {"you_say": ""}]})
    assert errors == ["f.toml: replies[1].you_say: must not be empty"]


def test_references_are_recorded_then_resolved_by_kind():
    check = schema.list_of(schema.reference("tip"))
    here = where()
    assert check(["a", "b"], here) == ["a", "b"]
    references = here.findings.references
    assert [(kind, value, str(at)) for kind, value, at in references] == [
        ("tip", "a", "f.toml: [0]"), ("tip", "b", "f.toml: [1]")]
    errors = schema.check_references(references, {"tip": {"a"}})
    assert [str(e) for e in errors] == ["f.toml: [1]: refers to unknown tip 'b'"]
    assert schema.check_references(references, {}) == [], "a kind whose file is broken"
    assert error_of(schema.reference("tip"), "Bad").endswith("is not a valid id (lower case, "
                                                               "digits, _)")


def test_unique_fields_name_where_the_value_was_first_used():
    entries = [(Where("a.toml"), {"code": 1}), (Where("b.toml"), {"code": 2}),
               (Where("c.toml"), {"code": 1}), (Where("d.toml"), {})]
    errors = schema.unique_field(entries, "code", "reason")
    assert [str(e) for e in errors] == ["c.toml: code: reason code 1 is already used in a.toml"]


def test_every_checker_has_words_for_the_field_reference():
    for checker in (schema.text, schema.identifier, schema.boolean, schema.url, dial,
                    schema.integer(1, 2), schema.one_of("a"), schema.texts(),
                    schema.table({}), schema.reference("tip")):
        assert checker.describe, checker
    assert schema.integer(1, 250).describe == "a whole number from 1 to 250"
    assert schema.list_of(schema.reference("source"), minimum=3, unique=True).describe == (
        "a list of at least 3 items, each different, each the id of a source")
