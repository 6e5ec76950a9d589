"""The real safety content: the screen asks what the research asks, and every caller
finds a line. Routing itself is tested on the fixture (tests/logic/test_safety_routes.py)."""

from doorway.guide import answers, safety


def _items(real):
    return real.safety["screen"]["items"]


def test_each_danger_sign_is_its_own_question(real):
    assert safety.danger_items(real) == ["threat_kill", "strangled", "weapon"]
    signs = {"threat_kill": "kill", "strangled": "strangled", "weapon": "weapon"}
    for item in _items(real):
        found = [word for word in ("kill", "strangled", "weapon")
                 if word in item["question"].lower()]
        if item.get("danger"):
            assert found == [signs[item["id"]]], (item["id"], found)
        else:
            assert found == [], (item["id"], found)


def test_the_screen_asks_all_four_hark_questions(real):
    by_id = {item["id"]: item for item in _items(real)}
    for item_id in ("humiliated", "afraid", "sexual", "hurt"):
        assert "s_sohal_2007" in by_id[item_id]["sources"], item_id
    assert "humiliated" in by_id["humiliated"]["question"]


def test_no_error_repeats_a_long_word_of_a_question(real):
    items = _items(real)
    _, errors = answers.check_safety(real, {item["id"]: None for item in items})
    assert len(errors) == len(items)
    long_words = [word.lower() for item in items
                  for word in item["question"].replace("?", " ").replace(",", " ").split()
                  if len(word) >= 7]
    assert "strangled" in long_words and "threatened" in long_words
    for error in errors:
        for message in (error["message"], error.get("field_message", "")):
            for word in long_words:
                assert word not in message.lower(), (word, message)


def test_every_caller_finds_a_line(real):
    kinds = {country["id"]: [line["kind"] for line in country["lines"]]
             for country in real.safety["countries"]}
    for country_id in ("us", "uk", "ca", "au", "ie"):
        assert "lgbt" in kinds[country_id], country_id
    for country_id in ("us", "uk", "au"):
        assert "deaf" in kinds[country_id], country_id
    for country_id in ("us", "uk", "au", "ie", "nz"):
        assert "own" in kinds[country_id], country_id
    for country_id in ("uk", "ie"):
        assert "men" in kinds[country_id], country_id
    for country in real.safety["countries"]:
        assert "young" in kinds[country["id"]], country["id"]
    dating = [line for line in real.country("us")["lines"]
              if line["kind"] == "young" and "dating" in line["for"]]
    assert dating and dating[0]["sms"], dating
    uk_areas = [area["id"] for area in real.country("uk")["areas"]]
    assert uk_areas == ["england", "scotland", "wales", "northern_ireland"]
    assert "ontario" in [area["id"] for area in real.country("ca")["areas"]]


def test_every_line_of_every_country_is_shown_somewhere(real):
    """Each line reaches a caller: under its area, or the country's when it has none."""
    for country in real.safety["countries"]:
        shown = []
        for area in [a["id"] for a in country["areas"]] or [None]:
            found = safety.help_for(real, country["id"], area)
            for line in [found["main"]] + [x for g in found["groups"] for x in g["lines"]]:
                key = (line["name"], line["kind"], line["area"])
                if key not in shown:
                    shown.append(key)
        assert len(shown) == len(country["lines"]), country["id"]
