"""Number-word lexicon and the segmenter that splits glued tokens into number pieces.

Posters write phone numbers as words, glue words to digits and swap letters for digits
("for80", "2sixseven", "sechsundzwanzig", "f1ve") so that a digit search misses them. This module turns the
per-language word lists in ``data/number_words.yaml`` into one lookup table and segments an alphanumeric
token into *pieces* (number words, digits, letter-for-digit substitutes) with a small dynamic programme.

Nothing here decides whether a piece should really become a digit: that needs the surrounding text and is
done by :mod:`unveil.normalise.deobfuscate`.  Keeping the lexicon in YAML means a user adds a language
without touching code.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, NamedTuple

import yaml

__all__ = [
    "COMP",
    "CONN_TU",
    "CONN_UT",
    "GROUP",
    "HUNDS",
    "M100",
    "M1000",
    "REP",
    "TEEN",
    "TENS",
    "UNIT",
    "Entry",
    "Lexicon",
    "RelPiece",
    "key_char",
    "key_of",
    "leet_variants",
    "lexicon",
]

# Piece kinds.  The kind of a number word follows from its value so every language shares one grammar.
UNIT = 0  # 0-9
TEEN = 1  # 10-19
TENS = 2  # 20, 30, ... 90
COMP = 3  # ready-made compound 21-99 (Italian "ventuno")
HUNDS = 4  # 200, 300, ... 900 as one word (Spanish "doscientos"); 100 as a pair (Romanian "o sută")
M100 = 5  # multiplier "hundred"
M1000 = 6  # multiplier "thousand"
REP = 7  # "double", "triple": repeat the next digit
CONN_TU = 8  # connector between tens and a unit: "and", "et", "y", "e", "si"
CONN_UT = 9  # connector between a unit and tens (unit said first): "und", "en"
GROUP = 10  # a run of ASCII digits

_DATA_PACKAGE = "unveil.normalise"
_DATA_FILE = "data/number_words.yaml"

#: Longest token the segmenter will try; longer tokens cannot plausibly be number words and capping keeps
#: hostile input linear.
MAX_SEGMENT_CHARS = 160

# Letters that do not decompose under NFKD but are accent variants for matching purposes.
_KEY_EXTRA = {"ß": "ss", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "ŀ": "l"}

_COST_DIGIT = 1
_COST_WORD = 10
_COST_WEAK = 11


@functools.lru_cache(maxsize=4096)
def key_char(c: str) -> str:
    """Return the matching key of one character: lower case, accents removed.

    Accents are optional in ads ("zero"/"zéro", "veintiseis"/"veintiséis", "sase"/"șase"), so the lexicon
    and the text are compared on keys.  Combining marks get the empty key so they attach to the letter
    before them.
    """
    low = c.lower()
    out = []
    for d in unicodedata.normalize("NFKD", low):
        if unicodedata.category(d)[0] == "M":
            continue
        out.append(_KEY_EXTRA.get(d, d))
    return "".join(out)


def key_of(word: str) -> str:
    """Return the matching key of a word (see :func:`key_char`)."""
    return "".join(key_char(c) for c in word)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a number word (or substitute) means.

    Attributes:
        value: numeric value (digit for substitutes, repeat count for repeaters).
        kind: one of the piece kinds (``UNIT`` ... ``CONN_UT``).
        lang: ISO 639-1 code of the language the entry came from (``"*"`` for substitutes).
        weak: the word is also ordinary prose somewhere, so it needs stronger numeric context.
        sub: a letter-for-digit substitute ("o", "l", "oh").
        leet: a generated leet variant containing a digit ("f1ve"); counts as glued to a digit.
        takes_teen: tens that add a following teen (French soixante-dix).
        takes_unit: a ten that adds a following unit (French dix-sept), or tens that add a unit written
            after them as a word of its own ("twenty six"; not German "zwanzig sieben", which is 20 7).
    """

    value: int
    kind: int
    lang: str
    weak: bool = False
    sub: bool = False
    leet: bool = False
    takes_teen: bool = False
    takes_unit: bool = False


class RelPiece(NamedTuple):
    """One piece of a segmented token, with offsets relative to the token."""

    start: int
    end: int
    kind: int
    value: int
    text: str  # digits for GROUP pieces, the matching key for words
    entry: Entry | None  # None for GROUP pieces


