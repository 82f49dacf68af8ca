"""Typographic spaces read as plain ones, character for character.

French typesetting puts a narrow no-break space (U+202F) before "€" and between thousands ("1 000 € nuit",
"24 ans"), and word processors write thin and hair spaces.  Extractors written for " ", tab and the
no-break space read them all as a plain space; the text keeps its length, so offsets need no map.
"""

from __future__ import annotations

import re

from unveil.normalise.offsets import NormalisedBuilder, NormalisedText

__all__ = ["collapse_blank_runs", "plain_box_bars", "plain_spaces"]

# En and em quads and spaces, thin, hair, figure and punctuation spaces, the narrow no-break and the medium
# mathematical space (not the no-break space U+00A0, which extractors read as such, nor the ideographic
# space, which ``unveil.normalise.styles`` reads with the full-width letters).
_SPACES = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_PLAIN = str.maketrans(dict.fromkeys(_SPACES, " "))
_ANY = re.compile(f"[{_SPACES}]")  # a scan in C: most fields hold none, and translate costs more


def plain_spaces(text: str) -> NormalisedText | None:
    """``text`` with typographic spaces as plain spaces, or None when it holds none."""
    if text.isascii() or _ANY.search(text) is None:
        return None
    plain = text.translate(_PLAIN)
    n = len(text)
    return NormalisedText(text, plain, range(n), range(1, n + 1))


# The vertical bars of box-drawing tables ("│ 30 min │ $150 │", "║ HH ║ $160 ║"), read as "|": a table drawn
# with them is read as one drawn with "|".
_BOX_BARS = "\u2502\u2503\u2506\u2507\u250a\u250b\u2551\u254e\u254f"
_BARS = str.maketrans(dict.fromkeys(_BOX_BARS, "|"))
_ANY_BAR = re.compile(f"[{_BOX_BARS}]")


def plain_box_bars(text: str) -> NormalisedText | None:
    """``text`` with box-drawing vertical bars as "|", or None when it holds none (same length)."""
    if text.isascii() or _ANY_BAR.search(text) is None:
        return None
    n = len(text)
    return NormalisedText(text, text.translate(_BARS), range(n), range(1, n + 1))


# Three or more blanks in a row: columns aligned with spaces ("Age           24", "Snapchat:      zoelux99",
# "30 min      $150      $200"), read as one space so that a label and its value, or a table's cells, stand
# as they do written plainly.  Tabs stay: they part a table's cells.
_BLANK_RUN = re.compile(r"[ \u00a0]{3,}")


def collapse_blank_runs(text: str) -> NormalisedText | None:
    """``text`` with each run of three or more spaces as one space, or None when it has none."""
    if "   " not in text and "\u00a0" not in text:
        return None
    m = _BLANK_RUN.search(text)
    if m is None:
        return None
    out = NormalisedBuilder(text)
    pos = 0
    while m is not None:
        out.copy(pos, m.start() + 1)  # the run's first blank stands for it
        pos = m.end()
        m = _BLANK_RUN.search(text, pos)
    out.copy(pos, len(text))
    return out.build()
