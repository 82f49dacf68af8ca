"""De-obfuscation front end: turn hidden phone numbers into plain digits, keeping exact offsets.

Posters hide phone numbers on purpose ("for80 2sixseven one9zerofor", "O7700 9OO123", "*219~*851~33**77",
emoji keycaps, full-width or Arabic-Indic digits, Cyrillic look-alike letters).  libphonenumber handles
formats but not this, so extractors run on the text produced here.  Every output character maps back to
the original characters it came from (:class:`~unveil.normalise.offsets.NormalisedText`), so evidence
always points at what the poster actually wrote.

Two stages:

* :func:`fold_text` - Unicode folding for matching (NFKC, homoglyphs, every decimal digit, keycaps,
  circled digits, invisible characters).
* :func:`deobfuscate_digits` - a single left-to-right tokeniser plus small state machines that rewrite
  numeric runs: number words in nine languages, letter-for-digit substitutes, separators inside numbers.

When does a number word become digits?  Ads are prose, and "one of the best", "I am twenty six",
"2 for 1", "12 sept 2024" must stay as they are.  The rule:

1. A *numeric run* is a sequence of numeric tokens (digit groups, number words, substitutes) joined only
   by short separators (spaces, ``. - / * ~ _ , | + ( ) [ ] { }``; at most 6 characters, no line break,
   fewer than 3 spaces in a row) or glued together.  Any other word, a line break or a long gap ends it,
   except that lines holding nothing but numeric tokens, one of them a number word, join into one run
   ("two\nzero\ntwo\nfive ...", a number written down the page).
2. The run collects votes: 2 for each digit group or strong number word (4 for a group of 6+ digits),
   1 for each weak word or substitute.  It *qualifies* with 6 votes - in effect a number word becomes
   a digit only as part of a run of at least 3 numeric tokens ("zero seven seven", "07700 nine
   hundred", "nul zes 12345678"), never alone ("one of the best", "twenty six years").
3. A strong number word becomes digits in a qualifying run, or when it is glued to a digit
   ("2sixseven", "seven7oo") or is itself a leet spelling with a digit ("f1ve", "th0usand").
4. A weak word - a number word that is also ordinary prose somewhere ("for", "un", "sept", "once",
   "tres", "otto") - becomes a digit when glued to a digit ("for80"), or in a qualifying run next to a
   number word that became digits ("seven for two", "vingt et un"), or (one or two of them) between two
   tokens that became digits ("3 sei 8", "7 null null 9").  "oh" may also lean on digits.
5. A letter substitute becomes a digit when glued to digits ("O7700", "9OO123"). Standing alone, "o"/"O"
   is a zero between two converted tokens ("0 7 7 O O 9") and "o o" after a number word ("five o one
   o o"), but a single "o" at the edge of a run is "or"/"the" in es/it/pt/ro; "I"/"l"/"i" is a one only
   between two number words (next to a phone number it is the pronoun).
6. Connectors ("et", "y", "und") and repeaters ("double") only count where they join or repeat numbers.

Separators inside a converted run are dropped; a leading ``+`` is kept; non-numeric text is never changed.
Two long numbers separated only by a space stay apart (see ``_split_here``).  All of this is linear time:
the tokeniser is one ``regex`` scan with possessive quantifiers, number words are looked up in a table, and
the run logic makes a bounded number of passes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from typing import NamedTuple

import regex

from unveil.normalise.memo import per_text
from unveil.normalise.numwords import (
    COMP,
    CONN_TU,
    CONN_UT,
    GROUP,
    HUNDS,
    M100,
    M1000,
    MAX_SEGMENT_CHARS,
    REP,
    TEEN,
    TENS,
    UNIT,
    Entry,
    Lexicon,
    RelPiece,
    conn_fits,
    lexicon,
    single_digit,
)
from unveil.normalise.offsets import NormalisedBuilder, NormalisedText, compose, extend_run

__all__ = ["deobfuscate_digits", "deobfuscate_digits_if", "digit_spans", "fold_text", "written_plainly"]

_log = logging.getLogger(__name__)

#: Set by the test suite: re-raise internal errors instead of falling back to unchanged text.
RAISE_INTERNAL_ERRORS = False

# ---------------------------------------------------------------------------------------------------------
# Folding
# ---------------------------------------------------------------------------------------------------------

# Look-alike letters from other scripts that posters swap in to dodge keyword and number searches.
HOMOGLYPHS = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y", "Ӏ": "I", "Һ": "H",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y", "ѵ": "v",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "υ": "u",
    "χ": "x", "α": "a", "ϲ": "c", "ϳ": "j", "Ϲ": "C",
    # Armenian and others
    "օ": "o", "Օ": "O", "ս": "u", "հ": "h", "ɑ": "a", "ɡ": "g", "ǀ": "l", "∣": "|",
    # Latin small capitals, a "font" of name generators: "ᴋᴀʏʟᴀ.ᴀᴢ"
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j",
    "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r", "ꜱ": "s", "ᴛ": "t",
    "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
}  # fmt: skip

# Characters with no visible glyph, used to break up numbers and keywords ("07\u200b700").  All other
# format characters (Unicode category Cf: bidi controls, tags, soft hyphen...) are dropped as well.
_INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u180e\u3164\uffa0" + "".join(chr(c) for c in range(0xFE00, 0xFE10))
) | frozenset(chr(c) for c in range(0xE0100, 0xE01F0))

_SPECIAL: dict[str, str] = {
    **HOMOGLYPHS,
    **{c: "" for c in _INVISIBLE},
    "\U0001f51f": "10",  # KEYCAP TEN
    "\u3007": "0",  # IDEOGRAPHIC NUMBER ZERO
    "\U0001f17e": "O",  # NEGATIVE SQUARED LATIN CAPITAL LETTER O
    "\U0001f15e": "O",  # NEGATIVE CIRCLED LATIN CAPITAL LETTER O
    "\u2795": "+",  # HEAVY PLUS SIGN: "➕44 20 ..."
}


class _Builder(NormalisedBuilder):
    """:class:`NormalisedBuilder` plus two bulk operations the hot paths need.

    Per-character ``emit`` calls dominate the cost on long inputs; these append many characters with
    one-to-one offsets in a single step.  They use the base class's internal buffers (same package).
    """

    __slots__ = ()

    def emit_aligned(self, out: str, start: int) -> None:
        """Append ``out`` where ``out[k]`` is the rewrite of ``original[start + k]``."""
        n = len(out)
        if n:
            if self._copy_end >= 0:
                self._flush()
            self._parts.append(out)
            extend_run(self._starts, start, start + n)
            extend_run(self._ends, start + 1, start + n + 1)

    def copy_digits(self, start: int, end: int) -> None:
        """Append only the ASCII digits of ``original[start:end]``, each mapped to itself."""
        chunk = self._original[start:end]
        if chunk.isascii() and chunk.isdigit():
            self.copy(start, end)  # nothing to drop: a plain copy, which the builder can merge
            return
        keep = list(itertools.compress(range(start, end), map(_ASCII_DIGITS.__contains__, chunk)))
        if keep:
            if self._copy_end >= 0:
                self._flush()
            self._parts.append(_NON_DIGITS_RE.sub("", chunk))
            self._starts.extend(keep)
            self._ends.extend(map((1).__add__, keep))


_ASCII_DIGITS = frozenset("0123456789")
_NON_DIGITS_RE = regex.compile(r"[^0-9]+")
_KEYCAP = "\u20e3"
_ENCLOSED_NUMBER = regex.compile(r"CIRCLED|PARENTHESIZED|FULL STOP|COMMA|KEYCAP")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
#: Combining marks kept in one cluster; more are treated as separate clusters.  Bounds the canonical
#: reordering that NFKC does (quadratic in the number of marks) on hostile input.
_MAX_CLUSTER_MARKS = 16


@functools.lru_cache(maxsize=65536)
def _fold_char(c: str) -> str:
    """Fold one code point: homoglyph, digit value, invisible -> dropped, else NFKC."""
    if c < "\x80":
        return c
    special = _SPECIAL.get(c)
    if special is not None:
        return special
    cat = unicodedata.category(c)
    if cat == "Nd":
        return str(unicodedata.decimal(c, 0))
    if cat == "Cf":
        return ""
    if cat[0] == "N":
        d = unicodedata.digit(c, None)
        if d is not None:  # circled, parenthesised, superscript, "digit full stop" forms
            return str(d)
        v = unicodedata.numeric(c, -1.0)
        if 0 <= v <= 50 and v == int(v) and _ENCLOSED_NUMBER.search(unicodedata.name(c, "")):
            return str(int(v))
    norm = unicodedata.normalize("NFKC", c)
    if norm != c:
        return "".join(_SPECIAL.get(x, x) for x in norm)
    return c


@functools.lru_cache(maxsize=8192)
def _is_mark(c: str) -> bool:
    """True for combining marks, which belong to the character before them."""
    return unicodedata.category(c)[0] == "M"


@functools.lru_cache(maxsize=8192)
def _fold_cluster(cluster: str) -> str:
    """Fold a base character plus its combining marks (keycaps, accents, variation selectors)."""
    base = cluster[0]
    if _KEYCAP in cluster:
        folded = _fold_char(base)
        if len(folded) == 1 and ("0" <= folded <= "9" or folded in "#*"):
            return folded  # "7\ufe0f\u20e3" -> "7"
    kept = "".join(ch for ch in cluster if ch not in _INVISIBLE)
    if not kept:
        return ""
    return "".join(_fold_char(x) for x in unicodedata.normalize("NFKC", kept))


def _native_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word of another script rather than look-alike letters.

    Look-alikes hide Latin letters and digits among Latin ones ("О151", "tеlegram"); a Cyrillic or Greek word
    standing alone is text in its own language, and folding its look-alike letters would turn "ноль" into a
    mix of scripts that no number word matches.  A word of two or more letters with at least one letter that
    looks like no Latin one ("л" in "ноль"), with no ASCII letter or digit glued to it, is kept as written.
    """
    if end - start < 2 or not "\u0370" <= text[start] <= "\u052f":
        return False  # most runs are accents, symbols or emoji: not Greek or Cyrillic
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return False
    run = text[start:end]
    return _CYRILLIC_OR_GREEK_WORD.fullmatch(run) is not None and not all(map(HOMOGLYPHS.__contains__, run))


