"""Serve the build and the floor page from a process of their own.

Both use Doorway's own server (:mod:`doorway.builder.serve`, gzip as a plain
static host sends it), each on its own port, so the floor page has an origin,
a cache and connections of its own. The server runs in a child process so that
serving never competes with the benchmark for Python's interpreter lock.

    python -m bench.server BUILD FLOOR   # prints the two base URLs, serves until stdin closes
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Servers:
    """The two servers, running in a child process until :meth:`stop`."""

    def __init__(self, site, floor):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.server", str(site), str(floor)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().split()
        if len(line) != 2:
            self.stop()
            raise SystemExit("bench: the local server did not start")
        self.site_url, self.floor_url = line

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=10)


def main():
    from doorway.builder.serve import serve_in_background

    site_url, site_server = serve_in_background(Path(sys.argv[1]))
    floor_url, floor_server = serve_in_background(Path(sys.argv[2]))
    print(site_url, floor_url, flush=True)
    sys.stdin.read()
    site_server.shutdown()
    floor_server.shutdown()


if __name__ == "__main__":
    main()
