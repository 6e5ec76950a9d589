"""The security policy every page and every response carries.

The Content-Security-Policy allows only the site's own files. PyScript needs
``'unsafe-eval'`` (it builds functions from strings) and MicroPython needs
``'wasm-unsafe-eval'``; nothing else is relaxed, and there is no inline script
or style anywhere. Trusted Types are required for scripts: the browser refuses
any string that would become HTML or code unless boot.js's one "default"
policy lets it through, and that policy lets through only the code PyScript
itself builds (see site/static/js/boot.js). Pages carry it in a ``<meta>`` tag, which works on every
host; hosts that read ``_headers`` (see :mod:`.offline`) also send it as a
header, with what only a header can say.
"""

CSP_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types default doorway-worker",
]

#: The policy in each page's <meta> tag.
META_CSP = "; ".join(CSP_DIRECTIVES)
#: The same policy as an HTTP header, with what only a header can say.
HEADER_CSP = "; ".join([*CSP_DIRECTIVES, "frame-ancestors 'none'"])

#: Headers for every file, for hosts that read a ``_headers`` file.
SECURITY_HEADERS = [
    ("Content-Security-Policy", HEADER_CSP),
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    # No other site's window keeps a handle on a Doorway page, and no other
    # site may load Doorway's files into its own pages.
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]
