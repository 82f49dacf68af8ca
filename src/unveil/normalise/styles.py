"""Letters and digits written in Unicode "fonts" and decorations, read as the plain ones, with offsets kept.

Posters style names, ages, prices and towns with the output of "fancy text" generators, partly for looks
and partly because filters read only plain text: mathematical bold, script, fraktur or monospace letters
and digits ("𝐌𝐢𝐚, 𝟐𝟒"), full-width forms ("Ｂｏｓｔｏｎ"), circled, squared and parenthesised letters
("Ⓜⓘⓐ", "🅼🅸🅰", "⒨⒤⒜"), small capitals and superscript letters ("ᴍɪᴀ", "ᵐⁱᵃ"), regional indicator letters
spaced apart ("🇭 🇴 🇱 🇱 🇾"), keycap digits ("2️⃣3️⃣"), underline, strike-through and "zalgo" marks
("C̲i̲a̲r̲a̲"), accents typed as separate marks over a styled letter ("𝐋𝐞́𝐚"), a symbol between every
letter ("B★e★l★l★a"), Cyrillic or Greek look-alike letters inside a Latin word ("Dеniѕa"), invisible
characters inside a word ("Mi\\u200ba") and capitals spaced apart ("C H L O É").  Extraction reads the text
with each of these replaced by what it stands for; entities are mapped back, so their offsets and evidence
are those of the field as stored.

Styles that have a single case (small capitals, superscript, parenthesised and regional indicator
letters) read as capitals, as they look: "ᴍɪᴀ" is "MIA", which the name reader title-cases.

Left as written, on purpose:

* Whole Cyrillic and Greek words, which are text in their own languages.
* Two regional indicator letters side by side: a flag, which the phone extractor reads as a country mark.
* A superscript or subscript digit alone ("m²", "x₂"): units and indices far more often than styling.
* Full-width punctuation ("＠", "．"; not the hyphen and underscore, which join names) and a circled "a"
  standing alone, which is an "@": the contact extractors read those themselves.
* Anything whose compatibility form is more than one character ("№", "™", "⑩") and the ordinal
  indicators "º" and "ª" ("1º andar").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unveil.normalise.deobfuscate import CIRCLED_A, HOMOGLYPHS, stands_for_at
from unveil.normalise.offsets import NormalisedBuilder, NormalisedText, compose

__all__ = ["plain_styles"]

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Characters that may stand for a plain letter or digit (the exact answer is per character, below).
_STYLED_CHARS = (
    "\U0001d400-\U0001d7ff"  # mathematical alphanumeric symbols
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000"  # full-width letters and digits, ideographic space
    "\uff0d\uff3f"  # full-width hyphen and underscore, inside names and addresses ("ｌｏｌａ－ｌｏｎｄｏｎ")
    "\uff04\uff05\uff0f\uff5e\uffe1\uffe5"  # full-width "$", "%", "/", "~", "£", "¥" of prices ("１５０＄／ｈｒ")
    "\u2100-\u214f"  # letterlike symbols: the double-struck, script and fraktur letters missing above
    "\u2460-\u24ff\u2776-\u2793"  # circled and parenthesised digits and letters, dingbat digits
    "\u3251-\u325f\u32b1-\u32bf"  # circled numbers 21 to 50 ("㉔")
    "\U0001f100-\U0001f10c\U0001f110-\U0001f189"  # digits with a full stop or comma, parenthesised, squared ...
    "\u1d00-\u1d6a\u0262\u026a\u0274\u0280\u028f\u0299\u029c\u029f\ua730\ua731"  # small capitals, modifiers
    "\u2071\u207f\u2090-\u209c"  # superscript and subscript letters
)
# superscript and subscript digits, read in runs of two or more ("²⁵", "₂₅ years"): one alone is a unit or an index
_SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089"
_REGIONAL = "\U0001f1e6-\U0001f1ff"
_LOOKALIKES = "".join(c for c in HOMOGLYPHS if "\u0370" <= c <= "\u058f")
_LATIN = "A-Za-z\u00c0-\u024f"
# zero-width space, joiners, word joiner, soft hyphen, left-to-right and right-to-left marks, invisible
# operators and the text and emoji variation selectors, which posters set inside words and numbers ("Lu\ufe0fna")
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200c\u200d\u200e\u200f\u2061-\u2064\ufe0e\ufe0f"
# Marks of an address, which posters decorate like its letters ("w̲w̲w̲.̲s̲o̲f̲i̲a̲", "www.\u00adgiulia")
_ADDRESS_MARKS = frozenset("._-@/:+")
# A symbol set between every letter ("B★e★l★l★a", "m♡i♡a", "l•e•a"): emoji, dingbats, stars, bullets.
_SYMBOL = "[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u25a0-\u25ff\u00b7\u2022\u2219\u22c5\u30fb]"
_ITEM = r"[\w.\-@/:+]"  # a letter, digit or address mark between the symbols

_BETWEEN_PATTERN = rf"(?P<between>(?P<symbol>{_SYMBOL}(?<={_ITEM}.)\ufe0f?){_ITEM}(?:(?P=symbol){_ITEM})+)"

# Every alternative starts with a character of ``_CANDIDATE``; it is matched only where one is found (an
# alternation whose branches share no first character would be tried at every position of every field).
# Possessive runs and run-start tests keep a megabyte of any one linear.
_STYLED = re.compile(
    rf"(?P<keycap>\u20e3)"
    rf"|(?P<regional>[{_REGIONAL}](?:[ \u200b\u200c\u2060\ufeff][{_REGIONAL}]){{2,}})"
    rf"|(?P<superscript>[{_SUPERSCRIPT_DIGITS}]{{2,}})"
    rf"|(?P<styled>[{_STYLED_CHARS}])[\ufe0e\ufe0f]?(?P<accents>[{_MARKS}]*)"
    rf"|(?P<digit>[^\D0-9])[{_MARKS}]*"
    rf"|(?P<marks>[{_MARKS}]+)"
    rf"|(?P<lookalike>[{_LOOKALIKES}](?<![{_LOOKALIKES}][{_LOOKALIKES}])"
    rf"(?:(?<=[{_LATIN}].)[{_LOOKALIKES}]*+|[{_LOOKALIKES}]*+(?=[{_LATIN}])))"
    rf"|{_BETWEEN_PATTERN}"
    rf"|(?P<invisible>[{_INVISIBLE}]++)"
)


def _other_decimal_digits() -> str:
    """Every decimal digit that is not ASCII, as character-class ranges (each script's ten in a row)."""
    zeros = [z for z in range(0x80, 0x20000) if unicodedata.decimal(chr(z), None) == 0]
    return "".join(f"{chr(z)}-{chr(z + 9)}" for z in zeros)


_CANDIDATE = re.compile(
    rf"[\u20e3{_REGIONAL}{_SUPERSCRIPT_DIGITS}{_STYLED_CHARS}{_MARKS}{_LOOKALIKES}{_INVISIBLE}"
    rf"{_SYMBOL[1:-1]}{_other_decimal_digits()}]"
)
_NAMED_LETTER = re.compile(
    r"(?:(?:NEGATIVE )?(?:CIRCLED|SQUARED)|PARENTHESIZED) LATIN (CAPITAL|SMALL) LETTER ([A-Z])"
    r"|LATIN LETTER SMALL CAPITAL ([A-Z])"
    r"|MODIFIER LETTER SMALL ([A-Z])|SUPERSCRIPT LATIN SMALL LETTER ([A-Z])"
)
_NAMED_DIGIT = re.compile(r"(?:DINGBAT )?(?:NEGATIVE )?CIRCLED (?:SANS-SERIF )?DIGIT (ZERO|ONE|TWO|THREE|FOUR|FIVE|"
                          r"SIX|SEVEN|EIGHT|NINE)")
_ROMAN = re.compile(r"ROMAN|FRACTION|VULGAR")
_DIGIT_NAMES = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")
_SUPERSCRIPT_VALUES = {
    c: str(unicodedata.digit(c)) for c in "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"
}


def plain_styles(text: str) -> NormalisedText | None:
    """``text`` with styled letters and digits read as plain ones, or None when it has none.

    Each styled character becomes at most one plain character (with the marks and separators that
    decorate it), save the circled numbers from 10 to 50, which become their two digits; linear time on
    any input.
    """
    styled = _plain_characters(text)
    spaced = _joined_capitals(text if styled is None else styled.text)
    if spaced is None:
        return styled
    return spaced if styled is None else compose(spaced, styled)


# Capitals spaced apart, "C H L O É", "D A L L A S", "N E W  I N  T O W N": three or more, one space
# between each (two spaces part words), read as the word.  Only capitals: spaced lower-case letters are
# how addresses are hidden ("s a n n e . r o t t e"), which the contact extractors read themselves.
_SPACED_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ](?: [A-ZÀ-ÖØ-Þ]){2,}(?![^\W_])")  # the start is tested apart


