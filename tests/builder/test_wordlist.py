"""The passphrase word list and the link caps the build hands to the pages.

The list is vendored (never downloaded at build time), checked against its
lock by every build, shipped as a file of its own that only the share step
loads, and credited on the About page. The link pages carry their cap for
boot.js.
"""

import json
import re
import shutil
import zipfile

import pytest

from doorway.builder import VENDOR, build, bundles, wordlist
from doorway.builder.schema import BuildError
from doorway.guide import link, passphrase

LIST = VENDOR / wordlist.FOLDER / wordlist.WORDS


def _html_tag(site, page):
    return re.search(r"<html[^>]*>", (site / page).read_text()).group(0)


def test_the_build_ships_the_locked_list_as_its_own_file(site):
    shipped = (site / wordlist.ASSET).read_bytes()
    assert shipped == LIST.read_bytes()
    words = passphrase.words_from_text(shipped.decode("ascii"), 7776)
    for bundle in (site / "py").glob("*.bundle"):
        catalogue = json.dumps(bundles.content_of(bundles.unpack(bundle.read_bytes())))
        for word in (words[0], words[1000], words[5000], "yo-yo", "zoom"):
            assert '"%s"' % word not in catalogue, (bundle.name, word)
    lock = json.loads((VENDOR / wordlist.FOLDER / wordlist.LOCK).read_text())
    assert lock["source"]["path"] == "xkcdpass/static/eff-long"
    assert lock["licence"] == "CC-BY-3.0-US" and lock["words"] == 7776
    notice = (VENDOR / wordlist.FOLDER / wordlist.LICENCE).read_text()
    assert "CC BY 3.0 US" in notice and "https://creativecommons.org/licenses/by/3.0/us/" in notice
    assert (site / wordlist.ASSET_LICENCE).read_text() == notice  # shipped with the list
    assert "words/eff-long.txt?v=" in (site / "sw.js").read_text()  # works offline


def test_only_the_wizard_page_points_at_the_list(site):
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    pointing = [p for p in pages if "eff-long" in (site / p).read_text()]
    assert pointing == ["index.html"]
    tag = _html_tag(site, "index.html")
    url = re.search(r'data-word-list="([^"]+)"', tag).group(1)
    assert re.fullmatch(r"\./words/eff-long\.txt\?v=[0-9a-f]{12}", url), url
    # A link the page would fetch, not something it loads at start-up.
    assert "eff-long" not in re.search(r'config="([^"]*)"', (site / "index.html").read_text())[1]


def test_link_pages_carry_their_cap_for_boot_js(site):
    assert 'data-link-cap="%d"' % link.TOKEN_CAPS[link.INVITE] in _html_tag(
        site, "invite/index.html")
    assert 'data-link-cap="%d"' % link.TOKEN_CAPS[link.REPLY] in _html_tag(
        site, "reply/index.html")
    # The wizard opens resume links (a kept plan, issue 16).
    assert 'data-link-cap="%d"' % link.TOKEN_CAPS[link.RESUME] in _html_tag(site, "index.html")
    for page in ("about.html", "guide/index.html", "404.html"):
        assert "data-link-cap" not in _html_tag(site, page), page


@pytest.fixture
def vendor(tmp_path):
    copy = tmp_path / "vendor"
    shutil.copytree(VENDOR, copy)
    return copy


def test_a_changed_missing_or_extra_file_fails_the_build(vendor, monkeypatch, tmp_path):
    assert wordlist.check(vendor) == []
    listed = vendor / wordlist.FOLDER / wordlist.WORDS
    listed.write_bytes(listed.read_bytes().replace(b"abacus\n", b"abacus\nabacus\n"))
    assert wordlist.check(vendor) == ["wordlist/eff-long does not match its checksum in "
                                      "lock.json"]
    with pytest.raises(BuildError, match="does not match its checksum"):
        wordlist.files(vendor)
    monkeypatch.setattr("doorway.builder.VENDOR", vendor)
    with pytest.raises(BuildError, match="eff-long does not match"):
        build(tmp_path / "out")
    listed.unlink()
    (vendor / wordlist.FOLDER / "extra.txt").write_text("x")
    assert wordlist.check(vendor) == ["wordlist/eff-long is missing",
                                      "wordlist/extra.txt is not in lock.json"]


def _wheel(path, data):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(wordlist.IN_WHEEL, data)
        archive.writestr("xkcdpass/__init__.py", "")
    return path


def test_vendoring_from_a_wheel_gives_the_same_list_and_lock(vendor, tmp_path):
    wheel = _wheel(tmp_path / "xkcdpass-9.9.9-py3-none-any.whl", LIST.read_bytes())
    (vendor / wordlist.FOLDER / wordlist.WORDS).unlink()
    wordlist.vendor_from_wheel(wheel, vendor)
    fresh = json.loads((vendor / wordlist.FOLDER / wordlist.LOCK).read_text())
    real = json.loads((VENDOR / wordlist.FOLDER / wordlist.LOCK).read_text())
    assert fresh["files"] == real["files"]
    assert fresh["source"]["wheel"] == wheel.name
    assert wordlist.check(vendor) == []
    damaged = _wheel(tmp_path / "bad.whl", LIST.read_bytes().replace(b"zoom\n", b""))
    with pytest.raises(ValueError, match="7775 words, not 7776"):
        wordlist.vendor_from_wheel(damaged, vendor)
