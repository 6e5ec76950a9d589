"""Generated passphrases (doorway.guide.passphrase): uniform picks, strict word lists."""

import math

from support import raises, word_list_text

from doorway.guide import passphrase


def _source(numbers):
    """A random source that returns ``numbers`` in turn, and counts what it gave."""
    given = []

    def next_number():
        given.append(numbers[len(given)])
        return given[-1]
    return next_number, given


def test_numbers_at_or_above_the_last_full_round_are_thrown_away():
    span = 2 ** 32
    for count in (2, 3, 7, 10, 7776, 2 ** 20, span - 1):
        limit = passphrase.accept_below(count)
        assert limit % count == 0 and span - count < limit <= span, count
    limit = passphrase.accept_below(7776)
    assert limit == span - span % 7776 == 4294964736
    source, given = _source([limit, span - 1, limit - 1])
    assert passphrase.pick(7776, source) == (limit - 1) % 7776 == 7775
    assert given == [limit, span - 1, limit - 1]
    source, given = _source([0])
    assert passphrase.pick(7776, source) == 0 and len(given) == 1


def test_every_index_is_reached_equally_often_over_a_full_round():
    # Over one full round of accepted numbers (here for 5 words, scaled down:
    # the numbers limit - 5k .. limit - 1 and 0 .. 5k - 1) every index comes
    # up exactly as often: nothing favours the first words.
    count = 5
    limit = passphrase.accept_below(count)
    numbers = list(range(50)) + [limit - 50 + i for i in range(50)]  # no big-int range()
    tally = [0] * count
    source, _ = _source(numbers)
    for _ in numbers:
        tally[passphrase.pick(count, source)] += 1
    assert tally == [20] * count, tally


def test_a_broken_source_is_refused():
    for bad in (-1, 2 ** 32, 2 ** 40):
        source, _ = _source([bad])
        raises(ValueError, passphrase.pick, 7776, source)
    source, given = _source([2 ** 32 - 1] * 100)
    raises(ValueError, passphrase.pick, 7776, source)
    assert len(given) == 64


def test_four_words_from_the_list():
    words = ["w%d" % i for i in range(7776)]
    source, given = _source([5, 7775, 2 ** 32 - 1, 7776, 1234, 99])
    assert passphrase.generate(words, source) == ["w5", "w7775", "w0", "w1234"]
    assert len(given) == 5 and passphrase.WORDS == 4  # one number thrown away
    bits = passphrase.WORDS * math.log(7776) / math.log(2)
    assert 51.6 < bits < 51.8, bits


def test_word_lists_are_checked_before_use():
    assert passphrase.words_from_text("abacus\nyo-yo\nzoom\n") == ["abacus", "yo-yo", "zoom"]
    assert passphrase.words_from_text("a\nb", 2) == ["a", "b"]
    for bad in ("", "a\n", "a\na\n", "a\n\nb\n", "a\nB\n", "a \nb\n", "a\n-b\n", "a\nb-\n",
                "a\r\nb\n", "a\ncafé\n", "a\nb\x00\n"):
        raises(ValueError, passphrase.words_from_text, bad)
    raises(ValueError, passphrase.words_from_text, "a\nb\nc\n", 2)


def test_typed_passphrases_count_their_standard_form():
    assert passphrase.MIN_TYPED == 15
    assert passphrase.long_enough("kitchentable8pm")
    assert not passphrase.long_enough("kitchentable8p")
    assert passphrase.long_enough("café" * 4)


def test_the_shipped_word_list_reads_and_gives_four_of_its_words():
    words = passphrase.words_from_text(word_list_text(), 7776)
    assert words[0] == "abacus" and words[-1] == "zoom" and "yo-yo" in words
    numbers = [2 ** 32 - 1, 0, 3000000000, 7775, 123456789]
    source, given = _source(numbers)
    chosen = passphrase.generate(words, source)
    assert chosen == [words[0], words[3000000000 % 7776], words[7775], words[123456789 % 7776]]
    assert len(given) == 5
