"""Sharing with the partner, clicked through in Chromium: the share step, the
partner's page, the one-choice reply and the sender's page, by mouse and by
keyboard.

The sender works in the ``page`` fixture. Everything the partner (or the
sender, receiving a reply) opens is opened in a fresh browser context, as on
another device, and every fresh context gets the same audit as the main one
(no foreign request, console error, uncaught error, dialog, CSP violation or
storage).
"""

import os
import re
from pathlib import Path

import pytest
from flows import (
    STEP_TIMEOUT,
    catalogue,
    invite_words,
    make_invite,
    reply,
    unlock,
    walk_to_results,
)
from playwright.sync_api import expect

from doorway.guide import link, qr, sharing
from doorway.guide.views import partner as partner_views

#: A note that tries everything the partner's page must show as plain text.
HOSTILE_NOTE = ('  Hi love,\n<b>x</b> <script type="mpy">import js\njs.window.__pwned = 1'
                '</script> <img src=x onerror="window.__pwned=2"> py-click="go" \u202eok\u200b'
                ' \U0001f600\xa0\n\n')


@pytest.fixture
def fresh(request, browser, browser_context_args, base_url, precache, audit):
    """Open a page in a new, empty browser context (another device), audited like ``page``.

    Each context gets its own instance of the audit class conftest.py applies
    to ``page``, checked (like that one) when a test has otherwise passed.
    ``fresh(**extra)`` passes extra context arguments (a viewport, a touch screen).
    """
    made = []

    def open_context(**extra):
        context = browser.new_context(**dict(browser_context_args, **extra))
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


def _in_page_order(ids, entries):
    """``ids`` in the order the page lists them (the content's order), as checked boxes are."""
    return [entry["id"] for entry in entries if entry["id"] in ids]


def _questions(reason_ids):
    """The questions the partner's page folds, in its order, for these worries."""
    cat = catalogue()
    return ([cat.reason(r)["partner"]["heading"] for r in reason_ids]
            + [q["question"] for q in partner_views.general_questions(cat, reason_ids)])


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


def _expect_invitation(partner, ask, reasons, note, sender=""):
    """The partner's page: who it is from, the note (or the default), the step, the
    reply choices, then the questions folded."""
    cat = catalogue()
    expect(partner.locator("#app")).to_have_attribute("data-view", "invitation",
                                                      timeout=STEP_TIMEOUT)
    article = partner.locator('[data-part="invitation"]')
    heading = article.get_by_role("heading", level=1)
    expect(heading).to_be_focused()
    expect(heading).to_have_text(partner_views.from_line(cat, sender))
    if note:
        expect(article.locator("[data-note]")).to_have_js_property("textContent", note)
        expect(article.locator("[data-default-note]")).to_have_count(0)
    else:
        expect(article.locator("[data-default-note] p")).to_have_text(
            cat.partner["default_note"])
    offer = partner_views.offer_of(cat, ask)
    expect(article.locator("[data-offer-text]")).to_have_text(offer["step"])
    expect(article.locator("[data-offer]")).to_contain_text(offer["cost"])
    expect(article.locator('input[name="reply-choice"]')).to_have_count(len(cat.reply_choices))
    expect(article.locator(".questions summary")).to_have_text(_questions(reasons))
    expect(article.locator("details.fold[open]")).to_have_count(0)
    assert "#" not in partner.url, partner.url
    _expect_plain_text(partner, '[data-part="invitation"]')


def _wait_for_words(page):
    button = page.get_by_role("button", name=catalogue().partner["share"]["new_words"])
    expect(button).to_be_enabled(timeout=STEP_TIMEOUT)
    return page.locator("[data-words]").text_content().split()


