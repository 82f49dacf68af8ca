"""Ads from the United States, the United Kingdom and Ireland, Spain and Italy, and from Latin American posters
in Europe and North America: what the red teams of rounds 89 to 92 (benchmarks/redteam) found, and the
leftovers of rounds 85 to 88, one case per reading."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _entities(body: str, country: str | None, kind: str, lang: str | None = None) -> list:
    ad = {"body": body}
    if country:
        ad["country"] = country
    if lang:
        ad["lang"] = lang
    return [e for e in extract_ad(ad) if e.kind == kind and not (kind == "price" and e.attrs.get("fee"))]


def _values(body: str, country: str | None, kind: str, lang: str | None = None) -> list[str]:
    return sorted(e.value for e in _entities(body, country, kind, lang))


@pytest.mark.parametrize(
    ("body", "expected", "assumed"),
    [
        # too short for its language to be told: North America's layout of the number names the country
        ("Hey it's Kim, text me 416-555-0141", ["+14165550141"], "CA"),
        ("Allo chu Kim, texto 514-555-0141", ["+15145550141"], "CA"),
        ("Call me (212) 555-0142", ["+12125550142"], "US"),
        ("Txt 1-702.555.0178", ["+17025550178"], "US"),
    ],
)
def test_north_american_layout_names_the_country_of_an_ad_in_no_known_language(
        body: str, expected: list[str], assumed: str) -> None:
    phones = _entities(body, None, "phone")
    assert sorted(e.value for e in phones) == expected
    assert {e.attrs.get("assumed_country") for e in phones} == {assumed}


@pytest.mark.parametrize(
    "body",
    [
        "Ciao, 347 123 4567",  # an Italian mobile spaced 3-3-4: no North American layout
        "Hi, 06-12345678",
    ],
)
def test_other_layouts_name_no_north_american_country(body: str) -> None:
    assert all(e.attrs.get("assumed_country") not in ("US", "CA") for e in _entities(body, None, "phone"))


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Toronto rates: 1hr $300, 2hr $550, ON $1200. Text 416-555-0142", "CA",
         ["1200 CAD/night", "300 CAD/60min", "550 CAD/120min"]),
        ("Rates\n30min $180 | 1hr $300\nON $1400\nToronto, ON", "CA",
         ["1400 CAD/night", "180 CAD/30min", "300 CAD/60min"]),
        # Ontario after its town is no night
        ("Mississauga ON 250 per hour. 905-555-0144", "CA", ["250 CAD/60min"]),
        ("Kitchener, ON\n1 hr 280\nOvernight 1500", "CA", ["1500 CAD/night", "280 CAD/60min"]),
        ("Ottawa ON K1P 1J1 - 1hr 300", "CA", ["300 CAD/60min"]),
        ("1hr $300 / 2hrs $550 / ON $1500", "US", ["1500 USD/night", "300 USD/60min", "550 USD/120min"]),
    ],
)
def test_on_is_a_night_unless_it_follows_a_town(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("1 hour $300 (incall) $350 (outcall). Call 212-555-0142", "US", ["300 USD/60min", "350 USD/60min"]),
        ("1hr $300 (in) / $350 (out)", "US", ["300 USD/60min", "350 USD/60min"]),
        ("1 hour £150 (incall) £180 (outcall)\n30 mins £90 (incall)", "GB",
         ["150 GBP/60min", "180 GBP/60min", "90 GBP/30min"]),
    ],
)
def test_bracketed_incall_and_outcall_rates_share_their_length(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected
