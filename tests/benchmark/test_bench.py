"""The benchmark's pure parts, and a smoke test of the pages it builds.

Nothing here times anything: timings belong to ``python3 dev.py bench``.
"""

import json
import re
from html.parser import HTMLParser

import brotli
import pytest
from bench import budgets, figures, lighthouse, loads, pages, report, startup
from bench.sizes import Sizes, brotli_size

from doorway.builder import CONTENT
from doorway.builder.content import load as load_content
from doorway.builder.serve import serve_in_background
from doorway.guide import link
from doorway.guide.catalogue import Catalogue


@pytest.fixture(scope="module")
def catalogue():
    return Catalogue(load_content(CONTENT))


# Budgets ------------------------------------------------------------------

TABLE = (
    budgets.Budget("welcome.cold.ready_ms", "<=", 1.25, "floor.cold.ready_ms"),
    budgets.Budget("welcome.cold.brotli_bytes", "<=", 270_000, None),
    budgets.Budget("lighthouse.welcome.performance", ">=", 95, None),
)


def test_a_relative_budget_is_a_ratio_to_the_reference_of_the_same_run():
    rows = budgets.evaluate({"welcome.cold.ready_ms": 500, "floor.cold.ready_ms": 400}, TABLE)
    assert rows[0]["limit"] == 500 and rows[0]["ratio"] == 1.25 and rows[0]["met"] is True
    rows = budgets.evaluate({"welcome.cold.ready_ms": 501, "floor.cold.ready_ms": 400}, TABLE)
    assert rows[0]["met"] is False
    assert rows[0]["rule"] == "≤ 1.25 × floor ready, cold"
    assert rows[0]["what"] == "welcome ready, cold"


def test_absolute_budgets_compare_both_ways_and_missing_figures_are_not_judged():
    rows = budgets.evaluate({"welcome.cold.brotli_bytes": 270_001,
                             "lighthouse.welcome.performance": 95}, TABLE)
    assert [row["met"] for row in rows] == [None, False, True]
    assert rows[1]["rule"] == "≤ 270.0 KB" and rows[1]["ratio"] is None
    rows = budgets.evaluate({"lighthouse.welcome.performance": 94}, TABLE)
    assert rows[2]["met"] is False and rows[2]["rule"] == "≥ 95"


def test_every_budget_names_figures_the_benchmark_produces():
    names = {"plain", "floor", "floor-note", "welcome", "invite", "invite-sealed"}
    modes = {mode for mode, _ in report.MODES}
    metrics = {"fcp_ms", "ready_ms", "requests", "sent_bytes", "brotli_bytes"}
    lighthouse = {"performance", "tbt_ms", "tti_ms", "cls", "fcp_ms", "lcp_ms", "si_ms"}

    def produced(name):
        parts = name.split(".")
        if parts[0] == "wizard":
            return name in ("wizard.transition_ms.median", "wizard.transition_ms.p95")
        if parts[0] == "lighthouse":
            return parts[1] in names and parts[2] in lighthouse
        return parts[0] in names and parts[1] in modes and parts[2] in metrics

    for budget in budgets.BUDGETS + budgets.FLOOR:
        assert budget.op in ("<=", ">="), budget
        for name in (budget.figure, budget.relative_to):
            assert name is None or produced(name), (budget.figure, name)


# Figures and tables ---------------------------------------------------------

def test_figures_are_medians_and_the_transition_percentile_is_a_measured_value():
    results = {"pages": {"welcome": {"cold": {"ready_ms": [900, 100, 300]}}},
               "wizard": {"transition_ms": list(range(1, 21)), "heap_used_bytes": [5, 7]},
               "lighthouse": {"invite": {"cls": [0.1, None, 0.3]}}}
    flat = figures.flatten(results)
    assert flat["welcome.cold.ready_ms"] == 300
    assert flat["wizard.transition_ms.median"] == 10.5
    assert flat["wizard.transition_ms.p95"] == 19
    assert flat["wizard.heap_used_bytes"] == 6
    assert flat["lighthouse.invite.cls"] == pytest.approx(0.2)
    assert figures.percentile([], 0.95) is None