_SPACED_ADDRESS_MARKS = frozenset(".@0123456789")


def _joined_capitals(text: str) -> NormalisedText | None:
    m = _SPACED_CAPITALS.search(text)
    if m is None:
        return None
    out: NormalisedBuilder | None = None
    pos = 0
    while m is not None:
        start, end = m.span()
        after, before = text[end + 1:end + 2], text[start - 2:start - 1] if start >= 2 else ""
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) \
                or after in _SPACED_ADDRESS_MARKS or before in _SPACED_ADDRESS_MARKS:
            m = _SPACED_CAPITALS.search(text, end)
            continue  # inside a word, or part of a spaced-out address or number ("I V Y . D A L L A 2 5 @ ...")
        if out is None:
            out = NormalisedBuilder(text)
        out.copy(pos, start)
        for i in range(start, end, 2):
            out.emit(text[i], i, i + 1)
        pos = end
        m = _SPACED_CAPITALS.search(text, end)
    if out is None:
        return None
    out.copy(pos, len(text))
    return out.build()


def _plain_characters(text: str) -> NormalisedText | None:
    """:func:`plain_styles` for single characters (everything but spaced capitals)."""
    if text.isascii():
        return None
    found = _candidates(text)
    if found == _NONE or (found == _SYMBOLS_ONLY and _BETWEEN.search(text) is None):
        return None
    out: NormalisedBuilder | None = None
    pos = 0  # end of the text read so far
    c = _CANDIDATE.search(text)
    while c is not None:
        m = _STYLED.match(text, c.start())
        if m is None:
            c = _CANDIDATE.search(text, c.start() + 1)
            continue
        end = m.end()
        c = _CANDIDATE.search(text, end)
        pieces = _READERS[m.lastgroup or ""](text, m)  # the last group closed names the alternative
        if not pieces or pieces[0][1] < pos:
            continue  # kept as written, or marks over a character already read
        if out is None:
            out = NormalisedBuilder(text)
        out.copy(pos, pieces[0][1])
        for plain, a, b in pieces:
            out.emit(plain, a, b)  # nothing for "" (dropped); gaps between pieces are dropped too
        pos = end
    if out is None:
        return None
    out.copy(pos, len(text))
    return out.build()


