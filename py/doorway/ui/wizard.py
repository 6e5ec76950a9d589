"""The wizard on the welcome page: one question per step, then the plan.

Every question step is already in the page (rendered by jinja2); this module
shows one at a time and checks each step's answers with
:mod:`doorway.guide.answers`; the plan step (:mod:`.plan_step`) comes with the
page's second bundle (:mod:`.later`), awaited when the plan is first drawn. Each step shown is a
history entry of the same address whose state is a number only
(:mod:`doorway.guide.trail`): the browser's Back and Forward move between
steps, answers stay in this object, and an entry it does not hold (after a
wipe, or on a fresh load) shows a clean start.
"""

import js
from pyscript import window

from doorway.guide import answers as checks
from doorway.guide import safety as routes
from doorway.guide import situations
from doorway.guide import trail as trails
from doorway.guide.views import check as check_views

from . import dom, forms, later, safety


def address():
    """This page's address, as every history entry of the wizard has it: no
    fragment, and nothing that names a step or an answer."""
    return window.location.pathname + window.location.search


def may_hold_link():
    """A first look at the address bar, before ui.resume (in the second bundle)
    is there to read it: a fragment shaped like a link token (``k1p.…``, not an
    anchor such as ``section-weeks``) or one boot.js refused as too long.
    :meth:`doorway.ui.resume.Resume.pending` makes sure."""
    token = dom.read_fragment()
    return (("." in token and "/" not in token)
            or js.document.documentElement.getAttribute("data-link-error") == "too_long")


