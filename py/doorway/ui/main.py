"""Entry point run by PyScript (``<script type="mpy" src="…/main.py">``).

Kept tiny so that even an import error elsewhere is caught and shown calmly.
"""

try:
    from doorway.ui import app

    app.start()
except Exception as error:  # noqa: BLE001 - never leave a blank page
    from pyscript import document

    document.documentElement.setAttribute("data-app", "failed")
    import sys

    sys.print_exception(error)
