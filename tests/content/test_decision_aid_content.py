"""The real decision aid content (issue 16): what the issue asks for is there.

The logic tests run on a fixture copy of decision.toml; these hold the real
file to the issue: seven options with the same fields, briefly and evenly;
the four SURE items; every situation the issue names; a plan of the weeks
for every stance whose first week starts from the plan card; and the About
page's lists of IPDAS items met and not met.
"""

from doorway.guide import decision, weeks


def test_the_options_the_issue_names_are_described_in_equal_detail(real):
    ids = [o["id"] for o in decision.options(real)]
    assert ids == ["wait", "checkup", "online", "consultation", "few", "discernment",
                   "individual"]
    totals = []
    for option in decision.options(real):
        for field in decision.OPTION_FIELDS:
            assert option[field] and option[field].count(". ") <= 1, (option["id"], field)
        assert option["sources"], option["id"]
        totals.append(len(option["good"]) + len(option["hard"]))
    assert max(totals) <= 1.5 * min(totals), totals


def test_sure_situations_and_weeks(real):
    assert len(real.decision["sure"]["items"]) == 4
    assert [s["id"] for s in real.decision["situations"]["items"]] == [
        "affair", "substance", "mood", "leaving"]
    for stance in real.stances:
        found = weeks.plan_weeks(real, stance["id"])
        assert 4 <= len(found) <= 6
        assert "three things for this week" in found[0]["do"].lower()


def test_the_about_page_lists_ipdas_items_met_and_not_met(content):
    sections = {s["id"]: s for s in content["about"]["sections"]}
    assert len(sections["ipdas_met"]["items"]) >= 10
    assert len(sections["ipdas_not_met"]["items"]) >= 3
    assert sections["ipdas_met"]["sources"] and sections["ipdas_not_met"]["sources"]
