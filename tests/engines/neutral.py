"""A stand-in for the internet: the proxy every engine under test is pointed at.

The machines that run the tests have no network, and a test must never wait
on one (nor, on a machine that has one, send anything out). Each browser
sends everything that is not on this machine to this proxy, which closes
every connection at once. So Quick exit's navigation to the neutral site ends
in the browser's own error page straight away: still a page of another site,
with its own history entry, which is all Back needs. (Chromium gets a stub
page for the neutral site instead; see chromium_engine.py.)

Chromium and Firefox are pointed at it as a SOCKS5 proxy, WebKitGTK (which
takes only HTTP proxies from WebDriver) as an HTTP and HTTPS proxy.
"""

import socketserver
import threading


class _Refuse(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.close()


class RefusingProxy(socketserver.ThreadingTCPServer):
    """A proxy on 127.0.0.1 that refuses everything; :attr:`address` is ``host:port``."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Refuse)
        self.port = self.server_address[1]
        self.address = "127.0.0.1:%d" % self.port
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self):
        self.shutdown()
        self.server_close()
