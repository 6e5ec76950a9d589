"""The content as a page gets it: one file per section, parsed on first read.

A page's bundles hold one JSON file per content section
(doorway.builder.bundles); ``Catalogue.from_folder`` parses each only when the
page first reads it, and a section its second bundle brings is just a new file.
"""

import os

from support import IS_MICROPYTHON, raises

from doorway.guide.catalogue import Catalogue


def _folder():
    if IS_MICROPYTHON:
        folder = "/sections-test"
    else:
        import tempfile
        folder = tempfile.mkdtemp(prefix="doorway-sections-")
    try:  # noqa: SIM105 - MicroPython has no contextlib
        os.mkdir(folder)
    except OSError:
        pass
    return folder


def _write(folder, name, text):
    with open("%s/%s.json" % (folder, name), "w") as handle:
        handle.write(text)


def test_sections_are_parsed_when_first_read_and_later_files_join_them():
    folder = _folder()
    _write(folder, "site", '{"note_limit": 280}')
    _write(folder, "reasons", '[{"id": "cost", "code": "c"}]')
    _write(folder, "practice", "this is not read, so never parsed")
    catalogue = Catalogue.from_folder(folder)
    assert catalogue.data.parsed == {}
    assert catalogue.note_limit == 280
    assert list(catalogue.data.parsed) == ["site"]
    assert catalogue.reason_by_code("c")["id"] == "cost"
    assert "practice" in catalogue.data and "decision" not in catalogue.data
    error = raises(LookupError, lambda: catalogue.decision)
    assert "'decision' is not on this page" in str(error)
    assert catalogue.data.get("decision") is None
    _write(folder, "decision", '{"situations": {"items": []}}')  # the second bundle came
    assert catalogue.decision == {"situations": {"items": []}}
    for name in ("site", "reasons", "practice", "decision"):
        os.remove("%s/%s.json" % (folder, name))
    os.rmdir(folder)


def test_a_part_of_a_section_is_read_alone_or_from_the_whole():
    folder = _folder()
    _write(folder, "decision.situations", '{"items": [{"id": "affair"}]}')
    catalogue = Catalogue.from_folder(folder)
    assert catalogue.situation("affair") == {"id": "affair"}
    assert catalogue.situations["items"] == [{"id": "affair"}]
    error = raises(LookupError, lambda: catalogue.decision)
    assert "'decision' is not on this page" in str(error)
    _write(folder, "reasons[code,exclusive,id,label]",
           '[{"id": "cost", "label": "Cost"}, {"id": "unsure", "exclusive": true}]')
    assert catalogue.exclusive_reason() == "unsure"
    assert [r["id"] for r in catalogue.reason_labels] == ["cost", "unsure"]
    raises(LookupError, lambda: catalogue.reasons)
    for name in ("decision.situations", "reasons[code,exclusive,id,label]"):
        os.remove("%s/%s.json" % (folder, name))
    os.rmdir(folder)
    whole = Catalogue({"decision": {"situations": {"items": []}, "options": []},
                       "reasons": [{"id": "cost", "label": "Cost", "advice": "Ask"}]})
    assert whole.reason_labels == [{"id": "cost", "label": "Cost"}]
    assert whole.situations == {"items": []} and whole.situation("affair") is None
    deeper = Catalogue({"decision": {"situations": {"items": [{"id": "a", "label": "A",
                                                                "why": "long"}]}}})
    assert deeper.situation_labels == [{"id": "a", "label": "A"}]
    # Of a table, [keys] keeps those keys (one left out, one missing).
    assert deeper.read_section("decision[situations,weeks]") == {
        "situations": {"items": [{"id": "a", "label": "A", "why": "long"}]}}
    raises(LookupError, lambda: deeper.read_section("decision.situations.items.id[id]"))
    raises(LookupError, lambda: Catalogue({"site": {"name": "Doorway"}}).read_section(
        "site.name[id]"))  # neither a list nor a table
    error = raises(LookupError, lambda: whole.read_section("decision.weeks"))
    assert "'decision.weeks' is not on this page" in str(error)


def test_a_section_a_second_bundle_brings_anew_is_read_again():
    folder = _folder()
    shown = "sources[author,id,title,url,year]"  # what Catalogue.source reads
    _write(folder, shown, '[{"id": "a"}]')  # the first bundle: the sources it cites
    catalogue = Catalogue.from_folder(folder)
    assert catalogue.source("a") == {"id": "a"}
    raises(KeyError, lambda: catalogue.source("b"))
    _write(folder, shown, '[{"id": "a"}, {"id": "b"}]')  # the second: all it cites
    catalogue.reread(["%s/%s.json" % (folder, shown), "%s/guidance.json" % folder])
    assert catalogue.source("b") == {"id": "b"} and catalogue.source("a") == {"id": "a"}
    os.remove("%s/%s.json" % (folder, shown))
    # The same when the part is read from a whole section that comes again.
    _write(folder, "sources", '[{"id": "a", "note": "not shown"}]')
    catalogue = Catalogue.from_folder(folder)
    assert catalogue.source("a") == {"id": "a"}
    _write(folder, "sources", '[{"id": "a"}, {"id": "b"}]')
    catalogue.reread(["%s/sources.json" % folder])
    assert catalogue.source("b") == {"id": "b"}
    os.remove("%s/sources.json" % folder)
    os.rmdir(folder)
    whole = Catalogue({"sources": [{"id": "a"}]})
    whole.reread(["content/sources.json"])  # a catalogue not read from files has nothing to redo
    assert whole.source("a") == {"id": "a"}
