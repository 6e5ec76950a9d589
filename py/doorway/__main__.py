"""``python -m doorway``: see :mod:`doorway.cli`."""

import sys

from doorway.cli import main

sys.exit(main())