# with the apostrophes of Ukrainian and Belarusian words ("дев’ять", "девʼять")
_CYRILLIC_OR_GREEK_WORD = regex.compile(r"[\p{Cyrillic}\p{Greek}]+(?:[’ʼ]\p{Cyrillic}+)*")


# A circled "a" alone between two blanks or two ASCII letters is written for "@" ("lena.k ⓐ gmail.com",
# "lenaⓐgmail.com"); next to other circled letters ("ⓜⓘⓛⓐ") or opening a word ("Ⓐnna") it is a letter.
CIRCLED_A = frozenset("\u24d0\u24b6")


def stands_for_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in " \t" and after in " \t":
        return True
    return before.isascii() and before.isalnum() and after.isascii() and after.isalpha()


def _fold(text: str) -> NormalisedText:
    """Fold ``text``; ASCII stretches are copied in bulk, only non-ASCII clusters are examined."""
    b = _Builder(text)
    pos = 0
    n = len(text)
    for m in _NON_ASCII.finditer(text):
        start, end = m.span()
        if start > pos and _is_mark(text[start]):
            start -= 1  # the ASCII character before is the base of this cluster ("1\u20e3", "e\u0301")
        b.copy(pos, start)
        run = text[start:end]
        if run in CIRCLED_A and stands_for_at(text, start, end):
            b.emit_aligned("@", start)  # "lena.k ⓐ gmail.com"
            pos = end
            continue
        if _native_word(text, start, end):
            b.copy(start, end)  # "ноль", "один": a word of its own script, not look-alikes of Latin letters
            pos = end
            continue
        outs = list(map(_fold_char, run))
        if all(len(o) == 1 for o in outs) and not any(map(_is_mark, run)):
            joined = "".join(outs)  # one output char per input char: the common case
            if joined == run:
                b.copy(start, end)  # unchanged ("é", "£"): same map, and lets the builder merge copies
            else:
                b.emit_aligned(joined, start)
            pos = end
            continue
        i = start
        while i < end:
            k = i  # batch one-to-one characters that are not part of a cluster
            while (
                k < end
                and len(outs[k - start]) == 1
                and not _is_mark(text[k])
                and not (k + 1 < end and _is_mark(text[k + 1]))
            ):
                k += 1
            if k > i:
                b.emit_aligned("".join(outs[i - start : k - start]), i)
                i = k
                continue
            j = i + 1
            while j < end and j - i <= _MAX_CLUSTER_MARKS and _is_mark(text[j]):
                j += 1
            b.emit(outs[i - start] if j == i + 1 else _fold_cluster(text[i:j]), i, j)
            i = j
        pos = end
    b.copy(pos, n)
    nt = b.build()
    if ("'" in text or "’" in text) and _CYRILLIC_APOSTROPHE.search(nt.text) is not None:
        # Ukrainian spells "п'ять" (five) and "дев'ять" (nine) with an apostrophe, which would split the
        # word into two tokens; the modifier letter apostrophe is a letter, and the lexicon spells them so.
        nt = NormalisedText(nt.original, _CYRILLIC_APOSTROPHE.sub("\u02bc", nt.text), nt.starts, nt.ends)
    if ("'" in text or "’" in text) and _TRANSLIT_SOFT_SIGN.search(nt.text) is not None:
        nt = _drop_soft_signs(nt)
    return nt


# The Latin transliterations of Ukrainian and Russian write the soft sign and the Ukrainian apostrophe as
# "'" ("nul' dva nul'", "dev'yat'", "p'yat'"), which would split the number words; they are dropped there.
_TRANSLIT_SOFT_SIGN = regex.compile(
    r"(?<![A-Za-z'’])(?:(?:p|dev|des)['’][yi]at['’]?"
    r"|(?:nul|nol|shist|shest|sim|sem|vosem|visim|pyat|piat|devyat|deviat|desyat|desiat)['’])(?![A-Za-z'’])",
    regex.IGNORECASE)


def _drop_soft_signs(nt: NormalisedText) -> NormalisedText:
    """``nt`` without the apostrophes of the transliterated number words, its offsets kept."""
    drop = {m.start() + i for m in _TRANSLIT_SOFT_SIGN.finditer(nt.text)
            for i, ch in enumerate(m.group()) if ch in "'’"}
    keep = [i for i in range(len(nt.text)) if i not in drop]
    return NormalisedText(nt.original, "".join(nt.text[i] for i in keep), array("l", (nt.starts[i] for i in keep)),
                          array("l", (nt.ends[i] for i in keep)))


_CYRILLIC_APOSTROPHE = regex.compile(r"(?<=\p{Cyrillic})['’](?=\p{Cyrillic})")


def fold_text(text: str) -> NormalisedText:
    """Fold ``text`` for matching, keeping a map from every output char to its source chars.

    NFKC per character (full-width -> ASCII, mathematical letters -> ASCII), look-alike Cyrillic/Greek
    letters -> Latin, every Unicode decimal digit and emoji keycap / circled / parenthesised digit -> ASCII
    digit, invisible and format characters dropped.  Case is preserved so that later stages can tell a
    capital "O" or "I" apart.  ASCII text is copied unchanged in bulk.

    Args:
        text: any string (lone surrogates, NULs and stray combining marks are fine).

    Returns:
        The folded text with offsets into ``text``.
    """
    try:
        return _fold(text)
    except Exception:  # pragma: no cover - defensive: folding must never break a pipeline
        if RAISE_INTERNAL_ERRORS:
            raise
        _log.exception("fold_text failed; returning the text unchanged")
        return NormalisedText.identity(text)


#: :func:`fold_text`, computed once per text while a :func:`~unveil.normalise.memo.shared_texts` scope is
#: open: the phone, email, handle, payment and crypto extractors all fold the same field.
folded_text = per_text(fold_text)


# ---------------------------------------------------------------------------------------------------------
# Tokeniser
# ---------------------------------------------------------------------------------------------------------

# Middle dots of other scripts and maths ("020・7946・0744") separate digits like "·".
_SEP_CLASS = r".,\-/*~_|+()\[\]{}\p{Pd}·•・･‧∙⋅"
_HSPACE = r"[\t\p{Zs}]"
# Each match is the separators before a token (s) plus the token: d, a block of pure digit groups joined
# by short separators (fast path for long digit strings); c, an alphanumeric token (letters, marks, ASCII
# digits); o, anything else.  Possessive quantifiers everywhere: no backtracking, linear on any input.
_TOKEN_RE = regex.compile(
    rf"(?P<s>(?:[{_SEP_CLASS}]|\s)*+)"
    rf"(?:(?P<d>[0-9]++(?![\p{{L}}\p{{M}}])"
    rf"(?:(?:[{_SEP_CLASS}]|{_HSPACE}(?!{_HSPACE}{_HSPACE})){{1,6}}+[0-9]++(?![\p{{L}}\p{{M}}]))*+)"
    rf"|(?P<c>[\p{{L}}\p{{M}}0-9]++)"
    rf"|(?P<o>[^\p{{L}}\p{{M}}0-9{_SEP_CLASS}\s]++))?+"
)
_DIGITS_RE = regex.compile(r"[0-9]+")
_SPLIT_TOKEN_RE = regex.compile(r"[0-9]+|[^0-9]+")
_LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029\x1c\x1d\x1e"
_BREAKING_SEP_RE = regex.compile(r"[\n\r\v\f\x85\u2028\u2029\x1c\x1d\x1e]|\s\s\s")
_WS_PLUS_RE = regex.compile(r"\s\+")
# A "+" right after an opening bracket ("one (+44 20 ...", "1(+44 ..."): the start of an international number.
_BRACKET_PLUS_RE = regex.compile(r"[(\[{]\+")
_SPACED_PUNCT_RE = regex.compile(r"\s\S|\S\s")
_SPACED_LIST_MARK_RE = regex.compile(r"[ \t]+[|•·;][ \t]+[(]?")
_SPACED_DASH_RE = regex.compile(r"\s[^\P{Pd}-]|[^\P{Pd}-]\s")
_MAX_SEP = 6
_DECORATION = "*~_"
_CLOSER = {"(": ")", "[": "]", "{": "}"}
_OPENER = {")": "(", "]": "[", "}": "{"}
# Votes towards the numeric-run threshold: a digit group or strong number word counts 2, a weak word or
# substitute 1.  "zero sette otto due" (2+2+1+1) reaches it, "two for one" (2+1+2) and "très très très"
# do not.
_STRONG_VOTE = 2
_WEAK_VOTE = 1
_RUN_THRESHOLD = 6
# A digit group this long is most of a phone number: it adds votes so that "nul zes 12345678" converts.
_LONG_GROUP = 6
_LONG_GROUP_BONUS = 2

# Segment kinds.
_DIGB = 0  # digit groups (possibly several, joined by separators)
_NUM = 1  # number pieces that contain a strong word or are glued to digits
_WEAK = 2  # only weak words / substitutes
_CONN = 3  # a lone connector ("and", "et", "y")
_REP = 4  # a lone repeater ("double")
_WORD = 5  # anything else


class _Tpl(NamedTuple):
    """A segment of a token, offsets relative to the token (cached per token)."""

    kind: int
    start: int
    end: int
    pieces: tuple[RelPiece, ...]
    glued: bool
    votes: int
    strong: bool
    zero_sub: bool
    has_sub: bool


class _Seg:
    """A numeric segment of the folded text: digit groups, number pieces, a connector or a repeater.

    Separators are not items of their own: each segment remembers the separator token just before it
    (``lead``) and whether it continues the run of the segment before it (``joined``; then ``gap`` is
    the separator between them, or None when the two are glued).
    """

    __slots__ = (
        "end",
        "gap",
        "glued",
        "has_sub",
        "joined",
        "kind",
        "lead",
        "on",
        "pieces",
        "start",
        "strong",
        "votes",
        "zero_sub",
    )

    def __init__(self, tpl: _Tpl, base: int) -> None:
        self.kind = tpl.kind
        self.start = base + tpl.start
        self.end = base + tpl.end
        self.pieces: tuple[RelPiece, ...] = tpl.pieces  # offsets relative to self.start
        self.glued = tpl.glued
        self.votes = tpl.votes
        self.strong = tpl.strong
        self.zero_sub = tpl.zero_sub
        self.has_sub = tpl.has_sub
        self.on = False
        self.joined = False
        self.gap: tuple[int, int] | None = None
        self.lead: tuple[int, int] | None = None


