"""The commands of ``python -m doorway``: build, serve, check, runtime, practice-check, script.

Thin on purpose: each command parses its options and calls one function of
:mod:`doorway.builder`, which is where the work and the explanations live.
"""

import argparse
import sys


def _built(args):
    """Build into ``args.out``; the output folder, or None after saying what failed."""
    from doorway.builder import BuildError, build
    try:
        return build(args.out, base=args.base)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return None


def _build(args):
    out = _built(args)
    if out:
        print(f"built {out}")
    return 0 if out else 1


def _serve(args):
    from doorway.builder.serve import serve
    args.base = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
    out = _built(args)
    if out:
        serve(out, host=args.host, port=args.port, prefix=args.prefix)
    return 0 if out else 1


def _check(args):
    from doorway.builder import CONTENT, BuildError
    from doorway.builder.content import load
    from doorway.builder.prose import report
    try:
        catalogue = load(CONTENT)
    except BuildError as error:
        print(f"content error: {error}", file=sys.stderr)
        return 1
    print(report(catalogue))
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

    from doorway.builder import CONTENT, BuildError
    from doorway.builder.content import load
    from doorway.guide.catalogue import Catalogue
    try:
        checker = Catalogue(load(CONTENT)).reply_checker()
    except BuildError as error:
        print(f"content error: {error}", file=sys.stderr)
        return 1
    result = checker.check(args.text)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    items = checker.feedback(args.text, result)
    for item in items:
        print(f"{item['kind']}: “{item['quote']}” (characters {item['start']}-{item['end']})")
        if "rewording" in item:
            print(f"  kinder: {item['rewording']}")
        else:
            print(f"  helps: {item['about']}")
    if not items:
        print("no findings")
    return 0


class _BadArguments(Exception):
    """A command's arguments are wrong; the message says what is valid."""


def _ids(value):
    """``a,b`` as ``["a", "b"]``; empty parts dropped."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _one_of(option, value, valid):
    if value not in valid:
        raise _BadArguments("%s must be one of: %s (got %r)" % (option, ", ".join(valid), value))
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
            raise _BadArguments("%s is missing: one of %s" % (option, ", ".join(choices[option])))
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
        raise _BadArguments("--name: " + errors[0]["message"])
    answers.update(context)
    return answers


def _script(args):
    """Print the conversation map for these answers: readable, or as JSON."""
    import json

    from doorway.builder import CONTENT, BuildError
    from doorway.builder.content import load
    from doorway.guide import plan as planner
    from doorway.guide import script, text
    from doorway.guide.catalogue import Catalogue
    try:
        catalogue = Catalogue(load(CONTENT))
    except BuildError as error:
        print(f"content error: {error}", file=sys.stderr)
        return 1
    try:
        answers = _script_answers(catalogue, args)
    except _BadArguments as error:
        return _bad_arguments("python -m doorway script", str(error))
    ask_id, _ = planner.choose_ask(catalogue, answers["stance"], answers["reasons"])
    turns = script.compose(catalogue, answers, ask_id, args.tone)
    if args.json:
        print(json.dumps({"turns": [{"part": t["part"], "say": t["say"], "text": t["text"],
                                     "branch": t["branch"], "if": t["if"]} for t in turns]},
                         ensure_ascii=False))
    else:
        print(text.script_text(catalogue, turns))
    return 0


def _bad_arguments(prog, message):
    """One line on stderr and exit status 2, as argparse does, without the usage dump."""
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2


def _with_choices(message):
    """argparse's message about a ``script`` option, with the values it takes."""
    from doorway.builder import CONTENT
    from doorway.builder.content import load
    from doorway.guide.catalogue import Catalogue
    for option, valid in _script_choices(Catalogue(load(CONTENT))).items():
        if "argument %s:" % option in message:
            return "%s (one of: %s)" % (message, ", ".join(valid))
    return message


def _refuse(message):
    """argparse's own complaints about ``script`` (an option without its value),
    as one line like every other."""
    raise _BadArguments(message)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m doorway", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="render the site into build/")
    build.add_argument("--out", default=None, help="output folder (default: build/)")
    build.add_argument("--base", default="/",
                       help="path the site is served under, e.g. /doorway/ (default: /)")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="build, then serve on http://127.0.0.1:8000/")
    serve.add_argument("--out", default=None, help="output folder (default: build/)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--prefix", default="/", help="serve under a sub-path, e.g. /doorway/")
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="check the content and report its reading level")
    check.set_defaults(run=_check)

    runtime = commands.add_parser("runtime", help="verify (or --refresh) the vendored runtime")
    runtime.add_argument("--refresh", action="store_true", help="download from the npm registry")
    runtime.add_argument("--core", help="@pyscript/core version to refresh to")
    runtime.add_argument("--micropython", help="MicroPython version to refresh to")
    runtime.set_defaults(run=_runtime)

    practice = commands.add_parser(
        "practice-check", help="show what the practice reply checker finds in TEXT")
    practice.add_argument("--json", action="store_true",
                          help='print {"findings": [...], "spans": [...]} instead')
    practice.add_argument("text", nargs="?", metavar="TEXT",
                          help="the reply, as one quoted argument")
    practice.set_defaults(run=_practice_check)

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
    conversation.set_defaults(run=_script)
    conversation.error = _refuse

    try:
        args, extra = parser.parse_known_args(argv)
    except _BadArguments as error:
        return _bad_arguments(conversation.prog, _with_choices(str(error)))
    if args.command == "practice-check":
        if extra:
            return _bad_arguments(practice.prog, "unrecognized arguments: %s (put TEXT in quotes; "
                                  "after -- if it starts with -)" % " ".join(extra))
        if args.text is None:
            return _bad_arguments(practice.prog, "TEXT is missing: give the reply as one "
                                  "quoted argument")
    elif args.command == "script" and extra:
        return _bad_arguments(conversation.prog, "unrecognized arguments: %s" % " ".join(extra))
    elif extra:
        parser.error("unrecognized arguments: %s" % " ".join(extra))
    return args.run(args)
