"""A small declarative schema for content files.

Content is edited by people who may never read this code, so every error has
to say which file and which field is wrong, in words. A schema is a tree of
*checkers*: callables that take ``(value, where)`` and return the cleaned value
or raise :class:`ContentError`. ``where`` is a :class:`Where`, the file plus
the path of keys and indexes leading to the value (``replies[2].you_say``).

References between entries (a reason citing a source id, say) are collected
while checking and resolved afterwards by :func:`check_references`, once every
file has been read.
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


class Where:
    """A location inside one content file, for error messages."""

    def __init__(self, file, path=""):
        self.file = file
        self.path = path
        self.references = []

    def key(self, name):
        child = Where(self.file, f"{self.path}.{name}" if self.path else name)
        child.references = self.references
        return child

    def index(self, i):
        child = Where(self.file, f"{self.path}[{i}]")
        child.references = self.references
        return child

    def __str__(self):
        return f"{self.file}: {self.path}" if self.path else str(self.file)


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


def identifier(value, where):
    value = text(value, where)
    if not ID_PATTERN.match(value):
        raise ContentError(where, f"{value!r} is not a valid id (lower case, digits, _)")
    return value


def integer(low, high):
    def check(value, where):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ContentError(where, "must be a whole number")
        if not low <= value <= high:
            raise ContentError(where, f"must be between {low} and {high}")
        return value
    return check


def boolean(value, where):
    if not isinstance(value, bool):
        raise ContentError(where, "must be true or false")
    return value


def url(value, where):
    value = text(value, where)
    if not value.startswith("https://"):
        raise ContentError(where, "must be an https:// address")
    return value


def one_of(*choices):
    def check(value, where):
        value = text(value, where)
        if value not in choices:
            raise ContentError(where, f"must be one of {', '.join(choices)}, not {value!r}")
        return value
    return check


def list_of(item, minimum=1, unique=False):
    def check(value, where):
        if not isinstance(value, list):
            raise ContentError(where, "must be a list")
        if len(value) < minimum:
            raise ContentError(where, f"needs at least {minimum} item(s), has {len(value)}")
        cleaned = [item(v, where.index(i)) for i, v in enumerate(value)]
        if unique:
            seen = set()
            for i, v in enumerate(cleaned):
                if v in seen:
                    raise ContentError(where.index(i), f"{v!r} is listed twice")
                seen.add(v)
        return cleaned
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

    def check(value, where):
        if not isinstance(value, dict):
            raise ContentError(where, "must be a table of fields")
        unknown = sorted(set(value) - set(fields))
        if unknown:
            raise ContentError(where.key(unknown[0]), "is not a known field (a typo?)")
        cleaned = {}
        for name, checker in fields.items():
            if name not in value:
                if isinstance(checker, Optional):
                    if checker.default is not None:
                        cleaned[name] = checker.default
                    continue
                raise ContentError(where.key(name), "is missing")
            inner = checker.checker if isinstance(checker, Optional) else checker
            cleaned[name] = inner(value[name], where.key(name))
        return cleaned
    return check


def reference(kind):
    """An id that must name an entry of ``kind``; resolved by check_references."""

    def check(value, where):
        value = identifier(value, where)
        where.references.append((kind, value, str(where)))
        return value
    return check


def check_references(references, known):
    """Raise for the first reference to an id that ``known[kind]`` lacks."""
    for kind, value, where in references:
        if value not in known.get(kind, ()):
            file, _, path = where.partition(": ")
            raise ContentError(Where(file, path), f"refers to unknown {kind} {value!r}")


def unique_field(entries, field, kind):
    """Raise if two entries share a value of ``field`` (ids, link codes)."""
    seen = {}
    for where, entry in entries:
        value = entry[field]
        if value in seen:
            raise ContentError(where.key(field),
                               f"{kind} {field} {value!r} is already used in {seen[value]}")
        seen[value] = where.file
