"""The weeks ahead: small steps over four to six weeks, and their calendar reminders.

Influence over weeks, not one big ask (CRAFT's lesson): each answer to "where
things stand" has its own plan in ``decision.toml`` (``weeks.plans``), each
week with what to do, what to look for and what to do if it stalls. Week 1
starts from the plan card's three things for this week and never repeats
them; its words point to the card instead.

The calendar reminders say nothing about what they are for: calendars sync
and are seen, so every event takes only the neutral words of
``calendar.summary`` and ``calendar.description`` (the build refuses any of
``calendar.never`` there), and never the partner's name or an answer.
"""

from . import ical


def plan_weeks(catalogue, stance_id):
    """The weeks for this stance, as ``[{"title", "do", "look", "stalls"}]``."""
    for plan in catalogue.decision["weeks"]["plans"]:
        if stance_id in plan["stances"]:
            return plan["weeks"]
    raise ValueError("no plan of the weeks ahead for stance %r" % (stance_id,))


def events(catalogue, stance_id, start):
    """One all-day reminder a week, the first on ``start`` ((year, month, day)).

    Returns ``[{"date": (y, m, d), "summary", "description"}]``: neutral words
    only, whatever the answers were.
    """
    calendar = catalogue.decision["calendar"]
    weeks = plan_weeks(catalogue, stance_id)
    first = ical.day_number(start)
    found = []
    for index in range(len(weeks)):
        description = calendar["description"].replace("{number}", str(index + 1))
        found.append({"date": ical.from_day_number(first + 7 * index),
                      "summary": calendar["summary"],
                      "description": description.replace("{count}", str(len(weeks)))})
    return found


def calendar_file(catalogue, stance_id, start, stamp, uid_seed):
    """The iCalendar text of the weeks' reminders (see :func:`doorway.guide.ical.calendar`).

    ``start`` is the first day, ``stamp`` the time the file is made (UTC,
    ``(y, m, d, h, min, s)``), ``uid_seed`` random hex from the browser, so
    two downloads never share an event's UID.
    """
    calendar = catalogue.decision["calendar"]
    return ical.calendar(calendar["product"], events(catalogue, stance_id, start), stamp,
                         uid_seed)
