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

from .csp import META_CSP
from .errors import BuildError
from .html import linked, view
from .wordlist import ASSET as WORD_LIST

#: The view trees templates may draw with ``{{ view(views.plan.section(…)) }}``:
#: the same functions the browser draws with, so the two cannot drift apart.
VIEWS = SimpleNamespace(forms=forms, partner=partner, plan=plan, safety=safety, script=script)


class Page:
    """One output page: which template, where it goes, and what it needs."""

    def __init__(self, template, path, python=False, context=None, anywhere=False):
        self.template = template
        self.path = path
        self.python = python
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
        Page("index.html", "index.html", python=True,
             context={"word_list": WORD_LIST, "link_cap": link.TOKEN_CAPS[link.RESUME]}),
        Page("invite.html", "invite/index.html", python=True,
             context={"link_cap": link.TOKEN_CAPS[link.INVITE]}),
        Page("reply.html", "reply/index.html", python=True,
             context={"link_cap": link.TOKEN_CAPS[link.REPLY]}),
        Page("guide/index.html", "guide/index.html"),
        Page("guide/talking.html", "guide/talking.html"),
        Page("guide/guidance.html", "guide/plan-b.html", context={"section_id": "plan_b"}),
        Page("guide/guidance.html", "guide/therapist.html", context={"section_id": "therapist"}),
        Page("guide/safety.html", "guide/safety.html"),
        Page("guide/cover-your-tracks.html", "guide/cover-your-tracks.html"),
        Page("guide/for-partners.html", "guide/for-partners.html"),
        Page("about.html", "about.html"),
        Page("404.html", "404.html", anywhere=True),
    ]
    for reason in catalogue["reasons"]:
        pages.append(Page("guide/reason.html", "guide/%s.html" % reason["id"],
                          context={"reason": reason}))
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


def render(templates, catalogue, guide_catalogue, versions, folders, base="/"):
    """Render every page. Returns ``{path: bytes}``.

    ``versions`` maps each asset path to its version tag, ``folders`` the
    runtime packages to their versioned folders (see :mod:`.assets`).
    ``base`` is the path the site is deployed under; only pages served at any
    address (the 404 page) use it, every other link is relative.
    """
    env = _environment(templates)
    py_files = sorted(p for p in versions if p.startswith("py/") and not p.endswith("/main.py"))
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

        config = None
        if page.python:
            mapping = {asset(p): p[len("py/"):] for p in py_files}
            mapping[asset("content/catalogue.json")] = "catalogue.json"
            config = json.dumps({"interpreter": runtime("micropython/micropython.mjs"),
                                 "plugins": ["!error"], "files": mapping},
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
