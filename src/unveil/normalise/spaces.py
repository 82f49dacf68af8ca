"""Typographic spaces read as plain ones, character for character.

French typesetting puts a narrow no-break space (U+202F) before "€" and between thousands ("1 000 € nuit",
"24 ans"), and word processors write thin and hair spaces.  Extractors written for " ", tab and the
no-break space read them all as a plain space; the text keeps its length, so offsets need no map.
"""

from __future__ import annotations

import re

from unveil.normalise.offsets import NormalisedText

__all__ = ["plain_spaces"]

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
