"""Prices and ages written with "O" for 0 and "l"/"I" for 1 are read as numbers, at the written offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.extract.ages import AgeExtractor
from unveil.extract.base import AdContext
from unveil.extract.prices import PriceExtractor
from unveil.normalise.lookalike_digits import read_lookalike_digits


@pytest.mark.parametrize(
    ("text", "country", "kind", "value", "written"),
    [
        ("Houston incall\n$2OO/hr  no rush", "US", "price", "200 USD/60min", "$2OO/hr"),
        ("1 Std. 2OO€, 2 Std. 35O€", "DE", "price", "350 EUR/120min", "2 Std. 35O€"),
        ("$4OO 1hr | $2,5OO overnight", "US", "price", "2500 USD/night", "$2,5OO overnight"),
        ("1/2 hr ... 2oo roses", "US", "price", "200 ROSES/30min", "1/2 hr ... 2oo roses"),
        ("Cracovia\n3OO zł/h", "PL", "price", "300 PLN/60min", "3OO zł/h"),
        ("Je suis Manon\n30 min l2O€", "FR", "price", "120 EUR/30min", "30 min l2O€"),
        ("Sono Clara, 3O anni", "IT", "age", "30", "3O anni"),
        ("Hallo, ich bin Lena (2l)", "DE", "age", "21", "2l"),
        ("Sunt Denisa, 2O ani", "RO", "age", "20", "2O ani"),
    ],
)
def test_numbers_with_lookalike_letters_are_read(text: str, country: str, kind: str, value: str,
                                                 written: str) -> None:
    ents = [e for e in extract_ad({"body": text, "country": country}) if e.kind == kind]
    assert [e.value for e in ents if e.value == value] == [value]
    ent = next(e for e in ents if e.value == value)
    assert ent.text == written == text[ent.start : ent.end]


@pytest.mark.parametrize(
    "text",
    [
        "lol, Oslo or L0ND0N",  # words, a leet town: no digit token
        "CO2 neutral, room B2O",  # glued to letters
        "Io e te",
        "2025 10 15 01",  # digits only
    ],
)
def test_words_and_plain_numbers_are_left_alone(text: str) -> None:
    assert read_lookalike_digits(text) is None


def test_only_whole_tokens_change() -> None:
    assert read_lookalike_digits("$2OO or l2O€ in Oslo, CO2") == "$200 or 120€ in Oslo, CO2"


@given(st.text(alphabet="0123456789OoIl.,$€ abc\n", max_size=60))
@settings(max_examples=300, deadline=None)
def test_the_copy_keeps_every_offset(text: str) -> None:
    read = read_lookalike_digits(text)
    if read is not None:
        assert len(read) == len(text)
        for a, b in zip(text, read, strict=True):
            assert a == b or (a in "Oo" and b == "0") or (a in "Il" and b == "1")


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "hostile",
    ["1O" * 500_000, "1O " * 330_000, "1O" * 500_000 + "x", "1,O" * 330_000 + "x", "1,O" * 330_000],
    ids=["one-token", "short-tokens", "token-then-letter", "groups-then-letter", "groups"],
)
def test_hostile_lookalikes_are_read_in_linear_time(hostile: str) -> None:
    read = read_lookalike_digits(hostile)
    assert (read is None) == hostile.endswith("x")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("hostile", ["$2OO/hr " * 120_000, "3O anni, 2l " * 80_000], ids=["prices", "ages"])
def test_hostile_prices_and_ages_in_lookalikes_are_linear(hostile: str) -> None:
    ctx = AdContext(country="IT")
    for extractor in (PriceExtractor(), AgeExtractor()):
        for _ in extractor.extract(hostile, "body", ctx):
            pass
