"""The build: deterministic, atomic, and every page keeps the site's promises.

Built from the fixture content (``site`` is the fixture's build, see
conftest.py), so the golden files and every check here survive any rewording
of site/content.
"""

import difflib
import html
import os
import re
import shutil
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from doorway.builder import BuildError, build
from doorway.builder.csp import META_CSP
from doorway.cli import main
from fixtures import CONTENT as FIXTURE


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pages_of(site):
    return sorted(p for p in site.rglob("*.html"))


class Page(HTMLParser):
    """The facts about one built page that the tests below check."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.head_first = None
        self.in_head = False
        self.titles = []
        self.in_title = False
        self.first_body_link = None
        self.in_body = False
        self.scripts = []
        self.styles = 0
        self.style_attrs = []
        self.handlers = []
        self.urls = []
        self.external = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        charset = tag == "meta" and "charset" in attrs
        if tag == "head":
            self.in_head = True
        elif self.in_head and self.head_first is None and not charset:
            self.head_first = (tag, attrs)
        if tag == "body":
            self.in_body = True
        if tag == "title":
            self.in_title = True
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "style":
            self.styles += 1
        if "style" in attrs:
            self.style_attrs.append(tag)
        self.handlers.extend(name for name in attrs if name.startswith("on"))
        if self.in_body and self.first_body_link is None and tag in ("a", "button", "input"):
            self.first_body_link = attrs
        for name in ("href", "src"):
            if attrs.get(name):
                url = attrs[name]
                if url.startswith(("http://", "https://")):
                    self.external.append((tag, attrs))
                elif not url.startswith(("tel:", "sms:", "#", "mailto:")):
                    self.urls.append(url)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.titles.append(data)


@pytest.fixture(scope="module")
def parsed(site):
    return {page.relative_to(site).as_posix(): Page(page.read_text()) for page in pages_of(site)}


def test_building_twice_gives_identical_files(site, tmp_path):
    again = build(tmp_path / "again", content_dir=FIXTURE)
    assert files_of(again) == files_of(site)


def test_a_broken_content_file_fails_the_build_and_keeps_the_last_one(site, tmp_path):
    out = build(tmp_path / "out", content_dir=FIXTURE)
    before = files_of(out)
    content = tmp_path / "site" / "content"
    shutil.copytree(FIXTURE, content)
    reason = content / "reasons" / "cost.toml"
    reason.write_text(reason.read_text().replace('label = "', 'label = "<b>', 1))
    with pytest.raises(BuildError, match=r"site/content/reasons/cost\.toml: label"):
        build(out, content_dir=content)
    assert files_of(out) == before
    assert not list(tmp_path.glob(".build-*")), "no half-written build is left behind"


@pytest.mark.parametrize("broken, expected", [
    ("{% if %}", r"site/templates/about\.html, line \d+: Expected an expression"),
    ("{{ site.no_such_setting }}", r"site/templates/about\.html: .*no_such_setting"),
])
def test_a_broken_template_fails_the_build_by_name(tmp_path, monkeypatch, broken, expected):
    import doorway.builder
    templates = tmp_path / "templates"
    shutil.copytree(doorway.builder.TEMPLATES, templates)
    about = templates / "about.html"
    about.write_text(about.read_text().replace("{% block main %}", "{% block main %}" + broken))
    monkeypatch.setattr(doorway.builder, "TEMPLATES", templates)
    with pytest.raises(BuildError, match=expected):
        build(tmp_path / "out", content_dir=FIXTURE)
    assert not (tmp_path / "out").exists()


def test_every_page_puts_the_policy_first_and_keeps_one_neutral_title(parsed):
    from doorway.builder.content import load
    title = load(FIXTURE)["site"]["title"]
    for name, page in parsed.items():
        assert page.head_first == ("meta", {"http-equiv": "Content-Security-Policy",
                                            "content": META_CSP}), name
        assert page.titles == [title], (name, page.titles)


def test_public_pages_describe_themselves_and_the_partners_pages_stay_unlisted(site):
    """Search results show the description; the partner's pages are noindex instead."""
    words = tomllib.loads((FIXTURE / "pages.toml").read_text())["descriptions"]
    expected = {"index.html": "welcome", "guide/index.html": "guide",
                "guide/talking.html": "talking", "guide/plan-b.html": "plan_b",
                "guide/therapist.html": "therapist", "guide/safety.html": "safety",
                "guide/cover-your-tracks.html": "cover_your_tracks",
                "guide/for-partners.html": "for_partners", "about.html": "about",
                "guide/blame.html": "reason"}
    used = set()
    for path in pages_of(site):
        name = path.relative_to(site).as_posix()
        text = path.read_text()
        found = re.findall(r'<meta name="description" content="([^"]*)"', text)
        robots = re.findall(r'<meta name="robots" content="([^"]*)"', text)
        if name in ("invite/index.html", "reply/index.html"):
            assert robots == ["noindex, nofollow"], name
            assert html.unescape(found[0]) not in words.values(), name
            continue
        if name == "404.html":
            assert found == [], name
            continue
        key = expected.get(name, "reason")
        assert [html.unescape(f) for f in found] == [words[key]], name
        assert robots == [], name
        used.add(key)
    assert used == set(words), "every description in pages.toml is on a page"


