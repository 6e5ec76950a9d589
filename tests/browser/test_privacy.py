"""Private by construction: every flow, audited, with and without the service worker.

Each flow runs twice: with the service worker allowed (its own fetches are
reported too, see PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS in the
conftest) and with service workers blocked, so every request the pages make
is seen directly. Every context is watched by the conftest's Audit: no request
to another origin, no console error, no CSP violation, nothing in cookies,
localStorage, sessionStorage or IndexedDB, and Cache Storage holding only the
build's own files, never a URL with ``#``. On top of that, each page is
checked before it is left (a CSP violation is only visible while its page is
open), the tab title never changes, and the cache ends up holding exactly the
build (service worker allowed) or nothing at all (blocked).
"""

import sqlite3
import tomllib

import pytest
from audit import Audit
from flows import (
    STEP_TIMEOUT,
    answer_invite,
    answer_safety,
    choose_reasons,
    choose_stance,
    expect_step,
    give_context,
    invite_words,
    make_invite,
    open_reply,
    reply,
    script_lines,
    see_plan,
    start,
    submit,
    unlock,
    walk_to_results,
)
from playwright.sync_api import expect
from service_worker import CONTROLLED, cache_contents, expected_cache, first_visit

from doorway.builder import CONTENT
from doorway.builder.content import load
from doorway.guide import link
from doorway.guide.catalogue import Catalogue

TITLE = tomllib.loads((CONTENT / "site.toml").read_text())["title"]


@pytest.fixture(params=["allow", "block"])
def service_workers(request):
    return request.param


class Flow:
    """Pages in audited contexts that share one service-worker setting."""

    def __init__(self, mode, context, audit, new_context, base_url, precache, site):
        self.mode = mode
        self.default = context
        self.default_audit = audit
        self.new_context = new_context
        self.base_url = base_url
        self.precache = precache
        self.site = site
        self.audits = []
        self.contexts = []
        self.audit_of = {}
        self.sw_requests = []

    def context(self):
        """A fresh context (a different person's browser): the default one first when allowed."""
        if self.mode == "allow" and not self.contexts:
            context = self.default
            self.audit_of[id(context)] = self.default_audit
        else:
            context = self.new_context(service_workers=self.mode)
            self.audit_of[id(context)] = Audit(context, self.base_url, self.precache)
            self.audits.append(self.audit_of[id(context)])
        context.on("request", lambda request: self.sw_requests.append(request.url)
                   if request.service_worker else None)
        self.contexts.append(context)
        return context

    def page(self, context=None):
        return (context or self.context()).new_page()

    def checkpoint(self, page):
        """Before leaving a page: neutral title, no CSP violation, nothing stored."""
        assert page.title() == TITLE
        state = self.audit_of[id(page.context)].storage(page)
        assert state["csp"] == [], state["csp"]
        assert (state["local"], state["session"], state["indexedDB"]) == (0, 0, []), state
        for urls in state["caches"].values():
            assert not [url for url in urls if "#" in url or ("?" in url and "?v=" not in url)]

    def finish(self, page):
        """The cache holds exactly the build (worker allowed) or nothing (blocked)."""
        self.checkpoint(page)
        if self.mode == "allow":
            page.wait_for_function(CONTROLLED)
            assert cache_contents(page) == expected_cache(self.site, self.base_url,
                                                          self.precache)
            assert self.sw_requests, "the service worker's own fetches must be audited too"
        else:
            assert page.evaluate("navigator.serviceWorker.controller") is None
            assert cache_contents(page) == {}
            assert not self.sw_requests

    def problems(self):
        return [problem for audit in self.audits for problem in audit.check()]


@pytest.fixture
def flow(request, service_workers, context, audit, new_context, base_url, precache, site):
    watcher = Flow(service_workers, context, audit, new_context, base_url, precache, site)
    yield watcher
    if request.node.rep_call.passed if hasattr(request.node, "rep_call") else True:
        problems = watcher.problems()
        assert not problems, "\n".join(problems)


def test_the_wizard_to_a_plan(flow):
    page = flow.page()
    walk_to_results(page, "said_no", ["privacy", "stigma", "cost"], name="Ari",
                    conflict="avoidant", hopes=["trust"], limits=["money"])
    assert script_lines(page)[0].startswith("Ari, ")
    page.get_by_role("button", name="Copy the plan").click()
    expect(page.locator("[data-plan-status]")).to_have_text("Copied")
    flow.finish(page)


def test_the_safety_route(flow):
    page = flow.page()
    start(page)
    answer_safety(page, {"control": "yes"})
    expect_step(page, "safety-route")
    picker = page.locator('[data-step="safety-route"] select')
    picker.select_option("us")
    picker.select_option("elsewhere")
    expect(page.locator('[data-step="safety-route"] [data-lines] a').first).to_be_visible()
    flow.finish(page)


