"""Content errors name the file and the field, in words an editor understands.

Each case copies the real content, breaks one thing, and checks the message.
"""

import shutil

import pytest

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.builder.schema import ContentError


def replace(file, old, new, count=1):
    def edit(content):
        path = content / file
        text = path.read_text()
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, count))
    return edit


def append(file, text):
    def edit(content):
        path = content / file
        path.write_text(path.read_text() + text)
    return edit


def delete(file):
    return lambda content: (content / file).unlink()


#: (what breaks, edit, expected start of the message)
CASES = [
    ("missing file", delete("partner.toml"), "site/content/partner.toml: is missing"),
    ("invalid TOML", append("tips.toml", "\n[[tips]\n"),
     "site/content/tips.toml: is not valid TOML"),
    ("missing field", replace("reasons/cost.toml", "\nsay_back = ", "\n# say_back = "),
     "site/content/reasons/cost.toml: say_back: is missing"),
    ("empty text", replace("reasons/time.toml", 'label = "', 'label = " "\nold_label = "'),
     "site/content/reasons/time.toml: old_label: is not a known field"),
    ("empty string", replace("site.toml", 'name = "Doorway"', 'name = "  "'),
     "site/content/site.toml: name: must not be empty"),
    ("markup", replace("reasons/cost.toml", 'label = "', 'label = "<i>'),
     "site/content/reasons/cost.toml: label: must be plain text"),
    ("unknown key typo", replace("asks.toml", "partner_offer =", "partner_ofer =", 1),
     "site/content/asks.toml: asks[0].partner_ofer: is not a known field"),
    ("too few replies", replace("reasons/blame.toml", "[[replies]]", "[[unused]]", 2),
     "site/content/reasons/blame.toml: unused: is not a known field"),
    ("unknown source", replace("reasons/blame.toml", '"apa_ethics_code"', '"nobody_2024"'),
     "site/content/reasons/blame.toml: sources[0]: refers to unknown source 'nobody_2024'"),
    ("unknown tip", replace("reasons/blame.toml", '"choose_together"', '"tip_that_is_not"'),
     "site/content/reasons/blame.toml: tips[0]: refers to unknown tip 'tip_that_is_not'"),
    ("unknown ask", replace("reasons/blame.toml", 'cap = "consultation"', 'cap = "huge"'),
     "site/content/reasons/blame.toml: ask.cap: refers to unknown ask 'huge'"),
    ("duplicate link code", replace("reasons/cost.toml", "code = 14", "code = 1"),
     "code 1 is already used in site/content/reasons/blame.toml"),
    ("id and file differ", replace("reasons/cost.toml", 'id = "cost"', 'id = "money"'),
     "site/content/reasons/cost.toml: id: must match the file name 'cost'"),
    ("uncited source", append("sources/core.toml", '\n[[sources]]\nid = "lonely"\ntitle = "T"\n'
                              'author = "A"\nyear = 2020\nurl = "https://example.org/"\n'),
     "source 'lonely' is never cited"),
    ("not https", replace("sources/core.toml", 'url = "https://', 'url = "http://'),
     "must be an https:// address"),
    ("unknown placeholder", replace("script.toml", "I’d want it to be {wants}.",
                                    "I’d want it to be {wantz}."),
     "site/content/script.toml: for_both.gentle: uses unknown placeholder {wantz}"),
    ("say-back without its gap", replace("script.toml", 'brief = "So … Is that right?"',
                                         'brief = "So, is that right?"'),
     "site/content/script.toml: say_back.brief: needs one gap (…)"),
    ("stance without a wish", replace("script.toml", '[[wish]]\nstance = "said_no"',
                                      '[[wish]]\nstance = "hesitated"'),
     "site/content/script.toml: wish: has no wish for stance 'said_no'"),
    ("worry without words for both",
     replace("reasons/time.toml", "\nfor_both = ", "\n# for_both = "),
     "site/content/reasons/time.toml: for_both: is missing (every worry but the exclusive one"),
    ("a part described twice", replace("script.toml", 'id = "close"', 'id = "ask"'),
     "site/content/script.toml: parts: must describe part 'ask' exactly once"),
    ("short path with a branch", replace("script.toml", 'short_path = ["opening"',
                                         'short_path = ["worry", "opening"'),
     "site/content/script.toml: short_path[0]: must be one of"),
    ("an idiom", replace("reasons/cost.toml", "Money can be a painful subject in itself.",
                         "Money can be a sore point in itself."),
     "site/content/reasons/cost.toml: meaning[2]: uses the idiom 'sore point'"),
    ("an idiom in another case and form", replace("guidance.toml", "Pick a calm time,",
                                                  "Don’t Dig-In. Pick a calm time,"),
     "site/content/guidance.toml: timing.base[0]: uses the idiom 'dig in'"),
    ("American spelling", replace("tips.toml", "Look for sliding-scale fees",
                                  "Look for a behavior of sliding-scale fees"),
     "site/content/tips.toml: tips[4].text: spells 'behavior': write 'behaviour'"),
    ("-ize spelling", replace("asks.toml", "Could we try three sessions,",
                              "Could we organize three sessions,"),
     "site/content/asks.toml: asks[4].line.gentle: spells 'organize' with -ize"),
    ("the same source twice", append("sources/core.toml", '\n[[sources]]\nid = "twin"\n'
                                     'title = "Toward a Theory of Motivational Interviewing"\n'
                                     'author = "A"\nyear = 2009\nurl = "https://example.org/"\n'),
     "is the same title as source 'miller_rose_2009': cite that id instead"),
    ("name in the wrong place", replace("script.toml", 'permission]\ngentle = "Is now',
                                        'permission]\ngentle = "Is{name} now'),
     "{name} must open the line"),
    ("stance without opening", replace("script.toml", 'stance = "said_no"', 'stance = "hesitated"'),
     "site/content/script.toml: opening: has no opening for stance 'said_no'"),
    ("two exclusive reasons",
     replace("reasons/time.toml", "code = 15", "code = 15\nexclusive = true"),
     "exactly one reason must be exclusive"),
    ("phone without tel", replace("safety.toml", 'tel = "+18007997233"\n', ""),
     "site/content/safety.toml: countries[0].lines[0]: needs both phone"),
    ("bad tel", replace("safety.toml", 'tel = "+18007997233"', 'tel = "call 911"'),
     "must be digits only"),
    ("wrong type", replace("site.toml", "note_limit = 280", 'note_limit = "280"'),
     "site/content/site.toml: note_limit: must be a whole number"),
]


@pytest.mark.parametrize("edit, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_content_is_reported_by_file_and_field(tmp_path, edit, expected):
    content = tmp_path / "site" / "content"
    shutil.copytree(CONTENT, content)
    edit(content)
    with pytest.raises(ContentError) as error:
        load(content)
    assert expected in str(error.value), str(error.value)


def test_the_real_content_loads_with_every_reason_reachable():
    catalogue = load(CONTENT)
    assert len(catalogue["reasons"]) == 16
    files = sorted(p.stem for p in (CONTENT / "reasons").glob("*.toml"))
    assert sorted(r["id"] for r in catalogue["reasons"]) == files
    orders = [r["order"] for r in catalogue["reasons"]]
    assert orders == sorted(orders)
    for reason in catalogue["reasons"]:
        assert len(reason["replies"]) >= 3, reason["id"]
        assert all(r["you_say"] for r in reason["replies"])


def test_every_country_required_by_the_issue_has_help():
    catalogue = load(CONTENT)
    ids = [c["id"] for c in catalogue["safety"]["countries"]]
    assert ids[:6] == ["us", "uk", "ca", "au", "ie", "nz"]
    assert catalogue["safety"]["international"]["url"].startswith("https://")
