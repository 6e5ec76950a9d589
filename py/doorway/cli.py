"""The command line: ``python -m doorway build | serve | check | docs | runtime |
practice-check | script``.

Thin on purpose: each command parses its options and calls :mod:`doorway.builder`,
which is where the work and the explanations live. Anything a person must fix
arrives as a :class:`~doorway.builder.errors.DoorwayError` and is printed as
``<command> failed: <what is wrong and what to do>`` with exit status 1,
never as a traceback. Arguments it cannot take end in one line,
``<prog>: error: <what>``, and exit status 2.
"""

import argparse
import sys


def _build(args):
    from doorway.builder import build
    print(f"built {build(args.out, content_dir=args.content, base=args.base)}")
    return 0


def _build_command(args):
    """The ``build`` command line that reproduces ``args``, for the watcher."""
    command = [sys.executable, "-m", "doorway", "build", "--base", args.base]
    if args.out:
        command += ["--out", args.out]
    if args.content:
        command += ["--content", args.content]
    return command


def _serve(args):
    from doorway.builder import BUILD, PACKAGE, SITE, build
    from doorway.builder.serve import make_server, serve
    from doorway.builder.watch import Watcher

    args.base = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
    watcher = None
    if args.watch:
        folders = [SITE, PACKAGE] + ([args.content] if args.content else [])
        watcher = Watcher(_build_command(args), folders)
    # Listen first, so a busy port is reported before any time goes into a build.
    server = make_server(args.out or BUILD, args.host, args.port, args.prefix, quiet=False,
                         watcher=watcher)
    try:
        if watcher:
            print("watching site/ and py/doorway/: every saved change rebuilds the site")
            watcher.start()
        else:
            build(args.out, content_dir=args.content, base=args.base)
    except BaseException:
        server.server_close()
        raise
    serve(server, args.prefix)
    if watcher:
        watcher.stop()
    return 0


def _check(args):
    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.builder.prose import report
    print(report(load(args.content or CONTENT)))
    return 0


def _docs(args):
    from doorway.builder import docs
    print(f"wrote {docs.write()}")
    return 0


def _runtime(args):
    from doorway.builder import runtime
    if args.refresh:
        versions = runtime.locked_versions()
        runtime.refresh(args.core or versions.get("pyscript"),
                        args.micropython or versions.get("micropython"))
    problems = runtime.check()
    for problem in problems:
        print(problem, file=sys.stderr)
    print("vendored runtime: " + ("FAILED" if problems else "ok"))
    return 1 if problems else 0


def _practice_check(args):
    """Print what the reply checker finds in ``args.text``: readable, or as JSON."""
    import json

    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.guide.catalogue import Catalogue
    from doorway.guide.reply_check import checker
    if args.text is None:
        raise UsageError(args.prog, "TEXT is missing: give the reply as one quoted argument")
    reply_checker = checker(Catalogue(load(CONTENT)))
    result = reply_checker.check(args.text)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    items = reply_checker.feedback(args.text, result)
    for item in items:
        print(f"{item['kind']}: “{item['quote']}” (characters {item['start']}-{item['end']})")
        if "rewording" in item:
            print(f"  kinder: {item['rewording']}")
        else:
            print(f"  helps: {item['about']}")
    if not items:
        print("no findings")
    return 0


class _ScriptArguments(Exception):
    """A ``script`` value the content does not know; the message says what is valid."""


def _ids(value):
    """``a,b`` as ``["a", "b"]``; empty parts dropped."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _one_of(option, value, valid):
    if value not in valid:
        raise _ScriptArguments("%s must be one of: %s (got %r)" % (option, ", ".join(valid), value))
    return value


def _script_choices(catalogue):
    """The values each option of ``script`` takes, from the content."""
    from doorway.guide.script import TONES
    context_step = catalogue.wizard["context"]
    return {"--stance": [s["id"] for s in catalogue.stances],
            "--reasons": [r["id"] for r in catalogue.reasons],
            "--tone": list(TONES),
            "--conflict": [c["id"] for c in context_step["conflict"]],
            "--topics": [t["id"] for t in context_step["topics"]],
            "--hopes": [h["id"] for h in context_step["hopes"]]}


def _script_answers(catalogue, args):
    """The wizard's answers from the command line, checked as the wizard checks them."""
    from doorway.guide import answers as checks
    choices = _script_choices(catalogue)
    for option, value in (("--stance", args.stance), ("--reasons", args.reasons)):
        if not _ids(value):
            raise _ScriptArguments("%s is missing: one of %s"
                                   % (option, ", ".join(choices[option])))
    answers = checks.blank_answers()
    answers["safety"] = {"afraid": "no"}
    answers["stance"] = _one_of("--stance", args.stance, choices["--stance"])
    chosen = [_one_of("--reasons", value, choices["--reasons"]) for value in _ids(args.reasons)]
    answers["reasons"], _ = checks.check_reasons(catalogue, chosen)
    _one_of("--tone", args.tone, choices["--tone"])
    values = {"name": args.name or "", "conflict": None, "hopes": [], "limits": []}
    if args.conflict is not None:
        values["conflict"] = _one_of("--conflict", args.conflict, choices["--conflict"])
    for key in ("hopes", "topics"):
        values[key] = [_one_of("--" + key, value, choices["--" + key])
                       for value in _ids(getattr(args, key))]
    context, errors = checks.check_context(catalogue, values)
    if errors:
        raise _ScriptArguments("--name: " + errors[0]["message"])
    answers.update(context)
    return answers


