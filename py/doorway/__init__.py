"""Doorway: a private, browser-only guide for asking a hesitant partner about couples therapy.

The package has three parts, one per place the code runs:

- ``doorway.guide``: pure logic (answers to plan, script, share links, QR codes).
  It imports nothing from the browser and runs unchanged under CPython and
  under MicroPython in the browser.
- ``doorway.ui``: the thin layer that puts the guide on the page (PyScript,
  MicroPython only).
- ``doorway.builder``: builds and serves the static site (CPython only).

This file ships to the browser too, so it must stay import-free.
"""
