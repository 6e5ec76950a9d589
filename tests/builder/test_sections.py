"""Each page's bundle holds the content sections its Python reads (doorway.builder.sections).

The sections come from the code: what each ``Catalogue`` member reads, and
which members, ``.data["…"]`` keys and ``.read_section("…")`` calls the
page's modules use. A page that reads a section it was not given would get a
``LookupError`` naming it, so the derivation must never leave one out.
"""

import json

import pytest

from doorway.builder import PACKAGE, assets, bundles, sections
from doorway.builder.content import load
from doorway.guide.catalogue import Catalogue
from fixtures import CONTENT as FIXTURE

CATALOGUE_SOURCE = (PACKAGE / "guide" / "catalogue.py").read_text()
#: How the pages read the sources: the fields they show (Catalogue.source).
SOURCES = "sources[author,id,title,url,year]"
#: What a helpline card's source line reads of them (``Catalogue.citation``).
CITATIONS = "sources[author,id,url,year]"
#: The part of the safety content the help cards read (``Catalogue.helplines``).
HELPLINES = "safety[countries,international,lines]"


def test_every_catalogue_member_names_the_sections_it_reads():
    reads = sections.catalogue_reads(CATALOGUE_SOURCE)
    assert reads["reason"] == {"reasons"} and reads["source"] == {SOURCES}
    assert reads["stances"] == {"wizard"} and reads["reply_conditions"] == {"partner"}
    assert reads["exclusive_reason"] == {"reasons[code,exclusive,id,label]"}, "by a property"
    assert reads["reply_rules"] == {"reply_checker"}
    assert reads["situation"] == {"decision.situations"}
    public = [name for name in dir(Catalogue) if not name.startswith("_")]
    unread = [name for name in public
              if name not in reads
              and name not in ("read_section", "reread", "from_json", "from_folder")]
    # A member that reads self.data directly would hide its section from the build.
    assert unread == [], "Catalogue members that read no section by name: %s" % unread
    assert sections.EVERYTHING not in set().union(*reads.values())


def test_a_module_reads_what_it_names_and_a_variable_means_everything():
    reads = sections.catalogue_reads(CATALOGUE_SOURCE)
    source = ("def f(catalogue, plan):\n"
              "    catalogue.tip('x')\n"
              "    plan.section('heading')\n"  # another class's method: no content section
              "    return catalogue.data['practice'], catalogue.data.get('privacy')\n")
    assert sections.module_reads(source, reads) == {"tips", "practice", "privacy"}
    source = "def f(catalogue, name):\n    return catalogue.read_section(name)\n"
    assert sections.module_reads(source, reads) == {sections.EVERYTHING}
    content = {"tips": [], "practice": {}, "decision": {}}
    sources = {sections.CATALOGUE: CATALOGUE_SOURCE.encode(), "doorway/ui/x.py": source.encode()}
    assert sections.page_sections(sources, ["doorway/ui/x.py"], content) == sorted(content)


def test_a_catalogue_without_a_section_says_which_one():
    catalogue = Catalogue({"site": {"note_limit": 280}, "reasons": []})
    assert catalogue.note_limit == 280 and catalogue.reason("cost") is None
    for read in (lambda: catalogue.decision, lambda: catalogue.option("talk"),
                 lambda: catalogue.read_section("decision")):
        with pytest.raises(LookupError, match="'decision' is not on this page"):
            read()


def test_a_part_of_a_table_section_is_given_alone_unless_the_whole_is_read():
    reads = sections.catalogue_reads(CATALOGUE_SOURCE)
    content = {"decision": {"situations": {"items": []}, "options": []}, "tips": []}
    sources = {sections.CATALOGUE: CATALOGUE_SOURCE.encode(),
               "doorway/ui/a.py": b"def f(c):\n    return c.situations, c.tip('x')\n",
               "doorway/ui/b.py": b"def f(c):\n    return c.decision\n",
               "doorway/ui/c.py": b"def f(c):\n    return c.read_section('decision.nothing')\n"}
    assert sections.module_reads(sources["doorway/ui/a.py"].decode(), reads) \
        == {"decision.situations", "tips"}
    assert sections.page_sections(sources, ["doorway/ui/a.py"], content) \
        == ["decision.situations", "tips"]
    assert sections.section(content, "decision.situations") == {"items": []}
    both = sections.page_sections(sources, ["doorway/ui/a.py", "doorway/ui/b.py"], content)
    assert both == ["decision", "tips"], "the whole holds the part"
    assert sections.page_sections(sources, ["doorway/ui/c.py"], content) == []
    listed = {"reasons": [{"id": "a", "label": "A", "advice": "long"}, {"id": "b"}]}
    assert sections.section(listed, "reasons[id,label]") == [{"id": "a", "label": "A"},
                                                             {"id": "b"}]


