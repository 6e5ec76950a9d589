"""Sharing with the partner, clicked through in Chromium: invitation, passphrase, QR, reply.

The sender works in the ``page`` fixture. Everything the partner (or the
sender, receiving a reply) opens is opened in a fresh browser context, as on
another device, and every fresh context gets the same audit as the main one
(no foreign request, console error, uncaught error, dialog, CSP violation or
storage).
"""

import re

import pytest
from flows import (
    STEP_TIMEOUT,
    answer_safety,
    expect_step,
    make_invite,
    open_page,
    start,
    unlock,
    walk_to_results,
)
from playwright.sync_api import expect
from support import catalogue

from doorway.guide import link, qr

#: A note that tries everything the partner's page must show as plain text.
HOSTILE_NOTE = ('  Hi love,\n<b>x</b> <script type="mpy">import js\njs.window.__pwned = 1'
                '</script> <img src=x onerror="window.__pwned=2"> py-click="go" \u202eok\u200b'
                ' \U0001f600\xa0\n\n')


@pytest.fixture
def fresh(request, browser, browser_context_args, base_url, precache, audit):
    """Open a page in a new, empty browser context (another device), audited like ``page``.

    Each context gets its own instance of the audit class conftest.py applies
    to ``page``, checked (like that one) when a test has otherwise passed.
    """
    made = []

    def open_context():
        context = browser.new_context(**browser_context_args)
        made.append((context, type(audit)(context, base_url, precache)))
        return context.new_page()

    yield open_context
    call = getattr(request.node, "rep_call", None)
    problems = []
    for context, watcher in made:
        if call is not None and call.passed:
            problems.extend(watcher.check())
        context.close()
    assert not problems, "\n".join(problems)


def _headings(reason_ids):
    return [catalogue().reason(r)["partner"]["heading"] for r in reason_ids]


def _in_page_order(ids, entries):
    """``ids`` in the order the page lists them (the content's order), as checked boxes are."""
    return [entry["id"] for entry in entries if entry["id"] in ids]


def _texts(locator):
    return [locator.nth(i).text_content() for i in range(locator.count())]


def _open_link(page, url):
    """Open a link in a fresh tab the way a person would: paste it, wait for Python."""
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)


def _expect_plain_text(page, within):
    """Nothing from a note became markup, and nothing ran."""
    scope = page.locator(within)
    expect(scope.locator("b, img, [onerror], [py-click]")).to_have_count(0)
    assert page.locator("script:not([src])").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def _expect_invitation(partner, ask, reasons, note):
    cat = catalogue()
    expect(partner.locator("#app")).to_have_attribute("data-view", "invitation")
    article = partner.locator('[data-part="invitation"]')
    expect(article.get_by_role("heading", level=1)).to_be_focused()
    expect(article.locator("[data-concerns] h3")).to_have_text(_headings(reasons))
    expect(article.locator("[data-offer-name]")).to_have_text(cat.ask(ask)["name"])
    expect(article.locator("[data-offer-text]")).to_have_text(cat.ask(ask)["partner_offer"])
    if note:
        expect(article.locator("[data-note]")).to_have_js_property("textContent", note)
        expect(article.locator("[data-note-box]")).to_be_visible()
    else:
        expect(article.locator("[data-note-box]")).to_be_hidden()
    assert "#" not in partner.url, partner.url
    _expect_plain_text(partner, '[data-part="invitation"]')


def _set_concerns(page, reason_ids):
    for box in page.locator('input[name="share-reasons"]').all():
        box.set_checked(box.get_attribute("value") in reason_ids)


