"""The weeks ahead and their calendar file (doorway.guide.weeks, doorway.guide.ical).

The file is also read by an independent iCalendar parser in
tests/unit/test_calendar.py (CPython only).
"""

from support import catalogue, raises

from doorway.guide import ical, weeks

STAMP = (2026, 12, 1, 14, 30, 5)


def test_every_stance_has_four_to_six_weeks_and_week_one_starts_from_the_card():
    cat = catalogue()
    plans = []
    for stance in cat.stances:
        found = weeks.plan_weeks(cat, stance["id"])
        assert 4 <= len(found) <= 6, stance["id"]
        for week in found:
            for field in ("title", "do", "look", "stalls"):
                assert week[field], (stance["id"], field)
        # Week 1 points to the plan card's "three things for this week" instead
        # of repeating them.
        assert "three things for this week" in found[0]["do"], stance["id"]
        assert found[0]["title"].startswith("Week 1")
        plans.append(found)
    assert plans[0] is not plans[-1]
    assert raises(ValueError, weeks.plan_weeks, cat, "bogus")


def test_day_numbers_round_trip_through_leap_years_and_month_ends():
    assert ical.day_number((1970, 1, 1)) == 0
    assert ical.day_number((2000, 3, 1)) == 11017
    assert ical.from_day_number(11017) == (2000, 3, 1)
    for number in range(ical.day_number((1999, 12, 1)), ical.day_number((2001, 3, 31)), 13):
        assert ical.day_number(ical.from_day_number(number)) == number
    assert ical.from_day_number(ical.day_number((2028, 2, 28)) + 1) == (2028, 2, 29)
    assert ical.from_day_number(ical.day_number((2100, 2, 28)) + 1) == (2100, 3, 1)
    assert ical.from_day_number(ical.day_number((2026, 12, 29)) + 7) == (2027, 1, 5)
    assert raises(ValueError, ical.day_number, (2026, 2, 29))


def test_dates_from_the_date_field_are_checked():
    assert ical.parse_date("2026-03-09") == (2026, 3, 9)
    for bad in ("", "2026-3-9", "2026-02-30", "20a6-01-01", "2026-13-01", "2026/01/01",
                "1899-12-31", "2026-01-01-01"):
        assert ical.parse_date(bad) is None, bad


def test_text_is_escaped_and_long_lines_fold_without_splitting_a_character():
    assert ical.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "é" * 80
    folded = ical.fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    for piece in pieces:
        assert len(piece.encode("utf-8")) <= 75 - (0 if piece is pieces[0] else 1)
    assert ical.fold("SHORT:x") == "SHORT:x"


def test_the_calendar_file_has_one_neutral_event_a_week():
    cat = catalogue()
    calendar = cat.decision["calendar"]
    for stance in cat.stances:
        count = len(weeks.plan_weeks(cat, stance["id"]))
        text = weeks.calendar_file(cat, stance["id"], (2026, 12, 28), STAMP, "ab12cd34")
        assert text.endswith("END:VCALENDAR\r\n")
        lines = text.split("\r\n")
        assert lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines
        assert lines.count("BEGIN:VEVENT") == count == lines.count("END:VEVENT")
        starts = [line for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
        assert starts[:2] == ["DTSTART;VALUE=DATE:20261228", "DTSTART;VALUE=DATE:20270104"]
        assert "DTEND;VALUE=DATE:20261229" in lines
        uids = [line for line in lines if line.startswith("UID:")]
        assert len(set(uids)) == count
        assert lines.count("SUMMARY:" + calendar["summary"]) == count
        lowered = text.lower()
        for word in calendar["never"]:
            assert word.lower() not in lowered, (stance["id"], word)
        for field in ("LOCATION", "URL", "CATEGORIES", "ORGANIZER", "ATTENDEE"):
            assert field + ":" not in text and field + ";" not in text


def test_the_calendar_never_holds_an_answer():
    """Whatever the answers, the events take only the calendar's neutral words."""
    cat = catalogue()
    found = weeks.events(cat, "hesitated", (2026, 1, 5))
    assert found[0]["description"] == "Week 1 of 5. A few quiet minutes for your notes."
    assert [event["date"] for event in found] == [(2026, 1, 5), (2026, 1, 12), (2026, 1, 19),
                                                  (2026, 1, 26), (2026, 2, 2)]
    for event in found:
        assert sorted(event) == ["date", "description", "summary"]
