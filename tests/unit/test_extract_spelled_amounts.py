"""Amounts written in words before a currency (``unveil.extract.spelled_amounts`` and the price extractor)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract.base import AdContext
from unveil.extract.prices import PriceExtractor
from unveil.extract.spelled_amounts import amount_before

PRICES = PriceExtractor()


def _prices(text: str, country: str) -> list[str]:
    return [e.value for e in PRICES.extract(text, "body", AdContext(country=country))]


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Donations: two hundred roses for the hour, one hundred fifty roses for half an hour", "US",
     ["200 ROSES/60min", "150 ROSES/30min"]),
    ("Three hundred dollars per hour, no exceptions.", "US", ["300 USD/60min"]),
    ("A hundred and fifty pounds for the hour.", "GB", ["150 GBP/60min"]),
    ("Tarif : deux cents euros l'heure, cent cinquante euros la demi-heure.", "FR",
     ["200 EUR/60min", "150 EUR/30min"]),
    ("quatre-vingts euros la demi-heure", "FR", ["80 EUR/30min"]),
    ("Trois cents francs l'heure.", "CH", ["300 CHF/60min"]),
    ("Mille euros la nuit.", "FR", ["1000 EUR/night"]),
    ("Cien dólares la hora, solo efectivo.", "MX", ["100 USD/60min"]),
    ("Hundert Euro die halbe Stunde, zweihundertfünfzig Euro die Stunde.", "DE",
     ["100 EUR/30min", "250 EUR/60min"]),
    ("Tausend Euro für die ganze Nacht.", "DE", ["1000 EUR/night"]),
    ("Cento euro l'ora, cinquanta euro la mezz'ora.", "IT", ["100 EUR/60min", "50 EUR/30min"]),
    ("Honderd euro per uur.", "NL", ["100 EUR/60min"]),
    ("Duzentos reais a hora, pernoite mil e quinhentos reais.", "BR", ["200 BRL/60min", "1500 BRL/night"]),
    ("Două sute de lei ora, o mie de lei noaptea.", "RO", ["200 RON/60min", "1000 RON/night"]),
    ("Dwieście złotych za godzinę.", "PL", ["200 PLN/60min"]),
    # with an amount in digits in the same text, each once, in text order
    ("1h 150€, deux heures trois cents euros", "FR", ["150 EUR/60min", "300 EUR/120min"]),
])
def test_amounts_in_words(text: str, country: str, expected: list[str]) -> None:
    assert _prices(text, country) == expected


@pytest.mark.parametrize(("text", "country"), [
    ("Two roses for you", "US"),  # below the smallest amount a rate may be
    ("I give one hundred percent", "US"),  # no currency after the words
    ("fifty two hundred euros", "FR"),  # words in no order an amount is said in
    ("hundreds of euros saved", "GB"),
    ("Un euro", "FR"),
])
def test_no_amount_in_words(text: str, country: str) -> None:
    assert _prices(text, country) == []


@pytest.mark.parametrize(("words", "value"), [
    ("two hundred", 200), ("two thousand five hundred and fifty", 2550), ("a hundred", 100),
    ("cent cinquante", 150), ("soixante-dix", 70), ("quatre-vingt-dix", 90), ("ciento cincuenta", 150),
    ("mil e quinhentos", 1500), ("fünfundzwanzig", 25), ("zweihundert", 200), ("o mie", 1000),
    ("dwieście", 200), ("tweehonderd", 200),
])
def test_sums(words: str, value: int) -> None:
    text = words + " "
    assert amount_before(text, len(words)) == (0, value)


@pytest.mark.parametrize("words", ["fifty hundred", "two three", "hundred hundred", "and", "a", "o"])
def test_no_sum(words: str) -> None:
    assert amount_before(words, len(words)) is None


_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _english(n: int) -> str:
    """A plain English spelling of ``n`` (1-9999), as a test oracle."""
    out = []
    if n >= 1000:
        out += [_UNITS[n // 1000], "thousand"]
        n %= 1000
    if n >= 100:
        out += [_UNITS[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        out.append(_TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else ""))
    elif n >= 10:
        out.append(_TEENS[n - 10])
    elif n:
        out.append(_UNITS[n])
    return " ".join(out)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_english_spellings_add_up(n: int) -> None:
    words = _english(n)
    assert amount_before("Rate: " + words, len("Rate: " + words)) == (6, n)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("onetwhudrfysixvgl -aécinqu")), max_size=80))
def test_never_raises_and_points_at_a_word(text: str) -> None:
    found = amount_before(text, len(text))
    if found is not None:
        start, value = found
        assert 0 <= start < len(text) and value > 0 and text[start].isalpha()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("hostile", [
    "two hundred euros per hour " * 40_000,
    "hundred " * 200_000 + "euros",
    "euros " * 200_000,
    "a" * 1_000_000 + " euros",
])
def test_hostile_input_is_linear(hostile: str) -> None:
    for _ in PRICES.extract(hostile, "body", AdContext(country="FR")):
        pass
