"""Passphrase boxes with a Show / Hide button (``doorway.guide.views.forms.secret``).

Typing four words on a phone is easier when you can see them; the box starts
hidden, and every wipe hides it again.
"""

from . import crypto, dom, forms


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


def unlock(form, field, status, words, current, then):
    """A passphrase form's submit, for a sealed invitation, reply or kept plan.

    An empty ``field`` gets ``words["empty"]``. Otherwise the envelope
    ``current()`` is unsealed with what was typed, saying ``words["working"]``
    in the ``status`` element; a wrong passphrase gets ``words["wrong"]``, and
    the plain body goes to ``then(body, passphrase)``. If ``current()`` changed
    meanwhile (the page was wiped, or another link opened), nothing happens.
    """
    passphrase = forms.value(form, field)
    if not passphrase:
        forms.show_errors(form, [{"field": field, "message": words["empty"]}])
        return
    forms.clear_errors(form)
    dom.later(dom.busy(form, _unseal(form, field, passphrase, dom.one(status, form), words,
                                     current, then)))


async def _unseal(form, field, passphrase, status, words, current, then):
    dom.set_text(status, words["working"])
    envelope = current()
    body = await crypto.unseal(envelope, passphrase) if envelope else None
    if envelope is None or current() is not envelope:
        return
    dom.set_text(status, "")
    if body is None:
        forms.show_errors(form, [{"field": field, "message": words["wrong"]}])
        return
    form.reset()
    hide_all(form)
    then(body, passphrase)