# NamedTuple construction runs a Python-level __new__; the hot paths build these with ``_tnew(cls, (...))``
# (the C-level tuple constructor), which keeps attribute access and is several times faster.
_tnew = tuple.__new__


class _P(NamedTuple):
    """A piece with absolute offsets in the folded text, plus the separator before it (if any)."""

    start: int
    end: int
    kind: int
    value: int
    text: str
    entry: Entry | None
    sep: tuple[int, int] | None


def _tpl(kind: int, start: int, end: int, pieces: tuple[RelPiece, ...] = (), glued: bool = False) -> _Tpl:
    """Build a segment template and precompute what the run logic asks of it."""
    strong = any(
        p.kind == REP or (p.entry is not None and not p.entry.weak and p.kind not in (CONN_TU, CONN_UT))
        for p in pieces
    )
    votes = sum(
        (_STRONG_VOTE if glued or _is_strong(p) else _WEAK_VOTE)
        for p in pieces
        if p.kind not in (CONN_TU, CONN_UT)
    )
    zero_sub = bool(pieces) and all(p.entry is not None and p.entry.sub and p.value == 0 for p in pieces)
    has_sub = any(p.entry is not None and p.entry.sub and len(p.text) == 1 for p in pieces)
    return _Tpl(kind, start, end, pieces, glued, votes, strong, zero_sub, has_sub)


def _is_strong(p: RelPiece | _P) -> bool:
    """Digits, repeaters and non-weak number words count fully towards a numeric run."""
    if p.kind == GROUP or p.kind == REP:
        return True
    return p.entry is not None and not p.entry.weak


@functools.lru_cache(maxsize=16384)
def _analyse_token(token: str, lang: str | None) -> tuple[_Tpl, ...]:
    """Classify an alphanumeric token into segments (cached: ads repeat the same words)."""
    lex = lexicon()
    n = len(token)
    pieces = lex.segment(token, lang)
    if pieces is not None:
        if any(p.kind == GROUP or (p.entry is not None and p.entry.leet) for p in pieces):
            return (_tpl(_NUM, 0, n, pieces, glued=True),)
        if len(pieces) == 1 and pieces[0].kind in (CONN_TU, CONN_UT):
            return (_tpl(_CONN, 0, n, pieces),)
        if len(pieces) == 1 and pieces[0].kind == REP:
            return (_tpl(_REP, 0, n, pieces),)
        t = _tpl(_NUM, 0, n, pieces)
        if t.strong:
            return (t,)
        return (_tpl(_WEAK, 0, n, pieces),)
    if not any("0" <= c <= "9" for c in token):
        return (_tpl(_WORD, 0, n),)
    # Mixed token that is not wholly numeric ("tel07700", "call0seven"): digits stay digits, a letter
    # run glued to them becomes digits only if it is made of strong number words.
    out: list[_Tpl] = []
    for m in _SPLIT_TOKEN_RE.finditer(token):
        a, b = m.span()
        part = m.group()
        if "0" <= part[0] <= "9":
            tpl = _tpl(_DIGB, a, b, (RelPiece(0, b - a, GROUP, 0, part, None),), glued=True)
            if b - a >= _LONG_GROUP:
                tpl = tpl._replace(votes=tpl.votes + _LONG_GROUP_BONUS)
            out.append(tpl)
            continue
        sub = lex.segment(part, lang)
        if sub is not None and _tpl(_NUM, a, b, sub).strong and all(p.kind != REP for p in sub):
            out.append(_tpl(_NUM, a, b, sub, glued=True))
        else:
            out.append(_tpl(_WORD, a, b))
    return tuple(out)


def _norm_lang(lang: str | None) -> str | None:
    """ "pt-BR", "PT_br", " pt " -> "pt"; empty -> None."""
    if not lang:
        return None
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return code or None


# Alphanumeric tokens known to be ordinary words (``_analyse_token`` gives one ``_WORD``), per language: a set
# lookup lets the tokeniser skip them without the separator bookkeeping.  Bounded: cleared when it grows.
_PLAIN_WORDS: dict[str | None, set[str]] = {}
_PLAIN_WORDS_MAX = 65536


_SEP_OR_SPACE_RE = regex.compile(rf"[{_SEP_CLASS}]|\s")
_TOKEN_CHAR_RE = regex.compile(r"[\p{L}\p{M}0-9]")


@functools.lru_cache(maxsize=4096)
def _is_sep_or_space(ch: str) -> bool:
    """A character the tokeniser reads as (part of) the separators before a token."""
    return _SEP_OR_SPACE_RE.match(ch) is not None


@functools.lru_cache(maxsize=8192)
def _is_token_char(ch: str) -> bool:
    return _TOKEN_CHAR_RE.match(ch) is not None


# Alphanumeric tokens the fast way: the standard ``re`` engine is several times quicker than ``regex`` with
# Unicode properties.  On text where the two agree character by character (checked on the few distinct
# non-ASCII characters), ``[^\W_]`` matches exactly the tokeniser's ``[\p{L}\p{M}0-9]``.
_FAST_TOKEN_RE = re.compile(r"[^\W_]+")
_NON_ASCII_CHARS_RE = re.compile(r"[^\x00-\x7f]")
_RUN_GAP_RE = regex.compile(rf"(?:[{_SEP_CLASS}]|\s)*+")


@functools.lru_cache(maxsize=8192)
def _fast_token_safe(ch: str) -> bool:
    """Whether ``re``'s word class agrees with the tokeniser's token class on ``ch`` (they differ on marks,
    non-ASCII digits and letters that only one of the two Unicode versions knows)."""
    return (_FAST_TOKEN_RE.match(ch) is not None) == _is_token_char(ch)


def _token_re(text: str) -> re.Pattern[str] | regex.Pattern[str]:
    """The pattern of the tokeniser's alphanumeric tokens for ``text``: ``re``'s when it agrees on ``text``."""
    if text.isascii() or all(map(_fast_token_safe, set(_NON_ASCII_CHARS_RE.findall(text)))):
        return _FAST_TOKEN_RE
    return _ALNUM_TOKEN_RE


def _alnum_tokens(text: str) -> list[str]:
    """The tokeniser's alphanumeric tokens of ``text`` (``_ALNUM_TOKEN_RE.findall``), quickly when safe."""
    return _token_re(text).findall(text)


# Above this many (distinct tokens x characters) the occurrences are counted first, and above this many
# occurrences the tokens are located in one pass instead of one search per token (see below).
_FIND_WORK = 200_000
_FIND_OCCURRENCES = 2_000


def _numeric_token_starts(text: str, lang: str | None, plain: set[str]) -> list[int]:
    """Start offsets of the alphanumeric tokens of ``text`` that can become digits, in order.

    Every other alphanumeric token is an ordinary word (or too long to be a number), and every other
    non-separator character is an "other" token: both end any run and produce no segment, so the
    tokeniser may jump over stretches made only of them (see :func:`_tokenise`).  The distinct tokens are
    collected in C (``findall`` and a set difference against the known ordinary words); only the few left
    are looked up and located.  A token that stands alone (only an ordinary word or symbol on each side)
    and cannot convert by itself (no digit, not glued, too few votes: "and", "for", "seven", "I") yields
    no digits whatever its run rules say, so it is left out too.
    """
    wanted: dict[str, bool] = {}  # token -> converts on its own
    for token in set(_alnum_tokens(text)).difference(plain):
        if len(token) > MAX_SEGMENT_CHARS:
            continue
        if token.isascii() and token.isdigit():
            wanted[token] = True
            continue
        tpls = _analyse_token(token, lang)
        if len(tpls) == 1 and tpls[0].kind == _WORD:
            plain.add(token)
            continue
        t = tpls[0]
        wanted[token] = len(tpls) > 1 or t.kind == _DIGB or t.glued or t.votes >= _RUN_THRESHOLD
    if not wanted:
        return []
    n = len(text)
    found: list[tuple[int, int, bool]] = []
    if len(wanted) * n > _FIND_WORK and sum(map(text.count, wanted)) > _FIND_OCCURRENCES:
        # The searches below stop at every occurrence, inside other tokens too: on a hostile text
        # ("1 11 111 ... 1111111111...") that is the number of tokens times the length.  One pass instead.
        for m in _token_re(text).finditer(text):
            alone = wanted.get(m.group())
            if alone is not None:
                found.append((m.start(), m.end(), alone))
    else:
        for token, alone_ok in wanted.items():
            size = len(token)
            i = text.find(token)
            while i != -1:
                j = i + size
                if (i == 0 or not _is_token_char(text[i - 1])) and (j == n or not _is_token_char(text[j])):
                    found.append((i, j, alone_ok))
                i = text.find(token, i + 1)
        found.sort()
    starts: list[int] = []
    last = len(found) - 1
    gap = _RUN_GAP_RE.match
    for k, (i, j, alone_ok) in enumerate(found):
        if (
            alone_ok
            or (k > 0 and gap(text, found[k - 1][1], i).end() == i)
            or (k < last and gap(text, j, found[k + 1][0]).end() == found[k + 1][0])
        ):
            starts.append(i)
    return starts


def _restart_point(text: str, start: int) -> int:
    """Where the tokeniser's match for the token at ``start`` begins: after the separators before it."""
    i = start
    while i > 0 and _is_sep_or_space(text[i - 1]):
        i -= 1
    return i


