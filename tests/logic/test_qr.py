"""Tests for doorway.guide.qr that run under CPython (pytest) and MicroPython.

Plain ``test_*`` functions without arguments and plain asserts, no pytest
import: the same file runs in the browser. The checks read the symbol back
with their own restatement of the standard (ISO/IEC 18004) rather than the
module's helpers, so a shared mistake cannot hide. Bit-for-bit comparison
with a reference encoder lives in tests/unit/test_qr_reference.py.
"""

from support import raises

from doorway.guide import qr

LEVEL_BITS = {"L": 1, "M": 0, "Q": 3, "H": 2}

# Byte-mode capacity in bytes (ISO/IEC 18004 Table 7) at a few versions,
# including both sides of the 8- to 16-bit count switch at version 10.
CAPACITY = (
    (1, "L", 17), (1, "M", 14), (1, "Q", 11), (1, "H", 7),
    (2, "L", 32), (2, "M", 26), (2, "Q", 20), (2, "H", 14),
    (9, "L", 230), (9, "M", 180), (9, "Q", 130), (9, "H", 98),
    (10, "L", 271), (10, "M", 213), (10, "Q", 151), (10, "H", 119),
    (40, "L", 2953), (40, "M", 2331), (40, "Q", 1663), (40, "H", 1273),
)

# Alignment pattern centres (ISO/IEC 18004 Annex E), for a few versions.
ALIGNMENT = (
    (2, (6, 18)),
    (7, (6, 22, 38)),
    (14, (6, 26, 46, 66)),
    (32, (6, 34, 60, 86, 112, 138)),
    (40, (6, 30, 58, 86, 114, 142, 170)),
)

URL = "https://doorway.example/invite#v1.Zm9vYmFyLWJhei1xdXV4LWNvdXBsZXMtdGhlcmFweQ"


