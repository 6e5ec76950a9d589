"""Content errors name the file and the field, in words an editor understands.

Each case copies the fixture content (tests/fixtures/content), breaks one
thing, and checks that loading reports exactly one error, the one its rule
gives: a case that tripped some other rule first (an unknown key, say) would
fail here instead of passing by accident. The fixture is copied to
``site/content/`` in a temporary folder, so messages read as an editor sees
them. Rules of single values (ranges, ids, lists) are tested on the checkers
themselves in ``test_schema.py``; the real content is checked in tests/content.
"""

import re
import shutil

import pytest

from doorway.builder.content import load
from doorway.builder.schema import ContentError, ContentErrors
from fixtures import CONTENT as FIXTURE


def replace(file, old, new, count=1):
    def edit(content):
        path = content / file
        text = path.read_text()
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, count))
    return edit


def set_value(file, key, value):
    """Set the first top-level ``key = ...`` line of ``file`` to ``key = value``."""
    def edit(content):
        path = content / file
        text, count = re.subn(r"(?m)^%s = .*$" % re.escape(key), "%s = %s" % (key, value),
                              path.read_text(), count=1)
        assert count == 1, (file, key)
        path.write_text(text)
    return edit


def keep_tables(file, header, keep):
    """Keep only the first ``keep`` tables that start with the line ``header``."""
    def edit(content):
        path = content / file
        blocks = re.split(r"(?m)^(?=\[)", path.read_text())
        seen = 0
        kept = []
        for block in blocks:
            if block.startswith(header + "\n"):
                seen += 1
                if seen > keep:
                    continue
            kept.append(block)
        assert seen > keep, (file, header, seen)
        path.write_text("".join(kept))
    return edit


def append(file, text):
    def edit(content):
        path = content / file
        path.write_text(path.read_text() + text)
    return edit


def delete(file):
    return lambda content: (content / file).unlink()


def broken_copy(tmp_path, *edits):
    content = tmp_path / "site" / "content"
    shutil.copytree(FIXTURE, content)
    for edit in edits:
        for one in edit if isinstance(edit, list) else [edit]:
            one(content)
    return content


def errors_of(content):
    with pytest.raises(ContentErrors) as caught:
        load(content)
    return [str(error) for error in caught.value.errors]


TONED = '\ngentle = "a"\nbrief = "b"\ndirect = "c"\n'
EXTRA_ASK = ('\n[[asks]]\nid = "curiosity"\ncode = 99\nname = "n"\nsummary = "s"\n'
             'partner_offer = "p"\nprepare = "r"\n[asks.line]' + TONED)
LONELY_SOURCE = ('\n[[sources]]\nid = "lonely"\ntitle = "T"\nauthor = "A"\nyear = 2020\n'
                 'url = "https://example.org/"\n')