def _tokenise(text: str, lang: str | None) -> list[_Seg]:
    """Scan the folded text once into numeric segments (see :class:`_Seg` for how runs are linked).

    Ordinary words and other symbols end any run and yield no segment, so after one of them the scan
    jumps to the separators before the next token that can be numeric (:func:`_numeric_token_starts`):
    the matches in between would only have reset the run state, which a jump leaves reset too.  Most of
    an ad is prose, so this reads a few tokens around each number instead of every word.
    """
    segs: list[_Seg] = []
    append = segs.append
    joinable = False  # the next segment continues the current run
    lead: tuple[int, int] | None = None  # the separator token just before the next token
    plain = _PLAIN_WORDS.get(lang)
    if plain is None or len(plain) > _PLAIN_WORDS_MAX:
        plain = _PLAIN_WORDS[lang] = set()
    starts = _numeric_token_starts(text, lang, plain)
    if not starts:
        return segs
    n_starts = len(starts)
    pos = _restart_point(text, starts[0])
    while True:
        jump = -1
        for m in _TOKEN_RE.finditer(text, pos):
            kind = m.lastgroup
            if kind == "c":
                a, b = m.span(3)
                token = text[a:b]
                if b - a > MAX_SEGMENT_CHARS or token in plain:
                    jump = b  # a 160-character token or an ordinary word ends any run
                    break
                tpls = _analyse_token(token, lang)
                if len(tpls) == 1 and tpls[0].kind == _WORD:
                    plain.add(token)
                    jump = b
                    break
            elif kind == "d":
                a, b = m.span(2)
                tpls = ()
            else:  # "o" (other symbols), or only separators at the end of the text
                jump = m.end()
                break
            sa = m.start()
            if a > sa:
                lead = (sa, a)
                if a - sa == 1:
                    if text[sa] in _LINE_BREAKS:
                        joinable = False
                elif a - sa > _MAX_SEP or _BREAKING_SEP_RE.search(text, sa, a) is not None:
                    joinable = False
            if kind == "c":
                for tpl in tpls:
                    if tpl.kind == _WORD:
                        joinable, lead = False, None
                        continue
                    seg = _Seg(tpl, a)
                    if tpl.start == 0:
                        seg.lead = lead
                        seg.gap = lead if joinable else None
                    seg.joined = joinable
                    append(seg)
                    joinable, lead = True, None
            else:
                votes = _STRONG_VOTE
                if b - a > 1:
                    lengths = list(map(len, _DIGITS_RE.findall(text, a, b)))
                    votes = _STRONG_VOTE * len(lengths) + (
                        _LONG_GROUP_BONUS if max(lengths) >= _LONG_GROUP else 0
                    )
                seg = _Seg(_Tpl(_DIGB, 0, b - a, (), True, votes, True, False, False), a)
                seg.lead = lead
                seg.gap = lead if joinable else None
                seg.joined = joinable
                append(seg)
                joinable, lead = True, None
        if jump < 0:
            return segs  # the scan reached the end of the text
        # A reset: the run state is as at the start.  Resume before the next token that can be numeric.
        joinable, lead = False, None
        k = bisect.bisect_left(starts, jump)
        if k >= n_starts:
            return segs
        pos = max(jump, _restart_point(text, starts[k]))


def _digb_pieces(seg: _Seg, text: str) -> list[_P]:
    """Pieces of a digit-group segment: one GROUP per group, separators between them."""
    out: list[_P] = []
    prev_end = -1
    for m in _DIGITS_RE.finditer(text, seg.start, seg.end):
        a, b = m.span()
        out.append(_tnew(_P, (a, b, GROUP, 0, m.group(), None, (prev_end, a) if prev_end >= 0 else None)))
        prev_end = b
    return out


def _rel_pieces(seg: _Seg, text: str) -> tuple[RelPiece, ...]:
    """Pieces of a segment relative to its start (digit blocks are split into groups on demand)."""
    if seg.kind == _DIGB and not seg.pieces:
        base = seg.start
        return tuple(
            RelPiece(p.start - base, p.end - base, GROUP, 0, p.text, None) for p in _digb_pieces(seg, text)
        )
    return seg.pieces


def _single_group(seg: _Seg, text: str) -> bool:
    """False for a digit block holding several groups ("07|700|900" is separated, not substituted)."""
    return seg.kind != _DIGB or bool(seg.pieces) or text[seg.start : seg.end].isdigit()


def _merge_pipes(segs: list[_Seg], text: str) -> list[_Seg]:
    """Read ``|`` as 1 between tokens written with letter substitutes ("O7|OO" -> "0710O").

    A pipe is a common separator too ("07|700|900"), so it counts as a one only when a neighbour already
    uses letter-for-digit substitutes, the neighbours are glued to it and one of them holds digits.
    Chains ("1|o1|o1...") are merged into one growing piece list, so the pass stays linear.
    """
    out: list[_Seg] = []
    chains: dict[int, list[RelPiece]] = {}  # id(merged seg) -> its pieces, relative to its start
    sub = lexicon().sub_chars.get("l")
    for right in segs:
        left = out[-1] if out else None
        gap = right.gap
        if (
            left is None
            or gap is None
            or not right.joined
            or gap[1] - gap[0] > 3
            or left.end != gap[0]
            or text.count("|", gap[0], gap[1]) != gap[1] - gap[0]
            or left.kind not in (_DIGB, _NUM, _WEAK)
            or right.kind not in (_DIGB, _NUM, _WEAK)
            or not (left.has_sub or right.has_sub)
            or not (left.kind == _DIGB or right.kind == _DIGB or left.glued or right.glued)
            or not _single_group(left, text)
            or not _single_group(right, text)
        ):
            out.append(right)
            continue
        pieces = chains.get(id(left))
        if pieces is None:
            pieces = list(_rel_pieces(left, text))
            merged = _Seg(_Tpl(_NUM, 0, 0, (), True, 0, False, False, True), left.start)
            merged.joined, merged.gap, merged.lead = left.joined, left.gap, left.lead
            chains[id(merged)] = pieces
            out[-1] = left = merged
        base = left.start
        for k in range(gap[0], gap[1]):
            pieces.append(RelPiece(k - base, k + 1 - base, UNIT, 1, "|", sub))
        shift = right.start - base
        pieces.extend(p._replace(start=p.start + shift, end=p.end + shift) for p in _rel_pieces(right, text))
        left.end = right.end
    for seg in out:
        chain = chains.get(id(seg))
        if chain is not None:
            tpl = _tpl(_NUM, 0, seg.end - seg.start, tuple(chain), glued=True)
            seg.pieces, seg.votes, seg.strong, seg.zero_sub = tpl.pieces, tpl.votes, tpl.strong, tpl.zero_sub
    return out


# Between two lines that hold nothing but numbers: separators and blanks around one line break, or two (a
# blank line between).  "\r\n" counts as one break.
_LINE_JOIN_RE = regex.compile(
    rf"[{_SEP_CLASS} \t]*+(?:\r\n|[\n\r\x85\u2028\u2029])[ \t]*+(?:(?:\r\n|[\n\r\x85\u2028\u2029])[ \t]*+)?"
    rf"[{_SEP_CLASS} \t]*+"
)


def _join_lines(segs: list[_Seg], text: str) -> list[_Seg]:
    """Join the lines of a number written one word or group per line ("Call me\ntwo\nzero\ntwo\nfive...").

    A line break ends a run (a list of rates or ages is not one number), except in a *block*: consecutive
    lines each holding only numeric tokens and separators, at least one of them a number word (a column
    of plain digit groups is left to the phone extractor, which joins groups split over lines itself).
    The first line may start with other words and the last may end with some ("Call me two\nzero two
    ...") when the block has three lines or more.  The joined run then needs its votes like any other.
    """
    n = len(segs)
    starts = [0]  # index of the first segment of each line's run
    for i in range(1, n):
        if not segs[i].joined:
            starts.append(i)
    if len(starts) < 2:
        return segs
    block = [0]  # indexes into ``starts`` of the current block's lines
    for k in range(1, len(starts) + 1):
        if k < len(starts):
            a, b = segs[starts[k] - 1].end, segs[starts[k]].start
            m = _LINE_JOIN_RE.match(text, a, b)
            if m is not None and m.end() == b:
                block.append(k)
                continue
        if len(block) >= 2:
            _join_block(segs, starts, block, text)
        block = [k]
    return segs


def _join_block(segs: list[_Seg], starts: list[int], block: list[int], text: str) -> None:
    first, last = starts[block[0]], (starts[block[-1] + 1] if block[-1] + 1 < len(starts) else len(segs)) - 1
    if all(s.kind == _DIGB for s in segs[first : last + 1]):
        return
    if len(block) < 3 and not (_fills_left(text, segs[first].start) and _fills_right(text, segs[last].end)):
        return
    for k in block[1:]:
        seg = segs[starts[k]]
        seg.joined = True
        seg.gap = (segs[starts[k] - 1].end, seg.start)


_LINE_EDGE_RE = regex.compile(rf"[{_SEP_CLASS} \t]*+")


def _fills_left(text: str, start: int) -> bool:
    """Whether only separators and blanks stand between the line's start and ``start``."""
    i = start
    while i > 0 and text[i - 1] not in _LINE_BREAKS:
        if not _is_sep_or_space(text[i - 1]):
            return False
        i -= 1
    return True


def _fills_right(text: str, end: int) -> bool:
    """Whether only separators and blanks stand between ``end`` and the end of its line."""
    m = _LINE_EDGE_RE.match(text, end)
    return m is None or m.end() == len(text) or text[m.end()] in _LINE_BREAKS


# ---------------------------------------------------------------------------------------------------------
# Runs: which tokens become digits
# ---------------------------------------------------------------------------------------------------------


def _word_before_bracket(cur: list[_Seg], seg: _Seg, text: str) -> bool:
    """A lone number word, then an opening bracket: "the old one (0 2oh79..." - the word is prose, the
    number starts at the bracket ("four four (zero) two ..." keeps its country code: two words before; so
    does a spelled "plus" before the word: "más uno (dos uno dos) ...")."""
    gap = seg.gap
    return len(cur) == 1 and cur[0].kind != _DIGB and not cur[0].glued and gap is not None \
        and "(" in text[gap[0] : gap[1]] \
        and _PLUS_WORD_BEFORE.search(text, max(0, cur[0].start - 12), cur[0].start) is None


# A spelled "plus" right before a country code's word ("más uno (212) ...", "plus one (212) ...").
_PLUS_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(?i:plus[sz]?|plius|m[aá]s|pi[uù]|плюс|плус)[ \t]{1,2}\Z")


def _runs(segs: list[_Seg], text: str) -> list[list[_Seg]]:
    """Group numeric segments joined by short separators (or glued) into runs."""
    runs: list[list[_Seg]] = []
    cur: list[_Seg] = []
    for seg in segs:
        if seg.joined and cur and not _word_before_bracket(cur, seg, text):
            cur.append(seg)
        else:
            if cur:
                runs.append(cur)
            cur = [seg]
    if cur:
        runs.append(cur)
    return runs


