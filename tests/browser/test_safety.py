"""The safety check comes first, and routes anyone at risk away from persuasion."""

import pytest
from flows import SAFETY_ITEMS, answer_safety, expect_step, start
from playwright.sync_api import expect

from doorway.builder import CONTENT
from doorway.builder.content import load


@pytest.fixture(scope="module")
def safety():
    return load(CONTENT)["safety"]


@pytest.mark.parametrize("item", SAFETY_ITEMS)
def test_any_yes_leads_to_the_safety_route(page, item, safety):
    start(page)
    answer_safety(page, {item: "yes"})
    expect_step(page, "safety-route")
    route = page.locator('[data-step="safety-route"]')
    expect(route.get_by_role("heading", level=1)).to_have_text(safety["route"]["heading"])
    # en-GB browser: the United Kingdom is chosen, emergency number first
    uk = next(c for c in safety["countries"] if c["id"] == "uk")
    blocks = route.locator("[data-lines] > *")
    expect(blocks.nth(0)).to_have_text(uk["name"])
    expect(blocks.nth(1).locator(".emergency")).to_contain_text(uk["emergency"])
    source = next(s for s in load(CONTENT)["sources"] if s["id"] == uk["emergency_source"])
    expect(blocks.nth(1).locator(".source-line a")).to_have_attribute("href", source["url"])
    expect(route.locator("[data-lines]")).to_contain_text(uk["lines"][0]["name"])
    # no plan, no script, no partner link on this route
    expect(page.locator("[data-results] *")).to_have_count(0)
    expect(page.locator("#share-heading")).to_have_count(0)
    expect(page.locator("[data-script-lines]")).to_have_count(0)


def test_the_country_picker_changes_the_numbers(page, safety):
    start(page)
    answer_safety(page, {"afraid": "yes"})
    picker = page.get_by_label(safety["route"]["country_label"]).locator("visible=true")
    for country in safety["countries"]:
        picker.select_option(country["id"])
        lines = page.locator('[data-step="safety-route"] [data-lines]')
        expect(lines.locator(".emergency")).to_contain_text(country["emergency"])
        for line in country["lines"]:
            expect(lines).to_contain_text(line["name"])
            if line.get("tel"):
                # one line may be listed twice: for victims and for people worried
                # about their own behaviour (the US Hotline takes both calls)
                same = [other for other in country["lines"] if other.get("tel") == line["tel"]]
                expect(lines.locator('a[href="tel:%s"]' % line["tel"])).to_have_count(len(same))
    picker.select_option("elsewhere")
    expect(page.locator('[data-step="safety-route"] [data-lines] .line > p > a').first)\
        .to_have_attribute("href", safety["international"]["url"])


@pytest.mark.parametrize("locale, country", [("en-NZ", "nz"), ("en-US", "us"), ("fr-CA", "ca"),
                                             ("de-DE", "elsewhere")])
def test_the_first_country_is_guessed_from_the_browser_language(browser, base_url, locale,
                                                                country):
    context = browser.new_context(base_url=base_url, locale=locale)
    page = context.new_page()
    try:
        start(page)
        answer_safety(page, {"strangled": "yes"})
        picker = page.locator('[data-step="safety-route"] select')
        expect(picker).to_have_value(country)
    finally:
        context.close()


def test_not_sure_explains_offers_help_and_may_continue(page, safety):
    start(page)
    answer_safety(page, {"control": "unsure"})
    expect_step(page, "unsure")
    step = page.locator('[data-step="unsure"]')
    expect(step).to_contain_text(safety["unsure"]["body"][0])
    expect(step.locator("[data-lines] .emergency")).to_be_visible()
    step.get_by_role("button", name=safety["unsure"]["continue"]).click()
    expect_step(page, "stance")


def test_back_from_the_safety_route_returns_to_the_questions(page):
    start(page)
    answer_safety(page, {"threats": "yes"})
    expect_step(page, "safety-route")
    page.locator('[data-step="safety-route"]').get_by_role("button", name="Back").click()
    expect_step(page, "safety")
    expect(page.locator("#safety-threats-yes")).to_be_checked()


def test_the_static_safety_page_lists_every_country(page, safety):
    page.goto("guide/safety.html")
    for country in safety["countries"]:
        section = page.locator("#help-" + country["id"])
        expect(section.locator(".emergency")).to_contain_text(country["emergency"])
    expect(page.locator("#help-elsewhere .line > p > a").first).to_have_attribute(
        "href", safety["international"]["url"])


def test_help_is_one_click_away_without_answering(page, safety):
    start(page)
    page.get_by_role("button", name=safety["screen"]["skip"]).click()
    expect_step(page, "safety-route")
    expect(page.locator('[data-step="safety-route"] .emergency')).to_be_visible()