_BETWEEN = re.compile(_BETWEEN_PATTERN)
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_SYMBOL_CHAR = re.compile(_SYMBOL)
_STYLED_CHAR = re.compile(f"[{_STYLED_CHARS}]")
_NONE, _SYMBOLS_ONLY, _STYLED_FOUND = 0, 1, 2
# Non-ASCII characters seen before, by what they may start: most fields hold only emoji, accented letters
# and a few symbols, and testing them against these sets is a few set operations in C, where searching for
# the candidates with one large character class costs several times more on every field.
_KNOWN_PLAIN: set[str] = set()
_KNOWN_SYMBOLS: set[str] = set()
_KNOWN_MAX = 100_000


def _candidates(text: str) -> int:
    """``_STYLED_FOUND`` if ``text`` may hold a styled piece, ``_SYMBOLS_ONLY`` if only symbols, else ``_NONE``."""
    others = _ASCII_RUN.sub("", text)
    if _KNOWN_PLAIN.issuperset(others):
        return _NONE
    found = _NONE
    for c in set(others).difference(_KNOWN_PLAIN):
        if c in _KNOWN_SYMBOLS:
            found = _SYMBOLS_ONLY
        elif _STYLED_CHAR.match(c) is not None:
            return _STYLED_FOUND  # before the symbols: the dingbat digits "❷❼" are both
        elif _SYMBOL_CHAR.match(c) is not None:
            found = _SYMBOLS_ONLY
            if len(_KNOWN_SYMBOLS) < _KNOWN_MAX:
                _KNOWN_SYMBOLS.add(c)
        elif _CANDIDATE.match(c) is not None:
            return _STYLED_FOUND
        elif len(_KNOWN_PLAIN) < _KNOWN_MAX:
            _KNOWN_PLAIN.add(c)
    return found


