"""A stand-in for the internet: the proxy every engine under test is pointed at.

The machines that run the tests have no network, and a test must never wait
on one (nor, on a machine that has one, send anything out). Each browser
sends everything that is not on this machine to this proxy, which refuses it
at once. So Quick exit's navigation to the neutral site ends in the browser's
own error page straight away: still a page of another site, with its own
history entry, which is all Back needs.

Chromium and Firefox speak SOCKS5 to it, which names the host asked for
(:attr:`RefusingProxy.hosts`). WebKitGTK takes only HTTP proxies from
WebDriver and wraps https in TLS to the proxy, so for it the proxy just
closes the connection; the tests check the address the exit went to instead.
"""

import socketserver
import threading

#: SOCKS5: version 5, "no authentication"; then "connection refused" for any request.
NO_AUTH = b"\x05\x00"
REFUSED = b"\x05\x05\x00\x01\x00\x00\x00\x00\x00\x00"
#: HTTP: what a plain proxy request is answered with.
FORBIDDEN = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        try:
            greeting = self.request.recv(257)
            if greeting[:1] == b"\x16":
                return  # TLS to the proxy (WebKitGTK): nothing to read the host from
            if greeting[:1] != b"\x05":
                self.server.hosts.append(_http_host(greeting))
                self.request.sendall(FORBIDDEN)
                return
            self.request.sendall(NO_AUTH)
            self.server.hosts.append(_host(self.request.recv(512)))
            self.request.sendall(REFUSED)
        except OSError:
            return


def _http_host(request):
    """The host of ``GET http://host/…`` or ``CONNECT host:443``."""
    words = request.split(b"\r\n", 1)[0].decode("latin-1").split()
    if len(words) < 2:
        return "(unreadable request)"
    return words[1].split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]


def _host(request):
    """The host a SOCKS5 CONNECT asks for: a name, or an IPv4 or IPv6 address."""
    kind = request[3:4]
    if kind == b"\x03":
        return request[5:5 + request[4]].decode("idna")
    if kind == b"\x01":
        return ".".join(str(byte) for byte in request[4:8])
    return request[4:20].hex()


class RefusingProxy(socketserver.ThreadingTCPServer):
    """A SOCKS5 proxy on 127.0.0.1 that refuses everything; :attr:`hosts` lists what was asked."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hosts = []
        self.port = self.server_address[1]
        self.address = "127.0.0.1:%d" % self.port
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self):
        self.shutdown()
        self.server_close()
