"""The safety check comes first, routes anyone at risk away from persuasion, and
puts the emergency number and the main line on a phone's first screen.

Every page of the route (doorway.guide.safety) is reached by mouse and by
keyboard; every number drawn is checked against the content, with its source
and checked date on its card; the first screen is measured at 390 × 740.
Words come from the content, never from this file.

Most tests here walk the safety questions to one page. They share a tab per
browser language and screen size (conftest.py's ``tab``, with
``flows.start_again``), so Python is started once, not for every walk. Tests of
a first visit (the place guessed from the browser language) keep a fresh
context each.
"""

import re

import pytest
from flows import (
    SAFETY_ITEMS,
    answer_safety,
    catalogue,
    expect_step,
    open_page,
    open_plan_parts,
    reach_safety_page,
    start_again,
    walk_to_results,
)
from playwright.sync_api import expect

from doorway.guide import link, safety
from doorway.guide.views import helplines as views


def tab_to(page, locator, limit=120):
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if locator.evaluate("(el) => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached %s" % locator)


PHONE = {"width": 390, "height": 740}
MIN_TARGET = 44



#: Every tel:/sms: link shown (display:none ones left out), with what its card
#: says under it: the source links and the checked dates.
NUMBERS_JS = """(root) => Array.from(root.querySelectorAll('a[href^="tel:"], a[href^="sms:"]'))
  .filter((a) => a.getClientRects().length > 0)
  .map((a) => {
    const card = a.closest('.help-card');
    const line = card && card.lastElementChild;
    const isSource = !!line && line.classList.contains('source-line');
    return {
      href: a.getAttribute('href'),
      text: a.textContent,
      card: !!card,
      sources: isSource ? Array.from(line.querySelectorAll('a')).map((s) => s.href) : [],
      dates: isSource ? Array.from(line.querySelectorAll('time'))
        .map((t) => t.getAttribute('datetime') + '|' + t.textContent) : [],
      between: card ? card.querySelectorAll('.source-line').length : 0,
    };
  })"""


def digits(text):
    return re.sub(r"[^0-9]", "", text)


def expected_numbers(cat, found, more=True):
    """(href, words its label shows, source url) for every number of a place
    (only the emergency number and the main line when not ``more``)."""
    if found["country"] is None:
        return []
    emergency = found["emergency"]
    numbers = [(emergency["tel_href"], emergency["number"], emergency["source"]["url"])]
    lines = [found["main"]]
    if more:
        lines += [line for group in found["groups"] for line in group["lines"]]
    for line in lines:
        if line["tel"]:
            numbers.append((line["tel_href"], line["phone"], line["source"]["url"]))
        if line["sms"]:
            numbers.append((line["sms_href"], line["text"] or line["sms"],
                            line["source"]["url"]))
    return sorted(numbers)


def check_numbers(root, cat, country_id, area_id=None, more=True):
    """Every number of the place is drawn, as a working link whose digits match
    the content, in a card whose last line gives its source and checked date;
    and nothing else is drawn as a number."""
    found = safety.help_for(cat, country_id, area_id)
    drawn = root.evaluate(NUMBERS_JS)
    expected = expected_numbers(cat, found, more)
    for number in drawn:
        assert number["card"], number
        assert number["between"] == 1, "a source line sits between numbers: %s" % number
        assert number["sources"] and all(url.startswith("https://")
                                         for url in number["sources"]), number
        checked = found["country"]["checked"]
        assert number["dates"] == [checked + "|" + checked], number
        scheme, target = number["href"].split(":", 1)
        if scheme == "tel":
            assert digits(target)[-7:] in digits(number["text"]), number
        else:
            assert target in digits(number["text"]), number
    left = list(drawn)
    for href, words, source in expected:
        match = [n for n in left if n["href"] == href and words in n["text"]
                 and source in n["sources"]]
        assert match, "%s (%s) is not drawn with its source %s" % (href, words, source)
        left.remove(match[0])
    assert not left, "numbers the content does not give: %s" % left
    return len(drawn)


def box(locator):
    found = locator.bounding_box()
    assert found, locator
    return found


def on_first_screen(locator, viewport=PHONE):
    """The element is fully on the first screen and at least 44 px tall."""
    found = box(locator)
    assert found["y"] >= 0 and found["y"] + found["height"] <= viewport["height"], found
    assert found["height"] >= MIN_TARGET, found
    return found


