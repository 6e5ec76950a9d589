"""A new deploy is picked up cleanly: offered, never mixed, then taken whole.

Build A is served and visited until its service worker controls the page.
Then build B (the same site with one harmless sentence changed) is deployed
into the same folder, as a host would. On the next visit the page is still
build A, fetched entirely from A's files, and offers the update; "Reload to
update" brings up build B, from B's files only, and A's cache is gone.
"""

import shutil

import pytest
from audit import Audit
from flows import STEP_TIMEOUT, open_page
from playwright.sync_api import expect
from service_worker import CONTROLLED, cache_contents

from built import cache_name
from built import precache as precache_of
from doorway.builder import CONTENT, build
from doorway.builder.serve import serve_in_background

SENTENCE_A = "It takes about five minutes."
SENTENCE_B = "It takes about five minutes, give or take."


@pytest.fixture(scope="module")
def content_b(tmp_path_factory):
    """The real content with one harmless sentence changed."""
    folder = tmp_path_factory.mktemp("content-b")
    shutil.copytree(CONTENT, folder, dirs_exist_ok=True)
    wizard = folder / "wizard.toml"
    assert SENTENCE_A in wizard.read_text()
    wizard.write_text(wizard.read_text().replace(SENTENCE_A, SENTENCE_B))
    return folder


@pytest.fixture
def served(tmp_path, content_b):
    """``(URL, folder, deploy_b)``: build A served from ``folder``; ``deploy_b()`` replaces it."""
    folder = build(tmp_path / "live")
    url, server = serve_in_background(folder)
    yield url, folder, lambda: build(folder, content_dir=content_b)
    server.shutdown()
    server.server_close()


def urls(base, precache):
    return {base + (url if url != "./" else "") for url in precache}


def test_a_new_deploy_is_offered_and_never_mixed(browser, browser_context_args, served):
    base, folder, deploy_b = served
    precache_a, cache_a = precache_of(folder), cache_name(folder)
    context = browser.new_context(**dict(browser_context_args, base_url=base))
    audit = Audit(context, base, precache_a)
    try:
        page = context.new_page()
        open_page(page, "./")
        page.wait_for_function(CONTROLLED, timeout=STEP_TIMEOUT)
        expect(page.get_by_text(SENTENCE_A, exact=True)).to_be_visible()

        deploy_b()
        precache_b, cache_b = precache_of(folder), cache_name(folder)
        assert cache_b != cache_a
        audit.precache = precache_a + precache_b
        files_a, files_b = urls(base, precache_a), urls(base, precache_b)
        changed_a = files_a - files_b
        assert any(".bundle" in url for url in changed_a), "the content is in the bundles"

        fetched = []
        page.on("request", lambda request: fetched.append(request.url)
                if not request.service_worker else None)
        open_page(page, "./")
        banner = page.locator("[data-update-banner]")
        expect(banner).to_be_visible(timeout=STEP_TIMEOUT)
        expect(banner).to_contain_text("A new version of Doorway is ready")
        # Still build A, made only of build A's files.
        expect(page.get_by_text(SENTENCE_A, exact=True)).to_be_visible()
        own = [url for url in fetched if url.startswith(base) and not url.endswith("/sw.js")]
        assert own and not [url for url in own if url not in files_a], own
        assert [url for url in own if url in changed_a], "A's own versions must be in use"
        assert sorted(cache_contents(page)) == sorted([cache_a, cache_b])

        fetched.clear()
        banner.get_by_role("button", name="Reload to update").click()
        expect(page.get_by_text(SENTENCE_B, exact=True)).to_be_visible(timeout=STEP_TIMEOUT)
        expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)
        expect(banner).to_be_hidden()
        own = [url for url in fetched if url.startswith(base) and not url.endswith("/sw.js")]
        assert own and not [url for url in own if url not in files_b], own
        assert list(cache_contents(page)) == [cache_b], "the old build's cache must be deleted"
        assert sorted(cache_contents(page)[cache_b]) == sorted(files_b)
        problems = audit.check()
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_without_a_click_the_old_build_stays_until_the_tab_is_gone(browser, browser_context_args,
                                                                   served):
    """Reloading is the visitor's choice; a fresh visit later gets the new build."""
    base, folder, deploy_b = served
    precache_a = precache_of(folder)
    context = browser.new_context(**dict(browser_context_args, base_url=base))
    audit = Audit(context, base, precache_a)
    try:
        page = context.new_page()
        open_page(page, "./")
        page.wait_for_function(CONTROLLED, timeout=STEP_TIMEOUT)
        deploy_b()
        audit.precache = precache_a + precache_of(folder)
        open_page(page, "./")
        expect(page.locator("[data-update-banner]")).to_be_visible(timeout=STEP_TIMEOUT)
        open_page(page, "./")
        expect(page.get_by_text(SENTENCE_A, exact=True)).to_be_visible()
        page.close()
        later = context.new_page()
        open_page(later, "./")
        expect(later.get_by_text(SENTENCE_B, exact=True)).to_be_visible(timeout=STEP_TIMEOUT)
        problems = audit.check()
        assert not problems, "\n".join(problems)
    finally:
        context.close()
