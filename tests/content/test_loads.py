"""The real content passes the schema and its references, and reaches every file."""

from doorway.builder import CONTENT
from doorway.builder.content import load


def test_the_real_content_passes_every_schema_rule_and_reference():
    """Every error at once, by file and field (as `python -m doorway check` says)."""
    catalogue = load(CONTENT)
    assert catalogue["reasons"] and catalogue["sources"]


def test_every_reason_file_is_a_reason_in_catalogue_order(content):
    files = sorted(p.stem for p in (CONTENT / "reasons").glob("*.toml"))
    assert sorted(r["id"] for r in content["reasons"]) == files
    orders = [r["order"] for r in content["reasons"]]
    assert orders == sorted(orders)
    for reason in content["reasons"]:
        assert len(reason["replies"]) >= 3, reason["id"]
        assert all(r["you_say"] for r in reason["replies"])


def test_every_checker_language_file_is_loaded(content):
    files = sorted(p.stem for p in (CONTENT / "reply_checker").glob("*.toml"))
    assert sorted(rules["language"] for rules in content["reply_checker"]) == files


def test_every_source_file_contributes_sources(content):
    import tomllib
    ids = []
    for path in sorted((CONTENT / "sources").glob("*.toml")):
        with path.open("rb") as handle:
            found = [s["id"] for s in tomllib.load(handle)["sources"]]
        assert found, path.name
        ids += found
    assert sorted(ids) == [s["id"] for s in content["sources"]]


def test_every_country_required_by_the_issue_has_help(content):
    ids = [c["id"] for c in content["safety"]["countries"]]
    assert ids[:6] == ["us", "uk", "ca", "au", "ie", "nz"]
    assert content["safety"]["international"]["url"].startswith("https://")


def test_the_tab_title_is_the_site_name_and_no_more(content):
    """The title shows in history and the tab bar: it names the site and nothing else."""
    assert content["site"]["title"] == content["site"]["name"]
    assert len(content["site"]["title"].split()) == 1, content["site"]["title"]


def test_the_about_page_credits_the_word_list(content):
    """The EFF list's licence (CC BY 3.0 US) asks for this credit; the about page shows
    every section (tests/builder checks the page draws the content)."""
    about = " ".join(" ".join(section["body"]) for section in content["about"]["sections"])
    assert "EFF long word list" in about
    assert "Creative Commons Attribution 3.0 US" in about
    assert "eff.org/dice" in about