def first_screen(root, words, viewport=PHONE):
    """The emergency button and every button of the main line: on the first
    screen, large enough, and before ``words`` (the page's explanation).
    Returns their sizes."""
    emergency = root.locator(".emergency-card .call-button").locator("visible=true")
    main = root.locator(".main-line .call-button").locator("visible=true")
    expect(emergency).to_have_count(1)
    sizes = [on_first_screen(emergency, viewport)]
    for i in range(main.count()):
        sizes.append(on_first_screen(main.nth(i), viewport))
    assert box(words.first)["y"] > sizes[-1]["y"]
    return sizes


# Routes -----------------------------------------------------------------

def answer_by_keyboard(page, answers):
    """Answer the safety check with the keyboard only, then send it."""
    keys = {"yes": ["Space"], "no": ["ArrowRight"], "unsure": ["ArrowRight", "ArrowRight"]}
    for item in SAFETY_ITEMS:
        tab_to(page, page.locator("#safety-%s-yes" % item))
        for key in keys[answers.get(item, "no")]:
            page.keyboard.press(key)
    for item in SAFETY_ITEMS:
        expect(page.locator("#safety-%s-%s" % (item, answers.get(item, "no")))).to_be_checked()
    tab_to(page, page.locator('[data-step="safety"] button[type=submit]'))
    page.keyboard.press("Enter")


def press(page, by_keyboard, button):
    if by_keyboard:
        tab_to(page, button)
        page.keyboard.press("Enter")
    else:
        button.click()


def no_guide_offered(page):
    expect(page.locator("[data-results] *")).to_have_count(0)
    expect(page.locator("#share-heading")).to_have_count(0)
    expect(page.locator("[data-script-lines]")).to_have_count(0)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
@pytest.mark.parametrize("item", safety.danger_items(catalogue()))
def test_a_yes_to_a_danger_sign_leads_to_the_high_risk_page(tab, item, by_keyboard):
    cat = catalogue()
    page = tab()
    start_again(page)
    if by_keyboard:
        answer_by_keyboard(page, {item: "yes", "afraid": "yes"})
    else:
        answer_safety(page, {item: "yes", "afraid": "yes"})
    expect_step(page, safety.HIGH_RISK)
    step = page.locator('[data-step="%s"]' % safety.HIGH_RISK)
    expect(step.locator("h1")).to_have_text(cat.safety["high_risk"]["heading"])
    assert cat.safety["high_risk"]["heading"] != cat.safety["route"]["heading"]
    expect(step).to_contain_text(cat.safety["high_risk"]["medical"][0])
    expect(step).to_contain_text(cat.safety["high_risk"]["advocate"][0])
    for tool in cat.safety["high_risk"]["links"]:
        expect(step.get_by_role("link", name=tool["label"])).to_have_attribute("href", tool["url"])
    expect(step.locator(".emergency-card .call-button")).to_be_visible()
    no_guide_offered(page)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
@pytest.mark.parametrize("item", [i for i in SAFETY_ITEMS
                                  if i not in safety.danger_items(catalogue())])
