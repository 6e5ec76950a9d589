"""decision.toml's own rules (issue 16), and the pages that show the decision aid."""

import re

import pytest
from test_content import broken_copy, errors_of, replace

from doorway.guide import link

D = "decision.toml"

CASES = [
    ("fit misses a value", replace(D, "fit = { together = 0, wellbeing = 1,",
                                   "fit = { wellbeing = 1,"),
     "site/content/decision.toml: options[0].fit: must rate exactly the values"),
    ("unknown option raised", replace(D, 'raise = ["few"]\nwhy = "couples therapy has helped',
                                      'raise = ["bogus"]\nwhy = "couples therapy has helped'),
     "situations.items[0].raise[0]: refers to unknown option 'bogus'"),
    ("repeated SURE id", replace(D, 'id = "support"', 'id = "sure"'),
     "sure.items[3].id: SURE item id 'sure' is already used"),
    ("calendar names the subject", replace(D, 'summary = "Weekly check-in"',
                                           'summary = "Weekly Therapy check-in"'),
     "calendar.summary: must stay neutral: it says 'therapy'"),
    ("stance without weeks", replace(D, 'stances = ["not_asked", "hesitated"]',
                                     'stances = ["not_asked"]'),
     "weeks.plans: stance 'hesitated' has 0 plans of the weeks ahead, not one"),
]


@pytest.mark.parametrize("edit, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_decision_rule_reports_its_own_error(tmp_path, edit, expected):
    errors = errors_of(broken_copy(tmp_path, edit))
    assert len(errors) == 1 and expected in errors[0], errors


def test_the_pages_carry_the_decision_aid(site):
    wizard = (site / "index.html").read_text()
    assert 'data-link-cap="%d"' % link.TOKEN_CAPS[link.RESUME] in wizard
    for step in ("resume", "resume-unlock", "resume-error"):
        assert 'data-step="%s"' % step in wizard
    assert len(re.findall(r'name="situations"', wizard)) == 4
    about = (site / "about.html").read_text()
    for section in ("ipdas_met", "ipdas_not_met"):
        match = re.search(r'<h2 id="about-%s">.*?</section>' % section, about, re.S)
        assert match and "<li>" in match.group(0), section
        assert 'class="refs"' in match.group(0)