def _script(args):
    """Print the conversation map for these answers: readable, or as JSON."""
    import json

    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.guide import plan as planner
    from doorway.guide import script, text
    from doorway.guide.catalogue import Catalogue
    catalogue = Catalogue(load(CONTENT))
    try:
        answers = _script_answers(catalogue, args)
    except _ScriptArguments as error:
        raise UsageError(args.prog, str(error)) from None
    ask_id, _ = planner.choose_ask(catalogue, answers["stance"], answers["reasons"])
    turns = script.compose(catalogue, answers, ask_id, args.tone)
    if args.json:
        print(json.dumps({"turns": [{"part": t["part"], "say": t["say"], "text": t["text"],
                                     "branch": t["branch"], "if": t["if"]} for t in turns]},
                         ensure_ascii=False))
    else:
        print(text.script_text(catalogue, turns))
    return 0


def _with_choices(message):
    """argparse's message about a ``script`` option, with the values it takes."""
    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.guide.catalogue import Catalogue
    for option, valid in _script_choices(Catalogue(load(CONTENT))).items():
        if "argument %s:" % option in message:
            return "%s (one of: %s)" % (message, ", ".join(valid))
    return message


class UsageError(Exception):
    """Arguments a command cannot take: said in one line, exit status 2."""

    def __init__(self, prog, message):
        super().__init__(f"{prog}: error: {message}")


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line (no usage dump), for people and scripts alike."""

    def error(self, message):
        raise UsageError(self.prog, message)


def parser():
    """The argument parser, on its own so tests can check documented commands against it."""
    main_parser = _Parser(prog="python -m doorway", description=__doc__.splitlines()[0])
    commands = main_parser.add_subparsers(dest="command", required=True)
    content_help = "content folder (default: site/content/)"

    build = commands.add_parser("build", help="render the site into build/")
    build.add_argument("--out", default=None, help="output folder (default: build/)")
    build.add_argument("--base", default="/",
                       help="path the site is served under, e.g. /doorway/ (default: /)")
    build.add_argument("--content", default=None, help=content_help)
    build.set_defaults(run=_build, prog=build.prog)

    serve = commands.add_parser("serve", help="build, then serve on http://127.0.0.1:8000/")
    serve.add_argument("--out", default=None, help="output folder (default: build/)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--prefix", default="/", help="serve under a sub-path, e.g. /doorway/")
    serve.add_argument("--content", default=None, help=content_help)
    serve.add_argument("--watch", action="store_true",
                       help="rebuild on every change under site/ and py/doorway/, and show "
                            "build errors on the page")
    serve.set_defaults(run=_serve, prog=serve.prog)

    check = commands.add_parser("check", help="check the content, list every error, and "
                                              "report its reading level")
    check.add_argument("--content", default=None, help=content_help)
    check.set_defaults(run=_check, prog=check.prog)

    docs = commands.add_parser("docs", help="write docs/content.md, the content field "
                                            "reference, from the schema")
    docs.set_defaults(run=_docs, prog=docs.prog)

    runtime = commands.add_parser("runtime", help="verify (or --refresh) the vendored runtime")
    runtime.add_argument("--refresh", action="store_true", help="download from the npm registry")
    runtime.add_argument("--core", help="@pyscript/core version to refresh to")
    runtime.add_argument("--micropython", help="MicroPython version to refresh to")
    runtime.set_defaults(run=_runtime, prog=runtime.prog)

    practice = commands.add_parser(
        "practice-check", help="show what the practice reply checker finds in TEXT")
    practice.add_argument("--json", action="store_true",
                          help='print {"findings": [...], "spans": [...]} instead')
    practice.add_argument("text", nargs="?", metavar="TEXT",
                          help="the reply, as one quoted argument")
    practice.set_defaults(run=_practice_check, prog=practice.prog)

    conversation = commands.add_parser(
        "script", help="print the conversation map for a stance and reasons")
    conversation.add_argument("--stance", metavar="STANCE",
                              help="where things stand: a stance id (e.g. not_asked)")
    conversation.add_argument("--reasons", metavar="ID[,ID...]",
                              help="the reasons' ids, comma-separated")
    conversation.add_argument("--tone", default="gentle", help="gentle (default), brief or direct")
    conversation.add_argument("--conflict", help="heated, avoidant, mixed or unsure")
    conversation.add_argument("--name", help="the partner's first name or nickname")
    conversation.add_argument("--topics", metavar="ID[,ID...]",
                              help="what the arguments are about (e.g. money,chores)")
    conversation.add_argument("--hopes", metavar="ID[,ID...]",
                              help="what therapy should help with (e.g. communication)")
    conversation.add_argument("--json", action="store_true",
                              help='print {"turns": [...]} instead')
    conversation.set_defaults(run=_script, prog=conversation.prog)

    def script_error(message):
        raise UsageError(conversation.prog, _with_choices(message))
    conversation.error = script_error
    return main_parser


#: What to add when a command is given words it does not take.
_EXTRA_HINT = {"practice-check": " (put TEXT in quotes; after -- if it starts with -)"}


def main(argv=None):
    try:
        args, extra = parser().parse_known_args(argv)
        if extra:
            raise UsageError(args.prog, "unrecognized arguments: %s%s" % (
                " ".join(extra), _EXTRA_HINT.get(args.command, "")))
        return _run(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2


def _run(args):
    from doorway.builder.errors import DoorwayError
    try:
        return args.run(args)
    except DoorwayError as error:
        print(f"{args.command} failed: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\n{args.command}: stopped", file=sys.stderr)
        return 130
