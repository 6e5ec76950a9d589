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
    ("missing field", replace("reasons/cost.toml", "\nsummary = ", "\n# summary = "),
     "site/content/reasons/cost.toml: summary: is missing"),
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
    ("unknown placeholder", replace("script.toml", "So it sounds like {summary}.",
                                    "So it sounds like {summery}."),
     "site/content/script.toml: summarise.gentle: uses unknown placeholder {summery}"),
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
    ("duplicate reply choice code", replace("partner.toml", 'id = "yes_if"\ncode = 2',
                                            'id = "yes_if"\ncode = 1'),
     "site/content/partner.toml: reply.choices[1].code: reply choice code 1 is already used"),
    ("duplicate reply condition id", replace("partner.toml", 'id = "online"\ncode = 3',
                                             'id = "call_first"\ncode = 3'),
     "reply.conditions[2].id: reply condition id 'call_first' is already used"),
    ("duplicate reply period code", replace("partner.toml", 'id = "month"\ncode = 2',
                                            'id = "month"\ncode = 4'),
     "reply.periods[3].code: reply period code 4 is already used"),
    ("unknown reply follow-up", replace("partner.toml", 'takes = "period"', 'takes = "later"'),
     "site/content/partner.toml: reply.choices[2].takes: must be one of"),
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