def test_any_other_yes_leads_to_the_safety_route(tab, item, by_keyboard):
    cat = catalogue()
    page = tab()
    start_again(page)
    if by_keyboard:
        answer_by_keyboard(page, {item: "yes", "weapon": "unsure"})
    else:
        answer_safety(page, {item: "yes", "weapon": "unsure"})
    expect_step(page, safety.SAFETY_ROUTE)
    route = page.locator('[data-step="%s"]' % safety.SAFETY_ROUTE)
    expect(route.locator("h1")).to_have_text(cat.safety["route"]["heading"])
    for heading in (cat.safety["route"]["family_heading"],
                    cat.safety["own_behaviour"]["heading"]):
        expect(route.get_by_role("heading", name=heading, exact=True, level=2)).to_be_visible()
    no_guide_offered(page)
    # Back returns to the questions, answers kept
    press(page, by_keyboard, route.get_by_role("button", name=cat.wizard["buttons"]["back"]))
    expect_step(page, "safety")
    expect(page.locator("#safety-%s-yes" % item)).to_be_checked()


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
def test_not_sure_on_a_danger_sign_offers_help_first_and_takes_two_steps(tab, by_keyboard):
    cat = catalogue()
    pause = cat.safety["danger_unsure"]
    page = tab()
    start_again(page)
    if by_keyboard:
        answer_by_keyboard(page, {"threat_kill": "unsure", "control": "unsure"})
    else:
        answer_safety(page, {"threat_kill": "unsure", "control": "unsure"})
    expect_step(page, safety.DANGER_PAUSE)
    step = page.locator('[data-step="%s"]' % safety.DANGER_PAUSE)
    expect(step).to_contain_text(pause["body"][0])
    go_on = step.get_by_role("button", name=pause["continue"])
    # help first: every line of the place comes before the way on
    last_number = step.locator('a[href^="tel:"]').last
    assert box(last_number)["y"] < box(go_on)["y"]
    emergency = step.locator(".emergency-card .call-button")
    assert box(emergency)["y"] < box(step.locator(":scope > p").first)["y"]
    press(page, by_keyboard, go_on)
    expect_step(page, safety.DANGER_CONFIRM)
    confirm = page.locator('[data-step="%s"]' % safety.DANGER_CONFIRM)
    expect(confirm.locator(".emergency-card .call-button")).to_be_visible()
    # back to the help, then on again: still two steps
    press(page, by_keyboard, confirm.get_by_role("button", name=pause["confirm"]["back"]))
    expect_step(page, safety.DANGER_PAUSE)
    press(page, by_keyboard, step.get_by_role("button", name=pause["continue"]))
    expect_step(page, safety.DANGER_CONFIRM)
    press(page, by_keyboard, confirm.get_by_role("button", name=pause["confirm"]["confirm"]))
    expect_step(page, safety.GUIDE)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
def test_other_not_sure_explains_offers_help_and_may_go_on(tab, by_keyboard):
    cat = catalogue()
    page = tab()
    start_again(page)
    if by_keyboard:
        answer_by_keyboard(page, {"humiliated": "unsure"})
    else:
        answer_safety(page, {"humiliated": "unsure"})
    expect_step(page, safety.UNSURE_PAGE)
    step = page.locator('[data-step="%s"]' % safety.UNSURE_PAGE)
    expect(step).to_contain_text(cat.safety["unsure"]["body"][0])
    expect(step.locator(".emergency-card .call-button")).to_be_visible()
    press(page, by_keyboard, step.get_by_role("button", name=cat.safety["unsure"]["continue"]))
    expect_step(page, safety.GUIDE)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
def test_go_straight_to_help_leads_to_the_safety_route(tab, by_keyboard):
    cat = catalogue()
    page = tab()
    start_again(page)
    press(page, by_keyboard, page.get_by_role("button", name=cat.safety["screen"]["skip"]))
    expect_step(page, safety.SAFETY_ROUTE)
    expect(page.locator('[data-step="safety-route"] .emergency-card .call-button')).to_be_visible()
    no_guide_offered(page)


def test_the_pages_differ_for_danger_and_for_other_answers(tab):
    page = tab()
    reach_safety_page(page, safety.HIGH_RISK, start_again)
    high_risk = page.locator('[data-step="high-risk"]').inner_text()
    reach_safety_page(page, safety.SAFETY_ROUTE, start_again)
    route = page.locator('[data-step="safety-route"]').inner_text()
    assert high_risk.split("\n")[0] != route.split("\n")[0]
    assert catalogue().safety["high_risk"]["medical"][0] in high_risk
    assert catalogue().safety["high_risk"]["medical"][0] not in route


# The first screen, the numbers, the place ---------------------------------

WIZARD_PAGES = [safety.HIGH_RISK, safety.SAFETY_ROUTE, safety.DANGER_PAUSE,
                safety.DANGER_CONFIRM, safety.UNSURE_PAGE]


@pytest.mark.parametrize("locale, place", [("en-GB", "uk:england"), ("cy-GB", "uk:wales"),
                                           ("fr-CA", "ca:quebec"), ("en-US", "us")])
@pytest.mark.parametrize("step", WIZARD_PAGES)
def test_the_first_screen_holds_the_emergency_number_and_the_main_line(tab, step, locale, place):
    page = tab(locale, PHONE)
    reach_safety_page(page, step, start_again)
    root = page.locator('[data-step="%s"]' % step)
    expect(root.locator("select[data-place]")).to_have_value(place)
    sizes = first_screen(root, root.locator(":scope > p"))
    print("%s %s: %s" % (step, place, ", ".join("%dx%d at y=%d" % (
        s["width"], s["height"], s["y"]) for s in sizes)))
    picker = box(root.locator("select[data-place]"))
    assert picker["y"] + picker["height"] <= PHONE["height"] and picker["height"] >= MIN_TARGET


