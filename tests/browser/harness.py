"""Run a folder of test harness files in Chromium and read back what it reports.

The harness (tests/browser/test_micropython.py, test_bundle_loading.py) writes
its findings as JSON into ``<pre id="result">`` and sets ``data-done="yes"``.
"""

import json

from playwright.sync_api import expect

from doorway.builder.serve import serve_in_background


def run_harness(browser, root, page_path, timeout):
    """Serve ``root``, open ``page_path`` in a new page, return the harness's JSON result."""
    url, server = serve_in_background(root)
    page = browser.new_page()
    try:
        page.goto(url + page_path)
        expect(page.locator("#result")).to_have_attribute("data-done", "yes", timeout=timeout)
        return json.loads(page.locator("#result").text_content())
    finally:
        page.close()
        server.shutdown()
