"""Passphrase boxes with a Show / Hide button (``doorway.guide.views.forms.secret``).

Typing four words on a phone is easier when you can see them; the box starts
hidden, and every wipe hides it again.
"""

from . import dom


def toggle(button):
    """Show or hide the box the button controls, and say what a press does next."""
    field = dom.one("#" + button.getAttribute("aria-controls"))
    showing = field.getAttribute("type") == "password"
    field.setAttribute("type", "text" if showing else "password")
    dom.set_text(button, button.getAttribute("data-hide" if showing else "data-show"))


def hide_all(within):
    """Every passphrase box under ``within`` hidden again, its button back to Show."""
    for button in dom.every('[data-action="toggle-secret"]', within):
        field = dom.one("#" + button.getAttribute("aria-controls"))
        field.setAttribute("type", "password")
        dom.set_text(button, button.getAttribute("data-show"))
