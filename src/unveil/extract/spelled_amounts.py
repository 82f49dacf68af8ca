"""Amounts written in words before a currency: "two hundred roses", "deux cents euros", "Dwieście złotych".

Posters spell a rate out to slip past filters that look for digits, the way they spell phone numbers.  The
words come from the de-obfuscator's number lexicon (nine languages and more, glued forms such as
"zweihundert" included); this module only adds them up.  An amount is read only right before a currency
word (the price extractor looks there), so prose such as "two hundred photos" or "one hundred percent" is
never read.

The sum follows the grammar every one of these languages shares: each word adds a smaller part than the one
before ("two hundred fifty": 200, then 50), a hundred multiplies the units before it ("deux cents") and a
thousand closes a group ("mil e quinhentos": 1000 + 500).  Words in another order ("fifty two hundred") are
no amount: the reading is refused rather than guessed.
"""

from __future__ import annotations

from unveil.normalise.numwords import CONN_TU, CONN_UT, HUNDS, M100, M1000, TEEN, UNIT, Entry, key_of, lexicon

#: Longest run of words read before a currency ("two thousand five hundred and fifty": six).
MAX_WORDS = 8
_MAX_WORD_CHARS = 30
#: Articles that stand for "one" before a hundred or a thousand, where the lexicon has no number word for
#: them: "a hundred and fifty pounds", "o mie de lei" (alone they are prose, or "o" for zero).
_ARTICLES = frozenset({"a", "an", "o", "um", "uma", "un", "une", "ein", "eine", "een"})
_GAP = " -\u00a0"


def amount_before(text: str, end: int) -> tuple[int, int] | None:
    """``(start, value)`` of the amount written in words that ends at ``end``, if one does."""
    spans: list[tuple[int, int]] = []
    i = end
    while len(spans) < MAX_WORDS:
        j = i
        while j > 0 and text[j - 1].isalpha() and i - j < _MAX_WORD_CHARS:
            j -= 1
        if j == i or (j > 0 and text[j - 1].isalnum()):
            break
        if _pieces(text[j:i]) is None:
            break
        spans.append((j, i))
        k = j
        while k > 0 and text[k - 1] in _GAP and j - k < 2:
            k -= 1
        if k == j:
            break
        i = k
    spans.reverse()
    # The whole run or nothing: "fifty two hundred euros" is no 200 euros.  A leading "and" or an article
    # before no multiplier ("the one", "a two-hour") is prose before the amount.
    while spans:
        first = _pieces(text[spans[0][0] : spans[0][1]]) or ()
        if first and (first[0][0] in (CONN_TU, CONN_UT) or (first[0][1] == -1 and len(spans) > 1 and (
                _pieces(text[spans[1][0] : spans[1][1]]) or ((0, 0, None),))[0][0] not in (M100, M1000))):
            spans = spans[1:]
            continue
        break
    if not spans:
        return None
    value = _value([p for a, b in spans for p in _pieces(text[a:b]) or ()])
    return (spans[0][0], value) if value is not None else None


_Piece = tuple[int, int, Entry | None]  # kind, value, lexicon entry


def _pieces(word: str) -> tuple[_Piece, ...] | None:
    key = key_of(word)
    pieces = lexicon().segment(key)
    if pieces is None or any(p.entry is None or p.entry.sub or p.entry.leet for p in pieces):
        if key in _ARTICLES:
            return ((UNIT, -1, None),)  # one, if a hundred or a thousand follows
        return None  # digits, "o" for zero, "f1ve": no word of an amount
    return tuple((p.kind, p.value, p.entry) for p in pieces)


def _value(pieces: list[_Piece]) -> int | None:
    """The sum of a run of number words, or None when they do not read as one amount."""
    if not pieces or pieces[0][0] in (CONN_TU, CONN_UT) or pieces[-1][0] in (CONN_TU, CONN_UT):
        return None
    total = 0
    group = 0  # the part below a thousand
    place = 1000  # each added part must be smaller than this
    prev: _Piece | None = None
    teen_next = False  # a ten may follow as a teen: "soixante-dix", "quatre-vingt-dix"
    for k, (kind, value, entry) in enumerate(pieces):
        nxt = pieces[k + 1][0] if k + 1 < len(pieces) else None
        if value == -1:  # an article
            if nxt not in (M100, M1000) or group:
                return None
            value = 1
        if kind in (CONN_TU, CONN_UT):
            if prev is None or prev[0] in (CONN_TU, CONN_UT):
                return None
        elif kind == M100:
            if group >= 10:
                return None  # "fifty hundred"
            group = (group or 1) * 100
            place = 100
        elif kind == M1000:
            if group >= 1000 or total:
                return None
            total = (group or 1) * 1000
            group, place = 0, 1000
        else:
            magnitude = 100 if kind == HUNDS else 1 if kind == UNIT else 10
            if kind == UNIT and value == 0:
                return None  # "zero", "nul": no amount
            if prev is not None and prev[0] == CONN_UT and magnitude == 10 and place == 1:
                group += value  # "fünfundzwanzig", "vijfentwintig": the unit is said first
            elif kind == TEEN and place == 10 and (teen_next or (
                    prev is not None and prev[2] is not None and prev[2].takes_teen)):
                group += value  # "soixante-dix": sixty and ten
                place = 1
            elif prev is not None and prev[0] == UNIT and prev[1] == 4 and value == 20 and magnitude == 10 \
                    and place == 1 and prev[2] is not None and prev[2].lang == "fr":
                group += 76  # "quatre-vingts": four twenties
                place = 10
                teen_next = True
                prev = (kind, value, entry)
                continue
            elif magnitude >= place:
                return None
            else:
                group += value
                place = magnitude
        prev = (kind, value, entry)
        teen_next = False
    return total + group or None
