"""What a built site's service worker says, read back for unit and browser tests alike."""

import json
import re

PRECACHE = re.compile(r"const PRECACHE = (\[.*?\]);", re.S)
CACHE = re.compile(r"const CACHE = (\"[^\"]*\");")


def precache(site):
    """The URLs ``site/sw.js`` precaches, relative to the site root."""
    return json.loads(PRECACHE.search((site / "sw.js").read_text()).group(1))


def cache_name(site):
    """The cache ``site/sw.js`` stores the build in."""
    return json.loads(CACHE.search((site / "sw.js").read_text()).group(1))