_Pieces = list[tuple[str, int, int]] | None


def _keycap(text: str, m: re.Match[str]) -> _Pieces:
    start = m.start()
    digit = start - 1 if start < 2 or text[start - 1] != "\ufe0f" else start - 2  # "7\u20e3", "7\ufe0f\u20e3"
    if digit < 0 or not "0" <= text[digit] <= "9":
        return None
    return [(text[digit], digit, m.end())]


def _regional(text: str, m: re.Match[str]) -> _Pieces:
    # "🇭 🇴 🇱 🇱 🇾": each letter with the separator after it, so the word reads "HOLLY".
    start, end = m.span()
    out = []
    i = start
    while i < end:
        j = i + 1 if i + 1 >= end or text[i + 1] in _REGIONAL_CHARS else i + 2
        out.append((chr(ord(text[i]) - 0x1F1E6 + ord("A")), i, min(j, end)))
        i = j
    return out


_REGIONAL_CHARS = frozenset(chr(c) for c in range(0x1F1E6, 0x1F200))


def _superscript(text: str, m: re.Match[str]) -> _Pieces:
    return [(_SUPERSCRIPT_VALUES[c], m.start() + k, m.start() + k + 1) for k, c in enumerate(m.group())]


def _styled(text: str, m: re.Match[str]) -> _Pieces:
    start, end = m.span()
    c = m.group("styled")
    if c in CIRCLED_A and stands_for_at(text, start, start + 1):
        return None  # a circled "a" alone is an "@" ("lena.k ⓐ gmail.com"), read by the contact extractors
    plain = _plain_char(c)
    if plain is None:
        return None
    accents = m.group("accents")
    return [(_with_marks(plain, accents) if accents else plain, start, end)]


def _digit(text: str, m: re.Match[str]) -> _Pieces:
    return [(str(unicodedata.decimal(text[m.start()])), m.start(), m.end())]


def _marks(text: str, m: re.Match[str]) -> _Pieces:
    # Marks over a plain letter or digit: an accent typed apart ("Le\u0301a") is composed; underline,
    # strike-through and "zalgo" marks, which compose with nothing, are dropped ("C̲i̲a̲r̲a̲").
    start, end = m.span()
    base = text[start - 1] if start > 0 else ""
    if base in _ADDRESS_MARKS:
        return [(base, start - 1, end)]  # "l̶e̶x̶i̶_̶v̶i̶p̶": the marks of an address's "_" or "." are dropped
    if not (base.isalnum() and base <= "\u024f"):
        return None  # a Latin letter or digit only ("O̲c̲é̲a̲n̲e̲"): other scripts' marks are part of their letters
    return [(_with_marks(base, m.group()), start - 1, end)]


def _lookalike(text: str, m: re.Match[str]) -> _Pieces:
    start = m.start()
    return [(HOMOGLYPHS[c], start + k, start + k + 1) for k, c in enumerate(m.group())]


def _between(text: str, m: re.Match[str]) -> _Pieces:
    # "B★e★l★l★a": every other character is the same symbol; keep the others ("Bella").
    start, end = m.span()
    step = len(m.group("symbol")) + 1
    first = [("", start, start + step - 1)]  # the symbol after the first letter (kept before the match)
    return first + [(text[i], i, i + 1) for i in range(start + step - 1, end, step)]


