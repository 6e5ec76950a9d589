"""Bytes as a good host serves them: each file brotli-compressed at quality 11.

The local server sends gzip; a good host (or a build that ships ``.br`` files)
sends brotli. For every request a page made, the benchmark finds the file in
the build it came from and counts that file's brotli-11 size, or its raw size
for files a host would not compress (images). The files that get compressed
are the ones Doorway's server compresses.
"""

from urllib.parse import unquote, urlsplit

import brotli

from doorway.builder.serve import COMPRESSIBLE


def brotli_size(data, suffix):
    """How many bytes a file takes on the wire from a good host."""
    if suffix in COMPRESSIBLE:
        return len(brotli.compress(data, quality=11))
    return len(data)


class Sizes:
    """Brotli sizes of the files behind URLs, from the folders that are served.

    ``roots`` maps a base URL (``http://127.0.0.1:8000/``) to the folder served
    there. Sizes are computed once per file.
    """

    def __init__(self, roots):
        self.roots = sorted(roots.items(), key=lambda item: -len(item[0]))
        self.cache = {}

    def file(self, url):
        """The file behind ``url`` as ``(folder, relative path)``, or None."""
        address = urlsplit(url)
        bare = "%s://%s%s" % (address.scheme, address.netloc, address.path)
        for base, folder in self.roots:
            if bare.startswith(base):
                relative = unquote(bare[len(base):])
                if not relative or relative.endswith("/"):
                    relative += "index.html"
                if (folder / relative).is_file():
                    return folder, relative
        return None

    def size(self, url):
        """The brotli-11 size of the file behind ``url``, or None if it is not a served file."""
        found = self.file(url)
        if found is None:
            return None
        if found not in self.cache:
            path = found[0] / found[1]
            self.cache[found] = brotli_size(path.read_bytes(), path.suffix)
        return self.cache[found]