def test_the_not_sure_route(flow):
    page = flow.page()
    start(page)
    answer_safety(page, {"afraid": "unsure"})
    expect_step(page, "unsure")
    page.locator('[data-step="unsure"] [data-action="continue"]').click()
    expect_step(page, "stance")
    page.locator("#stance-postponing").check()
    submit(page, "stance")
    expect_step(page, "reasons")
    page.locator("#reason-dont_know").check()
    submit(page, "reasons")
    expect_step(page, "context")
    give_context(page)
    see_plan(page)
    flow.finish(page)


def test_share_open_the_invite_elsewhere_reply_and_open_the_reply(flow, base_url):
    sender_context = flow.context()
    sender = flow.page(sender_context)
    walk_to_results(sender, "hesitated", ["blame", "time"], name="Sam")
    # The default: sealed with the four words the page chose.
    invite = make_invite(sender, note="Can we talk on Sunday?", reasons=["blame", "time"])
    secret = invite_words(sender)
    assert invite.startswith(base_url + "invite/#i2p.")
    flow.checkpoint(sender)

    partner = flow.page()
    partner.goto(invite)
    expect(partner.locator("#app")).to_have_attribute("data-view", "unlock", timeout=30000)
    assert "#" not in partner.url and partner.title() == TITLE
    unlock(partner, secret)
    expect(partner.locator("#app")).to_have_attribute("data-view", "invitation", timeout=30000)
    expect(partner.locator("[data-note]")).to_have_text("Can we talk on Sunday?")
    reply = answer_invite_unlocked(partner)
    assert reply.startswith(base_url + "reply/#r2p.")
    flow.finish(partner)

    opened = flow.page(sender_context)
    opened.goto(reply)
    expect(opened.locator("#app")).to_have_attribute("data-view", "unlock", timeout=30000)
    unlock(opened, secret)
    expect(opened.locator("#app")).to_have_attribute("data-view", "received", timeout=30000)
    expect(opened.locator("[data-note]")).to_have_text("Sunday works.")
    assert "#" not in opened.url
    flow.finish(opened)
    flow.checkpoint(sender)


def answer_invite_unlocked(page):
    expect(page.locator("#reply-seal")).to_be_checked()
    return reply(page, "yes_if", "Sunday works.", ["talk_first"])


def test_a_plain_link_opened_in_a_fresh_browser(flow):
    """The shortest path a partner takes: no passphrase, a browser that never saw the site."""
    sender = flow.page()
    walk_to_results(sender, "not_asked", ["fine"])
    invite = make_invite(sender, note="Just a thought.", reasons=["fine"], plain=True)
    partner = flow.page()
    reply = answer_invite(partner, invite, "not_yet", "Ask me in spring.", period="three_months")
    flow.checkpoint(partner)
    opened = flow.page()
    open_reply(opened, reply, note="Ask me in spring.")
    flow.finish(opened)


# --- Forget Doorway on this device ------------------------------------------------------


REGISTRATIONS = "() => navigator.serviceWorker.getRegistrations().then((found) => found.length)"


def forget(page, by):
    button = page.get_by_role("button", name="Forget Doorway on this device")
    if by == "keyboard":
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()
    done = page.locator('[data-forget-message="done"]')
    expect(done).to_be_visible()
    # Honest about what stays: the history, which only the browser can clear.
    expect(done).to_contain_text("history")
    expect(done).to_contain_text("Only your browser can clear")
    expect(page.locator('[data-forget-message="failed"]')).to_be_hidden()


@pytest.mark.parametrize("by", ["mouse", "keyboard"])
def test_forget_doorway_on_this_device_removes_the_worker_and_its_cache(page, site, base_url,
                                                                       precache, by):
    first_visit(page)
    assert cache_contents(page) == expected_cache(site, base_url, precache)
    assert page.evaluate(REGISTRATIONS) == 1
    forget(page, by)
    assert page.evaluate(REGISTRATIONS) == 0
    assert cache_contents(page) == {}
    # The page still works, and fetching the rest of what a plan needs (served
    # by the worker that still controls this page) brings no cache back.
    page.get_by_role("button", name="Start").click()
    answer_safety(page)
    expect_step(page, "stance")
    choose_stance(page, "hesitated")
    choose_reasons(page, ["time"])
    give_context(page, name="Ari")
    see_plan(page)
    assert script_lines(page)[0].startswith("Ari")
    assert page.evaluate(REGISTRATIONS) == 0
    assert cache_contents(page) == {}


