"""The decision aid under a plan: weigh the options, the SURE check, the calendar
file, the decision summary and "Keep my plan".

What the page shows comes from :mod:`doorway.guide.decision`,
:mod:`doorway.guide.weeks`, :mod:`doorway.guide.resume` and the views in
:mod:`doorway.guide.views.decision`; this controller only reads the person's
choices and puts those views on the page. The wizard passes it the events that
happen inside the aid, so it adds no listeners of its own. It keeps nothing
beyond the plan on screen: everything is inside the results' ``data-private``
element, and :meth:`wipe` forgets it all.
"""

from pyscript import document, window

from doorway.guide import decision, ical, link, passphrase, resume, weeks
from doorway.guide.views import decision as views

from . import clipboard, crypto, dom, files, forms, wordlist

_ACTIONS = ("download-calendar", "print-summary", "keep-new-words", "copy-keep-link")


def today():
    """Today on this device, as ``<input type="date">`` writes it."""
    now = window.Date.new()
    return "%04d-%02d-%02d" % (now.getFullYear(), now.getMonth() + 1, now.getDate())


def _utc_now():
    now = window.Date.new()
    return (now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours(),
            now.getUTCMinutes(), now.getUTCSeconds())


class DecisionAid:
    """The decision aid for one plan. ``script()`` gives the wizard's ``(tone, lines,
    edited ids)`` when a plan is kept; ``weights`` come back from a kept plan."""

    def __init__(self, catalogue, plan, answers, script, weights=None):
        self.catalogue = catalogue
        self.plan = plan
        self.answers = answers
        self.script = script
        self.weights = dict(weights or {})
        self.before = {}
        self.after = {}
        self.root = None
        self.words = None

    def slots(self):
        """The aid's parts, for the wizard to draw with the plan."""
        state = {"answers": self.answers, "weights": self.weights, "before": self.before,
                 "after": self.after}
        return views.slots(self.catalogue, self.plan, state, today(),
                           self.catalogue.guidance["labels"])

    def attach(self, root):
        self.root = root

    def wipe(self):
        self.weights = {}
        self.before = {}
        self.after = {}
        self.words = None
        self.root = None

    # Events the wizard hands over ---------------------------------------------
    def on_change(self, target):
        """True when the change was the aid's (a value's level or a SURE answer)."""
        name = target.getAttribute("name") or ""
        if name.startswith("value-"):
            self.weights[name[len("value-"):]] = target.value
            self.rerank()
        elif name.startswith("sure-before-") or name.startswith("sure-after-"):
            which = "before" if name.startswith("sure-before-") else "after"
            answers = self.before if which == "before" else self.after
            answers[name[len("sure-%s-" % which):]] = target.value
            dom.replace(dom.one('[data-sure-result="%s"]' % which, self.root),
                        views.sure_result(self.catalogue, answers))
        else:
            return False
        self.refresh_summary()
        return True

    def on_click(self, target):
        action = target.closest("[data-action]")
        name = action.getAttribute("data-action") if action else None
        if name not in _ACTIONS:
            return False
        if name == "download-calendar":
            self.download_calendar()
        elif name == "print-summary":
            self.print_summary()
        elif name == "keep-new-words":
            self.keep(None)
        else:
            clipboard.copy(dom.one("#keep-link", self.root).value,
                           dom.one("[data-keep-copy-status]", self.root),
                           self.catalogue.decision["keep"]["copied"],
                           self.catalogue.decision["keep"]["copy_failed"])
        return True

    def on_submit(self, event):
        if event.target.getAttribute("data-form") != "keep":
            return False
        event.preventDefault()
        self.keep(forms.value(event.target, "keep-passphrase"))
        return True

    # Weigh the options ------------------------------------------------------
    def rerank(self):
        situations = self.answers.get("situations") or []
        ranked = decision.rank(self.catalogue, self.weights, situations)
        slot = decision.slot_block(self.plan, "decide")
        dom.replace(dom.one("[data-options]", self.root),
                    views.options_list(self.catalogue, ranked, slot["refs"],
                                       self.catalogue.guidance["labels"]))
        sorted_ = decision.weighed(self.catalogue, self.weights)
        dom.set_text(dom.one("[data-order-note]", self.root),
                     views.order_note(self.catalogue, sorted_ or bool(situations)))
        announce = self.catalogue.decision["decide"]["announce"]
        dom.set_text(dom.one("[data-decide-status]", self.root),
                     announce.replace("{option}", ranked[0]["option"]["name"]))
        dom.show(dom.one("[data-keep-result]", self.root), False)  # the kept link is older

    def refresh_summary(self):
        data = decision.summary(self.catalogue, self.plan, self.answers, self.weights,
                                self.before, self.after)
        dom.replace(dom.one("[data-summary-box]", self.root),
                    views.summary(self.catalogue, data))

    def print_summary(self):
        """Print the summary alone (the stylesheet hides the rest while this is set)."""
        self.refresh_summary()
        root = document.documentElement
        root.setAttribute("data-print", "summary")
        try:
            window.print()
        finally:
            root.removeAttribute("data-print")

    # The weeks ahead ----------------------------------------------------------
    def download_calendar(self):
        text = self.catalogue.decision["calendar"]
        field = dom.one("#calendar-start", self.root)
        status = dom.one("[data-calendar-status]", self.root)
        start = ical.parse_date(field.value or "")
        question = dom.one('[data-question="calendar-start"]', self.root)
        message = dom.one("[data-field-error]", question)
        if start is None:
            question.classList.add("has-error")
            dom.set_text(message, text["failed"])
            dom.show(message, True)
            dom.set_text(status, "")
            dom.focus(field)
            return
        question.classList.remove("has-error")
        dom.show(message, False)
        seed = "".join("%02x" % b for b in crypto.random_bytes(8))
        files.save(weeks.calendar_file(self.catalogue, self.answers["stance"], start,
                                       _utc_now(), seed),
                   text["filename"], "text/calendar;charset=utf-8")
        dom.set_text(status, text["done"])

    # Keep my plan -------------------------------------------------------------
    def keep(self, typed):
        """Make the resume link: with ``typed`` (the person's own passphrase) if
        given, else with four new words (``typed`` None: other words, please)."""
        text = self.catalogue.decision["keep"]
        form = dom.one('[data-form="keep"]', self.root)
        if not crypto.available():
            forms.show_errors(form, [{"field": "keep-passphrase", "message": text["no_seal"]}])
            return
        if typed and not passphrase.long_enough(crypto.normalise_passphrase(typed)):
            forms.show_errors(form, [{"field": "keep-passphrase", "message": text["own_error"]}])
            return
        try:
            body = resume.encode(self.catalogue, self.state())
        except ValueError:
            forms.show_errors(form, [{"field": "keep-passphrase", "message": text["too_long"]}])
            return
        forms.clear_errors(form)
        dom.later(dom.busy(form, self.make_link(form, body, typed)))

    def state(self):
        tone, lines, edited = self.script()
        kept = [{"id": line["id"], "text": line["text"]} for line in lines
                if line["id"] in edited]
        answers = dict(self.answers)
        answers["safety"] = {}
        return {"answers": answers, "tone": tone, "weights": self.weights, "lines": kept}

    async def make_link(self, form, body, typed):
        text = self.catalogue.decision["keep"]
        status = dom.one("[data-keep-status]", form)
        dom.set_text(status, text["working"])
        root = self.root
        words = None
        if not typed:
            words = await wordlist.generate()
            if words is None:
                dom.set_text(status, "")
                forms.show_errors(form, [{"field": "keep-passphrase",
                                          "message": text["words_error"]}])
                return
        secret = typed or " ".join(words)
        token = await crypto.seal(link.RESUME, body, secret, version=resume.VERSION)
        if self.root is not root or not root.isConnected:
            return  # the plan was wiped meanwhile
        result = dom.one("[data-keep-result]", root)
        dom.show(dom.one("[data-keep-words-box]", result), bool(words))
        dom.set_text(dom.one("[data-keep-words]", result), " ".join(words or []))
        dom.one("#keep-link", root).value = dom.site_url("") + "#" + token
        dom.set_text(dom.one("[data-keep-copy-status]", result), "")
        dom.set_text(status, "")
        form.reset()
        dom.show(result, True)
        dom.focus(dom.one("#keep-link", root))
