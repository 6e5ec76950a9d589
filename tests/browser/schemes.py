"""Show one open page in each colour scheme in turn, instead of a page per scheme.

The scheme reaches Doorway's pages through CSS alone (no script reads it), so a
page re-themed in place (``page.emulate_media``) shows what a page opened in
that scheme shows, without starting Python and walking the questions again.
"""

SCHEMES = ("light", "dark")

MATCHES = "(scheme) => matchMedia('(prefers-color-scheme: ' + scheme + ')').matches"


def each_scheme(page):
    """Switch ``page`` to each scheme, light first, and yield it; the page is left light.

    Each switch is checked through ``matchMedia``, so one that silently did not
    happen fails the test instead of checking the same scheme twice."""
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(MATCHES, scheme), "the page did not switch to %s" % scheme
        yield scheme
    page.emulate_media(color_scheme=SCHEMES[0])