def _invisible(text: str, m: re.Match[str]) -> _Pieces:
    start = m.start()
    end = m.end()
    if start == 0 or not _word_or_address(text[start - 1]):
        return None  # only inside a word or an address ("Mi\u200ba", "www.\u00adgiulia")
    # ... or a variation selector after a word's last letter or digit, where it only disturbs ("Lu\ufe0fna\ufe0f",
    # "1\ufe0f5\ufe0f0\ufe0f €"), not a keycap's
    if (end == len(text) or not _word_or_address(text[end])) and not (
            text[start - 1].isalnum() and ("\ufe0f" in m.group() or "\ufe0e" in m.group())
            and not text.startswith("\u20e3", end)):
        return None
    return [("", start, end)]  # an empty piece: dropped


def _word_or_address(c: str) -> bool:
    return c.isalnum() or c in _ADDRESS_MARKS


_READERS = {"keycap": _keycap, "regional": _regional, "superscript": _superscript, "accents": _styled,
            "digit": _digit, "marks": _marks, "lookalike": _lookalike, "between": _between,
            "invisible": _invisible}


@functools.lru_cache(maxsize=4096)
def _with_marks(plain: str, marks: str) -> str:
    """``plain`` with the marks that compose with it ("e" + acute is "é"); other marks dropped."""
    if not plain.isalpha():
        return plain  # digits carry no accents
    composed = unicodedata.normalize("NFC", plain + marks)
    kept = "".join(ch for ch in composed if not unicodedata.combining(ch))
    return kept if len(kept) == 1 else plain


_FULL_WIDTH_JOINERS = {"\uff0d": "-", "\uff3f": "_", "\uff04": "$", "\uff05": "%", "\uff0f": "/", "\uff5e": "~",
                       "\uffe1": "£", "\uffe5": "¥"}


@functools.lru_cache(maxsize=4096)
def _plain_char(c: str) -> str | None:
    """The plain letter or digit ``c`` is styled from, or None to keep it as written."""
    if c == "\u3000":
        return " "
    if c in _FULL_WIDTH_JOINERS:
        return _FULL_WIDTH_JOINERS[c]
    name = unicodedata.name(c, "")
    if ("SUPERSCRIPT" in name or "SUBSCRIPT" in name) and unicodedata.category(c)[0] == "N":
        return None  # "m²", "x₂": units and indices (a run of two or more is read above)
    decimal = unicodedata.decimal(c, None)
    if decimal is not None:
        return str(decimal)
    digit = _NAMED_DIGIT.fullmatch(name)
    if digit is not None:
        return str(_DIGIT_NAMES.index(digit.group(1)))
    letter = _NAMED_LETTER.fullmatch(name)
    if letter is not None:
        single_case = letter.group(3) or letter.group(4) or letter.group(5)
        if single_case:
            return single_case  # small capitals, superscript letters: read as capitals ("ᴍɪᴀ" is "MIA")
        if name.startswith("PARENTHESIZED"):
            return letter.group(2)  # "⒨⒜⒭⒤⒜" has no capitals either
        return letter.group(2) if letter.group(1) == "CAPITAL" else letter.group(2).lower()
    if unicodedata.category(c)[0] == "N":
        d = unicodedata.digit(c, None)  # circled and dingbat digits ("①", "❶")
        if d is not None:
            return str(d)
        # circled and parenthesised numbers from 10 to 50 ("⑩", "⑵", "㉔"): their two digits, the one case
        # where a character becomes two ("Anna ㉔ ans"); fractions and Roman numerals stay as written
        n = unicodedata.numeric(c, -1)
        return str(int(n)) if 10 <= n <= 50 and n == int(n) and not _ROMAN.search(name) else None
    norm = unicodedata.normalize("NFKC", c)
    if len(norm) == 1 and norm.isascii() and norm.isalnum() and norm != c:
        return norm
    return None