@pytest.mark.parametrize("page, kind", [("invite/index.html", "invite"),
                                        ("reply/index.html", "reply")])
def test_link_previews_show_warm_words_and_nothing_from_the_link(site, page, kind):
    """A messaging app shows these for a link; it never sees what follows the "#"."""
    words = tomllib.loads((FIXTURE / "partner.toml").read_text())["link_preview"]
    text = (site / page).read_text()
    metas = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', text))
    assert metas["og:title"] == html.escape(words[kind + "_title"], quote=True)
    for name in ("description", "og:description"):
        assert metas[name] == html.escape(words[kind + "_description"], quote=True)
    assert metas["robots"] == "noindex, nofollow"


def test_quick_exit_is_the_first_thing_in_every_page(parsed):
    for name, page in parsed.items():
        assert "data-quick-exit" in page.first_body_link, (name, page.first_body_link)


def test_no_inline_script_style_or_handler_anywhere(parsed):
    for name, page in parsed.items():
        for script in page.scripts:
            assert script.get("src"), (name, script)
        assert page.styles == 0 and page.style_attrs == [], name
        assert page.handlers == [], (name, page.handlers)


def test_every_local_link_and_asset_exists(site, parsed):
    for name, page in parsed.items():
        folder = (site / name).parent
        for url in page.urls:
            path = urlsplit(url).path
            # 404.html links from the base path ("/"), every other page relatively
            target = (site / path.lstrip("/") if path.startswith("/") else folder / path).resolve()
            if url.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (name, url)


def test_links_to_other_sites_are_https_and_send_no_referrer(parsed):
    for name, page in parsed.items():
        for tag, attrs in page.external:
            assert attrs.get("href", attrs.get("src", "")).startswith("https://"), (name, attrs)
            assert tag == "a", (name, tag, attrs)
            assert "noreferrer" in attrs.get("rel", ""), (name, attrs)


def test_pyscript_pages_load_everything_from_the_site(site):
    import json
    for name in ("index.html", "invite/index.html", "reply/index.html"):
        text = (site / name).read_text()
        match = re.search(r'<script type="mpy" src="([^"]+)" config="([^"]+)"', text)
        assert match, name
        from html import unescape
        config = json.loads(unescape(match.group(2)))
        folder = (site / name).parent
        assert (folder / config["interpreter"]).resolve().is_file()
        assert "!error" in config["plugins"] and "!py-editor" in config["plugins"]
        [(url, target)] = config["files"].items()
        assert target == "doorway.bundle"
        assert (folder / urlsplit(url).path).resolve().is_file(), url
        assert (folder / urlsplit(match.group(1)).path).resolve().is_file()


def test_python_pages_preload_the_runtime_only_once_painted(site):
    """The runtime's files are listed in an inert <template> (boot.js adds them to
    <head> after the first paint): the wasm, MicroPython's loader, the page's
    bundle and main.py, and no preload anywhere else in the page."""
    import json
    for name in ("index.html", "invite/index.html", "reply/index.html"):
        text = (site / name).read_text()
        inert = re.findall(r"<template data-preloads>(.*?)</template>", text, re.S)
        assert len(inert) == 1, name
        outside = text.replace(inert[0], "")
        assert not re.search(r'rel="(module)?preload"', outside), name
        listed = re.findall(r'<link rel="(?:module)?preload" href="([^"]+)"', inert[0])
        config = json.loads(html.unescape(re.search(r'config="([^"]+)"', text).group(1)))
        for wanted in (config["interpreter"], *config["files"],
                       config["interpreter"].replace(".mjs", ".wasm")):
            assert wanted in listed, (name, wanted)
        assert any("/doorway/ui/main.py?" in url for url in listed), name
    assert "data-preloads" not in (site / "about.html").read_text()


