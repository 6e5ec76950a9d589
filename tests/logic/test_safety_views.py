"""The safety help as view trees: the helplines for one place
(doorway.guide.views.helplines) and the safety pages around them
(doorway.guide.views.safety).

Shapes, not words: every number is a call or text link inside its own card,
with the source and the checked date on the card's last line; the emergency
number comes first, then the main line; the control names the place.
"""

from support import catalogue

from doorway.guide import safety
from doorway.guide.views import attr, find_all, text_of
from doorway.guide.views import helplines as views
from doorway.guide.views import results as results_views
from doorway.guide.views import safety as pages


def _classes(node):
    return (attr(node, "class") or "").split()


def _cards(nodes):
    return find_all(nodes, lambda n: "help-card" in _classes(n))


def _number_links(nodes):
    return find_all(nodes, lambda n: n[0] == "a" and (attr(n, "href") or "").split(":")[0]
                    in ("tel", "sms"))


def _every_place(cat):
    for value, _ in views.places(cat):
        country, area = views.split_place(value)
        yield value, safety.help_for(cat, country, area)


def test_a_place_value_names_a_country_and_an_area():
    assert views.place_value("uk", "wales") == "uk:wales"
    assert views.place_value("us") == "us"
    assert views.split_place("uk:wales") == ("uk", "wales")
    assert views.split_place("us") == ("us", None)
    assert views.split_place("") == (safety.ELSEWHERE, None)
    assert views.split_place(None) == (safety.ELSEWHERE, None)
    cat = catalogue()
    values = [value for value, _ in views.places(cat)]
    assert len(values) == len(set(values))
    assert values[-1] == safety.ELSEWHERE
    for country in cat.safety["countries"]:
        areas = [a["id"] for a in country.get("areas", [])]
        for area in areas or [None]:
            assert views.place_value(country["id"], area) in values, (country["id"], area)


def test_the_top_names_the_place_then_the_emergency_number_then_the_main_line():
    cat = catalogue()
    for value, found in _every_place(cat):
        nodes = views.help_top(cat, "route", found)
        picker, first = nodes
        chosen = [attr(o, "value") for o in find_all(picker, lambda n: n[0] == "option")
                  if attr(o, "selected") == ""]
        assert chosen == [value], (value, chosen)
        assert attr(first, "data-lines") == ""
        cards = first[2]
        if found["country"] is None:
            assert [attr(c, "data-help-line") for c in cards] == ["directory"]
            continue
        assert [attr(c, "data-help-line") for c in cards] == ["emergency", "abuse"], value
        assert attr(_number_links(cards[0])[0], "href") == found["emergency"]["tel_href"]
        hrefs = [attr(a, "href") for a in _number_links(cards[1])]
        expected = [found["main"][key] for key in ("tel_href", "sms_href") if found["main"][key]]
        assert hrefs == expected, (value, hrefs)


def test_every_number_sits_in_a_card_ending_with_its_source_and_checked_date():
    cat = catalogue()
    count = 0
    for value, found in _every_place(cat):
        nodes = [views.help_top(cat, "x", found, 2), views.help_more(cat, found, 2)]
        cards = _cards(nodes)
        assert len(_number_links(cards)) == len(_number_links(nodes)), value
        for card in cards:
            last = card[2][-1]
            assert "source-line" in _classes(last), value
            sources = [a for a in find_all(last, lambda n: n[0] == "a")]
            assert sources and all(attr(a, "href").startswith("https://") for a in sources)
            links = _number_links(card)
            if not links:
                continue
            count += len(links)
            dates = find_all(last, lambda n: n[0] == "time")
            assert [attr(d, "datetime") for d in dates] == [found["country"]["checked"]], value
            # no source line sits between two numbers
            kinds = [child[0] for child in card[2]]
            assert kinds.index("div") < len(kinds) - 1
            assert not find_all(card[2][:-1], lambda n: "source-line" in _classes(n))
    assert count >= 60, count


