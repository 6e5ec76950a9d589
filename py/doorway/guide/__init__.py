"""Doorway's pure logic: answers in, plan, script and share links out.

Runs unchanged under CPython (pytest, the build) and MicroPython (the browser),
so it imports nothing from ``pyscript`` or ``js`` and sticks to the language
both share (see :mod:`doorway.guide.compat`). Modules:

- :mod:`.catalogue` wraps the compiled content;
- :mod:`.answers` checks the wizard's answers step by step;
- :mod:`.plan` turns answers into a plan;
- :mod:`.script` composes the conversation script;
- :mod:`.text` renders a plan as plain text (copy, download);
- :mod:`.link` encodes and decodes invitation and reply links;
- :mod:`.qr` draws a link as a QR code;
- :mod:`.reply_check` finds the words in a practice reply that tend to
  escalate or help, using :mod:`.words` (split text into words with their
  offsets) and :mod:`.phrases` (the phrase language of its content).
"""
