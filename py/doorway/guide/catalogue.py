"""Look-ups over the compiled content.

The build checks the content and writes it as one JSON document (see
``doorway.builder.content``). :class:`Catalogue` wraps that document with the
indexes the logic needs: entries by id, by link code, and the order of the
first steps from smallest to largest.
"""

import json
import os


def whole(name):
    """The section a :func:`part` is of: ``reasons`` for ``reasons[id,label]``."""
    return name.split("[", 1)[0].split(".", 1)[0]


def part(data, name):
    """A part of a section of ``data`` (a dict, or :class:`Sections`), or None.

    ``"decision.situations"`` is a key of a section that is a table (``.`` goes
    one table deeper); ``[fields]`` at the end keeps those fields of every
    entry of a list, in order: ``"reasons[id,label]"``,
    ``"decision.situations.items[id,label]"``, or those keys of a table:
    ``"safety[countries,lines]"``. The build gives a page that reads only the
    part just the part, as a file of its own (``doorway.builder.sections``).
    """
    fields = None
    if name.endswith("]") and "[" in name:
        name, fields = name[:-1].split("[", 1)
    keys = name.split(".")
    if keys[0] not in data or (fields is None and len(keys) == 1):
        return None
    value = data[keys[0]]
    for key in keys[1:]:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    if fields is None:
        return value
    fields = fields.split(",")
    if isinstance(value, dict):
        return {key: value[key] for key in fields if key in value}
    if not isinstance(value, list):
        return None
    return [{key: entry[key] for key in fields if key in entry} for entry in value]


#: What a page that was not given a section says when its Python reads it.
MISSING = ("the content section %r is not on this page: the build gives each page the "
           "sections its Python reads (doorway.builder.sections)")


class Sections:
    """The content as a page's bundles give it: one JSON file per section in
    ``folder`` (``content/reasons.json``), each parsed when it is first read.

    So a page's start parses no section it does not read yet, and a section
    that arrives later (the page's second bundle) is simply a new file.
    """

    def __init__(self, folder):
        self.folder = folder
        self.parsed = {}

    def _path(self, name):
        return "%s/%s.json" % (self.folder, name)

    def __contains__(self, name):
        if name in self.parsed:
            return True
        try:
            os.stat(self._path(name))
        except OSError:
            return False
        return True

    def __getitem__(self, name):
        if name not in self.parsed:
            try:
                with open(self._path(name)) as handle:
                    self.parsed[name] = json.loads(handle.read())
            except OSError:
                raise KeyError(name) from None
        return self.parsed[name]

    def get(self, name, default=None):
        try:
            return self[name]
        except KeyError:
            return default

    def reread(self, paths):
        """``paths`` were just written (a second bundle): the sections among
        them that were parsed already are parsed again when next read, because
        a bundle may bring a section anew (the sources: the first bundle holds
        only those its sections cite). Returns their names."""
        names = [name for name in self.parsed if self._path(name) in paths]
        for name in names:
            del self.parsed[name]
        return names


