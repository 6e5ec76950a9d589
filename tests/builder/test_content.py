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
]

US_LINE = '''name = "National Domestic Violence Hotline"
kind = "abuse"
main = true
'''

#: Helplines: a number never ships without its source and the date it was checked.
CASES += [
    ("no checked date", replace("safety.toml", 'checked = "2026-12-01"\n', ""),
     "site/content/safety.toml: countries[0].checked: is missing"),
    ("impossible date", replace("safety.toml", 'checked = "2026-12-01"', 'checked = "2026-13-01"'),
     "countries[0].checked: '2026-13-01' must be a date written YYYY-MM-DD"),
    ("date in words", replace("safety.toml", 'checked = "2026-12-01"', 'checked = "today"'),
     "must be a date written YYYY-MM-DD"),
    ("number without source", replace("safety.toml", 'source = "s_ovc_hotline"\n', ""),
     "countries[0].lines[0].source: is missing"),
    ("unknown source", replace("safety.toml", 'source = "s_ovc_hotline"', 'source = "s_rumour"'),
     "countries[0].lines[0].source: refers to unknown source 's_rumour'"),
    ("emergency without source",
     replace("safety.toml", 'emergency_source = "s_ovw_hotlines"\n', ""),
     "countries[0].emergency_source: is missing"),
    ("emergency number not dialable",
     replace("safety.toml", 'emergency_tel = "911"', 'emergency_tel = "nine one one"'),
     "countries[0].emergency_tel: 'nine one one' must be digits only"),
    ("sms with a plus", replace("safety.toml", 'sms = "88788"', 'sms = "+88788"'),
     "countries[0].lines[0].sms: '+88788' must be digits only (a number to text)"),
    ("keyword without sms", replace("safety.toml", 'sms = "88788"\n', ""),
     "countries[0].lines[0].keyword: says how to text, so the line needs sms"),
    ("phone without tel", replace("safety.toml", 'tel = "+18007997233"\n', ""),
     "countries[0].lines[0]: needs both phone"),
    ("nothing to reach", replace("safety.toml", 'url = "https://www.moveireland.ie"\n', ""),
     "needs a way to reach it: tel, sms or url"),
    ("hours source without hours",
     replace("safety.toml", 'hours = "24 hours, every day"\nfor = "Young people and their',
             'for = "Young people and their'),
     "hours_source: cites a source for hours the line lacks"),
    ("unknown kind", replace("safety.toml", 'kind = "lgbt"', 'kind = "everyone"'),
     "kind: must be one of abuse, men, lgbt"),
    ("two main lines", replace("safety.toml", 'kind = "lgbt"', 'kind = "lgbt"\nmain = true'),
     "countries[0].lines: needs exactly one main line for the country, found 2"),
    ("no main line", replace("safety.toml", US_LINE, US_LINE.replace("main = true\n", "")),
     "countries[0].lines: needs exactly one main line for the country, found 0"),
    ("area without main line",
     replace("safety.toml", 'main = true\narea = "scotland"', 'area = "scotland"'),
     "countries[1].lines: needs exactly one main line for area 'scotland', found 0"),
    ("unknown area", replace("safety.toml", 'area = "wales"', 'area = "cornwall"'),
     "area: refers to unknown area 'cornwall' (this country's areas: england, scotland"),
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
