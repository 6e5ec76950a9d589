"""Practice mode on the wizard page: draws the screens, nothing else.

:mod:`doorway.guide.practice` decides every line, reaction and summary;
:mod:`doorway.guide.views.practice` builds each screen. This controller keeps
the one practice in progress in memory, draws into the wizard's
``[data-practice]`` element (``data-private``: boot.js empties it on exit), and
is handed the events that happen inside it, like the share panel. Nothing is
stored or sent; :meth:`Practice.wipe` forgets it all.
"""

from pyscript import window

from doorway.guide import practice as logic
from doorway.guide.views import practice as views

from . import clipboard, dom, forms


class Practice:
    def __init__(self, catalogue, container):
        self.catalogue = catalogue
        self.container = container
        self.words = catalogue.data["practice"]
        self.answers = None
        self.opening = ""
        self.state = None
        self.screen = None  # redraws the current screen after a pause
        self.result = None

    def owns(self, element):
        return self.container.contains(element)

    def open(self, answers, opening):
        """Show the first view for this plan: what practice is, and their opening."""
        self.answers = answers
        self.opening = opening
        self.state = None
        self.result = None
        self.draw(lambda: views.intro(self.catalogue, self.opening), focus=False)

    def wipe(self):
        """Back to the first view, with nothing of the practice kept."""
        dom.clear(self.container)
        self.answers = None
        self.opening = ""
        self.state = None
        self.screen = None
        self.result = None

    def draw(self, screen, remember=True, focus=True):
        """Draw a screen and move focus to its heading. ``remember``: the screen
        to come back to after a break (not the break itself)."""
        if remember:
            self.screen = screen
        dom.replace(self.container, screen())
        if focus:
            dom.focus(dom.one(".practice-heading", self.container))

    # Events -----------------------------------------------------------------
    def on_click(self, event):
        """Handle a click inside the practice; False if it was not for us
        (the wizard then handles it: Back to your plan)."""
        target = event.target.closest("[data-action]")
        if not target:
            return True
        handler = {
            "practice-start": self.start,
            "practice-pause": lambda: self.draw(lambda: views.pause(self.catalogue), False),
            "practice-resume": lambda: self.draw(self.screen),
            "practice-end": self.finish,
            "practice-next": self.next_turn,
            "practice-copy": self.copy,
        }.get(target.getAttribute("data-action"))
        if handler:
            handler()
            return True
        return False

    def on_submit(self, event):
        event.preventDefault()
        form = event.target
        own = forms.value(form, views.OWN)
        picked = forms.checked_one(form, views.PICK)
        options = logic.picks(self.catalogue, self.state)
        text = own if own.strip() or picked is None else options[int(picked)]
        text, error = logic.clean_reply(self.catalogue, text)
        forms.show_errors(form, [{"field": views.OWN, "message": error}] if error else [])
        if error:
            return
        record = logic.reply(self.catalogue, self.state, text)
        self.draw(lambda: views.feedback(self.catalogue, self.state, record))

    # Steps ------------------------------------------------------------------
    def start(self):
        seed = int(window.Math.random() * 1000000000)
        self.state = logic.begin(self.catalogue, self.answers, self.opening, seed)
        self.result = None
        self.show_turn()

    def show_turn(self):
        options = logic.picks(self.catalogue, self.state)
        self.draw(lambda: views.turn(self.catalogue, self.state, options))

    def next_turn(self):
        if logic.finished(self.state):
            self.finish()
        else:
            self.show_turn()

    def finish(self):
        self.result = logic.summary(self.catalogue, self.state)
        self.draw(lambda: views.summary(self.catalogue, self.state, self.result))

    def copy(self):
        words = self.words["summary"]
        clipboard.copy(logic.kept_text(self.result),
                       dom.one("[data-practice-status]", self.container),
                       words["copied"], words["copy_failed"])