class Catalogue:
    """Read-only access to the content, with indexes built on first use.

    A page's bundle holds only the content sections its Python reads (see
    ``doorway.builder.sections``, which finds them by reading this class and
    the page's modules), so nothing here reads a section before it is asked
    for, and every read names its section as a literal:
    :meth:`read_section` and :meth:`_find` (``"reasons"``, not a variable).
    """

    def __init__(self, data):
        self.data = data
        self._indexes = {}
        #: Objects built once from the content by the modules that use them
        #: (``doorway.guide.reply_check.checker``), which this module does not
        #: import: every page imports it, and few need them.
        self.made = {}

    @classmethod
    def from_json(cls, text):
        return cls(json.loads(text))

    @classmethod
    def from_folder(cls, folder):
        """The sections in ``folder``, one file each, parsed when first read (:class:`Sections`)."""
        return cls(Sections(folder))

    def reread(self, paths):
        """Files a second bundle just wrote (``doorway.ui.later``): a section it
        brought anew is read again, and its indexes are built again."""
        if isinstance(self.data, Sections):
            names = self.data.reread(paths)
            # An index of a part (``sources[id,url]``) read from a whole section is stale too.
            for key in [key for key in self._indexes
                        if key[0] in names or whole(key[0]) in names]:
                del self._indexes[key]

    def read_section(self, name):
        """One top-level section of the content (a file of site/content, or a
        folder), or a :func:`part` of one: ``"decision.situations"``,
        ``"reasons[code,exclusive,id,label]"``.

        A page whose Python reads only such a part is given only that part, as
        a file of its own (``content/decision.situations.json``), and a page
        given the whole section finds the part inside it.
        """
        if name in self.data:
            return self.data[name]
        found = part(self.data, name)
        if found is None:
            raise LookupError(MISSING % name)
        return found

    def _find(self, section, path, key, value):
        """The entry of ``section`` (then ``path`` inside it) whose ``key`` is ``value``."""
        name = (section, path, key)
        index = self._indexes.get(name)
        if index is None:
            entries = self.read_section(section)
            for step in path:
                entries = entries[step]
            index = self._indexes[name] = {entry[key]: entry for entry in entries}
        return index.get(value)

    @property
    def site(self):
        return self.read_section("site")

    @property
    def wizard(self):
        return self.read_section("wizard")

    @property
    def script(self):
        return self.read_section("script")

    @property
    def guidance(self):
        return self.read_section("guidance")

    @property
    def headings(self):
        """The plan's section headings (``guidance.sections``), which the partner's
        page uses too, without the rest of the guidance."""
        return self.read_section("guidance.sections")

    @property
    def safety(self):
        return self.read_section("safety")

    @property
    def helplines(self):
        """Every country's helplines, the international directory and the words
        around each line: what a page draws one place's help cards from, without
        the safety pages' own text (which the pages' HTML holds)."""
        return self.read_section("safety[countries,international,lines]")

    @property
    def safety_screen(self):
        """The safety questions (the wizard's first question step)."""
        return self.read_section("safety.screen")

    @property
    def partner_line(self):
        """The partner page's quiet line to the help."""
        return self.read_section("safety.partner_line")

    @property
    def saved_plan_note(self):
        """Said before a plan is copied, printed or downloaded."""
        return self.read_section("safety.saved_plan_note")

    @property
    def partner(self):
        return self.read_section("partner")

    @property
    def reasons(self):
        return self.read_section("reasons")

    @property
    def reason_labels(self):
        """Each reason's id, link code, label and whether it stands alone, in
        order: what the questions and links need, without the advice and the
        sources the plan gives."""
        return self.read_section("reasons[code,exclusive,id,label]")

    @property
    def asks(self):
        return self.read_section("asks")

    @property
    def decision(self):
        return self.read_section("decision")

    @property
    def situations(self):
        """The situations that change the advice: the context step's optional
        question, and the decision aid's (``decision.toml``)."""
        return self.read_section("decision.situations")

    @property
    def situation_labels(self):
        """Each situation's id and label, in order: what the context step and
        "Check your answers" need, without the advice the plan gives for it."""
        return self.read_section("decision.situations.items[id,label]")

    @property
    def stances(self):
        return self.read_section("wizard")["stance"]["options"]

    @property
    def reply_options(self):
        return self.read_section("partner")["reply"]["options"]

    @property
    def reply_choices(self):
        return self.read_section("partner")["reply"]["choices"]

    @property
    def reply_conditions(self):
        return self.read_section("partner")["reply"]["conditions"]

    @property
    def reply_periods(self):
        return self.read_section("partner")["reply"]["periods"]

    @property
    def note_limit(self):
        """Most characters a personal note in a link may have."""
        return self.read_section("site")["note_limit"]

    def reason(self, reason_id):
        return self._find("reasons", (), "id", reason_id)

    def reason_label(self, reason_id):
        """A reason's :attr:`reason_labels` entry, or None."""
        return self._find("reasons[code,exclusive,id,label]", (), "id", reason_id)

    def reason_by_code(self, code):
        """A reason's :attr:`reason_labels` entry by its link code, or None."""
        return self._find("reasons[code,exclusive,id,label]", (), "code", code)

    def reason_for_partner(self, reason_id):
        """What the partner's page shows of a reason (its ``partner`` words and
        ``sources``), or None."""
        return self._find("reasons[id,partner,sources]", (), "id", reason_id)

    def ask(self, ask_id):
        return self._find("asks", (), "id", ask_id)

    def ask_by_code(self, code):
        return self._find("asks", (), "code", code)

    def ask_rank(self, ask_id):
        """Position of a first step on the ladder, 0 being the smallest."""
        for rank, ask in enumerate(self.read_section("asks")):
            if ask["id"] == ask_id:
                return rank
        raise KeyError(ask_id)

    def stance(self, stance_id):
        return self._find("wizard", ("stance", "options"), "id", stance_id)

    def tip(self, tip_id):
        found = self._find("tips", (), "id", tip_id)
        if found is None:
            raise KeyError(tip_id)
        return found

    def source(self, source_id):
        """A source, with what the pages show of it (not the reviewers' ``note``,
        which only the about page lists)."""
        found = self._find("sources[author,id,title,url,year]", (), "id", source_id)
        if found is None:
            raise KeyError(source_id)
        return found

    def citation(self, source_id):
        """A source as the line under a helpline card cites it: author, year and
        link, without the title (so the pages that start with the help do not
        carry every title they cite)."""
        found = self._find("sources[author,id,url,year]", (), "id", source_id)
        if found is None:
            raise KeyError(source_id)
        return found

    def reply_option(self, option_id):
        return self._find("partner", ("reply", "options"), "id", option_id)

    def reply_option_by_code(self, code):
        return self._find("partner", ("reply", "options"), "code", code)

    def reply_choice(self, choice_id):
        return self._find("partner", ("reply", "choices"), "id", choice_id)

    def reply_choice_by_code(self, code):
        return self._find("partner", ("reply", "choices"), "code", code)

    def reply_condition(self, condition_id):
        return self._find("partner", ("reply", "conditions"), "id", condition_id)

    def reply_period(self, period_id):
        return self._find("partner", ("reply", "periods"), "id", period_id)

    def reply_period_by_code(self, code):
        return self._find("partner", ("reply", "periods"), "code", code)

    def country(self, country_id):
        return self._find("safety[countries,international,lines]", ("countries",), "id",
                          country_id)

    def hope(self, hope_id):
        return self._find("wizard", ("context", "hopes"), "id", hope_id)

    def limit(self, limit_id):
        return self._find("wizard", ("context", "limits"), "id", limit_id)

    def conflict(self, conflict_id):
        return self._find("wizard", ("context", "conflict"), "id", conflict_id)

    def topic(self, topic_id):
        """What the arguments are about (the context step), or None."""
        return self._find("wizard", ("context", "topics"), "id", topic_id)

    def reply_rules(self, language="en"):
        """The reply checker's rules for ``language`` (``reply_checker/<language>.toml``),
        or None; :func:`doorway.guide.reply_check.checker` builds the checker."""
        return self._find("reply_checker", (), "language", language)

    def option(self, option_id):
        """An option of the decision aid (``decision.toml``), or None."""
        return self._find("decision", ("options",), "id", option_id)

    def situation(self, situation_id):
        """A situation that changes the advice (``decision.toml``), or None."""
        return self._find("decision.situations", ("items",), "id", situation_id)

    def exclusive_reason(self):
        """The id of the reason that stands alone ("I don't know")."""
        for reason in self.reason_labels:
            if reason.get("exclusive"):
                return reason["id"]
        return None
