"""The few helpers that hide CPython/MicroPython differences (doorway.guide.compat)."""

from doorway.guide import compat


def test_b64url_round_trips_every_length():
    for size in range(0, 70):
        data = bytes([(i * 37 + size) % 256 for i in range(size)])
        text = compat.b64url_encode(data)
        assert "=" not in text and "+" not in text and "/" not in text
        assert compat.b64url_decode(text) == data, size


def test_b64url_rejects_non_canonical_and_foreign_text():
    good = compat.b64url_encode(b"hello world")
    assert compat.b64url_decode(good) == b"hello world"
    for bad in (good + "=", good[:-1] + "*", "a", "abcde", good.replace("-", "+") + "/",
                "aGVsbG9=", "aGVsbG9x=", " aGVs", "aGVs\n", "aGVsbA", "é"):
        assert compat.b64url_decode(bad) is None or compat.b64url_encode(
            compat.b64url_decode(bad)) == bad, bad
    # "aGVsbB" decodes to the same bytes as "aGVsbA" but is not how they are written.
    assert compat.b64url_decode("aGVsbB") is None


def test_decompress_round_trip_and_limits():
    text = ("a note that repeats, a note that repeats, " * 8).encode()
    packed = compat.compress(text)
    assert len(packed) < len(text)
    assert compat.decompress(packed, len(text)) == text
    assert compat.decompress(packed, len(text) - 1) is None
    assert compat.decompress(packed[:-3], len(text)) is None
    assert compat.decompress(b"\xff\xff\xff", 100) is None


def test_decompress_stops_a_bomb_early():
    bomb = compat.compress(b"\0" * 200000)
    assert len(bomb) < 4000, len(bomb)
    assert compat.decompress(bomb, 1120) is None


def test_utf8_decode_is_strict():
    assert compat.utf8_decode("héllo 😀".encode()) == "héllo 😀"
    assert compat.utf8_decode(b"\xff\xfe") is None
    for bad in (b"\xed\xa0\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80",
                b"\xe2\x82", b"\x80", b"\xf8\x88\x80\x80\x80"):
        assert compat.utf8_decode(bad) is None, bad
    for good in ("\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\uffff", "\U00010000",
                 "\U0010ffff"):
        assert compat.utf8_decode(good.encode("utf-8")) == good, good


#: Text with every kind of white space, combining marks and right-to-left letters.
NBSP = "\u00a0"
IDEOGRAPHIC = "\u3000"


def test_split_words_treats_every_unicode_space_as_a_gap():
    assert compat.split_words("Sam" + NBSP + "Lee") == ["Sam", "Lee"]
    assert compat.split_words(IDEOGRAPHIC + "山田" + IDEOGRAPHIC + "太郎\u2003") == ["山田", "太郎"]
    assert compat.split_words(" \t\n" + NBSP + "\u2028") == []
    assert compat.split_words("") == []
    for space in compat.WHITESPACE:
        assert compat.split_words("a" + space + space + "b") == ["a", "b"], hex(ord(space))


def test_split_words_keeps_marks_and_right_to_left_text_whole():
    combining = "Jose\u0301"  # e + combining acute: one letter on screen, two characters
    hebrew = "\u05e9\u05e8\u05d4"
    zero_width_joiner = "a\u200db"  # not white space: it joins, so it stays
    assert compat.split_words(combining + NBSP + hebrew) == [combining, hebrew]
    assert compat.split_words(zero_width_joiner) == [zero_width_joiner]


def test_split_words_and_strip_spaces_agree_with_cpython_on_every_space():
    # The CPython results, written out, so the same assertion runs under MicroPython.
    sample = NBSP + " Ana\u2009Lucía " + IDEOGRAPHIC + "\u200b"
    assert compat.split_words(sample) == ["Ana", "Lucía", "\u200b"]
    assert compat.strip_spaces(sample) == "Ana\u2009Lucía " + IDEOGRAPHIC + "\u200b"
    assert compat.strip_spaces(NBSP + "x" + IDEOGRAPHIC) == "x"
    assert compat.strip_spaces(NBSP * 3) == ""
    assert compat.strip_spaces("") == ""


def test_the_white_space_list_is_exactly_what_cpython_calls_space():
    import sys
    if sys.implementation.name != "cpython":
        return  # the list is checked once against CPython's own definition
    everything = [chr(code) for code in range(0x110000)]
    assert sorted(c for c in everything if c.isspace()) == sorted(compat.WHITESPACE)
