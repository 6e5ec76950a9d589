"""The weeks-ahead calendar file, read back by an independent RFC 5545 parser.

doorway.guide.ical writes iCalendar by hand (MicroPython has no library for
it); the `icalendar` package parses what it writes, for every stance.
"""

import datetime

import icalendar

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.guide import weeks
from doorway.guide.catalogue import Catalogue

STAMP = (2026, 12, 1, 9, 5, 0)


def test_every_stance_gives_a_calendar_a_parser_reads_back():
    cat = Catalogue(load(CONTENT))
    words = cat.decision["calendar"]
    for stance in cat.stances:
        steps = weeks.plan_weeks(cat, stance["id"])
        text = weeks.calendar_file(cat, stance["id"], (2027, 2, 22), STAMP, "0f1e2d3c")
        calendar = icalendar.Calendar.from_ical(text)
        assert str(calendar["VERSION"]) == "2.0"
        events = calendar.walk("VEVENT")
        assert len(events) == len(steps)
        first = datetime.date(2027, 2, 22)
        for number, event in enumerate(events):
            day = first + datetime.timedelta(weeks=number)
            assert event.decoded("DTSTART") == day
            assert event.decoded("DTEND") == day + datetime.timedelta(days=1)
            assert str(event["SUMMARY"]) == words["summary"]
            assert str(event["DESCRIPTION"]) == words["description"].replace(
                "{number}", str(number + 1)).replace("{count}", str(len(steps)))
            assert event.decoded("DTSTAMP") == datetime.datetime(
                2026, 12, 1, 9, 5, tzinfo=datetime.UTC)
            for field in ("LOCATION", "URL", "CATEGORIES", "ORGANIZER", "ATTENDEE"):
                assert field not in event
        assert len({str(event["UID"]) for event in events}) == len(events)


def test_escaped_text_and_folded_lines_read_back_exactly():
    from doorway.guide import ical
    said = "Notes; one, two \\ three\nnext line " + "é" * 60
    text = ical.calendar("-//Test//EN", [{"date": (2028, 2, 29), "summary": said,
                                           "description": said}], STAMP, "aa")
    assert max(len(line.encode()) for line in text.split("\r\n")) <= 75
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == said
    assert event.decoded("DTEND") == datetime.date(2028, 3, 1)
