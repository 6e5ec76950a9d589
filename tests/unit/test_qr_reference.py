"""doorway.guide.qr against the reference encoder segno (CPython only).

With version and mask forced on both sides the matrices must agree bit for
bit; left to choose, both must pick the same version and mask.

segno 1.6.6 has one known deviation from ISO/IEC 18004 7.4.10, which these
tests patch out: when the bit stream already ends on a codeword boundary it
still appends 8 zero "padding bits", i.e. one extra 0x00 data codeword
before the 0xEC/0x11 pad codewords (https://github.com/heuer/segno/issues/148).
In byte mode that happens whenever the data does not fill the symbol. The
symbol still decodes to the same data, but its codewords, hence its modules
and sometimes its best mask, differ from a conforming encoder's.
test_segno_padding_bug_is_the_only_difference pins that down.

Mask choice: segno scores each mask before drawing format and version
information and keeps the first lowest score, so ties go to the lowest mask
number; doorway.guide.qr does the same.
"""

import random

import pytest
import segno
from segno import consts
from segno import encoder as segno_encoder

from doorway.guide import qr

LEVELS = "LMQH"
BASE = "https://doorway.example/invite#v1."
URL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def url(length, seed=0):
    rnd = random.Random(seed)
    tail = "".join(rnd.choice(URL_CHARS) for _ in range(length - len(BASE)))
    return BASE + tail


INPUTS = {
    "url-40": url(40),
    "url-100": url(100, 1),
    "url-250": url(250, 2),
    "url-600": url(600, 3),
    "url-1500": url(1500, 4),
    "accents": "Caf\u00e9, cr\u00e8me br\u00fbl\u00e9e, na\u00efve fa\u00e7ade, \u00c5ngstr\u00f6m",
    "emoji": "Let's talk \U0001f49b\U0001f91d\U0001f331 \u2014 soon? \U0001f642",
    "mixed": "\u4f60\u597d \u041f\u0440\u0438\u0432\u0435\u0442 \u0645\u0631\u062d\u0628\u0627 "
    + url(120, 5),
    "bytes": bytes(range(256)),
    "empty": "",
}


def fixed_write_padding_bits(buff, version, length):
    """segno's write_padding_bits with heuer/segno#148 fixed."""
    if version not in (consts.VERSION_M1, consts.VERSION_M3):
        buff.extend([0] * (-length % 8))


@pytest.fixture(autouse=True)
def conforming_segno(monkeypatch):
    monkeypatch.setattr(segno_encoder, "write_padding_bits", fixed_write_padding_bits)


def segno_qr(data, level, version=None, mask=None):
    return segno.make_qr(data, error=level, version=version, mask=mask,
                         mode="byte", encoding="utf-8", boost_error=False)


def matrix(segno_code):
    return [[bool(v) for v in row] for row in segno_code.matrix]


def fits(data, level):
    """Whether data fits a QR code at level, asserting both encoders agree."""
    try:
        segno_qr(data, level, mask=0)
    except segno.DataOverflowError:
        with pytest.raises(ValueError, match="too long"):
            qr.encode(data, level, mask=0)
        return False
    return True


def first_difference(a, b):
    for r in range(len(a)):
        for c in range(len(a)):
            if a[r][c] != b[r][c]:
                return (r, c)
    return None


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_forced_version_and_mask_match_segno(name, level):
    data = INPUTS[name]
    if not fits(data, level):
        return  # 1500 bytes at H: checked that both refuse
    smallest = segno_qr(data, level, mask=0).version
    for version in sorted({smallest, min(smallest + 3, 40)}):
        for mask in range(8):
            ours = qr.encode(data, level, version=version, mask=mask)
            ref = segno_qr(data, level, version=version, mask=mask)
            assert (ours.version, ours.mask) == (ref.version, ref.mask)
            where = first_difference(ours.modules, matrix(ref))
            assert where is None, f"{name} {version}-{level} mask {mask} differs at {where}"


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("version", range(1, 41))
def test_every_version_full_and_half_full(version, level):
    """Every block structure, alignment layout and version block."""
    capacity = qr._byte_capacity(version, LEVELS.index(level))
    for n in (capacity, capacity // 2):
        data = bytes((i * 97 + version) % 256 for i in range(n))
        ours = qr.encode(data, level, version=version, mask=version % 8)
        ref = segno_qr(data, level, version=version, mask=version % 8)
        where = first_difference(ours.modules, matrix(ref))
        assert where is None, f"{version}-{level} with {n} bytes differs at {where}"


@pytest.mark.parametrize("level", LEVELS)
def test_capacity_matches_segno(level):
    li = LEVELS.index(level)
    for version in range(1, 41):
        capacity = qr._byte_capacity(version, li)
        segno_qr(b"a" * capacity, level, version=version, mask=0)
        with pytest.raises(segno.DataOverflowError):
            segno_qr(b"a" * (capacity + 1), level, version=version, mask=0)
        with pytest.raises(ValueError, match="too long"):
            qr.encode(b"a" * (capacity + 1), level, version=version, mask=0)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_automatic_choice_matches_segno(name, level):
    data = INPUTS[name]
    if not fits(data, level):
        return
    ours = qr.encode(data, level)
    ref = segno_qr(data, level)
    assert ours.version == ref.version, f"{name} at {level}"
    assert ours.mask == ref.mask, f"{name} at {level}"
    assert ours.modules == matrix(ref)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", ["url-100", "url-600", "emoji", "bytes"])
def test_automatic_mask_has_lowest_segno_penalty(name, level):
    """Score each forced-mask symbol with segno's own evaluator."""
    data = INPUTS[name]
    auto = qr.encode(data, level)
    size = auto.size
    scores = []
    for mask in range(8):
        m = [bytearray(row) for row in qr.encode(data, level, version=auto.version,
                                                 mask=mask).modules]
        # Blank what is drawn after evaluation: format, dark module, version.
        for i in range(9):
            m[8][i] = m[i][8] = 0
        for i in range(8):
            m[8][size - 1 - i] = m[size - 1 - i][8] = 0
        if auto.version >= 7:
            for i in range(6):
                for j in range(3):
                    m[size - 11 + j][i] = m[i][size - 11 + j] = 0
        scores.append(segno_encoder.evaluate_mask(m, size, size))
    assert auto.mask == scores.index(min(scores)), scores


def test_fuzz_automatic_choice_matches_segno():
    rnd = random.Random(2024)
    alphabet = URL_CHARS + "~.%/?#=&:@ \u00e9\u00fc\u00df\u2603\U0001f600\u6f22"
    for _ in range(150):
        length = rnd.choice([0, 1, 5, 14, 15, 40, 100, 250, 600, 1000, 1800])
        data = "".join(rnd.choice(alphabet) for _ in range(length))
        level = rnd.choice(LEVELS)
        if not fits(data, level):
            continue
        ours = qr.encode(data, level)
        ref = segno_qr(data, level)
        assert (ours.version, ours.mask) == (ref.version, ref.mask), (length, level)
        assert ours.modules == matrix(ref), (length, level)


def test_segno_padding_bug_is_the_only_difference(monkeypatch):
    """Unpatched segno differs exactly when the data leaves room for padding."""
    monkeypatch.undo()  # back to segno as shipped
    full = b"a" * 14  # fills 1-M: the extra zero codeword falls off the end
    short = b"a" * 13
    for data, same in ((full, True), (short, False)):
        ours = qr.encode(data, "M", version=1, mask=0)
        ref = segno.make_qr(data, error="M", version=1, mask=0, mode="byte",
                            boost_error=False)
        assert (ours.modules == matrix(ref)) is same, len(data)
