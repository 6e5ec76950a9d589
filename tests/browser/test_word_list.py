"""The passphrase word list is a file of its own that no page loads by itself.

The share step fetches it (from ``<html data-word-list>``) only when it is
shown, with the plan; until then nothing asks for it, and no other page does.
"""

from flows import (
    STEP_TIMEOUT,
    answer_safety,
    choose_reasons,
    choose_stance,
    expect_step,
    open_page,
    start,
    walk_to_results,
)
from playwright.sync_api import expect

from doorway.builder import VENDOR, wordlist


def _requests(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_only_the_share_step_loads_the_word_list(page):
    seen = _requests(page)
    for path in ("invite/", "reply/"):
        open_page(page, path)
    page.goto("about.html")
    start(page)
    answer_safety(page)
    expect_step(page, "stance")
    choose_stance(page, "hesitated")
    choose_reasons(page, ["cost"])
    assert seen and not [url for url in seen if "eff-long" in url], seen
    page.goto("about:blank")
    walk_to_results(page, "hesitated", ["cost"])
    expect(page.locator("[data-words] .word")).to_have_count(4, timeout=STEP_TIMEOUT)
    assert len([url for url in seen if "eff-long" in url]) == 1, seen


def test_the_page_points_at_the_list_it_will_fetch(page):
    open_page(page, "")
    address = page.locator("html").get_attribute("data-word-list")
    response = page.request.get(page.url + address)
    assert response.ok and response.body() == (VENDOR / wordlist.FOLDER / wordlist.WORDS
                                                ).read_bytes()
    assert response.headers["content-type"].startswith("text/plain")
