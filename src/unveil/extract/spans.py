"""Overlap queries against the spans of one text, in logarithmic time.

Extractors drop a candidate that falls inside something else found in the same field (a phone inside a
web address or an IBAN, a handle inside an email address).  Asked once per candidate, a scan of every
span would be quadratic on a hostile megabyte of both; a sorted index with running maximum ends is not.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

__all__ = ["SpanIndex", "alnum_around"]


def alnum_around(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The letters and digits glued to ``text[start:end]`` on each side, up to ``reach`` characters each way:
    the bounds of the token a candidate may be part of (a serial, a hash, a reference)."""
    lo = start
    while lo > 0 and start - lo < reach and text[lo - 1].isalnum():
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < reach and text[hi].isalnum():
        hi += 1
    return lo, hi


class SpanIndex:
    """Half-open ``(start, end)`` spans, possibly overlapping, asked "does any of you overlap [start, end)?"."""

    __slots__ = ("max_ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_ends = list(itertools.accumulate((z for _, z in ordered), max))

    def hits(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)`` (``end > start``)."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.max_ends[k - 1] > start
