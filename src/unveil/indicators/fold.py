"""Case and accent folding with an exact map back to the original text.

Rules match on *folded* text: lower-cased (``str.casefold``), accents removed
(NFKD, combining marks dropped), compatibility forms unified (full-width
letters, ligatures) and zero-width characters removed.  Folding can change the
length of a string (``"ß"`` becomes ``"ss"``, a combining accent disappears),
so :class:`Folded` keeps, for every folded character, the ``[start, end)``
range of the original character it came from.  A span found in the folded text
maps back to the original with :meth:`Folded.to_original`.

Plain ASCII text (the common case) and text whose every character folds to
exactly one character skip the per-character work: the map is then the
identity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Folded", "fold", "fold_char"]

# Characters NFKD leaves alone but readers treat as plain letters or punctuation.
_EXTRA: dict[str, str] = {
    "œ": "oe",
    "Œ": "oe",
    "æ": "ae",
    "Æ": "ae",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ı": "i",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
}
# Invisible characters that posters slip inside words; they fold to nothing.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f")


def fold_char(char: str) -> str:
    """Fold one character: casefold, strip accents, unify compatibility forms."""
    if char in _INVISIBLE:
        return ""
    extra = _EXTRA.get(char)
    if extra is not None:
        return extra
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds and caches characters on first sight."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = fold_char(char)
        if len(out) != 1:
            self.irregular.add(char)
        self[code] = out
        return out


_TABLE = _FoldTable()


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus the original span of each folded character.

    ``starts``/``ends`` are ``None`` when the map is the identity.
    """

    original: str
    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty ``[start, end)`` span of the folded text to the original."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module docstring."""
    if text.isascii():
        return Folded(text, text.lower())
    folded = text.translate(_TABLE)
    if len(folded) == len(text) and _TABLE.irregular.isdisjoint(text):
        return Folded(text, folded)
    # Some characters fold to zero or several characters: build the map run by run, so that only those
    # characters cost Python work (an emoji with a variation selector is common in ads).
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in _irregular_re().finditer(text):
        index = match.start()
        if index > pos:
            parts.append(text[pos:index].translate(_TABLE))
            starts.extend(range(pos, index))
            ends.extend(range(pos + 1, index + 1))
        out = _TABLE[ord(match.group())]
        if out:
            parts.append(out)
            starts.extend([index] * len(out))
            ends.extend([index + 1] * len(out))
        elif ends:
            # Dropped character (accent, zero-width): the previous character's span absorbs it.
            ends[-1] = index + 1
        pos = index + 1
    if pos < len(text):
        parts.append(text[pos:].translate(_TABLE))
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return Folded(text, "".join(parts), starts, ends)


_IRREGULAR_CACHE: list[tuple[int, re.Pattern[str]]] = []


def _irregular_re() -> re.Pattern[str]:
    """A character class of every character seen so far that does not fold to exactly one character."""
    size = len(_TABLE.irregular)
    if not _IRREGULAR_CACHE or _IRREGULAR_CACHE[0][0] != size:
        chars = "".join(re.escape(c) for c in sorted(_TABLE.irregular))
        _IRREGULAR_CACHE[:] = [(size, re.compile(f"[{chars}]"))]
    return _IRREGULAR_CACHE[0][1]
