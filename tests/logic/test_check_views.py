"""Check your answers (doorway.guide.views.check), under both interpreters."""

from support import answers, catalogue

from doorway.guide.views import attr, check, find_all, text_of


def _rows(tree):
    return find_all(tree, lambda node: node[0] == "div" and attr(node, "data-row"))


def test_one_row_per_answer_in_order_each_with_a_change_button_to_its_step():
    cat = catalogue()
    tree = check.summary(cat, answers())
    rows = _rows(tree)
    assert [attr(row, "data-row") for row in rows] == [row for row, _ in check.ROWS]
    words = cat.wizard["check"]
    for index in range(len(rows)):
        row, step = check.ROWS[index]
        key = words["rows"][row]
        assert text_of(rows[index][2][0]) == key
        buttons = find_all(rows[index], lambda node: node[0] == "button")
        assert len(buttons) == 1
        assert attr(buttons[0], "data-action") == "change"
        assert attr(buttons[0], "data-change") == step
        # Each button's name says which answer it changes (hidden words for screen readers).
        assert text_of(buttons[0]) == words["change"] + " " + key
    steps = [step for _, step in check.ROWS]
    assert steps[:3] == ["stance", "reasons", "context"]


def test_each_row_shows_the_labels_chosen_in_page_order():
    cat = catalogue()
    chosen = answers(stance="said_no", reasons=["time", "blame"], name="Sam <b>",
                     conflict="avoidant", topics=["money"], hopes=["trust", "closeness"],
                     limits=[], situations=["affair"])
    wizard = cat.wizard
    assert check.values(cat, chosen, "stance") == [cat.stance("said_no")["label"]]
    assert check.values(cat, chosen, "reasons") == [cat.reason("blame")["label"],
                                                    cat.reason("time")["label"]]
    assert check.values(cat, chosen, "name") == ["Sam <b>"]
    assert check.values(cat, chosen, "conflict") == [cat.conflict("avoidant")["label"]]
    assert check.values(cat, chosen, "topics") == [cat.topic("money")["label"]]
    assert check.values(cat, chosen, "hopes") == [cat.hope("closeness")["label"],
                                                  cat.hope("trust")["label"]]
    assert check.values(cat, chosen, "limits") == []
    assert check.values(cat, chosen, "situations") == [cat.situation("affair")["label"]]
    tree = check.summary(cat, chosen)
    text = text_of(tree)
    # A name is text in the tree, never markup: the renderers escape it.
    assert "Sam <b>" in text and not find_all(tree, lambda node: node[0] == "b")
    rows = _rows(tree)
    hopes = [row for row in rows if attr(row, "data-row") == "hopes"][0]
    assert [text_of(item) for item in find_all(hopes, lambda n: n[0] == "li")] == \
        check.values(cat, chosen, "hopes")
    limits = [row for row in rows if attr(row, "data-row") == "limits"][0]
    assert wizard["check"]["not_given"] in text_of(limits)


def test_nothing_given_says_so_on_every_optional_row():
    cat = catalogue()
    chosen = answers()
    tree = check.summary(cat, chosen)
    given = {"stance", "reasons"}
    for row in _rows(tree):
        shown = text_of(row[2][1])
        if attr(row, "data-row") in given:
            assert shown == check.values(cat, chosen, attr(row, "data-row"))[0]
        else:
            assert shown == cat.wizard["check"]["not_given"]
