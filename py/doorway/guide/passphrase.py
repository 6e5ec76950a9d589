"""Passphrases for sealed links: four generated words, or one the person types.

A generated passphrase is four words from the EFF long word list (7,776
words, vendored in ``site/vendor/wordlist/``, loaded only by the share step),
each chosen independently and uniformly: 4 × log2(7,776) ≈ 51.7 bits. Words
are easy to read aloud, which is how a passphrase should travel (in person,
never beside the link).

The random numbers come from the caller (in the browser,
``crypto.getRandomValues``), so this module stays pure and testable. A word
index is drawn by rejection sampling: a 32-bit number at or above the largest
multiple of the list's length is thrown away, so every word is exactly as
likely as every other (a plain ``% len`` would favour the first words).

For version-2 links the passphrase is put into one standard form before the
key is derived (NFC, lower case, all whitespace removed: done in JavaScript,
see ``doorway.ui.crypto.normalise_passphrase``). :data:`MIN_TYPED` applies to
that form, so spaces do not count.
"""

#: Words in a generated passphrase.
WORDS = 4
#: Shortest passphrase a person may type, in characters of its standard form.
#: A sealed link can be attacked offline, by anyone who sees it, without limit
#: of tries; NIST SP 800-63B-4 (2025, section 3.1.1.2) asks for at least 15
#: characters for a password that stands alone, and a short phrase of three
#: ordinary words reaches it.
MIN_TYPED = 15
#: Random numbers a pick may throw away before the source is taken to be
#: broken (for 7,776 words one number in about 1.7 million is thrown away).
_MAX_DRAWS = 64
_SPAN = 1 << 32

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def words_from_text(text, size=None):
    """The word list in ``text``: one lower-case word a line, no repeats.

    Raises ValueError for anything else (including, given ``size``, a list of
    another length), so a damaged download is never used to make a passphrase.
    """
    words = text.split("\n")
    if words and words[-1] == "":
        words.pop()
    seen = set()
    for word in words:
        if not word or word in seen or word[0] not in _LETTERS or word[-1] not in _LETTERS:
            raise ValueError("not a word list: %r" % word[:40])
        for char in word:
            if char not in _LETTERS and char != "-":
                raise ValueError("not a word list: %r" % word[:40])
        seen.add(word)
    if size is not None and len(words) != size:
        raise ValueError("the word list has %d words, not %d" % (len(words), size))
    if len(words) < 2:
        raise ValueError("a word list needs at least two words")
    return words


def accept_below(count):
    """32-bit numbers below this are used; from it up they are thrown away."""
    return _SPAN - _SPAN % count


def pick(count, random_u32):
    """A uniform index below ``count``, from 32-bit numbers ``random_u32()`` returns."""
    limit = accept_below(count)
    for _ in range(_MAX_DRAWS):
        number = random_u32()
        if not 0 <= number < _SPAN:
            raise ValueError("not a 32-bit number: %r" % (number,))
        if number < limit:
            return number % count
    raise ValueError("the random source keeps giving numbers that must be thrown away")


def generate(words, random_u32, count=WORDS):
    """``count`` words chosen uniformly and independently from ``words``.

    Join them with spaces to show them; the standard form drops the spaces.
    """
    return [words[pick(len(words), random_u32)] for _ in range(count)]


def long_enough(standard):
    """True when a typed passphrase, in its standard form, is long enough."""
    return len(standard) >= MIN_TYPED
