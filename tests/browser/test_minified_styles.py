"""The stylesheet the build ships means what site/static/css/doorway.css says.

doorway.builder.minify drops comments and spaces; Chromium's own CSS parser is
the judge that nothing else changed: both texts give the same rules, rule by
rule, as the browser writes them back (``cssText``).
"""

from doorway.builder import STATIC

RULES = ("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
         " return Array.from(sheet.cssRules, rule => rule.cssText); }")


def test_the_shipped_stylesheet_parses_to_the_same_rules_as_its_source(page, site):
    source = (STATIC / "css" / "doorway.css").read_text()
    built = (site / "assets" / "css" / "doorway.css").read_text()
    assert built != source, "the build ships the minified stylesheet"
    expected = page.evaluate(RULES, source)
    assert len(expected) > 100
    assert page.evaluate(RULES, built) == expected
