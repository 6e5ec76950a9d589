"""Form parts every page shares: the GOV.UK error summary and its messages."""

from . import h


def error_summary(heading, level=2):
    """An empty, hidden error summary; ``doorway.ui.forms`` fills and shows it."""
    return h("div", [("class", "error-summary"), ("data-error-summary", True), ("role", "alert"),
                     ("tabindex", "-1"), ("hidden", True)], [
        h("h%d" % level, None, heading),
        h("ul", [("data-error-list", True)]),
    ])


def error_items(errors):
    """One list item per error, each a link to the field it is about."""
    return [h("li", None, h("a", [("href", "#" + error["field"])], error["message"]))
            for error in errors]


def choice(kind, name, field_id, value, label, checked=False, hint=None, exclusive=False):
    """One radio button or checkbox with its label (and hint), GOV.UK style."""
    hint_id = field_id + "-hint" if hint else None
    return h("div", [("class", kind)], [
        h("input", [("type", kind), ("id", field_id), ("name", name), ("value", value),
                    ("checked", checked), ("aria-describedby", hint_id),
                    ("data-exclusive", exclusive)]),
        h("label", [("for", field_id)], label),
        h("p", [("class", "example"), ("id", hint_id)], hint) if hint else None,
    ])


def secret(field_id, show, hide, described_by=None, name=None):
    """A passphrase box with a button that shows or hides what is typed.

    The button's words for each state travel on it (``data-show``,
    ``data-hide``) so ``doorway.ui.secret`` can flip it without the content.
    """
    return h("div", [("class", "secret")], [
        h("input", [("class", "text-input"), ("type", "password"), ("id", field_id),
                    ("name", name or field_id), ("autocomplete", "off"),
                    ("autocapitalize", "none"), ("spellcheck", "false"),
                    ("aria-describedby", described_by)]),
        h("button", [("type", "button"), ("class", "button secondary small"),
                     ("data-action", "toggle-secret"), ("aria-controls", field_id),
                     ("data-show", show), ("data-hide", hide)], show),
    ])