def test_a_bundle_carries_the_sources_its_sections_cite():
    content = {"sources": [{"id": "a1"}, {"id": "b2"}, {"id": "c3"}],
               "safety": {"lines": [{"sources": ["b2"]}], "note": "a1 is not an id here"},
               "reasons": [{"id": "r", "sources": ["c3", "b2"]}]}
    assert sections.cited(content, ["safety", "sources", SOURCES]) == [{"id": "b2"}]
    assert sections.cited(content, ["safety", "reasons"]) == [{"id": "b2"}, {"id": "c3"}]


def content_of(site, kind):
    return bundles.content_of(bundles.unpack((site / "py" / (kind + ".bundle")).read_bytes()))


@pytest.mark.parametrize("kind", ["wizard", "invite", "reply"])
def test_each_bundle_holds_exactly_the_sections_its_modules_read(site, kind):
    catalogue = load(FIXTURE)
    sources = assets.python_sources(PACKAGE)
    wanted = sections.page_sections(sources, bundles.page_modules(sources, kind), catalogue)
    content = content_of(site, kind)
    assert sorted(content) == wanted
    for name in wanted:
        expected = bundles.section_data(catalogue, name, wanted)
        assert content[name] == json.loads(json.dumps(expected)), name


def test_the_second_bundle_holds_the_sections_only_its_modules_read(site):
    catalogue = load(FIXTURE)
    sources = assets.python_sources(PACKAGE)
    first = content_of(site, "wizard")
    second = content_of(site, "wizard.later")
    wanted = sections.page_sections(sources, bundles.later_modules(sources, "wizard"), catalogue)
    cited = {name for name in set(first) | set(second) if sections.whole(name) == sections.CITED}
    assert cited == {SOURCES, CITATIONS}
    assert sorted(set(second) - {CITATIONS}) == [name for name in wanted if name not in first]
    assert set(first) & set(second) == {CITATIONS}, "each section once, but the sources"
    # The first bundle's sources are those its sections cite, as the helplines' source
    # lines show them (no title); the second's all the page cites.
    every = sorted(set(first) | set(second))
    for name in cited:
        assert second[name] == json.loads(json.dumps(bundles.section_data(catalogue, name, every)))
    assert len(first[CITATIONS]) < len(second[CITATIONS]) == len(second[SOURCES])
    assert all(set(source) == {"author", "id", "url", "year"} for source in first[CITATIONS])
    # The plan's words and practice come later; the questions' words at once.
    assert {"guidance", "practice", "reply_checker"} <= set(second)
    assert {"wizard", HELPLINES, "safety.screen"} <= set(first)
    assert "safety.saved_plan_note" in second
    # The context step's optional question without the rest of the decision aid, and
    # the reasons' labels without their advice (and the sources that cites).
    assert "decision.situations.items[id,label]" in first and "decision" in second
    assert "reasons[code,exclusive,id,label]" in first and "reasons" in second


def test_the_partner_pages_leave_out_the_wizards_own_sections(site):
    wizard = content_of(site, "wizard")
    wizard.update(content_of(site, "wizard.later"))
    first = content_of(site, "invite")
    invite = dict(first)
    invite.update(content_of(site, "invite.later"))
    for name in ("decision", "practice", "reply_checker", "reasons"):
        assert name in wizard and name not in invite, name
    for name in ("partner", SOURCES, HELPLINES, "safety.partner_line", "site"):
        assert name in invite, name
    # The invitation first: its help and its sources come in the second bundle.
    assert {"partner", "safety.partner_line", "reasons[id,partner,sources]"} <= set(first)
    assert not {SOURCES, CITATIONS, HELPLINES} & set(first)
    # Of the safety content, the helplines and the words their cards need: the safety
    # pages' own text is in the pages' HTML, so no bundle holds it.
    for bundle in (wizard, invite):
        assert "safety" not in bundle and not any(name.startswith("safety.route")
                                                  for name in bundle)
    assert "safety.screen" in wizard
    # Of the reasons, what links and the partner's page read: no advice for the sender.
    assert {"reasons[code,exclusive,id,label]", "reasons[id,partner,sources]"} <= set(invite)
    assert "guidance.sections" in invite and "guidance" not in invite, "its headings only"
    assert "about" not in wizard, "the about page's words are only in its HTML"