@pytest.mark.parametrize("name, value, text", [
    ("welcome.cold.ready_ms", 806.6, "807 ms"),
    ("welcome.cold.brotli_bytes", 313_249, "313.2 KB"),
    ("welcome.cold.requests", 41, "41"),
    ("lighthouse.invite.cls", 0.02, "0.020"),
    ("lighthouse.invite.performance", 82, "82"),
    ("wizard.transition_ms.p95", 59.96, "60 ms"),
    ("welcome.cold.fcp_ms", None, "-"),
])
def test_each_figure_is_shown_in_its_unit(name, value, text):
    assert figures.show(name, value) == text


def test_tables_align_their_columns():
    text = report.table(["page", "ready"], [["welcome", "807 ms"], ["floor", "9 ms"]])
    lines = text.splitlines()
    assert lines == ["page      ready", "-------  ------", "welcome  807 ms",
                     "floor      9 ms"]


def test_the_budget_table_says_met_missed_or_not_measured():
    rows = budgets.evaluate({"welcome.cold.ready_ms": 600, "floor.cold.ready_ms": 400,
                             "welcome.cold.brotli_bytes": 1000}, TABLE)
    text = report.budgets_table(rows)
    assert "600 ms (1.50×)" in text
    budgets_lines = text.splitlines()[2:]
    assert [line.split()[-1] for line in budgets_lines] == ["MISSED", "met", "measured"]


def test_the_page_table_shows_ratios_to_the_plain_page_and_the_floor():
    flat = {"plain.cold.fcp_ms": 100, "plain.cold.ready_ms": 50, "floor.cold.ready_ms": 400,
            "welcome.cold.fcp_ms": 150, "welcome.cold.ready_ms": 1000,
            "welcome.cold.requests": 41, "welcome.cold.brotli_bytes": 313_000}
    rows = report.pages_table(flat, ["plain", "welcome"]).splitlines()
    welcome = next(line for line in rows if line.startswith("welcome cold")).split()
    assert welcome[2:9] == ["150", "ms", "1.50×", "1000", "ms", "2.50×", "41"]
    assert not any(line.startswith("welcome warm") for line in rows)


def test_the_profile_groups_requests_by_where_they_live():
    load = [{"path": "index.html", "start": 0, "end": 10, "brotli": 100},
            {"path": "runtime/a/core.js", "start": 20, "end": 50, "brotli": 30},
            {"path": "runtime/b/m.wasm", "start": 60, "end": 90, "brotli": 70},
            {"path": "py/doorway/ui/app.py", "start": 95, "end": 99, "brotli": 5}]
    groups = report.profile([load, load])
    assert groups["runtime"] == {"files": 2, "brotli_bytes": 100, "first_start_ms": 20,
                                 "last_end_ms": 90}
    assert set(groups) == {"page", "runtime", "python"}


# Brotli sizes ---------------------------------------------------------------

def test_brotli_sizes_come_from_the_served_files(tmp_path):
    site, floor = tmp_path / "site", tmp_path / "floor"
    (site / "invite").mkdir(parents=True)
    floor.mkdir()
    script = b"const answer = 42;\n" * 200
    (site / "app.js").write_bytes(script)
    (site / "invite" / "index.html").write_bytes(b"<p>hello</p>" * 50)
    (site / "icon.png").write_bytes(bytes(range(256)) * 4)
    (floor / "index.html").write_bytes(b"<h1>floor</h1>")
    sizes = Sizes({"http://h:1/": site, "http://h:2/": floor})

    assert sizes.size("http://h:1/app.js?v=abc") == len(brotli.compress(script, quality=11))
    assert sizes.size("http://h:1/app.js?v=abc") < len(script) / 10
    assert sizes.file("http://h:1/invite/#i1.AAAA") == (site, "invite/index.html")
    assert sizes.size("http://h:1/icon.png") == 1024, "images are sent as they are"
    assert sizes.file("http://h:2/") == (floor, "index.html")
    assert sizes.size("http://h:1/missing.js") is None
    assert sizes.size("http://elsewhere/app.js") is None
    data = b"x" * 1000
    assert brotli.decompress(brotli.compress(data, quality=11)) == data
    assert brotli_size(data, ".wasm") < 100 and brotli_size(data, ".png") == 1000


