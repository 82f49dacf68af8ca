"""Keyed pseudonyms for exported identifiers (HMAC-SHA256 with the server secret).

The same phone number gives the same pseudonym in every export of one
deployment, so a partner can still see that two ads share a number, but
cannot recover the number or test a guess without the key (a plain hash of a
phone number is reversed by trying every number).
"""

from __future__ import annotations

import hashlib
import hmac

# Entity kinds replaced by pseudonyms in exports.
PSEUDONYMISED_KINDS = ("phone", "email", "handle", "name", "payment", "crypto", "iban")


class Pseudonymiser:
    """``kind:value`` -> ``kind-<16 hex>``; ``None`` key means no pseudonymisation."""

    def __init__(self, key: bytes | None) -> None:
        self._key = key

    @property
    def active(self) -> bool:
        return self._key is not None

    def token(self, kind: str, value: str) -> str:
        if self._key is None:
            return value
        digest = hmac.new(self._key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
        return f"{kind}-{digest[:16]}"

    def value(self, kind: str, value: str) -> str:
        """The pseudonym for identifier kinds, the value itself for other kinds."""
        if self._key is None or kind not in PSEUDONYMISED_KINDS:
            return value
        return self.token(kind, value)