def test_the_share_step_starts_with_no_worry_ticked_and_seals_with_four_words(page, fresh):
    cat = catalogue()
    text = cat.partner["share"]
    chosen = _in_page_order(["blame", "cost", "privacy"], cat.reasons)
    shared = _in_page_order(["blame", "privacy"], cat.reasons)
    walk_to_results(page, "hesitated", chosen)
    boxes = page.locator('input[name="share-reasons"]')
    expect(boxes).to_have_count(3)
    for i in range(3):
        expect(boxes.nth(i)).not_to_be_checked()
    expect(page.get_by_text(text["concerns_hint"])).to_be_visible()
    preview = page.locator("[data-preview]")
    expect(preview.locator("[data-preview-questions] li")).to_have_text(_questions([]))
    expect(preview.locator("[data-default-note] p")).to_have_text(cat.partner["default_note"])

    # Sealing with four generated words is the default; another set replaces them.
    expect(page.get_by_label(text["words_label"])).to_be_checked()
    first = _wait_for_words(page)
    assert len(first) == 4 and all(re.fullmatch("[a-z-]+", w) for w in first), first
    page.get_by_role("button", name=text["new_words"]).click()
    expect(page.locator("[data-words]")).not_to_have_text(" ".join(first))
    words = page.locator("[data-words]").text_content().split()

    # The preview follows every change: name, worries, step and note.
    page.get_by_label(text["sender_label"]).fill("Kim <i>")
    for reason in shared:
        page.locator("#share-reason-%s" % reason).check()
    page.locator("#share-ask-consultation").check()
    page.locator("#share-note").fill(HOSTILE_NOTE)
    shown = link.clean_note(HOSTILE_NOTE)
    expect(preview.locator("[data-from]")).to_have_text(
        partner_views.from_line(cat, "Kim <i>"))
    expect(preview.locator("[data-note]")).to_have_js_property("textContent", shown)
    expect(preview.locator("[data-offer-text]")).to_have_text(
        partner_views.offer_of(cat, "consultation")["step"])
    expect(preview.locator("[data-preview-questions] li")).to_have_text(_questions(shared))
    _expect_plain_text(page, "[data-preview]")

    page.get_by_role("button", name=text["make"]).click()
    result = page.locator("[data-share-result]")
    expect(result).to_be_visible(timeout=STEP_TIMEOUT)
    expect(page.locator("#share-link")).to_be_focused()
    url = page.locator("#share-link").input_value()
    assert url.startswith(page.url.split("#")[0] + "invite/#i2p."), url
    assert invite_words(page) == " ".join(words)
    for word in [*words, "Kim", "Hi love"]:
        assert word not in url

    partner = fresh()
    _open_link(partner, url)
    expect(partner.locator("#app")).to_have_attribute("data-view", "unlock")
    # Capitals and spaces do not matter in the standard form.
    unlock(partner, "  " + "".join(words).upper() + " ")
    _expect_invitation(partner, "consultation", shared, shown, "Kim <i>")
    expect(partner.locator("[data-seal-option]")).to_be_visible()


