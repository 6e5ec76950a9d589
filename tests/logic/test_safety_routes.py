"""Where the safety check leads and which lines come first (doorway.guide.safety)."""

from support import catalogue

from doorway.guide import safety


def _answers(value):
    return {item["id"]: value for item in catalogue().safety["screen"]["items"]}


def _items():
    return catalogue().safety["screen"]["items"]


def test_danger_items_are_the_items_marked_danger_in_screen_order():
    assert safety.danger_items(catalogue()) == [item["id"] for item in _items()
                                                if item.get("danger")]
    assert safety.danger_items(catalogue()), "the fixture has danger items"


def test_a_yes_to_any_danger_sign_leads_to_the_high_risk_page():
    for item_id in safety.danger_items(catalogue()):
        for others in ("no", "unsure", "yes"):
            answers = _answers(others)
            answers[item_id] = "yes"
            assert safety.outcome(catalogue(), answers) == safety.DANGER, (item_id, others)
            assert safety.first_page(catalogue(), answers) == safety.HIGH_RISK


def test_any_other_yes_leads_to_the_safety_route():
    danger = safety.danger_items(catalogue())
    for item in _items():
        if item["id"] in danger:
            continue
        for others in ("no", "unsure"):
            answers = _answers(others)
            answers[item["id"]] = "yes"
            assert safety.outcome(catalogue(), answers) == safety.CONCERN, item["id"]
            assert safety.first_page(catalogue(), answers) == safety.SAFETY_ROUTE


def test_not_sure_about_a_danger_sign_pauses_with_help_first():
    for item_id in safety.danger_items(catalogue()):
        answers = _answers("no")
        answers[item_id] = "unsure"
        assert safety.outcome(catalogue(), answers) == safety.DANGER_UNSURE, item_id
        assert safety.first_page(catalogue(), answers) == safety.DANGER_PAUSE


def test_other_not_sure_and_all_no():
    answers = _answers("no")
    assert safety.outcome(catalogue(), answers) == safety.CLEAR
    assert safety.first_page(catalogue(), answers) == safety.GUIDE
    answers["control"] = "unsure"
    assert safety.outcome(catalogue(), answers) == safety.UNSURE
    assert safety.first_page(catalogue(), answers) == safety.UNSURE_PAGE


def test_going_on_after_a_danger_pause_takes_a_second_step():
    pause = safety.DANGER_PAUSE
    assert safety.next_page(pause, "continue") == safety.DANGER_CONFIRM
    assert safety.next_page(safety.DANGER_CONFIRM, "back") == pause
    assert safety.next_page(safety.DANGER_CONFIRM, "confirm") == safety.GUIDE
    # no single button leads from the pause to the guide
    for button in ("continue", "confirm", "back", "skip", "next"):
        assert safety.next_page(pause, button) != safety.GUIDE, button
    assert safety.next_page(safety.UNSURE_PAGE, "continue") == safety.GUIDE


def test_no_way_leads_from_the_safety_pages_to_the_guide():
    for page in (safety.HIGH_RISK, safety.SAFETY_ROUTE):
        for button in ("continue", "confirm", "back"):
            assert safety.next_page(page, button) is None, (page, button)


def test_help_is_one_button_away_everywhere():
    for page in (safety.HIGH_RISK, safety.DANGER_PAUSE, safety.DANGER_CONFIRM,
                 safety.UNSURE_PAGE, safety.GUIDE, "safety"):
        assert safety.next_page(page, safety.HELP) == safety.SAFETY_ROUTE


def test_country_guess_from_language_tags():
    cat = catalogue()
    assert safety.guess_country(cat, ["en-GB", "en"]) == "uk"
    assert safety.guess_country(cat, ["fr-CA"]) == "ca"
    assert safety.guess_country(cat, ["de", "en-NZ"]) == "nz"
    assert safety.guess_country(cat, ["en_US"]) == "us"
    assert safety.guess_country(cat, ["de-DE"]) == safety.ELSEWHERE
    assert safety.guess_country(cat, []) == safety.ELSEWHERE
    assert safety.guess_country(cat, ["", None]) == safety.ELSEWHERE