def _first_piece(seg: _Seg, text: str) -> RelPiece | None:
    """The first piece of a segment (offsets unused), for checking connectors and repeaters."""
    if seg.kind == _DIGB and not seg.pieces:
        m = _DIGITS_RE.search(text, seg.start, seg.end)
        return RelPiece(0, 0, GROUP, 0, m.group(), None) if m else None
    return seg.pieces[0] if seg.pieces else None


def _last_piece(seg: _Seg, text: str) -> RelPiece | None:
    """The last piece of a segment (offsets unused), for checking connectors."""
    if seg.kind == _DIGB and not seg.pieces:
        return RelPiece(0, 0, GROUP, 0, "00", None)  # only its kind matters to connectors
    return seg.pieces[-1] if seg.pieces else None


def _validate(run: list[_Seg], text: str) -> list[list[_Seg]]:
    """Turn lone connectors/repeaters that do not fit their neighbours into words; split the run there."""
    out: list[list[_Seg]] = []
    cur: list[_Seg] = []
    n = len(run)
    for i, seg in enumerate(run):
        ok = True
        if seg.kind == _CONN:
            before = _last_piece(run[i - 1], text) if i > 0 else None
            after = _first_piece(run[i + 1], text) if i + 1 < n else None
            ok = before is not None and after is not None and conn_fits(seg.pieces[0].kind, before, after)
        elif seg.kind == _REP:
            after = _first_piece(run[i + 1], text) if i + 1 < n else None
            ok = after is not None and single_digit(after)
        if ok:
            if not cur:
                seg.gap = None
            cur.append(seg)
        else:
            seg.kind = _WORD
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _decide(run: list[_Seg], text: str, lang: str | None = None, force: bool = False) -> bool:
    """Set ``seg.on`` for every segment of a run (see the module docstring for the rule); return whether
    the run qualified (``force``: as if it had the votes, see :func:`_announced_groups`)."""
    qualified = force or sum(s.votes for s in run) >= _RUN_THRESHOLD
    for s in run:
        if s.kind == _DIGB:
            s.on = True
        elif s.kind == _NUM:
            s.on = s.glued or (qualified and s.strong)
        elif s.kind == _REP:
            s.on = qualified
        else:
            s.on = False
    n = len(run)
    if qualified and any(s.kind == _WEAK for s in run):
        # neighbour index skipping lone connectors
        prev_idx = [-1] * n
        next_idx = [-1] * n
        last = -1
        for i in range(n):
            prev_idx[i] = last
            if run[i].kind != _CONN:
                last = i
        last = -1
        for i in range(n - 1, -1, -1):
            next_idx[i] = last
            if run[i].kind != _CONN:
                last = i

        def lends(j: int) -> bool:
            s = run[j]
            return s.on and ((s.strong and s.kind in (_NUM, _REP)) or s.kind == _WEAK)

        for _ in range(4):
            changed = False
            for order in (range(n), range(n - 1, -1, -1)):
                for i in order:
                    s = run[i]
                    if s.kind != _WEAK or s.on or s.has_sub:
                        continue
                    p, q = prev_idx[i], next_idx[i]
                    if (p >= 0 and lends(p)) or (q >= 0 and lends(q)):
                        s.on = True  # "seven for two", "vingt et un", "null eins"
                        changed = True
                    elif s.zero_sub and ((p >= 0 and run[p].on) or (q >= 0 and run[q].on)):
                        s.on = True  # "oh" next to converted digits ("oh 7 7 ...")
                        changed = True
            changed |= _sandwich_letters(run, lends, text)
            changed |= _sandwich_weak_words(run, text, lang)
            if not changed:
                break
        _closing_weak_word(run, text, lang)  # last, so that the word lends to nothing after it
    for i, s in enumerate(run):
        if s.kind == _CONN:
            s.on = 0 < i < n - 1 and run[i - 1].on and run[i + 1].on
    for i, s in enumerate(run):
        if s.kind == _REP and s.on and not (i + 1 < n and run[i + 1].on):
            s.on = False
    for i, s in enumerate(run):  # a connector whose neighbour was switched off above
        if s.kind == _CONN and s.on and not (run[i - 1].on and run[i + 1].on):
            s.on = False
    return qualified


# A short run of number words without the votes of a number ("oh two oh", "null zwei null", "zéro un")
# converts when it stands a few words from a run that converted, as one group of a number given in
# pieces: "oh two oh, then seven nine four six, then oh four seven two", "commence par zéro un, puis
# quatre-vingt-dix-neuf zéro zéro, et finit par douze trente-quatre".  Whether the groups make a number is
# the phone extractor's call (a call word before them, a valid number as dialled).
_GROUP_GAP_CHARS = 40
_GROUP_GAP_WORDS = 5
_GROUP_MIN_VOTES = _STRONG_VOTE + _WEAK_VOTE
_GROUP_MIN_DIGITS = 3
_GROUP_MIN_WORDS = 2
_GROUP_MAX_DIGITS = 8  # a neighbour longer than this is a whole number, not one of its groups
_GROUP_GAP_RE = regex.compile(r"[\p{L}\p{M} \t,:\-–—'’]+")
_GROUP_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_WORD_KINDS = frozenset((_NUM, _WEAK, _CONN, _REP))


def _word_group(run: list[_Seg]) -> bool:
    return len(run) >= 2 and run[0].kind != _DIGB and all(s.kind in _WORD_KINDS for s in run) \
        and any(s.strong for s in run) and sum(s.votes for s in run) >= _GROUP_MIN_VOTES


def _anchor_size(run: list[_Seg], text: str) -> bool:
    """Whether a converted run is as long as one group of a number: three to eight digits, or two to eight
    number words ("neunundsiebzig sechsundvierzig")."""
    size = sum(sum(c.isdigit() for c in text[s.start:s.end]) if s.kind == _DIGB else 1 for s in run)
    least = _GROUP_MIN_DIGITS if all(s.kind == _DIGB for s in run) else _GROUP_MIN_WORDS
    return least <= size <= _GROUP_MAX_DIGITS


def _group_gap(text: str, a: int, b: int) -> bool:
    return 0 < b - a <= _GROUP_GAP_CHARS and _GROUP_GAP_RE.fullmatch(text, a, b) is not None \
        and len(_GROUP_WORD_RE.findall(text, a, b)) <= _GROUP_GAP_WORDS


def _announced_groups(runs: list[tuple[list[_Seg], bool]], text: str, lang: str | None) -> None:
    """Convert the short word runs that stand beside a converted group (see above), in place."""
    if len(runs) < 2:
        return
    candidates = [not q and _word_group(run) for run, q in runs]
    if not any(candidates):
        return  # most texts: no short run of number words
    anchored = [any(s.on for s in run) and _anchor_size(run, text) for run, _ in runs]
    if not any(anchored):
        return
    last = len(runs) - 1
    for order in (range(len(runs)), range(last, -1, -1)):
        for i in order:
            if not candidates[i] or anchored[i]:
                continue
            run = runs[i][0]
            if (i > 0 and anchored[i - 1] and _group_gap(text, runs[i - 1][0][-1].end, run[0].start)) or (
                    i < last and anchored[i + 1] and _group_gap(text, run[-1].end, runs[i + 1][0][0].start)):
                _decide(run, text, lang, force=True)
                anchored[i] = True


_MAX_SANDWICHED_WEAK = 2  # "7 null null 9"; a longer stretch of ambiguous words between digits is prose
# A unit right after the digit that closes the sandwich makes "for 2 hours", "sei 8 euro" a phrase.
_UNIT_AFTER_RE = regex.compile(
    r"[ \t]{0,2}(?:[€$£%]|(?:h|hr|hrs|hours?|min|mins|minutes?|heures?|horas?|ore|ora|uur|stunden?|std|uhr|"
    r"eur|euros?|usd|gbp|chf|am|pm|x)(?!\p{L}))",
    regex.IGNORECASE,
)


def _sandwich_weak_words(run: list[_Seg], text: str, lang: str | None = None) -> bool:
    """Convert weak number words enclosed by converted tokens ("3 sei 8", "0 nul 3", "7 null null 9").

    Digits do not lend to a weak word on one side only ("... 1 2 3 for appointments"), but one or two of
    them between two digits of one qualifying run are digits too, unless a unit follows ("... 1 2 3 for 2
    hours"); return True if any changed.
    """
    changed = False
    n = len(run)
    i = 1
    while i < n - 1:
        if not (run[i].kind == _WEAK and not run[i].has_sub and not run[i].on):
            i += 1
            continue
        j = i
        while j < n and run[j].kind == _WEAK and not run[j].has_sub and not run[j].on:
            j += 1
        if (
            j < n
            and j - i <= _MAX_SANDWICHED_WEAK
            and run[i - 1].on
            and run[j].on
            and _UNIT_AFTER_RE.match(text, run[j].end) is None
            and not any(_only_other_languages(run[k], lang) for k in range(i, j))
        ):
            for k in range(i, j):
                run[k].on = True
            changed = True
        i = j
    return changed


def _closing_weak_word(run: list[_Seg], text: str, lang: str | None) -> None:
    """Convert a weak digit word that ends a number written in a mix of digits and words, right after a
    digit and before the end of the line or punctuation: "+44 20 7946 0 cinco 9 um" (Portuguese "um", 1,
    is also the article), "... 2 sei. Sei libero?" (only the first "sei").  A number that spells none of
    its other digits as words keeps a trailing weak word as prose ("... 555 0123 um").  Called once the
    other rules are done, so the word lends to nothing after it."""
    n = len(run)
    k = n - 1
    while k > 0 and not run[k].on:
        k -= 1  # the last converted token; what follows it is prose ("... 2 sei. Sei libero?")
    k += 1
    if k < 3 or k >= n:
        return
    last = run[k]
    if last.kind != _WEAK or last.has_sub:
        return
    if len(last.pieces) != 1 or last.pieces[0].entry is None or last.pieces[0].kind != UNIT:
        return
    if not any(s.on and s.kind in (_NUM, _WEAK) and not s.glued and not s.has_sub for s in run[:k]):
        return
    if _CLOSES_RUN.match(text, last.end) is None or _only_other_languages(last, lang):
        return
    last.on = True


def _only_other_languages(seg: _Seg, lang: str | None) -> bool:
    """A word that is a number only in languages outside the main ones and the ad's (Lithuanian "du" is
    French "from" in "reçu à 23:41 du 01 99 00 58 32")."""
    main = lexicon().main
    return all(p.entry is not None and p.entry.lang not in main and p.entry.lang != lang for p in seg.pieces)


