"""Text rewritten for matching, with a map back to the original offsets.

Normalisers replace pieces of the original text (``"seven"`` -> ``"7"``,
``"\uff10"`` -> ``"0"``).  Extractors match on the rewritten text, then report
offsets into the *original* text so the evidence points at what the poster
actually wrote.  Each output character remembers the original ``[start, end)``
range it came from.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

#: 0, 1, 2, ...: offset runs are appended as slices of this array (two memory copies) instead of by
#: iterating a ``range`` (one int object per character), which made the offset map the costliest part of
#: rewriting a long field.  Longer runs fall back to the ``range``.
_IOTA = array("l", range(1 << 16))


def extend_run(buf: array, start: int, end: int) -> None:
    """Append ``start, start + 1, ..., end - 1`` to ``buf``."""
    if end <= len(_IOTA):
        buf.extend(_IOTA[start:end])
    else:
        buf.extend(range(start, end))


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A rewritten string plus, per output character, its original span."""

    original: str
    text: str
    starts: array | range  # array('l'): original start of each output char (a range when unchanged)
    ends: array | range  # array('l'): original end (exclusive) of each output char (a range when unchanged)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to a span of ``original``."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {len(self.text)}")
        return self.starts[start], self.ends[end - 1]

    @classmethod
    def identity(cls, text: str) -> NormalisedText:
        """``text`` unchanged; the offset maps are ranges, built in O(1)."""
        n = len(text)
        return cls(text, text, range(n), range(1, n + 1))

    @property
    def is_identity(self) -> bool:
        """True when ``text`` is ``original`` with every character mapped to itself (cheap test)."""
        return isinstance(self.starts, range) and self.text is self.original


class NormalisedBuilder:
    """Accumulates output pieces with their original spans.

    Consecutive copies of adjacent stretches of the original are merged and written once (``_flush``);
    when the whole output is one copy of the whole original, :meth:`build` returns the identity map
    without building offset arrays.  Subclasses that write to the buffers directly call ``_flush`` first.
    """

    __slots__ = ("_copy_end", "_copy_start", "_ends", "_original", "_parts", "_starts")

    def __init__(self, original: str) -> None:
        self._original = original
        self._parts: list[str] = []
        self._starts = array("l")
        self._ends = array("l")
        self._copy_start = -1  # pending copy of original[_copy_start:_copy_end], not yet in the buffers
        self._copy_end = -1

    def _flush(self) -> None:
        s, e = self._copy_start, self._copy_end
        if s < e:
            self._parts.append(self._original[s:e])
            extend_run(self._starts, s, e)
            extend_run(self._ends, s + 1, e + 1)
        self._copy_start = self._copy_end = -1

    def emit(self, out: str, start: int, end: int) -> None:
        """Append ``out`` as the rewrite of ``original[start:end]``."""
        if not out:
            return
        if self._copy_end >= 0:
            self._flush()
        self._parts.append(out)
        n = len(out)
        self._starts.extend([start] * n)
        self._ends.extend([end] * n)

    def copy(self, start: int, end: int) -> None:
        """Append ``original[start:end]`` unchanged, char by char."""
        if start >= end:
            return
        if self._copy_end == start:
            self._copy_end = end  # continues the pending copy
            return
        if self._copy_end >= 0:
            self._flush()
        self._copy_start, self._copy_end = start, end

    def build(self) -> NormalisedText:
        if not self._parts and self._copy_start == 0 and self._copy_end == len(self._original):
            return NormalisedText.identity(self._original)
        self._flush()
        return NormalisedText(self._original, "".join(self._parts), self._starts, self._ends)


def compose(inner: NormalisedText, outer: NormalisedText) -> NormalisedText:
    """``inner`` (a rewrite of ``outer.text``) with its offsets mapped back to ``outer.original``."""
    if outer.is_identity:
        return NormalisedText(outer.original, inner.text, inner.starts, inner.ends)
    if inner.is_identity:
        return outer
    starts = array("l", map(outer.starts.__getitem__, inner.starts))
    ends = array("l", map(outer.ends.__getitem__, map((-1).__add__, inner.ends)))
    return NormalisedText(outer.original, inner.text, starts, ends)


def rewrite(text: str, edits: Iterable[tuple[int, int, str]]) -> NormalisedText | None:
    """``text`` with each ``(start, end, read)`` of ``edits`` (in text order, not overlapping; an edit that
    starts before the last one ended is skipped) read as ``read``, or None when there is none.  An empty
    ``read`` drops the characters."""
    out: NormalisedBuilder | None = None
    pos = 0
    for start, end, read in edits:
        if start < pos:
            continue
        if out is None:
            out = NormalisedBuilder(text)
        out.copy(pos, start)
        out.emit(read, start, end)
        pos = end
    if out is None:
        return None
    out.copy(pos, len(text))
    return out.build()
