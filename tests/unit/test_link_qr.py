"""The longest link of each padding size, drawn as the QR code the share step would show.

tests/logic/test_sharing.py checks the same links against the byte capacity;
here each symbol is really encoded (doorway.guide.qr, CPython only, as it is
slow under MicroPython for large versions) and its version compared with what
segno, the reference encoder, chooses for the same data.
"""

import pytest
import segno
from test_sharing import BASES, longest_sealed_url

from doorway.guide import link, qr, sharing


@pytest.mark.parametrize("size", link.PAD_SIZES)
@pytest.mark.parametrize("base", BASES)
def test_the_longest_link_of_each_size_is_a_level_l_code_of_version_32_at_most(base, size):
    for kind in (link.INVITE, link.REPLY):
        url = longest_sealed_url(base, kind, size)
        code = qr.encode(url, sharing.QR_LEVEL)
        assert code.level == "L" and code.version <= sharing.QR_MAX_VERSION, code.version
        assert code.version == segno.make(url, error="L", micro=False,
                                          boost_error=False).version
        assert code.size == 17 + 4 * code.version


def test_the_versions_each_size_needs():
    """The figures in the README: sealed links by padding size, short and long base."""
    found = {}
    for base in BASES:
        for size in link.PAD_SIZES:
            found[(base, size)] = qr.encode(longest_sealed_url(base, link.INVITE, size),
                                            "L").version
    short, long = BASES
    assert [found[(short, s)] for s in link.PAD_SIZES] == [10, 18, 32]
    assert [found[(long, s)] for s in link.PAD_SIZES] == [11, 19, 32]