def _digit_group_on(seg: _Seg) -> bool:
    """A group of digits that is part of the number: plain digits, or digits with letters glued that became
    digits ("4l6", "Ol23")."""
    return seg.on and (seg.kind == _DIGB or (seg.kind == _NUM and seg.glued))


def _sandwich_letters(run: list[_Seg], lends: Callable[[int], bool], text: str) -> bool:
    """Convert lone letter substitutes that sit inside a number; return True if any changed.

    A lone "O"/"o" is a zero between two converted tokens ("0 7 7 O O 9 ...") or, two or more of them,
    after a number word ("five o one o o"); a lone "I"/"l"/"i" is a one only between two number words
    ("seven I seven"), because "I" before or after a phone number is the pronoun.  A letter right after
    "double"/"triple" is what the repeater repeats.
    """
    changed = False
    n = len(run)
    i = 0
    while i < n:
        if not (run[i].kind == _WEAK and run[i].has_sub and not run[i].on):
            i += 1
            continue
        j = i
        while j < n and run[j].kind == _WEAK and run[j].has_sub and not run[j].on:
            j += 1
        inside = i > 0 and j < n
        if all(run[k].zero_sub for k in range(i, j)):
            # between converted tokens, or "o o" after a number word ("five o one o o"); never a lone
            # "o" at either end: it is "or" (es/it) or an article (pt/ro) there ("seis o escribe",
            # "ligue para o nove ...")
            ok = (inside and run[i - 1].on and run[j].on) or (i > 0 and lends(i - 1) and j - i >= 2)
        else:
            # "seven I seven", or between two digit groups of the run ("+33 I 99 OO ...", "4l6 SSS Ol23")
            # unless a unit follows
            ok = inside and (
                (lends(i - 1) and lends(j))
                or (
                    _digit_group_on(run[i - 1])
                    and _digit_group_on(run[j])
                    and _UNIT_AFTER_RE.match(text, run[j].end) is None
                )
            )
        if not ok and j == n and j == i + 1 and i > 0 and run[i - 1].on \
                and (run[i - 1].end - run[i - 1].start == 1 or text[run[i - 1].end - 2] == " ") \
                and text[run[i].start:run[i].end] == "O" \
                and _CLOSES_RUN.match(text, run[i].end) is not None:
            ok = True  # a capital "O" ending a number spelled digit by digit: "9 O 5 . 5 5 5 . O 1 2 O"
        if not ok and j == n and j == i + 2 and i > 0 and run[i - 1].on \
                and (run[i - 1].end - run[i - 1].start == 1 or text[run[i - 1].end - 2] == " ") \
                and text[run[i].start:run[i].end] == "O" and text[run[i + 1].start:run[i + 1].end] == "o":
            # "... 7 0 1 4 O o escríbeme": the capital is the number's last zero, the small "o" the word "or"
            run[i].on = True
            changed = True
            i = j
            continue
        if not ok and i == 0 and j < n and run[i].start > 0 and text[run[i].start - 1] == "+" \
                and _digit_group_on(run[j]):
            ok = True  # a country code glued to its "+" before the number: "+ЗЗ 1 99 ...", "+OO 44 20 ..."
        if ok:
            for k in range(i, j):
                run[k].on = True
            changed = True
        elif i > 0 and run[i - 1].kind == _REP and run[i - 1].on:
            run[i].on = True
            changed = True
        i = j
    return changed


# What may follow the last token of a run that ends a number: the end, a line break or punctuation.
_CLOSES_RUN = re.compile(r"[ \t]*(?:\Z|[\n\r.,;:!?)\]])")


# ---------------------------------------------------------------------------------------------------------
# Phrases: number words -> digit strings
# ---------------------------------------------------------------------------------------------------------

# Phrase states (what the last accepted piece was).
_L_UNIT, _L_TEEN, _L_TENS, _L_COMP, _L_HUND, _L_THOU, _L_CTU, _L_CUT = range(8)


class _Phrase:
    """A number being read from words ("seven hundred twenty six" -> 726)."""

    __slots__ = ("conn_after", "copy", "cur", "end", "last", "start", "takes_teen", "takes_unit", "total")

    def __init__(self, p: _P, kind: int, value: int) -> None:
        self.start = p.start
        self.end = p.end
        self.total = 0
        self.cur = value
        self.takes_teen = bool(p.entry and p.entry.takes_teen)
        self.takes_unit = bool(p.entry and p.entry.takes_unit)
        self.conn_after = -1
        self.copy = p.kind == GROUP  # a lone digit stays a plain copy
        self.last = {UNIT: _L_UNIT, TEEN: _L_TEEN, TENS: _L_TENS, COMP: _L_COMP, HUNDS: _L_HUND}.get(
            kind, _L_HUND
        )
        if kind == M100:
            self.cur = 100
        elif kind == M1000:
            self.total, self.cur, self.last = 1000, 0, _L_THOU

    def digits(self) -> str:
        return str(self.total + self.cur)

    def extend(self, p: _P, kind: int, v: int, nxt: _P | None) -> bool:
        """Try to add the next piece to this number; False means it starts a new number."""
        last, cur = self.last, self.cur
        if kind == UNIT:
            if v == 0:
                return False
            if last in (_L_TENS, _L_TEEN) and nxt is not None and nxt.kind == CONN_UT:
                return False  # "fünfzig, dreiundfünfzig": the unit opens the next number (50 53, not 53 50)
            if last == _L_HUND and nxt is not None and (
                    nxt.kind in (UNIT, M100) or (nxt.kind == GROUP and len(nxt.text) == 1)):
                # Digits read out after "900" ("nine hundred one two three"), or the next hundreds
                # ("seven hundred nine hundred"): 900 1 2 3 and 700 900, not 901 2 3 and 709 100.
                return False
            ok = (
                # "twenty six"; glued ("trentaquattro", "veinti6") in every language
                (last == _L_TENS and (self.takes_unit or p.sep is None) and cur % 10 == 0)
                or (last == _L_TEEN and self.takes_unit and cur % 10 == 0)
                or (last == _L_HUND and cur % 100 == 0)
                or (last == _L_THOU and cur == 0)
                or (last == _L_CTU and self.conn_after in (_L_TENS, _L_HUND))
            )
            if not ok:
                return False
            self.cur, self.last = cur + v, _L_UNIT
        elif kind == TEEN:
            ok = (
                (last == _L_TENS and self.takes_teen and cur % 10 == 0)
                or (last == _L_HUND and cur % 100 == 0)
                or (last == _L_THOU and cur == 0)
                or (last == _L_CTU and (self.conn_after == _L_HUND or self.takes_teen))
            )
            if not ok:
                return False
            self.cur, self.last = cur + v, _L_TEEN
            self.takes_unit = bool(p.entry and p.entry.takes_unit)
        elif kind in (TENS, COMP):
            ok = (
                (last == _L_HUND and cur % 100 == 0)
                or (last == _L_THOU and cur == 0)
                or (last == _L_CTU and self.conn_after == _L_HUND)
                or (last == _L_CUT and kind == TENS)
            )
            if not ok:
                return False
            self.cur = cur + v
            self.last = _L_TENS if kind == TENS and last != _L_CUT else _L_COMP
            self.takes_teen = bool(p.entry and p.entry.takes_teen)
            self.takes_unit = bool(p.entry and p.entry.takes_unit)
        elif kind == HUNDS:
            if not (last == _L_THOU and cur == 0):
                return False
            self.cur, self.last = v, _L_HUND
        elif kind == M100:
            if not (last in (_L_UNIT, _L_TEEN, _L_TENS, _L_COMP) and 1 <= cur <= 99):
                return False
            self.cur, self.last = cur * 100, _L_HUND
        elif kind == M1000:
            if not (self.total == 0 and 1 <= cur <= 999 and last not in (_L_CTU, _L_CUT)):
                return False
            self.total, self.cur, self.last = cur * 1000, 0, _L_THOU
        elif kind == CONN_TU:
            if nxt is None:
                return False
            nk = nxt.kind
            nv = int(nxt.text) if nk == GROUP and len(nxt.text) == 1 else nxt.value
            if nk == GROUP:
                nk = UNIT if len(nxt.text) == 1 else -1
            if last == _L_TENS:
                ok = (nk == UNIT and nv != 0) or (nk == TEEN and self.takes_teen)
            elif last == _L_HUND:
                ok = cur % 100 == 0 and (nk in (TEEN, TENS, COMP) or (nk == UNIT and nv != 0))
            else:
                ok = False
            if not ok:
                return False
            self.conn_after, self.last = last, _L_CTU
        elif kind == CONN_UT:
            if not (last == _L_UNIT and 1 <= cur % 100 <= 9 and nxt is not None and nxt.kind == TENS):
                return False
            self.last = _L_CUT
        else:
            return False
        self.end = p.end
        self.copy = False
        return True


_EXTENDS_UNIT = frozenset((M100, M1000, CONN_UT))  # what can follow a unit inside one number
_SOFT_SEP = " \t-"


def _ends_compound(merged: list[_P], text: str) -> bool:
    """Whether the last piece closes a hyphenated compound with tens before it ("quarante-quatre"): it
    cannot also open a two-word number ("quarante-quatre vingt" is 44 20, not 40 80)."""
    if len(merged) < 2 or merged[-2].kind not in (TENS, COMP):
        return False
    sep = merged[-1].sep
    return sep is not None and text[sep[0]:sep[1]] == "-"


def _hard_sep(p: _P, text: str) -> bool:
    """Whether punctuation other than spaces and hyphens stands before piece ``p``."""
    return p.sep is not None and text[p.sep[0]:p.sep[1]].strip(_SOFT_SEP) != ""
_DIGIT_STR = [str(d) for d in range(10)]


class _Out(NamedTuple):
    """One element of a converted stretch: digits (``digits`` None = copy the source) or a separator."""

    kind: str  # "p": digits, "s": separator between numbers, "t": text kept verbatim
    digits: str | None
    start: int
    end: int


