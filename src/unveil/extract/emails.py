"""Email addresses, found by a linear scan around each ``@``.

A regular expression with overlapping quantifiers (``[\\w.-]+\\.[a-z]+``)
backtracks quadratically on hostile input; scanning outwards from each ``@``
over the allowed characters touches each character a bounded number of times.
"""

from __future__ import annotations

from collections.abc import Iterator

from unveil.extract.base import AdContext
from unveil.types import Entity

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
MAX_LOCAL = 64
MAX_DOMAIN = 253


def valid_domain(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2:
        return False
    tld = labels[-1]
    if not (2 <= len(tld) <= 24 and tld.isalpha()):
        return False
    return all(label and len(label) <= 63 and label[0] != "-" and label[-1] != "-" for label in labels)


def scan_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, address)`` for each well-formed address in ``text``."""
    pos = text.find("@")
    while pos != -1:
        start = pos
        while start > 0 and text[start - 1] in _LOCAL_CHARS and pos - start < MAX_LOCAL:
            start -= 1
        while start < pos and text[start] in "._%+-'":
            start += 1  # an address does not start with punctuation
        end = pos + 1
        while end < len(text) and text[end] in _DOMAIN_CHARS and end - pos <= MAX_DOMAIN:
            end += 1
        while end > pos + 1 and text[end - 1] in ".-":
            end -= 1  # sentence punctuation after the address
        local, domain = text[start:pos], text[pos + 1 : end]
        if local and ".." not in local and valid_domain(domain):
            yield start, end, f"{local}@{domain}".lower()
        pos = text.find("@", pos + 1)


class EmailExtractor:
    name = "emails"
    kinds: tuple[str, ...] = ("email",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        if "@" not in text:
            return
        for start, end, value in scan_emails(text):
            yield Entity("email", value, field, start, end, text[start:end], {"obfuscated": False})
