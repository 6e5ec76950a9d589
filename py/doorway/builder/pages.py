"""Render the site's pages with jinja2.

Every page is real HTML before any Python runs in the browser: the wizard's
questions, the partner page's general explanation and the whole static guide
are rendered here from the content. Pages that come alive in the browser
(``python=True``) also get the PyScript tag with an inline config whose URLs
are relative to the page, so the site works from any folder of any host.
"""

import json
from types import SimpleNamespace

import jinja2

from doorway.guide import answers as answer_fields
from doorway.guide import link
from doorway.guide import plan as planner
from doorway.guide import script as scripts
from doorway.guide.views import forms, partner, plan, safety, script

from . import bundles
from .csp import META_CSP
from .errors import BuildError
from .html import linked, view
from .wordlist import ASSET as WORD_LIST

#: The view trees templates may draw with ``{{ view(views.plan.section(…)) }}``:
#: the same functions the browser draws with, so the two cannot drift apart.
VIEWS = SimpleNamespace(forms=forms, partner=partner, plan=plan, safety=safety, script=script)


class Page:
    """One output page: which template, where it goes, and what it needs."""

    def __init__(self, template, path, python=False, context=None, anywhere=False,
                 description=None):
        self.template = template
        self.path = path
        self.python = python
        #: Its ``<meta name="description">``: a key of ``descriptions`` in pages.toml
        #: (public pages only; the partner's pages have link-preview words instead).
        self.description = description
        self.context = context or {}
        #: Served at any address (the 404 page): links start from the site's base
        #: path instead of being relative to the page's own folder.
        self.anywhere = anywhere

    @property
    def depth(self):
        return self.path.count("/")

    @property
    def url(self):
        """The URL a visitor uses, relative to the site root ("invite/", "about.html")."""
        return self.path[:-len("index.html")] if self.path.endswith("index.html") else self.path


def site_pages(catalogue):
    """Every page of the site, in a fixed order."""
    pages = [
        # <html data-word-list> for the share step; <html data-link-cap> for boot.js.
        # The wizard opens resume links (a kept plan, issue 16): their own cap.
        Page("index.html", "index.html", python=True, description="welcome",
             context={"word_list": WORD_LIST, "link_cap": link.TOKEN_CAPS[link.RESUME]}),
        Page("invite.html", "invite/index.html", python=True,
             context={"link_cap": link.TOKEN_CAPS[link.INVITE]}),
        Page("reply.html", "reply/index.html", python=True,
             context={"link_cap": link.TOKEN_CAPS[link.REPLY]}),
        Page("guide/index.html", "guide/index.html", description="guide"),
        Page("guide/talking.html", "guide/talking.html", description="talking"),
        Page("guide/guidance.html", "guide/plan-b.html", context={"section_id": "plan_b"},
             description="plan_b"),
        Page("guide/guidance.html", "guide/therapist.html", context={"section_id": "therapist"},
             description="therapist"),
        Page("guide/safety.html", "guide/safety.html", description="safety"),
        Page("guide/cover-your-tracks.html", "guide/cover-your-tracks.html",
             description="cover_your_tracks"),
        Page("guide/for-partners.html", "guide/for-partners.html", description="for_partners"),
        Page("about.html", "about.html", description="about"),
        Page("404.html", "404.html", anywhere=True),
    ]
    for reason in catalogue["reasons"]:
        pages.append(Page("guide/reason.html", "guide/%s.html" % reason["id"],
                          context={"reason": reason}, description="reason"))
    return pages


class _ContentEnvironment(jinja2.Environment):
    """Dotted names read content keys before dict methods.

    Content has keys such as ``copy`` and ``items``; with jinja2's default
    order, ``reply.copy`` would render ``dict.copy`` instead of the text.
    """

    def getattr(self, obj, attribute):
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


#: PyScript's plugins Doorway does not use, switched off so their code is never
#: fetched. ``error`` is the red traceback banner (Doorway shows its own calm
#: message); PyScript fetches that one small file even when it is off.
PLUGINS_OFF = ("error", "codemirror", "deprecations-manager", "donkey", "py-editor", "py-game",
               "py-terminal")


def plugins_config():
    """The PyScript config that only switches plugins off, as compact JSON.

    Pages give it to the ``mpy`` config and, in a ``<py-config>`` element, to
    the ``py`` type too: PyScript loads every plugin for an interpreter type
    that has no config, whether or not the page uses that type.
    """
    return json.dumps({"plugins": ["!" + name for name in PLUGINS_OFF]}, separators=(",", ":"))


def page_kind(templates, template):
    """What a template's page is (``<html data-page>``): its ``page_kind`` block."""
    compiled = _environment(templates).get_template(template)
    block = compiled.blocks.get("page_kind")
    return "".join(block(compiled.new_context({}))).strip() if block else "static"


