"""Latin spellings of a Cyrillic word, for looking names up in lists written in Latin letters.

Ads in Russian, Ukrainian and the other Cyrillic languages spell the first names the whole continent
uses in their own letters ("Стелла", "Жасмин", "Ксения"); the name lists of ``attributes/names.yaml`` hold
them in Latin letters.  A letter with more than one usual Latin spelling ("ж" is "zh" in a passport and "j"
in "Jasmin"; "х" is "kh" or "h"; "кс" is "ks" or "x") gives one variant per choice, so a word has a few
variants, not one.  The table follows the common passport and press conventions (BGN/PCGN and the
Ukrainian national system), with the looser forms names take in Western Europe.
"""

from __future__ import annotations

import functools
import itertools

__all__ = ["latin_spellings"]

# Each letter's spellings, the passport form first.
_LETTERS: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "h"), "ґ": ("g",), "д": ("d",), "е": ("e",),
    "є": ("ye", "e"), "ж": ("zh", "j"), "з": ("z",), "и": ("i", "y"), "і": ("i",), "ї": ("yi", "i"),
    "й": ("y", "i", "j"), "к": ("k", "c"), "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",),
    "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",), "ў": ("u",), "ф": ("f",), "х": ("kh", "h"),
    "ц": ("ts", "c"), "ч": ("ch",), "ш": ("sh",), "щ": ("shch",), "ъ": ("",), "ы": ("y",), "ь": ("",),
    "э": ("e",), "ю": ("yu", "iu", "ju"), "я": ("ya", "ia", "a"), "ј": ("j",), "љ": ("lj",), "њ": ("nj",),
    "ћ": ("c",), "ђ": ("dj",), "џ": ("dz",), "ѓ": ("gj",), "ќ": ("kj",), "ѕ": ("dz",),
}
# Letter pairs spelled as one: "Ксения" is "Xenia", "Мария" is "Maria".
_PAIRS: dict[str, tuple[str, ...]] = {"кс": ("ks", "x"), "ия": ("iya", "ia"), "ья": ("ya", "ia")}
_MAX_VARIANTS = 64
_MAX_LETTERS = 30


@functools.lru_cache(maxsize=8192)
def latin_spellings(word: str) -> frozenset[str]:
    """The Latin spellings of a lower-case Cyrillic ``word`` (empty when it holds any other letter, or is
    longer than any name)."""
    if len(word) > _MAX_LETTERS:
        return frozenset()
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        pair = _PAIRS.get(word[i : i + 2])
        if pair is not None:
            parts.append(pair)
            i += 2
            continue
        spellings = _LETTERS.get(word[i])
        if spellings is None:
            return frozenset()
        parts.append(spellings)
        i += 1
    return frozenset("".join(combo) for combo in itertools.islice(itertools.product(*parts), _MAX_VARIANTS))
