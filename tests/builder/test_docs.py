"""``docs/content.md`` is generated from the schema and kept current."""

from doorway.builder import docs
from doorway.builder.content import FILES


def test_the_committed_field_reference_matches_the_schema():
    assert docs.DOCS.read_text() == docs.reference(), (
        "docs/content.md no longer matches the content schema: run `python -m doorway docs` "
        "and commit docs/content.md")


def test_every_file_and_field_is_in_the_reference():
    text = docs.reference()
    for name in FILES:
        assert "## `site/content/%s`" % name in text
    assert "| `replies[].you_say` | text |" in text
    assert "| `exclusive` | `true` or `false` (optional, default `false`) |" in text
    assert "| `tips` | a list of at least 1 item, each different, each the id of a tip " \
           "(optional) |" in text
