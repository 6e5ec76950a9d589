"""The reply checker's content file: checked by the build, one file per language.

Each case copies the fixture content (tests/fixtures/content) to a temporary
site/content/, breaks one thing in reply_checker/en.toml, and checks the
message names the file and field. The last test adds a second language beside
English.
"""

import shutil

import pytest

from doorway.builder.content import load
from doorway.builder.schema import ContentErrors
from doorway.guide.catalogue import Catalogue
from doorway.guide.reply_check import checker
from fixtures import CONTENT as FIXTURE

FILE = "reply_checker/en.toml"
WHERE = "site/content/reply_checker/en.toml: "


def copy_content(tmp_path):
    content = tmp_path / "site" / "content"
    shutil.copytree(FIXTURE, content)
    return content


def edited(tmp_path, old, new):
    content = copy_content(tmp_path)
    path = content / FILE
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return content


#: (what breaks, old text, new text, expected part of the message)
CASES = [
    ("unknown kind", 'id = "pressure"', 'id = "nagging"', "kinds[5].id: must be one of"),
    ("kind twice", 'id = "pressure"', 'id = "criticism"',
     "kinds[5].id: kind 'criticism' is listed twice"),
    ("wrong tone", 'id = "contempt"\ntone = "escalating"', 'id = "contempt"\ntone = "helpful"',
     "kinds[1].tone: must be escalating for 'contempt'"),
    ("no rewording", 'rewording = "Defensiveness rewording."\n', "",
     "kinds[2].rewording: is missing (a kind that escalates needs it)"),
    ("helpful with examples", 'id = "question"\ntone = "helpful"',
     'id = "question"\ntone = "helpful"\nrewording = "Ask."', "kinds[8].rewording: is only for"),
    ("bad phrase", '"you can never", ', '"you can never ...", ',
     "kinds[0].phrases[2]: 'you can never ...' may not start with '...'"),
    ("short form in a phrase", '"you would rather",', '"you\'d rather",',
     "kinds[4].phrases[8]: uses the short form \"you'd\", which never matches: "
     "write 'you would'"),
    ("unknown group", '"you are [@degree] [@degree] [@degree] @trait"', '"you are @traits"',
     "uses the unknown word group @traits"),
    ("optional at the edge", '"you have always been", ', '"[you] have always been", ',
     "kinds[0].unless[1]: '[you] have always been' may not start or end with an optional"),
    ("example not found", 'instead = "Oh sure, because you know best."',
     'instead = "Because you know best."',
     "kinds[1].examples[0].instead: is not found as contempt"),
    ("rewording that escalates",
     'try = "I can see the bills matter to you. Can we look at them together?"',
     'try = "I can see the bills matter to you. You always rush me."',
     "kinds[2].examples[0].try: is itself found as criticism"),
    ("language and file differ", 'language = "en"', 'language = "fr"',
     "language: must match the file name 'en'"),
    ("short form in capitals", '"don\'t" = "do not"', '"Don\'t" = "do not"',
     "short_forms.Don't: \"Don't\" must be one lower-case word"),
    ("long form with marks", 'gonna = "going to"', 'gonna = "going-to"',
     "short_forms.gonna: 'going-to' must be lower-case words"),
    ("group word with a space", '"selfish", "lazy"', '"so selfish", "lazy"',
     "groups.trait[0]: 'so selfish' must be a single word"),
    ("unknown source", 'sources = ["g_uw_1999", "g_carrere_1999"]', 'sources = ["gottman"]',
     "kinds[0].sources[0]: refers to unknown source 'gottman'"),
]


@pytest.mark.parametrize("old, new, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_broken_checker_file_is_reported_by_file_and_field(tmp_path, old, new, expected):
    content = edited(tmp_path, old, new)
    with pytest.raises(ContentErrors) as error:
        load(content)
    found = [str(e) for e in error.value.errors]
    assert len(found) == 1 and found[0].startswith(WHERE), found
    assert expected in found[0], found


def test_a_table_of_short_forms_needs_an_entry(tmp_path):
    content = copy_content(tmp_path)
    path = content / FILE
    text = path.read_text()
    start = text.index("[short_forms]\n")
    end = text.index("\n[", start + 1)
    path.write_text(text[:start] + "[short_forms]\n" + text[end:])
    with pytest.raises(ContentErrors) as error:
        load(content)
    assert [str(e) for e in error.value.errors] == [
        WHERE + "short_forms: must be a table with at least one entry"]


def test_a_missing_kind_is_named(tmp_path):
    content = copy_content(tmp_path)
    path = content / FILE
    text = path.read_text()
    start = text.index("[[kinds]]\nid = \"invitation\"")
    path.write_text(text[:start])
    with pytest.raises(ContentErrors) as error:
        load(content)
    assert [str(e) for e in error.value.errors] == [
        WHERE + "kinds: needs at least 11 item(s), has 10"]


def test_a_second_language_is_a_parallel_file(tmp_path):
    content = copy_content(tmp_path)
    english = (content / FILE).read_text()
    (content / "reply_checker" / "xx.toml").write_text(
        english.replace('language = "en"', 'language = "xx"')
        .replace('"you [@degree] always|never|constantly",',
                 '"you [@degree] always|never|constantly",\n  "tu toujours",'))
    catalogue = Catalogue(load(content))
    assert [rules["language"] for rules in catalogue.data["reply_checker"]] == ["en", "xx"]
    assert checker(catalogue, "xx").check("Tu toujours!")["findings"] == ["criticism"]
    assert checker(catalogue, "en").check("Tu toujours!")["findings"] == []
