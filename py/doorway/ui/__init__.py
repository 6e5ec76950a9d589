"""The thin layer that puts the guide on the page (PyScript, MicroPython only).

All decisions live in :mod:`doorway.guide`, and so does every view tree;
this package reads forms, shows and hides parts of the page, and draws view
trees as DOM nodes (:func:`doorway.ui.dom.build`), always as text, never HTML.
"""
