"""The public pages' descriptions (pages.toml ``descriptions``) fit a search result."""

#: Search engines cut a description after about this many characters.
LONGEST = 160


def test_every_description_is_one_or_two_short_sentences(content):
    for page, words in content["pages"]["descriptions"].items():
        assert 50 <= len(words) <= LONGEST, (page, len(words))
        assert words.endswith("."), page
