"""Every word a person reads lives in site/content/: none in a template or in code.

Content is keyed data, so a second language can be a parallel content tree
with no change to code. These tests fail on visible English text in a
template (text between tags, or a visible attribute such as aria-label), in
the browser Python that draws pages (doorway.ui and doorway.guide.views), or
in boot.js.
"""

import ast
import re
from html.parser import HTMLParser

import jinja2
import pytest

from doorway.builder import PACKAGE, STATIC, TEMPLATES
from fixtures import CONTENT as FIXTURE

#: Attributes a person sees or hears.
VISIBLE_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-roledescription"}
#: A capital, then words: what a sentence or a label has, and a class name, an id
#: or a selector has not.
WORDS = re.compile(r"^\s*[A-Z][a-z’']* [A-Za-z’']+")
#: Blocks whose contents are settings, not text (the page kind, a redirect target).
SETTING_BLOCKS = re.compile(r"\{%-? block (page_kind|noscript_target) -?%\}.*?\{%-? endblock -?%\}",
                            re.S)


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        self.found.extend("%s=%r" % (name, value) for name, value in attrs
                          if name in VISIBLE_ATTRIBUTES and value and re.search("[A-Za-z]", value))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and re.search("[A-Za-z]", data):
            self.found.append(data.strip())


def template_text(source):
    """The literal text of a template: what it writes that no variable gives."""
    source = SETTING_BLOCKS.sub("", source)
    tokens = jinja2.Environment().lex(source)
    return "".join(value for _, kind, value in tokens if kind == "data")


def visible_words(html):
    parser = _Visible()
    parser.feed(html)
    return parser.found


TEMPLATE_FILES = sorted(p for p in TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_templates_hold_markup_not_words(path):
    assert visible_words(template_text(path.read_text())) == []


def test_the_template_check_finds_words_where_they_are():
    source = ('{% block page_kind %}wizard{% endblock %}<p>{{ x }}</p><h1>Hello there</h1>'
              '<nav aria-label="Quick exit">{# a comment #}</nav><span title="{{ t }}"></span>')
    assert visible_words(template_text(source)) == ["Hello there", "aria-label='Quick exit'"]


def _string_constants(tree):
    """Every string literal in a module except docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def words_in_python(source):
    return [text for text in _string_constants(ast.parse(source))
            if WORDS.search(text) and not re.search(r"[\[\]#=]", text)]


PYTHON_FILES = sorted([*(PACKAGE / "ui").glob("*.py"), *(PACKAGE / "guide" / "views").glob("*.py")])


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_code_that_draws_pages_holds_no_words(path):
    assert words_in_python(path.read_text()) == []


def test_the_python_check_finds_words_but_not_selectors_or_docstrings():
    source = ('"""A docstring with words."""\n'
              'def f():\n    """So does this one."""\n'
              '    return ["Copy the link", "[data-step=\\"x\\"] h1", "button secondary",\n'
              '            "tone", "%d of %d questions"]\n')
    assert words_in_python(source) == ["Copy the link"]


def test_boot_js_takes_its_words_from_the_page():
    script = (STATIC / "js" / "boot.js").read_text()
    code = re.sub(r"//[^\n]*", "", script)
    literals = re.findall(r'"([^"\n]*)"', code) + re.findall(r"'([^'\n]*)'", code)
    sentences = [text for text in literals
                 if re.match(r"[A-Z][a-z]+ [a-z]+", text) and not re.search(r"[\[\]#=]", text)]
    assert sentences == []


def test_the_frame_and_static_pages_show_the_words_from_the_content(site):
    import html

    from doorway.builder.content import load
    words = load(FIXTURE)["pages"]  # ``site`` is the fixture's build (conftest.py)
    page = html.unescape((site / "404.html").read_text())
    assert "<h1 tabindex=\"-1\">%s</h1>" % words["not_found"]["heading"] in page
    assert words["not_found"]["link"] in page
    for key, attribute in (("shift_more", "data-more"), ("shift_one_more", "data-one-more"),
                           ("exiting", "data-exiting"), ("shift_expired", "data-expired")):
        assert '%s="%s"' % (attribute, words["frame"][key]) in page
    guide = html.unescape((site / "guide" / "index.html").read_text())
    before, _, after = words["guide"]["safety"].partition("{link}")
    assert before + '<a href="safety.html">' + words["guide"]["safety_link"] + "</a>" + after \
        in guide
