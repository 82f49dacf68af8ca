"""The extractor protocol and the registry that runs every extractor over an ad.

An extractor reads one field's text and yields ``Entity`` values whose
``start``/``end`` are offsets into that field's *original* text.  Extractors
are registered once; ``extract_ad`` runs them over every text field of an ad
and drops exact duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from unveil.types import TEXT_FIELDS, Entity


@dataclass(frozen=True, slots=True)
class AdContext:
    """What an extractor may know about the ad beyond the field it reads."""

    country: str | None = None  # ISO alpha-2, default region for phone numbers
    lang: str | None = None


class Extractor(Protocol):
    """Reads one field and yields entities with offsets into that field's text."""

    name: str
    kinds: tuple[str, ...]

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterable[Entity]: ...


class ExtractorRegistry:
    def __init__(self) -> None:
        self._extractors: list[Extractor] = []

    def register(self, extractor: Extractor) -> None:
        if any(e.name == extractor.name for e in self._extractors):
            raise ValueError(f"an extractor named {extractor.name!r} is already registered")
        self._extractors.append(extractor)

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        return tuple(self._extractors)

    def kinds(self) -> tuple[str, ...]:
        return tuple(k for e in self._extractors for k in e.kinds)


registry = ExtractorRegistry()


def extract_ad(ad: Mapping[str, Any], extractors: Iterable[Extractor] | None = None) -> list[Entity]:
    """Run every extractor over every text field of ``ad``.

    Returns entities ordered by field (in ``TEXT_FIELDS`` order), start, kind.
    """
    if extractors is None:
        _ensure_default_extractors()
        extractors = registry.extractors
    ctx = AdContext(country=ad.get("country"), lang=ad.get("lang"))
    found: dict[tuple[str, str, str, int, int], Entity] = {}
    for field in TEXT_FIELDS:
        text = ad.get(field)
        if not text or not isinstance(text, str):
            continue
        for extractor in extractors:
            for ent in extractor.extract(text, field, ctx):
                found.setdefault((ent.kind, ent.value, ent.field, ent.start, ent.end), ent)
    order = {f: i for i, f in enumerate(TEXT_FIELDS)}
    return sorted(found.values(), key=lambda e: (order.get(e.field, 99), e.start, e.end, e.kind, e.value))


def _ensure_default_extractors() -> None:
    if not registry.extractors:
        from unveil.extract import (
            ages,
            cities,
            crypto,
            emails,
            handles,
            language,
            names,
            payments,
            phones,
            prices,
            urls,
        )

        registry.register(phones.PhoneExtractor())
        registry.register(emails.EmailExtractor())
        registry.register(urls.UrlExtractor())
        registry.register(handles.HandleExtractor())
        registry.register(payments.PaymentExtractor())
        registry.register(crypto.CryptoExtractor())
        registry.register(crypto.IbanExtractor())
        registry.register(ages.AgeExtractor())
        registry.register(prices.PriceExtractor())
        registry.register(cities.CityExtractor())
        registry.register(names.NameExtractor())
        registry.register(language.LanguageExtractor())
