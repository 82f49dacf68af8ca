"""Text damaged by an export or a site: escapes written out, cut fields, characters lost in decoding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.normalise.escapes import decode_literal_escapes


def _values(body: str, country: str, kind: str) -> list[str]:
    return [e.value for e in extract_ad({"body": body, "country": country}) if e.kind == kind]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (r"S\u00e9verine", "Séverine"),
        (r"\u00a3150 1hr", "£150 1hr"),
        (r"Leeds\nholly@example.com", "Leeds\nholly@example.com"),
        (r"https:\/\/example.org\/rates", "https://example.org/rates"),
        (r"kiss \ud83d\udc8b", "kiss 💋"),
        (r"say \"hi\" \\ bye", 'say "hi" \\ bye'),
        (r"tab\there", "tab\there"),
    ],
)
def test_json_escapes_are_read(text: str, read: str) -> None:
    nt = decode_literal_escapes(text)
    assert nt is not None
    assert nt.text == read


@pytest.mark.parametrize("text", [r"\o/ hi", r"¯\_(ツ)_/¯", "no escapes", r"C:\Users", r"\ud83d alone", r"\u0007"])
def test_other_backslashes_are_left_alone(text: str) -> None:
    nt = decode_literal_escapes(text)
    assert nt is None or nt.text == text


@given(st.lists(st.sampled_from([*"ab \\nu0\"/t", "\\u00e9", "\\ud83d", "\\udc8b"]), max_size=20).map("".join))
@settings(max_examples=300, deadline=None)
def test_escape_offsets_point_into_the_stored_text(text: str) -> None:
    nt = decode_literal_escapes(text)
    if nt is None:
        return
    for i in range(len(nt.text)):
        start, end = nt.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("body", "country", "kind", "value", "written"),
    [
        (r"Rates \u00a3150 1hr", "GB", "price", "150 GBP/60min", r"\u00a3150 1hr"),
        (r"I am S\u00e9verine, 24 ans", "FR", "name", "Séverine", r"S\u00e9verine"),
        (r"Leeds\nholly.bristol@example.com", "GB", "email", "holly.bristol@example.com", "holly.bristol@example.com"),
        (r"https:\/\/www.example.org\/lea-paris\/photos", "FR", "url", "example.org/lea-paris/photos",
         r"https:\/\/www.example.org\/lea-paris\/photos"),
        (r"Gda\u0144sk, 200 z\u0142", "PL", "city", "Gdańsk|PL", r"Gda\u0144sk"),
    ],
)
def test_entities_behind_escapes_point_at_the_stored_text(body: str, country: str, kind: str, value: str,
                                                         written: str) -> None:
    found = [e for e in extract_ad({"body": body, "country": country}) if e.kind == kind]
    assert [(e.value, e.text) for e in found] == [(value, written)]


@pytest.mark.parametrize(
    ("body", "country", "kind"),
    [
        ("Call 020 7946 012...", "GB", "phone"),  # a number cut short is no shorter number
        ("Rates: overnight £1…", "GB", "price"),
        ("Hola, soy Lucía, nueva en Mála…", "ES", "city"),  # "Mala", Peru
        ("New in town: Chlo…", "GB", "name"),
        ("Jos\ufffd 25 a\ufffdos", "ES", "city"),  # "Jos", Nigeria
    ],
)
def test_a_value_cut_by_the_site_is_not_read(body: str, country: str, kind: str) -> None:
    assert _values(body, country, kind) == []


@pytest.mark.parametrize(
    ("body", "country", "kind", "value"),
    [
        ("Call 020 7946 0123...", "GB", "phone", "+442079460123"),  # whole and valid before the mark
        ("Nueva en Málaga...", "ES", "city", "Málaga|ES"),  # a town of the ad's country
        ("Hola, soy Lucía…", "ES", "name", "Lucía"),  # a known first name
        ("Sophie 24 ans, nouvelle à Par…", "FR", "name", "Sophie"),  # away from the cut
        ("IG: @carla.bcn…", "ES", "handle", "instagram:carla.bcn"),  # an ellipsis for style
        ("Mais fotos em ines.example.com/fotos...", "PT", "url", "ines.example.com/fotos"),
    ],
)
def test_whole_values_before_a_cut_stay(body: str, country: str, kind: str, value: str) -> None:
    assert value in _values(body, country, kind)


@pytest.mark.parametrize(
    ("body", "country", "kind", "value", "written"),
    [
        ("Chiamami %2B33 1 99 00 72 83", "IT", "phone", "+33199007283", "%2B33 1 99 00 72 83"),
        ("Termine+unter+%2B33+1+99+00+81+46", "DE", "phone", "+33199008146", "%2B33+1+99+00+81+46"),
        ("Write anna%40example.com", "GB", "email", "anna@example.com", "anna%40example.com"),
        ("Rates %E2%82%AC150 1h", "FR", "price", "150 EUR/60min", "%E2%82%AC150 1h"),
        ("https://example.com/caf%C3%A9", "FR", "url", "example.com/caf%C3%A9", "https://example.com/caf%C3%A9"),
    ],
)
def test_a_forms_percent_escapes_are_read_outside_addresses(body: str, country: str, kind: str, value: str,
                                                            written: str) -> None:
    found = [e for e in extract_ad({"body": body, "country": country}) if e.kind == kind]
    assert [(e.value, e.text) for e in found] == [(value, written)]