# The pages the benchmark builds ----------------------------------------------

class _Scripts(HTMLParser):
    """A page's scripts: their attributes, and their texts."""

    def __init__(self):
        super().__init__()
        self.scripts = []
        self.texts = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
            self.texts.append("")
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.texts[-1] += data


def test_the_floor_page_starts_the_builds_runtime_and_nothing_else(site, tmp_path):
    floor = pages.write_floor(site, tmp_path / "floor")
    parser = _Scripts()
    parser.feed((floor / "index.html").read_text())
    module, python, worker = parser.scripts
    assert module["type"] == "module" and (floor / module["src"]).is_file()
    assert (floor / module["src"]).read_bytes() == (site / module["src"]).read_bytes()
    config = json.loads(python["config"])
    assert set(config) == {"interpreter"}
    assert (floor / config["interpreter"]).read_bytes() == \
        (site / config["interpreter"]).read_bytes()
    assert "src" not in python
    assert worker == {} and parser.texts[-1] == pages.FLOOR_REGISTER
    # The worker stores the page and every runtime file the browser may ask for.
    stored = json.loads(re.search(r"const FILES = (.*);", (floor / "sw.js").read_text())[1])
    runtime = {"./" + p.relative_to(floor).as_posix() for p in (floor / "runtime").rglob("*")
               if p.is_file() and p.suffix not in (".br", ".gz")}
    assert stored[0] == "./" and set(stored[1:]) == runtime | {"./note.html"}
    # The second floor page is the first one that also draws the typical note.
    note = _Scripts()
    note.feed((floor / "note.html").read_text())
    assert [script for script in note.scripts] == parser.scripts
    assert note.texts[-2].startswith(parser.texts[-2].rsplit("\n", 2)[0])
    assert json.dumps(pages.NOTE) in note.texts[-2] and note.texts[-1] == pages.FLOOR_REGISTER
    assert "./" + module["src"].removeprefix("./") in runtime
    # Served with the site's opener policy, as every page of the site is.
    assert (floor / "_headers").read_text() == "/*\n  Cross-Origin-Opener-Policy: same-origin\n"


def test_the_invitations_are_real_links(catalogue):
    specs = {spec.name: spec for spec in pages.pages("http://s/", "http://f/", catalogue)}
    assert [s.ready_by for s in specs.values()] == ["load", "app", "app", "app", "app", "app"]
    plain = specs["invite"].url.split("#", 1)[1]
    envelope = link.parse(plain, link.INVITE)
    invitation = link.decode_invite(catalogue, envelope.body)
    assert len(invitation["reasons"]) == 3 and invitation["note"] == pages.NOTE
    sealed = link.parse(specs["invite-sealed"].url.split("#", 1)[1], link.INVITE)
    assert sealed.sealed and sealed.iterations == link.KDF_ITERATIONS
    assert re.fullmatch(r"http://s/invite/#i1p\.[A-Za-z0-9_-]+", specs["invite-sealed"].url)


@pytest.fixture
def served(site, tmp_path, catalogue):
    """The benchmark's pages, served as it serves them: ``{name: Page}`` and the
    Sizes of what they request."""
    floor = pages.write_floor(site, tmp_path / "floor")
    site_url, site_server = serve_in_background(site)
    floor_url, floor_server = serve_in_background(floor)
    try:
        yield ({spec.name: spec for spec in pages.pages(site_url, floor_url, catalogue)},
               Sizes({site_url: site, floor_url: floor}))
    finally:
        site_server.shutdown()
        floor_server.shutdown()