def test_forget_works_without_python_on_a_plain_page(page):
    page.goto("guide/talking.html")
    page.wait_for_function(CONTROLLED, timeout=STEP_TIMEOUT)
    forget(page, "mouse")
    assert page.evaluate(REGISTRATIONS) == 0
    assert cache_contents(page) == {}


# --- Trusted Types: the browser itself refuses strings that would become HTML or code -----

#: Each way a string could become markup or code, tried in the page. The
#: evaluating function itself comes from the test harness (allowed); what it
#: tries must be refused by the page's policy.
SINKS = """() => {
    const refused = [];
    const attempt = (name, action) => {
        try { action(); } catch (error) { if (error instanceof TypeError) refused.push(name); }
    };
    const box = document.createElement("div");
    attempt("innerHTML", () => { box.innerHTML = '<script type="mpy">print(1)</scr' + 'ipt>'; });
    attempt("insertAdjacentHTML", () => document.body.insertAdjacentHTML("beforeend", "<b>x</b>"));
    attempt("script.src", () => { document.createElement("script").src = "x.js"; });
    attempt("script.text", () => { document.createElement("script").text = "alert(1)"; });
    attempt("setTimeout string", () => setTimeout("1"));
    return refused;
}"""


@pytest.mark.parametrize("path", ["./", "invite/#i1.AAIBAQ", "guide/"])
def test_trusted_types_refuse_markup_and_code_from_strings(page, audit, path):
    page.goto(path)
    if path != "guide/":
        expect(page.locator("html")).to_have_attribute("data-app", "ready", timeout=STEP_TIMEOUT)
    refused = page.evaluate(SINKS)
    assert refused == ["innerHTML", "insertAdjacentHTML", "script.src", "script.text",
                       "setTimeout string"]
    # Each refusal is reported as a policy violation; take them off the audit's list.
    violations = page.evaluate("window.__cspViolations.splice(0)")
    assert len(violations) >= len(refused), violations
    assert all(v.startswith("require-trusted-types-for") for v in violations), violations
    audit.console_errors[:] = [e for e in audit.console_errors if "requires 'Trusted" not in e]


# --- What a real profile's history keeps ------------------------------------------------


def test_a_real_profile_keeps_nothing_readable_in_its_history(playwright, browser_type_launch_args,
                                                                base_url, tmp_path):
    """Issue 8, tried as a new user would: Chromium with a profile on disk, a full flow
    with the default settings (wizard, share, open the invite, reply, open the reply),
    then the profile's History database read back once the browser has closed."""
    profile = tmp_path / "profile"
    context = playwright.chromium.launch_persistent_context(
        profile, base_url=base_url, locale="en-GB", **browser_type_launch_args)
    note, reply_note, name, sender = "Orchard bench talk", "Lantern answer", "Quillon", "Marlow"
    try:
        page = context.new_page()
        walk_to_results(page, "hesitated", ["blame", "cost"], name=name)
        invite = make_invite(page, note=note, reasons=["blame", "cost"], sender=sender)
        secret = invite_words(page)
        partner = context.new_page()
        partner.goto(invite)
        expect(partner.locator("#app")).to_have_attribute("data-view", "unlock", timeout=30000)
        unlock(partner, secret)
        expect(partner.locator("#app")).to_have_attribute("data-view", "invitation",
                                                          timeout=30000)
        answer = reply(partner, "yes_if", reply_note, ["online"])
        opened = context.new_page()
        opened.goto(answer)
        expect(opened.locator("#app")).to_have_attribute("data-view", "unlock", timeout=30000)
        unlock(opened, secret)
        expect(opened.locator("#app")).to_have_attribute("data-view", "received", timeout=30000)
        expect(opened.locator("[data-note]")).to_have_text(reply_note)
    finally:
        context.close()

    database = sqlite3.connect(profile / "Default" / "History")
    try:
        visited = [row[0] for row in database.execute("SELECT url FROM urls")]
        titles = [row[0] for row in database.execute("SELECT title FROM urls")]
    finally:
        database.close()
    cat = Catalogue(load(CONTENT))
    tokens = [url.split("#", 1)[1] for url in visited if "#" in url]
    # Both links were opened by address, so history holds them, sealed.
    assert len(tokens) == 2, visited
    for token in tokens:
        kind = token[0]
        assert link.parse(token, kind).sealed, token
    readable = [note, reply_note, name, sender, secret.split()[0],
                cat.reason("blame")["label"], cat.reason("cost")["label"]]
    for text in visited + titles:
        for secret_text in readable:
            assert secret_text.lower() not in text.lower(), (secret_text, text)
    assert set(titles) <= {TITLE, ""}, titles
