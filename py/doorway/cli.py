"""The command line: ``python -m doorway build | serve | check | docs | runtime``.

Thin on purpose: each command parses its options and calls :mod:`doorway.builder`,
which is where the work and the explanations live. Anything a person must fix
arrives as a :class:`~doorway.builder.errors.DoorwayError` and is printed as
``<command> failed: <what is wrong and what to do>`` with exit status 1,
never as a traceback.
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


def parser():
    """The argument parser, on its own so tests can check documented commands against it."""
    main_parser = argparse.ArgumentParser(prog="python -m doorway",
                                          description=__doc__.splitlines()[0])
    commands = main_parser.add_subparsers(dest="command", required=True)
    content_help = "content folder (default: site/content/)"

    build = commands.add_parser("build", help="render the site into build/")
    build.add_argument("--out", default=None, help="output folder (default: build/)")
    build.add_argument("--base", default="/",
                       help="path the site is served under, e.g. /doorway/ (default: /)")
    build.add_argument("--content", default=None, help=content_help)
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="build, then serve on http://127.0.0.1:8000/")
    serve.add_argument("--out", default=None, help="output folder (default: build/)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--prefix", default="/", help="serve under a sub-path, e.g. /doorway/")
    serve.add_argument("--content", default=None, help=content_help)
    serve.add_argument("--watch", action="store_true",
                       help="rebuild on every change under site/ and py/doorway/, and show "
                            "build errors on the page")
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="check the content, list every error, and "
                                              "report its reading level")
    check.add_argument("--content", default=None, help=content_help)
    check.set_defaults(run=_check)

    docs = commands.add_parser("docs", help="write docs/content.md, the content field "
                                            "reference, from the schema")
    docs.set_defaults(run=_docs)

    runtime = commands.add_parser("runtime", help="verify (or --refresh) the vendored runtime")
    runtime.add_argument("--refresh", action="store_true", help="download from the npm registry")
    runtime.add_argument("--core", help="@pyscript/core version to refresh to")
    runtime.add_argument("--micropython", help="MicroPython version to refresh to")
    runtime.set_defaults(run=_runtime)
    return main_parser


def main(argv=None):
    from doorway.builder.errors import DoorwayError
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DoorwayError as error:
        print(f"{args.command} failed: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\n{args.command}: stopped", file=sys.stderr)
        return 130