def test_the_runtime_patch_is_applied_to_the_copy_only(site):
    from doorway.builder import VENDOR
    built = next((site / "runtime").glob("pyscript-*/core-*.js")).read_text()
    vendored = next((VENDOR / "pyscript").glob("core-*.js")).read_text()
    eager = re.compile(r'"storage permissions not granted",\w+=new (?!Proxy)\w+\(\w+\)')
    assert eager.search(vendored) and not eager.search(built)
    assert "new Proxy({},{get(t,k)" in built


def test_the_static_guide_has_a_page_for_every_reason(site):
    from doorway.builder.content import load
    catalogue = load(FIXTURE)
    index = (site / "guide" / "index.html").read_text()
    for reason in catalogue["reasons"]:
        page = html.unescape((site / "guide" / (reason["id"] + ".html")).read_text())
        assert reason["replies"][0]["you_say"] in page, reason["id"]
        assert 'href="%s.html"' % reason["id"] in index


def test_every_hotline_and_source_is_on_the_about_page(site):
    from doorway.builder.content import load
    catalogue = load(FIXTURE)
    about = (site / "about.html").read_text()
    for source in catalogue["sources"]:
        assert source["url"].replace("&", "&amp;") in about, source["id"]
    for country in catalogue["safety"]["countries"]:
        for line in country["lines"]:
            assert 'href="#src-%s"' % line["source"] in about, line["name"]
    assert catalogue["site"]["last_reviewed"] in about
    about = html.unescape(about)
    for section in catalogue["about"]["sections"]:
        assert section["heading"] in about, section["id"]
        for paragraph in section["body"]:
            assert paragraph in about, section["id"]


GOLDEN = Path(__file__).parent / "golden"


def check_golden(golden, text, update):
    """Fail with a diff unless ``golden`` holds ``text``; with ``update``, rewrite it first.

    The update mode fails too: it is there to show the change for review
    before it is committed, never to make a test pass.
    """
    expected = golden.read_text() if golden.exists() else ""
    if text == expected:
        return
    diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                        "golden/" + golden.name, "this build"))
    if update:
        golden.write_text(text)
        pytest.fail("golden/%s was rewritten: review this diff, then commit it if it is "
                    "right\n%s" % (golden.name, diff))
    pytest.fail("golden/%s differs from this build; if the change is intended, run again "
                "with DOORWAY_UPDATE_GOLDEN=1, review the diff and commit\n%s"
                % (golden.name, diff))


@pytest.mark.parametrize("page", ["guide/blame.html", "guide/safety.html", "_headers"])
def test_generated_files_match_their_golden_copy(site, page):
    """Golden files: review the diff, then refresh with DOORWAY_UPDATE_GOLDEN=1."""
    text = re.sub(r"\?v=[0-9a-f]{12}", "?v=…", (site / page).read_text())
    check_golden(GOLDEN / page.replace("/", "--"), text,
                 update=bool(os.environ.get("DOORWAY_UPDATE_GOLDEN")))


def test_the_golden_update_mode_writes_then_fails_with_the_diff(tmp_path):
    golden = tmp_path / "page.html"
    golden.write_text("<p>old</p>\n")
    with pytest.raises(pytest.fail.Exception, match=r"differs from this build(.|\n)*-<p>old"):
        check_golden(golden, "<p>new</p>\n", update=False)
    assert golden.read_text() == "<p>old</p>\n", "without the update mode nothing is written"
    with pytest.raises(pytest.fail.Exception, match=r"was rewritten(.|\n)*\+<p>new</p>"):
        check_golden(golden, "<p>new</p>\n", update=True)
    assert golden.read_text() == "<p>new</p>\n"
    check_golden(golden, "<p>new</p>\n", update=True)  # nothing changed: it passes


def test_cli_build_and_check(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path / "out"), "--content", str(FIXTURE)]) == 0
    assert (tmp_path / "out" / "index.html").is_file()
    assert main(["check", "--content", str(FIXTURE)]) == 0
    assert "average" in capsys.readouterr().out
    assert main(["runtime"]) == 0
