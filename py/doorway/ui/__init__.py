"""The thin layer that puts the guide on the page (PyScript, MicroPython only).

All decisions live in :mod:`doorway.guide`; this package reads forms, shows
and hides parts of the page and builds elements, always as text, never HTML.
"""