def mask_condition(mask, i, j):
    """ISO/IEC 18004 Table 10, i = row, j = column."""
    if mask == 0:
        return (i + j) % 2 == 0
    if mask == 1:
        return i % 2 == 0
    if mask == 2:
        return j % 3 == 0
    if mask == 3:
        return (i + j) % 3 == 0
    if mask == 4:
        return (i // 2 + j // 3) % 2 == 0
    if mask == 5:
        return (i * j) % 2 + (i * j) % 3 == 0
    if mask == 6:
        return ((i * j) % 2 + (i * j) % 3) % 2 == 0
    return ((i + j) % 2 + (i * j) % 3) % 2 == 0


def poly_mod(value, generator):
    """Remainder of binary polynomial division (bits as coefficients)."""
    glen = 0
    while generator >> glen:
        glen += 1
    while True:
        vlen = 0
        while value >> vlen:
            vlen += 1
        if vlen < glen:
            return value
        value ^= generator << (vlen - glen)


def format_cells(size):
    """(row, col) of format bits 0..14 (LSB first), both copies."""
    first = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8),
             (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
    second = [(8, size - 1 - i) for i in range(8)] + [(size - 7 + i, 8) for i in range(7)]
    return first, second


def read_bits(code, cells):
    value = 0
    for i in range(len(cells)):
        r, c = cells[i]
        if code.modules[r][c]:
            value |= 1 << i
    return value


def version_cells(size):
    """(row, col) of version bits 0..17, bottom-left and top-right blocks."""
    lower = [(size - 11 + i % 3, i // 3) for i in range(18)]
    upper = [(i // 3, size - 11 + i % 3) for i in range(18)]
    return lower, upper


def test_size_and_square_matrix():
    for version in (1, 2, 6, 7, 13, 27, 40):
        code = qr.encode("x", "L", version=version, mask=0)
        assert code.version == version
        assert code.size == 4 * version + 17, "version %d size %d" % (version, code.size)
        assert len(code.modules) == code.size
        for row in code.modules:
            assert len(row) == code.size, "ragged row in version %d" % version


def test_version_selection_at_capacity_boundaries():
    for version, level, capacity in CAPACITY:
        data = "a" * capacity
        code = qr.encode(data, level, mask=0)  # mask forced: only the version matters
        assert code.version == version, "%d bytes at %s: version %d, want %d" % (
            capacity, level, code.version, version)
        assert code.level == level
        if version < 40:
            bigger = qr.encode(data + "a", level, mask=0)
            assert bigger.version == version + 1, "%d bytes at %s: version %d, want %d" % (
                capacity + 1, level, bigger.version, version + 1)
        raises(ValueError, qr.encode, data + "a", level, version, 0)


def test_utf8_counts_bytes_not_characters():
    # 7 characters but 14 bytes: exactly fills 1-M
    text = "\u00e9\u00e8\u00ea\u00eb\u00e0\u00e2\u00e4"
    assert qr.encode(text, "M", mask=0).version == 1
    assert qr.encode(text + "a", "M", mask=0).version == 2
    emoji = "\U0001f600"  # 4 bytes in UTF-8
    code = qr.encode(emoji * 4, "M", mask=0)
    assert code.version == 2, "16 bytes at M need version 2, got %d" % code.version


def test_too_long_raises_value_error():
    for level, maximum in (("L", 2953), ("M", 2331), ("Q", 1663), ("H", 1273)):
        error = raises(ValueError, qr.encode, b"a" * (maximum + 1), level)
        message = str(error)
        assert "too long" in message and str(maximum) in message, "unclear: %s" % message
    message = str(raises(ValueError, qr.encode, "a" * 15, "M", 1))
    assert "15 bytes" in message and "1-M" in message, "unclear: %s" % message


def test_bad_arguments_raise():
    bad = (
        {"level": "X"}, {"level": "LM"}, {"level": 1},
        {"version": 0}, {"version": 41}, {"version": "3"},
        {"mask": -1}, {"mask": 8}, {"mask": "1"},
    )
    for kwargs in bad:
        raises(ValueError, lambda kwargs=kwargs: qr.encode("hello", **kwargs))
    raises(TypeError, qr.encode, 12345)
    assert qr.encode("hello", "q").level == "Q", "levels are case-insensitive"


def test_finder_separator_and_timing_patterns():
    for version in (1, 2, 7, 21, 40):
        code = qr.encode("finder", "M", version=version, mask=version % 8)
        m = code.modules
        size = code.size
        for r0, c0 in ((0, 0), (0, size - 7), (size - 7, 0)):
            for dr in range(-1, 8):
                for dc in range(-1, 8):
                    r, c = r0 + dr, c0 + dc
                    if not (0 <= r < size and 0 <= c < size):
                        continue
                    ring = max(abs(dr - 3), abs(dc - 3))  # 0 centre ... 4 separator
                    want = ring in (0, 1, 3)
                    assert bool(m[r][c]) == want, "version %d finder at (%d, %d): (%d, %d)" % (
                        version, r0, c0, r, c)
        for i in range(8, size - 8):
            assert bool(m[6][i]) == (i % 2 == 0), "version %d timing row at %d" % (version, i)
            assert bool(m[i][6]) == (i % 2 == 0), "version %d timing column at %d" % (version, i)


def test_alignment_patterns_at_annex_e_positions():
    for version, centres in ALIGNMENT:
        code = qr.encode("align", "L", version=version, mask=1)
        last = centres[-1]
        for r0 in centres:
            for c0 in centres:
                if (r0, c0) in ((6, 6), (6, last), (last, 6)):
                    continue  # under a finder
                for dr in range(-2, 3):
                    for dc in range(-2, 3):
                        want = max(abs(dr), abs(dc)) != 1
                        got = bool(code.modules[r0 + dr][c0 + dc])
                        assert got == want, "version %d alignment at (%d, %d)" % (version, r0, c0)


def test_format_information_for_every_level_and_mask():
    for level in "LMQH":
        for mask in range(8):
            code = qr.encode(URL, level, mask=mask)
            assert code.mask == mask
            first, second = format_cells(code.size)
            bits = read_bits(code, first)
            assert read_bits(code, second) == bits, "format copies differ at %s/%d" % (level, mask)
            assert poly_mod(bits ^ 0x5412, 0x537) == 0, "bad BCH at %s/%d" % (level, mask)
            data = (bits ^ 0x5412) >> 10
            assert data >> 3 == LEVEL_BITS[level], "level bits %d at %s" % (data >> 3, level)
            assert data & 7 == mask, "mask bits %d, want %d" % (data & 7, mask)
            assert code.modules[code.size - 8][8], "dark module missing"


def test_format_information_known_values():
    # Mask 0 rows of the published format table, bit 14 first.
    known = {"L": "111011111000100", "M": "101010000010010",
             "Q": "011010101011111", "H": "001011010001001"}
    for level in "LMQH":
        code = qr.encode("x", level, mask=0)
        bits = read_bits(code, format_cells(code.size)[0])
        want = int(known[level], 2)
        assert bits == want, "%s: %s, want %s" % (level, bin(bits), known[level])


def test_version_information():
    known = {7: 0x07C94, 40: 0x28C69}
    for version in (7, 8, 20, 33, 40):
        code = qr.encode("v", "H", version=version, mask=3)
        lower, upper = version_cells(code.size)
        bits = read_bits(code, lower)
        assert read_bits(code, upper) == bits, "version %d copies differ" % version
        assert bits >> 12 == version, "version field %d, want %d" % (bits >> 12, version)
        assert poly_mod(bits, 0x1F25) == 0, "bad BCH for version %d" % version
        if version in known:
            assert bits == known[version], "version %d: %s" % (version, hex(bits))


# Read back whole symbols of versions 1 and 2 (one block each, so no
# interleaving): stream layout and Reed-Solomon syndromes.
TOTAL_CODEWORDS = {1: 26, 2: 44}
ECC_CODEWORDS = {1: {"L": 7, "M": 10, "Q": 13, "H": 17}, 2: {"L": 10, "M": 16, "Q": 22, "H": 28}}


def is_function(version, size, r, c):
    if (r < 9 and c < 9) or (r < 9 and c >= size - 8) or (r >= size - 8 and c < 9):
        return True  # finders, separators, format areas, dark module
    if r == 6 or c == 6:
        return True
    return version == 2 and abs(r - 18) <= 2 and abs(c - 18) <= 2


def read_codewords(code):
    size = code.size
    bits = []
    right = size - 1
    while right > 0:
        if right == 6:
            right -= 1
        upward = ((size - 1 - right) // 2) % 2 == 0
        for k in range(size):
            r = size - 1 - k if upward else k
            for c in (right, right - 1):
                if not is_function(code.version, size, r, c):
                    bits.append(bool(code.modules[r][c]) != mask_condition(code.mask, r, c))
        right -= 2
    words = []
    for i in range(TOTAL_CODEWORDS[code.version]):
        value = 0
        for b in bits[8 * i:8 * i + 8]:
            value = value * 2 + (1 if b else 0)
        words.append(value)
    return words


def gf_tables():
    exp = [0] * 255
    log = [0] * 256
    x = 1
    for i in range(255):
        exp[i] = x
        log[x] = i
        x *= 2
        if x > 255:
            x ^= 0x11D
    return exp, log


def test_data_and_error_correction_read_back():
    exp, log = gf_tables()
    capacity = {}
    for version, level, n in CAPACITY:
        capacity[(version, level)] = n
    for data in (b"Doorway", b"https://example.org/x#abc", "caf\u00e9 \u2615"):
        raw = data.encode("utf-8") if isinstance(data, str) else data
        for level in "LMQH":
            for version in (1, 2):
                if len(raw) > capacity[(version, level)]:
                    continue
                code = qr.encode(data, level, version=version)
                words = read_codewords(code)
                ecc = ECC_CODEWORDS[version][level]
                n_data = len(words) - ecc
                head = (words[0] << 8) | words[1]
                assert head >> 12 == 0b0100, "not byte mode: %s" % hex(words[0])
                assert (head >> 4) & 0xFF == len(raw), "count %d" % ((head >> 4) & 0xFF)
                got = bytearray()
                for i in range(len(raw)):
                    got.append(((words[1 + i] << 4) | (words[2 + i] >> 4)) & 0xFF)
                assert bytes(got) == raw, "data read back as %r" % bytes(got)
                assert words[1 + len(raw)] & 0x0F == 0, "terminator"
                pads = words[2 + len(raw):n_data]
                for i in range(len(pads)):
                    assert pads[i] == (0xEC if i % 2 == 0 else 0x11), "pad %d: %s" % (i, pads)
                # A valid RS codeword is a multiple of the generator, whose roots
                # are a^0 .. a^(ecc-1): the codeword polynomial vanishes there.
                for k in range(ecc):
                    s = 0
                    for w in words:
                        s = (exp[(log[s] + k) % 255] if s else 0) ^ w
                    assert s == 0, "syndrome %d nonzero at %d-%s" % (k, version, level)


def penalty(modules):
    """Table 11 penalty, restated module by module."""
    size = len(modules)
    lines = [[1 if v else 0 for v in row] for row in modules]
    lines += [[lines[r][c] for r in range(size)] for c in range(size)]
    score = 0
    for line in lines:
        run = 1
        for i in range(1, size + 1):
            if i < size and line[i] == line[i - 1]:
                run += 1
            else:
                if run >= 5:
                    score += run - 2
                run = 1
        i = 0
        while i + 7 <= size:
            if line[i:i + 7] == [1, 0, 1, 1, 1, 0, 1]:
                if 1 not in line[max(i - 4, 0):i] or 1 not in line[i + 7:i + 11]:
                    score += 40
                    i += 7  # the scan resumes past a counted pattern
                else:
                    i += 4
            else:
                i += 1
    for r in range(size - 1):
        for c in range(size - 1):
            v = lines[r][c]
            if v == lines[r][c + 1] == lines[r + 1][c] == lines[r + 1][c + 1]:
                score += 3
    dark = 0
    for r in range(size):
        dark += sum(lines[r])
    total = size * size
    return score + abs(dark * 20 - total * 10) // total * 10


def test_automatic_mask_has_lowest_penalty():
    for data, level in ((URL, "L"), ("hello", "H"), ("https://a.example/#x", "Q"),
                        (URL + URL, "M")):
        auto = qr.encode(data, level)
        scores = []
        for mask in range(8):
            code = qr.encode(data, level, version=auto.version, mask=mask)
            # Scored as encoded before format information is drawn.
            blank = [list(row) for row in code.modules]
            for cells in format_cells(code.size):
                for r, c in cells:
                    blank[r][c] = False
            blank[code.size - 8][8] = False
            scores.append(penalty(blank))
            if mask == auto.mask:
                assert code.modules == auto.modules, "auto and forced mask %d differ" % mask
        best = scores.index(min(scores))  # ties: lowest mask number
        assert auto.mask == best, "%s/%s chose mask %d, scores %r" % (
            data[:12], level, auto.mask, scores)


def parse_path(d):
    cells = []
    pieces = d.split("M")
    assert pieces[0] == "", "path must start with M: %r" % d[:20]
    for piece in pieces[1:]:
        x, rest = piece.split(" ", 1)
        y, rest = rest.split("h", 1)
        n, rest = rest.split("v", 1)
        assert rest == "1h-%sz" % n, "unexpected segment M%s" % piece
        cells.append((int(x), int(y), int(n)))
    return cells


def test_svg_path_draws_exactly_the_dark_modules():
    for border in (0, 2, 4):
        code = qr.encode(URL, "Q")
        runs = parse_path(code.svg_path(border=border))
        drawn = {}
        for x, y, n in runs:
            assert n >= 1
            for k in range(n):
                cell = (y - border, x - border + k)
                assert cell not in drawn, "module %r drawn twice" % (cell,)
                drawn[cell] = True
        expected_runs = 0
        for r in range(code.size):
            for c in range(code.size):
                assert bool(code.modules[r][c]) == ((r, c) in drawn), (
                    "module (%d, %d) wrong in path" % (r, c))
                if code.modules[r][c] and (c == 0 or not code.modules[r][c - 1]):
                    expected_runs += 1
        assert len(runs) == expected_runs, "runs not merged: %d vs %d" % (len(runs), expected_runs)
        width = code.size + 2 * border
        assert code.view_box(border=border) == "0 0 %d %d" % (width, width)
    code = qr.encode("x")
    assert code.svg_path().startswith("M4 4h7v1h-7z"), "default border is 4"
    assert code.view_box() == "0 0 29 29"


def test_deterministic_and_str_equals_utf8_bytes():
    text = "Caf\u00e9 \U0001f600 " + URL
    a = qr.encode(text, "M")
    b = qr.encode(text, "M")
    c = qr.encode(text.encode("utf-8"), "M")
    d = qr.encode(bytearray(text.encode("utf-8")), "M")
    for other in (b, c, d):
        assert other.modules == a.modules, "same data, different symbol"
        assert (other.version, other.mask) == (a.version, a.mask)
    assert a.svg_path() == b.svg_path()


def test_share_link_sizes():
    for length, level, version in ((100, "M", 6), (600, "M", 19), (2000, "L", 33)):
        url = ("https://doorway.example/i#" + "Ab3-_" * 500)[:length]
        code = qr.encode(url, level)
        assert code.version == version, "%d chars at %s: version %d" % (
            length, level, code.version)
