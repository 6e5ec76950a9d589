"""QR codes for share links, drawn locally.

A share link carries the whole invitation in its fragment, so handing it to a
QR service would leak it. This module is a small, dependency-free QR Code
Model 2 encoder (ISO/IEC 18004) that runs in the browser under MicroPython as
well as under CPython, and outputs an SVG path the page can draw directly.

Scope is deliberately narrow: byte mode only (a URL is ASCII; anything else is
sent as UTF-8 without an ECI header, which is what phone scanners expect),
all four error-correction levels, versions 1-40, and the standard choice of
the smallest version that fits and the data mask with the lowest penalty.

The code sticks to what MicroPython and CPython share: no imports, plain
lists and loops, tables as tuples, no reliance on dict order or sort
stability.
"""

__all__ = ["QrCode", "capacity", "encode"]

_LEVELS = "LMQH"
# The two format-information bits of each level (ISO/IEC 18004 Table 12):
# note they are not in L, M, Q, H order.
_LEVEL_BITS = (1, 0, 3, 2)

# Block structure (ISO/IEC 18004 Table 9), indexed [level][version - 1].
# Every block of a symbol carries the same number of ECC codewords; the data
# codewords are split over the blocks as evenly as possible, the later blocks
# taking one extra codeword when they do not divide evenly (see _codewords).
_ECC_PER_BLOCK = (
    (7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
    (10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28),
    (13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
    (17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
)
_NUM_BLOCKS = (
    (1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
     8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25),
    (1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49),
    (1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68),
    (1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81),
)

# The eight data masks (ISO/IEC 18004 Table 10): module (r, c) is flipped when
# the condition holds.
_MASKS = (
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
)

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), as
# exponent/logarithm tables; _EXP is doubled so products need no "% 255".
_EXP = [0] * 510
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _EXP[_i + 255] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
del _x, _i

_generators = {}  # ECC length -> generator polynomial, built on first use


class QrCode:
    """An encoded symbol: a square of modules plus what was chosen to draw it.

    ``modules[row][col]`` is True for a dark module. ``version``, ``level``
    and ``mask`` are kept so callers and tests can see what was picked.
    """

    def __init__(self, version, level, mask, modules):
        self.version = version
        self.level = level
        self.mask = mask
        self.modules = modules
        self.size = len(modules)

    def __repr__(self):
        return "<QrCode version=%d level=%s mask=%d>" % (self.version, self.level, self.mask)

    def svg_path(self, border=4):
        """Return the ``d`` of one SVG ``<path>`` drawing every dark module.

        One path (rather than a ``<rect>`` per module) keeps the DOM small,
        and merging each row's horizontal runs into one rectangle keeps the
        string short. ``border`` is the quiet zone in modules, which scanners
        need; use the same value for :meth:`view_box`.
        """
        parts = []
        for y in range(self.size):
            row = self.modules[y]
            x = 0
            while x < self.size:
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < self.size and row[x]:
                    x += 1
                n = x - start
                parts.append("M%d %dh%dv1h-%dz" % (start + border, y + border, n, n))
        return "".join(parts)

    def view_box(self, border=4):
        """Return the SVG ``viewBox`` ("0 0 W W") matching :meth:`svg_path`."""
        width = self.size + 2 * border
        return "0 0 %d %d" % (width, width)


def encode(data, level="M", version=None, mask=None):
    """Encode ``data`` (str as UTF-8, or bytes) as a QR code in byte mode.

    ``level`` is the error-correction level, "L", "M", "Q" or "H"; M is the
    usual trade-off for a screen. The smallest version that holds the data is
    used, and the mask with the lowest penalty. ``version`` (1-40) and
    ``mask`` (0-7) force those choices; they exist for tests and
    comparisons. Raises ValueError when the data does not fit.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray)):
        data = bytes(data)
    else:
        raise TypeError("QR data must be str or bytes, not %s" % type(data).__name__)
    if not isinstance(level, str) or len(level) != 1 or level.upper() not in _LEVELS:
        raise ValueError("error-correction level must be one of L, M, Q, H, not %r" % (level,))
    level = level.upper()
    li = _LEVELS.index(level)
    if mask is not None and (type(mask) is not int or not 0 <= mask <= 7):
        raise ValueError("mask must be an integer 0-7, not %r" % (mask,))
    if version is None:
        version = 1
        while version < 40 and _byte_capacity(version, li) < len(data):
            version += 1
    elif type(version) is not int or not 1 <= version <= 40:
        raise ValueError("version must be an integer 1-40, not %r" % (version,))
    if _byte_capacity(version, li) < len(data):
        raise ValueError("data too long for a QR code: %d bytes, at most %d in version %d-%s"
                         % (len(data), _byte_capacity(version, li), version, level))

    size = version * 4 + 17
    grid, free = _function_patterns(version)
    _place(grid, free, _codewords(data, version, li))
    # From here on every row and column is an int, module i being bit
    # size - 1 - i, so a mask is one XOR per line and the penalty rules can
    # use int and str operations instead of Python loops over modules.
    rows = _to_ints(grid)
    cols = _to_ints(_transpose(grid))
    free_rows = _to_ints(free)
    free_cols = _to_ints(_transpose(free))
    if mask is None:
        # Masks are scored before the format and version information is
        # drawn (those areas still light), as segno and python-qrcode do.
        # Encoders differ here (ZXing draws them first), and any mask decodes
        # the same; this choice matches segno. Ties go to the lowest number.
        best = None
        for m in range(8):
            score = _penalty(_masked(rows, free_rows, m, False),
                             _masked(cols, free_cols, m, True), size)
            if best is None or score < best:
                best, mask = score, m
    lead = 1 << size  # a leading 1 makes bin() keep the line's leading zeros
    modules = [[ch == "1" for ch in bin(x | lead)[3:]]
               for x in _masked(rows, free_rows, mask, False)]
    _draw_format(modules, li, mask)
    _draw_version(modules, version)
    return QrCode(version, level, mask, modules)


def capacity(version, level):
    """Most bytes a symbol of ``version`` (1-40) and ``level`` ("L", "M", "Q", "H") holds."""
    return _byte_capacity(version, _LEVELS.index(level))


def _raw_modules(version):
    """Modules left for data and ECC once function patterns are removed."""
    result = (16 * version + 128) * version + 64  # size^2 - finders, timing, format
    if version >= 2:
        n = version // 7 + 2  # alignment patterns per row/column
        # n*n - 3 patterns of 25 modules, less their overlap with timing rows
        result -= (25 * n - 10) * n - 55
        if version >= 7:
            result -= 36  # two 6x3 version blocks
    return result


def _data_codewords(version, li):
    return (_raw_modules(version) // 8
            - _ECC_PER_BLOCK[li][version - 1] * _NUM_BLOCKS[li][version - 1])


def _count_bytes(version):
    """Width of the byte-mode character count: 8 bits up to version 9, then 16."""
    return 1 if version < 10 else 2


def _byte_capacity(version, li):
    # 4-bit mode indicator, the count, then 8 bits a byte
    return (_data_codewords(version, li) * 8 - 4 - 8 * _count_bytes(version)) // 8


def _alignment_positions(version):
    """Centre coordinates of alignment patterns (ISO/IEC 18004 Annex E).

    The first is always 6 and the last size - 7; the others are spaced evenly
    back from the last with an even step, the gap next to 6 taking the
    slack. The formula reproduces the Annex E table, including version 32.
    """
    if version == 1:
        return []
    n = version // 7 + 2
    step = (version * 8 + n * 3 + 5) // (n * 4 - 4) * 2
    last = version * 4 + 10
    result = [last - i * step for i in range(n - 1)]
    result.append(6)
    result.reverse()
    return result


def _rs_generator(degree):
    """Logs of the generator polynomial prod(x - a^i), i < degree.

    The leading 1 is dropped. Logs suit _rs_remainder's inner loop; no
    generator QR uses has a zero coefficient, so every log exists.
    """
    logs = _generators.get(degree)
    if logs is None:
        # Multiply (x - a^0)(x - a^1)... in turn; coefficients highest first.
        poly = [0] * (degree - 1) + [1]
        for i in range(degree):
            for j in range(degree):
                if poly[j]:
                    poly[j] = _EXP[_LOG[poly[j]] + i]  # times a^i
                if j + 1 < degree:
                    poly[j] ^= poly[j + 1]
        logs = [_LOG[p] for p in poly]
        _generators[degree] = logs
    return logs


def _rs_remainder(data, gen):
    """ECC codewords: the remainder of data * x^n divided by the generator."""
    n = len(gen)
    rem = [0] * n
    for b in data:
        factor = b ^ rem[0]
        if factor:
            lf = _LOG[factor]
            rem = [rem[i + 1] ^ _EXP[lf + gen[i]] for i in range(n - 1)]
            rem.append(_EXP[lf + gen[n - 1]])
        else:
            rem = rem[1:]
            rem.append(0)
    return rem


def _codewords(data, version, li):
    """Bit stream, padding, ECC per block, then interleaving (ISO 7.4-7.6)."""
    capacity = _data_codewords(version, li)
    # Byte mode is the 4-bit indicator 0100, the count, the bytes and a 4-bit
    # terminator 0000. Everything after the indicator is whole bytes, so the
    # stream is the count and data shifted right by a nibble. The total is
    # then a whole number of bytes and, as capacity is a whole number of
    # bytes too, the terminator always fits: no partial terminator and no
    # padding bits are ever needed.
    payload = bytearray()
    if version >= 10:
        payload.append(len(data) >> 8)
    payload.append(len(data) & 0xFF)
    payload.extend(data)
    stream = []
    carry = 0b0100
    for b in payload:
        stream.append(carry << 4 | b >> 4)
        carry = b & 0x0F
    stream.append(carry << 4)  # last nibble, then the terminator
    pad = 0xEC
    while len(stream) < capacity:  # pad codewords 0xEC, 0x11 alternately
        stream.append(pad)
        pad ^= 0xEC ^ 0x11

    # Split into blocks: the first `short` blocks get `short_len` data
    # codewords, the rest one more; all get the same number of ECC codewords.
    num_blocks = _NUM_BLOCKS[li][version - 1]
    ecc_len = _ECC_PER_BLOCK[li][version - 1]
    raw = _raw_modules(version) // 8
    short = num_blocks - raw % num_blocks
    short_len = raw // num_blocks - ecc_len
    gen = _rs_generator(ecc_len)
    blocks = []
    eccs = []
    k = 0
    for i in range(num_blocks):
        n = short_len + (0 if i < short else 1)
        block = stream[k:k + n]
        k += n
        blocks.append(block)
        eccs.append(_rs_remainder(block, gen))

    # Interleave: codeword i of every block in turn, data first, then ECC.
    result = []
    for i in range(short_len + 1):
        for block in blocks:
            if i < len(block):
                result.append(block[i])
    for i in range(ecc_len):
        for ecc in eccs:
            result.append(ecc[i])
    return result


_ONE = 49  # ord("1"): grids hold ASCII digits so a row reads as a binary int
_ZERO = 48


def _function_patterns(version):
    """Draw finders, separators, timing and alignment patterns.

    Returns two grids (lists of bytearray rows of ASCII "0"/"1"): the
    modules, and which modules are free for data. Format and version areas
    (and the always-dark module) are reserved but left light here: they are
    drawn after masking.
    """
    size = version * 4 + 17
    grid = [bytearray(b"0" * size) for _ in range(size)]
    free = [bytearray(b"1" * size) for _ in range(size)]

    def put(r, c, dark):
        grid[r][c] = _ONE if dark else _ZERO
        free[r][c] = _ZERO

    for i in range(size):  # timing patterns, overwritten near the finders
        put(6, i, i % 2 == 0)
        put(i, 6, i % 2 == 0)
    for r0, c0 in ((3, 3), (3, size - 4), (size - 4, 3)):
        # 7x7 finder (rings 0, 1 and 3 dark) plus a light separator (ring 4)
        for dr in range(-4, 5):
            for dc in range(-4, 5):
                r, c = r0 + dr, c0 + dc
                if 0 <= r < size and 0 <= c < size:
                    d = max(abs(dr), abs(dc))
                    put(r, c, d != 2 and d != 4)
    pos = _alignment_positions(version)
    last = len(pos) - 1
    for i in range(len(pos)):
        for j in range(len(pos)):
            # Skip the three corners that would overlap a finder.
            if (i == 0 and j == 0) or (i == 0 and j == last) or (i == last and j == 0):
                continue
            for dr in range(-2, 3):
                for dc in range(-2, 3):
                    put(pos[i] + dr, pos[j] + dc, max(abs(dr), abs(dc)) != 1)
    for i in range(9):  # format areas, dark module included
        free[8][i] = free[i][8] = _ZERO
    for i in range(8):
        free[8][size - 1 - i] = free[size - 1 - i][8] = _ZERO
    if version >= 7:  # version blocks: 6x3 above bottom-left, 3x6 left of top-right
        for i in range(6):
            for j in range(3):
                free[size - 11 + j][i] = free[i][size - 11 + j] = _ZERO
    return grid, free


def _place(grid, free, codewords):
    """Write codeword bits, MSB first, in the order of ISO 7.7.3.

    Two-module-wide columns from the right, zig-zagging up then down, skip
    the vertical timing column; leftover remainder bits stay light.
    """
    size = len(grid)
    total = len(codewords) * 8
    i = 0
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5
        upward = ((right + 1) & 2) == 0
        for v in range(size):
            r = size - 1 - v if upward else v
            row = grid[r]
            free_row = free[r]
            for c in (right, right - 1):
                if free_row[c] == _ONE and i < total:
                    if (codewords[i >> 3] >> (7 - (i & 7))) & 1:
                        row[c] = _ONE
                    i += 1
        right -= 2


def _transpose(grid):
    return [bytearray([row[c] for row in grid]) for c in range(len(grid))]


def _to_ints(grid):
    return [int(str(row, "ascii"), 2) for row in grid]


def _masked(lines, free, mask, by_column):
    """Lines with ``mask`` XORed over their data modules.

    Every mask condition repeats every 12 rows and every 12 columns, so the
    12 distinct line patterns are built once and tiled to the symbol width.
    """
    size = len(lines)
    cond = _MASKS[mask]
    patterns = []
    for k in range(12):
        # k is the row index for row patterns, the column index for columns
        bits = [cond(j, k) if by_column else cond(k, j) for j in range(12)]
        tile = "".join(["1" if b else "0" for b in bits]) * (size // 12 + 1)
        patterns.append(int(tile[:size], 2))
    return [lines[i] ^ (patterns[i % 12] & free[i]) for i in range(size)]


def _penalty(rows, cols, size):
    """Penalty score of a masked symbol (ISO/IEC 18004 7.8.3.1, Table 11).

    N1: each run of 5 + i same-colour modules in a row or column, 3 + i.
    N2: each 2x2 block of one colour, 3 (overlapping blocks all count).
    N3: each 1:1:3:1:1 finder-like pattern with 4 light modules on either
        side (beyond the edge counts as light, it is quiet zone), 40.
    N4: 10 for every full 5% the dark share is away from 50%.
    """
    lead = 1 << size
    full = lead - 1
    pairs = full >> 1  # one bit per pair of adjacent modules
    score = 0
    dark = 0
    for r in range(size):
        line = bin(rows[r] | lead)[3:]
        dark += line.count("1")
        score += _line_penalty(line)
        if r:
            # N2: bit p marks columns p and p + 1 (counted from the right)
            # equal vertically and horizontally, i.e. a one-colour block.
            a = rows[r - 1]
            same = a ^ rows[r] ^ full
            blocks = same & (same >> 1) & (a ^ (a >> 1) ^ full) & pairs
            if blocks:
                score += 3 * bin(blocks).count("1")
    for c in range(size):
        score += _line_penalty(bin(cols[c] | lead)[3:])
    total = size * size
    return score + abs(dark * 20 - total * 10) // total * 10  # N4


def _line_penalty(line):
    """N1 and N3 penalties of one row or column, a str of "0"/"1"."""
    score = 0
    for run, other in (("11111", "0"), ("00000", "1")):
        i = line.find(run)
        while i >= 0:
            end = line.find(other, i + 5)
            if end < 0:
                end = len(line)
            score += end - i - 2
            i = line.find(run, end)
    # Finder-like patterns. After a hit the search resumes past it; after a
    # miss, at i + 4, the first place another pattern could start. (This is
    # segno's scan; it only matters for rare overlapping patterns.)
    i = line.find("1011101")
    while i >= 0:
        end = i + 7
        if "1" not in line[max(i - 4, 0):i] or "1" not in line[end:end + 4]:
            score += 40
        else:
            end = i + 4
        i = line.find("1011101", end)
    return score


def _draw_format(modules, li, mask):
    """Draw the 15 format bits twice, plus the always-dark module.

    5 data bits (level, mask) get 10 BCH(15, 5) check bits: the remainder
    of data * x^10 divided by x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537).
    The whole is XORed with 0x5412 so it is never all light.
    """
    data = _LEVEL_BITS[li] << 3 | mask
    rem = data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    bits = (data << 10 | rem) ^ 0x5412
    size = len(modules)
    for i in range(15):
        bit = ((bits >> i) & 1) == 1
        # Copy 1, around the top-left finder: bits 0-7 down column 8
        # (skipping timing row 6), bits 8-14 leftwards along row 8 (skipping
        # timing column 6).
        if i < 8:
            modules[i if i < 6 else i + 1][8] = bit
        else:
            modules[8][14 - i if i > 8 else 7] = bit
        # Copy 2, split: bits 0-7 leftwards along row 8 at the top right,
        # bits 8-14 down column 8 at the bottom left, below the dark module.
        if i < 8:
            modules[8][size - 1 - i] = bit
        else:
            modules[size - 15 + i][8] = bit
    modules[size - 8][8] = True


def _draw_version(modules, version):
    """Draw the 18 version bits (versions 7+) in both 6x3 blocks.

    6 data bits get 12 BCH(18, 6) check bits from the generator 0x1F25.
    Bit i goes to row i // 3, column size - 11 + i % 3 and its mirror.
    """
    if version < 7:
        return
    rem = version
    for _ in range(12):
        rem = (rem << 1) ^ ((rem >> 11) * 0x1F25)
    bits = version << 12 | rem
    size = len(modules)
    for i in range(18):
        bit = ((bits >> i) & 1) == 1
        a, b = size - 11 + i % 3, i // 3
        modules[b][a] = bit
        modules[a][b] = bit
