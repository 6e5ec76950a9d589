"""The passphrase word list is a file of its own that no page loads by itself.

The share step will fetch it (from ``<html data-word-list>``) only when it is
shown; until then nothing asks for it, even after a whole wizard.
"""

from flows import open_page, walk_to_results

from doorway.builder import VENDOR, wordlist


def _requests(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_no_page_loads_the_word_list_at_start_up(page):
    seen = _requests(page)
    open_page(page, "")
    walk_to_results(page, "hesitated", ["cost"])
    for path in ("invite/", "reply/", "about.html"):
        page.goto(path)
    assert seen and not [url for url in seen if "eff-long" in url], seen


def test_the_page_points_at_the_list_it_will_fetch(page):
    open_page(page, "")
    address = page.locator("html").get_attribute("data-word-list")
    response = page.request.get(page.url + address)
    assert response.ok and response.body() == (VENDOR / wordlist.FOLDER / wordlist.WORDS
                                                ).read_bytes()
    assert response.headers["content-type"].startswith("text/plain")
