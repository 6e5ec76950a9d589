"""The command line: ``python -m doorway build | serve | check | runtime | practice-check``.

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


def _bad_arguments(prog, message):
    """One line on stderr and exit status 2, as argparse does, without the usage dump."""
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2


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

    args, extra = parser.parse_known_args(argv)
    if args.command == "practice-check":
        if extra:
            return _bad_arguments(practice.prog, "unrecognized arguments: %s (put TEXT in quotes; "
                                  "after -- if it starts with -)" % " ".join(extra))
        if args.text is None:
            return _bad_arguments(practice.prog, "TEXT is missing: give the reply as one "
                                  "quoted argument")
    elif extra:
        parser.error("unrecognized arguments: %s" % " ".join(extra))
    return args.run(args)
