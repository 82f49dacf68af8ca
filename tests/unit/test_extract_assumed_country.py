"""Ads without a ``country``: the country their national phone numbers are read in."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.extract.assumed_country import Assumed, assume_country


@pytest.mark.parametrize(("city", "region", "expected"), [
    ("Houston", None, "US"),
    ("Houston, TX", None, "US"),
    ("Montréal", None, "CA"),
    ("Kraków", None, "PL"),
    ("London", "Greater London", "GB"),  # London, Ontario is a twentieth of it
    ("Paris, TX", None, "US"),  # a state after the comma
    ("Berlin, DE", None, "DE"),  # a country code after the comma, not Delaware
    ("London", "KY", "US"),  # a state in the region field wins over the bigger town
    ("Birmingham", "Alabama", "US"),
    ("Victoria", "BC", "CA"),
    ("Valencia", None, "ES"),  # cities.yaml prefers Spain's; Venezuela's is bigger
    ("Richmond", None, "US"),  # Virginia and British Columbia: both +1, no conflict for a phone
])
def test_country_from_the_ads_city(city: str, region: str | None, expected: str) -> None:
    assert assume_country({"city": city, "region": region}) == Assumed(expected, "city")


@pytest.mark.parametrize(("city", "region"), [
    ("Cambridge", None),  # England, Ontario and Massachusetts, of like size
    ("Victoria", None),  # Hong Kong and British Columbia
    ("Nowhereville", None),
    ("", None),
    ("   ", "  "),
])
def test_no_country_from_an_unclear_city(city: str, region: str | None) -> None:
    assert assume_country({"city": city, "region": region}) is None


def test_country_from_the_towns_the_text_names() -> None:
    assert assume_country({"title": "New in Leeds", "body": "Sweet and friendly."}) == Assumed("GB", "towns")
    # Towns of two countries with one calling code agree.
    assert assume_country({"body": "Toronto this week, then Miami."}) == Assumed("CA", "towns")
    # Towns of countries with other calling codes leave it unclear.
    assert assume_country({"body": "This week in Paris, then London."}) is None


def test_the_city_field_wins_over_the_text() -> None:
    ad = {"city": "Houston", "body": "Back from London!"}
    assert assume_country(ad) == Assumed("US", "city")
    # An unclear city leaves the text to decide.
    assert assume_country({"city": "Cambridge", "body": "Near Boston, call me"}) == Assumed("US", "towns")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://annonces.example.fr/paris/1", "FR"),
    ("https://ads.example.co.uk/x/1", "GB"),
    ("http://ANZEIGEN.EXAMPLE.DE/1", "DE"),
    ("ads.example.ca/listing/9", "CA"),
    ("https://ads.example.co/x/1", None),  # sold for other uses
    ("https://ads.example.io/x/1", None),
    ("https://ads.example.com/x/1", None),
    ("https://ads.example.eu/x/1", None),  # no country
    ("https://[::1/x", None),  # malformed
    ("not a web address", None),
])
def test_country_from_the_web_address_domain(url: str, expected: str | None) -> None:
    got = assume_country({"url": url, "body": "Hello"})
    assert got == (Assumed(expected, "web address") if expected else None)


def phones(ad: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [(e.value, e.attrs["foreign"], e.attrs.get("assumed_country"))
            for e in extract_ad(ad) if e.kind == "phone"]


def test_national_numbers_are_read_in_the_assumed_country() -> None:
    ad = {"id": "a", "city": "Houston", "body": "Houston TX — Jada 23 — 713 555 0184"}
    assert phones(ad) == [("+17135550184", False, "US")]
    ad = {"id": "b", "title": "New in Leeds", "body": "Text 020 7946 0123"}
    assert phones(ad) == [("+442079460123", False, "GB")]
    ad = {"id": "c", "url": "https://annonces.example.fr/1", "body": "Appelle le 01 99 00 12 34"}
    assert phones(ad) == [("+33199001234", False, "FR")]


def test_foreign_only_against_the_ads_own_city() -> None:
    # The listing's town is a fact about the ad, like its country: a British number is foreign to it.
    ad = {"id": "a", "city": "Houston", "body": "(713) 555-0184 or +44 20 7946 0123"}
    assert phones(ad) == [("+17135550184", False, "US"), ("+442079460123", True, "US")]
    # A town the text names is only a guess: nothing is foreign to it.
    ad = {"id": "b", "body": "Visiting Houston! (713) 555-0184 or +44 20 7946 0123"}
    assert phones(ad) == [("+17135550184", False, "US"), ("+442079460123", False, "US")]


def test_a_stated_country_is_never_replaced() -> None:
    ad = {"id": "a", "country": "GB", "city": "Houston", "body": "Call 020 7946 0123 or (713) 555-0184"}
    # "(713) 555-0184" is read as the British number it could be, never as Houston's.
    assert phones(ad) == [("+442079460123", False, None), ("+447135550184", False, None)]


def test_no_guess_no_national_numbers() -> None:
    # Nothing says where the ad is: only numbers with a country code are read, as before.
    ad = {"id": "a", "body": "Call (713) 555-0184 or +44 20 7946 0123"}
    assert phones(ad) == [("+442079460123", False, None)]


def test_one_text_in_two_ads_of_different_assumed_countries() -> None:
    from unveil.extract import extract_batch

    body = "Appelle le 01 99 00 12 34"  # a French number
    got = extract_batch([{"id": "a", "city": "Paris", "body": body}, {"id": "b", "city": "Houston", "body": body}])
    paris, houston = ([(e.value, e.attrs["assumed_country"]) for e in ents if e.kind == "phone"] for ents in got)
    assert paris == [("+33199001234", "FR")]
    assert all(value != "+33199001234" and country == "US" for value, country in houston)


def test_hostile_metadata_is_read_in_linear_time() -> None:
    # Megabyte fields: one pass each (a quadratic scan would not finish here).
    big = "Houston, " * 110_000
    assert assume_country({"city": big, "region": "x" * 1_000_000}) == Assumed("US", "city")
    assert assume_country({"city": "x" * 1_000_000, "region": "Houston, " * 110_000}) is None
    assert assume_country({"url": "https://" + "a." * 500_000 + "fr/"}) == Assumed("FR", "web address")
    assert assume_country({"body": "Leeds " * 150_000}) == Assumed("GB", "towns")


@settings(max_examples=60, deadline=None)
@given(city=st.text(max_size=40), region=st.one_of(st.none(), st.text(max_size=20)),
       url=st.one_of(st.none(), st.text(max_size=40)), body=st.text(max_size=80))
def test_assume_country_never_raises(city: str, region: str | None, url: str | None, body: str) -> None:
    got = assume_country({"city": city, "region": region, "url": url, "body": body})
    assert got is None or (len(got.country) == 2 and got.source in ("city", "towns", "web address"))
