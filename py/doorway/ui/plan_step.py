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

    def made_from(self, answers):
        """True when the plan drawn was made from exactly these answers."""
        return self.plan is not None and self.planned == answers

    def draw(self, kept=None):
        """The plan for the answers; ``kept`` is a kept plan being opened again
        (:mod:`doorway.guide.resume`): its own tone, lines and weights come back too."""
        answers = self.answers()
        if kept:
            self.tone = kept["tone"]
        self.plan = planner.make_plan(self.catalogue, answers)
        if kept:
            self.lines, edited = resume.restore(self.catalogue, kept, self.plan["ask"])
            self.edited = set(edited)
        else:
            self.lines = scripts.compose(self.catalogue, answers, self.plan["ask"], self.tone)
            self.edited = set()
        self.share = Share(self.catalogue, self.plan)
        self.decision = DecisionAid(self.catalogue, self.plan, answers,
                                    lambda: (self.tone, self.lines, self.edited),
                                    kept["weights"] if kept else None)
        results = dom.one("[data-results]", self.app)
        dom.replace(results, views.results(self.catalogue, self.plan, self.card(), self.lines,
                                           self.tone, self.share.start_choices(),
                                           self.decision.slots()))
        if kept:
            results.insertBefore(dom.build(decision_views.restored(self.catalogue)),
                                 results.firstChild)
        self.decision.attach(results)
        self.share.attach(dom.one("#section-share", self.app))
        self.planned = copy_answers(answers)

    def drop(self):
        """Forget the plan and everything made from it (the script, a link, practice)."""
        dom.clear(dom.one("[data-results]", self.app))
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
