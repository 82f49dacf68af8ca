"""Prices and rates: "150 GBP/hour", "£150 1hr", "100€ 30 min", "30min: 100, 1h: 180", "200 roses".

A price is an amount with a currency marker ("£150", "100 euros", "CHF 300", "200 roses"), or a bare
amount that the text clearly states as a rate: tied to a duration ("150/h", "half hour 80",
"1h: 180", "150hh", "200 hr", "1500 overnight") or after a price label ("Rates: 150").  A bare amount
takes the currency of the ad's country (``AdContext.country``); with no country its currency stays
unknown (``None``), and a labelled amount without a duration is then dropped.

Durations bind to amounts in this order: a duration after an explicit connector ("per hour",
"la demi-heure", "/30min", "150ph") first; else a free duration right before the amount ("1h 200€",
"30min: 100"); else a free duration right after it ("£150 1hr", "100€ 30 min").  Each duration serves
one amount, so "£150 1hr, £250 2hrs" and "30min 100€ 1h 180€" both pair up correctly.

Never prices: numbers inside phone-like digit runs (seven digits or more across single separators),
times ("22:00"), dates, percentages, ages and measures ("25 years", "160 cm"), years ("2024") and
numbers of a duration itself ("24h", "24/7", "open 7 days" have no amount).

Value: ``"150 GBP/60min"``, ``"100 EUR"`` without a duration, ``"500 EUR/night"`` for a night,
``"150/60min"`` when the currency is unknown.  The span runs from the first to the last part read
(currency, amount, duration), so "1h 200€" and "100 euros la demi-heure" are whole.

Everything is found with regular expressions made of literal alternatives and bounded repeats (linear on
any input) plus constant-size look-arounds per number.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from unveil.extract.base import AdContext
from unveil.extract.cities import Words, fold, load_attribute_data, words
from unveil.extract.literals import literal_alternation
from unveil.extract.spans import alnum_around
from unveil.extract.spelled_amounts import amount_before
from unveil.normalise.lookalike_digits import read_lookalike_digits
from unveil.types import Entity

__all__ = ["PriceExtractor", "find_prices"]

_SP = r"[ \t\u00a0]"
# "1h: 150", "30 min - 100", "1h = 150", "30 Min. 110€", "(4h) 800€", "1 hour | 210$"
# "30 min → 200 lei", "1hr/$350", "1h (150€)", "➡️", "Extra hour +150€", markdown's "30 min: **£120**"
_LEFT_GAP = frozenset(" \t\u00a0:=-–—>.)(|/→➜➡⇒\ufe0f+*👉")  # "1 hour 👉 £150": a pointing hand is an arrow
_RIGHT_GAP = frozenset(" \t\u00a0-–(*")  # "£150 1hr", "150€ (1h)", "**£150** 1hr"
_RUN_GAP = frozenset(" .-/()")  # separators inside phone numbers and dates
PHONE_DIGITS = 7
FULL_NUMBER_DIGITS = 10  # a national number with its trunk or area code: what follows it is a figure of its own
# After a word the next character must not be a letter ("de" is not the start of "demi"); after "l'" or
# "/" anything may follow.
_BOUND = r"(?:(?<=[^\W\d_])(?![^\W\d_])|(?<![^\W\d_]))"
_PLAIN = frozenset(" ./'-’")  # characters of markers that say nothing by themselves
# Longest booking a number-and-unit duration may state; "22h" in "de 10h à 22h" is a time of day.
MAX_MINUTES = 12 * 60


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def _alternation(items: Iterable[str], ignore_case: bool = True) -> str:
    """Literal alternatives as written and without accents, longest first; a space matches 1-2 spaces, "'"
    also a typographic apostrophe."""
    return literal_alternation({form for item in items for form in (item, fold(item))}, _SP + "{1,2}", ignore_case)


# After a word for half: the half of an hour written out is a duration of its own ("la demi-heure", "halbe
# Stunde"), read whole.
_NO_HOUR_WORD_AFTER = (r"(?![ \t\u00a0]?-?[ \t\u00a0]?(?:heure|stunde|std|ora|oră|hora|godziny|óra|uur|hour|hr|"
                       r"час|hodiny)(?![^\W\d_]))")


def _word_end(pattern: str) -> str:
    """``pattern`` followed by a non-letter (currency symbols need no boundary but words do)."""
    return "(?:" + pattern + r")(?![^\W\d_])"


@dataclass(frozen=True, slots=True)
class _Duration:
    start: int
    end: int
    minutes: int | None  # None for a night, 0 for a shorthand of no stated length ("QV")
    # No number of its own: a word or phrase ("hour", "half hour", "overnight", "HH", or the unit of "$200 hr"
    # whose number is the amount).  Right after an amount it is that amount's duration, with or without a
    # currency ("150 half hour", "200 hr").
    unit_only: bool = False
    # Shorthand that labels the amount after it ("HH 150"), never the one before it ("QV 80 HH 120").
    label: bool = False


@dataclass(frozen=True, slots=True)
class _Tables:
    cur_before: re.Pattern[str]
    cur_after: re.Pattern[str]
    cur_after_rate: re.Pattern[str] | None  # letters that are a currency before a rate mark ("150e/h")
    rate_first: frozenset[str]  # their first letters, either case
    cur_after_length: re.Pattern[str] | None  # letters that are a currency next to a length ("1h 150e")
    length_first: frozenset[str]  # their first letters, either case
    thousands_glued: frozenset[str]  # "1k", "7к", either case
    thousands: re.Pattern[str]  # "5 тыс.", "2 mil"
    thousands_local: re.Pattern[str] | None  # the country's own: "30e Ft", "Óra: 20e" in Hungary
    full_hour: re.Pattern[str]  # "Full $380" in an ad with a half-hour rate
    fee_words: frozenset[str]  # "deposit", "taxi": an amount of no length next to them is no rate
    added_after: re.Pattern[str]  # "£30 extra": an amount of no length before them is added to a rate, a fee
    wage_words: frozenset[str]  # "salary", "Gehalt": an amount next to them is pay offered for a job
    wage_period: re.Pattern[str]  # "/ month", "per week", "pe lună" right after an amount: pay for a job
    wage_any: frozenset[str]  # the wage words and pay periods, folded: a cheap test per field
    markers: dict[str, tuple[str, dict[str, str]]]  # folded marker -> (default code, by country)
    durations: re.Pattern[str]
    minute_units: frozenset[str]
    hour_units: frozenset[str]
    half_hour: frozenset[str]
    phrases: dict[str, int]  # a length written out (folded) -> minutes: "quart d'heure" -> 15
    night: frozenset[str]
    hour_mins: re.Pattern[str]
    bare_unit: re.Pattern[str]
    connector: re.Pattern[str]
    fillers: frozenset[str]  # words allowed between a duration and its amount: "60 min massage $80"
    per_hour: re.Pattern[str]
    per_half_hour: re.Pattern[str]
    label: re.Pattern[str]
    label_words: frozenset[str]  # the words of ``labels`` ("rates", "tarifs")
    not_after: frozenset[str]
    country_currency: dict[str, str]
    dur_words: frozenset[str]  # first words of the spelled-out durations
    spelled_hours: dict[str, int]  # folded number word -> hours ("zwei" Stunden, "deux" heures)
    trigger_words: frozenset[str]  # any word that can be part of a price
    after_words: frozenset[str]  # currency markers written after an amount that are one word ("euros", "lei")
    trigger_chars: tuple[str, ...]  # currency symbols and "½"
    before_last: frozenset[str]  # last characters of the markers written before an amount
    shorthand: dict[str, int]  # folded word -> minutes, written before an amount ("HH 150")
    shorthand_not_in: frozenset[str]
    shorthand_glued_in: frozenset[str]
    min_bare: float
    min_rate_before_unit: float
    glued_rate_units: frozenset[str]
    max_amount: float


_BY_COUNTRY_KEYS = ("hour_units_in", "hour_words_in", "night_words_in", "thousands_words_in", "glued_rate_units_in",
                    "spelled_hours_in")


@functools.cache
def _countries_with_own_units() -> frozenset[str]:
    data = load_attribute_data("prices.yaml")
    return frozenset(str(c).upper() for key in _BY_COUNTRY_KEYS for c in data.get(key) or {})


def _in(data: dict[str, Any], key: str, country: str) -> list[str]:
    """The words of ``country`` in the mapping ``key`` (``hour_units_in`` and the like)."""
    return _as_list((data.get(key) or {}).get(country))


def _first_word(phrase: str) -> str:
    key = fold(phrase)
    i = 0
    while i < len(key) and key[i].isalpha():
        i += 1
    return key[:i]


def _all_words(phrase: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", fold(phrase))


def _marker_key(text: str) -> str:
    return " ".join(fold(text).split())


@functools.cache
def _tables(country: str = "") -> _Tables:
    """The patterns of ``prices.yaml``, with the words of ``country`` (``hour_units_in`` and the other ``_in``
    mappings) if it has its own."""
    data = load_attribute_data("prices.yaml")
    markers: dict[str, tuple[str, dict[str, str]]] = {}
    before: list[str] = []
    after: list[str] = []
    for code, spec in (data.get("currencies") or {}).items():
        for m in _as_list(spec.get("before")):
            before.append(m)
            markers[_marker_key(m)] = (str(code), {})
        for m in _as_list(spec.get("after")):
            after.append(m)
            markers[_marker_key(m)] = (str(code), {})
    rate_letters = {str(k): str(v) for k, v in (data.get("after_before_rate") or {}).items()}
    for m, code in rate_letters.items():
        markers[_marker_key(m)] = (code, {})
    rate_marks = _as_list(data.get("per_hour_marks")) + _as_list(data.get("per_half_hour_marks"))
    for m, spec in (data.get("by_country") or {}).items():
        by = {str(k): str(v) for k, v in (spec.get("countries") or {}).items()}
        markers[_marker_key(str(m))] = (str(spec.get("default") or ""), by)  # no default: only there
        if spec.get("before"):
            before.append(str(m))
        if spec.get("after"):
            after.append(str(m))
    minute_units = _as_list(data.get("minute_units"))
    hour_units = _as_list(data.get("hour_units")) + _in(data, "hour_units_in", country)
    half = _as_list(data.get("half_hour"))
    written = [(str(w), int(minutes)) for minutes, ws in (data.get("duration_phrases") or {}).items()
               for w in _as_list(ws)]
    phrases = {fold(w).lower(): minutes for w, minutes in written}
    phrase_words = sorted({w for w, _ in written} | phrases.keys())  # as written and without accents
    hour_words = _as_list(data.get("hour_words")) + _in(data, "hour_words_in", country)
    night = _as_list(data.get("night_words")) + _as_list(data.get("night_marks"))
    # A country's own night words are matched as written, accents required ("yö" is no "yo"), and in
    # capitals only when written in capitals ("ON").
    night_in = _in(data, "night_words_in", country)
    night_pattern = "|".join(
        [_alternation(night),
         literal_alternation([w for w in night_in if not w.isupper()], _SP + "{1,2}", True),
         "(?-i:" + literal_alternation([w for w in night_in if w.isupper()], _SP + "{1,2}", False) + ")"])
    length_letters = {str(k): str(v) for k, v in (data.get("after_next_to_length") or {}).items()}
    for m, code in length_letters.items():
        markers[_marker_key(m)] = (code, {})
    local_thousands = _in(data, "thousands_words_in", country)
    # "15' 30'": an apostrophe after a number marks minutes (Italian), never inside one ("1'200", "5'6").
    units = _alternation(hour_units + minute_units) + r"|['’′](?![\d'’′])"
    connectors = _alternation(_as_list(data.get("rate_connectors")))
    spelled_words = {**(data.get("spelled_hours") or {}), **((data.get("spelled_hours_in") or {}).get(country) or {})}
    spelled = {fold(str(k)): int(v) for k, v in spelled_words.items()}
    # as written and without accents: "două ore", "doua ore"
    spelled_forms = sorted(spelled.keys() | {str(k) for k in spelled_words})
    durations = re.compile(
        r"(?<![\d.,])(?:(?P<half>" + _alternation(half) + r")"
        r"|(?<![^\W\d_])(?P<phrase>" + _alternation(phrase_words) + r")"
        r"|(?P<n>\d{1,3}(?:[.,]\d{1,2})?|½)(?P<h2>½)?" + _SP + r"{0,2}(?:de" + _SP + r")?(?P<unit>" + units + r")"
        r"|(?<![^\W\d_])(?P<sn>" + _alternation(spelled_forms) + r")(?:" + _SP + r"{1,2}|-)(?P<sunit>"
        + _alternation(hour_units) + r")"
        r"|(?<![^\W\d_])(?P<word>" + _alternation(hour_words) + r")"
        r"|(?<![^\W\d_])(?P<night>" + night_pattern + r"))(?![^\W\d_])",
        re.I,
    )
    return _Tables(
        cur_before=re.compile(r"(?<![^\W\d_])(?:" + _alternation(before) + r")" + _SP + r"{0,2}\Z", re.I),
        # Romanian writes "de" between twenty or more and the currency: "400 de lei ora"
        cur_after=re.compile(_SP + r"{0,2}(?:de" + _SP + r")?(?P<c>" + _alternation(after) + r")(?![^\W\d_])", re.I),
        cur_after_rate=re.compile(
            _SP + r"?(?P<c>" + _alternation(rate_letters) + r")(?=" + _word_end(_alternation(rate_marks)) + r"|/\d)",
            re.I,
        ) if rate_letters else None,
        rate_first=frozenset(c for m in rate_letters for c in (m[:1].lower(), m[:1].upper())),
        cur_after_length=re.compile(_SP + r"?(?P<c>" + _alternation(length_letters) + r")(?![^\W\d_])", re.I)
        if length_letters else None,
        length_first=frozenset(c for m in length_letters for c in (m[:1].lower(), m[:1].upper())),
        thousands_glued=frozenset(c for m in _as_list(data.get("thousands_glued")) for c in (m.lower(), m.upper())),
        thousands=re.compile(_SP + r"?(?:" + _alternation(_as_list(data.get("thousands_words"))) + r")(?![^\W\d_])",
                             re.I),
        thousands_local=re.compile(_SP + r"?(?:" + _alternation(local_thousands) + r")(?![^\W\d_])", re.I)
        if local_thousands else None,
        fee_words=frozenset(fold(w) for w in _as_list(data.get("fee_words"))),
        added_after=re.compile(_SP + r"{0,2}(?:" + _alternation(_as_list(data.get("added_words_after")))
                               + r")(?![^\W\d_])", re.I),
        wage_words=frozenset(fold(w) for w in _as_list(data.get("wage_words"))),
        wage_any=frozenset(fold(w) for key in ("wage_words", "wage_periods") for w in _as_list(data.get(key))),
        wage_period=re.compile(
            r"[ \t\u00a0]*(?:(?:net|netto|brutto|brut|nettó|bruttó|netti|netos|líquidos|нето|нетто)\.?[ \t\u00a0]*)?"
            r"(?:/[ \t\u00a0]*|(?:" + _alternation(_as_list(data.get("wage_period_leads"))) + r")[ \t\u00a0]+)"
            r"(?:" + _alternation(_as_list(data.get("wage_periods"))) + r")(?![^\W\d_])", re.I),
        full_hour=re.compile(r"(?<![^\W\d_])(?:" + _alternation(_as_list(data.get("full_hour_words")))
                             + r")(?![ \t\u00a0]*[^\W\d_\s])", re.I),
        markers=markers,
        durations=durations,
        minute_units=frozenset(_marker_key(u) for u in minute_units),
        hour_units=frozenset(_marker_key(u) for u in hour_units),
        half_hour=frozenset(_marker_key(u) for u in half),
        night=frozenset(_marker_key(u) for u in night),
        hour_mins=re.compile(_SP + r"?(?P<m>[0-5]\d)(?!\d)(?:" + _SP + r"?(?:"
                             + _alternation(minute_units, ignore_case=False) + r")(?![^\W\d_]))?"),
        bare_unit=re.compile(_word_end(_alternation(hour_units + hour_words)), re.I),
        connector=re.compile(_SP + r"{0,2}(?:" + connectors + r")" + _BOUND + r"(?:" + _SP + r"{1,2}(?:" + connectors
                             + r")" + _BOUND + r")?" + _SP + r"{0,2}", re.I),
        fillers=frozenset(_marker_key(w) for w in _as_list(data.get("duration_fillers"))),
        per_hour=re.compile(_SP + r"?" + _word_end(_alternation(_as_list(data.get("per_hour_marks")))), re.I),
        per_half_hour=re.compile(_SP + r"?" + _word_end(_alternation(_as_list(data.get("per_half_hour_marks"))))
                                 + _NO_HOUR_WORD_AFTER,
                                 re.I),
        label_words=frozenset(fold(w) for label in _as_list(data.get("labels")) for w in label.split()),
        label=re.compile(
            r"(?<![^\W\d_])(?:" + _alternation(_as_list(data.get("labels"))) + r")" + _SP + r"{0,2}[:=\-–]?" + _SP
            + r"{0,2}(?:(?:" + _alternation(_as_list(data.get("label_fillers"))) + r")" + _SP + r"{1,2})?\Z",
            re.I,
        ),
        not_after=frozenset(_marker_key(w) for w in _as_list(data.get("not_amount_after"))),
        country_currency={str(k): str(v) for k, v in (data.get("country_currency") or {}).items()},
        dur_words=frozenset(_first_word(p) for p in [*half, *phrase_words, *hour_words, *night, *night_in, *spelled]
                            if _first_word(p)),
        spelled_hours=spelled,
        phrases=phrases,
        trigger_words=frozenset(
            w for p in before + after + minute_units + hour_units + half + phrase_words + hour_words + night
            + _as_list(data.get("per_hour_marks")) + _as_list(data.get("per_half_hour_marks"))
            + _as_list(data.get("labels")) + [str(k) for k in data.get("shorthand_durations") or {}] + night_in
            for w in _all_words(p)
        ),
        after_words=frozenset(fold(m) for m in after if _WORD_RUN.fullmatch(fold(m))),
        trigger_chars=tuple(
            sorted({c for p in before + after + half + phrase_words for c in p if c not in _PLAIN and not c.isalnum()})
        ),
        before_last=frozenset(ch for p in before for ch in {p.strip()[-1:].lower(), p.strip()[-1:].upper()}),
        shorthand={fold(str(k)): int(v) for k, v in (data.get("shorthand_durations") or {}).items()},
        shorthand_not_in=frozenset(str(c).upper() for c in _as_list(data.get("shorthand_not_in"))),
        shorthand_glued_in=frozenset(str(c).upper() for c in _as_list(data.get("shorthand_glued_in"))),
        min_bare=float(data.get("min_bare_amount", 20)),
        min_rate_before_unit=float(data.get("min_amount_before_hour_unit", 100)),
        max_amount=float(data.get("max_amount", 100000)),
        glued_rate_units=frozenset(_marker_key(u) for u in _as_list(data.get("glued_rate_units"))
                                   + _in(data, "glued_rate_units_in", country)),
    )


# An amount: digits with "." or "," thousands, or a space before the thousands when a currency follows
# ("1 500 €", "1 500 $": French and Canadian French write thousands so).
_NUM = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    r"(\d{1,3}(?:[.,'’]\d{3})+"
    r"|(?<!\d[ \u00a0\u202f])(?<![^\W_])(?:[1-9]\d?[ \u00a0\u202f]\d{3}|[1-9]\d\d[ \u00a0\u202f]000)"
    r"(?=[ \u00a0\u202f]?(?:[€$£₴₽]|(?i:eur\w*|cad|chf|gbp|usd|aud|nzd|zł|zl|pln|lei|ron|mdl|sek|kr|dkk|nok|kč|czk|ft"
    r"|huf|forint\w*|форинт\w*|лв|bgn|kn|hrk|din|rsd|грн|uah|руб|rub|pesos|pesitos|mxn|reais|brl|dollars?"
    r"|d[oó]lares|kron\w*)\b|[.,:][-–]))"
    # ... or a sign before: "£1 500"
    r"|(?:(?<=[€$£])|(?<=[€$£] ))[1-9]\d?[ \u00a0\u202f]\d{3}(?![\d.,])"
    # ... or a table's cell of its own: "Noc | 2 500 | 2 800"
    r"|(?:(?<=[|\t])|(?<=[|\t] ))[1-9]\d?[ \u00a0\u202f]\d{3}(?=[ \t]*(?:\||\n|\Z))"
    # six digits only before forints, where a night's rate reaches them: "150000 Ft"
    r"|[1-9]\d{5}(?=[ \u00a0]?(?i:ft|huf|forint\w*)\b)"
    r"|\d{1,5})"
    r"(?:[.,](\d{1,2}))?(?!\d)"
)
_DIGITS = re.compile(r"\d+", re.ASCII)
_WORD_RUN = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]{2,20}")
# Between a shorthand and its amount: "HH 150", "hh: 150", "H-250"; never glued ("mia_hh21" is a handle).
# "hh150 h250": an amount glued to its shorthand, standing alone (North America, ``shorthand_glued_in``).
_GLUED_AMOUNT = re.compile(r"[1-9]\d{1,3}(?![^\W_])")
# "HH $150", "HH      $180", "HH – 160"
_SHORTHAND_GAP = re.compile(r"(?:[ \t\u00a0]{1,8}[:=\-–—]?|[:=\-–—])[ \t\u00a0]{0,2}[$€£]?\d")


_NOT_DIGITS = str.maketrans("", "", ",. \u00a0\u202f'’")  # thousands separators ("1'200" in Switzerland)


def _amount(whole: str, cents: str | None) -> float:
    value = float(whole.translate(_NOT_DIGITS))
    if cents:
        value += int(cents) / (10 ** len(cents))
    return value


def _fmt(amount: float) -> str:
    if amount == int(amount):
        return str(int(amount))
    return f"{amount:.2f}".rstrip("0").rstrip(".")


_PERCENT_RANGE_END = re.compile(r"[-–][ \t]?\d{1,3}[ \t]?%")
_SERIAL_REACH = 12


def _inside_serial(text: str, s: int, e: int) -> bool:
    """Whether the digits at ``[s, e)`` lie inside a letters-and-digits token of 14 characters or more (a
    vehicle's or a device's serial), looked at up to ``_SERIAL_REACH`` characters each way."""
    i, j = alnum_around(text, s, e, _SERIAL_REACH)
    return j - i >= 14 and (i < s or j > e) and any(c.isalpha() for c in text[i:j])


# Two amounts in thousands joined by "/", an incall/outcall pair: "noche 1.000/1.200 €", "Nuit 1 000/1 200 €"
_THOUSANDS_PAIR = re.compile(r"([1-9][0-9]{0,2}([.,\u00a0\u202f ])[0-9]{3})[ \t]?/[ \t]?([1-9][0-9]{0,2}\2[0-9]{3})")


# ... the first under a thousand, the second in thousands: "notte 800/1.000 €"
_PLAIN_THOUSANDS_PAIR = re.compile(r"([1-9][0-9]{1,2})[ \t]?/[ \t]?([1-9][0-9]{0,2}[.,\u00a0\u202f ][0-9]{3})")


def _amount_of(written: str) -> int:
    return int("".join(c for c in written if c.isdigit()))


def _growing_range(text: str, run: list[int], end: int) -> bool:
    """Whether the groups of ``run`` (the last ending at ``end``) are a range or a pair of amounts joined by
    a dash or a slash, no phone: "1500-2200 EUR", "800-1200/week", "1000/1200 €", "1.000/1.200 €" (neither
    starts with 0, each of two to five digits or in thousands, the second as large or larger and at most
    four times the first)."""
    if len(run) == 4:
        pair = _THOUSANDS_PAIR.fullmatch(text, run[0], end)
        return pair is not None and _amount_of(pair.group(1)) <= _amount_of(pair.group(3)) \
            <= 4 * _amount_of(pair.group(1))
    if len(run) == 3:
        pair = _PLAIN_THOUSANDS_PAIR.fullmatch(text, run[0], end)  # "notte 800/1.000 €"
        return pair is not None and _amount_of(pair.group(1)) <= _amount_of(pair.group(2)) \
            <= 4 * _amount_of(pair.group(1))
    if len(run) != 2:
        return False
    a = run[0]
    i = a
    while i < end and text[i].isdigit():
        i += 1
    j = i
    while j < end and not text[j].isdigit():
        j += 1
    first, second, gap = text[a:i], text[j:end], text[i:j].strip(" ")
    if gap not in ("-", "–", "~", "/") or first[0] == "0" or second[0] == "0" \
            or not (2 <= len(first) <= 5 >= len(second) >= 2):
        return False
    return int(first) < int(second) <= 4 * int(first)


def _phone_like(text: str, runs: list[tuple[int, int]], durations: Container[int] = ()) -> dict[int, int]:
    """Digit groups inside a phone-like or date-like run: start -> 1 first group, 2 last group, 0 inside,
    3 last group of two to four digits after a whole number's worth of digits (``FULL_NUMBER_DIGITS``).

    Only the first group (with a currency before it) or the last (with one after it) can still be an
    amount: "£150 07700 900123"; a last group after a whole number also with a rate or duration after it:
    "07700 900 337 150 ph".
    """
    out: dict[int, int] = {}
    run: list[int] = []
    digits = 0
    last_end = -10
    last_size = 0

    def close() -> None:
        if digits >= PHONE_DIGITS and not _growing_range(text, run, last_end):
            for i, start in enumerate(run):
                out[start] = 1 if i == 0 else 2 if i == len(run) - 1 else 0
            if len(run) > 1 and 2 <= last_size <= 4 and digits - last_size >= FULL_NUMBER_DIGITS \
                    and text[run[-1]] != "0":
                out[run[-1]] = 3
            if len(run) > 1 and text[run[0]] != "0" and text[run[1]] == "0" and run_digits(1) >= FULL_NUMBER_DIGITS:
                # "2hr 550 0491 570 074", "Overnight 2000 0491 570 075": a figure, then a number dialled
                # with its trunk prefix; the figure is free to be an amount
                del out[run[0]]

    def run_digits(first: int) -> int:
        return sum(1 for i in range(run[first], last_end) if text[i].isdigit())

    for start, end in runs:
        if start in durations:
            close()  # "... 063 300 1hr": the duration's number is no group of the phone
            run, digits, last_end = [], 0, -10
            continue
        # (not after a full stop and a space: "1 hour 200. 604 555 0121" ends a sentence before the number)
        joined = last_end >= 0 and start - last_end <= 2 and all(ch in _RUN_GAP for ch in text[last_end:start]) \
            and text[last_end:start] != ". "
        if not joined:
            close()
            run, digits = [], 0
        run.append(start)
        digits += end - start
        last_end = end
        last_size = end - start
    close()
    return out


_SPACED_THOUSANDS = re.compile(r"[ \u00a0\u202f]\d{3}(?![\d]|[.,]\d{3})")
_GLUED_LETTER = re.compile(r".(?![^\W_])")  # one letter not followed by a letter or digit
_LENGTH_GAP = frozenset(" \t\u00a0:=-–()")


def _thousands_at(text: str, pos: int, t: _Tables) -> tuple[re.Match[str] | None, bool]:
    """A thousands letter or word right after an amount ending at ``pos`` ("£1k", "7к", "5 тыс. руб", "2 mil
    la hora", and the country's own, "25 ezer" in Hungary), and whether it is the country's own."""
    if text[pos] in t.thousands_glued:
        return _GLUED_LETTER.match(text, pos), False
    tm = t.thousands.match(text, pos)
    if tm is not None:
        return tm, False
    tm = _local_thousands(text, pos, t)
    return tm, tm is not None


def _local_thousands(text: str, pos: int, t: _Tables) -> re.Match[str] | None:
    """The country's own thousands word at ``pos``: "30e Ft", "Óra: 20e", "25 ezer" in Hungary."""
    return t.thousands_local.match(text, pos) if t.thousands_local is not None else None


_CLAUSE_END = frozenset(",;.!?\n|/)•·")
_MAX_FEE_GAP = 48  # room for an address between the fee word and its amount
_ADDRESS_ROOM = 32  # more room once an email address's "@" is passed


# German "Fr." is Freitag in opening hours: after another day and a dash ("Mo.–Fr."), or before a date
# ("Fr. 24.12.") or a time ("Fr. 10–20 Uhr", "Fr. 18h").
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{1,2}")
_DAY_BEFORE_FR = re.compile(r"(?<![^\W\d_])(?:mo|di|mi|do|sa|so)\.?\s?[-–—/]\s?\Z", re.I)
_DATE_OR_TIME_AFTER = re.compile(
    r"\.(?:\d{1,2}\.|\s?[-–—])|(?:[.:]\d\d)?\s?(?:[-–—]|bis)\s?\d{1,2}(?:[.:]\d\d)?\s?(?:uhr|h)\b|\s?(?:uhr|h)\b",
    re.I)


def _friday(text: str, start: int, marker: str, amount_start: int, amount_end: int) -> bool:
    """Whether the currency marker ``marker`` at ``start`` is "Fr." for Friday before a date or time."""
    if marker.strip() != "Fr.":
        return False
    if text.startswith(".", amount_end) and _DAY_MONTH.fullmatch(text, amount_start, amount_end):
        return True  # "Fr. 24.12."
    return _DAY_BEFORE_FR.search(text, max(0, start - 8), start) is not None or \
        _DATE_OR_TIME_AFTER.match(text, amount_end) is not None


def _clause_words_before(text: str, start: int) -> list[str]:
    """The folded words of the clause before ``start``, at most _MAX_FEE_GAP characters back."""
    i = start
    reach = _MAX_FEE_GAP
    while i > 0 and start - i < reach and (text[i - 1] not in _CLAUSE_END or _about_dot(text, i - 1)
                                           or _gloss_before(text, i - 1, start) or _in_link(text, i - 1)):
        i -= 1
        if text[i] == "@" and reach == _MAX_FEE_GAP:
            reach += _ADDRESS_ROOM  # "Deposit via Interac e-Transfer to kayla.yyz.sb@gmail.com ($60 ...)"
    return [fold(w) for w in _WORD.findall(text, i, start)]


def _in_link(text: str, mark: int) -> bool:
    """Whether the "/" or "." at ``mark`` is inside a web address or a name, between two letters or digits
    ("Deposit: paypal.me/RosieHfx — £30 to secure": the deposit's clause goes on past the link)."""
    return text[mark] in "/." and 0 < mark < len(text) - 1 and text[mark - 1].isalnum() and text[mark + 1].isalnum()


def _gloss_before(text: str, close: int, start: int) -> bool:
    """Whether the ")" at ``close`` ends a gloss right before the amount at ``start``, maybe with a label's
    colon: "Taisce (deposit) €50", "Frais d'annulation (moins de 3h avant) : 50 €"."""
    return text[close] == ")" and not text[close + 1:start].strip(" \t:")


_ABOUT_ABBREVIATIONS = frozenset({"ca", "cca", "approx", "aprox", "env", "ok", "kb", "zirka"})


def _about_dot(text: str, dot: int) -> bool:
    """Whether the "." at ``dot`` ends an abbreviation for "about" ("Taxi bezahlst du (ca. 15 €)"), no clause."""
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and dot - j < 6 and text[j - 1].isalpha():
        j -= 1
    return fold(text[j:dot]).lower() in _ABOUT_ABBREVIATIONS


# Words between an amount and its fee word: "$50 non-refundable deposit", "$25 screening fee", "$50 e-Transfer
# deposit", "$100 Apple gift card as deposit", "$30 gas fee" (a rate's words, "outcall", "incall", end the search).
# A way of paying ahead that closes the amount's clause: "new friends $50 Interac.", "$30 e-transfer, rest cash"
# (money sent before meeting is a deposit; a rate is paid in person).
_PAID_AHEAD_BY = frozenset({"interac", "transfer", "etransfer", "paypal", "cashapp", "venmo", "zelle", "revolut",
                            "bizum", "lydia", "twint", "blik"})
_FEE_MODIFIERS = _PAID_AHEAD_BY | frozenset({"non", "refundable", "nonrefundable", "screening", "booking", "security",
                                             "small", "e", "apple", "amazon", "gift", "card", "giftcard", "as", "the",
                                             "a", "my", "your", "cash", "app", "verification", "id", "cancellation",
                                             "cancelation", "cancel", "late", "reservation", "travel", "no", "show",
                                             "parking", "gas", "fuel", "petrol", "mileage", "toll", "hotel", "room",
                                             "admin", "processing",
                                             # when: "$25 late-night fee", "$50 short notice fee"
                                             "night", "weekend", "holiday", "after", "hours", "short", "notice",
                                             "same", "day", "last", "minute"})
_FEE_MODIFIERS_MAX = 4
_CLAUSE_CLOSE = re.compile(r"[ \t]*(?:\Z|[\n\r.,;!?)])")
# ... and how it is paid ahead: "$40 by e-transfer, the rest cash", "50 € via PayPal."
_FEE_LINKS = frozenset({"de", "for", "of", "pour", "para", "per", "fur", "di", "da", "voor", "na", "pentru", "by",
                        "via", "par", "por"})


_ADDED = re.compile(r"(?<![\w+])\+[ \t\u00a0]?\Z")  # "+50€", "+ 50 €"; not "++" or "300+"


def _fee(text: str, start: int, end: int, t: _Tables) -> bool:
    """Whether the amount spanning ``[start, end)`` is a fee (``fee_words``): one right after it ("£20
    deposit") or before it in its clause ("Deposit $50", "Frais de taxi en sus (30 €)"); an amount added with
    "+" ("Déplacement +50€", "(weekends +$30)") or with a word after it ("Weekends £30 extra")."""
    if _ADDED.search(text, max(0, start - 3), start) is not None or t.added_after.match(text, end) is not None:
        return True
    pos = end + 1 if end < len(text) and text[end] == " " else end
    for _ in range(_FEE_MODIFIERS_MAX + 1):
        if text.startswith(("d'", "d’"), pos) or text.startswith(("e-", "E-"), pos):
            pos += 2  # "30 € d'acompte", "$50 e-Transfer deposit"
        nw = _WORD.match(text, pos)
        if nw is None:
            break
        word = fold(nw.group())
        if word in t.fee_words or (word in _PAID_AHEAD_BY and _CLAUSE_CLOSE.match(text, nw.end()) is not None) \
                or (pos > end + 1 and t.added_after.match(text, nw.start()) is not None):
            return True  # ... also "$100 travel extra": a fee's words, then a word for an added amount
        if (word not in _FEE_LINKS and word not in _FEE_MODIFIERS) or text[nw.end():nw.end() + 1] not in (" ", "-"):
            break
        pos = nw.end() + 1  # "$20 de Uber", "$50 non-refundable deposit", "$100 Apple gift card as deposit"
    return not t.fee_words.isdisjoint(_clause_words_before(text, start)) or _fee_in_bracket(text, start, t) \
        or _under_fee_label(text, start, t)


_BRACKET_REACH = 48
# A line headed by a fee's label and its colon: "Anfahrt: Innenstadt 20 €, Außenbezirke 35 €".
# (up to four words, a slash between two: "Anfahrt Raum Verviers / Aachen: 35 €")
_LINE_LABEL = re.compile(r"[ \t]*[-•*·]?[ \t]*([^\W\d_]{3,24}(?:(?:[ \t]|[ \t]?/[ \t]?)[^\W\d_]{2,24}){0,3})"
                         r"[ \t]?(?:\([^()\n\d]{1,20}\)[ \t]?)?:")  # ("Anfahrt (Taxi): bis 5 km 20 €, darüber 40 €")
_LABEL_LINE_REACH = 160


# Words that head a line of fees only as its label ("Travel: €10 Fuengirola, €20 everywhere else"); in a clause
# ("I travel to you, $250") they name no fee.
_FEE_LABELS = frozenset({"travel", "travelling", "traveling", "reise", "viaje", "viaggio", "voyage"})


def _under_fee_label(text: str, start: int, t: _Tables) -> bool:
    """Whether the amount at ``start`` stands on a line headed by a fee's label: every amount of a tiered list
    of travel fees is one ("Anfahrt: Innenstadt 20 €, Außenbezirke 35 €")."""
    line = text.rfind("\n", max(0, start - _LABEL_LINE_REACH), start) + 1
    if line == 0 and start > _LABEL_LINE_REACH:
        return False
    m = _LINE_LABEL.match(text, line, start)
    if m is None:
        # a line that opens with a fee word, then the places it costs that much to go to: "Anfahrt nach Kleve
        # 30 €, nach Arnheim 25 €" (not "Deposit $50, then $150")
        first = _LINE_FIRST_WORD.match(text, line, start)
        clause = max(text.rfind(",", line, start), text.rfind(";", line, start)) + 1
        return first is not None and clause > first.end() \
            and ((word := fold(first.group(1))) in t.fee_words or word in _FEE_LABELS) \
            and _TO_A_PLACE.match(text, clause, start) is not None
    said = {fold(w) for w in m.group(1).split()}
    return not t.fee_words.isdisjoint(said) or not _FEE_LABELS.isdisjoint(said)


_TO_A_PLACE = re.compile(r"[ \t]*(?:nach|to|à|a|au|aux|en|in|bis|para|naar|do|till|til|zu|into|pour)[ \t]+\w", re.I)
_LINE_FIRST_WORD = re.compile(r"[ \t]*[-•*·–]?[ \t]*([^\W\d_]{3,24})(?![^\W\d_])")


def _fee_in_bracket(text: str, start: int, t: _Tables) -> bool:
    """Whether the amount at ``start`` stands in a bracket that names a fee before it, past a comma:
    "(taxi à vos frais, env. 25 €)"."""
    i = start
    while i > 0 and start - i < _BRACKET_REACH and text[i - 1] not in "()\n":
        i -= 1
    if i == 0 or text[i - 1] != "(":
        return False
    return not t.fee_words.isdisjoint(fold(w) for w in _WORD.findall(text, i, start))


_WAGE_AFTER_WORDS = 3
_WAGE_AFTER_REACH = 32


def _wage(text: str, start: int, end: int, t: _Tables) -> bool:
    """Whether the amount spanning ``[start, end)`` is pay offered for a job: a word of ``wage_words`` in its
    clause before it ("Salariu 2200 €", "Pay £11.44/hr") or among the few words after it ("napi 100-200 €
    kereset"), or a pay period right after it ("3000 € / month", "1000$ pe săptămână")."""
    if t.wage_period.match(text, end, min(len(text), end + _WAGE_AFTER_REACH)) is not None:
        return True
    if not t.wage_words.isdisjoint(_clause_words_before(text, start)):
        return True
    j = end
    while j < len(text) and j - end < _WAGE_AFTER_REACH and text[j] not in "\n,;!?|•(" \
            and not (text[j] == "." and text[j + 1 : j + 2].isspace()):
        j += 1  # to the clause's end: "$250/hr. Tips appreciated", "$250 1hr (tips welcome)" are rates
    after = _WORD.findall(text, end, j)[:_WAGE_AFTER_WORDS]
    return not t.wage_words.isdisjoint(fold(w) for w in after)


def _next_to_length(text: str, start: int, end: int, by_start: dict[int, _Duration],
                    by_end: dict[int, _Duration]) -> bool:
    """Whether a length ends right before ``start`` ("1h 150e") or starts right after ``end`` ("80e pola
    sata"), only spaces and a ":", "=", "-" or "(" between."""
    i = start
    while i > 0 and start - i < 4 and text[i - 1] in _LENGTH_GAP:
        i -= 1
        if i in by_end:
            return True  # "(3h) = 600e"
    if i < start and i in by_end:
        return True
    j = end
    while j < len(text) and j - end < 3 and text[j] in _LENGTH_GAP:
        j += 1
    return j > end and j in by_start


def _amount_start(text: str, hit: PriceHit) -> int:
    """Where the amount of ``hit`` starts (after a length written before it: "1hr in/out 200")."""
    i = hit[1]
    while i > hit[0] and not text[i - 1].isdigit():
        i -= 1
    while i > hit[0] and (text[i - 1].isdigit() or text[i - 1] in ".,"):
        i -= 1
    return i


def _rate_follows(text: str, start: int, t: _Tables, by_start: dict[int, _Duration]) -> bool:
    """Whether the digits at ``start`` are followed by a rate mark ("150 ph", "150/hr"), a currency ("200€") or
    a duration ("300 1hr", "250 hr")."""
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    if t.per_hour.match(text, end) is not None or t.per_half_hour.match(text, end) is not None:
        return True
    if t.cur_after.match(text, end) is not None:
        return True  # "01 99 00 45 18 200€ 1h": a currency closes the amount after the number
    i = end
    while i < len(text) and text[i] in " \t\u00a0" and i - end < 2:
        i += 1
    return i in by_start


def _may_start_duration(text: str, end: int) -> bool:
    """Whether the digits ending at ``end`` can start a duration ("30 min", "1,5h", "1/2 hour", "1½h", "30'")."""
    i = end
    if i < len(text) and text[i] in ".,/" and i + 1 < len(text) and text[i + 1].isdigit():
        i += 2
        while i < len(text) and text[i].isdigit() and i - end < 4:
            i += 1
    while i < len(text) and text[i] in " \t\u00a0" and i - end < 6:
        i += 1
    return i < len(text) and (text[i].isalpha() or text[i] in "½'’′")


# After a length, what makes it a distance: "5 min from AT&T Stadium" (not "30 min from $80", "1 hr from only
# £150"), "10 mins walk", "5 minutes away", "20 min drive".
_DISTANCE_AFTER = re.compile(
    r"[ \t]{1,2}(?:from[ \t]{1,2}(?!only\b|just\b)(?=[^\W\d_])|(?:away|walk|walking|drive|driving|ride)(?![^\W\d_]))",
    re.I)


def _durations(text: str, runs: list[tuple[int, int]], t: _Tables, country: str = "") -> list[_Duration]:
    """Durations, tried only where one can start: at a digit group, a duration word or a "½"; and the
    shorthand written before an amount ("HH 150 | H 250") outside ``shorthand_not_in`` countries."""
    starts = {s for s, e in runs if _may_start_duration(text, e)}
    w = words(text)
    hits = t.dur_words & w.keys
    if hits:
        starts.update(s for s, _, _k in w.find(hits))
    if "½" in text:
        starts.update(i for i, ch in enumerate(text) if ch == "½")
    found: list[_Duration] = []
    last_end = -1
    for pos in sorted(starts):
        if pos < last_end:
            continue  # the "30 min" of "1h 30 min"
        m = t.durations.match(text, pos)
        if m is None or (m.group("night") == "ON" and (word := _last_word(text, m.start()))
                         and word not in t.after_words):
            continue  # "Mississauga ON 250 per hour", "Toronto, ON": Ontario after its town; "1000 roses ON" a night
        d = _duration_from(text, m, t)
        if _DISTANCE_AFTER.match(text, d.end) is not None and d.minutes != -1:
            continue  # "5 min from AT&T Stadium", "10 mins walk to the beach": a way there, no session's length
        if d.minutes == -1 and m.group("unit") and _amount_before_unit(text, m, t):
            # "$200 hr", "150 hour": an amount and its rate, not 200 hours.
            d = _Duration(m.start("unit"), m.end("unit"), 60, unit_only=True)
        found.append(d)
        last_end = d.end
    short = t.shorthand.keys() & w.keys if country not in t.shorthand_not_in else ()
    if short:
        firsts = [d.start for d in found]  # in order, not overlapping
        added = []
        for s, e, k in w.find(short):
            # Standing alone ("mia_hh21" is a handle), not the unit of a duration ("1 h"), before an amount.
            if (s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_")) and not _inside(found, firsts, s) \
                    and (_SHORTHAND_GAP.match(text, e) is not None
                         or (country in t.shorthand_glued_in and _GLUED_AMOUNT.match(text, e) is not None)
                         or (t.shorthand[k] and _SLASH_THEN_LENGTH.match(text, e) is not None)):
                # (or heading a list of lengths: "HH/1hr/2hr $180/$300/$550")
                # "150 for hh 250 for h": after a connector the shorthand is the amount before's, no label
                label = _CONNECTED_BEFORE.search(text, max(0, s - 12), s) is None
                added.append(_Duration(s, e, t.shorthand[k], unit_only=True, label=label))
        if added:
            found = sorted(found + added, key=lambda d: d.start)
    if "full" in w.keys and any(d.minutes == 30 for d in found):
        # "Half $220 / Full $380": with a half-hour rate stated, "full" is the hour
        firsts = [d.start for d in found]
        full = [_Duration(s, m.end(), 60, unit_only=True) for s, _, _k in w.find(("full",))
                if (m := t.full_hour.match(text, s)) is not None and not _inside(found, firsts, s)]
        if full:
            found = sorted(found + full, key=lambda d: d.start)
    return found


def _last_word(text: str, pos: int) -> str:
    """The folded word ending right before ``pos``, maybe with a comma and spaces between ("Toronto, ON"); ""
    when none does."""
    j = pos
    while j > 0 and text[j - 1] in " ,\t\u00a0" and pos - j < 4:
        j -= 1
    i = j
    while i > 0 and j - i < 20 and text[i - 1].isalpha():
        i -= 1
    return fold(text[i:j]).lower()


# "HH/H/2H", "(hh/hr/2hr/ON)"
_SLASH_THEN_LENGTH = re.compile(r"[ \t]{0,2}/[ \t]{0,2}(?:[0-9]{1,3}[ \t]?[^\W\d_]|(?:HH|H|HR|hh|h|hr)/)")
_CONNECTED_BEFORE = re.compile(r"[0-9][ \t]{0,2}(?:for|per|/|a|the|x)[ \t]{0,2}\Z", re.I)


def _inside(found: list[_Duration], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and found[k].start <= pos < found[k].end


def _amount_before_unit(text: str, m: re.Match[str], t: _Tables) -> bool:
    """Whether the number of a too-long hour duration is an amount: a currency before it ("$250hr"), or at
    least ``min_amount_before_hour_unit`` and a space before the unit ("24 hours" and "200h" stay)."""
    n = m.group("n")
    if n[-3:-2] in (".", ",") and n[-2:].isdigit():
        n = n[:-3]  # "$240.00 hour": cents
    if _marker_key(m.group("unit")) not in t.hour_units or not n.isdigit():
        return False
    priced = _prev_char(text, m.start()) in t.before_last and \
        t.cur_before.search(text, max(0, m.start() - 10), m.start()) is not None
    large = float(n) >= t.min_rate_before_unit
    if m.start("unit") == m.end("n"):
        # "$250hr", "200hr"; a bare "200h" is a time or a count
        return priced or (large and _marker_key(m.group("unit")) in t.glued_rate_units)
    return priced or large


def _is_label(text: str, d: _Duration) -> bool:
    """True for a duration written as the label of the amount after it: "Half hour: 100", "1h = 150"."""
    i = d.end
    while i < len(text) and text[i] in " \t\u00a0" and i - d.end < 2:
        i += 1
    return i < len(text) and text[i] in ":="


def _duration_from(text: str, m: re.Match[str], t: _Tables) -> _Duration:
    if m.group("half"):
        return _Duration(m.start(), m.end(), 30, unit_only=True)
    if m.group("phrase"):
        return _Duration(m.start(), m.end(), t.phrases[fold(m.group("phrase")).lower()], unit_only=True)
    if m.group("word"):
        return _Duration(m.start(), m.end(), 60, unit_only=True)
    if m.group("night"):
        return _Duration(m.start(), m.end(), None, unit_only=True)
    if m.group("sn"):
        return _Duration(m.start(), m.end(), 60 * t.spelled_hours[fold(m.group("sn")).lower()])
    raw = m.group("n")
    value = 0.5 if raw == "½" else float(raw.replace(",", "."))
    if m.group("h2"):
        value += 0.5
    unit = _marker_key(m.group("unit"))
    end = m.end()
    if unit not in t.hour_units:
        minutes = value
    else:
        minutes = value * 60
        hm = t.hour_mins.match(text, end)
        if hm is not None and raw.isdigit():
            # "1h30", "1h 30 min", "1 h 30." are 90 minutes; "1h 50€" is an hour for 50.
            tail = hm.end()
            explicit_minutes = hm.group(0)[-1:].isalpha()
            glued = not text[end].isspace()
            cur = t.cur_after.match(text, tail)
            if cur is not None and _SIGN_THEN_DIGIT.match(text, cur.end() - 1) is not None:
                cur = None  # "1h30 $350": the sign opens the next amount, it prices no "30"
            priced = cur is not None or (not glued and _thousands_after(text, tail, hm)) \
                or t.thousands.match(text, tail) is not None or _local_thousands(text, tail, t) is not None
            # "1 óra 25.000 Ft": a dot before digits makes thousands, not the end of "1 óra 25"
            ends = tail == len(text) or (text[tail] in " \t\n.)!"
                                         and not (text[tail] == "." and text[tail + 1:tail + 2].isdigit()))
            if explicit_minutes or (not priced and (glued or ends)):
                minutes += int(hm.group("m"))
                end = tail
    if not 0 < minutes <= MAX_MINUTES and not _whole_days(text, m.start(), minutes, unit, end):
        return _Duration(m.start(), end, -1)  # "22h" is a clock time, not a booking length
    return _Duration(m.start(), end, round(minutes))


# A currency sign written before an amount: "$350", "£ 380"
_SIGN_THEN_DIGIT = re.compile(r"[$£€¥₹][ \t]?[0-9]")

# After "24 hours": words that make it "around the clock", not a booking's length ("24 hours a day", "24h/7").
_AROUND_THE_CLOCK = re.compile(
    r"[ \t\u00a0]{0,2}(?:/|7(?!\d)|(?:a|per|par|pro|por|al|am|au|du|del|de|on|x|sur|su|op)(?![^\W\d_])|day|d[ií]as?"
    r"|jours?|tag|giorno|dag|dzie|zi|service|open|ouvert|abierto|aperto|geöffnet|dispon|availab|erreichbar)", re.I)
# Before "24 hours": "open 24 hours", "available 24 hours", "erreichbar 24 Stunden".
_CLOCK_BEFORE = re.compile(
    r"(?:open|opened|available|availability|call|text|ouvert|dispo|disponible|disponibles|abierto|abierta|atiendo"
    r"|aperto|aperta|disponibile|geöffnet|erreichbar|verfügbar|bereikbaar|beschikbaar|aberto|disponível"
    r"|dostępna|otwarte|deschis|disponibilă|service)[ \t\u00a0:]{1,3}\Z", re.I)


def _whole_days(text: str, start: int, minutes: float, unit: str, end: int) -> bool:
    """A booking of whole days written with an hour word: "24 hours $4,000", "48 Stunden 5000 €" (not
    "24h", nor "24 hours a day" or "24 hours/7": around the clock)."""
    return minutes in (1440, 2880, 4320) and len(unit) >= 3 and _AROUND_THE_CLOCK.match(text, end) is None \
        and _CLOCK_BEFORE.search(text, max(0, start - 20), start) is None


_THOUSANDS_AFTER = re.compile(r"[ \u00a0\u202f](\d{3})(?!\d)")


def _thousands_after(text: str, tail: int, minutes: re.Match[str]) -> bool:
    """Whether the figure read as the minutes of an hour duration heads an amount written with a space
    before its thousands: "1 hod 25 000 Kč" is an hour for 25,000, "1h 30 200€" an hour and a half."""
    m = _THOUSANDS_AFTER.match(text, tail)
    return m is not None and (m.group(1) == "000" or int(minutes.group("m")) % 15 != 0)


def _currency(marker: str, t: _Tables, country: str) -> str:
    code, by = t.markers.get(_marker_key(marker), ("", {}))
    return by.get(country, code)


PriceHit = tuple[int, int, float, str | None, int | None, bool]


_SIGNS = frozenset("€$£¥₹₽₺")


def _emoji_marker(marker: str) -> bool:
    """A currency written as an emoji ("🌹"): no letters and no currency sign."""
    return not any(c.isalnum() for c in marker) and marker.strip() not in _SIGNS


def _glued_sign_before_amount(text: str, ca: re.Match[str]) -> bool:
    """Whether the currency ``ca``, written apart from the number before it, is a sign glued to two digits
    or more after it ("25 $350"): then it opens that amount."""
    sign = ca.group(0).strip()
    i = ca.end()
    return len(sign) == 1 and not sign.isalnum() and text[i:i + 2].isdigit() and text[ca.start():i].startswith(" ")


def _opens_amount(text: str, sign_end: int) -> bool:
    """Whether the currency ending at ``sign_end`` comes before a number (then it is that number's)."""
    i = sign_end
    if i < len(text) and text[i] == " ":
        i += 1
    return i < len(text) and text[i].isdigit()


def _closes_amount(text: str, sign_start: int) -> bool:
    """Whether the currency starting at ``sign_start`` follows a number (then it is that number's)."""
    i = sign_start - 1
    if i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i].isdigit()


# Languages whose own words for lengths are filed under a country (``hour_units_in`` and the like): an ad in
# Norwegian posted in Spain writes "1 time 120 €" as one in Norway does.
_UNITS_OF_LANGUAGE = {"da": "DK", "no": "NO", "nb": "NO", "nn": "NO"}


def find_prices(text: str, country: str | None = None, lang: str | None = None) -> Iterator[
        tuple[int, int, float, str | None, int | None, bool, bool, bool]]:
    """Yield ``(start, end, amount, currency, minutes, night, fee, wage)`` for each price in ``text``, in
    order.

    ``fee``: an amount of no length next to a word of ``fee_words`` ("£20 deposit", "Taxi 20€ aparte") is
    money asked for but no rate of the poster's time.  ``wage``: pay offered for a job ("Salary 3000 € /
    month", "Pay £11.44/hr"), no rate of the poster's time either.
    """
    cc = (country or "").upper()
    t = _tables(_UNITS_OF_LANGUAGE.get((lang or "")[:2].lower()) or (cc if cc in _countries_with_own_units() else ""))
    w = words(text)
    spelled = _spelled_prices(text, w, t, cc) if not t.after_words.isdisjoint(w.keys) else []
    hits = list(_digit_prices(text, w, t, cc))
    if spelled:
        hits += [h for h in spelled if not any(h[0] < o[1] and o[0] < h[1] for o in hits)]
        hits.sort()
    if len(hits) > 1:
        _share_range_lengths(text, hits)
    may_be_wage = not t.wage_any.isdisjoint(w.keys)
    for start, end, amount, currency, minutes, night in hits:
        if amount == 24 and _ROUND_THE_CLOCK.search(text, start, min(len(text), end + 6)) is not None:
            continue  # "Fri–Sat 24/7": "sat" is also an hour (Serbian, Croatian), but 24/7 is no rate

        fee = not minutes and not night and _fee(text, start, end, t)
        yield start, end, amount, currency, minutes, night, fee, not fee and may_be_wage and _wage(text, start, end, t)


_ROUND_THE_CLOCK = re.compile(r"(?<![0-9])24[ \t]?/[ \t]?7(?![0-9])")


# Between the ends of a range of amounts: "150-200 €", "entre 100 y 150 euros", "tra 150 e 200 euro"
_RANGE_WORDS = r"(?:to|and|à|a|y|e|et|und|bis|en|tot|do|și|si|ou|till|til)"
_RANGE_JOIN = re.compile(rf"[ \t\u00a0]{{0,2}}(?:[-–~]|{_RANGE_WORDS}(?![^\W\d_]))[ \t\u00a0]{{0,2}}", re.I)
_PAIR_SLASH = re.compile(r"[ \t\u00a0]{0,2}/[ \t\u00a0]{0,2}")
# Incall and outcall rates for one length: "in/out 280/350 per hour", "1hr in/out 200/250"
_IN_OUT = re.compile(r"(?<![^\W\d_])in(?:call)?[ \t]?[/-][ \t]?(?:out)?(?:call)?[ \t]*:?[ \t]*\Z", re.I)


# Between the incall and the outcall rate of one length written apart: "1hr incall £150 / outcall £180",
# "£150 ph in / £180 out", "$250/hr incall, $300 outcall", "Incall £150, Outcall £180 (1 hour)", "1 hour $300
# (incall) $350 (outcall)".
_IN_OUT_GAP = re.compile(
    r"[ \t]{0,2}(?:(?P<inc>in(?:call)?[ \t]{0,2})?[/,;|&]|\((?P<binc>in(?:call)?)\)[ \t]{0,2}[/,;|&]?)"
    r"[ \t]{0,2}(?P<out>out(?:call)?[ \t]{0,2}:?[ \t]{0,2})?", re.I)
_IN_BEFORE = re.compile(r"(?<![^\W\d_])in(?:call)?[ \t]{0,2}:?[ \t]{0,2}"
                        r"(?:[0-9]{1,2}[ \t]?(?:hrs?|h|hours?)[ \t]{0,2})?(?:[£$€][ \t]?)?\Z", re.I)
_OUT_AFTER = re.compile(r"[ \t]{0,2}\(?out(?:call)?(?![^\W\d_])", re.I)


def _in_out_pair(text: str, a: PriceHit, b: PriceHit) -> bool:
    gap = _IN_OUT_GAP.fullmatch(text, a[1], b[0])
    if gap is None:
        return False
    has_in = gap.group("inc") is not None or gap.group("binc") is not None \
        or _IN_BEFORE.search(text, max(0, a[0] - 16), _amount_start(text, a)) is not None
    return has_in and (gap.group("out") is not None or _OUT_AFTER.match(text, b[1]) is not None)


# A dollar's code after the rate mark of an amount written with "$": "$300/hr USD", "$200/h CAD".
_DOLLAR_CODE_AFTER = re.compile(r"[ \t]?(USD|CAD|MXN|AUD|NZD)(?![^\W\d_])")


def _name_before(text: str, start: int) -> bool:
    """Whether a known first name stands right before the number at ``start`` (maybe with a comma): a heading's
    age, "Anna 30 - 120 € 30 Min.", "Lucía, 27 - 100€ media hora", no range's first end."""
    from unveil.extract.names import is_known_first_name  # names import prices' neighbours: only when needed

    j = start
    while j > 0 and start - j < 3 and text[j - 1] in " ,\t":
        j -= 1
    i = j
    while i > 0 and j - i < 20 and text[i - 1].isalpha():
        i -= 1
    return j > i and text[i].isupper() and is_known_first_name(text[i:j])


def _name_for_code(marker: str) -> bool:
    """Whether a currency's code written capitalised, not in capitals, is a known first name ("Nok", "Lek")."""
    if len(marker) != 3 or not marker.istitle():
        return False
    from unveil.extract.names import is_known_first_name  # names import prices' neighbours: only when needed

    return is_known_first_name(marker)


def _range_end_currency(text: str, end: int, t: _Tables, cc: str, amount: float) -> str | None:
    """The currency written after the second end of a range whose first end (``amount``) stops at ``end``.

    No range starts below a quarter of its end: "Anja 23 – 150 € 1 Std." is an age, then a price."""
    join = _RANGE_JOIN.match(text, end)
    if join is None or join.end() == end:
        return None
    m = _NUM.match(text, join.end())
    if m is None or amount * 4 < _amount(m.group(1), m.group(2)):
        return None
    ca = t.cur_after.match(text, m.end())
    if ca is None:
        return None
    return _currency(ca.group("c"), t, cc) or None


def _range_head_thousands(text: str, end: int, t: _Tables, cc: str, amount: float) -> str | None:
    """The currency of the first end (``amount``, stopping at ``end``) of a range whose second end carries a
    thousands word ("20-25 тыс/час", "10-15 hiljada dinara", "20-25k/hr"): the currency written after that
    word, else the country's; None when no such range follows."""
    join = _RANGE_JOIN.match(text, end)
    if join is None or join.end() == end:
        return None
    m = _NUM.match(text, join.end())
    if m is None:
        return None
    second = _amount(m.group(1), m.group(2))
    if not amount <= second < 1000 or second > amount * 4:
        return None
    tm = _thousands_at(text, m.end(), t)[0] if m.end() < len(text) else None
    if tm is None:
        return None
    ca = t.cur_after.match(text, tm.end())
    written = _currency(ca.group("c"), t, cc) if ca is not None else None
    return written or t.country_currency.get(cc)


def _share_range_lengths(text: str, hits: list[PriceHit]) -> None:
    """Give both ends of a range the length stated for one: "150-200 € de l'heure", "60 Min. 80-100 €",
    "€ 100-150 per hour"; and both rates of an incall/outcall pair, "in/out 280/350 per hour" (in place)."""
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if (a[4] is None and not a[5]) == (b[4] is None and not b[5]):
            continue  # both or neither have a length
        if _RANGE_JOIN.fullmatch(text, a[1], b[0]) is None and not _in_out_pair(text, a, b) and (
                _PAIR_SLASH.fullmatch(text, a[1], b[0]) is None
                or _IN_OUT.search(text, max(0, a[0] - 24), _amount_start(text, a)) is None) and (
                not a[3] or not b[3] or a[3] == b[3]
                or _CURRENCY_OR.fullmatch(text, a[1], b[0]) is None):
            # not the same rate in two currencies either: "$300 CAD or $220 USD per hour", "150 dólares o
            # 2,700 pesos la hora", "$200/hr CAD or $150 USD"
            continue
        if a[4] is None and not a[5]:
            hits[i] = (a[0], a[1], a[2], a[3], b[4], b[5])
        else:
            hits[i + 1] = (b[0], b[1], b[2], b[3], a[4], a[5])


# A word between an amount in words and its currency: "două sute de lei", "a thousand of euros".
_BEFORE_CURRENCY = re.compile(r"(?:\b(?:de|of|di|d')[ \t\u00a0]?)?[ \t\u00a0]{0,2}\Z", re.I)


def _spelled_prices(text: str, w: Words, t: _Tables, cc: str) -> list[PriceHit]:
    """Amounts written in words right before a currency word ("two hundred roses", "Dwieście złotych za
    godzinę"), with their duration as for an amount in digits."""
    out: list[PriceHit] = []
    by_start: dict[int, _Duration] | None = None
    by_end: dict[int, _Duration] = {}
    used: set[int] = set()
    for s, e, _k in w.find(t.after_words & w.keys):
        currency = _currency(text[s:e], t, cc)
        gap = _BEFORE_CURRENCY.search(text, max(0, s - 8), s)
        if not currency or gap is None or (gap.start() == s and s > 0 and text[s - 1].isalnum()):
            continue
        end = gap.start()
        while end > 0 and text[end - 1] in " \t\u00a0":
            end -= 1
        found = amount_before(text, end)
        if found is None:
            continue
        start, amount = found
        if amount < t.min_bare or amount > t.max_amount:
            continue  # "two roses", "un euro"
        if by_start is None:
            durs = _durations(text, [m.span() for m in _DIGITS.finditer(text)], t, cc)
            by_start = {d.start: d for d in durs}
            by_end = {d.end: d for d in durs}
        dur = _bind(text, start, e, True, False, t, by_start, by_end, used)
        if dur is not None:
            used.add(dur.start)
            start, e = min(start, dur.start), max(e, dur.end)
        out.append((start, e, float(amount), currency, (dur.minutes or None) if dur else None,
                    bool(dur is not None and dur.minutes is None)))
    return out


def _digit_prices(text: str, w: Words, t: _Tables, cc: str) -> Iterator[PriceHit]:
    """The prices of ``text`` whose amount is written in digits."""
    if _DIGITS.search(text) is None:
        return
    if t.trigger_words.isdisjoint(w.keys) and not any(ch in text for ch in t.trigger_chars):
        return  # digits but no currency, unit or label: no price can be stated
    runs = [m.span() for m in _DIGITS.finditer(text)]
    durs = _durations(text, runs, t, cc)
    starts = [d.start for d in durs]
    by_start = {d.start: d for d in durs}
    by_end = {d.end: d for d in durs}
    # "30 min/1h/2h = 120/180/330 €": lists paired in order, before the amounts are read one by one
    listed, listed_runs, used = _slash_lists(text, runs, durs, t, cc) if "/" in text else ([], set(), set())
    # used: starts of durations already paired
    size = len(text)
    first_duration = min((d.start for d in durs if d.minutes != -1), default=size + 1)
    duration_first: bool | None = None
    phone_like = _phone_like(text, runs, by_start)
    num_end = -1
    last_end = -1  # where the last price found ends
    list_open = False  # whether that price was a labelled amount without a currency, which a list continues
    row_dur: _Duration | None = None  # the duration of that price when it stood before it, in a table's row
    flat_table = False  # a table of rates run onto one line: "30 mins £100 £130 1 hour £150 £180"
    last_dur: _Duration | None = None  # the duration of that price
    last_currency: str | None = None
    last_amount_end = -1  # where the amount of that price ends
    signed_head: float | None = None  # the last amount signed before it, of no length after it
    heading_currency: str | None = None  # "" once looked for and not found
    tables = _rate_tables(text, t, cc) if "|" in text or "\t" in text else []
    columns = _length_columns(text, by_start) if "|" in text else []
    for run_start, _ in runs:
        if run_start < num_end or run_start in listed_runs:
            continue  # the decimals or thousands of the previous amount, or a listed one
        place = phone_like.get(run_start)
        if place == 0:
            continue
        if place == 3:
            # "07700 900 337 150 ph", "0491 570 063 300 1hr": a rate after a whole number is an amount
            place = None if _rate_follows(text, run_start, t, by_start) else 2
        m = _NUM.match(text, run_start)
        if m is None:
            continue
        s, e = m.span()
        dashed = False
        if text.startswith((".-", ",-", ".–", ",–", ":-", ":–"), e) and (e + 2 == size or not text[e + 2].isalnum()):
            e += 2  # "CHF 200.- pro Stunde", "200,- €", "Fr. 200.–", "2000:-": no cents
            dashed = True
        if e < size and text[e] == "+" and t.connector.match(text, e + 1) is not None:
            e += 1  # "300+ per hour", "150+ for 30 min": a starting rate
        num_end = e
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and durs[k].start <= s < durs[k].end:
            continue  # the number of a duration ("30 min", the "30" of "1h30")
        if e < size and text[e] == ":" and e + 1 < size and text[e + 1].isdigit():
            continue  # a time
        if s >= 2 and text[s - 1] == ":" and text[s - 2].isdigit():
            continue
        if s >= 3 and text[s - 3:s] == "24/" and text[s:e] == "7":
            continue  # "Atiendo 24/7 🌹", "available 24/7 💵": all hours, no rate of seven
        if s >= 2 and text[s - 1] in "-–" and text[s - 2].isupper() and text[s - 2] not in "HQ" \
                and (s == 2 or not text[s - 3].isalpha()):
            continue  # a road or a code: "5 minutes from I-45", "A-10" (not the shorthand "H-250")
        if e < size and text[e] == "%":
            continue
        if e < size and text[e] in "-–" and _PERCENT_RANGE_END.match(text, e) is not None:
            continue  # "(80-100%)": a range of percentages
        if _inside_serial(text, s, e):
            continue  # "VIN 2HKRW2H85HH123456": the digits of a serial, not "85 HH"
        if place is not None and text[s] == "0":
            continue  # "07700 ...", "... 0161 $": a phone's group, no amount starts with 0
        cb = ca = spaced = None
        if place != 2 and _prev_char(text, s) in t.before_last:
            cb = t.cur_before.search(text, max(0, s - 10), s)
            if cb is not None and place == 1 and _closes_amount(text, cb.start()):
                cb = None  # "150€ 01 99 00 12 34": the sign belongs to the amount before the phone
            if cb is not None and (cb.start() < last_end or not _currency(cb.group(0).strip(), t, cc)):
                cb = None  # the marker of the price before ("2800 kr. 2100 København"), or of other countries
            if cb is not None and _friday(text, cb.start(), cb.group(0), s, e):
                continue  # "Mo.–Fr. 10–20 Uhr", "Fr. 24.12. geöffnet": German Freitag, not francs
            if cb is not None and _name_for_code(cb.group(0).strip()):
                cb = None  # "Nok 28, Thai massage": a Thai name and her age, not 28 Norwegian crowns
        if e - s <= 2 and (cb is not None or (place is None and _next_to_length(text, s, s, {}, by_end))):
            # thousands after a space, after a currency or a length: "SEK 1 800/tim", "kr 2 500", "Noc 2 000"
            spaced = _SPACED_THOUSANDS.match(text, e)
            if spaced is not None:
                e = num_end = spaced.end()
        if cb is None and place != 1:
            ca = t.cur_after.match(text, e)
            letter = text[e:e + 2].lstrip(" \t\u00a0")[:1] if ca is None else ""
            if letter and _local_thousands(text, e, t) is not None:
                letter = ""  # "20e/óra" in Hungary: thousands, not euros
            if letter and t.cur_after_rate is not None and letter in t.rate_first:
                ca = t.cur_after_rate.match(text, e)
            if ca is None and letter and t.cur_after_length is not None and letter in t.length_first:
                ca = t.cur_after_length.match(text, e)
                if ca is not None and not _next_to_length(text, s, ca.end(), by_start, by_end):
                    ca = None  # "Paris 20e"
            if ca is not None and not _currency(ca.group("c"), t, cc):
                ca = None  # "5 ft" outside Hungary is a height
            if ca is not None and place == 2 and _opens_amount(text, ca.end()):
                ca = None  # "07700 900 336 £150": the sign belongs to the amount after the phone
            if ca is not None and _glued_sign_before_amount(text, ca):
                ca = None  # "MADISON 25 $350 HR", "Zone 1 £200": the sign glued to the next amount is its own
        marker = cb if cb is not None else ca
        if place is not None and marker is not None and _emoji_marker(marker.group(0)):
            continue  # "🌹 07700 900 222 🌹": an emoji around a phone is decoration
        if place is not None and cb is None and ca is None:
            continue
        amount = _amount(m.group(1) + spaced.group(), None) if spaced is not None else _amount(m.group(1), m.group(2))
        thousands = local = False
        range_thousands: str | None = None  # the currency of a range's first end that takes the second's thousands
        if ca is None and e < size:
            tm, local = _thousands_at(text, e, t)
            if tm is not None:
                ct = t.cur_after.match(text, tm.end()) if cb is None else None
                if ct is not None and not _currency(ct.group("c"), t, cc):
                    ct = None
                if cb is not None or ct is not None or amount < (1000 if local else 100):
                    # a bare amount needs a duration below
                    amount, e, thousands, ca = amount * 1000, tm.end(), True, ct
            elif cb is None and amount < 1000:
                head = _range_head_thousands(text, e, t, cc, amount)
                if head is not None:
                    # "20-25 тыс/час", "Ár: 20-25 ezer/óra": the thousands word of the second end is the first's
                    amount, thousands, range_thousands = amount * 1000, True, head
        if amount <= 0 or amount > t.max_amount:
            continue
        currency: str | None = None
        span_start, after = s, e
        if cb is not None:
            currency = _currency(cb.group(0).strip(), t, cc)
            span_start = cb.start()
            code = t.cur_after.match(text, e)
            if code is not None and code.group("c").replace(".", "").isalpha() \
                    and (named := _currency(code.group("c"), t, cc)):
                # "$250 CAD/h": the code after the amount names the dollar and comes before the duration
                # ("$1,500 M.N. la hora": Mexico's "moneda nacional"; "$1200 all nite": no lek outside Albania)
                currency, after = named, code.end()
        elif ca is not None:
            currency = _currency(ca.group("c"), t, cc)
            after = ca.end()
        if currency is None and dashed and _ROUND_DASH.match(text, s, e) is not None:
            currency = t.country_currency.get(cc)  # "450.- zwei Stunden": ".-" writes a price in CH, DE, AT
        range_head = range_thousands is not None
        if range_head:
            currency = range_thousands
        elif currency is None and place is None and not thousands:
            # "150-200 € de l'heure", "Entre 100 y 150 euros": the first end of a range takes the second's
            currency = _range_end_currency(text, e, t, cc, amount) \
                if amount >= t.min_bare and not _name_before(text, s) else None
            range_head = currency is not None
            if currency is None and signed_head is not None and signed_head < amount <= 4 * signed_head \
                    and text[last_end:s] in ("-", "–", "~"):
                currency = last_currency  # "$800-1200/week", "£150-200": the second end takes the first's sign
        explicit = currency is not None
        if cb is not None and _emoji_marker(cb.group(0)) and _next_word(text, e) in t.not_after \
                and _connected_duration(text, e, t, used) is None:
            continue  # "Giulia 🌹 38 anni": the rose decorates a name before an age
        if ca is not None and cb is None and _emoji_marker(ca.group(0)) and _name_before(text, s) \
                and _connected_duration(text, after, t, used) is None:
            continue  # "Chloe 23 🌹 1 hour £150": the rose decorates a heading's name and age
        if not explicit:
            if amount < t.min_bare or (1900 <= amount <= 2099 and not thousands and text[s:e].isdigit()
                                       and not _night_before(text, s, by_end)
                                       and not _length_in_brackets_after(text, e, by_start)):
                # a year, but not "Overnight 2000", "2,000 la hora" (no year has a separator) nor "Ceník:
                # 2000 (1h)"
                continue
            if e < size and text[e].isalpha() and t.per_hour.match(text, e) is None \
                    and t.per_half_hour.match(text, e) is None and not (e in by_start and by_start[e].unit_only):
                continue  # "19yo", "160cm", "3x"; not "200hr", an amount and its rate
            if _next_word(text, e) in t.not_after and _connected_duration(text, e, t, used) is None:
                continue  # "25 ans", but "200 an hour"
        # The first price decides how this text pairs durations and amounts; a figure that turns out to be
        # no price ("Marseille 13008", "1m65") does not.
        first = first_duration < span_start if duration_first is None else duration_first
        # A labelled amount, or one listed right after a price ("Rates: 300 (1h), 550 (2h)"), or a cell of a
        # table of rates whose header names the currency ("Duration | Incall (£) | Outcall (£)").
        in_table = None if explicit or not tables else _table_at(tables, s)
        labelled = not explicit and (in_table is not None or _labelled(text, s, t) or (
            list_open and _LIST_GAP.fullmatch(text, last_end, span_start) is not None))
        if explicit and first and row_dur is not None and currency != last_currency \
                and _OTHER_CURRENCY_GAP.fullmatch(text, last_end, span_start):
            # "1 Std. 180 € (ca. CHF 170) / 2 Std. 320 €": the same rate in another currency shares the length
            # written before the first; the next length is the next rate's
            dur: _Duration | None = row_dur
        else:
            dur = _bind(text, span_start, after, explicit, first, t, by_start, by_end, used, labelled,
                        lengths_after=not first and last_dur is not None and last_dur.start >= last_amount_end)
        if range_head and dur is not None and dur.start >= after:
            dur = None  # the length after a range is its second end's, shared with the first below
        elif first and explicit and row_dur is not None and dur is not None and dur.start >= after \
                and _BLANK_GAP.fullmatch(text, last_end, span_start) is not None \
                and _AMOUNT_NEXT.match(text, dur.end) is not None:
            # a table flattened to one line, lengths first: "30 mins £100 £130 1 hour £150 £180" (incall and
            # outcall): the second amount shares the row's length; the one after it heads the next row
            dur = row_dur
            flat_table = True
        headed = False  # the length heads the amount's column: the span stays the amount's own
        if dur is None and columns and explicit:
            dur = _column_length(columns, text, s)  # "30min | 1hr | 2hr\n£130 | £200 | £380"
            headed = dur is not None
        if dur is None and (explicit or in_table is not None or (
                row_dur is not None and _SLASH.fullmatch(text, last_end, span_start) is not None)):
            cell = None if row_dur is None else _ROW_CELL_GAP.fullmatch(text, last_end, span_start) or (
                _BLANK_GAP.fullmatch(text, last_end, span_start) if flat_table or (first and explicit) else None)
            if cell is not None and ("/" not in cell.group() or _slash_columns(text)):
                # "Half hour | 140$ | 190$", "Incall / Outcall\n1h : 150€ / 200€": the row's duration is
                # every cell's (a bare "1h 150€ / 250€" may be two lengths' rates); under an in/out label,
                # bare amounts too ("In/Out : 30 min 150/200")
                dur = row_dur
            elif (explicit or in_table is not None) and last_dur is not None and currency != last_currency \
                    and (_OTHER_CURRENCY_GAP.fullmatch(text, last_end, span_start)
                         or (_COMMA_GAP.fullmatch(text, last_end, span_start)
                             and _CLAUSE_CLOSE.match(text, after) is not None)):
                # "½ hr: 150 USD / CAD 200", "£200 per hour (€230)": the same rate in another currency, also
                # after a comma where the amount ends its clause ("300 BBD per hour, US$150.")
                dur = last_dur
        dur_before = dur if dur is not None and dur.end <= span_start else None
        if not explicit:
            if dur is None and not labelled:
                continue
            if heading_currency is None:
                heading_currency = _heading_currency(text, t, cc)
            currency = in_table or heading_currency or t.country_currency.get(cc)
            if currency is None and dur is None:
                continue
        if dur is not None:
            # an amount of no length ("outcall +$50" before "1 hr $300 / 2 hrs $550") leaves the habit open
            duration_first = first
        if dur is not None and not headed:
            used.add(dur.start)
            same = by_end.get(dur.end)
            if same is not None:
                used.add(same.start)  # a rate mark ("/hr") is also a duration ("hr") no later amount may take
            span_start = min(span_start, dur.start)
            after = max(after, dur.end)
            if cb is not None and "$" in cb.group(0) and dur.start >= e:
                code = _DOLLAR_CODE_AFTER.match(text, after)
                if code is not None:
                    currency, after = code.group(1).upper(), code.end()  # "$300/hr USD" in a Mexican ad
        row_dur, last_dur, last_currency, last_amount_end = dur_before, dur, currency, after if dur is None else e
        last_end, list_open = after, labelled
        # a signed amount of no length, or of one written before it ("1 hour £150-200"), may head a range
        signed_head = amount if cb is not None and (dur is None or dur_before is not None) else None
        while listed and listed[0][0] < span_start:
            yield listed.pop(0)
        # A shorthand of no stated length ("QV 80") makes the amount a price, without minutes.
        yield (span_start, after, amount, currency, (dur.minutes or None) if dur else None,
               bool(dur is not None and dur.minutes is None))
    yield from listed


# Between the items of a list written with "/" ("30 min/1h/2h", "120 / 180 €"), and between a list of lengths
# and its list of amounts ("1h/2h: 200/350 EUR", "30/60 min = 100/150€").
# (after an abbreviation's dot too: "1 godz. / 2 godz.")
_SLASH = re.compile(r"\.?[ \t\u00a0]{0,2}/[ \t\u00a0]{0,2}")
_LISTS_GAP = re.compile(r"[ \t\u00a0]{0,3}(?:(?:[:=\-–—>→➜]|->|=>)[ \t\u00a0]{0,3})?")
_LEAD_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
_MAX_LISTED = 6  # a rate card lists a few lengths
_LISTED_NIGHT = MAX_MINUTES + 1  # a night in a list of lengths, after the longest


def _slash_lists(text: str, runs: list[tuple[int, int]], durs: list[_Duration], t: _Tables,
                 cc: str) -> tuple[list[PriceHit], set[int], set[int]]:
    """Rates written as a list of lengths and then a list of as many amounts, both joined by "/", paired in
    order: "30 min/1h/2h = 120/180/330 €", "30/60 min: 100/150 EUR" (a bare number takes the unit of the
    length after it).  Both lists must grow, so dates ("12/05") and scores pair nothing.  Returns the prices,
    the starts of the digit runs they used and the starts of the durations they used."""
    inside = {i for d in durs for i in range(d.start, d.end)}
    # (start, end, minutes or None for a bare number, the number as written); a night last ("30 min / 1 h /
    # nuit : 150 / 250 / 1200 $") as _LISTED_NIGHT
    items: list[tuple[int, int, int | None, str]] = [
        (d.start, d.end, _LISTED_NIGHT if d.minutes is None else d.minutes, text[d.start:d.end])
        for d in durs if d.minutes is None or d.minutes > 0]
    items += [(s, e, None, text[s:e]) for s, e in runs if s not in inside and e - s <= 3]
    items.sort()
    hits: list[PriceHit] = []
    used_runs: set[int] = set()
    used_durs: set[int] = set()
    k = 0
    while k < len(items):
        chain = [items[k]]
        while k + 1 < len(items) and len(chain) <= _MAX_LISTED \
                and _SLASH.fullmatch(text, chain[-1][1], items[k + 1][0]) is not None:
            k += 1
            chain.append(items[k])
        k += 1
        if not 2 <= len(chain) <= _MAX_LISTED or chain[-1][2] is None:
            continue
        minutes = _listed_minutes(chain)
        if minutes is None:
            continue
        gap = _LISTS_GAP.match(text, chain[-1][1])  # always matches: every part is optional
        amounts = _listed_amounts(text, gap.end() if gap else chain[-1][1], len(chain), t, cc)
        if amounts is None:
            amounts = _amounts_before_lengths(text, runs, chain[0][0], chain[-1][1], len(chain), t, cc)
        if amounts is None:
            continue
        for (s, e, amount, currency), length in zip(amounts[0], minutes, strict=True):
            night = length == _LISTED_NIGHT
            hits.append((s, e, amount, currency, None if night else length, night))
        used_runs.update(r for r, _ in runs if amounts[1] <= r < amounts[2] or chain[0][0] <= r < chain[-1][1])
        used_durs.update(start for start, _, m, _ in chain if m is not None)
    return hits, used_runs, used_durs


def _amounts_before_lengths(text: str, runs: list[tuple[int, int]], start: int, end: int, count: int, t: _Tables,
                            cc: str) -> tuple[list[tuple[int, int, float, str]], int, int] | None:
    """The list of ``count`` amounts that ends right before the list of lengths at ``start:end``, written in
    brackets: "200 / 350 / 600 lei (30 min / 1 oră / 2 ore)".  Both lists whole: no more amounts before
    the first, the bracket closed after the last length."""
    k = start
    while k > 0 and start - k < 3 and text[k - 1] in " \t(":
        k -= 1
    if k == start or "(" not in text[k:start] or not text[end:end + 3].lstrip(". \t").startswith(")"):
        return None  # amounts, then their lengths in brackets; not a list of lengths after other figures
    lo = max(0, k - _AMOUNTS_BEFORE_REACH)
    for s, _e in runs:
        if lo <= s < k:
            # after a price label the amounts may go without a currency: "Tariffe: 100 / 150 / 250 / 800 (30
            # min / 1 ora / 2 ore / notte)"
            default = t.country_currency.get(cc, "") if _labelled(text, s, t) else ""
            found = _listed_amounts(text, s, count, t, cc, default)
            if found is not None and found[2] <= k and text[found[2]:k].strip(" \t") == "" \
                    and not text[max(0, found[1] - 4):found[1]].rstrip(" \t\u00a0$€£").endswith("/"):
                return found
    return None


_AMOUNTS_BEFORE_REACH = 60  # characters a list of amounts may take before its lengths


def _listed_minutes(chain: list[tuple[int, int, int | None, str]]) -> list[int] | None:
    """The lengths of a "/" list, a bare number taking the unit of the next length ("30/60 min"); None
    unless they grow."""
    out: list[int | None] = [m for _, _, m, _ in chain]
    if _LISTED_NIGHT in out[:-1]:
        return None  # a night is the longest, listed last
    unit: float | None = None  # minutes per unit of the next length written with its number
    for i in range(len(chain) - 1, -1, -1):
        _, _, m, written = chain[i]
        if m == _LISTED_NIGHT:
            unit = None
        elif m is not None:
            lead = _LEAD_NUMBER.match(written)
            number = float(lead.group().replace(",", ".")) if lead is not None else 0.0
            unit = m / number if number > 0 else None  # "half hour" has no number to scale
        elif unit is None:
            return None
        else:
            out[i] = round(float(written) * unit)
    lengths = [m for m in out if m is not None]
    if len(lengths) != len(out) or any(
            not 0 < a < b <= MAX_MINUTES and not (0 < a <= MAX_MINUTES and b == _LISTED_NIGHT)
            for a, b in itertools.pairwise(lengths)):
        return None
    return lengths


def _listed_amounts(text: str, pos: int, count: int, t: _Tables, cc: str,
                    default: str = "") -> tuple[list[tuple[int, int, float, str]], int, int] | None:
    """Exactly ``count`` growing amounts joined by "/" at ``pos``, with one currency written before or after
    any of them ("120/180/330 €", "€100/€150"), or none and a ``default`` one: ``(start, end, amount,
    currency)`` each, and where the list starts and ends."""
    found: list[tuple[int, int, float]] = []
    currencies: set[str] = set()
    start = pos
    while True:
        s = pos
        while pos < len(text) and pos - s < 6 and not text[pos].isdigit():
            pos += 1
        m = _NUM.match(text, pos)
        if m is None:
            return None
        if pos > s:
            cb = t.cur_before.search(text, s, pos)
            code = _currency(cb.group(0).strip(), t, cc) if cb is not None and cb.start() == s else ""
            if not code:
                return None
            currencies.add(code)
        end = m.end()
        ca = t.cur_after.match(text, end)
        code = _currency(ca.group("c"), t, cc) if ca is not None else ""
        if ca is not None and code:
            currencies.add(code)
            end = ca.end()
        found.append((s, end, _amount(m.group(1), m.group(2))))
        gap = _SLASH.match(text, end)
        if gap is None or len(found) == count:
            break
        pos = gap.end()
    if not currencies and default:
        currencies.add(default)
    if len(found) != count or len(currencies) != 1 or any(not 0 < a[2] < b[2] for a, b in itertools.pairwise(found)) \
            or found[-1][2] > t.max_amount:
        return None
    if end < len(text) and (text[end].isalnum() or _SLASH.match(text, end) is not None):
        return None  # more amounts than lengths, or the list goes on as something else
    currency = currencies.pop()
    return [(s, e, a, currency) for s, e, a in found], start, end


# A header of two or three columns split by "/", without digits: "Incall / Outcall", "Reçoit / Se déplace".
_SLASH_HEADER = re.compile(r"^[ \t]*[^\W\d]+(?:[ \t][^\W\d]+){0,2}(?:[ \t]*/[ \t]*[^\W\d]+(?:[ \t][^\W\d]+){0,2}){1,2}"
                           r"[ \t]*:?[ \t]*$", re.MULTILINE)


# ... or an incall/outcall label before the rates on their line: "Tariffe in/out: 1h 150/200 €", "Tarifs
# (incall / outcall) : 1h 200 € / 250 €"
_IN_OUT_LABEL = re.compile(r"(?<![^\W\d_])in(?:call)?[ \t]?/[ \t]?out(?:call)?(?![^\W\d_])", re.I)


def _slash_columns(text: str) -> bool:
    return _SLASH_HEADER.search(text) is not None or _IN_OUT_LABEL.search(text) is not None


# A currency word heading a rate card, alone on its line or as its label: "🌹 Roses 🌹", "Roses: 1hr 250".
_HEADING_WORD = re.compile(r"^[^\w\n]*([^\W\d_]{3,12})[ \t]*(?::|[^\w\n]*$)", re.MULTILINE)


def _heading_currency(text: str, t: _Tables, country: str) -> str:
    """The currency that a word heading a rate card names for its bare amounts, or that a rose beside the word
    names ("🌹 Donations 🌹"), or ""."""
    for m in _HEADING_WORD.finditer(text):
        code = _currency(m.group(1), t, country) or (_currency("🌹", t, country) if "🌹" in m.group(0) else "")
        if code:
            return code
    return ""


_MAX_COLUMNS = 12  # a rate card has a few lengths; more cells make no header (and keep the lookup short)


def _length_columns(text: str, by_start: dict[int, _Duration]) -> list[tuple[int, int, list[_Duration]]]:
    """``(start, end, lengths)`` of the rows under a header whose "|" cells are each one length ("30 Min. |
    60 Min. | Nacht"): the rows with as many cells, up to the first line without them."""
    out: list[tuple[int, int, list[_Duration]]] = []
    header: list[_Duration] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        cells = line.count("|") + 1
        if header is not None and cells == len(header):
            out.append((pos, end, header))
        else:
            header = _header_lengths(text, pos, end, by_start) if 2 <= cells <= _MAX_COLUMNS else None
        pos = end
    return out


def _header_lengths(text: str, start: int, end: int, by_start: dict[int, _Duration]) -> list[_Duration] | None:
    """The length each "|" cell of the line ``text[start:end]`` holds, if each holds one and nothing else."""
    lengths = []
    cell = start
    while cell <= end:
        bar = text.find("|", cell, end)
        stop = end if bar == -1 else bar
        i = cell
        while i < stop and not text[i].isalnum() and text[i] != "½":
            i += 1
        d = by_start.get(i)
        if d is None or d.end > stop or any(c.isalnum() for c in text[d.end:stop]) or d.minutes == -1:
            return None
        lengths.append(d)
        cell = stop + 1
    return lengths


def _column_length(columns: list[tuple[int, int, list[_Duration]]], text: str, pos: int) -> _Duration | None:
    """The length heading the column of the table row cell at ``pos``, if any."""
    k = bisect.bisect_right(columns, (pos, _AFTER_ALL)) - 1
    if k < 0 or not columns[k][0] <= pos < columns[k][1]:
        return None
    row_start, _, lengths = columns[k]
    return lengths[text.count("|", row_start, pos)]


# A table's header cell naming its currency in brackets: "Incall (£)", "Reçoit ($)", "Wyjazd (zł)".
_HEADER_CURRENCY = re.compile(r"\(([^()\s\d]{1,4})\)")


def _rate_tables(text: str, t: _Tables, country: str) -> list[tuple[int, int, str]]:
    """``(start, end, currency)`` of the rows of each table of rates: the lines of cells ("|" or, from a
    page's table, tabs between them) after a header line whose cells name a currency in brackets (or, naming
    none, whose first cell is "Duration" or its translation: the ad's currency), up to the first line of no
    cells (blank lines, as a page's rows come out, go on)."""
    out: list[tuple[int, int, str]] = []
    currency: str | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        cells = _TABLE_CELLS.split(line.strip()) if "|" in line or "\t" in line else ()
        if len(cells) < 2:
            if line.strip():
                currency = None
        elif currency is not None:
            out.append((pos, end, currency))
        else:
            found = {_currency(m.group(1), t, country) for m in _HEADER_CURRENCY.finditer(line)} - {""}
            currency = found.pop() if len(found) == 1 else None
            if currency is None and not found and cells[0].strip().lower() in _LENGTH_HEADERS:
                currency = t.country_currency.get(country)  # "Duration | Incall | Outcall": the ad's currency
        pos = end
    return out


_TABLE_CELLS = re.compile(r"[ \t]*\|[ \t]*|\t[ \t]*")  # "|" or a tab between a table's cells


# The first cell of a table of rates that names its rows' lengths ("Duration | Incall | Outcall").
# Not "time" and its translations, which also head opening hours.
_LENGTH_HEADERS = frozenset({"duration", "length", "durée", "duree", "duración", "duracion", "dauer", "durata",
                             "duur", "durată", "duração", "duracao", "czas trwania"})


def _table_at(tables: list[tuple[int, int, str]], pos: int) -> str | None:
    """The currency of the table row holding ``pos``, if any (rows are in text order)."""
    k = bisect.bisect_right(tables, (pos, _AFTER_ALL, "")) - 1
    if k >= 0 and tables[k][0] <= pos < tables[k][1]:
        return tables[k][2]
    return None


_AFTER_ALL = 1 << 62  # sorts after any row's end offset at the same start

def _bind(text: str, start: int, after: int, explicit: bool, duration_first: bool, t: _Tables,
          by_start: dict[int, _Duration], by_end: dict[int, _Duration], used: set[int],
          labelled: bool = False, lengths_after: bool = False) -> _Duration | None:
    """The duration of the amount spanning ``[start, after)``, or None.

    A shorthand label right before the amount wins in a text that writes durations first ("QV 80 HH 120":
    "HH" is 120's, not a mark after 80).  Then a glued rate mark ("150/h", "150ph", "150 hh").  Otherwise
    the text's own habit decides: when its first duration comes before its first amount ("30 min 100€ /
    1h 170€", "Hour: 150") a free duration before the amount is preferred, else one tied after it by a
    connector ("100€/30min 180€/1h", "150 per hour").  A free duration after the amount ("£150 1hr",
    "100€ 30 min") comes last, and only for amounts with a currency, durations without a number of
    their own ("150 half hour"), or where a rate before was written amount first (``lengths_after``:
    "200 hh / 550 2h").
    """
    before = _free_duration_before(text, start, by_end, used, t.fillers) if duration_first else None
    if before is not None and before.label:
        return before  # "QV 80 HH 120": "HH" labels 120, it is not the mark after 80
    if _sentence_after_abbreviation(text, after):
        # "Kiszállás 5000 Ft. Óra 30 000 Ft.": the currency's dot ends the sentence; the next one's length
        # is not this amount's
        return before if duration_first else _free_duration_before(text, start, by_end, used, t.fillers)
    for marks, minutes in ((t.per_hour, 60), (t.per_half_hour, 30)):
        ph = marks.match(text, after)
        if ph is not None and not (ph.end() < len(text) and text[ph.end()].isdigit()):  # "1hr200 hh150"
            mark = ph.group(0)
            return _Duration(ph.start() + len(mark) - len(mark.lstrip()), ph.end(), minutes)
    if explicit and after > 0 and text[after - 1] in _SIGNS_BEFORE_H:
        hm = _H_AFTER_SIGN.match(text, after)
        if hm is not None:
            return _Duration(hm.start(1), hm.end(1), 60, unit_only=True)  # "250$ h", as "$250 h"
    if duration_first:
        dur = before or _connected_duration(text, after, t, used)
    else:
        dur = _connected_duration(text, after, t, used) or _free_duration_before(text, start, by_end, used, t.fillers)
    if dur is None:
        after_dur = _free_duration_after(text, after, by_start, used)
        if after_dur is None and explicit:
            after_dur = _free_duration_after(text, after, by_start, used, t.fillers)  # "$35 foot massage 1hr"
        # Without a currency only a duration without a number ("150 hour", "150 half hour", "1500 overnight"),
        # or a labelled amount's duration in brackets ("Rates: 300 (1h)").
        if after_dur is not None and (explicit or after_dur.unit_only or lengths_after
                                      or (labelled and "(" in text[after:after_dur.start])
                                      or (labelled and after_dur.start - after <= 1
                                          and _ITEM_END.match(text, after_dur.end) is not None)):
            dur = after_dur  # ... or a labelled list's item "Rates: 300 1hr / 550 2hrs"
    if dur is None and (explicit or labelled):
        # "$150 for 30 / $240 for 60", "Rates: 200 (30) / 300 (60)": minutes without their unit, after a
        # priced amount only (a bare "170/60" is a height and a weight)
        bm = _MINUTES_ONLY.match(text, after)
        if bm is not None:
            dur = _Duration(bm.start(1), bm.end(), int(bm.group(1)))
        else:
            # "$400 for the hour, $700 for 2": hours without their unit, a few only and nothing after them
            hm = _HOURS_ONLY.match(text, after)
            if hm is not None and _AN_HOUR.search(text, max(0, start - _HOUR_REACH), start) is not None:
                n = hm.group(1).lower()
                dur = _Duration(hm.start(1), hm.end(), 60 * (int(n) if n.isdigit() else _SPELLED_HOURS[n]))
    return dur


def _sentence_after_abbreviation(text: str, after: int) -> bool:
    """Whether an amount ending at ``after`` with an abbreviation's dot ("Ft.", "din.", "лв.") is followed
    by a new sentence (a capital letter)."""
    if after == 0 or text[after - 1] != "." or after >= len(text) or text[after] not in " \t":
        return False
    i = after
    while i < len(text) and i - after < 3 and text[i] in " \t":
        i += 1
    return i < len(text) and text[i].isupper()


_BLANK_GAP = re.compile(r"[ \t\u00a0]{1,3}")
_AMOUNT_NEXT = re.compile(r"\.?[ \t\u00a0:]{0,3}(?:[£$€][ \t]?)?[0-9]")
_ITEM_END = re.compile(r"[ \t]{0,2}(?:[,;/|•·\n]|$)")  # the end of a list's item
# An hour's "h" alone after an amount's sign: "250$ h", "150€ h" (as "$250 h"), never before more digits
_SIGNS_BEFORE_H = frozenset("$€£")
_H_AFTER_SIGN = re.compile(r"[ \t]{1,2}(h)(?![^\W_])(?![ \t]{0,2}[0-9])")
# What stands between the prices of a list: "300 (1h), 550 (2h)", "200 (30) / 300 (60)", "150 | 250".
_LIST_GAP = re.compile(r"[ \t]{0,2}\)?[ \t]{0,2}[,;/|•·][ \t]{0,2}")
_ROW_CELL_GAP = re.compile(r"[ \t]{0,3}[|¦/][ \t]{0,3}|\t[ \t]{0,3}")  # a bar, a slash or a tab between cells
_OR_WORDS = r"(?:or|ou|o|oder|of|oppure|sau|lub|albo|vagy|eller|tai|nebo|ili|или|або|ή|arba|vai|või)"
# About: "(ok. 600 zł)", "(≈ 1000 RON)", "(kb. 80 000 Ft)", "(approx. $150)"
_ABOUT_WORDS = (r"(?:(?:ok|około|okolo|kb|ca|cca|approx|aprox|env|environ|circa|etwa|ungefähr|cerca|около|прибл"
                r"|приблизно|приблизително)\.?|[≈~±])")
_CURRENCY_OR = re.compile(
    rf"(?-i:[ \t]?[A-Z]{{3}})?[ \t]{{0,2}}(?:[/(][ \t]{{0,2}}(?:{_OR_WORDS}[ \t]{{1,2}})?|{_OR_WORDS}[ \t]{{1,2}})"
    rf"(?:{_ABOUT_WORDS}[ \t]{{0,2}})?", re.I)
_COMMA_GAP = re.compile(r"[ \t]{0,2},[ \t]{1,2}")
_OTHER_CURRENCY_GAP = re.compile(
    rf"[ \t]{{0,2}}(?:[/(][ \t]{{0,2}}(?:{_OR_WORDS}[ \t]{{1,2}})?|{_OR_WORDS}[ \t]{{0,2}})?"
    rf"(?:{_ABOUT_WORDS}[ \t]{{0,2}})?", re.I)
# (not a slash list's next amount: "Tarifas: 80 / 120 / 200 / 600" lists four rates)
_MINUTES_ONLY = re.compile(
    r"[ \t]?(?:/[ \t]?(?=[0-9]{2,3}(?![0-9]|[ \t]{0,2}/[ \t]{0,2}[0-9]))|[ \t]?for[ \t]|[ \t]?\()"
    r"(15|20|30|45|60|90|120|180)\)?(?![0-9A-Za-z%'’/:]|[.,][0-9])", re.I)


_HOURS_ONLY = re.compile(r"[ \t]for[ \t](2|3|4|two|three|four)(?![0-9%'’/:]|[.,][0-9]|[ \t]*[^\W\d_])", re.I)
_SPELLED_HOURS = {"two": 2, "three": 3, "four": 4}
# ... after an hour's rate in the same stretch of text ("$200 for 2" alone may be for two people)
_AN_HOUR = re.compile(r"(?<![^\W\d_])(?:hour|hr|1 ?hr?|1 ?hour)(?![^\W\d_])", re.I)
_HOUR_REACH = 80


def _prev_char(text: str, pos: int) -> str:
    """The character before ``pos``, skipping up to two spaces."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0" and pos - i < 2:
        i -= 1
    return text[i - 1] if i > 0 else ""


def _connected_duration(text: str, pos: int, t: _Tables, used: set[int]) -> _Duration | None:
    """A duration tied to the amount ending at ``pos`` by a connector: "per hour", "la demi-heure", "/30min";
    also after the bracket closing an amount written in brackets, "£150 (€175) per hour"."""
    if text.startswith(")", pos) and "(" in text[max(0, pos - 12):pos]:
        pos += 1
    cm = t.connector.match(text, pos)
    if cm is None:
        return None
    dm = t.durations.match(text, cm.end())
    if dm is None:
        # "150 euros la séance d'une heure": a word for the session, then a second connector
        fm = _WORD.match(text, cm.end())
        if fm is not None and fold(fm.group()) in t.fillers:
            cm2 = t.connector.match(text, fm.end())
            if cm2 is not None and cm2.end() > fm.end():
                dm = t.durations.match(text, cm2.end())
    if dm is not None:
        d = _duration_from(text, dm, t)
        return d if d.minutes != -1 and d.start not in used and not _is_label(text, d) else None
    sm = _WORD.match(text, cm.end())
    if sm is not None and t.shorthand.get(sm.group().lower()) and sm.start() not in used:
        return _Duration(sm.start(), sm.end(), t.shorthand[sm.group().lower()], unit_only=True)  # "150 for hh"
    bu = t.bare_unit.match(text, cm.end())
    if bu is not None:
        return _Duration(bu.start(), bu.end(), 60)
    return None


def _next_word(text: str, pos: int) -> str:
    """The folded word (or single symbol) right after ``pos``, skipping at most two spaces."""
    i = pos
    while i < len(text) and text[i] in " \t\u00a0" and i - pos < 2:
        i += 1
    j = i
    while j < len(text) and text[j].isalpha() and j - i < 12:
        j += 1
    if j == i:
        return text[i:i + 1]
    return fold(text[i:j])


# Who the length is spent with, between it and the colon before its amount: "One hour with both of us:
# £250", "Uma hora com uma de nós: 120 euros", "1h avec nous deux : 400 €".
_COMPANY_BEFORE = re.compile(r"(?<![^\W\d_])(?:with|com|con|avec|mit|met|cu|z|ze)[ \t\u00a0]"
                             r"(?:[^\W\d_]{1,10}[ \t\u00a0]){0,3}[^\W\d_]{1,10}[ \t\u00a0]?:[ \t\u00a0]*\Z", re.I)
_COMPANY_REACH = 56


def _free_duration_before(text: str, pos: int, by_end: dict[int, _Duration], used: set[int],
                          fillers: frozenset[str] = frozenset()) -> _Duration | None:
    """A free duration right before ``pos``, across gap characters and up to two filler words, or across
    whom it is spent with before a colon (``_COMPANY_BEFORE``); or alone on the line before an amount that
    opens its line ("30 min\n$180", "Media hora:\n80€")."""
    company = _COMPANY_BEFORE.search(text, max(0, pos - _COMPANY_REACH), pos) if fillers else None
    if company is None and fillers and ":" in text[max(0, pos - 4):pos]:
        # a line that opens with a length, says what it is for, then a colon: "kwartier nek/schouders: € 35",
        # "30 min neck and shoulders: £35"
        line = text.rfind("\n", max(0, pos - _ROW_REACH), pos) + 1
        d = next((by_end[e] for e in range(pos - 4, line, -1) if e in by_end), None)
        row = None if d is None else _ROW_TAIL.fullmatch(text, d.end, pos)
        if d is not None and row is not None and d.start not in used and d.minutes != -1 \
                and fold(row.group(1)) not in _NO_ROW_WORDS and _opens_line(text, d.start, article=True):
            return d
    i = pos if company is None else company.start()
    words_skipped = 0
    line_above = False
    brackets_skipped = False
    for _ in range(40):
        d = by_end.get(i)
        if d is not None:
            if d.start in used or d.minutes == -1:
                return None
            return d if not line_above or _opens_line(text, d.start, article=True) else None
        if i == 0:
            return None
        if text[i - 1] == ")" and not brackets_skipped and (i - 1) not in by_end \
                and not (text[i - 2 : i - 1] == "." and (i - 2) in by_end):  # "(4 Std.) 800 €" is a length
            k = text.rfind("(", max(0, i - 24), i - 1)
            if k != -1 and "\n" not in text[k:i]:
                brackets_skipped = True  # "overnight (10pm-10am) £1000": hours in brackets between
                i = k
                continue
        if text[i - 1] in _LEFT_GAP:
            i -= 1
            continue
        if text[i - 1] == "\n" and not line_above and not words_skipped:
            line_above = True
            i -= 2 if i > 1 and text[i - 2] == "\r" else 1
            continue
        if not text[i - 1].isalpha() or words_skipped == 2:
            return None
        j = i
        while j > 0 and text[j - 1].isalpha() and i - j < 20:
            j -= 1
        if j > 1 and text[j - 1] in "'’" and text[j - 2].isalpha():
            k = j - 1  # an elided word before: "1h c'est 240$"
            while k > 0 and text[k - 1].isalpha() and j - k < 4:
                k -= 1
            if fold(text[k:i]) in fillers:
                j = k
        if fold(text[j:i]) not in fillers:
            return None
        words_skipped += 1
        i = j
    return None


_ROW_TAIL = re.compile(r"[ \t]{1,2}([^\W\d_]{1,20})(?:(?:[ \t]{1,2}|[ \t]?[/&+][ \t]?)[^\W\d_]{1,20}){0,3}"
                       r"[ \t]?:[ \t]{0,2}(?:[€$£][ \t]?)?")
_ROW_REACH = 90
_NO_ROW_WORDS = frozenset({"price", "prices", "priced", "off", "prix", "preis", "precio", "prezzo", "preço", "preco"})
# ("half price today: 100" is a sale, no half hour's rate)


def _opens_line(text: str, pos: int, article: bool = False) -> bool:
    """Whether only blanks and list marks stand between the start of ``pos``'s line and ``pos``; with
    ``article``, maybe one short word too ("Una hora:", "Eine Stunde")."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0-–•·*>" and pos - i < 8:
        i -= 1
    if article and i < pos and i > 0 and text[i - 1].isalpha():
        j = i
        while j > 0 and text[j - 1].isalpha() and i - j < 5:
            j -= 1
        if i - j <= 4:
            return _opens_line(text, j)
    return i == 0 or text[i - 1] in "\n\r"


def _free_duration_after(text: str, pos: int, by_start: dict[int, _Duration], used: set[int],
                         fillers: frozenset[str] = frozenset()) -> _Duration | None:
    """A free duration right after ``pos`` across gap characters, and across up to two ``fillers`` words
    when given ("$35 foot massage 1hr", "$50 special 1hr"); also after the bracket closing an amount written in
    brackets, "£280 (€325) two hours"."""
    i = pos
    if text.startswith(")", pos) and "(" in text[max(0, pos - 12):pos]:
        i += 1
    words_skipped = 0
    for _ in range(8):
        d = by_start.get(i)
        if d is not None:
            return None if d.start in used or d.minutes == -1 or d.label or _is_label(text, d) else d
        if i < len(text) and text[i].isalpha() and fillers and words_skipped < 2 and i > pos \
                and text[i - 1] in " \t\u00a0":
            j = i
            while j < len(text) and text[j].isalpha() and j - i < 20:
                j += 1
            if fold(text[i:j]) not in fillers or j >= len(text) or text[j] not in " \t\u00a0":
                return None
            words_skipped += 1
            i = j + 1
            continue
        if i >= len(text) or text[i] not in _RIGHT_GAP:
            return None
        i += 1
    return None


# "250.-", "1000,-", "2 500,-", "2000:-" (Swedish): a whole amount, never "1.-2." (a range)
_ROUND_DASH = re.compile(r"(?:\d{2,5}|[1-9]\d?[ \u00a0\u202f.]\d{3})[.,:][-–]")


def _length_in_brackets_after(text: str, end: int, by_start: dict[int, _Duration]) -> bool:
    """A length in brackets right after an amount: "2000 (1h)", "1500 (noc)"."""
    j = end
    while j < len(text) and j - end < 2 and text[j] in " \t":
        j += 1
    return j < len(text) and text[j] == "(" and j + 1 in by_start


def _night_before(text: str, start: int, by_end: dict[int, _Duration]) -> bool:
    """Whether a night's duration or a length that opens its line or a list's item stands right before
    ``start`` ("Overnight 2000", "Hour 400 / Overnight 2000", "Nacht: 2000", "30min 1200 | 1h 2000")."""
    i = start
    while i > 0 and start - i < 3 and text[i - 1] in " \t\u00a0:-–":
        i -= 1
    d = by_end.get(i)
    if d is None or (d.minutes is None and not d.unit_only) or (d.minutes is not None and d.minutes <= 0):
        return False
    k = d.start  # the night opens its line or an item of a rate list, not a name ("© Anunturi Noaptea 2025")
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    return k == 0 or text[k - 1] in "\n/|,;•·-–(:"


def _labelled(text: str, start: int, t: _Tables) -> bool:
    return t.label.search(text, max(0, start - 40), start) is not None


class PriceExtractor:
    """Prices and rates (kind ``price``); see the module docstring for the value format."""

    name = "prices"
    kinds: tuple[str, ...] = ("price",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        """Yield one ``price`` entity per amount stated as a price in ``text``."""
        if field in ("url", "email", "phone"):
            return
        # "$2OO/hr", "15O€": read with the look-alikes as digits (same offsets)
        read = read_lookalike_digits(text) or text
        for start, end, amount, currency, minutes, night, fee, wage in find_prices(read, ctx.reading_country,
                                                                                   ctx.lang):
            value = _fmt(amount) + (f" {currency}" if currency else "")
            if minutes:
                value += f"/{minutes}min"
            elif night:
                value += "/night"
            yield Entity("price", value, field, start, end, text[start:end],
                         {"amount": amount, "currency": currency, "minutes": minutes, "night": night, "fee": fee,
                          "wage": wage})