def choose_on_static_page(page, value):
    """Pick a place on the static page by its label, then look at the top again."""
    choice = "place-" + value.replace(":", "-")
    page.locator('label[for="%s"]' % choice).click()
    expect(page.locator("#" + choice)).to_be_checked()
    page.evaluate("window.scrollTo(0, 0)")


def test_the_static_page_puts_each_places_help_on_the_first_screen(browser, base_url):
    cat = catalogue()
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto("guide/safety.html")
        main = page.locator("main")
        for value, _ in views.places(cat):
            choose_on_static_page(page, value)
            if value == safety.ELSEWHERE:
                card = main.locator(".main-line").locator("visible=true")
                expect(card).to_have_count(1)
                assert box(card)["y"] < PHONE["height"]
                continue
            sizes = first_screen(main, main.locator(".place-switcher ~ p"))
            print("static %s: %s" % (value, ", ".join("%dx%d at y=%d" % (
                s["width"], s["height"], s["y"]) for s in sizes)))
            for chip in main.locator(".chip").locator("visible=true").all():
                assert box(chip)["height"] >= MIN_TARGET
    finally:
        context.close()


def test_every_number_on_the_route_is_a_link_with_its_source_and_date(tab):
    cat = catalogue()
    page = tab()
    reach_safety_page(page, safety.SAFETY_ROUTE, start_again)
    route = page.locator('[data-step="%s"]' % safety.SAFETY_ROUTE)
    picker = route.locator("select[data-place]")
    total = 0
    for value, _ in views.places(cat):
        picker.select_option(value)
        country, area = views.split_place(value)
        found = safety.help_for(cat, country, area)
        lines = route.locator("[data-lines]")
        if found["country"] is None:
            expect(lines).to_contain_text(cat.safety["international"]["name"])
            expect(route.locator("[data-help-more] *")).to_have_count(0)
        else:
            expect(lines.locator(".main-line h2")).to_have_text(found["main"]["name"])
            expect(lines.locator(".emergency-card .call-button")).to_have_attribute(
                "href", found["emergency"]["tel_href"])
        total += check_numbers(route, cat, country, area)
    assert total >= 60, total


@pytest.mark.parametrize("step", [safety.HIGH_RISK, safety.DANGER_PAUSE, safety.DANGER_CONFIRM,
                                  safety.UNSURE_PAGE])
def test_every_number_on_the_other_pages_has_its_source_and_date(tab, step):
    cat = catalogue()
    page = tab()
    reach_safety_page(page, step, start_again)
    root = page.locator('[data-step="%s"]' % step)
    more = step != safety.DANGER_CONFIRM  # that page keeps to the first cards
    check_numbers(root, cat, "uk", None, more)
    root.locator("select[data-place]").select_option("ca:alberta")
    main = safety.help_for(cat, "ca", "alberta")["main"]
    expect(root.locator(".main-line h2")).to_have_text(main["name"])
    check_numbers(root, cat, "ca", "alberta", more)


def test_every_number_on_the_static_page_has_its_source_and_date(page):
    cat = catalogue()
    page.goto("guide/safety.html")
    main = page.locator("main")
    total = 0
    for value, _ in views.places(cat):
        country, area = views.split_place(value)
        choose_on_static_page(page, value)
        total += check_numbers(main, cat, country, area)
    assert total >= 60, total


def test_the_static_page_changes_place_by_keyboard_in_the_order_it_is_seen(page):
    cat = catalogue()
    page.goto("guide/safety.html")
    radios = page.locator(".place-radio")
    first, second = radios.nth(0), radios.nth(1)
    tab_to(page, first)
    page.keyboard.press("ArrowRight")
    expect(second).to_be_checked()
    expect(second).to_be_focused()
    country, area = views.split_place(second.get_attribute("value"))
    found = safety.help_for(cat, country, area)
    shown = page.locator(".emergency-card .call-button").locator("visible=true")
    expect(shown).to_have_attribute("href", found["emergency"]["tel_href"])
    # the cards sit above the choices and the other lines below them: the
    # focus goes back up to the cards and on down to the other lines
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_count(1)
    assert page.locator(".place-more :focus").count() == 1
    page.keyboard.press("Shift+Tab")
    expect(second).to_be_focused()
    page.keyboard.press("Shift+Tab")
    assert page.locator(".place-first :focus").count() == 1