def test_an_invitation_arrives_exactly_as_previewed(page, fresh):
    cat = catalogue()
    chosen = _in_page_order(["blame", "cost", "privacy"], cat.reasons)
    shared = _in_page_order(["blame", "privacy"], cat.reasons)
    walk_to_results(page, "hesitated", chosen)
    preview = page.locator("[data-preview]")
    counter = page.locator("#share-note-count")
    # All chosen worries are ticked to start with, and the preview follows every change.
    expect(preview.locator("[data-concerns] h4")).to_have_text(_headings(chosen))
    _set_concerns(page, shared)
    expect(preview.locator("[data-concerns] h4")).to_have_text(_headings(shared))
    page.locator("#share-ask-consultation").check()
    expect(preview.locator("[data-offer-name]")).to_have_text(cat.ask("consultation")["name"])
    expect(preview.locator("[data-note-box]")).to_be_hidden()
    expect(counter).to_have_text("%d characters left" % cat.note_limit)

    note_box = page.locator("#share-note")
    note_box.fill("Hello")
    expect(preview.locator("[data-note]")).to_have_js_property("textContent", "Hello")
    expect(counter).to_have_text("%d characters left" % (cat.note_limit - 5))
    note_box.fill(HOSTILE_NOTE)
    shown = link.clean_note(HOSTILE_NOTE)
    assert shown != HOSTILE_NOTE and shown.endswith("\U0001f600\xa0")
    expect(preview.locator("[data-note]")).to_have_js_property("textContent", shown)
    expect(counter).to_have_text("%d characters left" % (cat.note_limit - len(shown)))
    _expect_plain_text(page, "[data-preview]")

    page.get_by_role("button", name="Make the link").click()
    result = page.locator("[data-share-result]")
    expect(result).to_be_visible(timeout=STEP_TIMEOUT)
    expect(page.locator("#share-link")).to_be_focused()
    url = page.locator("#share-link").input_value()
    assert url.startswith(page.url.split("#")[0] + "invite/#i1."), url

    # The sender's own link, read by the reference code, says what was chosen.
    token = url.split("#", 1)[1]
    assert link.decode_invite(cat, link.parse(token, link.INVITE).body) == {
        "ask": "consultation", "reasons": shared, "note": shown}

    partner = fresh()
    _open_link(partner, url)
    _expect_invitation(partner, "consultation", shared, shown)
    expect(partner.locator("[data-seal-option]")).to_be_hidden()


def test_a_protected_invitation_asks_for_its_passphrase(page, fresh):
    reasons = _in_page_order(["stigma", "doubts"], catalogue().reasons)
    walk_to_results(page, "said_no", reasons)
    url = make_invite(page, note="See you tonight <3", passphrase="blue door 42",
                      ask="trial")
    assert "/invite/#i1p." in url
    partner = fresh()
    _open_link(partner, url)
    app = partner.locator("#app")
    expect(app).to_have_attribute("data-view", "unlock")
    assert "#" not in partner.url
    form = partner.locator('[data-form="unlock"]')
    expect(form.get_by_role("heading", level=1)).to_be_focused()
    expect(partner.locator('[data-part="invitation"]')).to_be_hidden()
    expect(partner.get_by_text("See you tonight")).to_have_count(0)

    partner.get_by_role("button", name="Open").click()
    expect(form.locator("[data-error-summary]")).to_contain_text("Enter the passphrase")
    unlock(partner, "blue door 43")
    wrong = catalogue().partner["unlock"]["wrong"]
    expect(form.locator("[data-error-summary]")).to_contain_text(wrong, timeout=STEP_TIMEOUT)
    expect(form.locator("[data-error-summary]")).to_be_focused()
    expect(app).to_have_attribute("data-view", "unlock")
    unlock(partner, "blue door 42")
    expect(app).to_have_attribute("data-view", "invitation", timeout=STEP_TIMEOUT)
    _expect_invitation(partner, "trial", reasons, "See you tonight <3")
    expect(partner.locator("[data-seal-option]")).to_be_visible()
    expect(partner.locator("#passphrase")).to_have_value("")


def test_the_qr_code_draws_the_link(page):
    walk_to_results(page, "not_asked", ["time", "cost"])
    url = make_invite(page, note="Scan me 😀")
    figure = page.locator("[data-qr]")
    expect(figure).to_be_hidden()
    page.get_by_role("button", name="Show as a QR code").click()
    expect(figure).to_be_visible(timeout=STEP_TIMEOUT)
    code = qr.encode(url, "M")
    drawing = figure.locator("svg")
    expect(drawing).to_have_count(1)
    expect(drawing).to_have_attribute("viewBox", code.view_box())
    expect(drawing).to_have_attribute("role", "img")
    assert drawing.locator("path").get_attribute("d") == code.svg_path()
    # A new link replaces the code rather than adding a second one.
    url2 = make_invite(page, note="Another note")
    assert url2 != url
    expect(figure).to_be_hidden()
    page.get_by_role("button", name="Show as a QR code").click()
    expect(figure).to_be_visible()
    expect(figure.locator("svg")).to_have_count(1)
    expect(figure.locator("svg path")).to_have_attribute("d", qr.encode(url2, "M").svg_path())


