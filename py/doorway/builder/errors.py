"""The errors the builder's commands explain to a person instead of crashing.

Every command of ``python -m doorway`` catches :class:`DoorwayError` and prints
its message as one plain statement of what is wrong and what to do, so library
code raises these (never ``SystemExit``) and stays usable from tests and other
code.
"""


class DoorwayError(Exception):
    """Something a person must fix; the message says what and, where it can, how."""


class BuildError(DoorwayError):
    """The site cannot be built; the message names the file and what is wrong."""


class VendorError(DoorwayError):
    """The vendored runtime cannot be refreshed or trusted; the message says why."""


class PortInUse(DoorwayError):
    """The local server cannot listen because another program has the port."""
