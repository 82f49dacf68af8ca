"""Property tests for the attribute extractors (ages, prices, cities, names, language).

For any text: no extractor raises, and every entity's ``text`` is ``original[start:end]``.  An age phrase,
a price or a city embedded in arbitrary surrounding text without digits is found with the same value.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unveil.extract.ages import AgeExtractor
from unveil.extract.base import AdContext
from unveil.extract.cities import CityExtractor
from unveil.extract.language import LanguageExtractor
from unveil.extract.names import NameExtractor
from unveil.extract.prices import PriceExtractor

EXTRACTORS = (AgeExtractor(), PriceExtractor(), CityExtractor(), NameExtractor(), LanguageExtractor())
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text made of the characters that matter to these extractors: digits, separators, currency symbols,
# letters with and without accents, apostrophes, and a few words the extractors react to.
ALPHABET = string.ascii_letters + string.digits + " .,:;/-'’£€$½%+\n\tÉéñüßİ" + "🌹"
TOKENS = st.sampled_from([
    "I'm", "my name is", "ans", "years old", "yo", "Jahre", "h", "min", "per hour", "€", "£", "$", "roses",
    "Nice", "in", "Leeds", "San", "Antonio", "Saint-", "Étienne", "vingt-", "et", "un", "1h30", "24/7",
    "07700 900123", "half hour", "la demi-heure", "Anna", "&", "Bella", "Age:", "tengo", "soy",
])
TEXT = st.lists(st.one_of(st.text(ALPHABET, max_size=12), TOKENS), max_size=30).map(" ".join)
COUNTRIES = st.sampled_from([None, "GB", "US", "FR", "DE", "ES", "CA"])
LANGS = st.sampled_from([None, "en", "fr", "es", "de"])


@SETTINGS
@given(text=TEXT, country=COUNTRIES, lang=LANGS)
def test_never_raises_and_offsets_point_at_text(text: str, country: str | None, lang: str | None) -> None:
    ctx = AdContext(country=country, lang=lang)
    for extractor in EXTRACTORS:
        for field in ("title", "body"):
            for e in extractor.extract(text, field, ctx):
                assert e.field == field
                assert 0 <= e.start <= e.end <= len(text)
                assert text[e.start:e.end] == e.text
                assert e.kind in extractor.kinds


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    ctx = AdContext(country="GB", lang="en")
    for extractor in EXTRACTORS:
        for e in extractor.extract(text, "body", ctx):
            assert text[e.start:e.end] == e.text


# Surroundings without digits, separated from the embedded phrase by a blank line so they cannot change
# what the phrase says (random letters can spell "kr" or "eur").  Letters are lower case so no capitalised
# word becomes a city.
FILLER = st.text(string.ascii_lowercase + " ,!?", max_size=40)


def _embed(before: str, phrase: str, after: str) -> tuple[str, int]:
    left = f"{before}\n\n" if before else ""
    right = f"\n\n{after}" if after else ""
    return left + phrase + right, len(left)


AGE_PHRASES = st.sampled_from([
    ("19yo", "19"), ("24 years old", "24"), ("33 ans", "33"), ("21 años", "21"), ("27 Jahre", "27"),
    ("45 anni", "45"), ("22 jaar", "22"), ("30 anos", "30"), ("dix-neuf ans", "19"), ("nineteen years old", "19"),
    ("veintidós años", "22"), ("einundzwanzig Jahre", "21"), ("age: 18", "18"), ("17 y/o", "17"),
])


@SETTINGS
@given(before=FILLER, after=FILLER, phrase=AGE_PHRASES)
def test_embedded_age_is_found(before: str, after: str, phrase: tuple[str, str]) -> None:
    written, value = phrase
    text, offset = _embed(before, written, after)
    ents = list(AgeExtractor().extract(text, "body", AdContext()))
    assert value in [e.value for e in ents]
    hit = next(e for e in ents if e.value == value)
    assert offset <= hit.start < hit.end <= offset + len(written)


PRICE_PHRASES = st.sampled_from([
    ("£150 per hour", "150 GBP/60min"), ("100€ 30 min", "100 EUR/30min"), ("$200 1h", "200 USD/60min"),
    ("200 roses", "200 ROSES"), ("150 GBP/hour", "150 GBP/60min"), ("100 euros la demi-heure", "100 EUR/30min"),
    ("1h 200€", "200 EUR/60min"), ("CHF 300", "300 CHF"), ("half hour £80", "80 GBP/30min"),
    ("€1.500 per night", "1500 EUR/night"),
])


@SETTINGS
@given(before=FILLER, after=FILLER, phrase=PRICE_PHRASES)
def test_embedded_price_is_found(before: str, after: str, phrase: tuple[str, str]) -> None:
    written, value = phrase
    text, offset = _embed(before, written, after)
    ents = list(PriceExtractor().extract(text, "body", AdContext(country="GB")))
    assert [e.value for e in ents] == [value]
    assert ents[0].start >= offset and ents[0].end <= offset + len(written)


CITY_PHRASES = st.sampled_from([
    ("Leeds", "GB", "Leeds|GB"), ("Frankfurt am Main", "DE", "Frankfurt am Main|DE"),
    ("Saint-Étienne", "FR", "Saint-Étienne|FR"), ("San Antonio", "US", "San Antonio|US"),
    ("Málaga", "ES", "Málaga|ES"), ("München", "DE", "Munich|DE"), ("Zürich", "CH", "Zürich|CH"),
    ("Toronto", "CA", "Toronto|CA"), ("Newcastle upon Tyne", "GB", "Newcastle upon Tyne|GB"),
])


@SETTINGS
@given(before=FILLER, after=FILLER, phrase=CITY_PHRASES)
def test_embedded_city_is_found(before: str, after: str, phrase: tuple[str, str, str]) -> None:
    written, country, value = phrase
    text, offset = _embed(before, written, after)
    ents = list(CityExtractor().extract(text, "body", AdContext(country=country)))
    assert [e.value for e in ents] == [value]
    assert (ents[0].start, ents[0].end) == (offset, offset + len(written))


NAME_PHRASES = st.sampled_from([
    ("my name is Anna", "Anna"), ("je m'appelle Léa", "Léa"), ("me llamo Sofía", "Sofía"),
    ("ich heiße Mia", "Mia"), ("mi chiamo Giulia", "Giulia"), ("mijn naam is Fleur", "Fleur"),
    ("chamo-me Inês", "Inês"), ("call me Jade", "Jade"),
])


@SETTINGS
@given(before=FILLER, after=FILLER, phrase=NAME_PHRASES)
def test_embedded_name_is_found(before: str, after: str, phrase: tuple[str, str]) -> None:
    written, value = phrase
    text, _ = _embed(before, written, after)
    assert value in [e.value for e in NameExtractor().extract(text, "body", AdContext())]


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=lambda e: e.name)
def test_protocol_shape(extractor: object) -> None:
    assert isinstance(extractor.name, str) and extractor.name  # type: ignore[attr-defined]
    assert isinstance(extractor.kinds, tuple) and extractor.kinds  # type: ignore[attr-defined]
