"""The wizard's steps as browser history entries, and which step comes next.

Every step the wizard shows gets a history entry of the same address, so the
browser's (or phone's) Back and Forward move between steps. The browser keeps
an entry's state with the session, on disk, so the state is the entry's
position only, a number: the steps themselves, and every answer, stay in the
page's memory (this :class:`Trail`, and the wizard). A position the trail
does not hold (after Quick exit or Start over wiped the memory, or on a page
loaded afresh) leads to a clean start.
"""

FIRST = "welcome"

#: The question steps in order, and where each leads once answered. After
#: "Check your answers" sends a person back to change one, it leads back there.
NEXT = {"stance": "reasons", "reasons": "context", "context": "check"}
CHECK = "check"


def next_step(step, changing):
    """The step after question ``step``: the next question, or back to the check page."""
    return CHECK if changing else NEXT[step]


def position_of(state):
    """The position a history entry's state names, or None if it names none
    (an entry made before Doorway's page, or by another page)."""
    if isinstance(state, bool) or not isinstance(state, (int, float)):
        return None
    if state != int(state) or state < 0:
        return None
    return int(state)


class Trail:
    """The step each of this page's history entries shows, by position."""

    def __init__(self, first=FIRST):
        self.steps = [first]
        self.position = 0

    def current(self):
        return self.steps[self.position]

    def push(self, step):
        """A new entry after the current one; entries ahead of it are gone (as the
        browser drops them). Returns the new entry's state."""
        self.position += 1
        self.steps = self.steps[:self.position] + [step]
        return self.position

    def replace(self, step):
        """The current entry shows ``step`` instead."""
        self.steps[self.position] = step

    def reach(self, state):
        """The step of the entry the browser moved to, or None for a clean start."""
        position = position_of(state)
        if position is None or position >= len(self.steps):
            return None
        self.position = position
        return self.steps[position]

    def has_previous(self):
        return self.position > 0