def _kind_of(value: int) -> int | None:
    if 0 <= value <= 9:
        return UNIT
    if 10 <= value <= 19:
        return TEEN
    if 20 <= value <= 90 and value % 10 == 0:
        return TENS
    if 21 <= value <= 99:
        return COMP
    if 100 <= value <= 900 and value % 100 == 0:
        return HUNDS  # 100 only as a pair: Romanian "o sută"
    return None


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def leet_variants(key: str, table: Mapping[str, str], max_swaps: int) -> Iterable[str]:
    """Yield variants of ``key`` with 1..max_swaps letters swapped for look-alike digits."""
    positions = [i for i, ch in enumerate(key) if ch in table]
    for r in range(1, min(max_swaps, len(positions)) + 1):
        for combo in itertools.combinations(positions, r):
            chars = list(key)
            for i in combo:
                chars[i] = table[chars[i]]
            variant = "".join(chars)
            if sum(ch.isalpha() for ch in variant) >= 2:
                yield variant


class Lexicon:
    """All number words of all languages, keyed by matching key.

    Built once from YAML (see :func:`lexicon`).  ``lookup`` resolves a key that exists in several
    languages by the preferred language first, then the file's ``default_order``.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        """Build the tables from the parsed YAML document."""
        langs: Mapping[str, Any] = data.get("languages") or {}
        order = [str(x) for x in data.get("default_order") or []]
        # The main languages: a weak word of another one is never read between two digits in their ads
        # (Lithuanian "du", 2, is French "from": "reçu à 23:41 du 01 99 00 58 32").
        self.main: frozenset[str] = frozenset(order)
        order += [lang for lang in langs if lang not in order]
        self.order: tuple[str, ...] = tuple(order)
        leet = {str(k): str(v) for k, v in (data.get("leet") or {}).items()}
        max_swaps = int(data.get("leet_max_swaps", 3))

        # Words never read as digits, whatever letters they hold: "Sun" is no "S" (5) and "un" (1).
        self.not_numbers: frozenset[str] = frozenset(key_of(w) for w in _as_list(data.get("not_numbers")))
        weak_keys: set[str] = set()
        for spec in langs.values():
            weak_keys.update(key_of(w) for w in _as_list((spec or {}).get("weak")))
        # (key, lang) -> the same entry, not weak: used when the ad is declared in ``lang`` (``strong_here``).
        self.strong_here: dict[tuple[str, str], Entry] = {}

        # key -> {lang: Entry}
        table: dict[str, dict[str, Entry]] = {}
        self.pairs: dict[tuple[str, str], dict[str, Entry]] = {}

        def add(key: str, entry: Entry) -> None:
            if key:
                table.setdefault(key, {}).setdefault(entry.lang, entry)

        for lang in order:
            spec = langs.get(lang) or {}
            grammar = spec.get("grammar") or {}
            take_teens = {int(v) for v in grammar.get("tens_take_teens") or []}
            ten_takes_units = bool(grammar.get("ten_takes_units", False))
            tens_take_units = bool(grammar.get("tens_take_units", True))
            words: list[tuple[str, Entry]] = []
            for value, forms in (spec.get("numbers") or {}).items():
                kind = _kind_of(int(value))
                if kind is None:
                    raise ValueError(f"{lang}: number {value} has no kind (use multipliers for 100/1000)")
                for w in _as_list(forms):
                    k = key_of(w)
                    words.append(
                        (
                            k,
                            Entry(
                                int(value),
                                kind,
                                lang,
                                weak=k in weak_keys,
                                takes_teen=int(value) in take_teens,
                                takes_unit=(ten_takes_units and int(value) == 10)
                                or (kind == TENS and tens_take_units),
                            ),
                        )
                    )
            for value, forms in (spec.get("multipliers") or {}).items():
                kind = {100: M100, 1000: M1000}.get(int(value))
                if kind is None:
                    raise ValueError(f"{lang}: multiplier {value} must be 100 or 1000")
                for w in _as_list(forms):
                    k = key_of(w)
                    words.append((k, Entry(int(value), kind, lang, weak=k in weak_keys)))
            for value, forms in (spec.get("repeaters") or {}).items():
                for w in _as_list(forms):
                    k = key_of(w)
                    words.append((k, Entry(int(value), REP, lang, weak=k in weak_keys)))
            conns = spec.get("connectors") or {}
            for name, kind in (("tens_unit", CONN_TU), ("unit_tens", CONN_UT)):
                for w in _as_list(conns.get(name)):
                    words.append((key_of(w), Entry(0, kind, lang)))
            for k, e in words:
                add(k, e)
                if e.kind not in (CONN_TU, CONN_UT) and len(k) >= 3:
                    # A weak word in leet ("n3uf", "s3pt") is no longer prose: its variants are strong.
                    for v in leet_variants(k, leet, max_swaps):
                        add(v, replace(e, leet=True, weak=False))
            for w in _as_list(spec.get("strong_here")):
                k = key_of(w)
                mine = table.get(k, {}).get(lang)
                if mine is None:
                    raise ValueError(f"{lang}: strong_here word {w!r} is not one of this language's number words")
                if mine.kind in (M100, M1000):
                    raise ValueError(f"{lang}: strong_here word {w!r} is a hundreds or thousands word; those stay weak")
                if mine.weak:
                    self.strong_here[(k, lang)] = replace(mine, weak=False)
            for value, forms in (spec.get("pairs") or {}).items():
                kind = _kind_of(int(value))
                if kind is None:
                    raise ValueError(f"{lang}: pair value {value} has no kind")
                for w in _as_list(forms):
                    parts = key_of(w).split()
                    if len(parts) != 2:
                        raise ValueError(f"{lang}: pair {w!r} must be two words")
                    entry = Entry(int(value), kind, lang, takes_teen=int(value) in take_teens,
                                  takes_unit=kind == TENS and tens_take_units)
                    # Leet in either word too: "quatre-v1ngt".
                    for first in (parts[0], *leet_variants(parts[0], leet, max_swaps)):
                        for second in (parts[1], *leet_variants(parts[1], leet, max_swaps)):
                            self.pairs.setdefault((first, second), {}).setdefault(lang, entry)

        for value, forms in (data.get("substitute_words") or {}).items():
            for w in _as_list(forms):
                add(key_of(w), Entry(int(value), UNIT, "*", weak=True, sub=True))

        self.pair_firsts: frozenset[str] = frozenset(first for first, _ in self.pairs)
        self._table = table
        both = sorted(self.not_numbers.intersection(table))
        if both:
            raise ValueError(f"not_numbers: {', '.join(both)} also stand for numbers (a number word or a "
                             "misspelling of one); leave them out of not_numbers")
        if any(len(k) > _NOT_NUMBER_CHARS for k in self.not_numbers):
            raise ValueError(f"not_numbers: words of at most {_NOT_NUMBER_CHARS} letters")
        self.sub_chars: dict[str, Entry] = {}
        for value, forms in (data.get("substitutes") or {}).items():
            for ch in _as_list(forms):
                if len(ch) == 1:
                    self.sub_chars[ch] = Entry(int(value), UNIT, "*", weak=True, sub=True)
        # Substitutes read only after a digit of their own token: "67B9", not an identifier's letter
        # ("CIF B12345678", a Spanish "NIE Z1234567").
        inside: set[str] = set()
        for value, forms in (data.get("substitutes_inside") or {}).items():
            for ch in _as_list(forms):
                if len(ch) == 1:
                    self.sub_chars[ch] = Entry(int(value), UNIT, "*", weak=True, sub=True)
                    inside.add(ch)
        self.inner_subs: frozenset[str] = frozenset(inside)
        self.prefixes: frozenset[str] = frozenset(k[:i] for k in table for i in range(1, len(k) + 1))
        self.first_chars: frozenset[str] = frozenset(k[0] for k in table)

    def lookup(self, key: str, lang: str | None = None) -> Entry | None:
        """Return the entry for ``key``, preferring ``lang`` then the default language order."""
        entries = self._table.get(key)
        if not entries:
            return None
        return _pick_here(self, key, entries, lang)

    def pair(self, first: str, second: str, lang: str | None = None) -> Entry | None:
        """Return the entry for two consecutive words that form one number ("quatre vingt")."""
        entries = self.pairs.get((first, second))
        if not entries:
            return None
        return _pick(entries, lang, self.order)

    def is_number_word(self, word: str) -> bool:
        """True if ``word`` (any case, accents optional) is a number word or substitute word."""
        return key_of(word) in self._table or word in self.sub_chars

    def segment(self, token: str, lang: str | None = None) -> tuple[RelPiece, ...] | None:
        """Split a whole alphanumeric token into number pieces, or return None.

        Every character must belong to a piece: a number word (possibly a leet variant), a single ASCII
        digit (consecutive digits are merged into one ``GROUP`` piece) or a letter-for-digit substitute.
        Among all segmentations the cheapest wins: fewest pieces, then fewest weak pieces, so
        "eighteen" beats "eight"+"een" and "fourteen" is one word.  Connectors must sit between the
        pieces they join and a repeater must be followed by a single digit, otherwise the token is not
        numeric.  The dynamic programme visits each position once and walks at most the longest word
        from it, so the cost is linear in the token length.
        """
        return _segment_cached(self, token, lang)


def _pick(entries: Mapping[str, Entry], lang: str | None, order: tuple[str, ...]) -> Entry:
    """Choose among languages that share a word: the hinted language, then the default order."""
    if lang is not None and lang in entries:
        return entries[lang]
    for code in order:
        if code in entries:
            return entries[code]
    return next(iter(entries.values()))


def _pick_here(lex: Lexicon, key: str, entries: Mapping[str, Entry], lang: str | None) -> Entry:
    """:func:`_pick`, with a weak word read as strong in an ad of the language that lists it in ``strong_here``."""
    entry = _pick(entries, lang, lex.order)
    if entry.weak and lang is not None and entry.lang == lang:
        return lex.strong_here.get((key, lang), entry)
    return entry


_NOT_NUMBER_CHARS = 12  # the longest word of ``not_numbers`` worth a lookup


@functools.lru_cache(maxsize=16384)
def _segment_cached(lex: Lexicon, token: str, lang: str | None) -> tuple[RelPiece, ...] | None:
    """:meth:`Lexicon.segment`, cached per token: ads repeat the same words over and over."""
    n = len(token)
    if n == 0 or n > MAX_SEGMENT_CHARS:
        return None
    keys = [key_char(c) for c in token]
    first = token[0]
    if not ("0" <= first <= "9" or first in lex.sub_chars or keys[0][:1] in lex.first_chars):
        return None
    if n <= _NOT_NUMBER_CHARS and "".join(keys) in lex.not_numbers:
        return None
    inf = 1 << 30
    best = [inf] * (n + 1)
    choice: list[tuple[int, Entry | None]] = [(0, None)] * (n + 1)
    best[n] = 0
    prefixes = lex.prefixes
    table = lex._table
    for i in range(n - 1, -1, -1):
        c = token[i]
        if "0" <= c <= "9" and best[i + 1] + _COST_DIGIT < best[i]:
            best[i] = best[i + 1] + _COST_DIGIT
            choice[i] = (i + 1, None)
        sub = lex.sub_chars.get(c)
        if sub is not None and (i + 1 == n or keys[i + 1] != "") and best[i + 1] + _COST_WEAK < best[i] \
                and (i > 0 or c not in lex.inner_subs):
            best[i] = best[i + 1] + _COST_WEAK
            choice[i] = (i + 1, sub)
        k = ""
        j = i
        while j < n:
            k += keys[j]
            j += 1
            if not k or k not in prefixes:
                break
            if best[j] >= inf or (j < n and keys[j] == ""):
                continue  # a piece may not stop before a combining mark of its own letter
            entries = table.get(k)
            if not entries:
                continue
            entry = _pick_here(lex, k, entries, lang)
            if entry.kind in (CONN_TU, CONN_UT) and (i == 0) != (j == n):
                continue  # a connector is a whole token or sits inside one, never at one edge
            cost = best[j] + (_COST_WEAK if entry.weak else _COST_WORD)
            if cost < best[i]:
                best[i] = cost
                choice[i] = (j, entry)
    if best[0] >= inf:
        return None
    pieces: list[RelPiece] = []
    i = 0
    while i < n:
        j, chosen = choice[i]
        if chosen is None:  # digits: merge the whole run into one group
            if pieces and pieces[-1].kind == GROUP and pieces[-1].end == i:
                last = pieces.pop()
                pieces.append(RelPiece(last.start, j, GROUP, 0, last.text + token[i:j], None))
            else:
                pieces.append(RelPiece(i, j, GROUP, 0, token[i:j], None))
        else:
            pieces.append(RelPiece(i, j, chosen.kind, chosen.value, key_of(token[i:j]), chosen))
        i = j
    if not _valid_inside(pieces):
        return None
    return tuple(pieces)


def _valid_inside(pieces: list[RelPiece]) -> bool:
    """Check connectors and repeaters inside one token (a lone one is checked against its neighbours)."""
    if len(pieces) == 1:
        return True
    for idx, p in enumerate(pieces):
        last = idx == len(pieces) - 1
        if p.kind in (CONN_TU, CONN_UT) and (
            idx == 0 or last or not conn_fits(p.kind, pieces[idx - 1], pieces[idx + 1])
        ):
            return False
        if p.kind == REP and (last or not single_digit(pieces[idx + 1])):
            return False
    return True


def conn_fits(kind: int, before: RelPiece | Any, after: RelPiece | Any) -> bool:
    """True if a connector of ``kind`` may join ``before`` and ``after`` (duck-typed pieces)."""
    if kind == CONN_UT:
        return before.kind == UNIT and 1 <= before.value <= 9 and after.kind == TENS
    if before.kind == TENS:
        if after.kind == UNIT:
            return after.value != 0
        entry = before.entry
        return after.kind == TEEN and entry is not None and entry.takes_teen
    if before.kind in (M100, HUNDS):
        return after.kind in (UNIT, TEEN, TENS, COMP) and not (after.kind == UNIT and after.value == 0)
    return False


def single_digit(p: RelPiece | Any) -> bool:
    """True if a piece stands for exactly one digit (what a repeater can repeat)."""
    if p.kind == GROUP:
        return len(p.text) == 1
    return bool(p.kind == UNIT)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load ``number_words.yaml`` from package data once and build the lexicon."""
    text = resources.files(_DATA_PACKAGE).joinpath(*_DATA_FILE.split("/")).read_text(encoding="utf-8")
    return Lexicon(yaml.safe_load(text) or {})