def test_area_guess_from_language_tags():
    cat = catalogue()
    assert safety.guess_area(cat, "ca", ["fr-CA", "en-CA"]) == "quebec"
    assert safety.guess_area(cat, "uk", ["cy-GB"]) == "wales"
    assert safety.guess_area(cat, "uk", ["en-GB"]) is None
    assert safety.guess_area(cat, "ca", ["fr-FR"]) is None
    assert safety.guess_area(cat, "us", ["es-US"]) is None
    assert safety.guess_area(cat, "nowhere", ["fr-CA"]) is None


def test_the_first_screen_gets_the_emergency_number_then_the_main_line():
    cat = catalogue()
    for country in cat.safety["countries"]:
        areas = [area["id"] for area in country.get("areas", [])] or [None]
        for area in areas:
            found = safety.help_for(cat, country["id"], area)
            assert found["country"]["id"] == country["id"]
            assert found["area"] == area
            assert found["emergency"]["number"] == country["emergency"]
            assert found["emergency"]["tel_href"] == "tel:" + country["emergency_tel"]
            main = found["main"]
            assert main is not None and main["main"], (country["id"], area)
            assert main["kind"] == "abuse"
            assert main["tel_href"] or main["sms_href"], main["name"]
            if area:
                assert main["area"] == area


def test_lines_are_grouped_by_kind_and_other_areas_left_out():
    cat = catalogue()
    found = safety.help_for(cat, "uk", "scotland")
    assert found["main"]["area"] == "scotland"
    areas = [line["area"] for group in found["groups"] for line in group["lines"]]
    assert areas and not [area for area in areas if area not in (None, "scotland")], areas
    others = [line for line in cat.country("uk")["lines"] if line.get("area") == "wales"]
    assert others, "the fixture has lines for another area, which must be left out"
    kinds = [group["kind"] for group in found["groups"]]
    assert kinds == [kind for kind in safety.KINDS if kind in kinds]
    for group in found["groups"]:
        assert group["lines"], group["kind"]
        assert group["heading"] == cat.safety["lines"]["kinds"][group["kind"]]
        for line in group["lines"]:
            assert line["kind"] == group["kind"]
            assert not line["main"]


def test_an_unknown_area_falls_back_to_the_first():
    cat = catalogue()
    assert safety.help_for(cat, "uk", "atlantis")["area"] == "england"
    assert safety.help_for(cat, "ca", None)["area"] == "ontario"
    assert safety.help_for(cat, "us", "quebec")["area"] is None


def test_elsewhere_gets_the_international_directory():
    cat = catalogue()
    for country_id in (safety.ELSEWHERE, None, "xx"):
        found = safety.help_for(cat, country_id)
        assert found["country"] is None and found["main"] is None
        assert found["groups"] == [] and found["emergency"] is None
        assert found["international"]["url"] == cat.safety["international"]["url"]
        assert found["international"]["source"]["url"].startswith("https://")


def _date_ok(text):
    parts = text.split("-")
    return (len(parts) == 3 and len(parts[0]) == 4 and len(parts[1]) == 2
            and len(parts[2]) == 2 and "".join(parts).isdigit())


def test_every_number_shown_has_a_source_and_a_checked_date():
    cat = catalogue()
    count = 0
    for country in cat.safety["countries"]:
        assert _date_ok(country["checked"]), country["id"]
        areas = [area["id"] for area in country.get("areas", [])] or [None]
        seen = []
        for area in areas:
            found = safety.help_for(cat, country["id"], area)
            lines = [found["main"]] + [line for g in found["groups"] for line in g["lines"]]
            for line in lines:
                key = "%s/%s/%s" % (line["name"], line["kind"], line["area"])
                if key in seen:
                    continue
                seen.append(key)
                assert line["checked"] == country["checked"]
                assert line["source"]["url"].startswith("https://"), line["name"]
                if line["tel"]:
                    count += 1
                    assert line["tel_href"] == "tel:" + line["tel"]
                    assert line["tel"].replace("+", "").isdigit(), line["tel"]
                    assert line["phone"], line["name"]
                if line["sms"]:
                    count += 1
                    assert line["sms"].isdigit() and line["sms_href"] == "sms:" + line["sms"]
                if line["hours_source"]:
                    assert line["hours"] and line["hours_source"]["url"].startswith("https://")
        assert len(seen) == len(country["lines"]), country["id"]
    assert count >= len(cat.safety["countries"]), count
