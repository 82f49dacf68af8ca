"""Ad text with every entity and flag marked, built from the stored ``[start, end)`` offsets.

The text is cut at every span boundary and each piece is escaped on its own;
markup is only ever added around escaped pieces, never by inserting raw text,
so a ``<script>`` in an ad shows as text.  Overlapping spans (a phone number
inside a flagged phrase) give pieces covered by several spans, each listed in
the piece's tooltip.  Offsets that do not fit the text are returned apart so
the page can say so instead of marking the wrong characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Span:
    """One thing to mark: ``ref`` numbers it in the explanation table under the text."""

    start: int
    end: int
    ref: int
    css: str  # e.g. "ent ent-phone" or "flag flag-minor_risk"
    title: str


def highlight(text: str, spans: Sequence[Span]) -> tuple[Markup, list[Span]]:
    """Return ``(html, spans that do not fit the text)``.

    Args:
        text: The original field text, exactly as stored.
        spans: Offsets into ``text`` (Python string indices).
    """
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    bad = [s for s in spans if not (0 <= s.start < s.end <= n)]
    bounds = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    pieces: list[Markup] = []
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        segment = escape(text[a:b])
        covering = [s for s in valid if s.start <= a and b <= s.end]
        if not covering:
            pieces.append(segment)
            continue
        classes = " ".join(sorted({c for s in covering for c in s.css.split()}))
        refs = ",".join(str(r) for r in sorted({s.ref for s in covering}))
        title = "; ".join(dict.fromkeys(s.title for s in covering))
        pieces.append(Markup('<mark class="{}" title="{}" data-refs="{}">{}</mark>').format(
            classes, title, refs, segment))
    return Markup("").join(pieces), bad
