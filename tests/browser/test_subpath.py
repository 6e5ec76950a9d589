"""Deployed under a sub-path (``/doorway/``): every flow works, online and offline.

The same build is served under ``/doorway/`` only, as on a project site of
GitHub Pages. The audit treats anything outside ``/doorway/`` as another
origin, so a single request that escapes the folder (an absolute ``/…``
URL, a service worker scoped to ``/``, a link made from the site root) fails
the test.
"""

import pytest
from audit import Audit
from flows import (
    answer_invite,
    answer_safety,
    expect_step,
    make_invite,
    open_page,
    open_reply,
    start,
    walk_to_results,
)
from playwright.sync_api import expect
from service_worker import CONTROLLED, cache_contents, expected_cache, first_visit

from doorway.builder.serve import serve_in_background

PREFIX = "/doorway/"


@pytest.fixture(scope="module")
def sub_url(site):
    url, server = serve_in_background(site, prefix=PREFIX)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def sub_context(browser, browser_context_args, sub_url, precache):
    context = browser.new_context(**dict(browser_context_args, base_url=sub_url))
    watcher = Audit(context, sub_url, precache)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, requests
    problems = watcher.check()
    context.close()
    assert not problems, "\n".join(problems)
    outside = [url for url in requests if url.startswith("http://127.0.0.1")
               and not url.startswith(sub_url)]
    assert not outside, outside


def test_the_whole_journey_under_a_sub_path(sub_context, sub_url, site, precache):
    context, requests = sub_context
    sender = context.new_page()
    first_visit(sender)
    assert sender.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)") == sub_url
    walk_to_results(sender, "said_no", ["doubts"], name="Kim")
    invite = make_invite(sender, note="Under a folder.", reasons=["doubts"], plain=True)
    assert invite.startswith(sub_url + "invite/#")

    partner = context.new_page()
    reply = answer_invite(partner, invite, note="Still fine.")
    assert reply.startswith(sub_url + "reply/#")
    open_reply(context.new_page(), reply, note="Still fine.")

    assert cache_contents(sender) == expected_cache(site, sub_url, precache)
    assert any(url.startswith(sub_url + "runtime/") for url in requests)


def test_offline_under_a_sub_path(sub_context, sub_url, site, precache):
    context, _ = sub_context
    page = context.new_page()
    first_visit(page)
    walk_to_results(page, "not_asked", ["time"])
    invite = make_invite(page, reasons=["time"], plain=True)
    context.set_offline(True)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-app", "ready")
    page.wait_for_function(CONTROLLED)
    start(page)
    answer_safety(page, {"hurt": "yes"})
    expect_step(page, "safety-route")

    partner = context.new_page()
    reply = answer_invite(partner, invite, note="Offline in a folder.")
    open_reply(context.new_page(), reply, note="Offline in a folder.")

    guide = context.new_page()
    guide.goto("guide/")
    guide.get_by_role("link", name="Finding a therapist").click()
    expect(guide.get_by_role("heading", level=1)).to_be_visible()
    assert guide.url == sub_url + "guide/therapist.html"
    open_page(guide, "./")
    assert cache_contents(page) == expected_cache(site, sub_url, precache)
