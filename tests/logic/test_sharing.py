"""What the share step may offer (doorway.guide.sharing): sealing, and QR or copy only.

The longest link of each padding size must stay under its kind's cap and fit
a QR code a phone can read (level L, version 32 at most), also for a site
under a longer ``--base`` path. The symbols themselves are drawn in
tests/unit/test_link_qr.py.
"""

from doorway.guide import link, qr, sharing

#: A site at a host's root, and one several folders down (``--base``).
BASES = ("https://doorway.example/", "https://example.org/some/longer/path/doorway/")
PAGES = {link.INVITE: "invite/", link.REPLY: "reply/"}


def longest_sealed_url(base, kind, size):
    """The longest link a padding size can give: the highest iteration count, a full header."""
    token = link.sealed_token(kind, link.MAX_ITERATIONS, b"\xff" * link.SALT_BYTES,
                              b"\xff" * link.IV_BYTES, b"\xff" * (size + link.TAG_BYTES),
                              link.V2)
    return base + PAGES[kind] + "#" + token


def test_every_padding_size_fits_its_cap_and_a_readable_qr_code():
    assert (sharing.QR_LEVEL, sharing.QR_MAX_VERSION) == ("L", 32)
    assert qr.capacity(32, "L") == 1952
    for kind in (link.INVITE, link.REPLY):
        for size in link.PAD_SIZES:
            for base in BASES:
                url = longest_sealed_url(base, kind, size)
                token = url.split("#", 1)[1]
                assert link.parse(token, kind).ciphertext[-1] == 0xFF
                assert len(token) <= link.TOKEN_CAPS[kind], (kind, size, len(token))
                assert sharing.qr_fits(url), (base, size, len(url))
    assert len(longest_sealed_url("", link.INVITE, link.PAD_SIZES[-1])) - len("invite/#") \
        == 1828  # the figure in link.TOKEN_CAPS' comment and the README


def test_links_of_one_padding_size_all_have_the_same_length():
    for size in link.PAD_SIZES:
        lengths = set()
        for iterations in (link.MIN_ITERATIONS, link.KDF_ITERATIONS, link.MAX_ITERATIONS):
            for fill in (b"\x00", b"\x7f", b"\xff"):
                lengths.add(len(link.sealed_token(link.INVITE, iterations, fill * 16, fill * 12,
                                                  fill * (size + link.TAG_BYTES), link.V2)))
        assert len(lengths) == 1, (size, lengths)


def test_a_link_too_long_for_a_readable_qr_code_is_for_copying_only():
    limit = qr.capacity(sharing.QR_MAX_VERSION, sharing.QR_LEVEL)
    assert sharing.qr_fits("h" * limit)
    assert not sharing.qr_fits("h" * (limit + 1))
    assert not sharing.qr_fits("é" * (limit // 2 + 1))  # counted in UTF-8 bytes
    base = "https://example.org/" + "deep/" * 20
    assert not sharing.qr_fits(longest_sealed_url(base, link.INVITE, link.PAD_SIZES[-1]))
    assert sharing.qr_fits(longest_sealed_url(base, link.INVITE, link.PAD_SIZES[1]))
