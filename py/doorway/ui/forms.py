"""Reading forms and showing errors the GOV.UK way.

An error summary at the top of the form lists every problem as a link to the
field; each field's question also shows its message. Like every in-page link,
the summary's links move focus without touching the history (boot.js).
"""

from doorway.guide.views.forms import error_items

from . import dom


def checked(form, name):
    """Values of the checked inputs called ``name``, in page order."""
    return [el.value for el in dom.every('input[name="%s"]:checked' % name, form)]


def checked_one(form, name):
    values = checked(form, name)
    return values[0] if values else None


def value(form, name):
    element = dom.one('[name="%s"]' % name, form)
    return element.value if element else ""


def clear_errors(form):
    summary = dom.one("[data-error-summary]", form)
    if summary:
        dom.clear(dom.one("[data-error-list]", summary))
        dom.show(summary, False)
    for question in dom.every(".has-error", form):
        question.classList.remove("has-error")
    # Only the messages on screen have words to take away (each call into the
    # page costs, and this runs on every step's submit).
    for message in dom.every("[data-field-error]:not([hidden])", form):
        dom.set_text(message, "")
        dom.show(message, False)


def show_errors(form, errors):
    """Show ``[{"field", "message"}]`` and move focus to the summary.

    An error marked ``"summary": False`` only marks its field; a
    ``field_message`` is shown beside the field instead of the summary's words
    (see :mod:`doorway.guide.answers`)."""
    clear_errors(form)
    if not errors:
        return
    summary = dom.one("[data-error-summary]", form)
    dom.replace(dom.one("[data-error-list]", summary),
                error_items([e for e in errors if e.get("summary", True)]))
    for error in errors:
        question = dom.one('[data-question="%s"]' % error["field"], form)
        if question:
            question.classList.add("has-error")
            message = dom.one("[data-field-error]", question)
            dom.set_text(message, error.get("field_message") or error["message"])
            dom.show(message, True)
    dom.show(summary, True)
    dom.focus(summary)