#: (what breaks, edit, the one error expected: its start; "…" stands for any text)
CASES = [
    # Files
    ("missing file", delete("partner.toml"), "site/content/partner.toml: is missing"),
    ("invalid TOML", append("tips.toml", "\n[[tips]\n"),
     "site/content/tips.toml: is not valid TOML"),
    ("empty folder", lambda c: [p.unlink() for p in (c / "sources").glob("*.toml")],
     "site/content/sources: holds no .toml files"),
    # Tables
    ("missing field", replace("reasons/cost.toml", "\nsay_back = ", "\n# say_back = "),
     "site/content/reasons/cost.toml: say_back: is missing"),
    ("unknown key typo", replace("asks.toml", "partner_offer =", 'partner_ofer = "x"\n'
                                 "partner_offer ="),
     "site/content/asks.toml: asks[0].partner_ofer: is not a known field (a typo?)"),
    ("not a table", [keep_tables("reasons/blame.toml", "[ask]", 0),
                     replace("reasons/blame.toml", "\nid = ", '\nask = "curiosity"\nid = ')],
     "site/content/reasons/blame.toml: ask: must be a table of fields"),
    # Text
    ("empty text", set_value("reasons/time.toml", "label", '" "'),
     "site/content/reasons/time.toml: label: must not be empty"),
    ("empty string", set_value("site.toml", "name", '"  "'),
     "site/content/site.toml: name: must not be empty"),
    ("markup", replace("reasons/cost.toml", 'label = "', 'label = "<i>'),
     "site/content/reasons/cost.toml: label: must be plain text: '<' and '>' are not allowed"),
    ("text of the wrong type", set_value("site.toml", "name", "12"),
     "site/content/site.toml: name: must be text, not int"),
    # Numbers, booleans, addresses, ids, choices
    ("wrong type", set_value("site.toml", "note_limit", '"280"'),
     "site/content/site.toml: note_limit: must be a whole number"),
    ("out of range", set_value("site.toml", "note_limit", "20"),
     "site/content/site.toml: note_limit: must be between 50 and 1000"),
    ("not a boolean", set_value("reasons/dont_know.toml", "exclusive", '"yes"'),
     "site/content/reasons/dont_know.toml: exclusive: must be true or false"),
    ("not https", set_value("site.toml", "exit_url", '"http://example.org/"'),
     "site/content/site.toml: exit_url: must be an https:// address"),
    ("bad id", set_value("reasons/cost.toml", "id", '"Cost!"'),
     "site/content/reasons/cost.toml: id: 'Cost!' is not a valid id (lower case, digits, _)"),
    ("unknown tone", replace("script.toml", 'id = "direct"', 'id = "loud"'),
     "site/content/script.toml: tones[2].id: must be one of gentle, brief, direct, not 'loud'"),
    ("bad tel", set_value("safety.toml", "tel", '"call 911"'),
     "site/content/safety.toml: countries[0].lines[0].tel: 'call 911' must be digits only"),
    # Lists
    ("not a list", set_value("reasons/blame.toml", "sources", '"roddy_2020"'),
     "site/content/reasons/blame.toml: sources: must be a list"),
    ("too few replies", keep_tables("reasons/blame.toml", "[[replies]]", 2),
     "site/content/reasons/blame.toml: replies: needs at least 3 item(s), has 2"),
    ("empty list", set_value("reasons/blame.toml", "sources", "[]"),
     "site/content/reasons/blame.toml: sources: needs at least 1 item(s), has 0"),
    ("a source listed twice", replace("reasons/blame.toml", '"roddy_2020"]', '"apa_ethics_code"]'),
     "site/content/reasons/blame.toml: sources[1]: 'apa_ethics_code' is listed twice"),
    # References
    ("unknown source", replace("reasons/blame.toml", '"apa_ethics_code"', '"nobody_2024"'),
     "site/content/reasons/blame.toml: sources[0]: refers to unknown source 'nobody_2024'"),
    ("unknown tip", replace("reasons/blame.toml", '"choose_together"', '"tip_that_is_not"'),
     "site/content/reasons/blame.toml: tips[0]: refers to unknown tip 'tip_that_is_not'"),
    ("unknown ask", set_value("reasons/blame.toml", "cap", '"huge"'),
     "site/content/reasons/blame.toml: ask.cap: refers to unknown ask 'huge'"),
    ("unknown stance", append("script.toml", '\n[[opening]]\nstance = "shrugged"\n'
                                            "[opening.line]" + TONED),
     "site/content/script.toml: opening[…].stance: refers to unknown stance 'shrugged'"),
    ("unknown conflict", replace("guidance.toml", 'conflict = "heated"', 'conflict = "icy"'),
     "site/content/guidance.toml: card.conflict[0].conflict: refers to unknown conflict 'icy'"),
    ("uncited source", append("sources/core.toml", LONELY_SOURCE),
     "site/content/sources/core.toml: sources[…]: source 'lonely' is never cited: "
     "cite it or remove it"),
    # Uniqueness of ids and link codes
    ("duplicate reason code", set_value("reasons/cost.toml", "code", "1"),
     "site/content/reasons/cost.toml: code: reason code 1 is already used in "
     "site/content/reasons/blame.toml"),
    ("duplicate reason order", set_value("reasons/cost.toml", "order", "10"),
     "site/content/reasons/cost.toml: order: reason order 10 is already used in "
     "site/content/reasons/blame.toml"),
    ("duplicate ask id", append("asks.toml", EXTRA_ASK),
     "site/content/asks.toml: asks[…].id: ask id 'curiosity' is already used in "
     "site/content/asks.toml"),
    ("duplicate ask code", replace("asks.toml", "code = 2\n", "code = 1\n"),
     "site/content/asks.toml: asks[1].code: ask code 1 is already used"),
    ("duplicate reply option code", replace("partner.toml", "code = 2\n", "code = 1\n"),
     "site/content/partner.toml: reply.options[1].code: reply option code 1 is already used"),
    ("duplicate source id", append("sources/more.toml",
                                   LONELY_SOURCE.replace("lonely", "roddy_2020")),
     "site/content/sources/more.toml: sources[…].id: source id 'roddy_2020' is already "
     "used in site/content/sources/core.toml"),
    ("id and file differ", set_value("reasons/cost.toml", "id", '"money"'),
     "site/content/reasons/cost.toml: id: must match the file name 'cost'"),
    ("two exclusive reasons", replace("reasons/time.toml", "\nlabel = ",
                                      "\nexclusive = true\nlabel = "),
     "site/content/reasons: exactly one reason must be exclusive"),
    ("no exclusive reason", set_value("reasons/dont_know.toml", "exclusive", "false"),
     "site/content/reasons: exactly one reason must be exclusive (\"I don't know\"), found []"),
    # The conversation map
    ("unknown placeholder", replace("script.toml", "Script for both gentle {wants}.",
                                    "Script for both gentle {wantz}."),
     "site/content/script.toml: for_both.gentle: uses unknown placeholder {wantz}"),
    ("placeholder in an ask", replace("asks.toml", 'gentle = "', 'gentle = "{name}, ', 1),
     "site/content/asks.toml: asks[0].line.gentle: uses unknown placeholder {name}"),
    ("name in the wrong place", replace("script.toml", 'permission]\ngentle = "Script permission',
                                        'permission]\ngentle = "Script{name} permission'),
     "site/content/script.toml: permission.gentle: {name} must open the line"),
    ("say-back without its gap", replace("script.toml", 'brief = "Script say back brief …."',
                                         'brief = "Script say back brief."'),
     "site/content/script.toml: say_back.brief: needs one gap (…)"),
    ("stance without a wish", replace("script.toml", '[[wish]]\nstance = "said_no"',
                                      '[[wish]]\nstance = "hesitated"'),
     "site/content/script.toml: wish: has no wish for stance 'said_no'"),
    ("worry without words for both",
     replace("reasons/time.toml", "\nfor_both = ", "\n# for_both = "),
     "site/content/reasons/time.toml: for_both: is missing (every worry but the exclusive one"),
    ("a part described twice", append("script.toml", '\n[[parts]]\nid = "ask"\nlabel = "Ask"\n'),
     "site/content/script.toml: parts: must describe part 'ask' exactly once"),
    ("short path with a branch", replace("script.toml", 'short_path = ["opening"',
                                         'short_path = ["worry", "opening"'),
     "site/content/script.toml: short_path[0]: must be one of"),
    # Plain international English, one work per source
    ("an idiom", replace("reasons/cost.toml", '"Cost meaning 3."',
                         '"Cost meaning 3 is a sore point."'),
     "site/content/reasons/cost.toml: meaning[2]: uses the idiom 'sore point'"),
    ("an idiom in another case and form", replace("guidance.toml", '"Guidance timing base 1.',
                                                  '"Don’t Dig-In. Guidance timing base 1.'),
     "site/content/guidance.toml: timing.base[0]: uses the idiom 'dig in'"),
    ("American spelling", replace("tips.toml", '"Tips tips 5 text.',
                                  '"Tips tips 5 text, a behavior.'),
     "site/content/tips.toml: tips[4].text: spells 'behavior': write 'behaviour'"),
    ("-ize spelling", replace("asks.toml", '"Asks asks 5 line gentle.',
                              '"Asks asks 5 line gentle, organize.'),
     "site/content/asks.toml: asks[4].line.gentle: spells 'organize' with -ize"),
    ("the same source twice", replace("sources/core.toml", 'title = "Fixture source 2"',
                                      'title = "Fixture source 1"'),
     "site/content/sources/core.toml: sources[…].title: is the same title as source '…': "
     "cite that id instead"),
    ("stance without opening", replace("script.toml", 'stance = "said_no"', 'stance = "hesitated"'),
     "site/content/script.toml: opening: has no opening for stance 'said_no'"),
    # Words with a slot, the worry's frame, areas
    ("a link without its slot", replace("pages.toml", "Pages not found body {link}.",
                                        "Pages not found body."),
     "site/content/pages.toml: not_found.body: must mark where the link goes with {link}, "
     "exactly once"),
    ("a count slot twice", replace("pages.toml", "shift more {count}.", "{count} more {count}."),
     "site/content/pages.toml: frame.shift_more: must mark where the number goes with {count}"),
    ("worry frame without the worry", replace("script.toml", "Script worry label {worry}.",
                                              "Script worry label."),
     "site/content/script.toml: worry.label: must name the worry once: {worry}"),
    ("an area listed twice", replace("safety.toml", '[[countries.areas]]\nid = "wales"',
                                     '[[countries.areas]]\nid = "scotland"\nname = "Again."\n'
                                     '\n[[countries.areas]]\nid = "wales"'),
     "site/content/safety.toml: countries[1].areas: lists an area id twice"),
    # Help lines
    ("phone without tel", replace("safety.toml", 'tel = "+18007997233"\n', ""),
     "site/content/safety.toml: countries[0].lines[0]: needs both phone (as shown) and tel"),
]

