"""Numbers glued by a lost line break, US territories, personas named after famous towns, the small states of
Europe and Oceania, the short texts a platform screens: the leftovers of rounds 105 to 112 and what the red
teams of rounds 113 to 116 (benchmarks/redteam) found, one case per reading."""

from __future__ import annotations

import pytest

from unveil.normalise.deobfuscate import glued_layouts

from conftest import extract_entities, extract_values


@pytest.mark.parametrize(
    ("lens", "expected"),
    [
        ([3, 3, 7, 3, 4], [[3, 3, 4], [3, 3, 4]]),
        ([3, 3, 7, 3, 7, 3, 4], [[3, 3, 4]] * 3),
        ([2, 2, 2, 2, 4, 2, 2, 2, 2], [[2, 2, 2, 2, 2]] * 2),
        ([4, 3, 7, 3, 3], [[4, 3, 3], [4, 3, 3]]),
        ([11, 11], None),  # two whole numbers with a gap: a list, no glue
        ([3, 3, 3, 3], None),
        ([3, 3, 7, 3, 5], None),  # the second number's layout differs
    ],
)
def test_glued_layouts(lens: list[int], expected: list[list[int]] | None) -> None:
    assert glued_layouts(lens) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Two lines: 212-555-0143212-555-0144", "US", ["+12125550143", "+12125550144"]),
        ("Lines: 212-555-0143212-555-0144212-555-0145", "US", ["+12125550143", "+12125550144", "+12125550145"]),
        ("Call 020 7946 0123020 7946 0124 now", "GB", ["+442079460123", "+442079460124"]),
        ("Tel 01 99 00 12 3401 99 00 12 35", "FR", ["+33199001234", "+33199001235"]),
        ("0491 570 0060491 570 007", "AU", ["+61491570006", "+61491570007"]),
        # the same layout twice, but no valid number in it: nothing read as glued
        ("Ref 123-456-7890123-456-7890", "US", []),
    ],
)
def test_numbers_glued_end_to_start(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone") == expected
    for e in extract_entities(body, country, "phone"):
        assert body[e.start:e.end].replace(" ", "").replace("-", "") in e.value.replace("+1", "").replace(
            "+44", "0").replace("+33", "0").replace("+61", "0")


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Incall Carolina, PR. Sofia 26", "PR", ["Carolina|PR"]),
        ("Incall in Carolina, PR tonight", "US", ["Carolina|PR"]),
        ("Visiting St. Thomas, USVI this week", "US", []),  # the island, which the gazetteer lacks; not Ontario's
        ("Visiting St. Thomas USVI this week", "US", []),
        ("Visiting Charlotte Amalie, USVI this week", "US", ["Charlotte Amalie|VI"]),
        ("Boricua, 25 años, en Orlando 🇵🇷", "US", ["Orlando|US"]),  # her flag, not the town's territory
        ("Touring the Carolinas: Charlotte, NC", "US", ["Charlotte|US"]),
    ],
)
def test_us_territories_after_a_town(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "country", "names", "cities"),
    [
        ("Paris 24 — new in town", "US", ["Paris"], []),
        ("Paris 🌸 24", "US", ["Paris"], []),
        ("Paris 24 — new in town", "GB", ["Paris"], []),
        # the ad's own big town of that name stays the town
        ("Paris 24 ans, 16e", "FR", [], ["Paris|FR"]),
        ("London 25 - new", "GB", [], ["London|GB"]),
        # not before an age, nor away from the head of the line
        ("Escorts in Paris 24 hours", "US", [], ["Paris|US"]),
        ("I'm in town: Paris 24/7", "US", [], ["Paris|US"]),
    ],
)
def test_famous_town_heading_as_a_persona(body: str, country: str, names: list[str], cities: list[str]) -> None:
    assert extract_values(body, country, "name") == names
    assert extract_values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Ann an Inbhir Nis an-dràsta", "GB", ["Inverness|GB"]),  # no Niš inside the Gaelic name
        ("Árasán, Baile Átha Cliath 2", "IE", ["Dublin|IE"]),
        ("Ann an Dùn Èideann agus Obar Dheathain", "GB", ["Aberdeen|GB", "Edinburgh|GB"]),
        ("Escort in Nis, Serbia", "RS", ["Niš|RS"]),
    ],
)
def test_towns_in_gaelic_and_irish(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("New in town: Tbilisi, Georgia until Friday", "", ["Tbilisi|GE"]),
        ("New in town: Tbilisi, Georgia until Friday", "US", ["Tbilisi|GE"]),
        # the US state still reads as the state
        ("Columbus, Georgia this weekend", "", ["Columbus|US"]),
        ("Atlanta, Georgia this weekend", "US", ["Atlanta|US"]),
    ],
)
def test_country_named_like_a_state_after_its_town(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected
