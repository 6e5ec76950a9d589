"""Look-ups over the compiled content.

The build checks the content and writes it as one JSON document (see
``doorway.builder.content``). :class:`Catalogue` wraps that document with the
indexes the logic needs: entries by id, by link code, and the order of the
first steps from smallest to largest.
"""

import json


def _index(entries, key="id"):
    return {entry[key]: entry for entry in entries}


class Catalogue:
    """Read-only access to the content, with indexes built once."""

    def __init__(self, data):
        self.data = data
        self.site = data["site"]
        self.wizard = data["wizard"]
        self.script = data["script"]
        self.guidance = data["guidance"]
        self.safety = data["safety"]
        self.partner = data["partner"]
        self.reasons = data["reasons"]
        self.asks = data["asks"]
        self.stances = self.wizard["stance"]["options"]
        reply = self.partner["reply"]
        self.reply_options = reply["options"]
        self.reply_choices = reply["choices"]
        self.reply_conditions = reply["conditions"]
        self.reply_periods = reply["periods"]
        self.decision = data["decision"]
        self._options = _index(self.decision["options"])
        self._situations = _index(self.decision["situations"]["items"])
        self._reasons = _index(self.reasons)
        self._reasons_by_code = _index(self.reasons, "code")
        self._asks = _index(self.asks)
        self._asks_by_code = _index(self.asks, "code")
        self._ask_rank = {}
        for rank, ask in enumerate(self.asks):
            self._ask_rank[ask["id"]] = rank
        self._stances = _index(self.stances)
        self._tips = _index(data["tips"])
        self._sources = _index(data["sources"])
        self._replies = _index(self.reply_options)
        self._replies_by_code = _index(self.reply_options, "code")
        self._choices = _index(self.reply_choices)
        self._choices_by_code = _index(self.reply_choices, "code")
        self._conditions = _index(self.reply_conditions)
        self._periods = _index(self.reply_periods)
        self._periods_by_code = _index(self.reply_periods, "code")
        self._countries = _index(self.safety["countries"])
        context = self.wizard["context"]
        self._hopes = _index(context["hopes"])
        self._limits = _index(context["limits"])
        self._conflicts = _index(context["conflict"])
        self._topics = _index(context["topics"])
        self._reply_rules = _index(data["reply_checker"], "language")
        self._reply_checkers = {}

    @classmethod
    def from_json(cls, text):
        return cls(json.loads(text))

    @property
    def note_limit(self):
        """Most characters a personal note in a link may have."""
        return self.site["note_limit"]

    def reason(self, reason_id):
        return self._reasons.get(reason_id)

    def reason_by_code(self, code):
        return self._reasons_by_code.get(code)

    def ask(self, ask_id):
        return self._asks.get(ask_id)

    def ask_by_code(self, code):
        return self._asks_by_code.get(code)

    def ask_rank(self, ask_id):
        """Position of a first step on the ladder, 0 being the smallest."""
        return self._ask_rank[ask_id]

    def stance(self, stance_id):
        return self._stances.get(stance_id)

    def tip(self, tip_id):
        return self._tips[tip_id]

    def source(self, source_id):
        return self._sources[source_id]

    def reply_option(self, option_id):
        return self._replies.get(option_id)

    def reply_option_by_code(self, code):
        return self._replies_by_code.get(code)

    def reply_choice(self, choice_id):
        return self._choices.get(choice_id)

    def reply_choice_by_code(self, code):
        return self._choices_by_code.get(code)

    def reply_condition(self, condition_id):
        return self._conditions.get(condition_id)

    def reply_period(self, period_id):
        return self._periods.get(period_id)

    def reply_period_by_code(self, code):
        return self._periods_by_code.get(code)

    def country(self, country_id):
        return self._countries.get(country_id)

    def hope(self, hope_id):
        return self._hopes.get(hope_id)

    def limit(self, limit_id):
        return self._limits.get(limit_id)

    def conflict(self, conflict_id):
        return self._conflicts.get(conflict_id)

    def topic(self, topic_id):
        """What the arguments are about (the context step), or None."""
        return self._topics.get(topic_id)

    def reply_checker(self, language="en"):
        """The reply checker for ``language``, built on first use; None if there is none."""
        if language not in self._reply_checkers:
            rules = self._reply_rules.get(language)
            if rules is None:
                return None
            from .reply_check import ReplyChecker
            self._reply_checkers[language] = ReplyChecker(rules)
        return self._reply_checkers[language]

    def option(self, option_id):
        """An option of the decision aid (``decision.toml``), or None."""
        return self._options.get(option_id)

    def situation(self, situation_id):
        """A situation that changes the advice (``decision.toml``), or None."""
        return self._situations.get(situation_id)

    def exclusive_reason(self):
        """The id of the reason that stands alone ("I don't know")."""
        for reason in self.reasons:
            if reason.get("exclusive"):
                return reason["id"]
        return None
