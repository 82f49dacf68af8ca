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
from unveil.extract.handles import (
    PlatformScanner,
    PlatformSpec,
    load_platform_spec,
    make_entities,
    platform_spec,
)
from unveil.types import Entity

__all__ = ["PaymentExtractor"]


@functools.lru_cache(maxsize=1)
def _default_payment_scanner() -> PlatformScanner:
    return PlatformScanner(platform_spec("payments.yaml"), platform_spec("handles.yaml").full_cues)


class PaymentExtractor:
    """Payment handles (kind ``payment``, value ``platform:name``, e.g. ``cashapp:annab``)."""

    name = "payments"
    kinds: tuple[str, ...] = ("payment",)

    def __init__(self, patterns: Path | PlatformSpec | None = None,
                 blockers: frozenset[str] | None = None) -> None:
        """Use the packaged ``payments.yaml``, a user's copy at ``patterns`` or a compiled spec.

        ``blockers`` are the platform words of the other file (``handles.yaml``); the packaged ones by default.
        """
        if patterns is None and blockers is None:
            self._scanner = _default_payment_scanner()
        else:
            spec = platform_spec("payments.yaml") if patterns is None else (
                patterns if isinstance(patterns, PlatformSpec) else load_platform_spec(patterns))
            if blockers is None:
                blockers = platform_spec("handles.yaml").full_cues
            self._scanner = PlatformScanner(spec, blockers)

    @property
    def scanner(self) -> PlatformScanner:
        return self._scanner

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        yield from make_entities(self._scanner.scan(text), self._scanner.spec.kind, text, field)
