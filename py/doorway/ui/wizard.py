"""The wizard on the welcome page: one question per step, then the plan.

Every question step is already in the page (rendered by jinja2); this module
shows one at a time, checks each step's answers with :mod:`doorway.guide.answers`
and builds the results from :mod:`doorway.guide.plan`. Steps never touch the
browser history: Back and Start over are buttons, not links.
"""

from pyscript import document, window
from pyscript.ffi import to_js

from doorway.guide import answers as checks
from doorway.guide import plan as planner
from doorway.guide import script as scripts
from doorway.guide import text as plain

from . import clipboard, dom, forms, render

h = dom.h

#: The step after each question step, when answers are fine.
NEXT = {"welcome": "safety", "stance": "reasons", "reasons": "context", "context": "results"}


class Wizard:
    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.app = dom.one("#app")
        self.answers = checks.blank_answers()
        self.history = []
        self.current = "welcome"
        self.plan = None
        self.tone = scripts.TONES[0]
        self.lines = []
        self.edited = set()

    # Steps ----------------------------------------------------------------
    def show(self, step):
        for section in dom.every("[data-step]", self.app):
            dom.show(section, section.getAttribute("data-step") == step)
        self.current = step
        self.app.setAttribute("data-current", step)
        window.scrollTo(0, 0)
        dom.focus(dom.one('[data-step="%s"] h1' % step, self.app))

    def go(self, step):
        self.history.append(self.current)
        self.show(step)

    def back(self):
        if self.history:
            self.show(self.history.pop())

    def restart(self):
        for form in dom.every("form", self.app):
            form.reset()
            forms.clear_errors(form)
        dom.clear(dom.one("[data-results]", self.app))
        self.answers = checks.blank_answers()
        self.history = []
        self.plan = None
        self.lines = []
        self.edited = set()
        self.show("welcome")

    # Events ---------------------------------------------------------------
    def start(self):
        dom.show(dom.one("[data-loading]", self.app), False)
        start = dom.one('[data-action="start"]', self.app)
        dom.show(start, True)
        dom.on(self.app, "click", self.on_click)
        dom.on(self.app, "submit", self.on_submit)
        dom.on(self.app, "change", self.on_change)
        dom.on(self.app, "input", self.on_input)

    def on_click(self, event):
        target = event.target.closest("[data-action]")
        if not target:
            return
        action = target.getAttribute("data-action")
        handler = {
            "start": lambda: self.go("safety"),
            "back": self.back,
            "restart": self.restart,
            "continue": lambda: self.go("stance"),
            "help": lambda: self.show_help("safety-route"),
            "copy-script": self.copy_script,
            "copy-plan": self.copy_plan,
            "download": self.download,
            "print": lambda: window.print(),
            "go-share": lambda: dom.focus(dom.one("#share-heading")),
        }.get(action)
        if handler:
            handler()

    def on_submit(self, event):
        form = event.target
        step = form.getAttribute("data-form")
        if step not in ("safety", "stance", "reasons", "context"):
            return
        event.preventDefault()
        getattr(self, "submit_" + step)(form)

    def on_change(self, event):
        target = event.target
        if target.getAttribute("name") == "reasons":
            self.exclusive_reason(target)
        elif target.getAttribute("name") == "tone":
            self.change_tone(target.value)

    def on_input(self, event):
        line_id = event.target.getAttribute("data-line")
        if line_id:
            self.edited.add(line_id)
            for line in self.lines:
                if line["id"] == line_id:
                    line["text"] = event.target.value

    # Question steps -------------------------------------------------------
    def submit_safety(self, form):
        values = {}
        for item in self.catalogue.safety["screen"]["items"]:
            values[item["id"]] = forms.checked_one(form, "safety-" + item["id"])
        safety, errors = checks.check_safety(self.catalogue, values)
        forms.show_errors(form, errors)
        if errors:
            return
        self.answers["safety"] = safety
        outcome = checks.safety_outcome(safety)
        if outcome == checks.CONCERN:
            self.show_help("safety-route")
        elif outcome == checks.UNSURE:
            self.show_help("unsure")
        else:
            self.go("stance")

    def submit_stance(self, form):
        stance, errors = checks.check_stance(self.catalogue, forms.checked_one(form, "stance"))
        forms.show_errors(form, errors)
        if not errors:
            self.answers["stance"] = stance
            self.go("reasons")

    def submit_reasons(self, form):
        reasons, errors = checks.check_reasons(self.catalogue, forms.checked(form, "reasons"))
        forms.show_errors(form, errors)
        if not errors:
            self.answers["reasons"] = reasons
            self.go("context")

    def submit_context(self, form):
        context, errors = checks.check_context(self.catalogue, {
            "name": forms.value(form, "name"),
            "conflict": forms.checked_one(form, "conflict"),
            "hopes": forms.checked(form, "hopes"),
            "limits": forms.checked(form, "limits"),
        })
        forms.show_errors(form, errors)
        if errors:
            return
        for key in context:
            self.answers[key] = context[key]
        self.show_results()

    def exclusive_reason(self, box):
        """"I don't know" and the other reasons exclude each other (GOV.UK "none" pattern)."""
        if not box.checked:
            return
        form = box.form
        exclusive = box.hasAttribute("data-exclusive")
        for other in dom.every('input[name="reasons"]', form):
            if other.id != box.id and other.hasAttribute("data-exclusive") != exclusive:
                other.checked = False

    # Help routes ----------------------------------------------------------
    def show_help(self, step):
        """The safety route or the "not sure" page, with help for one country."""
        from .safety import CountryHelp
        container = dom.one('[data-step="%s"] [data-country-help]' % step, self.app)
        CountryHelp(self.catalogue, container).render()
        self.go(step)

    # Results --------------------------------------------------------------
    def show_results(self):
        self.plan = planner.make_plan(self.catalogue, self.answers)
        self.lines = scripts.compose(self.catalogue, self.answers, self.plan["ask"], self.tone)
        self.edited = set()
        labels = self.catalogue.guidance["labels"]
        container = dom.one("[data-results]", self.app)
        dom.clear(container)
        nav = h("nav", {"class": "plan-nav", "aria-labelledby": "plan-nav-heading"}, [
            h("h2", {"id": "plan-nav-heading"}, self.catalogue.guidance["labels"]["contents"]),
            h("ul", {"class": "list"}, [
                h("li", None, h("a", {"href": "#section-" + s["id"]}, s["heading"]))
                for s in self.plan["sections"]
            ] + [h("li", None, h("a", {"href": "#share-heading"},
                                    self.catalogue.partner["share"]["heading"]))]),
        ])
        container.appendChild(nav)
        for section in self.plan["sections"]:
            container.appendChild(render.section(section, labels, {"script": self.script_editor}))
        container.appendChild(self.actions())
        from .share import Share  # links, Web Crypto and QR codes: only needed from here on
        container.appendChild(Share(self.catalogue, self.plan).element())
        self.go("results")

    def actions(self):
        labels = self.catalogue.guidance["actions"]
        buttons = [("copy-plan", labels["copy"]), ("print", labels["print"]),
                   ("download", labels["download"]), ("go-share", labels["share"]),
                   ("restart", self.catalogue.wizard["buttons"]["start_over"])]
        return h("section", {"class": "action-bar", "aria-labelledby": "actions-heading"}, [
            h("h2", {"id": "actions-heading"}, labels["heading"]),
            h("p", None, labels["intro"]),
            [h("button", {"type": "button", "class": "button secondary", "data-action": action},
               label) for action, label in buttons],
            h("p", {"class": "status", "data-plan-status": True, "role": "status"}),
        ])

    def script_editor(self):
        script = self.catalogue.script
        tones = h("fieldset", {"class": "tones"}, [
            h("legend", None, script["tones_legend"]),
            h("div", {"class": "radios inline"}, [
                h("div", {"class": "radio"}, [
                    h("input", {"type": "radio", "name": "tone", "id": "tone-" + tone["id"],
                                "value": tone["id"], "checked": tone["id"] == self.tone,
                                "aria-describedby": "tone-%s-hint" % tone["id"]}),
                    h("label", {"for": "tone-" + tone["id"]}, tone["label"]),
                    h("p", {"class": "hint example", "id": "tone-%s-hint" % tone["id"]},
                      tone["hint"]),
                ]) for tone in script["tones"]
            ]),
        ])
        labels = self.catalogue.guidance["actions"]
        return h("div", {"class": "script"}, [
            h("p", None, labels["script_intro"]),
            tones,
            h("div", {"data-script-lines": True}, self.line_fields()),
            h("button", {"type": "button", "class": "button secondary",
                         "data-action": "copy-script"}, labels["copy_script"]),
            h("p", {"class": "status", "data-script-status": True, "role": "status"}),
        ])

    def line_fields(self):
        fields = []
        for number, line in enumerate(self.lines):
            field_id = "line-%d" % number
            hint_id = field_id + "-hint"
            rows = 2 if len(line["text"]) < 90 else 3
            fields.append(h("div", {"class": "script-line"}, [
                h("label", {"class": "field-label", "for": field_id}, line["label"]),
                h("p", {"class": "hint", "id": hint_id}, line["hint"]) if line["hint"] else None,
                h("textarea", {"class": "textarea", "id": field_id, "rows": str(rows),
                               "data-line": line["id"], "dir": "auto",
                               "aria-describedby": hint_id if line["hint"] else None}),
            ]))
            fields[-1].querySelector("textarea").value = line["text"]
        return fields

    def change_tone(self, tone):
        self.tone = tone
        fresh = scripts.compose(self.catalogue, self.answers, self.plan["ask"], tone)
        self.lines = scripts.retone(self.lines, fresh, self.edited)
        box = dom.one("[data-script-lines]", self.app)
        dom.clear(box)
        dom.append(box, self.line_fields())
        dom.set_text(dom.one("[data-script-status]", self.app),
                     self.catalogue.guidance["actions"]["retoned"])

    def copy_script(self):
        actions = self.catalogue.guidance["actions"]
        clipboard.copy(plain.script_text(self.lines), dom.one("[data-script-status]", self.app),
                       actions["copied"], actions["copy_failed"])

    def plan_text(self):
        return plain.plan_text(self.catalogue, self.plan, self.lines)

    def copy_plan(self):
        actions = self.catalogue.guidance["actions"]
        clipboard.copy(self.plan_text(), dom.one("[data-plan-status]", self.app),
                       actions["copied"], actions["copy_failed"])

    def download(self):
        """Save the plan as a text file, made on the device; nothing is uploaded."""
        blob = window.Blob.new(to_js([self.plan_text()]),
                               to_js({"type": "text/plain;charset=utf-8"}))
        url = window.URL.createObjectURL(blob)
        anchor = h("a", {"href": url, "download": self.catalogue.guidance["actions"]["filename"]})
        document.body.appendChild(anchor)
        anchor.click()
        document.body.removeChild(anchor)
        dom.after(1000, lambda: window.URL.revokeObjectURL(url))