def test_changing_the_place_keeps_the_focus_on_the_control(tab):
    cat = catalogue()
    page = tab()
    reach_safety_page(page, safety.SAFETY_ROUTE, start_again)
    route = page.locator('[data-step="%s"]' % safety.SAFETY_ROUTE)
    picker = route.locator("select[data-place]")
    tab_to(page, picker)
    page.keyboard.press("ArrowDown")
    expect(picker).to_be_focused()
    value = picker.input_value()
    country, area = views.split_place(value)
    found = safety.help_for(cat, country, area)
    expect(route.locator(".main-line h2")).to_have_text(found["main"]["name"])


@pytest.mark.parametrize("locale, place", [("en-NZ", "nz"), ("en-US", "us"), ("fr-CA", "ca:quebec"),
                                           ("cy-GB", "uk:wales"), ("de-DE", "elsewhere")])
def test_the_first_place_is_guessed_from_the_browser_language(browser, base_url, locale, place):
    context = browser.new_context(base_url=base_url, locale=locale)
    page = context.new_page()
    try:
        reach_safety_page(page, safety.HIGH_RISK)
        route = page.locator('[data-step="%s"]' % safety.HIGH_RISK)
        expect(route.locator("select[data-place]")).to_have_value(place)
    finally:
        context.close()


def test_the_place_chosen_stays_for_the_next_page_and_start_over_forgets_it(page):
    cat = catalogue()
    reach_safety_page(page, safety.DANGER_PAUSE)
    step = page.locator('[data-step="%s"]' % safety.DANGER_PAUSE)
    step.locator("select[data-place]").select_option("au")
    step.get_by_role("button", name=cat.safety["danger_unsure"]["continue"]).click()
    expect_step(page, safety.DANGER_CONFIRM)
    confirm = page.locator('[data-step="%s"]' % safety.DANGER_CONFIRM)
    expect(confirm.locator("select[data-place]")).to_have_value("au")
    expect(confirm.locator(".emergency-card .call-button")).to_have_attribute(
        "href", "tel:" + cat.country("au")["emergency_tel"])
    confirm.get_by_role("button", name=cat.safety["danger_unsure"]["confirm"]["confirm"]).click()
    expect_step(page, safety.GUIDE)
    page.get_by_role("button", name=cat.wizard["buttons"]["back"]).locator("visible=true").click()
    expect_step(page, safety.DANGER_CONFIRM)
    page.locator('[data-step="danger-confirm"] [data-action="help-back"]').click()
    expect_step(page, safety.DANGER_PAUSE)
    page.evaluate("document.dispatchEvent(new Event('doorway:wipe'))")
    expect_step(page, "welcome")
    expect(page.locator("[data-help-top] *")).to_have_count(0)
    reach_safety_page(page, safety.UNSURE_PAGE)
    expect(page.locator('[data-step="unsure"] select[data-place]')).to_have_value("uk:england")


# The partner's page ---------------------------------------------------------

def invitation(cat):
    return "invite/#" + link.plain_token(link.INVITE, link.encode_invite(cat, "trial", ["cost"]))


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
def test_the_partner_page_opens_help_in_place(page, by_keyboard):
    cat = catalogue()
    line = cat.safety["partner_line"]
    open_page(page, invitation(cat))
    expect(page.locator("#app")).to_have_attribute("data-view", "invitation")
    quiet = page.locator("[data-quiet-help]")
    expect(quiet).to_contain_text(line["text"])
    button = quiet.locator('[data-action="quiet-help"]')
    expect(button).to_have_text(line["open"])
    expect(button).to_have_attribute("aria-expanded", "false")
    panel = page.locator("#" + button.get_attribute("aria-controls"))
    expect(panel).to_be_hidden()
    url = page.url
    history = page.evaluate("history.length")
    press(page, by_keyboard, button)
    expect(panel).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_have_text(line["close"])
    if by_keyboard:
        expect(button).to_be_focused()
    expect(panel.locator("select[data-place]")).to_have_value("uk:england")
    expect(panel.locator(".emergency-card .call-button")).to_be_visible()
    check_numbers(panel, cat, "uk", "england")
    panel.locator("select[data-place]").select_option("ie")
    expect(panel.locator(".emergency-card .call-button")).to_have_attribute(
        "href", "tel:" + cat.country("ie")["emergency_tel"])
    check_numbers(panel, cat, "ie")
    # in place: same address, same history, no other page
    assert page.url == url
    assert page.evaluate("history.length") == history
    assert len(page.context.pages) == 1
    # the help sits near the end of the page, after the reply form
    assert box(panel)["y"] > box(page.locator(".reply-form"))["y"]
    press(page, by_keyboard, button)
    expect(panel).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_text(line["open"])


