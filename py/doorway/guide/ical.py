"""A small iCalendar (RFC 5545) writer for all-day reminders, made on the device.

Written by hand because the browser has no library for it and MicroPython has
no ``datetime``: dates are counted as days since 1970-01-01 with the usual
civil-calendar arithmetic. What RFC 5545 asks of the text:

- lines end in CRLF (section 3.1);
- a line longer than 75 octets is folded: CRLF then one space, never inside
  a UTF-8 character (3.1);
- in TEXT values, backslash, semicolon and comma are escaped with a
  backslash, and a line break is written ``\\n`` (3.3.11);
- every VEVENT has a UID and a DTSTAMP (3.6.1), and the calendar a VERSION
  and a PRODID (3.6).

An all-day event is ``DTSTART;VALUE=DATE`` and ``DTEND;VALUE=DATE`` the day
after (3.6.1: DTEND is exclusive). Nothing else is written: no location, no
URL, no categories, no organiser, nothing that could say what it is about.
"""

CRLF = "\r\n"
#: Longest line, in octets, before it is folded (RFC 5545, 3.1).
LINE_OCTETS = 75


def _days_before_year(year):
    """Days from 1970-01-01 to January 1st of ``year`` (proleptic Gregorian)."""
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 - 719162


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year, month):
    return 29 if month == 2 and _leap(year) else _MONTH_DAYS[month - 1]


def valid_date(date):
    """True for a real calendar day ``(year, month, day)`` from 1900 to 9999."""
    year, month, day = date
    return 1900 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= _month_length(year, month)


def day_number(date):
    """Days since 1970-01-01 of ``(year, month, day)``."""
    if not valid_date(date):
        raise ValueError("not a date: %r" % (date,))
    year, month, day = date
    days = _days_before_year(year)
    for m in range(1, month):
        days += _month_length(year, m)
    return days + day - 1


def from_day_number(number):
    """The ``(year, month, day)`` that is ``number`` days after 1970-01-01."""
    year = 1970 + number // 366
    while _days_before_year(year + 1) <= number:
        year += 1
    while _days_before_year(year) > number:
        year -= 1
    left = number - _days_before_year(year)
    month = 1
    while left >= _month_length(year, month):
        left -= _month_length(year, month)
        month += 1
    return (year, month, left + 1)


def parse_date(text):
    """``"2026-03-09"`` (what ``<input type="date">`` gives) as a date; None if it is not one."""
    parts = text.split("-")
    if len(parts) != 3 or [len(p) for p in parts] != [4, 2, 2]:
        return None
    for part in parts:
        for char in part:
            if not "0" <= char <= "9":
                return None
    date = (int(parts[0]), int(parts[1]), int(parts[2]))
    return date if valid_date(date) else None


def escape(text):
    """A TEXT value (RFC 5545, 3.3.11): ``\\``, ``;``, ``,`` escaped, line breaks as ``\\n``."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """``line`` folded into pieces of at most 75 octets, never splitting a character."""
    pieces = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current = ""
            size = 0
            limit = LINE_OCTETS - 1  # a continuation line starts with one space
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _date(date):
    return "%04d%02d%02d" % date


def _stamp(stamp):
    return "%04d%02d%02dT%02d%02d%02dZ" % stamp


def calendar(product, events, stamp, uid_seed):
    """A VCALENDAR of all-day ``events`` (``{"date", "summary", "description"}``).

    ``stamp`` is when the file is made, in UTC ``(y, m, d, h, min, s)``;
    ``uid_seed`` is random hex, so each event's UID (seed and number) is new
    with every download and names nothing.
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + escape(product),
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for index in range(len(events)):
        event = events[index]
        lines.extend([
            "BEGIN:VEVENT",
            "UID:%s-%d" % (uid_seed, index + 1),
            "DTSTAMP:" + _stamp(stamp),
            "DTSTART;VALUE=DATE:" + _date(event["date"]),
            "DTEND;VALUE=DATE:" + _date(from_day_number(day_number(event["date"]) + 1)),
            "SUMMARY:" + escape(event["summary"]),
            "DESCRIPTION:" + escape(event["description"]),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ])
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
