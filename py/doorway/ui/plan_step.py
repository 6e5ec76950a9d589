"""The wizard's plan step: the plan, the script, and what hangs under them.

The entry of the welcome page's second bundle (``doorway.ui.app.LATER``): the
wizard imports this module only once that bundle is there
(:mod:`doorway.ui.later`), so this module and everything it imports that the
questions do not (composing the plan and the script, sharing with links,
Web Crypto and QR codes, practice, the decision aid) and the content only they
read arrive after the page is ready.
"""

from doorway.guide import card as cards
from doorway.guide import plan as planner
from doorway.guide import resume
from doorway.guide import script as scripts
from doorway.guide import text as plain
from doorway.guide.views import decision as decision_views
from doorway.guide.views import results as views
from doorway.guide.views import script as script_views

from . import clipboard, dom, files
from .decision import DecisionAid
from .practice import Practice
from .share import Share


def copy_answers(answers):
    """A copy that later answers cannot change (lists and the safety answers too)."""
    copied = {}
    for key in answers:
        value = answers[key]
        copied[key] = list(value) if isinstance(value, list) else (
            dict(value) if isinstance(value, dict) else value)
    return copied


class Draft:
    """A plan made for one set of answers and not yet on the page.

    :meth:`PlanStep.draft` makes it in pieces (``steps``, a generator) while
    "Check your answers" is read, so "See my plan" has little left to do but
    draw it; the wizard runs a piece each time the browser is idle.
    """

    def __init__(self, answers, kept, tone):
        self.answers = copy_answers(answers)
        self.kept = kept
        self.tone = kept["tone"] if kept else tone
        self.plan = None
        self.lines = []
        self.edited = set()
        self.share = None
        self.decision = None
        self.first = None  # the plan card, drawn off the page (dom.prepare): the first frame
        self.rest = None  # everything under the card, drawn off the page too
        self.steps = None