def _phrases(pieces: Sequence[_P], lex: Lexicon, lang: str | None, text: str) -> list[_Out]:
    """Read a stretch of pieces as numbers; separators inside a number disappear.

    Only spaces and hyphens join words into one number: after a comma or any other punctuation a word
    starts a new one ("quarante-quatre, vingt" is 44 20, not 40 80; "douăzeci, șapte" is 20 7).
    """
    merged: list[_P] = []
    firsts = lex.pair_firsts
    for p in pieces:  # two-word numbers ("quatre vingt" = 80)
        if merged and p.entry is not None and merged[-1].text in firsts and merged[-1].entry is not None \
                and not _hard_sep(p, text) and not _ends_compound(merged, text):
            pair = lex.pair(merged[-1].text, p.text, lang)
            if pair is not None:
                prev = merged.pop()
                merged.append(
                    _P(prev.start, p.end, pair.kind, pair.value, prev.text + " " + p.text, pair, prev.sep)
                )
                continue
        merged.append(p)

    out: list[_Out] = []
    ph: _Phrase | None = None
    i = 0
    n = len(merged)
    while i < n:
        p = merged[i]
        nxt = merged[i + 1] if i + 1 < n else None
        kind, value = p.kind, p.value
        if kind == GROUP:
            if len(p.text) == 1:
                kind, value = UNIT, int(p.text)
            else:
                kind = -1
        if kind == REP:
            if ph is not None:
                out.append(_tnew(_Out, ("p", None if ph.copy else ph.digits(), ph.start, ph.end)))
                ph = None
            if p.sep is not None:
                out.append(_tnew(_Out, ("s", None, p.sep[0], p.sep[1])))
            if nxt is not None and single_digit(nxt):
                digit = nxt.text if nxt.kind == GROUP else str(nxt.value)
                out.append(_tnew(_Out, ("p", digit * p.value, p.start, nxt.end)))
                i += 2
            else:
                out.append(_tnew(_Out, ("t", None, p.start, p.end)))
                i += 1
            continue
        if ph is not None and kind >= 0 and not _hard_sep(p, text) and ph.extend(
                p, kind, value, nxt if nxt is None or not _hard_sep(nxt, text) else None):  # ", " ends a number
            i += 1
            continue
        if ph is not None:
            out.append(_tnew(_Out, ("p", None if ph.copy else ph.digits(), ph.start, ph.end)))
            ph = None
        if p.sep is not None:
            out.append(_tnew(_Out, ("s", None, p.sep[0], p.sep[1])))
        if kind == -1:
            out.append(_tnew(_Out, ("p", None, p.start, p.end)))
        elif kind == UNIT and (nxt is None or nxt.kind not in _EXTENDS_UNIT):
            # a digit said on its own, the common case: no phrase state needed
            out.append(_tnew(_Out, ("p", None if p.kind == GROUP else _DIGIT_STR[value], p.start, p.end)))
        elif kind in (CONN_TU, CONN_UT):
            out.append(_tnew(_Out, ("t", None, p.start, p.end)))
        else:
            ph = _Phrase(p, kind, value)
        i += 1
    if ph is not None:
        out.append(_tnew(_Out, ("p", None if ph.copy else ph.digits(), ph.start, ph.end)))
    return out


def _split_here(text: str, start: int, end: int, lg: int, rg: int, left_total: int, right_total: int,
                dashed: bool = False) -> bool:
    """Decide whether the separator ``text[start:end]`` separates two different numbers.

    Separators inside a number are dropped, but lists of phone numbers are common ("07700900123
    07700900456").  Keep the separator when the digit groups on both sides (``lg``, ``rg``) are
    phone-length on their own, when the digits read so far already make a full number (10+) and a long
    number follows, when punctuation with a space follows 11+ digits and comes before 3+ more
    ("07700900123 - 150"), when a spaced typographic dash follows 7+ digits ("202 555 0100 – 150"), or
    when "00" starts one after a figure set apart by a comma ("Wien, 1100, 0044 20 7946 0378") or after a
    lone group of four or five digits, a postcode ("Paris 75016 0033 1 99 00 16 75"), or
    when a ``+`` after a space or an opening bracket starts a new international number ("one (+44 20
    7946 0775)": the number word is not glued onto the country code).  Numbers up to 13 digits are
    therefore never split by ASCII separators, whatever the poster put inside them.  ``dashed``: the
    number's earlier groups were parted by spaced typographic dashes too, so one more is its layout ("zéro
    un – nonante-neuf – zéro zéro – huitante-quatre – vingt-sept").
    """
    if (lg >= 7 and rg >= 7) or (left_total >= 10 and right_total >= 7):
        return True
    if lg >= 2 and rg >= 2 and right_total >= (7 if text[end - 1] in "0(" or text.startswith("0", end) else 10) \
            and _SPACED_LIST_MARK_RE.fullmatch(text, start, end) is not None:
        # "10-22 | 020 7946 0720 | 020 7946 0721": a list's items, never one number's groups (a number
        # without its trunk "0" needs a whole one's digits after the mark: "90 60 90 · 170 55 · 36 38" are
        # measurements; digits spaced one by one are one number's, "0 0 4 4 • 2 0 • 7 9 4 6 • 0 1 3 9")
        return True
    if 3 <= left_total == lg <= 4 and rg >= 2 and right_total >= 9 and text.startswith("0", end) \
            and text[start - lg] != "0" and (start - lg == 0 or text[start - lg - 1] not in "+0123456789") \
            and any(c.isspace() for c in text[start:end]):
        # "£150 020 7946 0720", "Rates 150 / 020 7946 0720": a figure of three or four digits, then a number
        # dialled with its trunk "0", a space apart (never a country code: "+44 020 7946 0720" is one number;
        # nor a day and a month, "le 15/03, 01 99 ...")
        return True
    if left_total >= 11 and rg >= 3 and _SPACED_PUNCT_RE.search(text, start, end) is not None:
        return True  # "07700900123 - 150 GBP": punctuation and a space after a full number
    if left_total >= 7 and rg >= 2 and (left_total >= 10 or (rg <= 3 and not dashed)) \
            and _SPACED_DASH_RE.search(text, start, end) is not None:
        # "202 555 0100 – 150$": a typographic dash with spaces is punctuation; but a last group of four
        # after fewer than ten digits is the number's own ("+ 1 ( 702 ) 555 – 0164")
        return True
    if right_total >= 9 and left_total >= 3 and text.startswith("00", end) and not text.startswith("000", end) \
            and ("," in text[start:end] or 4 <= lg == left_total <= 5):
        # "Wien, 1100, 0044 20 7946 0378": after a listed figure, an international prefix; "Paris 75016 0033 1
        # 99 00 16 75": after a postcode
        return True
    if left_total >= 10 and right_total >= 8 and text[start:end] == "+":
        return True  # "+442079460123+33199001234": a "+" glued after a whole number starts the next
    if text.find("+", start, end) <= start:
        return False
    if _WS_PLUS_RE.search(text, start, end) is not None:
        return True
    # "(+44 ..." after other digits: a bracketed country code opens a new number when a full one follows.
    return right_total >= 7 and _BRACKET_PLUS_RE.search(text, start, end) is not None


def glued_layouts(lens: list[int]) -> list[list[int]] | None:
    """Group lengths of numbers written in one layout of two groups or more and glued end to start:
    [3, 3, 7, 3, 4] is [[3, 3, 4], [3, 3, 4]] ("212-555-0143212-555-0144", a page's line breaks lost),
    else None.  Each layout tried is the first groups and the start of the next: at most groups x digits."""
    total = sum(lens)
    for i in range(1, len(lens)):
        for k in range(1, lens[i]):
            layout = [*lens[:i], k]
            size = sum(layout)
            copies = total // size
            if copies < 2 or copies * size != total:
                continue
            glued = layout[:-1]
            for _ in range(copies - 1):
                glued += [layout[-1] + layout[0], *layout[1:-1]]
            glued.append(layout[-1])
            if glued == lens:
                return [layout] * copies
    return None


def _emit_digit_stretch(b: _Builder, text: str, start: int, end: int) -> None:
    """Fast path for a stretch made only of digit groups (long digit strings on hostile input)."""
    spans = [m.span() for m in _DIGITS_RE.finditer(text, start, end)]
    if not spans:
        return
    lens = [e - s for s, e in spans]
    right_total = sum(lens)
    if 14 <= right_total <= 60 and len(lens) <= 16 and (glued := glued_layouts(lens)) is not None \
            and 7 <= sum(glued[0]) <= 15:
        # "212-555-0143212-555-0144": numbers of one layout glued end to start (a page's line breaks lost)
        # share a group, where no separator can part them; the phone extractor cuts them apart
        b.copy_digits(spans[0][0], spans[-1][1])
        return
    left_total = 0
    part = spans[0][0]
    dashed = False
    for k in range(len(spans) - 1):
        lg, rg = lens[k], lens[k + 1]
        left_total += lg
        right_total -= lg
        gap_start, gap_end = spans[k][1], spans[k + 1][0]
        # "0044 20 7946 0123. 150": the "00" of an international prefix is not part of the number's length
        number_digits = left_total - 2 if text.startswith("00", part) else left_total
        if _split_here(text, gap_start, gap_end, lg, rg, number_digits, right_total, dashed):
            b.copy_digits(part, gap_start)
            b.copy(gap_start, gap_end)
            part = gap_end
            left_total = 0
            dashed = False
        elif _SPACED_DASH_RE.search(text, gap_start, gap_end) is not None:
            dashed = True
    b.copy_digits(part, spans[-1][1])


def _emit_stretch(b: _Builder, text: str, out: list[_Out]) -> None:
    """Write a converted stretch: digits, and only the separators that separate two numbers."""
    total = 0
    for o in out:
        if o.kind == "p":
            total += len(o.digits) if o.digits is not None else o.end - o.start
    n = len(out)
    consumed = left_total = left_group = 0
    dashed = False
    for i, o in enumerate(out):
        if o.kind == "p":
            if o.digits is None:
                b.copy(o.start, o.end)
                size = o.end - o.start
            else:
                b.emit(o.digits, o.start, o.end)
                size = len(o.digits)
            consumed += size
            left_total += size
            left_group += size
        elif o.kind == "t":
            b.copy(o.start, o.end)
            left_total = left_group = 0
            dashed = False
        else:
            right_group = 0
            j = i + 1
            while j < n and out[j].kind == "p":
                q = out[j]
                right_group += len(q.digits) if q.digits is not None else q.end - q.start
                j += 1
            if (
                (i > 0 and out[i - 1].kind == "t")
                or (j == i + 1 and j < n and out[j].kind == "t")
                or _split_here(text, o.start, o.end, left_group, right_group, left_total, total - consumed,
                               dashed)
            ):
                b.copy(o.start, o.end)
                left_total = 0
                dashed = False
            elif _SPACED_DASH_RE.search(text, o.start, o.end) is not None:
                dashed = True
            left_group = 0


