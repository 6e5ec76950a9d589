"""Smaller stylesheets and scripts for the browser, with the same meaning.

Half of ``boot.js`` and a quarter of ``doorway.css`` are comments and
indentation that only a reader of the source needs; every page fetches both
before it is ready (issue 15: bytes to ready), and the Python entry
(``doorway/ui/main.py``, fetched as source) too. The build drops them; the
files in the repository stay as they are written.

Both functions are deliberately small and conservative rather than full
minifiers: they change only what cannot change meaning, and refuse input
they cannot handle safely with a :class:`~.errors.BuildError`, never by
guessing.
"""

import ast

from .errors import BuildError

#: Characters around which CSS needs no space (never ``+ - ~ ( )``, which
#: ``calc()`` and media queries need spaced).
_CSS_TIGHT = "{};,>"


def css(text, path="?"):
    """``text`` without comments, with runs of white space made one space or none.

    Strings (escapes included) are copied as they are. A space is dropped next to ``{ } ; , >``
    and after ``:`` (a space *before* ``:`` is a descendant selector and is
    kept), and ``;}`` becomes ``}``.
    """
    out, i, n = [], 0, len(text)
    while i < n:
        char = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise BuildError("%s: a comment that never ends" % path)
            i = end + 2
            out.append(" ")  # a comment separates like white space
        elif char in "\"'":
            end = i + 1
            while end < n and text[end] != char:
                if text[end] == "\n":
                    raise BuildError("%s: a string with a line break" % path)
                end += 2 if text[end] == "\\" else 1  # an escape is copied whole
            if end >= n:
                raise BuildError("%s: a string that never ends" % path)
            out.append(text[i:end + 1])
            i = end + 1
        elif char.isspace():
            out.append(" ")
            while i < n and text[i].isspace():
                i += 1
        else:
            out.append(char)
            i += 1
    tokens = _join_spaces(out)
    result = []
    for index, token in enumerate(tokens):
        if token == " ":
            before = result[-1][-1:] if result else ""
            after = tokens[index + 1][:1] if index + 1 < len(tokens) else ""
            if not before or not after or before in _CSS_TIGHT + ":" or after in _CSS_TIGHT:
                continue
        elif token == "}" and result and result[-1] == ";":
            result.pop()
        result.append(token)
    return "".join(result)


def _join_spaces(tokens):
    """One ``" "`` token for each run of spaces."""
    joined = []
    for token in tokens:
        if token == " " and joined and joined[-1] == " ":
            continue
        joined.append(token)
    return joined


def js(text, path="?"):
    """``text`` without whole-line comments, indentation or blank lines.

    Only what a line starts with is touched: a line whose code begins with
    ``//``, a ``/* … */`` comment that fills its lines, the white space before
    the code. Line breaks between statements stay, so automatic semicolon
    insertion reads the script exactly as before. Template literals and lines
    continued with ``\\`` could hold text that looks like a comment or
    indentation, so a script with either is refused.
    """
    if "`" in text:
        raise BuildError("%s: a template literal (`…`), which the minifier does not read" % path)
    lines, comment = [], False
    for line in text.splitlines():
        code = line.strip()
        if code.endswith("\\"):
            raise BuildError("%s: a line continued with \\, which the minifier does not read"
                             % path)
        if comment:
            if "*/" in code:
                comment = False
                if not code.endswith("*/"):
                    raise BuildError("%s: code after a comment's end on one line" % path)
            continue
        if code.startswith("/*"):
            if "*/" not in code[2:]:
                comment = True
                continue
            if code.endswith("*/") and code.index("*/", 2) == len(code) - 2:
                continue
            raise BuildError("%s: code after a comment's end on one line" % path)
        if not code or code.startswith("//"):
            continue
        lines.append(code)
    if comment:
        raise BuildError("%s: a comment that never ends" % path)
    return "\n".join(lines) + "\n"


def _docstring(node):
    """The docstring statement of a module, class or function, or None."""
    body = getattr(node, "body", None)
    if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and body and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
        return body[0]
    return None


def python(text, path="?"):
    """``text`` without docstrings, comment lines and blank lines.

    A docstring goes only where it fills its lines and is not the only
    statement of its body; lines inside any other string are kept as they are.
    Nothing else changes, so the code means the same: only ``__doc__`` is gone.
    """
    tree = ast.parse(text, filename=path)
    lines = text.splitlines()
    drop, keep, dropped = set(), set(), set()
    for node in ast.walk(tree):
        found = _docstring(node)
        if found is not None and len(node.body) > 1:
            whole = (lines[found.lineno - 1][:found.col_offset].strip() == ""
                     and lines[found.end_lineno - 1][found.end_col_offset:].strip() == "")
            if whole:
                drop.update(range(found.lineno, found.end_lineno + 1))
                dropped.add(id(found.value))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))
                and id(node) not in dropped):
            keep.update(range(node.lineno + 1, node.end_lineno + 1))
    kept = [line for number, line in enumerate(lines, 1)
            if number in keep or (number not in drop and line.strip()
                                  and not line.strip().startswith("#"))]
    return "\n".join(kept) + "\n"


def static(path, data):
    """The bytes the build ships for the static file ``path``."""
    if path.endswith(".css"):
        return css(data.decode("utf-8"), path).encode("utf-8")
    if path.endswith(".js"):
        return js(data.decode("utf-8"), path).encode("utf-8")
    return data
