"""The context step's optional question: situations that change the advice.

A module of its own, not part of :mod:`doorway.guide.answers`, because the
partner's page imports that one, and a page is given the content sections its
modules read (``doorway.builder.sections``): the situations are the wizard's
alone. The decision aid (:mod:`doorway.guide.decision`) reads them too.
"""


def check_situations(catalogue, values):
    """The situations chosen, known ones only, in catalogue order (an optional
    question, so never an error)."""
    return [s["id"] for s in catalogue.situation_labels if s["id"] in values]
