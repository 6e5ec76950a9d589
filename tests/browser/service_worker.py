"""Helpers for tests that look at the service worker and its cache."""

from flows import STEP_TIMEOUT, open_page

from built import cache_name

CONTROLLED = "() => navigator.serviceWorker && navigator.serviceWorker.controller !== null"
CACHES = """async () => {
    const found = {};
    for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        found[key] = (await cache.keys()).map((request) => request.url).sort();
    }
    return found;
}"""


def first_visit(page, path="./"):
    """Open a page and wait until the service worker has stored the site and controls it."""
    open_page(page, path)
    page.wait_for_function(CONTROLLED, timeout=STEP_TIMEOUT)


def cache_contents(page):
    """``{cache name: [URL, …]}`` for the page's origin."""
    return page.evaluate(CACHES)


def expected_cache(site, base_url, precache):
    return {cache_name(site): sorted(base_url + (url if url != "./" else "") for url in precache)}
