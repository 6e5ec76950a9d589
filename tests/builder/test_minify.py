"""The build ships styles and scripts without comments or indentation (doorway.builder.minify).

Each page fetches doorway.css and boot.js before it is ready, so what only a
reader of the source needs is left out; nothing that changes meaning is. That
the minified files still work is every browser test, which loads them.
"""

import ast
import re

import pytest

from doorway.builder import PACKAGE, STATIC, minify
from doorway.builder.errors import BuildError


def test_css_loses_comments_and_spaces_but_keeps_strings_calc_and_descendants():
    source = ('/* a comment */\n.a  :focus ,\n.b > .c {\n  content: "\\2713  x" ;\n'
              "  width: calc(100% - 2rem);\n  margin: 0 auto; /* why */\n}\n"
              "@media (min-width: 40em) {\n  .d { color: red !important; }\n}\n")
    assert minify.css(source) == ('.a :focus,.b>.c{content:"\\2713  x";width:calc(100% - 2rem);'
                                  "margin:0 auto}@media (min-width:40em){.d{color:red "
                                  "!important}}")


@pytest.mark.parametrize("source", ["/* never ends", '.a { content: "never ends }',
                                    '.a { content: "a\nb" }'])
def test_css_the_minifier_cannot_read_is_refused(source):
    with pytest.raises(BuildError):
        minify.css(source, "x.css")


def test_js_loses_whole_line_comments_and_indentation_only():
    source = ("// a comment\n(function () {\n  /* one line */\n  /**\n   * many lines\n   */\n"
              '  const a = "http://x"; // kept: not a whole line\n\n  return a\n})();\n')
    assert minify.js(source) == ('(function () {\nconst a = "http://x"; // kept: not a whole line\n'
                                 "return a\n})();\n")


@pytest.mark.parametrize("source", ["const a = `x\n  // y`;\n", 'const a = "x\\\n  y";\n',
                                    "/* never ends\n", "/* a */ b();\n"])
def test_js_the_minifier_cannot_read_is_refused(source):
    with pytest.raises(BuildError):
        minify.js(source, "x.js")


def _without_docstrings(tree):
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and len(body) > 1 and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)
                and not isinstance(node, ast.If)):
            del body[0]
    return ast.dump(tree)


def test_python_loses_docstrings_and_comment_lines_but_no_code_or_string():
    source = ('"""A module."""\n\nimport os\n# a comment\n\n\ndef f(x):\n    """Why."""\n'
              '    text = """a\n\n# not a comment\n"""\n    return x  # kept\n\n\n'
              'def g():\n    """Only a docstring: kept, a body needs one."""\n')
    assert minify.python(source) == ('import os\ndef f(x):\n'
                                     '    text = """a\n\n# not a comment\n"""\n'
                                     '    return x  # kept\ndef g():\n'
                                     '    """Only a docstring: kept, a body needs one."""\n')


def test_the_python_entry_ships_the_same_code_without_its_docstrings(site):
    source = (PACKAGE / "ui" / "main.py").read_text()
    built = (site / "py" / "doorway" / "ui" / "main.py").read_text()
    assert built == minify.python(source) and len(built) < 0.8 * len(source)
    assert _without_docstrings(ast.parse(built)) == _without_docstrings(ast.parse(source))


def _comments_out(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def test_the_sites_stylesheet_keeps_every_character_but_spaces_and_comments(site):
    source = (STATIC / "css" / "doorway.css").read_text()
    built = (site / "assets" / "css" / "doorway.css").read_text()
    assert built == minify.css(source) and len(built) < 0.8 * len(source)
    assert "/*" not in built and "\n" not in built

    def squeezed(text):
        return re.sub(r"\s+", "", _comments_out(text)).replace(";}", "}")
    assert squeezed(built) == squeezed(source)


def test_the_sites_boot_script_keeps_every_line_of_code_in_order(site):
    source = (STATIC / "js" / "boot.js").read_text()
    built = (site / "assets" / "js" / "boot.js").read_text()
    assert built == minify.js(source) and len(built) < 0.6 * len(source)
    code = [line.strip() for line in _comments_out(source).splitlines()
            if line.strip() and not line.strip().startswith("//")]
    assert built.splitlines() == code
