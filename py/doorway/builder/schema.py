"""A small declarative schema for content files.

Content is edited by people who may never read this code, so every error has
to say which file and which field is wrong, in words, and an editor should see
every error at once rather than one per run. A schema is a tree of *checkers*:
callables that take ``(value, where)`` and return the cleaned value or raise
:class:`ContentError`. ``where`` is a :class:`Where`, the file plus the path of
keys and indexes leading to the value (``replies[2].you_say``).

Tables and lists catch the error of each field or item, record it in the
:class:`Findings` shared by every ``Where`` of a load, and go on with the
next, leaving the broken value out of what they return. References between
entries (a reason citing a source id, say) are recorded the same way and
resolved by :func:`check_references` once every file has been read.

Each checker also carries ``describe``, the words ``docs/content.md`` uses for
it (see :mod:`.docs`), so the field reference is generated from these rules
and cannot drift from them.
"""

import re

from .errors import BuildError

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class ContentError(BuildError):
    """A content file is missing something or holds the wrong thing."""

    def __init__(self, where, message):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class ContentErrors(ContentError):
    """Every problem found in the content, in file order; ``errors`` lists them.

    It is a :class:`ContentError` itself (the first one's place and message),
    so code that catches one content error catches all of them.
    """

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: str(error.where.file))
        super().__init__(self.errors[0].where, self.errors[0].message)

    def __str__(self):
        count = len(self.errors)
        return "%d content error%s:\n%s" % (
            count, "" if count == 1 else "s", "\n".join("  %s" % e for e in self.errors))


class Findings:
    """What checking one load of the content found: errors and references."""

    def __init__(self):
        self.errors = []
        #: ``(kind, id, where)`` for every reference, resolved after reading.
        self.references = []


class Where:
    """A location inside one content file, for error messages."""

    def __init__(self, file, path="", findings=None):
        self.file = file
        self.path = path
        self.findings = findings if findings is not None else Findings()

    def key(self, name):
        return Where(self.file, f"{self.path}.{name}" if self.path else name, self.findings)

    def index(self, i):
        return Where(self.file, f"{self.path}[{i}]", self.findings)

    def attempt(self, checker, value):
        """``checker(value)`` here, or :data:`INVALID` after recording its error."""
        try:
            return checker(value, self)
        except ContentError as error:
            self.findings.errors.append(error)
            return INVALID

    def __str__(self):
        return f"{self.file}: {self.path}" if self.path else str(self.file)


#: What a checker's value becomes when it is wrong: left out of the result.
INVALID = object()


def describe(words):
    """Attach the words ``docs/content.md`` uses for a checker."""
    def attach(check):
        check.describe = words
        return check
    return attach


@describe("text")
def text(value, where):
    """A non-empty string, trimmed, with no stray markup."""
    if not isinstance(value, str):
        raise ContentError(where, f"must be text, not {type(value).__name__}")
    value = " ".join(value.split())
    if not value:
        raise ContentError(where, "must not be empty")
    if "<" in value or ">" in value:
        raise ContentError(where, "must be plain text: '<' and '>' are not allowed")
    return value


@describe("an id: lower-case letters, digits and `_`, starting with a letter")
def identifier(value, where):
    value = text(value, where)
    if not ID_PATTERN.match(value):
        raise ContentError(where, f"{value!r} is not a valid id (lower case, digits, _)")
    return value


def integer(low, high):
    @describe(f"a whole number from {low} to {high}")
    def check(value, where):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ContentError(where, "must be a whole number")
        if not low <= value <= high:
            raise ContentError(where, f"must be between {low} and {high}")
        return value
    return check


@describe("`true` or `false`")
def boolean(value, where):
    if not isinstance(value, bool):
        raise ContentError(where, "must be true or false")
    return value


@describe("an `https://` address")
def url(value, where):
    value = text(value, where)
    if not value.startswith("https://"):
        raise ContentError(where, "must be an https:// address")
    return value


def one_of(*choices):
    @describe("one of " + ", ".join(f"`{choice}`" for choice in choices))
    def check(value, where):
        value = text(value, where)
        if value not in choices:
            raise ContentError(where, f"must be one of {', '.join(choices)}, not {value!r}")
        return value
    return check


def list_of(item, minimum=1, unique=False):
    counted = "at least %d item%s" % (minimum, "" if minimum == 1 else "s")
    words = "a list of %s%s" % (counted, ", each different" if unique else "")
    if not hasattr(item, "fields"):
        words += ", each " + item.describe

    @describe(words)
    def check(value, where):
        if not isinstance(value, list):
            raise ContentError(where, "must be a list")
        if len(value) < minimum:
            raise ContentError(where, f"needs at least {minimum} item(s), has {len(value)}")
        checked = [(i, where.index(i).attempt(item, v)) for i, v in enumerate(value)]
        checked = [(i, v) for i, v in checked if v is not INVALID]
        if unique:
            seen = set()
            for i, v in checked:
                if v in seen:
                    where.findings.errors.append(
                        ContentError(where.index(i), f"{v!r} is listed twice"))
                seen.add(v)
        return [v for _, v in checked]
    check.item = item
    return check


def texts(minimum=1):
    return list_of(text, minimum)


class Optional:
    """Marks a table field as optional; ``default`` is used when it is absent."""

    def __init__(self, checker, default=None):
        self.checker = checker
        self.default = default


def table(fields):
    """A TOML table with exactly these keys (unknown keys are typos: rejected)."""

    @describe("a table")
    def check(value, where):
        if not isinstance(value, dict):
            raise ContentError(where, "must be a table of fields")
        for name in sorted(set(value) - set(fields)):
            where.findings.errors.append(
                ContentError(where.key(name), "is not a known field (a typo?)"))
        cleaned = {}
        for name, checker in fields.items():
            if name not in value:
                if isinstance(checker, Optional):
                    if checker.default is not None:
                        cleaned[name] = checker.default
                    continue
                where.findings.errors.append(ContentError(where.key(name), "is missing"))
                continue
            inner = checker.checker if isinstance(checker, Optional) else checker
            result = where.key(name).attempt(inner, value[name])
            if result is not INVALID:
                cleaned[name] = result
        return cleaned
    check.fields = fields
    return check


def reference(kind):
    """An id that must name an entry of ``kind``; resolved by check_references."""

    @describe("the id of %s %s" % ("an" if kind[0] in "aeiou" else "a", kind))
    def check(value, where):
        value = identifier(value, where)
        where.findings.references.append((kind, value, where))
        return value
    check.kind = kind
    return check


def check_references(references, known):
    """An error for each reference to an id that ``known[kind]`` lacks.

    Kinds missing from ``known`` are not checked (their own file is broken,
    and its errors say so already).
    """
    return [ContentError(where, f"refers to unknown {kind} {value!r}")
            for kind, value, where in references
            if kind in known and value not in known[kind]]


def unique_field(entries, field, kind):
    """An error for each entry that repeats an earlier entry's ``field`` (ids, link codes)."""
    errors = []
    seen = {}
    for where, entry in entries:
        if field not in entry:
            continue
        value = entry[field]
        if value in seen:
            errors.append(ContentError(
                where.key(field), f"{kind} {field} {value!r} is already used in {seen[value]}"))
        else:
            seen[value] = where.file
    return errors