def test_a_passphrase_of_ones_own_can_be_shown_and_must_be_long_enough(page, fresh):
    cat = catalogue()
    text = cat.partner["share"]
    walk_to_results(page, "said_no", ["stigma"])
    _wait_for_words(page)
    page.get_by_label(text["own_label"]).check()
    field = page.locator("#share-passphrase")
    expect(field).to_be_visible()
    expect(page.locator("[data-words]")).to_be_hidden()
    expect(field).to_have_attribute("type", "password")
    summary = page.locator('[data-form="share"] [data-error-summary]')

    page.get_by_role("button", name=text["make"]).click()
    expect(summary.locator("li")).to_have_text([text["passphrase_empty"]])
    expect(summary).to_be_focused()
    field.fill("Short Words 12")  # 12 letters and numbers: spaces do not count
    page.get_by_role("button", name=text["make"]).click()
    expect(summary.locator("li")).to_have_text([text["passphrase_error"]])
    expect(page.locator('[data-question="share-passphrase"] [data-field-error]'))\
        .to_have_text(text["passphrase_error"])
    expect(page.locator("[data-share-result]")).to_be_hidden()

    show = page.get_by_role("button", name=cat.partner["show_passphrase"])
    show.click()
    expect(field).to_have_attribute("type", "text")
    hide = page.get_by_role("button", name=cat.partner["hide_passphrase"])
    hide.click()
    expect(field).to_have_attribute("type", "password")

    # "Café" typed decomposed, with capitals and spaces, opens with its composed form.
    field.fill("Cafe\u0301 Window Seven Otter")
    page.get_by_role("button", name=text["make"]).click()
    expect(page.locator("[data-share-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    expect(summary).to_be_hidden()
    url = page.locator("#share-link").input_value()
    assert "#i2p." in url
    expect(page.locator("[data-say-words]")).to_be_hidden()

    partner = fresh()
    _open_link(partner, url)
    form = partner.locator('[data-form="unlock"]')
    expect(form.get_by_role("heading", level=1)).to_be_focused()
    partner.get_by_role("button", name=cat.partner["unlock"]["submit"], exact=True).click()
    expect(form.locator("[data-error-summary]")).to_contain_text(cat.partner["unlock"]["empty"])
    unlock(partner, "cafe window seven otter")
    expect(form.locator("[data-error-summary]")).to_contain_text(
        cat.partner["unlock"]["wrong"], timeout=STEP_TIMEOUT)
    unlock(partner, "caf\u00e9windowseven otter")
    _expect_invitation(partner, "trial" if False else _sent_ask(page), [], "")
    expect(partner.locator("#passphrase")).to_have_value("")
    expect(partner.locator("#passphrase")).to_have_attribute("type", "password")


def _sent_ask(page):
    checked = page.locator('input[name="share-ask"]:checked')
    return checked.get_attribute("value")


def test_a_plain_link_warns_and_opens_without_a_passphrase(page, fresh):
    cat = catalogue()
    text = cat.partner["share"]
    walk_to_results(page, "postponing", ["time"])
    warning = page.get_by_text(text["plain_warning"])
    expect(warning).to_be_hidden()
    page.get_by_label(text["plain_label"]).check()
    expect(warning).to_be_visible()
    url = make_invite(page, note="Plain and simple", reasons=["time"], plain=True)
    assert re.search(r"/invite/#i2\.[A-Za-z0-9_-]+$", url), url
    expect(page.locator("[data-say-words]")).to_be_hidden()
    partner = fresh()
    _open_link(partner, url)
    _expect_invitation(partner, _sent_ask(page), ["time"], "Plain and simple")
    expect(partner.locator("[data-seal-option]")).to_be_hidden()
    expect(partner.get_by_text(cat.partner["reply"]["plain_hint"])).to_be_visible()


def test_without_web_crypto_only_a_plain_link_is_offered_and_why(page, fresh):
    """A page opened over plain http from another device has no Web Crypto."""
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: false});")
    cat = catalogue()
    text = cat.partner["share"]
    walk_to_results(page, "hesitated", ["cost"])
    expect(page.locator("[data-no-seal]")).to_contain_text(text["no_seal"])
    expect(page.locator("[data-no-seal]")).to_contain_text(text["plain_warning"])
    expect(page.locator('input[name="share-protect"]')).to_have_count(0)
    expect(page.locator("#share-passphrase")).to_have_count(0)
    page.get_by_role("button", name=text["make"]).click()
    expect(page.locator("[data-share-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    url = page.locator("#share-link").input_value()
    assert "/invite/#i2." in url, url
    partner = fresh()
    _open_link(partner, url)
    _expect_invitation(partner, _sent_ask(page), [], "")


def test_a_link_can_be_shown_as_a_qr_code_or_copied(page):
    cat = catalogue()
    text = cat.partner["share"]
    walk_to_results(page, "not_asked", ["time", "cost"])
    url = make_invite(page, note="Scan me 😀")
    assert sharing.qr_fits(url)
    figure = page.locator("[data-qr]")
    expect(figure).to_be_hidden()
    expect(page.get_by_text(text["qr_too_long"])).to_be_hidden()
    page.get_by_role("button", name=text["qr_show"]).click()
    expect(figure).to_be_visible(timeout=STEP_TIMEOUT)
    code = qr.encode(url, sharing.QR_LEVEL)
    drawing = figure.locator("svg")
    expect(drawing).to_have_count(1)
    expect(drawing).to_have_attribute("viewBox", code.view_box())
    assert drawing.locator("path").get_attribute("d") == code.svg_path()

    # Copy puts exactly the link on the clipboard.
    page.get_by_role("button", name=text["copy"]).click()
    expect(page.locator("[data-copy-status]")).to_have_text(text["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == url

    # A new link replaces the code rather than adding a second one.
    url2 = make_invite(page, note="Another note")
    assert url2 != url
    expect(figure).to_be_hidden()
    page.get_by_role("button", name=text["qr_show"]).click()
    expect(figure.locator("svg")).to_have_count(1)
    expect(figure.locator("svg path")).to_have_attribute(
        "d", qr.encode(url2, sharing.QR_LEVEL).svg_path())
    # Only a very long site address makes a link too long to scan (tests/logic/test_sharing.py);
    # until then the copy-only note stays hidden.
    expect(page.get_by_text(text["qr_too_long"])).to_be_hidden()


def test_send_opens_the_system_share_sheet_where_there_is_one(page, fresh):
    """``navigator.share`` stands in for a phone's share sheet: it records what it got."""
    sheet = ("Object.defineProperty(navigator, 'share', {value: (data) => {"
             " window.__shared = data.url; return Promise.resolve(); }});")
    cat = catalogue()
    walk_to_results(page, "hesitated", ["cost"])
    url = make_invite(page, plain=True)
    # Headless Chromium here has no share sheet: copy only.
    expect(page.get_by_role("button", name=cat.partner["share"]["send"])).to_be_hidden()

    phone = fresh()
    phone.add_init_script(sheet)
    _open_link(phone, url)
    reply_url = reply(phone, "yes", "")
    phone.get_by_role("button", name=cat.partner["reply"]["send"]).click()
    phone.wait_for_function("window.__shared !== undefined")
    assert phone.evaluate("window.__shared") == reply_url
    expect(phone.locator("[data-reply-status]")).not_to_have_text(
        cat.partner["share"]["send_failed"])


# The one-choice reply -------------------------------------------------------------

#: Every kind of answer: (choice, conditions, period, note).
ANSWERS = [
    (None, [], None, "Only a note <b>this time</b>."),
    ("yes", [], None, ""),
    ("yes_if", ["choose_together", "online"], None, "Let's pick together."),
    ("not_yet", [], "month", ""),
    ("no", [], None, "Please respect this."),
]


def _said(reply_entry):
    cat = catalogue()
    choice, conditions, period, _ = reply_entry
    labels = [cat.reply_choice(choice)["label"]] if choice else []
    labels += [cat.reply_condition(c)["label"] for c in conditions]
    labels += [cat.reply_period(period)["label"]] if period else []
    return labels


def _ideas(reply_entry):
    cat = catalogue()
    choice, conditions, period, _ = reply_entry
    ideas = list(cat.reply_choice(choice)["for_sender"]) if choice else []
    for condition in conditions:
        ideas += cat.reply_condition(condition)["for_sender"]
    if period:
        ideas += cat.reply_period(period)["for_sender"]
    return ideas + cat.partner["received"]["next"]


def _expect_received(scope, entry):
    expect(scope.locator("[data-said] li")).to_have_text(_said(entry))
    expect(scope.locator("[data-next] li")).to_have_text(_ideas(entry))
    note = entry[3]
    if note:
        expect(scope.locator("[data-note]")).to_have_js_property("textContent", note)
    else:
        expect(scope.locator("[data-note-box]")).to_be_hidden()


def test_every_reply_choice_reaches_the_sender_exactly_as_previewed(page, fresh):
    cat = catalogue()
    text = cat.partner["reply"]
    walk_to_results(page, "hesitated", ["time"])
    url = make_invite(page, plain=True)
    partner = fresh()
    _open_link(partner, url)
    preview = partner.locator("[data-reply-preview]")
    summary = partner.locator('[data-form="reply"] [data-error-summary]')
    make = partner.get_by_role("button", name=text["make"])
    expect(preview).to_have_text(text["preview_empty"])

    # Neither a choice nor a note: nothing to send, and the page says so.
    make.click()
    expect(summary).to_be_focused()
    expect(summary.locator("li")).to_have_text([text["choice_error"]])
    expect(partner.locator("[data-reply-result]")).to_be_hidden()
    # A note over the limit is counted down and not sent.
    limit = cat.note_limit
    partner.locator("#reply-note").fill("z" * (limit + 2))
    expect(partner.locator("#reply-note-count")).to_have_text("2 characters too many")
    make.click()
    expect(summary.locator("li")).to_have_text(["2 characters too many"])
    expect(partner.locator("[data-reply-result]")).to_be_hidden()

    # What each choice lets the reader add shows only under that choice.
    yes_if = partner.locator('[data-conditional="yes_if"]')
    not_yet = partner.locator('[data-conditional="not_yet"]')
    expect(yes_if).to_be_hidden()
    expect(not_yet).to_be_hidden()
    links = []
    for entry in ANSWERS:
        choice, conditions, period, note = entry
        if choice:
            partner.locator("#reply-%s" % choice).check()
        expect(yes_if).to_be_visible(visible=choice == "yes_if")
        expect(not_yet).to_be_visible(visible=choice == "not_yet")
        for condition in conditions:
            partner.locator("#reply-if-%s" % condition).check()
        if period:
            partner.locator("#reply-in-%s" % period).check()
        partner.locator("#reply-note").fill(note)
        _expect_received(preview, entry)
        make.click()
        expect(partner.locator("[data-reply-result]")).to_be_visible(timeout=STEP_TIMEOUT)
        expect(partner.locator("#reply-link")).to_be_focused()
        expect(summary).to_be_hidden()
        links.append(partner.locator("#reply-link").input_value())
        assert re.search(r"/reply/#r2\.[A-Za-z0-9_-]+$", links[-1]), links[-1]
    # Conditions ticked under "yes, if" do not travel with a later "no".
    assert len(set(links)) == len(links)

    sender = fresh()
    for entry, reply_url in zip(ANSWERS, links, strict=True):
        sender.goto("about:blank")
        _open_link(sender, reply_url)
        expect(sender.locator("#app")).to_have_attribute("data-view", "received")
        received = sender.locator('[data-part="received"]')
        expect(received.get_by_role("heading", level=1)).to_be_focused()
        _expect_received(received, entry)
        only_note = received.locator("[data-only-note]")
        expect(only_note).to_have_count(0 if entry[0] else 1)
        assert "#" not in sender.url
        _expect_plain_text(sender, '[data-part="received"]')


def test_a_sealed_invitation_gets_a_sealed_reply_unless_unticked(page, fresh):
    cat = catalogue()
    walk_to_results(page, "hesitated", ["privacy"])
    url = make_invite(page, note="x", reasons=["privacy"])
    words = invite_words(page)
    partner = fresh()
    _open_link(partner, url)
    words_for = cat.partner["unlock"]
    # The partner was told the passphrase; the sender chose it (below).
    expect(partner.locator("[data-unlock-intro]")).to_have_text(words_for["intro"])
    unlock(partner, words)
    _expect_invitation(partner, _sent_ask(page), ["privacy"], "x")
    seal = partner.get_by_label(cat.partner["reply"]["seal_label"])
    expect(seal).to_be_checked()
    sealed_url = reply(partner, "not_yet", "Ask me in June", period="three_months")
    assert "/reply/#r2p." in sealed_url
    seal.uncheck()
    partner.get_by_role("button", name=cat.partner["reply"]["make"]).click()
    expect(partner.locator("#reply-link")).to_have_value(
        re.compile(r"/reply/#r2\.[A-Za-z0-9_-]+$"), timeout=STEP_TIMEOUT)

    sender = fresh()
    _open_link(sender, sealed_url)
    expect(sender.locator("#app")).to_have_attribute("data-view", "unlock")
    assert "#" not in sender.url
    expect(sender.locator("[data-unlock-intro]")).to_have_text(words_for["reply_intro"])
    unlock(sender, words.split()[0])
    expect(sender.locator('[data-form="unlock"] [data-error-summary]')).to_contain_text(
        words_for["reply_wrong"], timeout=STEP_TIMEOUT)
    unlock(sender, words)
    expect(sender.locator("#app")).to_have_attribute("data-view", "received",
                                                     timeout=STEP_TIMEOUT)
    _expect_received(sender.locator('[data-part="received"]'),
                     ("not_yet", [], "three_months", "Ask me in June"))


# A pasted link ----------------------------------------------------------------------

def test_a_pasted_link_opens_without_ever_entering_the_address(page, fresh):
    cat = catalogue()
    paste = cat.partner["paste"]
    walk_to_results(page, "said_no", ["cost"])
    url = make_invite(page, note="Pasted, not opened", reasons=["cost"])
    words = invite_words(page)

    partner = fresh()
    _open_link(partner, "invite/")
    app = partner.locator("#app")
    expect(app).to_have_attribute("data-view", "paste")
    expect(partner.get_by_role("heading", level=1)).to_have_text(paste["heading"])
    expect(partner.get_by_role("heading", level=1)).to_be_focused()
    field = partner.get_by_label(paste["label"])
    expect(field).to_have_attribute("maxlength", str(link.TOKEN_CAPS[link.INVITE] + 512))
    partner.get_by_role("button", name=paste["submit"], exact=True).click()
    expect(partner.locator('[data-form="paste"] [data-error-summary]')).to_contain_text(
        paste["empty"])
    # A messaging app may have wrapped the link over two lines.
    field.fill(url[:40] + "\n" + url[40:])
    partner.get_by_role("button", name=paste["submit"], exact=True).click()
    expect(app).to_have_attribute("data-view", "unlock")
    unlock(partner, words)
    _expect_invitation(partner, _sent_ask(page), ["cost"], "Pasted, not opened")
    assert partner.url.endswith("/invite/"), partner.url
    history = partner.evaluate("history.length")

    # "Open another link" forgets this one: the paste view again, every field empty.
    partner.get_by_role("button", name=paste["another"]).click()
    expect(app).to_have_attribute("data-view", "paste")
    expect(field).to_have_value("")
    expect(partner.locator("[data-note]")).to_have_count(0)
    assert partner.evaluate("history.length") == history


def test_a_reply_token_pasted_on_the_reply_page_and_a_bad_paste(page, fresh):
    cat = catalogue()
    paste = cat.partner["paste"]
    walk_to_results(page, "hesitated", ["cost"])
    url = make_invite(page, plain=True)
    partner = fresh()
    _open_link(partner, url)
    reply_url = reply(partner, "yes", "See you there")

    sender = fresh()
    _open_link(sender, "reply/")
    app = sender.locator("#app")
    field = sender.get_by_label(paste["label"])
    # Pasted for real: boot.js refuses text longer than the field before Python reads it.
    too_long = "r2." + "A" * (link.TOKEN_CAPS[link.REPLY] + 600)
    sender.evaluate("(text) => navigator.clipboard.writeText(text)", too_long)
    field.focus()
    sender.keyboard.press("ControlOrMeta+V")
    expect(app).to_have_attribute("data-view", "link-error")
    expect(sender.locator("[data-error-reason]")).to_have_text(
        cat.partner["link_error"]["too_long"])
    # The error view offers the paste field again: a token alone is enough.
    field = sender.locator('[data-part="link-error"]').get_by_label(paste["label"])
    field.fill(reply_url.split("#", 1)[1])
    sender.get_by_role("button", name=paste["submit"], exact=True).click()
    expect(app).to_have_attribute("data-view", "received", timeout=STEP_TIMEOUT)
    _expect_received(sender.locator('[data-part="received"]'), ("yes", [], None, "See you there"))
    assert sender.url.endswith("/reply/")
    # An invitation pasted on the reply page belongs elsewhere.
    sender.get_by_role("button", name=paste["another"]).click()
    sender.get_by_label(paste["label"]).fill(url)
    sender.get_by_role("button", name=paste["submit"], exact=True).click()
    expect(sender.locator("[data-error-reason]")).to_have_text(
        cat.partner["link_error"]["wrong_page"])


# Keyboard only ------------------------------------------------------------------------

def _tab_to(page, selector, limit=80):
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached %s" % selector)


def test_share_reply_and_read_by_keyboard_only(page, fresh):
    cat = catalogue()
    text = cat.partner["share"]
    walk_to_results(page, "hesitated", ["blame", "cost"])
    _wait_for_words(page)
    page.locator("#share-heading").focus()
    _tab_to(page, "#share-sender")
    page.keyboard.type("Robin")
    _tab_to(page, "#share-reason-cost")
    page.keyboard.press("Space")
    _tab_to(page, "#share-note")
    page.keyboard.type("Tea on Sunday?")
    _tab_to(page, "#share-protect-words")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#share-protect-own")).to_be_checked()
    _tab_to(page, "#share-passphrase")
    page.keyboard.type("Purple Otter Window Rain")
    page.keyboard.press("Tab")
    expect(page.locator('[data-action="toggle-secret"]')).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#share-passphrase")).to_have_attribute("type", "text")
    page.keyboard.press("Enter")
    expect(page.locator("#share-passphrase")).to_have_attribute("type", "password")
    _tab_to(page, '[data-form="share"] button[type=submit]')
    page.keyboard.press("Enter")
    expect(page.locator("[data-share-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    expect(page.locator("#share-link")).to_be_focused()
    url = page.locator("#share-link").input_value()
    assert "#i2p." in url
    _tab_to(page, '[data-action="copy-link"]')
    page.keyboard.press("Enter")
    expect(page.locator("[data-copy-status]")).to_have_text(text["copied"])
    _tab_to(page, '[data-action="show-qr"]')
    page.keyboard.press("Enter")
    expect(page.locator("[data-qr] svg")).to_be_visible()
    # "Cover your tracks" opens in place, here on the share step.
    _tab_to(page, '[data-share-result] a[href="#cover-tracks"]')
    page.keyboard.press("Enter")
    expect(page.locator("#cover-tracks")).to_have_attribute("open", "")
    expect(page.locator("#cover-tracks")).to_be_in_viewport()

    partner = fresh()
    _open_link(partner, url)
    expect(partner.locator('[data-form="unlock"] h1')).to_be_focused()
    partner.keyboard.press("Tab")
    expect(partner.locator("#passphrase")).to_be_focused()
    partner.keyboard.type("purple otter window rain")
    partner.keyboard.press("Enter")
    _expect_invitation(partner, _sent_ask(page), ["cost"], "Tea on Sunday?", "Robin")
    _tab_to(partner, 'input[name="reply-choice"]')
    expect(partner.locator("#reply-yes")).to_be_focused()
    partner.keyboard.press("ArrowDown")
    expect(partner.locator("#reply-yes_if")).to_be_checked()
    partner.keyboard.press("Tab")
    expect(partner.locator("#reply-if-choose_together")).to_be_focused()
    partner.keyboard.press("Space")
    _tab_to(partner, "#reply-note")
    partner.keyboard.type("Thank you for asking.")
    _tab_to(partner, '[data-form="reply"] button[type=submit]')
    partner.keyboard.press("Enter")
    expect(partner.locator("[data-reply-result]")).to_be_visible(timeout=STEP_TIMEOUT)
    expect(partner.locator("#reply-link")).to_be_focused()
    reply_url = partner.locator("#reply-link").input_value()
    # The question about this page's privacy opens "Cover your tracks" in place.
    private = partner.locator('[data-general="private"]')
    _tab_to(partner, '[data-general="private"] summary')
    partner.keyboard.press("Enter")
    expect(private).to_have_attribute("open", "")
    partner.keyboard.press("Tab")
    partner.keyboard.press("Enter")
    expect(partner.locator("#cover-tracks")).to_have_attribute("open", "")
    expect(partner.locator("#cover-tracks")).to_be_in_viewport()
    assert partner.url.endswith("/invite/")

    sender = fresh()
    _open_link(sender, reply_url)
    sender.keyboard.press("Tab")
    sender.keyboard.type("PurpleOtterWindowRain")
    sender.keyboard.press("Enter")
    expect(sender.locator("#app")).to_have_attribute("data-view", "received",
                                                     timeout=STEP_TIMEOUT)
    _expect_received(sender.locator('[data-part="received"]'),
                     ("yes_if", ["choose_together"], None, "Thank you for asking."))


# The first screen ---------------------------------------------------------------------

#: Three invitations a partner may get: (sender, ask, reasons, note).
INVITATIONS = [
    ("Sam", "consultation", ["blame"], "I love you and I want us to feel close again."),
    ("", "trial", ["cost", "time"], ""),
    ("Alex", "curiosity", ["worse", "stigma", "fine"],
     ("I know this is a big thing to ask. I am not blaming you, and I have my own part in "
      "how things have been. I would like us to find a way to talk without it turning into "
      "the same fight. Will you think about it, and tell me honestly how you feel?")),
]


@pytest.mark.parametrize("index", range(len(INVITATIONS)))
def test_the_first_screen_on_a_phone_holds_the_note_the_step_and_the_choices(
        page, fresh, index, tmp_path):
    sender, ask, reasons, note = INVITATIONS[index]
    cat = catalogue()
    body = link.encode_invite_v2(cat, ask, reasons, note, sender)
    phone = fresh(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    _open_link(phone, "invite/#" + link.plain_token(link.INVITE, body, link.V2))
    _expect_invitation(phone, ask, reasons, note, sender)
    for part in ("[data-from]", "[data-note-box]", "[data-offer]", "#reply-no"):
        expect(phone.locator(part)).to_be_in_viewport(ratio=1)
    # Calm on a phone: Quick exit first by keyboard, no Shift hint on a touch screen.
    expect(phone.locator("[data-quick-exit]")).to_be_in_viewport()
    expect(phone.locator(".exit-hint")).to_be_hidden()
    # DOORWAY_SCREENSHOTS=folder keeps the three first screens for a person to look at.
    folder = Path(os.environ.get("DOORWAY_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(folder / ("partner-first-screen-%d.png" % index)))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
