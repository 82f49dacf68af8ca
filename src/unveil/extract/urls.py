"""Web addresses (``http(s)://`` and ``www.``), normalised to a lower-case host.

The pattern has a single character class under one quantifier, so it cannot
backtrack badly; trailing sentence punctuation is trimmed afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from unveil.extract.base import AdContext
from unveil.types import Entity

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}>'\""


def normalise_url(raw: str) -> str | None:
    text = raw if "://" in raw else "http://" + raw
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if "." not in host:
        return None
    host = host.removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


class UrlExtractor:
    name = "urls"
    kinds: tuple[str, ...] = ("url",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        if "www" not in text.lower() and "://" not in text:
            return
        for m in _URL.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
            value = normalise_url(text[start:end])
            if value:
                yield Entity("url", value, field, start, end, text[start:end])
