"""Split a written reply into words, remembering where each one came from.

The reply checker matches phrases word by word, and its feedback quotes the
person's exact words, so every word keeps its character offsets into the
original text. Everything here behaves the same under CPython and MicroPython:

- case is folded by hand (MicroPython's ``lower()`` is ASCII-only), for ASCII
  and Latin-1 letters, one character for one so offsets never shift;
- the apostrophes and quotes of phone keyboards (’ ‘ ʼ “ ”) count as the
  straight ones;
- no ``re``: a character is a letter, an apostrophe, the end of a sentence, a
  symbol (an emoji is a word of its own) or a gap, decided by its code point;
- short forms ("don't", "youre") become the long forms the content file lists
  ("do not", "you are"), each long word keeping the short form's offsets.
"""

#: Characters typed for an apostrophe: straight, curly, modifier, grave, acute, prime.
APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4\u2032"
#: Characters that end a sentence. A question mark is also a word ("?"), so a
#: phrase can ask for one.
SENTENCE_ENDS = ".!?;\n\u2026\uff1f\uff01\u3002"
QUESTION_MARKS = "?\uff1f"

_LETTER, _APOSTROPHE, _END, _SYMBOL, _GAP = 0, 1, 2, 3, 4


def _ascii_kinds():
    kinds = bytearray(128)
    for code in range(128):
        char = chr(code)
        if char.isalpha() or char.isdigit():
            kinds[code] = _LETTER
        elif char in APOSTROPHES:
            kinds[code] = _APOSTROPHE
        elif char in SENTENCE_ENDS:
            kinds[code] = _END
        else:
            kinds[code] = _GAP
    return bytes(kinds)


#: The kind of each ASCII character, looked up rather than worked out: the
#: checker runs on every reply, and MicroPython pays for every function call.
_ASCII_KINDS = _ascii_kinds()


def fold(char):
    """One character in lower case: ASCII and Latin-1 letters, the same on every interpreter."""
    code = ord(char)
    if 65 <= code <= 90 or (0xC0 <= code <= 0xDE and code != 0xD7):
        return chr(code + 32)
    if char in APOSTROPHES:
        return "'"
    return char


def fold_word(word):
    """A word in lower case with straight apostrophes (see :func:`fold`)."""
    if len(word.encode()) == len(word):  # ASCII: lower() is the same everywhere
        return word.lower().replace("`", "'")
    return "".join(fold(char) for char in word)


def _kind(char):
    code = ord(char)
    if code < 128:
        return _ASCII_KINDS[code]
    if char in APOSTROPHES:
        return _APOSTROPHE
    if char in SENTENCE_ENDS:
        return _END
    if code in (0xD7, 0xF7) or (code < 0xC0 and code not in (0xAA, 0xBA)):
        return _GAP  # Latin-1 signs, spaces and punctuation; not × ÷
    if 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F or 0xFE00 <= code <= 0xFE0F:
        return _GAP  # general punctuation, spaces, joiners, CJK punctuation, variation selectors
    if 0x2190 <= code <= 0x2BFF or code >= 0x1F000:
        return _SYMBOL  # arrows, signs, dingbats, emoji
    return _LETTER


def _raw_words(text):
    """``[(word, start, end, sentence)]`` before short forms are expanded."""
    found = []
    sentence = 0
    size = len(text)
    kinds = [_kind(char) for char in text]
    i = 0
    while i < size:
        kind = kinds[i]
        if kind == _LETTER:
            start = i
            i += 1
            while i < size:
                kind = kinds[i]
                if kind == _LETTER or (kind == _APOSTROPHE and i + 1 < size
                                       and kinds[i + 1] == _LETTER):
                    i += 1  # letters, and an apostrophe inside a word: don't, t'aime
                else:
                    break
            found.append((fold_word(text[start:i]), start, i, sentence))
            continue
        if kind == _SYMBOL:
            found.append((text[i], i, i + 1, sentence))
        elif kind == _END:
            decimal = (text[i] == "." and 0 < i < size - 1 and "0" <= text[i - 1] <= "9"
                       and "0" <= text[i + 1] <= "9")
            if not decimal:
                if text[i] in QUESTION_MARKS:
                    found.append(("?", i, i + 1, sentence))
                if found and found[-1][3] == sentence:
                    sentence += 1
        i += 1
    return found


def words(text, short_forms):
    """The words of ``text`` as ``[(word, start, end, sentence)]``.

    ``word`` is folded to lower case with straight apostrophes; ``start`` and
    ``end`` are offsets into ``text`` (``text[start:end]`` is what was typed);
    ``sentence`` numbers the sentences from 0. A short form listed in
    ``short_forms`` (``{"don't": "do not"}``) gives one word per long word, all
    with the short form's offsets.
    """
    out = []
    for word, start, end, sentence in _raw_words(text):
        long_form = short_forms.get(word)
        if long_form is None:
            out.append((word, start, end, sentence))
        else:
            for part in long_form.split(" "):
                out.append((part, start, end, sentence))
    return out
