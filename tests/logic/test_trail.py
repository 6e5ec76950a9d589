"""The wizard's steps as history entries (doorway.guide.trail), under both interpreters."""

from doorway.guide import trail


def _walked():
    steps = trail.Trail()
    for step in ("safety", "stance", "reasons", "context", "check", "results"):
        steps.push(step)
    return steps


def test_each_step_is_an_entry_whose_state_is_its_position():
    steps = trail.Trail()
    assert steps.current() == "welcome" and not steps.has_previous()
    assert steps.push("safety") == 1
    assert steps.push("stance") == 2
    assert steps.current() == "stance" and steps.has_previous()


def test_back_and_forward_reach_the_steps_held_in_memory():
    steps = _walked()
    assert steps.reach(5) == "check"
    assert steps.reach(2) == "stance"
    assert steps.reach(6.0) == "results"  # a browser may hand a number back as a float
    assert steps.reach(0) == "welcome" and not steps.has_previous()


def test_a_new_step_after_going_back_drops_the_entries_ahead():
    steps = _walked()
    steps.reach(2)
    assert steps.push("check") == 3
    assert steps.steps == ["welcome", "safety", "stance", "check"]
    assert steps.reach(4) is None


def test_an_entry_the_memory_does_not_hold_is_a_clean_start():
    steps = trail.Trail()  # a fresh page, or one wiped by Quick exit or Start over
    for state in (1, 3, 6):
        assert steps.reach(state) is None
    for state in (None, "2", -1, 1.5, True, [2], {"step": 2}):
        assert _walked().reach(state) is None, state
    assert steps.position == 0


def test_replace_changes_what_the_current_entry_shows():
    steps = _walked()
    steps.reach(5)
    steps.replace("results")
    assert steps.current() == "results" and steps.steps[6] == "results"


def test_questions_lead_on_or_back_to_the_check_page():
    assert [trail.next_step(s, False) for s in ("stance", "reasons", "context")] == \
        ["reasons", "context", "check"]
    assert [trail.next_step(s, True) for s in ("stance", "reasons", "context")] == \
        ["check"] * 3
