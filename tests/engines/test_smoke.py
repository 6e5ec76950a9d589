"""The main flows, in Chromium, WebKit and Firefox, through the shared flows.

Many people will open Doorway on an iPhone (every browser there is WebKit) or
in Firefox. Each test runs once per engine (see conftest.py) and says only
what a person does and must see; flows.py says how.
"""

import hostile_tokens
from driver import css
from flows import (
    answer_safety,
    choose_country,
    content,
    exit_and_go_back,
    expect_link_error,
    expect_nothing_held,
    expect_nothing_stored,
    expect_safety_route,
    make_invite,
    open_page,
    open_sealed,
    reply,
    script_lines,
    start,
    walk_to_results,
)

NAME = "Zephyrine"
INVITE_NOTE = "Orchard walk on Sunday"
REPLY_NOTE = "Copper kettle chat"
PASSPHRASE = "quiet harbour lantern"
#: Hostile links, one per way a link is refused (damaged and carrying markup, too long,
#: a version from the future, the wrong page), on both partner pages. The Chromium
#: suite opens all of hostile_tokens.py's corpus.
HOSTILE = ["data-url", "huge-markup", "version-9", "invite-as-reply"]
#: Elements or attributes that could only have come from a link.
INJECTED = "#app b, #app img, #app iframe, #app svg circle, [onerror], [onload], [py-click]"


def test_a_plan_a_sealed_invitation_and_its_reply_then_quick_exit_and_back(tab, restores):
    """The wizard to a plan, a sealed invitation opened elsewhere, its reply read back.

    Both people then leave by Quick exit (the partner by Shift x3, the sender
    by the button) and press Back: nothing of theirs may show.
    """
    walk_to_results(tab, "hesitated", ["cost", "time"], name=NAME)
    lines = script_lines(tab)
    assert lines and lines[0].startswith(NAME + ", "), lines
    link = make_invite(tab, note=INVITE_NOTE, passphrase=PASSPHRASE)
    assert "/invite/#" in link and INVITE_NOTE not in link, link
    expect_nothing_stored(tab)

    partner = tab.new_session()
    open_sealed(partner, link, PASSPHRASE, "invitation")
    partner.expect_text(css('[data-part="invitation"] [data-note]'), INVITE_NOTE)
    reply_link = reply(partner, "yes_if", REPLY_NOTE, ["call_first"])
    assert "/reply/#" in reply_link and REPLY_NOTE not in reply_link, reply_link
    expect_nothing_stored(partner)
    partner_back = exit_and_go_back(partner, "shortcut")
    restores("shortcut", partner_back)

    sender_back = exit_and_go_back(tab, "button")
    restores("button", sender_back)
    open_sealed(tab, reply_link, PASSPHRASE, "received")
    tab.expect_text(css('[data-part="received"] [data-note]'), REPLY_NOTE)
    expect_nothing_stored(tab)

    expect_nothing_held(partner_back, [INVITE_NOTE, REPLY_NOTE, PASSPHRASE])
    expect_nothing_held(sender_back, [NAME, INVITE_NOTE, PASSPHRASE])


def test_a_yes_in_the_safety_check_leads_to_the_safety_route(tab):
    start(tab)
    answer_safety(tab, {"afraid": "yes"})
    expect_safety_route(tab)
    for country in content()["safety"]["countries"][-2:]:
        choose_country(tab, country)


def test_hostile_links_end_in_the_calm_error(tab):
    vectors = {v.name: v for v in hostile_tokens.vectors()}
    for name in HOSTILE:
        vector = vectors[name]
        assert vector.expect[0] == "error", vector
        tab.goto("about:blank")
        open_page(tab, vector.path + "#" + vector.token)
        expect_link_error(tab, vector.expect[1])
        assert tab.count(css(INJECTED)) == 0, name