def _reply(partner, options, note):
    for option in options:
        partner.locator("#reply-%s" % option).check()
    partner.locator("#reply-note").fill(note)
    partner.get_by_role("button", name="Make my reply link").click()
    expect(partner.locator("[data-reply-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    expect(partner.locator("#reply-link")).to_be_focused()
    return partner.locator("#reply-link").input_value()


def _expect_reply(page, options, note):
    cat = catalogue()
    options = _in_page_order(options, cat.reply_options)
    expect(page.locator("#app")).to_have_attribute("data-view", "received",
                                                   timeout=STEP_TIMEOUT)
    received = page.locator('[data-part="received"]')
    expect(received.get_by_role("heading", level=1)).to_be_focused()
    expect(received.locator("[data-said] li")).to_have_text(
        [cat.reply_option(o)["label"] for o in options])
    ideas = []
    for option in options:
        ideas.extend(cat.reply_option(option)["for_sender"])
    expect(received.locator("[data-next] li")).to_have_text(
        ideas + cat.partner["received"]["next"])
    expect(received.locator("[data-note]")).to_have_js_property("textContent", note)
    assert "#" not in page.url
    _expect_plain_text(page, '[data-part="received"]')


def test_the_partner_replies_and_the_sender_reads_it(page, fresh):
    walk_to_results(page, "postponing", ["time"])
    url = make_invite(page)
    partner = fresh()
    _open_link(partner, url)
    sent = link.decode_invite(catalogue(), link.parse(url.split("#", 1)[1], link.INVITE).body)
    _expect_invitation(partner, sent["ask"], ["time"], "")
    expect(partner.locator("[data-seal-option]")).to_be_hidden()

    # Nothing chosen: the reply says nothing, so it is not made.
    partner.get_by_role("button", name="Make my reply link").click()
    summary = partner.locator('[data-form="reply"] [data-error-summary]')
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(catalogue().partner["reply"]["options_error"])
    expect(partner.locator("[data-reply-result]")).to_be_hidden()
    expect(partner.locator("#reply-link")).to_have_value("")

    # A note over the limit is counted down, explained at the field, and not sent.
    limit = catalogue().note_limit
    partner.locator("#reply-online").check()
    partner.locator("#reply-note").fill("z" * (limit + 2))
    expect(partner.locator("#reply-note-count")).to_have_text("2 characters too many")
    partner.get_by_role("button", name="Make my reply link").click()
    expect(summary.locator("li")).to_have_text(["2 characters too many"])
    expect(partner.locator('[data-question="reply-note"] [data-field-error]'))\
        .to_have_text("2 characters too many")
    expect(partner.locator("[data-reply-result]")).to_be_hidden()
    partner.locator("#reply-note").fill("z" * limit)
    expect(partner.locator("#reply-note-count")).to_have_text("0 characters left")
    partner.locator("#reply-online").uncheck()

    note = "Only online, please.\n<b>not bold</b> \u202eok"
    reply_url = _reply(partner, ["online", "call_first"], note)
    assert reply_url.startswith(url.split("invite/#")[0] + "reply/#r1."), reply_url
    expect(summary).to_be_hidden()

    sender = fresh()
    _open_link(sender, reply_url)
    _expect_reply(sender, ["online", "call_first"], note)


def test_a_protected_invitation_gets_a_protected_reply(page, fresh):
    walk_to_results(page, "hesitated", ["privacy"])
    url = make_invite(page, note="x", passphrase="kitchen table")
    partner = fresh()
    _open_link(partner, url)
    unlock(partner, "kitchen table")
    expect(partner.locator("#app")).to_have_attribute("data-view", "invitation",
                                                      timeout=STEP_TIMEOUT)
    seal = partner.get_by_label("Protect my reply with the same passphrase")
    expect(seal).to_be_visible()
    expect(seal).to_be_checked()
    sealed_url = _reply(partner, ["later"], "Ask me in June")
    assert "/reply/#r1p." in sealed_url
    seal.uncheck()
    partner.get_by_role("button", name="Make my reply link").click()
    expect(partner.locator("#reply-link")).to_have_value(
        re.compile(r"/reply/#r1\.[A-Za-z0-9_-]+$"), timeout=STEP_TIMEOUT)

    sender = fresh()
    _open_link(sender, sealed_url)
    expect(sender.locator("#app")).to_have_attribute("data-view", "unlock")
    assert "#" not in sender.url
    unlock(sender, "kitchen")
    expect(sender.locator('[data-form="unlock"] [data-error-summary]')).to_contain_text(
        catalogue().partner["unlock"]["wrong"], timeout=STEP_TIMEOUT)
    unlock(sender, "kitchen table")
    _expect_reply(sender, ["later"], "Ask me in June")


def test_limits_are_explained_and_nothing_is_made(page):
    cat = catalogue()
    walk_to_results(page, "not_asked", ["fine"])
    note = page.locator("#share-note")
    counter = page.locator("#share-note-count")
    note.fill("y" * (cat.note_limit + 3))
    expect(counter).to_have_text("3 characters too many")
    page.locator("#share-passphrase").fill("abc12")
    page.get_by_role("button", name="Make the link").click()
    summary = page.locator('[data-form="share"] [data-error-summary]')
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("li")).to_have_text([
        "3 characters too many", cat.partner["share"]["passphrase_error"]])
    expect(page.locator('[data-question="share-note"] [data-field-error]'))\
        .to_have_text("3 characters too many")
    expect(page.locator('[data-question="share-passphrase"] [data-field-error]'))\
        .to_have_text(cat.partner["share"]["passphrase_error"])
    expect(page.locator("[data-share-result]")).to_be_hidden()
    expect(page.locator("#share-link")).to_have_value("")

    # Leading and trailing spaces do not count; a note at the limit is fine.
    note.fill("   " + "y" * cat.note_limit + "\n ")
    expect(counter).to_have_text("0 characters left")
    page.get_by_role("button", name="Make the link").click()
    expect(summary.locator("li")).to_have_text([cat.partner["share"]["passphrase_error"]])
    expect(page.locator("[data-share-result]")).to_be_hidden()
    page.locator("#share-passphrase").fill("abc123")
    page.get_by_role("button", name="Make the link").click()
    expect(page.locator("[data-share-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    expect(summary).to_be_hidden()
    assert "#i1p." in page.locator("#share-link").input_value()


def test_a_typical_full_link_is_short(page):
    cat = catalogue()
    reasons = _in_page_order(["blame", "worse", "cost"], cat.reasons)
    walk_to_results(page, "said_no", reasons)
    sentence = ("I have been thinking about us, and I would really like us to try this "
                "together. Take your time and tell me what you honestly think. ")
    note = (sentence * 3)[:cat.note_limit].strip()
    assert len(note) >= cat.note_limit - 1
    url = make_invite(page, note=note, reasons=reasons)
    assert len(url) < 600, (len(url), url)
    token = url.split("#", 1)[1]
    invite = link.decode_invite(cat, link.parse(token, link.INVITE).body)
    assert invite["reasons"] == reasons and invite["note"] == note


def test_share_is_not_offered_on_the_safety_route(page):
    start(page)
    answer_safety(page, {"control": "yes"})
    expect_step(page, "safety-route")
    for hidden_part in ("#section-share", '[data-form="share"]', "#share-link",
                        "[data-script-lines]", "[data-preview]"):
        expect(page.locator(hidden_part)).to_have_count(0)
    expect(page.locator("[data-results]")).to_be_empty()
    expect(page.get_by_text(catalogue().partner["share"]["heading"])).to_have_count(0)
    expect(page.get_by_text(catalogue().script["tones_legend"])).to_have_count(0)


def test_the_partner_page_without_a_link_explains_itself(page):
    open_page(page, "invite/")
    expect(page.locator("#app")).to_have_attribute("data-view", "link-error")
    expect(page.locator("[data-error-reason]")).to_have_text(
        catalogue().partner["link_error"]["empty"])
    expect(page.get_by_role("heading", level=1)).to_be_focused()


def test_a_second_link_pasted_into_the_same_tab_is_read_too(page):
    """Only the fragment changes, so the page is not reloaded: it must still read it."""
    open_page(page, "invite/#i1.AAIBAQ")
    app = page.locator("#app")
    expect(app).to_have_attribute("data-view", "invitation")
    page.goto("invite/#i1.broken")
    expect(app).to_have_attribute("data-view", "link-error")
    page.goto("invite/#i1.AAIBAQ")
    expect(app).to_have_attribute("data-view", "invitation")
    assert "#" not in page.url