def _emit_lead(b: _Builder, text: str, start: int, end: int, number: str) -> None:
    """Copy the separator before a number: drop glued decoration ("*219"), keep a leading '+'.

    An opening bracket glued to the number is dropped too when its closing bracket sits inside the
    number ("(202) 555-0100" -> "2025550100", "[9][0][4]" -> "904").
    """
    a, e = start, end
    closers: str | None = None  # the closing brackets inside the number, read once (a bracket run is long)
    while e > a:
        c = text[e - 1]
        if c not in _DECORATION:
            if c not in _CLOSER:
                break
            if closers is None:
                closers = "".join(ch for ch in ")]}" if ch in number)
            if _CLOSER[c] not in closers:
                break
        e -= 1
    plus = -1
    if e > a and text[e - 1] == "+":
        plus = e - 1
    elif e - 1 > a and text[e - 1] == " " and text[e - 2] == "+":
        plus = e - 2
    b.copy(a, plus + 1 if plus >= 0 else e)


def _trail_skip(text: str, end: int, number: str) -> int:
    """Position after closing brackets glued to the end of a number whose opener sits inside it."""
    pos = end
    n = len(text)
    openers: str | None = None  # the opening brackets inside the number, read once
    while pos < n and text[pos] in _OPENER:
        if openers is None:
            openers = "".join(ch for ch in "([{" if ch in number)
        if _OPENER[text[pos]] not in openers:
            break
        pos += 1
    return pos


def _stretch_pieces(stretch: list[_Seg], text: str) -> list[_P]:
    """Flatten the segments of a converted stretch into pieces with absolute offsets."""
    pieces: list[_P] = []
    for k, seg in enumerate(stretch):
        gap = seg.gap if k > 0 else None
        if seg.kind == _DIGB and not seg.pieces:
            ps = _digb_pieces(seg, text)
            if ps:
                ps[0] = ps[0]._replace(sep=gap)
            pieces.extend(ps)
            continue
        base = seg.start
        for j, rp in enumerate(seg.pieces):
            pieces.append(
                _tnew(
                    _P,
                    (
                        base + rp.start,
                        base + rp.end,
                        rp.kind,
                        rp.value,
                        rp.text,
                        rp.entry,
                        gap if j == 0 else None,
                    ),
                )
            )
    return pieces


_BANG_FOR_I = regex.compile(r"(?<=\p{Ll})!(?=\p{Ll})")


def _deobfuscate_folded(text: str, lang: str | None) -> NormalisedText:
    """Rewrite the numeric runs of already folded text (offsets relative to ``text``)."""
    lex = lexicon()
    source = text
    if "!" in text:
        # "n!ne", "f!ve", "d!x-hu!t": "!" for "i" inside a word; read as the letter, copied as written
        text = _BANG_FOR_I.sub("i", text)
    segs = _tokenise(text, lang)
    if "\n" in text or "\r" in text or "\u2028" in text:
        segs = _join_lines(segs, text)
    if "|" in text:
        segs = _merge_pipes(segs, text)
    decided = [(run, _decide(run, text, lang)) for raw in _runs(segs, text) for run in _validate(raw, text)]
    _announced_groups(decided, text, lang)
    stretches: list[list[_Seg]] = []
    for run, _ in decided:
        cur: list[_Seg] = []
        for seg in run:
            if seg.on:
                cur.append(seg)
            elif cur:
                stretches.append(cur)
                cur = []
        if cur:
            stretches.append(cur)
    stretches.sort(key=lambda s: s[0].start)

    b = _Builder(source)
    pos = 0
    for stretch in stretches:
        first, last = stretch[0], stretch[-1]
        number = text[first.start : last.end]
        lead = first.lead
        if lead is not None and lead[1] == first.start and lead[1] >= pos:
            start = max(pos, lead[0])
            b.copy(pos, start)
            _emit_lead(b, text, start, lead[1], number)
        else:
            b.copy(pos, first.start)
        if all(seg.kind == _DIGB for seg in stretch):
            _emit_digit_stretch(b, text, first.start, last.end)
        else:
            _emit_stretch(b, text, _phrases(_stretch_pieces(stretch, text), lex, lang, text))
        pos = _trail_skip(text, last.end, number)
    b.copy(pos, len(text))
    return b.build()


def deobfuscate_digits(text: str, lang: str | None = None) -> NormalisedText:
    """Rewrite obfuscated numbers in ``text`` as plain digits, keeping an exact offset map.

    Runs :func:`fold_text`, then rewrites numeric runs: number words (en, fr, es, de, it, nl, pt, ro, pl
    and whatever ``number_words.yaml`` adds), letter-for-digit substitutes, separators between digits.
    See the module docstring for when a word counts as a number.  Non-numeric text is left as folded.

    Args:
        text: any string.
        lang: ISO 639-1 code of the ad's language, if known.  It only decides which language wins when a
            word means different things; every language is always tried because ads mix languages.

    Returns:
        The rewritten text; ``starts``/``ends`` give, for each output character, the original characters
        it was read from (a number word maps to all its letters, "double five" maps both 5s to the whole
        phrase).
    """
    return _deobfuscate_from_folded(text, fold_text(text), _norm_lang(lang))


def _deobfuscate_from_folded(text: str, folded: NormalisedText, code: str | None) -> NormalisedText:
    """The rest of :func:`deobfuscate_digits`, given ``fold_text(text)`` and the normalised language code."""
    try:
        inner = _deobfuscate_folded(folded.text, code)
    except Exception:  # pragma: no cover - defensive: one bad ad must not stop a corpus run
        if RAISE_INTERNAL_ERRORS:
            raise
        _log.exception("deobfuscate_digits failed; returning the folded text")
        return folded
    if inner.text == text and folded.text == text:
        return NormalisedText.identity(text)  # nothing changed: the common case for text without numbers
    return compose(inner, folded)


_ALNUM_TOKEN_RE = regex.compile(r"[\p{L}\p{M}0-9]++")


def _has_number_token(folded: str, lang: str | None) -> bool:
    """True if some alphanumeric token with a letter could become digits (number word, substitute, leet)."""
    plain = _PLAIN_WORDS.get(lang)
    if plain is None or len(plain) > _PLAIN_WORDS_MAX:
        plain = _PLAIN_WORDS[lang] = set()
    for token in set(_ALNUM_TOKEN_RE.findall(folded)).difference(plain):
        if len(token) > MAX_SEGMENT_CHARS or token.isdigit():
            continue  # skipped by the tokeniser / plain digits, counted by the caller
        tpls = _analyse_token(token, lang)
        if len(tpls) == 1 and tpls[0].kind == _WORD:
            plain.add(token)
            continue
        return True
    return False


def deobfuscate_digits_if(text: str, lang: str | None, min_digits: int) -> NormalisedText | None:
    """:func:`deobfuscate_digits`, or None when its output certainly holds fewer than ``min_digits`` digits.

    Without a token that can become digits (a number word, a letter substitute, a leet spelling), the
    de-obfuscated text holds no more ASCII digits than the folded text; counting those is far cheaper than
    de-obfuscating, and most fields (titles, web addresses) have none or few.  The check is exact: when
    this returns None, ``deobfuscate_digits(text, lang)`` has fewer than ``min_digits`` ASCII digits.
    """
    folded = folded_text(text)
    ftext = folded.text
    code = _norm_lang(lang)
    if sum(map(ftext.count, "0123456789")) < min_digits:
        try:
            if not _has_number_token(ftext, code):
                return None
        except Exception:  # pragma: no cover - defensive: fall through to the guarded full path
            if RAISE_INTERNAL_ERRORS:
                raise
    if _SPAN_RE.fullmatch(text):
        return NormalisedText.identity(text)  # "02079460946", "+442079460454": nothing to rewrite
    return _deobfuscate_from_folded(text, folded, code)


_SPAN_RE = regex.compile(r"\+?[0-9]+")
_ORDINARY = frozenset("0123456789 .-/()+\t")


@functools.lru_cache(maxsize=1024)
def _is_ordinary(ch: str) -> bool:
    """ASCII digits, plain phone punctuation and Unicode spaces (typography, not obfuscation)."""
    return ch in _ORDINARY or unicodedata.category(ch) == "Zs"


def digit_spans(nt: NormalisedText) -> list[tuple[int, int, bool]]:
    """Return the digit runs of a de-obfuscated text as ``(start, end, obfuscated)``.

    Spans are maximal runs of ASCII digits in ``nt.text`` with an optional leading ``+``.  ``obfuscated``
    is True when the original text behind the run holds anything but ASCII digits and ordinary phone
    punctuation (spaces, ``. - / ( ) +``): a number word, a letter for a digit, an emoji or non-ASCII
    digit, an invisible character or unusual separators such as ``* ~ [ ] |``.  Whether a number was
    hidden is itself an indicator in trafficking research, so it is reported rather than discarded.
    """
    spans: list[tuple[int, int, bool]] = []
    text = nt.text
    original = nt.original
    for m in _SPAN_RE.finditer(text):
        s, e = m.span()
        a, z = nt.starts[s], nt.ends[e - 1]
        chunk = original[a:z]
        spans.append((s, e, not written_plainly(chunk)))
    return spans


def written_plainly(chunk: str) -> bool:
    """Whether ``chunk`` (original text behind digits) holds only ASCII digits and ordinary phone punctuation,
    and not one digit at a time: "2 1 2 5 5 5 0 1 3 2", "0 2 0 . 7 9 4 6 . 0 5 5 5" are split apart to slip
    past filters (no country groups a number's digits one by one; "+1 212 ...", "+33 1 99 ..." hold one lone
    digit)."""
    if not (_ORDINARY.issuperset(chunk) or all(map(_is_ordinary, chunk))):
        return False
    return len(chunk) < 2 * _MIN_LONE_DIGITS or len(_LONE_DIGIT.findall(chunk)) < _MIN_LONE_DIGITS


_MIN_LONE_DIGITS = 5
_LONE_DIGIT = re.compile(r"(?<![0-9])[0-9](?![0-9])")
