"""The context step's optional question (doorway.guide.situations)."""

from support import catalogue

from doorway.guide import situations


def test_situations_are_known_and_in_catalogue_order():
    cat = catalogue()
    assert situations.check_situations(cat, ["leaving", "bogus", "affair"]) \
        == ["affair", "leaving"]
    assert situations.check_situations(cat, []) == []
