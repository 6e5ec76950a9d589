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
