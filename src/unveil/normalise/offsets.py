"""Text rewritten for matching, with a map back to the original offsets.

Normalisers replace pieces of the original text (``"seven"`` -> ``"7"``,
``"\uff10"`` -> ``"0"``).  Extractors match on the rewritten text, then report
offsets into the *original* text so the evidence points at what the poster
actually wrote.  Each output character remembers the original ``[start, end)``
range it came from.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A rewritten string plus, per output character, its original span."""

    original: str
    text: str
    starts: array  # array('l'): original start of each output char
    ends: array  # array('l'): original end (exclusive) of each output char

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to a span of ``original``."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {len(self.text)}")
        return self.starts[start], self.ends[end - 1]

    @classmethod
    def identity(cls, text: str) -> NormalisedText:
        n = len(text)
        return cls(text, text, array("l", range(n)), array("l", range(1, n + 1)))


class NormalisedBuilder:
    """Accumulates output pieces with their original spans."""

    __slots__ = ("_ends", "_original", "_parts", "_starts")

    def __init__(self, original: str) -> None:
        self._original = original
        self._parts: list[str] = []
        self._starts = array("l")
        self._ends = array("l")

    def emit(self, out: str, start: int, end: int) -> None:
        """Append ``out`` as the rewrite of ``original[start:end]``."""
        if not out:
            return
        self._parts.append(out)
        n = len(out)
        self._starts.extend([start] * n)
        self._ends.extend([end] * n)

    def copy(self, start: int, end: int) -> None:
        """Append ``original[start:end]`` unchanged, char by char."""
        if start >= end:
            return
        self._parts.append(self._original[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))

    def build(self) -> NormalisedText:
        return NormalisedText(self._original, "".join(self._parts), self._starts, self._ends)