US_LINE = '''name = "Safety countries 1 lines 1 name."
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
    ("nothing to reach", replace("safety.toml", 'url = "https://example.org/safety-countries-3-lines-6-url"\n',
                                 ""),
     "needs a way to reach it: tel, sms or url"),
    ("hours source without hours",
     replace("safety.toml", 'hours = "Safety countries 1 lines 5 hours."\n', ""),
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
    ("unknown area", replace("safety.toml", 'name = "Safety countries 2 lines 5 name."\n',
                             'name = "Safety countries 2 lines 5 name."\narea = "cornwall"\n'),
     "area: refers to unknown area 'cornwall' (this country's areas: england, scotland"),
]

#: Reply links: codes are unique, follow-ups known.
CASES += [
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
def test_each_rule_reports_its_own_error_by_file_and_field(tmp_path, edit, expected):
    errors = errors_of(broken_copy(tmp_path, edit))
    pattern = ".*".join(re.escape(part) for part in expected.split("…"))
    assert len(errors) == 1 and re.search(pattern, errors[0]), errors


def test_every_error_is_reported_at_once(tmp_path):
    content = broken_copy(tmp_path,
                          set_value("site.toml", "name", '"  "'),
                          set_value("site.toml", "note_limit", "20"),
                          replace("reasons/cost.toml", 'label = "', 'label = "<i>'),
                          replace("reasons/blame.toml", '"apa_ethics_code"', '"nobody_2024"'),
                          replace("script.toml", "Script for both gentle {wants}.",
                                  "Script for both gentle {wantz}."))
    errors = errors_of(content)
    assert errors == [
        "site/content/reasons/blame.toml: sources[0]: refers to unknown source 'nobody_2024'",
        "site/content/reasons/cost.toml: label: must be plain text: '<' and '>' are not allowed",
        "site/content/script.toml: for_both.gentle: uses unknown placeholder {wantz}",
        "site/content/site.toml: name: must not be empty",
        "site/content/site.toml: note_limit: must be between 50 and 1000",
    ]


def test_the_message_lists_every_error_and_counts_them(tmp_path):
    content = broken_copy(tmp_path, set_value("site.toml", "name", '"  "'),
                          set_value("site.toml", "note_limit", "20"))
    with pytest.raises(ContentError) as caught:
        load(content)
    assert str(caught.value) == ("2 content errors:\n"
                                 "  site/content/site.toml: name: must not be empty\n"
                                 "  site/content/site.toml: note_limit: must be between 50 "
                                 "and 1000")


def test_a_broken_file_causes_no_errors_in_the_files_that_use_it(tmp_path):
    """Tips that cannot be read are not reported as unknown wherever they are cited."""
    errors = errors_of(broken_copy(tmp_path, append("tips.toml", "\n[[tips]\n"),
                                   append("sources/core.toml", "\n[[sources]\nid =")))
    assert [e.split(": ")[0] for e in errors] == ["site/content/sources/core.toml",
                                                  "site/content/tips.toml"], errors
