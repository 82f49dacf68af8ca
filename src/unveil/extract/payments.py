"""Payment handles: Cash App ``$cashtag``, PayPal.Me, Revolut, Venmo and Wise names.

Ads ask for a deposit before a meeting; the account it goes to is an identifier like a phone number, and
one account behind many ads is a strong sign of one organiser.  Names are read only where the ad says
which service they are on (a link, "venmo @anna-b", "Cash App: $AnnaB", "revtag @anna"): a bare "$200"
is a price and "PayPal accepted" is prose.

The platforms, their words per language, links and name rules are declared in ``patterns/payments.yaml``
and read with the engine of :mod:`unveil.extract.handles`; addresses given for PayPal or Zelle
("PayPal: anna@example.com") are emails and are reported by the email extractor, not here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from unveil.extract.base import AdContext
from unveil.extract.handles import PlatformScanner, load_platform_spec, make_entities, platform_spec
from unveil.types import Entity

__all__ = ["PaymentExtractor"]


@functools.lru_cache(maxsize=1)
def _default_payment_scanner() -> PlatformScanner:
    return PlatformScanner(platform_spec("payments.yaml"), platform_spec("handles.yaml").full_cues)


class PaymentExtractor:
    """Payment handles (kind ``payment``, value ``platform:name``, e.g. ``cashapp:annab``)."""

    name = "payments"
    kinds: tuple[str, ...] = ("payment",)

    def __init__(self, patterns: Path | None = None) -> None:
        """Use the packaged ``payments.yaml``, or a user's copy at ``patterns``."""
        if patterns is None:
            self._scanner = _default_payment_scanner()
        else:
            self._scanner = PlatformScanner(load_platform_spec(patterns), platform_spec("handles.yaml").full_cues)

    @property
    def scanner(self) -> PlatformScanner:
        return self._scanner

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        yield from make_entities(self._scanner.scan(text), self._scanner.spec.kind, text, field)