class Wizard:
    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.app = dom.one("#app")
        self.answers = checks.blank_answers()
        self.trail = trails.Trail()
        self.current = trails.FIRST
        self.changing = False  # a Change on "Check your answers" leads back there
        self.opener = None  # what had the focus before "Start over?" opened
        self.help = safety.Help(catalogue)
        self.footer_help = None  # the footer's "If you don't feel safe" (app.wipe)
        self.results = None  # the plan step (ui.plan_step), once its bundle is there
        self.drawing = False  # a plan is on its way: a second click waits for it
        self.resume = None  # a kept plan being opened (ui.resume)

    # Steps ----------------------------------------------------------------
    def show(self, step):
        """Draw ``step`` (the one the current history entry holds)."""
        if step == trails.CHECK:
            dom.replace(dom.one("[data-check]", self.app),
                        check_views.summary(self.catalogue, self.answers))
        # Only the steps on screen are looked at: each call into the page costs.
        for section in dom.every("[data-step]:not([hidden])", self.app):
            if section.getAttribute("data-step") != step:
                dom.show(section, False)
        shown = dom.one('[data-step="%s"]' % step, self.app)
        dom.show(shown, True)
        self.current = step
        self.app.setAttribute("data-current", step)
        window.scrollTo(0, 0)
        dom.focus(dom.one("h1", shown))
        if step == trails.CHECK and not (self.results and self.results.made_from(self.answers)):
            dom.later(self.draft_plan())

    def go(self, step):
        """Show ``step`` in a new history entry of the same address."""
        window.history.pushState(self.trail.push(step), "", address())
        self.show(step)

    def back(self):
        """The page's own Back buttons do what the browser's Back does."""
        if self.trail.has_previous():
            window.history.back()

    def on_popstate(self, event):
        """The browser's Back or Forward moved to another entry of this page."""
        if dom.read_fragment():
            return  # a link pasted into the address bar: "hashchange" reads it
        self.changing = False
        self.close_restart()
        step = self.trail.reach(event.state)
        if step is None:  # nothing in memory for it: a clean start
            self.wipe()
            self.settle()
        else:
            self.show(step)

    def settle(self):
        """The current history entry holds the trail's position: 0, the first
        step, after a wipe or on a page loaded or restored into an old entry."""
        window.history.replaceState(self.trail.position, "", address())

    def wipe(self):
        """Back to the welcome step with nothing remembered and every field empty:
        Start over, and leaving the page in any way. The history is left as it
        is (the page may be on its way out); its entries now lead to a clean start."""
        for form in dom.every("form", self.app):
            form.reset()
            forms.clear_errors(form)
        self.help.wipe(self.app)
        self.answers = checks.blank_answers()
        self.trail = trails.Trail()
        self.changing = False
        self.opener = None
        self.close_restart()
        dom.clear(dom.one("[data-check]", self.app))
        if self.results:
            self.results.wipe()
        if self.resume:
            self.resume.wipe()
        self.show(trails.FIRST)

    def drop_plan(self):
        """Forget the plan and everything made from it (the script, a link, practice)."""
        if self.results:
            self.results.drop()

    def restart(self):
        """Start over: wipe, then return to the first of this page's history
        entries, so the next Back leaves Doorway as it would have at the start."""
        back = self.trail.position
        self.wipe()
        if back:
            window.history.go(-back)

    def ask_restart(self):
        """Start over from a plan asks first, in the page: the answers, the plan
        and any words changed in the script cannot be brought back."""
        if self.results is None or self.results.plan is None:
            self.restart()
            return
        dialog = dom.one("[data-restart-dialog]", self.app)
        if not dialog.open:
            # Not modal: a modal dialog makes the rest of the page inert, Quick
            # exit included, and Quick exit must work at every moment.
            self.opener = js.document.activeElement
            dialog.show()
            dom.focus(dom.one('[data-action="restart-cancel"]', dialog))

    def close_restart(self):
        dialog = dom.one("[data-restart-dialog]", self.app)
        if dialog and dialog.open:
            dialog.close()

    # Events ---------------------------------------------------------------
    def start(self):
        self.footer_help = safety.in_footer(self.catalogue)
        dom.on(self.app, "click", self.on_click)
        dom.on(self.app, "submit", self.on_submit)
        dom.on(self.app, "change", self.on_change)
        dom.on(self.app, "input", self.on_input)
        dom.on(self.app, "keydown", self.on_keydown)
        dom.on(js.window, "popstate", self.on_popstate)
        # A page the back/forward cache brings back was wiped as it was left
        # (app.py): the entry it comes back in is its first step now.
        dom.on(js.window, "pageshow", lambda event: self.settle() if event.persisted else None)
        if not self.read_link():
            self.settle()  # an entry left from an earlier visit starts afresh too
            self.offer_start()
        # A kept plan's link pasted into this tab later only changes the fragment.
        dom.on(js.window, "hashchange", lambda event: self.read_link())

    def read_link(self):
        """Open a kept plan's link in the address bar, if there may be one; True
        if there may be. ui.resume, which reads it, comes with the second bundle."""
        if not may_hold_link():
            return False
        dom.later(self.open_link())
        return True

    async def open_link(self):
        try:
            await later.ready()
            if self.resume is None:
                from .resume import Resume
                self.resume = Resume(self.catalogue, self.app, self.go, self.restore)
            if not self.resume.pending():
                self.settle()
                return
            self.wipe()
            step = self.resume.read()
            self.trail.replace(step)
            self.settle()
            self.show(step)
        finally:
            self.offer_start()

    def offer_start(self):
        """The welcome's Start, in place of its "Getting ready" line. Not before
        a link in the address has been read: a Start pressed while a kept plan's
        link waits for the second bundle would begin a new plan instead."""
        dom.show(dom.one("[data-loading]", self.app), False)
        dom.show(dom.one('[data-action="start"]', self.app), True)

    def begin(self):
        """Start: the safety questions, and the content the questions' answers
        are checked against read while they are answered."""
        self.go("safety")
        dom.later(self.read_ahead())

    async def read_ahead(self):
        """Parse the content sections the question steps read when their
        answers are sent, one at a time when the browser is idle, while the
        first questions are read. A section is parsed when first read
        (:class:`doorway.guide.catalogue.Sections`): in the clicks that send the
        answers, the safety questions' section alone held the first answer's
        click for some 6 ms before the next step could be drawn."""
        await dom.frame()  # not before the safety questions are on screen
        for read in (lambda: self.catalogue.safety_screen, lambda: self.catalogue.wizard,
                     lambda: self.catalogue.reason_labels,
                     lambda: self.catalogue.situation_labels):
            await dom.idle()
            read()

    def on_click(self, event):
        if self.results and self.results.on_click(event):
            return
        target = event.target.closest("[data-action]")
        if not target:
            return
        action = target.getAttribute("data-action")
        handler = {
            "start": self.begin,
            "back": self.back,
            "restart": self.ask_restart,
            "restart-confirm": self.restart,
            "restart-cancel": self.cancel_restart,
            "change": lambda: self.change(target.getAttribute("data-change")),
            "see-plan": self.see_plan,
            "help": lambda: self.safety_next(routes.HELP),
            "continue": lambda: self.safety_next("continue"),
            "confirm": lambda: self.safety_next("confirm"),
            "help-back": lambda: self.safety_next("back"),
            "print": lambda: window.print(),
            "go-share": lambda: dom.focus(dom.one("#share-heading")),
            "practice-leave": self.back,
        }.get(action)
        if handler:
            handler()

    def on_submit(self, event):
        form = event.target
        step = form.getAttribute("data-form")
        if self.results and self.results.on_submit(event):
            return
        if step == "resume-unlock":
            event.preventDefault()
            self.resume.on_submit(form)
            return
        if step not in ("safety", "stance", "reasons", "context"):
            return
        event.preventDefault()
        getattr(self, "submit_" + step)(form)

    def on_change(self, event):
        target = event.target
        if self.results and self.results.on_change(target):
            return
        if target.hasAttribute("data-place"):
            self.help.change(target)
        elif target.getAttribute("name") == "reasons":
            self.exclusive_reason(target)

    def on_input(self, event):
        if self.results:
            self.results.on_input(event)

    # Question steps -------------------------------------------------------
    def submit_safety(self, form):
        values = {}
        for item in self.catalogue.safety_screen["items"]:
            values[item["id"]] = forms.checked_one(form, "safety-" + item["id"])
        checked, errors = checks.check_safety(self.catalogue, values)
        forms.show_errors(form, errors)
        if errors:
            return
        self.answers["safety"] = checked
        step = routes.first_page(self.catalogue, checked)
        if step != routes.GUIDE:
            self.drop_plan()  # no plan, script or partner link on the safety route
        self.show_page(step)

    def submit_stance(self, form):
        stance, errors = checks.check_stance(self.catalogue, forms.checked_one(form, "stance"))
        forms.show_errors(form, errors)
        if not errors:
            self.answers["stance"] = stance
            self.answered("stance")

    def submit_reasons(self, form):
        reasons, errors = checks.check_reasons(self.catalogue, forms.checked(form, "reasons"))
        forms.show_errors(form, errors)
        if not errors:
            self.answers["reasons"] = reasons
            self.answered("reasons")

    def submit_context(self, form):
        context, errors = checks.check_context(self.catalogue, {
            "name": forms.value(form, "name"),
            "conflict": forms.checked_one(form, "conflict"),
            "hopes": forms.checked(form, "hopes"),
            "limits": forms.checked(form, "limits"),
            "topics": forms.checked(form, "topics"),
        })
        forms.show_errors(form, errors)
        if errors:
            return
        for key in context:
            self.answers[key] = context[key]
        self.answers["situations"] = situations.check_situations(
            self.catalogue, forms.checked(form, "situations"))
        self.answered("context")

    def answered(self, step):
        """On to the next question, or back to "Check your answers" after a Change."""
        following = trails.next_step(step, self.changing)
        self.changing = False
        self.go(following)

    # Check your answers ---------------------------------------------------
    def change(self, step):
        """A Change button: that question again, then back to the check page."""
        self.changing = True
        self.go(step)

    def see_plan(self):
        """The plan for the answers: the one already made (with any words changed
        in it) when the answers are the same, else a new one."""
        if self.results and self.results.made_from(self.answers):
            self.go("results")
        else:
            self.show_results()

    def on_keydown(self, event):
        """Escape answers "No" to Start over, as it would in a modal dialog."""
        if event.key == "Escape" and event.target.closest("[data-restart-dialog]"):
            event.preventDefault()
            self.cancel_restart()

    def cancel_restart(self):
        self.close_restart()
        if self.opener:
            dom.focus(self.opener)

    def exclusive_reason(self, box):
        """"I don't know" and the other reasons exclude each other (GOV.UK "none" pattern)."""
        if not box.checked:
            return
        form = box.form
        exclusive = box.hasAttribute("data-exclusive")
        for other in dom.every('input[name="reasons"]', form):
            if other.id != box.id and other.hasAttribute("data-exclusive") != exclusive:
                other.checked = False

    # Safety pages ---------------------------------------------------------
    def show_page(self, step):
        """Go to a page of the safety route (help drawn first) or on to the guide."""
        if step == routes.GUIDE:
            # a kept plan asks for its passphrase
            step = (self.resume and self.resume.next_step()) or step
        else:
            self.help.draw(dom.one('[data-step="%s"]' % step, self.app))
        self.go(step)

    def safety_next(self, button):
        """Where a button on a safety page leads (doorway.guide.safety.next_page):
        "Go straight to help" from anywhere; going on from "not sure" about a
        danger sign only by a second, deliberate step."""
        step = routes.next_page(self.current, button)
        if step:
            self.show_page(step)

    # Results --------------------------------------------------------------
    def show_results(self, kept=None):
        """Draw the plan for the answers (``kept``: a kept plan opened again,
        :mod:`doorway.guide.resume`) once the second bundle is there: at once,
        in the click's own task, when the plan step is already here (it is
        made while "Check your answers" is read); a task later costs a turn of
        the event loop before anything is drawn."""
        if self.drawing:
            return
        if self.results is not None:
            self.put_results(kept)
        else:
            self.drawing = True
            dom.later(self.draw_results(kept))

    async def draw_results(self, kept):
        try:
            await self.plan_step()
            self.put_results(kept)
        finally:
            self.drawing = False

    def put_results(self, kept):
        self.results.draw(kept)
        self.go("results")

    async def plan_step(self):
        """The plan step, once the second bundle is there; raises if it cannot be
        had (the calm problem step)."""
        await later.ready()
        if self.results is None:
            from .plan_step import PlanStep
            self.results = PlanStep(self.catalogue, self.app, lambda: self.answers, self.go)
        return self.results

    async def draft_plan(self):
        """While "Check your answers" is read, make the plan for them a piece at a
        time whenever the browser is idle (importing the plan step's modules
        first), so "See my plan" only has to draw it. Leaving the step pauses
        the draft, new answers replace it; what is not done by "See my plan" is
        done then."""
        await dom.frame()  # not before the check page is on screen
        await dom.idle()
        if self.current != trails.CHECK or not later.loaded():
            return  # "See my plan" waits for the bundle, or says it could not be had
        results = await self.plan_step()
        if results.made_from(self.answers):
            return
        draft = results.drafted() or results.draft()
        for _ in draft.steps:
            await dom.idle()
            if results.pending is not draft or self.current != trails.CHECK:
                return
        await dom.collect_garbage()  # the draft's, before "See my plan" is clicked

    def restore(self, kept):
        """Draw a kept plan, once the safety questions have been answered again."""
        safety_answers = self.answers["safety"]
        self.answers = kept["answers"]
        self.answers["safety"] = safety_answers
        # The passphrase step behind the plan has nothing left to open: its
        # entry shows the kept answers instead.
        self.trail.replace(trails.CHECK)
        self.show_results(kept)