def test_the_other_lines_come_in_kind_order_under_their_headings():
    cat = catalogue()
    found = safety.help_for(cat, "us")
    more = views.help_more(cat, found, 2)
    groups = find_all(more, lambda n: attr(n, "data-kind") is not None)
    assert [attr(g, "data-kind") for g in groups] == [g["kind"] for g in found["groups"]]
    for i, group in enumerate(groups):
        expected = found["groups"][i]
        assert text_of(group[2][0]) == expected["heading"]
        assert group[2][0][0] == "h3"
        assert [text_of(card[2][0]) for card in _cards(group)] == \
            [line["name"] for line in expected["lines"]]
    assert views.help_more(cat, safety.help_for(cat, safety.ELSEWHERE), 2) is None


def test_a_line_without_known_hours_says_so():
    cat = catalogue()
    words = cat.safety["lines"]
    for _, found in _every_place(cat):
        lines = [line for group in found["groups"] for line in group["lines"]]
        for line in lines + ([found["main"]] if found["main"] else []):
            card = views.line_card(cat, line)
            hours = find_all(card, lambda n: "hours" in _classes(n))
            if line["hours"]:
                assert [text_of(n) for n in hours] == [line["hours"]]
            elif line["tel"] or line["sms"]:
                assert [text_of(n) for n in hours] == [words["hours_unknown"]], line["name"]
            else:
                assert hours == []


def test_the_static_switcher_holds_every_place_with_one_choice_checked():
    cat = catalogue()
    switcher = pages.place_switcher(cat, "place")
    radios = find_all(switcher, lambda n: n[0] == "input")
    assert [attr(r, "type") for r in radios] == ["radio"] * len(radios)
    assert [attr(r, "name") for r in radios] == ["place"] * len(radios)
    assert sorted([attr(r, "value") for r in radios]) == sorted(
        [value for value, _ in views.places(cat)])
    assert [attr(r, "checked") for r in radios if attr(r, "checked") is not None] == [""]
    assert attr(radios[0], "checked") == ""
    # each place: its first cards, then its radio and label, then its other lines
    for place in find_all(switcher, lambda n: attr(n, "class") == "place"):
        first, radio, label, more = place[2]
        assert attr(first, "class") == "place-first" and attr(more, "class") == "place-more"
        assert label[0] == "label" and attr(label, "for") == attr(radio, "id")
        value = attr(radio, "value")
        assert attr(place, "data-place-body") == value
        country, area = views.split_place(value)
        found = safety.help_for(cat, country, area)
        cards = _cards(first)
        if found["country"] is None:
            assert [attr(c, "data-help-line") for c in cards] == ["directory"]
            continue
        assert [attr(c, "data-help-line") for c in cards] == ["emergency", "abuse"], value
        assert text_of(cards[1][2][0]) == found["main"]["name"]
        if area:  # an area's radio is described by its country's name
            wanted = attr(radio, "aria-describedby")
            named = find_all(switcher, lambda n, i=wanted: attr(n, "id") == i)
            assert [text_of(n) for n in named] == [cat.country(country)["name"]]


def test_the_static_switcher_shows_every_number_with_its_source():
    cat = catalogue()
    switcher = pages.place_switcher(cat, "place")
    hrefs = [attr(a, "href") for a in _number_links(switcher)]
    for country in cat.safety["countries"]:
        assert "tel:" + country["emergency_tel"] in hrefs
        for line in country["lines"]:
            if line.get("tel"):
                assert "tel:" + line["tel"] in hrefs, line["name"]
            if line.get("sms"):
                assert "sms:" + line["sms"] in hrefs, line["name"]
    for card in _cards(switcher):
        if _number_links(card):
            assert find_all(card[2][-1], lambda n: n[0] == "time"), text_of(card[2][0])