# The footer's help on pages that hold answers ---------------------------------

@pytest.mark.parametrize("path, by_keyboard", [("./", False), ("./", True), ("reply/", False)],
                         ids=["wizard-mouse", "wizard-keyboard", "reply-mouse"])
def test_the_footer_help_draws_one_place_only_when_opened(page, path, by_keyboard):
    cat = catalogue()
    open_page(page, path)
    help_box = page.locator("#safe-help")
    # Cheap: the page carries no number until someone opens the help.
    expect(page.locator('a[href^="tel:"], a[href^="sms:"]')).to_have_count(0)
    expect(help_box.locator(".help-waiting")).to_be_hidden()  # closed
    url = page.url
    history = page.evaluate("history.length")
    press(page, by_keyboard, page.locator('.footer a[href="#safe-help"]'))
    expect(help_box).to_have_attribute("open", "")
    picker = help_box.locator("select[data-place]")
    expect(picker).to_have_value("uk:england")
    emergency = help_box.locator(".emergency-card .call-button")
    expect(emergency).to_be_visible()
    expect(help_box.locator(".help-waiting")).to_be_hidden()  # the numbers are here
    assert box(emergency)["height"] >= MIN_TARGET
    check_numbers(help_box, cat, "uk", "england")
    if by_keyboard:
        tab_to(page, picker)
        page.keyboard.press("End")  # the last place: somewhere else
        expect(picker).to_have_value(safety.ELSEWHERE)
        expect(picker).to_be_focused()
        expect(help_box.locator('[data-help-line="directory"]')).to_be_visible()
        check_numbers(help_box, cat, safety.ELSEWHERE)
    else:
        picker.select_option("nz")
        expect(emergency).to_have_attribute("href", "tel:" + cat.country("nz")["emergency_tel"])
        check_numbers(help_box, cat, "nz")
    # In place: the same address and history, no other tab, one place's cards.
    assert page.url == url
    assert page.evaluate("history.length") == history
    assert len(page.context.pages) == 1
    expect(help_box.locator(".emergency-card")).to_have_count(
        0 if by_keyboard else 1)
    # Closed and opened again: the place chosen is still shown.
    help_box.locator("summary").click()
    expect(help_box).not_to_have_attribute("open", "")
    help_box.locator("summary").click()
    expect(picker).to_have_value(safety.ELSEWHERE if by_keyboard else "nz")
    if path == "./" and not by_keyboard:
        # Starting over on the wizard's safety route empties the route's own
        # help, not the footer's, which stays open on the place chosen there.
        page.get_by_role("button", name=cat.wizard["welcome"]["start"]).click()
        expect_step(page, "safety")
        answer_safety(page, {"afraid": "yes"})
        expect_step(page, safety.SAFETY_ROUTE)
        route = page.locator('[data-step="%s"]' % safety.SAFETY_ROUTE)
        expect(route.locator(".emergency-card")).to_have_count(1)
        route.locator('[data-action="restart"]').click()
        expect(route.locator(".emergency-card")).to_have_count(0)
        expect(help_box).to_have_attribute("open", "")
        expect(picker).to_have_value("nz")
        expect(help_box.locator(".emergency-card")).to_have_count(1)


# Saved plans -------------------------------------------------------------------

def test_the_saved_plan_note_comes_before_copy_print_download_and_the_script(page):
    cat = catalogue()
    walk_to_results(page, "hesitated", ["cost"])
    note = cat.safety["saved_plan_note"]["text"]
    actions = cat.guidance["actions"]
    plan_note = page.locator("#saved-plan-note")
    expect(plan_note).to_contain_text(note)
    for label in (actions["copy"], actions["print"], actions["download"],
                  actions["download_script"]):
        button = page.get_by_role("button", name=label, exact=True)
        expect(button).to_have_attribute("aria-describedby", "saved-plan-note")
        assert box(plan_note)["y"] < box(button)["y"]
    open_plan_parts(page, "script")
    script_note = page.locator("#saved-script-note")
    expect(script_note).to_contain_text(note)
    copy_script = page.get_by_role("button", name=actions["copy_script"])
    assert box(script_note)["y"] < box(copy_script)["y"]