class PlanStep:
    """The plan drawn into ``[data-results]`` and everything made from it.

    ``answers()`` gives the wizard's current answers, ``go(step)`` shows a
    step of the wizard in a new history entry.
    """

    def __init__(self, catalogue, app, answers, go):
        self.catalogue = catalogue
        self.app = app
        self.answers = answers
        self.go = go
        self.tone = scripts.TONES[0]
        self.planned = None  # the answers self.plan was made from
        self.plan = None
        self.lines = []
        self.edited = set()
        self.share = None
        self.practice = None
        self.decision = None  # the decision aid under the plan (ui.decision)
        self.pending = None  # a Draft being made for the answers on "Check your answers"
        self.placing = None  # a Draft whose card is on the page and whose rest is on its way

    def made_from(self, answers):
        """True when the plan drawn was made from exactly these answers."""
        return self.plan is not None and self.planned == answers

    def draft(self, kept=None):
        """Start a :class:`Draft` of the plan for the current answers (``kept``:
        a kept plan being opened again, :mod:`doorway.guide.resume`); iterate
        its ``steps`` to make it. A newer draft, or :meth:`drop`, ends it."""
        draft = Draft(self.answers(), kept, self.tone)
        draft.steps = self.make(draft)
        self.pending = draft
        return draft

    def drafted(self):
        """The draft begun for the current answers and tone, if there is one."""
        draft = self.pending
        if draft and draft.answers == self.answers() and draft.tone == self.tone:
            return draft
        return None

    def make(self, draft):
        """Make ``draft`` one piece at a time, pausing after each (a generator)."""
        answers = draft.answers
        kept = draft.kept
        draft.plan = planner.make_plan(self.catalogue, answers)
        yield
        if kept:
            draft.lines, edited = resume.restore(self.catalogue, kept, draft.plan["ask"])
            draft.edited = set(edited)
        else:
            draft.lines = scripts.compose(self.catalogue, answers, draft.plan["ask"], draft.tone)
        yield
        draft.share = Share(self.catalogue, draft.plan)
        draft.decision = DecisionAid(self.catalogue, draft.plan, answers,
                                     lambda: (self.tone, self.lines, self.edited),
                                     kept["weights"] if kept else None)
        card = cards.plan_card(self.catalogue, answers, draft.plan, draft.lines)
        slots = draft.decision.slots()
        yield
        nodes = views.results(self.catalogue, draft.plan, card, draft.lines, draft.tone,
                              draft.share.start_choices(), slots)
        if kept:
            nodes.insert(0, decision_views.restored(self.catalogue))
        card = 2 if kept else 1  # results() puts the plan card first
        yield
        first, rest = dom.serialise(nodes[:card]), dom.serialise(nodes[card:])
        yield
        draft.first, draft.rest = dom.prepare(first), dom.prepare(rest)

    def draw(self, kept=None):
        """The plan for the answers; ``kept`` is a kept plan being opened again
        (:mod:`doorway.guide.resume`): its own tone, lines and weights come back too.
        A draft already made, or half made, for these answers is finished and used.

        Only the plan card is placed now, in the click's task: it fills the
        first screen, and styling and laying out the whole plan held the step's
        first frame (the slowest step of the wizard). The rest follows once that
        frame is drawn (:meth:`place_rest`); until then ``[data-results]`` says
        it is busy (``aria-busy``), so assistive technology waits for the whole plan."""
        draft = None if kept else self.drafted()
        if draft is None:
            draft = self.draft(kept)
        for _ in draft.steps:
            pass
        self.pending = None
        self.tone = draft.tone
        self.plan = draft.plan
        self.lines = draft.lines
        self.edited = draft.edited
        self.share = None  # each takes over its part once that part is placed
        self.decision = None
        results = dom.one("[data-results]", self.app)
        dom.replace(results, draft.first)
        results.setAttribute("aria-busy", "true")
        self.planned = draft.answers
        self.placing = draft
        dom.later(self.place_rest(draft))

    async def place_rest(self, draft):
        """Everything under the plan card, once the step's first frame is drawn
        and the browser is idle (at most ``dom.IDLE_WAIT_MS`` later); not if the
        plan was dropped, or another drawn, meanwhile."""
        await dom.frame()
        await dom.idle()
        if self.placing is not draft:
            return
        self.placing = None
        results = dom.one("[data-results]", self.app)
        dom.append(results, draft.rest)
        results.removeAttribute("aria-busy")
        self.share = draft.share
        self.decision = draft.decision
        self.decision.attach(results)
        self.share.attach(dom.one("#section-share", self.app))

    def drop(self):
        """Forget the plan and everything made from it (the script, a link, practice)."""
        results = dom.one("[data-results]", self.app)
        dom.clear(results)
        results.removeAttribute("aria-busy")
        self.pending = None
        self.placing = None
        self.plan = None
        self.planned = None
        self.lines = []
        self.edited = set()
        self.share = None
        if self.practice:
            self.practice.wipe()
        if self.decision:
            self.decision.wipe()
        self.decision = None

    def wipe(self):
        self.drop()
        self.tone = scripts.TONES[0]

    # Events: each returns True when it was this step's ----------------------
    def on_click(self, event):
        if self.share and self.share.owns(event.target):
            self.share.on_click(event)
            return True
        if self.practice and self.practice.owns(event.target) and self.practice.on_click(event):
            return True
        if self.decision and self.decision.on_click(event.target):
            return True
        target = event.target.closest("[data-action]")
        handler = target and {
            "copy-script": self.copy_script,
            "copy-plan": self.copy_plan,
            "download": self.download,
            "download-script": self.download_script,
            "practise": self.open_practice,
        }.get(target.getAttribute("data-action"))
        if handler:
            handler()
            return True
        return False

    def on_submit(self, event):
        step = event.target.getAttribute("data-form")
        if step == "share" and self.share:
            self.share.on_submit(event)
            return True
        if step == "practice" and self.practice:
            self.practice.on_submit(event)
            return True
        return bool(self.decision and self.decision.on_submit(event))

    def on_change(self, target):
        if self.share and self.share.owns(target):
            self.share.refresh()
            return True
        if self.decision and self.decision.on_change(target):
            return True
        if target.getAttribute("name") == "tone" and self.plan is not None:
            self.change_tone(target.value)
            return True
        return False

    def on_input(self, event):
        if self.share and self.share.owns(event.target):
            self.share.refresh()
            return
        line_id = event.target.getAttribute("data-line")
        if line_id:
            self.edited.add(line_id)
            for line in self.lines:
                if line["id"] == line_id:
                    line["text"] = event.target.value
            self.redraw_card()

    # The plan's own actions -------------------------------------------------
    def open_practice(self):
        """Practise the talk, starting from the person's own first line."""
        if not self.practice:
            self.practice = Practice(self.catalogue, dom.one("[data-practice]", self.app))
        self.practice.open(self.answers(), scripts.main_path(self.lines)[0]["text"])
        self.go("practice")

    def change_tone(self, tone):
        self.tone = tone
        fresh = scripts.compose(self.catalogue, self.answers(), self.plan["ask"], tone)
        self.lines = scripts.retone(self.lines, fresh, self.edited)
        dom.replace(dom.one("[data-script-lines]", self.app),
                    script_views.script_map(self.catalogue, self.lines))
        self.redraw_card()
        dom.set_text(dom.one("[data-script-status]", self.app),
                     self.catalogue.guidance["actions"]["retoned"])

    def card(self):
        """The plan card, with the first lines in the person's own words."""
        return cards.plan_card(self.catalogue, self.answers(), self.plan, self.lines)

    def redraw_card(self):
        old = dom.one("[data-plan-card]", self.app)
        old.parentNode.replaceChild(dom.build(script_views.plan_card(self.card())), old)

    def script_text(self):
        return plain.script_text(self.catalogue, self.lines)

    def copy_script(self):
        actions = self.catalogue.guidance["actions"]
        clipboard.copy(self.script_text(), dom.one("[data-script-status]", self.app),
                       actions["copied"], actions["copy_failed"])

    def plan_text(self):
        return plain.plan_text(self.catalogue, self.plan, self.lines, self.card())

    def copy_plan(self):
        actions = self.catalogue.guidance["actions"]
        clipboard.copy(self.plan_text(), dom.one("[data-plan-status]", self.app),
                       actions["copied"], actions["copy_failed"])

    def download(self):
        """Save the plan as a text file, made on the device; nothing is uploaded."""
        files.save(self.plan_text(), self.catalogue.guidance["actions"]["filename"],
                   "text/plain;charset=utf-8")

    def download_script(self):
        files.save(self.script_text(), self.catalogue.guidance["actions"]["script_filename"],
                   "text/plain;charset=utf-8")