def test_the_route_says_children_pets_and_own_behaviour_with_sources():
    cat = catalogue()
    nodes = pages.route_support(cat, 2)
    headings = [text_of(n) for n in find_all(nodes, lambda n: n[0] == "h2")]
    route = cat.safety["route"]
    for heading in (route["support_heading"], route["planning_heading"],
                    route["family_heading"], cat.safety["own_behaviour"]["heading"],
                    route["device_heading"]):
        assert heading in headings, heading
    hrefs = [attr(a, "href") for a in find_all(nodes, lambda n: n[0] == "a")]
    for source_id in route["family_sources"] + cat.safety["own_behaviour"]["sources"]:
        assert cat.source(source_id)["url"] in hrefs, source_id


def _waiting(node, everywhere, cat):
    """The one line that says where the numbers are until Python draws them."""
    lines = find_all(node, lambda n: "help-waiting" in _classes(n))
    assert len(lines) == 1
    links = find_all(lines[0], lambda n: n[0] == "a")
    assert [attr(a, "href") for a in links] == [everywhere]
    assert text_of(links[0]) == cat.safety["route"]["waiting_link"]
    assert text_of(lines[0]).startswith(cat.safety["route"]["waiting"])
    return lines[0]


def test_the_quiet_line_controls_a_hidden_panel_on_the_same_page():
    cat = catalogue()
    node = pages.quiet_line(cat, "../guide/safety.html")
    button = find_all(node, lambda n: n[0] == "button")[0]
    panel = find_all(node, lambda n: attr(n, "id") == attr(button, "aria-controls"))[0]
    assert attr(button, "aria-expanded") == "false" and attr(button, "type") == "button"
    assert text_of(button) == cat.safety["partner_line"]["open"]
    assert attr(panel, "hidden") == "" and attr(panel, "data-help-root")
    assert find_all(panel, lambda n: attr(n, "data-help-top") is not None)
    # Until the cards are drawn, the panel says where every place's numbers are.
    _waiting(panel, "../guide/safety.html", cat)
    assert not _number_links(node) and not _cards(node)


def test_the_help_in_place_holds_no_number_until_python_draws_one_place():
    cat = catalogue()
    node = pages.in_place(cat, "safe-help", "guide/safety.html", 3)
    roots = find_all(node, lambda n: attr(n, "data-help-root") is not None)
    assert len(roots) == 1
    root = roots[0]
    _waiting(root, "guide/safety.html", cat)
    assert attr(root, "data-help-root") == "safe-help" and attr(root, "data-help-level") == "3"
    for slot in ("data-help-top", "data-help-more"):
        found = find_all(root, lambda n, slot=slot: attr(n, slot) is not None)
        assert len(found) == 1 and not found[0][2], slot
        assert attr(found[0], "data-private") is not None, slot
    assert not _number_links(node) and not _cards(node)
    text = text_of(node)
    route = cat.safety["route"]
    for words in (route["intro"][0], route["why"][0], route["support_heading"],
                  route["family_heading"], cat.safety["own_behaviour"]["heading"],
                  route["device_heading"]):
        assert words in text, words
    headings = find_all(node, lambda n: n[0] in ("h2", "h4"))
    assert not headings, "the help in place starts its headings at the level given"


def test_the_saved_plan_note_comes_before_copy_print_and_download():
    cat = catalogue()
    bar = results_views.actions(cat)
    kids = find_all(bar, lambda n: True)  # every node, in page order
    notes = [i for i, kid in enumerate(kids) if attr(kid, "class") == "saved-note"]
    buttons = [i for i, kid in enumerate(kids) if kid[0] == "button"]
    assert len(notes) == 1 and buttons and notes[0] < min(buttons)
    note_id = attr(kids[notes[0]], "id")
    keep = [kid for kid in kids if attr(kid, "data-action") in ("copy-plan", "print", "download",
                                                                 "download-script")]
    assert len(keep) == 4
    assert all(attr(kid, "aria-describedby") == note_id for kid in keep)
    assert text_of(kids[notes[0]]).startswith(cat.safety["saved_plan_note"]["text"])
