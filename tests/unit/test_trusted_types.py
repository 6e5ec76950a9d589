"""Trusted Types and the cross-origin headers, checked on the built files.

The page's policy requires Trusted Types for scripts, and boot.js's "default"
policy lets through only the code PyScript's core builds with ``Function``.
That code is made of function sources found in the shipped (patched) core, so
a runtime upgrade that changes them fails here, by name, before any browser
test does. The browser tests prove enforcement (tests/browser/test_privacy.py).
"""

import re
import urllib.request

from doorway.builder import STATIC, csp

BOOT = (STATIC / "js" / "boot.js").read_text()
#: return(w,x)=>(JOINER)(w,x,...[HOOKS]) is how PyScript runs its plugin hooks.
HOOK_CODE = re.compile(r"^return\(w,x\)=>\((.+?)\)\(w,x,\.\.\.\[(.*)\]\)$", re.S)


def allowed_bodies():
    block = re.search(r"const PYSCRIPT_FUNCTIONS = \[(.*?)\];", BOOT, re.S).group(1)
    joined = re.sub(r"'\s*\+\s*'", "", block)
    return re.findall(r"'((?:[^'\\]|\\.)*)'", joined)


def core_source(site):
    [core] = (site / "runtime").glob("pyscript-*/core-*.js")
    return core.read_text()


def test_every_allowed_body_is_made_of_the_shipped_pyscript(site):
    core = core_source(site)
    bodies = allowed_bodies()
    assert bodies, "boot.js must name the code PyScript builds"
    for body in bodies:
        match = HOOK_CODE.match(body)
        assert match, body
        joiner, hooks = match.groups()
        assert joiner in core, "PyScript no longer joins hooks this way: %s" % joiner
        assert hooks in core, "PyScript's hooks changed; measure them again: %s" % hooks


def test_the_policy_requires_trusted_types_in_the_page_and_the_header():
    assert "require-trusted-types-for 'script'" in csp.META_CSP
    assert "trusted-types default doorway-worker" in csp.META_CSP
    assert "require-trusted-types-for 'script'" in csp.HEADER_CSP
    for name in ("default", "doorway-worker"):
        assert 'createPolicy("%s"' % name in BOOT


def test_the_server_sends_the_cross_origin_headers(site, server):
    for path in ("", "invite/", "sw.js", "guide/talking.html"):
        with urllib.request.urlopen(server + path, timeout=10) as response:
            assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", path
            assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", path
            assert "require-trusted-types-for 'script'" in response.headers[
                "Content-Security-Policy"], path