def python_kinds(templates, catalogue):
    """The kinds of page that run Python, each once, in the site's order."""
    kinds = []
    for page in site_pages(catalogue):
        kind = page_kind(templates, page.template) if page.python else None
        if kind and kind not in kinds:
            kinds.append(kind)
    return kinds


def bundle_path(kind):
    """Where the bundle of a page of ``kind`` is in the build (see :mod:`.bundles`)."""
    return "py/%s.bundle" % kind


def _preloads(asset, runtime, bundle, early_modules):
    """What a Python page fetches on its way to ready, for ``<link rel=preload>``.

    ``(rel, url, as)``: without these the browser finds each file only when
    the one before it has run (PyScript, then MicroPython's loader, then its
    wasm, then the config's bundle and ``main.py``). The page holds them in an
    inert ``<template data-preloads>`` that ``boot.js`` adds to ``<head>`` once
    the first content is painted, so they never compete with the page's own
    HTML and CSS for the network (and the first paint). ``fetch`` preloads are
    ``crossorigin`` (anonymous): the runtime fetches with ``same-origin``
    credentials in ``cors`` mode, and only a preload made the same way is used.
    """
    return ([("preload", runtime("micropython/micropython.wasm"), "fetch"),
             ("modulepreload", runtime("micropython/micropython.mjs"), None)]
            + [("modulepreload", runtime(module), None) for module in early_modules]
            + [("preload", bundle, "fetch"),
               ("preload", asset("py/doorway/ui/main.py"), "fetch")])


def _environment(templates):
    return _ContentEnvironment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _example_script(catalogue, guide_catalogue):
    """A sample conversation map for the static guide: not asked yet, the first reason."""
    example = answer_fields.blank_answers()
    example["stance"] = catalogue["wizard"]["stance"]["options"][0]["id"]
    example["reasons"] = [catalogue["reasons"][0]["id"]]
    ask_id, _ = planner.choose_ask(guide_catalogue, example["stance"], example["reasons"])
    return scripts.compose(guide_catalogue, example, ask_id, "gentle")


def render(templates, catalogue, guide_catalogue, versions, folders, base="/",
           pyscript_module="pyscript/core.js", early_modules=()):
    """Render every page. Returns ``{path: bytes}``.

    ``versions`` maps each asset path to its version tag, ``folders`` the
    runtime packages to their versioned folders, ``pyscript_module`` the
    PyScript module pages load and ``early_modules`` other runtime modules
    it always imports, which pages preload (see :mod:`.assets`).
    ``base`` is the path the site is deployed under; only pages served at any
    address (the 404 page) use it, every other link is relative.
    """
    env = _environment(templates)
    example_script = _example_script(catalogue, guide_catalogue)
    files = {}
    for page in site_pages(catalogue):
        root = base if page.anywhere else "../" * page.depth or "./"

        def asset(path, root=root, page=page):
            if path not in versions:
                raise BuildError("%s: links to %s, which the build does not produce"
                                 % (page.template, path))
            return "%s%s?v=%s" % (root, path, versions[path])

        def runtime(path, root=root):
            key, _, name = path.partition("/")
            return "%s%s/%s" % (root, folders[key], name)

        config, preloads, later = None, [], None
        if page.python:
            path = bundle_path(page_kind(templates, page.template))
            bundle = asset(path)
            # A second bundle is fetched once the page is ready (doorway/ui/later.py).
            second = bundles.later_path(path)
            later = asset(second) if second in versions else None
            preloads = _preloads(asset, runtime, bundle, early_modules)
            config = json.dumps({"interpreter": runtime("micropython/micropython.mjs"),
                                 "plugins": ["!" + name for name in PLUGINS_OFF],
                                 "files": {bundle: "doorway.bundle"}},
                                sort_keys=True, separators=(",", ":"))
        context = {
            "site": catalogue["site"],
            "catalogue": catalogue,
            "guide": guide_catalogue,
            "page": page,
            "root": root,
            "asset": asset,
            "runtime": runtime,
            "csp": META_CSP,
            "pyscript_config": config,
            "later_bundle": later,
            "plugins_config": plugins_config(),
            "pyscript_module": pyscript_module,
            "preloads": preloads,
            "fields": answer_fields,
            "planner": planner,
            "view": view,
            "linked": linked,
            "views": VIEWS,
            "example_script": example_script,
        }
        context.update(page.context)
        try:
            html = env.get_template(page.template).render(context)
        except jinja2.TemplateSyntaxError as error:
            raise BuildError("site/templates/%s, line %s: %s"
                             % (error.name or page.template, error.lineno, error.message)) from None
        except jinja2.TemplateError as error:
            raise BuildError("site/templates/%s: %s" % (page.template, error)) from None
        files[page.path] = html.encode("utf-8")
    return files