@pytest.mark.browser
def test_the_benchmarks_pages_get_ready_in_chromium(browser, served):
    specs, sizes = served
    # The site's own pages are left to the browser tests.
    views = {"floor": None, "floor-note": None, "invite": "invitation",
             "invite-sealed": "unlock"}
    for name, view in views.items():
        spec = specs[name]
        context = loads.new_context(browser, "block")
        try:
            page = context.new_page()
            measured, requests = loads.load(page, spec, sizes)
            if view:
                assert page.locator("#app").get_attribute("data-view") == view
            if name == "floor-note":
                assert page.locator("main p").last.text_content() == pages.NOTE
        finally:
            context.close()
        assert measured["ready_ms"] is not None and measured["fcp_ms"] is not None, spec
        assert measured["requests"] == len(requests) >= 1
        # A file the browser asks for again from its own cache (the link pages'
        # icon, when they take the link out of the address) is not a request.
        paths = [r["path"] for r in requests]
        assert len(paths) == len(set(paths)), paths
        assert all(r["known"] for r in requests), requests
        assert measured["brotli_bytes"] == sum(r["brotli"] for r in requests)


@pytest.mark.browser
def test_a_return_visit_starts_offline_from_the_service_worker_in_a_reopened_browser(
        playwright, browser_type_launch_args, served):
    """The offline-warm mode as the benchmark runs it, for the floor and the
    welcome page: a first visit, the browser closed, then opened again on that
    profile with the network off; the page gets ready from its worker alone."""
    specs, sizes = served
    launch = loads.launcher(playwright.chromium, browser_type_launch_args)
    profiles = []

    def launch_and_note(profile):
        profiles.append(profile)
        return launch(profile)

    for name in ("floor", "welcome"):
        first, offline = loads.first_visit_and_offline(launch_and_note, specs[name], sizes)
        # The first visit fetched its runtime from the network, not from a worker
        # that took over half-way (the server sends gzip, larger than brotli).
        assert first["ready_ms"] is not None, name
        assert first["sent_bytes"] >= first["brotli_bytes"], (name, first)
        # Every file came from the worker's cache: the server sent nothing.
        assert offline["ready_ms"] is not None and offline["requests"] > 1, name
        assert offline["sent_bytes"] == 0, name
    assert len(profiles) == 4 and profiles[0] == profiles[1] != profiles[2] == profiles[3]


def _report(error=None, score=0.9):
    audits = {audit_id: {"numericValue": 1.0} for _, audit_id in lighthouse.AUDITS}
    report = {"categories": {"performance": {"score": score}}, "audits": audits}
    if error:
        report["runtimeError"] = {"code": error, "message": "Please run Lighthouse again. (%s)"
                                  % error}
    return report


@pytest.mark.parametrize("errors, runs, fails", [
    (["NO_NAVSTART"], 2, False),
    (["NO_NAVSTART", "NO_TRACING_STARTED", "NO_NAVSTART"], 3, True),
    (["PROTOCOL_TIMEOUT"], 1, True),
])
def test_lighthouse_runs_again_when_it_could_not_record_its_trace(monkeypatch, errors, runs,
                                                                  fails):
    reports = [_report(error) for error in errors] + [_report()]
    ran = []
    monkeypatch.setattr(lighthouse, "_run", lambda url, chromium: ran.append(url)
                        or reports[len(ran) - 1])
    if fails:
        with pytest.raises(lighthouse.Failed, match="Lighthouse failed on http://x/"):
            lighthouse.audit("http://x/", None)
    else:
        assert lighthouse.audit("http://x/", None)["performance"] == 90
    assert len(ran) == runs


def test_a_failed_lighthouse_run_is_noted_and_the_other_runs_go_on(monkeypatch, catalogue):
    specs = pages.pages("http://s/", "http://f/", catalogue)
    audits, failed = [], []

    def audit(url, chromium):
        audits.append(url)
        if "invite" in url and not failed:
            failed.append(url)
            raise lighthouse.Failed("Lighthouse failed on %s: NO_NAVSTART" % url)
        return {"performance": len(audits)}

    monkeypatch.setattr(lighthouse, "audit", audit)
    results = {"lighthouse": {}, "notes": []}
    startup.run_lighthouse(specs, 2, results)
    assert len(audits) == 8
    assert {page: len(m["performance"]) for page, m in results["lighthouse"].items()} == \
        {"floor": 2, "floor-note": 2, "welcome": 2, "invite": 1}
    assert results["notes"] == ["Lighthouse failed on %s: NO_NAVSTART"
                                % next(s.url for s in specs if s.name == "invite")]
