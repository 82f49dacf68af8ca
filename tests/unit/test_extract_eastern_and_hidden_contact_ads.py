"""Ads of central and south-eastern Europe, phones and other contacts hidden on purpose, and Spanish-speaking
North America: what the red teams of rounds 101 to 104 (benchmarks/redteam) found, and the leftovers of rounds
89 to 100, one case per reading."""

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
    ("body", "country", "lang", "expected"),
    [
        # bare amounts in columns under an in/out label share their row's length
        ("In/Out : 30 min 150/200, 1h 250/300", "FR", "fr",
         ["150 EUR/30min", "200 EUR/30min", "250 EUR/60min", "300 EUR/60min"]),
        ("In/Out\n1hr 150/200\n2hrs 280/350", "GB", "en",
         ["150 GBP/60min", "200 GBP/60min", "280 GBP/120min", "350 GBP/120min"]),
        # with no such label a bare second amount may be another length's: left alone
        ("1h 150/200, 2h 300", "FR", "fr", ["150 EUR/60min", "300 EUR/120min"]),
        # an evening out, its length in brackets
        ("500 € la soirée (4h)", "FR", "fr", ["500 EUR/240min"]),
        ("600 euro la serata (4 ore)", "IT", "it", ["600 EUR/240min"]),
    ],
)
def test_leftover_rate_cards(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "price", lang) == expected
