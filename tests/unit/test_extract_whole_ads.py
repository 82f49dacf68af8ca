"""Whole ads read with every extractor at once, where one kind's reading spoils another's (red team 84)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _values(body: str, country: str, lang: str, kind: str, fee: bool | None = False) -> list[str]:
    ents = extract_ad({"body": body, "country": country, "lang": lang})
    return [e.value for e in ents if e.kind == kind and (fee is None or bool(e.attrs.get("fee")) == fee)]


@pytest.mark.parametrize(
    ("body", "country", "lang", "prices"),
    [
        ("Zarobki 1500-2200 EUR", "PL", "pl", ["1500 EUR", "2200 EUR"]),  # a range, no phone-like run
        ("Server wanted, $800-1200/week plus tips", "US", "en", ["800 USD", "1200 USD"]),
        ("£150-200 per hour", "GB", "en", ["150 GBP/60min", "200 GBP/60min"]),
        ("Nous cherchons réceptionniste de nuit (80-100%)", "CH", "fr", []),  # percentages
        ("Honda CR-V, VIN 2HKRW2H85HH123456, $18,500", "CA", "en", ["18500 CAD"]),  # a serial's digits
        ("hh150 h250", "US", "en", ["150 USD/30min", "250 USD/60min"]),
    ],
)
def test_prices_next_to_other_figures(body: str, country: str, lang: str, prices: list[str]) -> None:
    assert _values(body, country, lang, "price") == prices


@pytest.mark.parametrize(
    ("body", "country", "lang"),
    [
        ("Loyer 420 € charges comprises, caution 420 €", "FR", "fr"),  # rent and a deposit
        ("Renda 550€ por mês", "PT", "pt"),
        ("Mietzins CHF 1'850", "CH", "de"),
    ],
)
def test_rent_is_a_fee(body: str, country: str, lang: str) -> None:
    assert _values(body, country, lang, "price") == []
    assert _values(body, country, lang, "price", fee=True) != []


@pytest.mark.parametrize(
    ("body", "country", "lang"),
    [
        ("I'm Ciara, chartered physiotherapist (MISCP), 12 years in practice", "IE", "en"),  # years in a trade
        ("Età minima 18 anni", "IT", "it"),  # a job's age limit
        ("Erfahrung mit Kindern von 1 bis 10 Jahren", "DE", "de"),  # a range
    ],
)
def test_no_poster_age(body: str, country: str, lang: str) -> None:
    assert _values(body, country, lang, "age") == []


@pytest.mark.parametrize(
    ("body", "country", "lang", "cities"),
    [
        ("Clinic: Unit 4, Westside Business Park, Galway", "IE", "en", ["Galway|IE"]),  # an estate's name
        ("Gatineau (secteur Hull)", "CA", "fr", ["Gatineau|CA"]),  # a district after "secteur"
    ],
)
def test_places_that_are_no_towns(body: str, country: str, lang: str, cities: list[str]) -> None:
    assert _values(body, country, lang, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "lang", "handles"),
    [
        ("Su Telegram sono bianca_mi", "IT", "it", ["telegram:bianca_mi"]),  # "I am" after the platform
        ("On Snap I'm lola_22", "US", "en", ["snapchat:lola_22"]),
        ("On Telegram I'm available 24/7", "US", "en", []),
    ],
)
def test_a_handle_after_i_am(body: str, country: str, lang: str, handles: list[str]) -> None:
    assert _values(body, country, lang, "handle") == handles
    assert _values(body, country, lang, "name") == []  # no persona read from the handle's first part
