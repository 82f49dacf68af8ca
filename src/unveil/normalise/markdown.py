"""Markdown's bold markers left in scraped text, read as nothing.

Scrapers that turn a page into markdown (and posters who write it) wrap labels and values in "**" or "__":
"**Call:** **020 7946 0345**", "**Age:** 24".  Read as written, the markers stand between a label and its
value, or end a number as a mask does ("020 7946 03**").  Only a pair on one line is read, an opening
marker after a blank or a sign and before a character, its closing one after a character and before a blank
or a sign, so digits obfuscated with stars ("33**77") and names with double underscores ("lola__vip") stay.
"""

from __future__ import annotations

import re

from unveil.normalise.offsets import NormalisedText, rewrite

__all__ = ["plain_emphasis"]

_OPEN = re.compile(r"(?<![*_\w])(\*\*|__)(?=[^\s*_])")
_CLOSE = re.compile(r"(?<=[^\s*_])(\*\*|__)(?![*_\w])")


def plain_emphasis(text: str) -> NormalisedText | None:
    """``text`` without the paired bold markers of markdown, or None when it holds none."""
    if "**" not in text and "__" not in text:
        return None
    cuts: list[tuple[int, int, str]] = []
    line_start = 0
    for line in text.split("\n"):
        if "**" in line or "__" in line:
            cuts.extend(_pairs(line, line_start))
        line_start += len(line) + 1
    return rewrite(text, cuts) if cuts else None


def _pairs(line: str, offset: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        opening = _OPEN.search(line, pos)
        if opening is None:
            return out
        closing = _CLOSE.search(line, opening.end())
        while closing is not None and closing.group() != opening.group():
            closing = _CLOSE.search(line, closing.end())
        if closing is None:
            return out
        out.append((offset + opening.start(), offset + opening.end(), ""))
        out.append((offset + closing.start(), offset + closing.end(), ""))
        pos = closing.end()
