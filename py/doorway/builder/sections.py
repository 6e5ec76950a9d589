"""Which content sections a page's Python reads, found by reading the code.

The content is one JSON document of top-level sections (``reasons``,
``sources``, ``decision``, …). A page's bundle holds only the sections the
modules it can import (:mod:`.imports`) may read, so the partner page does not
download and parse the decision aid. Nothing lists sections by hand:

- :func:`catalogue_reads` reads ``doorway/guide/catalogue.py``: for every
  property and method of ``Catalogue``, the sections it reads (each read names
  its section as a literal: ``self.read_section("reasons")``,
  ``self._find("partner", …)``), following the ones it calls;
- :func:`page_sections` then looks at every attribute the page's modules use
  (``catalogue.reasons``, ``catalogue.source(…)``; any object's attribute of
  that name counts, so the answer errs on the side of more), every
  ``.data["practice"]`` and every ``.read_section("tips")``.

A read may name a part of a section (``doorway.guide.catalogue.part``): one
key of a table, ``self.read_section("decision.situations")``, or some fields
of every entry of a list, ``self.read_section("reasons[id,label,exclusive]")``.
A page that reads only that part is given it as a section of its own
(:func:`section`), so the welcome page's questions do not bring the decision
aid or the reasons' advice; a page that reads the whole section as well is
given only the whole.

The sources are the one section other sections cite by id (:data:`CITED`):
a bundle carries only the sources its other sections cite (:func:`cited`;
read through ``Catalogue.source``, only the fields the pages show),
so the questions' safety help does not bring the plan's references. A second
bundle whose sections cite more carries them all again, and the page reads
the section anew when it arrives (``Catalogue.reread``).

A read the code does not spell out (``catalogue.data[name]`` or
``catalogue.read_section(name)`` with a variable) gives the page every section.
The browser's ``Catalogue`` raises ``LookupError`` naming a section a page
was not given, so a miss fails loudly in the browser tests.
"""

import ast

from doorway.guide.catalogue import part, whole

from .errors import BuildError

CATALOGUE = "doorway/guide/catalogue.py"
#: The ``Catalogue`` methods that read a section named by their first argument.
READERS = ("read_section", "_find")
#: Stands for "every section" in a set of reads.
EVERYTHING = "*"


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def catalogue_reads(source):
    """``{name: set of sections}`` for every property and method of ``Catalogue``."""
    tree = ast.parse(source, filename=CATALOGUE)
    classes = [node for node in tree.body
               if isinstance(node, ast.ClassDef) and node.name == "Catalogue"]
    if len(classes) != 1:
        raise BuildError("%s: no class Catalogue" % CATALOGUE)
    reads, uses = {}, {}
    for function in classes[0].body:
        # The readers themselves read whatever they are asked for: their callers count.
        if not isinstance(function, ast.FunctionDef) or function.name in READERS:
            continue
        found, used = set(), set()
        for node in ast.walk(function):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in READERS and node.args):
                found.add(_literal(node.args[0]) or EVERYTHING)
            elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                  and node.value.id == "self"):
                used.add(node.attr)
        reads[function.name], uses[function.name] = found, used
    changed = True
    while changed:  # a method that calls another reads what that one reads
        changed = False
        for name, used in uses.items():
            for other in used:
                extra = reads.get(other, set()) - reads[name]
                if extra:
                    reads[name] |= extra
                    changed = True
    return {name: found for name, found in reads.items()
            if found and not name.startswith("__")}


def module_reads(source, reads, path="?"):
    """The sections one module may read, given ``Catalogue``'s :func:`catalogue_reads`."""
    found = set()
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Attribute) and node.attr in reads:
            found |= reads[node.attr]
        elif (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
              and node.value.attr == "data" and _literal(node.slice)):
            found.add(_literal(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func
            if target.attr == "read_section" and node.args:
                found.add(_literal(node.args[0]) or EVERYTHING)
            elif (target.attr == "get" and isinstance(target.value, ast.Attribute)
                  and target.value.attr == "data" and node.args and _literal(node.args[0])):
                found.add(_literal(node.args[0]))
    return found


def section(content, name):
    """What a bundle's ``content/<name>.json`` holds: a section, or a part of one
    (:func:`doorway.guide.catalogue.part`, the browser's own reading)."""
    return content[name] if name in content else part(content, name)


#: The section the others cite by id (``reference("source")`` in the schema).
CITED = "sources"


def _strings(value, found):
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for each in value.values():
            _strings(each, found)
    elif isinstance(value, list):
        for each in value:
            _strings(each, found)
    return found


def cited(content, names):
    """The entries of the :data:`CITED` section that the sections ``names`` cite,
    in content order: every entry whose id is a string anywhere in them (so
    the answer errs on the side of more, never less)."""
    found = set()
    for name in names:
        if whole(name) != CITED:
            _strings(section(content, name), found)
    return [entry for entry in content[CITED] if entry["id"] in found]


def page_sections(sources, modules, content):
    """The sections of ``content`` a page whose modules are ``modules`` may read, sorted:
    whole sections, and parts of sections (``decision.situations``) whose
    whole the page does not read.

    ``sources`` maps ``doorway/…/x.py`` to source bytes; ``modules`` are the
    page's paths among them.
    """
    reads = catalogue_reads(sources[CATALOGUE].decode("utf-8"))
    found = set()
    for path in modules:
        if path != CATALOGUE:
            found |= module_reads(sources[path].decode("utf-8"), reads, path)
    if EVERYTHING in found:
        return sorted(content)
    parts = [name for name in found if name not in content
             and part(content, name) is not None and whole(name) not in found]
    return sorted([name for name in content if name in found] + parts)
