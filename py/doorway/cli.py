"""The command line: ``python -m doorway build | serve | check | runtime``.

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

    args = parser.parse_args(argv)
    return args.run(args)
