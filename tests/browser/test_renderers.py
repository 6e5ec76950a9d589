"""The two renderers of a view tree agree: the builder's HTML is what the browser draws.

The static guide is written by ``doorway.builder.html`` at build time; the
wizard, the partner's page and the reply page are drawn in the browser by
``doorway.ui.dom.build`` under MicroPython. Both start from the same trees
(doorway.guide.views). Here the same trees are drawn both ways and compared
character for character, so a difference in escaping, attribute order or
empty attributes cannot creep in.
"""

import datetime

from flows import answer_invite, catalogue, make_invite, open_page, walk_to_results
from playwright.sync_api import expect

from doorway.builder.html import to_html
from doorway.guide import link, safety, script
from doorway.guide import plan as planner
from doorway.guide.views import decision as decision_views
from doorway.guide.views import helplines as helpline_views
from doorway.guide.views import partner as partner_views
from doorway.guide.views import partner_sources
from doorway.guide.views import plan as plan_views
from doorway.guide.views import reply as reply_views
from doorway.guide.views import results as results_views

NOTE = "Sam & Alex <b>\u00a0“quoted” 'too' \u05e9\u05dc\u05d5\u05dd"


def outer_html(locator):
    return [locator.nth(i).evaluate("(el) => el.outerHTML") for i in range(locator.count())]


def test_the_plan_the_browser_draws_is_the_builders_html(page):
    cat = catalogue()
    reasons = ["blame", "cost"]
    walk_to_results(page, "hesitated", reasons, name="Sam & Alex", conflict="heated",
                    hopes=["closeness"], limits=["money"])
    chosen = {"safety": {"afraid": "no"}, "stance": "hesitated", "reasons": reasons,
              "name": "Sam & Alex", "conflict": "heated", "hopes": ["closeness"],
              "limits": ["money"]}
    plan = planner.make_plan(cat, chosen)
    lines = script.compose(cat, chosen, plan["ask"], "gentle")
    editor = results_views.script_part(cat, lines, "gentle")
    labels = cat.guidance["labels"]
    today = datetime.date.today().isoformat()  # the calendar's first day, as the page sets it
    state = {"answers": dict(chosen, situations=[]), "weights": {}, "before": {}, "after": {}}
    slots = decision_views.slots(cat, plan, state, today, labels)
    expected = [to_html(plan_views.section(s, labels, 2, editor, slots, fold=True))
                for s in plan["sections"]]
    drawn = outer_html(page.locator("[data-results] > details.plan-section"))
    assert len(drawn) == len(expected)
    for mine, theirs in zip(drawn, expected, strict=True):
        assert mine == theirs


def test_a_places_help_is_drawn_as_the_builder_writes_it(page):
    cat = catalogue()
    open_page(page, "./")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name=cat.safety["screen"]["skip"]).click()
    route = page.locator('[data-step="safety-route"]')
    found = safety.help_for(cat, "uk", None)  # en-GB: the United Kingdom, first area
    top = route.locator("[data-help-top]")
    expect(top.locator("select")).to_have_value("uk:england")
    assert top.evaluate("(el) => el.innerHTML") == to_html(
        helpline_views.help_top(cat, "safety-route", found, 2))
    for value in ("uk:wales", "ca:quebec", "us", safety.ELSEWHERE):
        route.locator("select[data-place]").select_option(value)
        found = safety.help_for(cat, *helpline_views.split_place(value))
        lines = route.locator("[data-lines]")
        expected = to_html(helpline_views.first_help(cat, found, 2))
        expect(lines.locator("section").first).to_be_visible()
        assert lines.evaluate("(el) => el.innerHTML") == expected
        more = route.locator("[data-help-more]")
        assert more.evaluate("(el) => el.innerHTML") == to_html(
            helpline_views.help_more(cat, found, 2))


def test_the_invitation_and_the_reply_are_drawn_as_the_builder_writes_them(page):
    cat = catalogue()
    walk_to_results(page, "said_no", ["blame", "privacy"])
    invite_link = make_invite(page, note=NOTE, reasons=["blame", "privacy"], sender="Ana",
                              plain=True)
    reply_link = answer_invite(page, invite_link, "yes_if", NOTE, ["online"])
    invite = {"ask": cat.stance("said_no")["ask"], "reasons": ["blame", "privacy"],
              "note": link.clean_note(NOTE), "sender": "Ana"}
    page.goto(invite_link)
    article = page.locator('[data-part="invitation"]')
    expect(article).to_be_visible()
    expected = {
        "top": "".join(to_html(node) for node in partner_views.top(cat, invite)),
        "questions": to_html(partner_views.questions(cat, invite["reasons"])),
        "sources": to_html(partner_sources.sources(cat, partner_views.cited(cat, invite))),
    }
    for slot, html in expected.items():
        assert article.locator('[data-slot="%s"]' % slot).evaluate("(el) => el.innerHTML") == html
    page.goto(reply_link)
    received = page.locator('[data-slot="received"]')
    expect(received.locator("[data-said] li")).to_have_count(2)
    expected = to_html(reply_views.received(cat, {"version": 2, "choice": "yes_if",
                                                  "conditions": ["online"], "period": None,
                                                  "note": link.clean_note(NOTE)}))
    assert received.evaluate("(el) => el.innerHTML") == expected
