"""Stated ages: "19yo", "19 ans", "tengo 19", "neunzehn Jahre", "age: 19".

An age is a number from 10 to 99 tied to an age word: a *unit* after it ("19 years old", "19 años",
"19 Jahre", "dix-neuf ans") or a *cue* before it ("age: 19", "I'm 19", "tengo 19", "ich bin 19").
A bare number never counts, so prices ("19 €"), times ("19:30"), phone digits, dates, "24/7", "24h",
heights and "open 7 days" are not ages.  Units that also measure durations ("10 years of experience",
"depuis 10 ans", "seit 5 Jahren") are refused when a duration word stands right before the number or
right after the unit (``not_before`` / ``not_after`` in ``attributes/ages.yaml``).

Offsets: the span runs from the number (digits or number words) to the end of the unit, including a
following "old"/"alt"/"oud" ("19 years old", "neunzehn Jahre alt").  After a cue without a unit
("I'm 19", "age: 19") the span is the number alone; the cue is not part of it.

Everything is found with two regular expressions made only of literal alternatives and bounded
repeats (linear on any input), then checked by short scans around each hit.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from unveil.extract.base import AdContext
from unveil.extract.cities import city_index, fold, load_attribute_data, word_before, words
from unveil.extract.literals import literal_alternation
from unveil.extract.names import HEIGHT_WEIGHT, is_decoration, is_known_first_name, is_weekday, name_then_number
from unveil.normalise.lookalike_digits import read_lookalike_digits
from unveil.normalise.memo import per_text
from unveil.types import Entity

__all__ = ["AgeExtractor", "find_ages", "heading_words", "number_words", "words_after_heading_ages"]

MIN_AGE = 10
MAX_AGE = 99
MAX_NUMBER_WORDS = 5  # "quatre vingt dix neuf" is the longest spelling
_SEP = " \t\u00a0-"  # between a number and its unit, or between number words
_MAX_DECORATION = 12  # characters of decoration (and blanks) between a number and its unit


def _key(text: str) -> str:
    """Folded text with every run of non-letters but apostrophes, dots and slashes as one space."""
    out: list[str] = []
    space = False
    for ch in fold(text):
        if ch.isalpha() or ch in "'./":
            if space and out:
                out.append(" ")
            out.append(ch)
            space = False
        else:
            space = True
    return "".join(out)


def _words_key(text: str) -> str:
    """Folded words only (punctuation dropped), for matching context phrases."""
    out: list[str] = []
    cur: list[str] = []
    for ch in fold(text):
        if ch.isalpha():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return " ".join(out)


def _phrase_pattern(phrases: Iterable[str]) -> str:
    """Alternation of literal phrases, longest first; a space matches 1-3 spaces/hyphens."""
    forms = {form.lower() for p in phrases for form in (p, fold(p))}
    return literal_alternation(forms, r"[ \t\u00a0\-]{1,3}", ignore_case=True)


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def number_words(spec: Mapping[str, Any]) -> dict[str, int]:
    """Spelled-out numbers 10..99 of every language in ``spec`` (the ``number_words`` block).

    Keys are folded words joined by single spaces ("vingt deux", "einundzwanzig").  Compounds are made
    from the per-language templates, so a language needs only its units, teens and tens in YAML.
    """
    table: dict[str, int] = {}

    def add(form: str, value: int) -> None:
        if MIN_AGE <= value <= MAX_AGE:
            table.setdefault(_words_key(form), value)

    for lang_spec in spec.values():
        units = {int(k): _as_list(v) for k, v in (lang_spec.get("units") or {}).items()}
        teens = {int(k): _as_list(v) for k, v in (lang_spec.get("teens") or {}).items()}
        tens = {int(k): _as_list(v) for k, v in (lang_spec.get("tens") or {}).items()}
        elide = bool(lang_spec.get("elide"))
        compounds_only = set(_as_list(lang_spec.get("compounds_only")))  # Danish "tres" (60) is "three" alone
        for value, forms in list(teens.items()) + list(tens.items()):
            for f in forms:
                if f not in compounds_only:
                    add(f, value)
        for value, forms in (lang_spec.get("extra") or {}).items():
            for f in _as_list(forms):
                add(f, int(value))
        for template in _as_list(lang_spec.get("compound")):
            for tv, tforms in tens.items():
                for uv, uforms in units.items():
                    for t in tforms:
                        for u in uforms:
                            tt = t[:-1] if elide and fold(u)[:1] in "aeiou" and fold(t)[-1:] in "aeiou" else t
                            add(template.format(t=tt, u=u), tv + uv)
        for base, bforms in (lang_spec.get("tens_teen") or {}).items():
            for template in _as_list(lang_spec.get("tens_teen_compound")):
                for b in _as_list(bforms):
                    for teen_v, teen_forms in teens.items():
                        for teen in teen_forms:
                            add(template.format(t=b, teen=teen), int(base) + teen_v)
    return table


@dataclass(frozen=True, slots=True)
class _Tables:
    unit_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    line_cue_re: re.Pattern[str]  # a profile's label, its number on the next line or in the next cell
    old_re: re.Pattern[str]
    bare: frozenset[str]
    not_before: frozenset[str]
    relatives: frozenset[str]
    age_verbs: frozenset[str]
    not_after: frozenset[str]
    things: frozenset[str]  # animals, vehicles, buildings: their years are no poster's age
    not_units: frozenset[str]
    months: frozenset[str]
    ordinal_nouns: frozenset[str]
    unit_keys: frozenset[str]
    words: dict[str, int]
    word_firsts: frozenset[str]
    unit_first: frozenset[str]
    cue_first: frozenset[str]
    not_before_cue: frozenset[str]
    name_cue_re: re.Pattern[str]
    name_cue_first: frozenset[str]
    person_re: re.Pattern[str]
    person_first: frozenset[str]
    heading_not_before: frozenset[str]
    numbered_districts: dict[str, int]
    glued: dict[str, re.Pattern[str]]  # country -> its units written glued to the number ("23v" in Finland)


_SPACED_UNIT_MIN_AGE = 18


def _glued_pattern(units: list[str]) -> re.Pattern[str]:
    """Two digits and one of a country's own units, glued ("23v") or, for an abbreviation with its dot, after
    one space ("26 v.", "25 m.", "24 g.v.")."""
    dotted = [u for u in units if u.endswith(".")]
    spaced = r"|[ \u00a0](?:" + _phrase_pattern(dotted) + ")" if dotted else ""
    return re.compile(r"(?<![0-9.,/:\-])([0-9]{2})(?:" + _phrase_pattern(units) + spaced + r")(?![^\W_])", re.I)


def is_month_word(word: str) -> bool:
    """Whether ``word`` names a month in one of the languages of ``months`` in attributes/ages.yaml."""
    return _words_key(word) in _tables().months


@functools.cache
def _tables() -> _Tables:
    data = load_attribute_data("ages.yaml")
    units = data.get("units") or {}
    strong = _as_list(units.get("strong"))
    bare = _as_list(units.get("bare"))
    # A unit starts after a non-letter (digits allowed: "19yo") and ends before a non-letter.
    unit_re = re.compile(r"(?<![^\W\d_])(?:" + _phrase_pattern(strong + bare) + r")(?![^\W\d_])", re.I)
    cue_re = re.compile(
        r"(?<![^\W\d_])(?:" + _phrase_pattern(_as_list(data.get("cues"))) + r")"
        r"[ \t\u00a0]{0,3}[:=\-–~]?[ \t\u00a0]{0,3}"
        r"(?:(?:" + _phrase_pattern(_as_list(data.get("approx_words"))) + r")\.?[ \t\u00a0]{1,3})?(?=[^\W_])",
        re.I,
    )
    line_cues = _as_list(data.get("line_cues"))
    unknown = sorted(set(line_cues) - set(_as_list(data.get("cues"))))
    if unknown:
        raise ValueError(f"attributes/ages.yaml: line_cues {unknown} are not in cues")
    line_cue_re = re.compile(
        r"(?<![^\W\d_])(?:" + _phrase_pattern(line_cues) + r")[ \t\u00a0]{0,3}"
        r"(?::?[ \t\u00a0]{0,3}\r?\n|\|)[ \t\u00a0]{0,3}(?=\d)", re.I)
    old_re = re.compile(r"[ \t\u00a0\-]{1,2}(?:" + _phrase_pattern(_as_list(data.get("old_words"))) + r")(?![^\W\d_])",
                        re.I)
    spelled = number_words(data.get("number_words") or {})
    cues = _as_list(data.get("cues"))
    name_cues = _as_list(data.get("name_cues"))
    # "I'm Zoraya, 26": a cue, a capitalised word and a comma, then the number; or an emoji between them,
    # "Hi I'm Dallas 😘 25" (a rose or a money sign makes it a price: see where it is read)
    name_cue_re = re.compile(
        r"(?<![^\W\d_])(?:" + _phrase_pattern(name_cues) + r")[ \t\u00a0]{1,3}"
        r"(?P<word>(?-i:[^\W\d_a-zß-öø-ÿ])[^\W\d_]{1,24})"
        r"(?:[ \t\u00a0]{0,2},[ \t\u00a0]{0,2}(?=\d|[^\W\d_])|[ \t\u00a0]{1,2}"
        r"[\u2600-\u27bf\U0001f300-\U0001faff\ufe0f\u200d]{1,4}[ \t\u00a0]{1,2}(?=\d))",
        re.I,
    )  # (after a comma, in words too: "I'm Layla, twenty-five, Lebanese girl")
    # "Irish girl, 31", "chica latina, 24": a word for the poster, a comma, then the number.
    persons = _as_list(data.get("person_words"))
    # ... or in brackets ("Mature student (35)"), or after Dutch "van" ("meisje van 24"); in words too ("een
    # meisje van vierentwintig", "Irish girl, twenty-six").
    person_re = re.compile(
        r"(?<![^\W\d_])(?:" + _phrase_pattern(persons) + r")(?![^\W\d_])(?:[ \t\u00a0]+[^\W\d_]{2,20})?"
        r"(?:[ \t\u00a0]{0,2},[ \t\u00a0]{0,2}|[ \t\u00a0]{1,2}\([ \t\u00a0]?|[ \t\u00a0]van[ \t\u00a0])"
        r"(?=\d|[^\W\d_]{3})",
        re.I,
    )
    # Words that number other things in a heading: the file's list, and every one-word rate, duration and
    # label word of the price patterns ("Half 60", "Incall 40", "Massage 30").
    prices = load_attribute_data("prices.yaml")
    rate_words = [w for key in ("minute_units", "hour_units", "hour_words", "night_words", "half_hour",
                                "duration_fillers", "per_half_hour_marks", "labels", "label_fillers")
                  for w in _as_list(prices.get(key)) if " " not in w]
    districts = data.get("numbered_districts") or {}
    return _Tables(
        unit_re=unit_re,
        cue_re=cue_re,
        line_cue_re=line_cue_re,
        old_re=old_re,
        bare=frozenset(_key(u) for u in bare),
        not_before=frozenset(_words_key(w) for w in _as_list(data.get("not_before"))),
        relatives=frozenset(_words_key(w) for w in _as_list(data.get("relatives"))),
        age_verbs=frozenset(_words_key(w) for w in _as_list(data.get("age_verbs"))),
        not_after=frozenset(_words_key(w) for w in _as_list(data.get("not_after"))),
        things=frozenset(_words_key(w) for w in _as_list(data.get("thing_words"))),
        not_units=frozenset(_words_key(w) for w in _as_list(data.get("not_units")) + _as_list(data.get("months"))),
        months=frozenset(_words_key(w) for w in _as_list(data.get("months"))),
        ordinal_nouns=frozenset(_words_key(w) for w in _as_list(data.get("ordinal_nouns"))),
        unit_keys=frozenset(_words_key(u) for u in strong + bare),
        words=spelled,
        word_firsts=frozenset(k.split(" ")[0] for k in spelled),
        unit_first=frozenset(_words_key(u).split(" ")[0] for u in strong + bare),
        cue_first=frozenset(_words_key(c).split(" ")[0] for c in cues),
        not_before_cue=frozenset(_words_key(w) for w in _as_list(data.get("not_before_cue"))),
        name_cue_re=name_cue_re,
        name_cue_first=frozenset(_words_key(c).split(" ")[0] for c in name_cues),
        person_re=person_re,
        person_first=frozenset(_words_key(c).split(" ")[0] for c in persons),
        heading_not_before=frozenset(fold(w) for w in _as_list(data.get("heading_not_before")) + rate_words),
        numbered_districts={fold(str(k)): int(v) for k, v in districts.items()},
        glued={str(cc).upper(): _glued_pattern(_as_list(units))
               for cc, units in (data.get("glued_units") or {}).items()},
    )


def _words_before(text: str, end: int, n: int, label: bool = False) -> list[str]:
    """Up to ``n`` folded words ending at ``end`` (nearest last); stops at any punctuation.

    With ``label``, a colon right before ``end`` is read through: "Mindestalter der Gäste: 25 Jahre".
    """
    out: list[str] = []
    i = end
    while len(out) < n:
        j = i
        while j > 0 and text[j - 1] in " \t\u00a0'’" and i - j < 3:
            j -= 1
        if label and not out and j > 0 and text[j - 1] == ":":
            j -= 1
            while j > 0 and text[j - 1] in " \t\u00a0" and i - j < 4:
                j -= 1
        dot = not out and j > 1 and text[j - 1] == "." and text[j - 2].isalpha()
        if dot:
            j -= 1  # an abbreviation right before the number: "max. 40 de ani", "min. 18"
        k = j
        while k > 0 and text[k - 1].isalpha() and j - k < 30:
            k -= 1
        if k == j or (j == i and out) or (dot and fold(text[k:j]) not in _ABBREVIATIONS):
            break
        out.insert(0, fold(text[k:j]))
        i = k
    return out


_ABBREVIATIONS = frozenset({"max", "min", "maks", "ca", "cca", "approx"})  # read with their dot before an age


def _words_after(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` folded words starting at ``start``; stops at any punctuation but apostrophes."""
    out: list[str] = []
    i = start
    size = len(text)
    while len(out) < n:
        j = i
        while j < size and text[j] in " \t\u00a0'’" and j - i < 3:
            j += 1
        k = j
        while k < size and text[k].isalpha() and k - j < 30:
            k += 1
        if k == j or (j == i and out):
            break
        out.append(fold(text[j:k]))
        i = k
    return out


def _relatives_age(words: list[str], tables: _Tables) -> bool:
    """Whether ``words`` (before a number) are a relative's, maybe with a name, then a verb for having or
    being an age: "hijo tiene", "madre Rosario tiene", "Sohn ist"."""
    return len(words) >= 2 and words[-1] in tables.age_verbs and not tables.relatives.isdisjoint(words[:-1])


# "who" after a comma: "Locuiesc cu sora mea, care are 28 de ani", "my sister, who is 30"
_WHO_WORDS = frozenset({"who", "care", "qui", "que", "quien", "die", "der", "welche", "che", "la", "quale", "wie",
                        "ktora", "ktory", "która", "który"})


def _relative_who_has(text: str, start: int, tables: _Tables) -> bool:
    """Whether "who has" (or "who is") before the number at ``start`` follows a comma after a relative: "cu
    sora mea, care are 28 de ani"."""
    words = _words_before(text, start, 3)
    if len(words) != 2 or words[0] not in _WHO_WORDS or words[1] not in tables.age_verbs:
        return False  # (two words only: the look back stopped at a mark before "who")
    comma = text.rfind(",", max(0, start - 40), start)
    return comma != -1 and not tables.relatives.isdisjoint(_words_before(text, comma, 3))


def _matches_any(words: list[str], phrases: frozenset[str], at_end: bool) -> bool:
    for n in range(1, len(words) + 1):
        part = words[-n:] if at_end else words[:n]
        if " ".join(part) in phrases:
            return True
    return False


def _digits_before(text: str, end: int) -> tuple[int, int] | None:
    """(start, value) of a two-digit number ending at ``end`` that is not part of a longer number."""
    start = end
    while start > 0 and text[start - 1].isdigit() and end - start < 3:
        start -= 1
    if end - start != 2 or not text[start:end].isascii():
        return None
    if start > 0:
        prev = text[start - 1]
        if prev.isdigit() or prev in "€$£¥+" or (prev == "#" and not text[end:end + 1].isalpha()):
            return None  # an amount or a number ("#12 years"), not a hashtag's age with its unit ("#24yo")
        if prev in ".,:/-" and start > 1 and text[start - 2].isdigit():
            return None  # "1.19 years", "2/19", "10-19 years": part of another number or a range
    return start, int(text[start:end])


# "26 and 38", "(20 & 25)": a second age after a named one
# (not a phone's country code: "Sofia 24 +44 20 7946 0123")
_PAIR_AFTER = re.compile(r"[ \t]?(?:&|\+|and|et|y|e|en|und|i|și|si)[ \t]?([0-9]{2})(?![0-9])(?![ \t.\-/]?[0-9])",
                         re.IGNORECASE)
# "21 y 24 años", "22 and 24 years": an age before the one a unit states, joined by "and".
_PAIRED_AGE = re.compile(r"(?<![0-9.,/:-])([0-9]{2})\s(?:and|et|y|e|und|en|și|si|i|és|og|och|ja|и|і|και)\s\Z",
                         re.IGNORECASE)
# A single digit after a tens word: "twenty 4", "vingt 3".
_TENS_THEN_DIGIT = re.compile(r"[ \t\u00a0-]{1,2}([1-9])(?![0-9])")


def _split_digits_before(text: str, end: int, tables: _Tables) -> tuple[int, int] | None:
    """(start, value) of an age whose two digits are set apart, "2 4 yo", "2.5 ans" not ("2.5" is a decimal),
    or whose tens are a word, "twenty 4 yo", ending at ``end`` before a unit."""
    if end < 1 or not text[end - 1].isdigit() or (end > 1 and text[end - 2].isdigit()):
        return None
    if end >= 3 and text[end - 2] == " " and text[end - 3].isdigit() and (end == 3 or not text[end - 4].isalnum()):
        return end - 3, int(text[end - 3] + text[end - 1])
    j = end - 1
    while j > 0 and text[j - 1] in _SEP and end - 1 - j < 2:
        j -= 1
    if j == end - 1:
        return None
    tens = _number_words_before(text, j, tables)
    if tens is None or tens[1] % 10 != 0 or tens[1] < 20:
        return None
    return tens[0], tens[1] + int(text[end - 1])


_APOSTROPHES = frozenset("'’ʼ")


def _word_char(text: str, k: int) -> bool:
    """A letter, or an apostrophe between two letters ("п'ять", "дев'ять" in Ukrainian)."""
    c = text[k]
    return c.isalpha() or (c in _APOSTROPHES and 0 < k < len(text) - 1 and text[k - 1].isalpha()
                           and text[k + 1].isalpha())


def _number_words_before(text: str, end: int, tables: _Tables) -> tuple[int, int] | None:
    """(start, value) of spelled-out number words ending at ``end`` ("vingt-deux")."""
    spans: list[tuple[int, int]] = []
    i = end
    while len(spans) < MAX_NUMBER_WORDS:
        k = i
        while k > 0 and _word_char(text, k - 1) and i - k < 30:
            k -= 1
        if k == i:
            break
        spans.insert(0, (k, i))
        j = k
        while j > 0 and text[j - 1] in _SEP and k - j < 2:
            j -= 1
        if j == k:
            break
        i = j
    for n in range(len(spans), 0, -1):
        first = spans[-n][0]
        if first > 0 and text[first - 1].isalnum():
            continue
        key = _words_key(" ".join(text[a:b] for a, b in spans[-n:]))  # "п'ять" is keyed "п ять"
        value = tables.words.get(key)
        if value is not None:
            return first, value
    return None


def _number_words_after(text: str, start: int, tables: _Tables) -> tuple[int, int] | None:
    """(end, value) of the longest spelled-out number starting at ``start``."""
    spans: list[tuple[int, int]] = []
    i = start
    size = len(text)
    while len(spans) < MAX_NUMBER_WORDS:
        k = i
        while k < size and _word_char(text, k) and k - i < 30:
            k += 1
        if k == i:
            break
        spans.append((i, k))
        if len(spans) == 1 and fold(text[i:k]) not in tables.word_firsts:
            return None
        j = k
        while j < size and text[j] in _SEP and j - k < 2:
            j += 1
        if j == k:
            break
        i = j
    for n in range(len(spans), 0, -1):
        last = spans[n - 1][1]
        if last < size and text[last].isalnum():
            continue
        key = _words_key(" ".join(text[a:b] for a, b in spans[:n]))
        value = tables.words.get(key)
        if value is not None:
            return last, value
    return None


# "21 - 35", "20 à 30", "25 to 60"; "and" only after "between" ("between 30 and 60", not "22 and 24" twins).
_RANGE_WORDS = r"(?:[-–]|to|bis|à|a|aos|ai|al|au|tot|do|t/m|tot en met|până la|pana la)"
_BETWEEN = r"(?:between|entre|zwischen|tra|fra|tussen|între|intre|między|miedzy)"
_AND = r"(?:and|et|y|e|und|en|și|si|i)"
_RANGE_AFTER = re.compile(rf"\s?{_RANGE_WORDS}\s?[0-9]{{2}}(?![0-9])")
_ARTICLE = r"(?:i|gli|le|los|las|les|the|de|die|den)"  # "tra i 30 e i 60 anni", "entre los 25 y los 40"
# Years of living or working somewhere, the place between: "Been in Leeds 10 years", "lived in Perth 12 years";
# years at work.
_RESIDENCE_BEFORE = re.compile(
    # ("been out here on the Costa del Sol 14 years")
    r"(?<![^\W\d_])(?:(?:been|lived|living|live|based|worked|working|stayed)\s(?:out\s)?(?:in|at|here|there)"
    r"(?:\s(?:the\s)?[^\W\d_][\w'’-]*){0,5}:?\s(?:for\s)?"
    # years at work: "Been doing this 10 years", "Been a masseuse 15 years", "Working 10 years in Sydney"
    r"|(?:been|working(?!\s(?:girl|woman|lady|mom|mum|student|professional))|worked|doing\s(?:this|it))(?:\s[^\W\d_][\w'’-]*){0,3}\s(?:for\s)?"
    # Romanian "Sunt în București de 10 ani", "Locuiesc aici de 5 ani"
    r"|(?:sunt|stau|locuiesc|lucrez|tr[aă]iesc)\s(?:[îi]n|aici)(?:\s[^\W\d_][\w'’-]*){0,3}\s(?:de\s)?"
    # Russian and Ukrainian "Живу в Берлине 12 лет", "Мешкаю у Празі вже 5 років"
    r"|(?:живу|жила|проживаю|работаю|працюю|мешкаю)\s(?:в|во|у|на)(?:\s[^\W\d_][\w'’-]*){1,3}\s(?:уже\s|вже\s)?)$",
    re.IGNORECASE)
# "in" before a country after the unit: "12 yrs in Canada", "10 años en España", "5 Jahre in der Schweiz"
_IN_AFTER = re.compile(r"[ \t]+(?:in the|in der|in|en|em|no|na|au|aux|im|w|we|în)[ \t]+(?=[^\W\d_])",
                       re.IGNORECASE)


def _in_a_country_after(text: str, end: int) -> bool:
    """Whether "in" and a country's name follow the unit ending at ``end``: years of living there."""
    from unveil.extract.cities import country_spans  # imports this module

    m = _IN_AFTER.match(text, end)
    return m is not None and any(a == m.end() for a, _b, _c in country_spans(text))


# Years of experience with a few words between: "Doświadczenie w masażu 10 lat", "z doświadczeniem 12 lat",
# "Experience in massage 8 years".
_EXPERIENCE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:do[sś]wiadczeni(?:e|em|a)|experience|experiencia|experiência|expérience|erfahrung"
    r"|esperienza|ervaring|experien[tț][aă]|erfarenhet|erfaring|kokemusta|zku[sš]enost[ií]?|sk[uú]senost[ií]?"
    r"|tapasztalat|iskustv[oa]|izku[sš]nj[eo]|опыт|досвід)(?:\s[^\W\d_][\w'’-]*){0,3}\s"
    r"(?:of\s|de\s|von\s|di\s|van\s)?$", re.IGNORECASE)
# The stems of those words in lower case, a cheap test first (a search of literals over the lowered window
# costs a quarter of the pattern above).
_EXPERIENCE_HINT = re.compile(r"xperi|xpéri|kúsen|rfahr|wiadcz|rvaring|sperien|rfar|okemus|kusen|kušen|apasztal"
                              r"|skustv|zkusnj|zkušnj|опыт|досвід")
_RANGE_BEFORE = re.compile(
    rf"(?:(?<![0-9])[0-9]{{1,2}}\s?{_RANGE_WORDS}|{_BETWEEN}\s(?:{_ARTICLE}\s)?[0-9]{{2}}\s{_AND}(?:\s{_ARTICLE})?)\s?$",
    re.IGNORECASE)



_SPELLED_JOIN = re.compile(rf"\s{_AND}\s\Z", re.IGNORECASE)
_BETWEEN_WORDS = frozenset(("between", "entre", "zwischen", "tra", "fra", "tussen", "intre", "miedzy"))


def _spelled_pair_head(text: str, start: int, tables: _Tables) -> tuple[int, int, int] | None:
    """(start, end, value) of a number in words joined by "and" right before the spelled number at ``start``:
    "vinte e um e vinte e quatro anos" (21 and 24), "twenty and thirty years"."""
    join = _SPELLED_JOIN.search(text, max(0, start - 6), start)
    if join is None:
        return None
    hit = _number_words_before(text, join.start(), tables)
    return None if hit is None else (hit[0], join.start(), hit[1])


def _range_to(text: str, start: int, value: int) -> bool:
    """Whether the number at ``start`` ends a range that grows to it ("de 20 à 30 ans"); a bigger number
    before a dash ends something else ("Tél. 01 99 00 13 50 - 23 ans": a phone, then her age)."""
    m = _RANGE_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    first = _FIRST_DIGITS.search(m.group())
    if first is not None and (first.group().startswith("0") or (
            m.start() >= 2 and text[m.start() - 1] in " ." and text[m.start() - 2].isdigit())):
        return False  # "01 99 00 13 06 - 23 anni": the last group of a number, no range's start
    return first is None or int(first.group()) < value


_FIRST_DIGITS = re.compile(r"[0-9]+")

# More days after a number, then their month: ", 26 et 27 juin", ", 23 y 24 de mayo", "-23 May"
_MORE_DAYS = re.compile(
    r"(?:[ \t]{0,2}(?:,|&|[-–]|et|y|e|und|and|i|og|och|a|au|al|bis|to|și)[ \t]{0,2}\d{1,2}\.?){1,6}"
    r"[ \t]{1,2}(?:(?:de|of|del)[ \t]{1,2})?([^\W\d_]{3,12})", re.I)


def _plain_after_cue(text: str, end: int, tables: _Tables) -> bool:
    """True if what follows a cued number leaves it an age ("I'm 19 and", not "I'm 19 minutes away")."""
    size = len(text)
    if end < size:
        nxt = text[end]
        if nxt.isalpha() or nxt.isdigit() or nxt in "%€$£+":
            return False
        if nxt in ".,:/-" and end + 1 < size and text[end + 1].isdigit():
            return False
        if nxt in " \u00a0" and (sign := _SIGN_AFTER.match(text, end)) is not None \
                and not text[sign.end():sign.end() + 3].lstrip(" \u00a0")[:1].isdigit():
            return False  # "Anfahrtskosten 30 €": an amount's currency, not "Mia 25 £150/hr"
        if nxt == "." and set(_words_after(text, end + 1, 1)) & tables.ordinal_nouns:
            return False  # "im 23. Bezirk": a German ordinal
        if nxt == "." and end + 2 < size and text[end + 1] in "-–" and text[end + 2].isdigit():
            return False  # "Köln 21.–23.05.": a range of days
        days = _MORE_DAYS.match(text, end)
        if days is not None and fold(days.group(1)).lower() in tables.months \
                and not _days_go_back(text, end, days.group()):
            # "Lyon 25, 26 et 27 juin", "Madrid 22, 23 y 24 de mayo": days of a tour (not "Elif, 24, 15-20
            # Mart": an age, then the days)
            return False
        if nxt == "." and end + 2 < size and text[end + 1] == " ":
            word = _words_after(text, end + 1, 1)
            if word and (word[0] in tables.not_units if text[end + 2].islower()
                         else word[0] in tables.months and (word[0] not in _SENTENCE_MONTHS
                                                            or _MONTH_THEN_DATE.match(text, end) is not None)):
                # "Freja, 15. marts", "Mia, 15. März": a date's day (after the dot, a capital opens a sentence
                # unless it is a German month's: "Anna, 25. May I call you?" stays an age)
                return False
        ranged = _RANGE_AFTER.match(text, end)
        if ranged is not None and not (text[end - 2:end].isdigit() and ranged.group()[-2:] < text[end - 2:end]):
            return False  # "Age 21 - 35 only": a range of clients' ages; not "Anaïs 27 – 01 99 00 23 46"
    after = _words_after(text, end, 2)
    if (len(after) == 2 and after[1] in _STREET_AFTER_A_WORD) or (after and after[0] in _STREET_RIGHT_AFTER) \
            or (after and after[0] in _DIRECTION_WORDS and _NUMBERED_STREET_AFTER.match(text, end) is not None):
        # "Amber, 14 Station Road", "Jade, 19 Queen St W", "Mia, 22 boul. Saint-Laurent", "Kayla, 21 W 57th St":
        # a house
        return False
    if len(after) == 2 and " ".join(after) in tables.not_after:
        return False  # "I am 18 or older - Enter": a site's age gate, a rule like "18 and over"
    if after and after[0] == "y" and _AND_A_WORD.match(text, end) is not None:
        return True  # "tengo 23 y soy nueva": Spanish "and", no "y" for years
    return not (after and (after[0] in tables.not_units or after[0] in tables.unit_first))


_AND_A_WORD = re.compile(r"[ \t]y[ \t]{1,2}[^\W\d_]{2}")
_SIGN_AFTER = re.compile("[ \u00a0]{1,2}[€$£¥₽₴₺]")
_DAY_NUMBER = re.compile(r"[0-9]{1,2}")


def _days_go_back(text: str, end: int, days: str) -> bool:
    """Whether the first day listed after the number ending at ``end`` is smaller than it."""
    i = end
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    first = _DAY_NUMBER.search(days)
    return first is not None and text[i:end].isdigit() and int(first.group()) < int(text[i:end])


# A house number's direction and numbered street, as North American grids write them: "21 W 57th St",
# "22 East 14th Street"
_DIRECTION_WORDS = frozenset({"w", "e", "n", "s", "west", "east", "north", "south"})
_NUMBERED_STREET_AFTER = re.compile(
    r"[ \t]{1,2}(?:[NSEW]\.?|North|South|East|West)[ \t]{1,2}[0-9]{1,3}(?:st|nd|rd|th)[ \t]{1,2}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Pl|Place|Dr|Drive)(?![^\W\d_])", re.I)


# English months that are also words or names: capitalised after a full stop, they may open a sentence.
# Followed by a year or by more days ("Lea, 12. April bis 16. April", "Mia, 3. May 2026"), they are a date's.
_MONTH_THEN_DATE = re.compile(
    r"\. [^\W\d_]{3,6}(?:[ \t]{1,2}(?:bis|to|until|till|und|and|&|[-–])[ \t]{1,2}[0-9]{1,2}(?![0-9])"
    r"|[ \t]{1,2}(?:19|20)[0-9]{2}(?![0-9]))")
_SENTENCE_MONTHS = frozenset({"may", "march", "june", "april", "august"})
_STREET_AFTER_A_WORD = frozenset({"road", "street", "avenue", "lane", "drive", "crescent", "terrace", "gardens",
                                  "grove", "rd", "ave", "st", "blvd", "boulevard", "dr", "ln", "cres", "ct", "court",
                                  "hwy", "highway", "pkwy", "parkway", "pl", "place", "sq", "square", "way", "row",
                                  "parade", "mews", "close", "trail"})
# Street words that follow a house number right away, in French, Spanish, Italian and Portuguese addresses and
# North American ones: "22 boul. Saint-Laurent", "23 av. du Parc", "12 rue de la Paix"
_STREET_RIGHT_AFTER = frozenset({"boul", "boulevard", "bd", "bvd", "blvd", "av", "ave", "avenue", "rue", "chemin",
                                 "route", "rte", "allée", "allee", "impasse", "quai", "calle", "avenida", "via",
                                 "viale", "corso", "piazza", "rua", "travessa", "largo", "praça", "praca"})


# "Anna is 28", "Bella is 26, Mike is her driver": a known first name, "is" and two digits (a third person's
# ad); the engine finds the few "is NN" of a text, the name before is checked in Python.
_IS_NUMBER = re.compile(r" (?:is|ist|è|es|é|est|jest|este)(?: only| just| now)? ([0-9]{2})(?![0-9])")


# A relative, a partner or a staff member named before "is" and an age: "My brother Jacob is 35".
_RELATIVES = frozenset("""
    brother son husband boyfriend father dad daddy mum mom mother daughter uncle aunt nephew niece grandma grandpa
    grandmother grandfather cousin driver manager client frère frere fils mari copain père pere hermano hijo marido
    novio padre bruder sohn mann freund vater fratello figlio marito padre broer zoon man vriend vader irmão irmao
    filho marido pai fratele fiul soțul sotul tatăl tatal brat syn mąż maz ojciec
""".split())


def _relative_before(text: str, start: int) -> bool:
    """Whether a word for a relative, a partner or a staff member stands right before ``start``."""
    return word_before(text, start) in _RELATIVES


def _name_is_ages(text: str, tables: _Tables) -> Iterator[tuple[int, int, int]]:
    for m in _IS_NUMBER.finditer(text):
        k = m.start()
        j = k
        while j > 0 and text[j - 1].isalpha() and k - j < 20:
            j -= 1
        if j < k and text[j].isupper() and (j == 0 or not text[j - 1].isalnum()) \
                and is_known_first_name(text[j:k]) and not _relative_before(text, j):
            value = int(m.group(1))
            if MIN_AGE <= value <= MAX_AGE and _plain_after_cue(text, m.end(1), tables):
                yield m.start(1), m.end(1), value


def _named_ages(text: str, tables: _Tables, country: str | None) -> Iterator[tuple[int, int, int]]:
    """``(start, end, age)`` of the two digits after a first name that opens a phrase ("Sandy, 22")."""
    for _s, _e, start, end in name_then_number(text, country):
        if any(c in _PRICE_SIGNS for c in text[_e:start]):
            continue  # "Chloe 💰 30 | Leeds": a price after the name ("Giulia 🌹 38 anni" is read by its unit)
        value = int(text[start:end])
        pair = _PAIR_AFTER.match(text, end)
        if pair is not None and MIN_AGE <= int(pair.group(1)) <= MAX_AGE \
                and _plain_after_cue(text, pair.end(), tables):
            # "Nadine and Katya, 26 and 38", "Duo Katya & Rosa (20 & 25)": two women's ages after their names
            if MIN_AGE <= value <= MAX_AGE:
                yield start, end, value
            yield pair.start(1), pair.end(1), int(pair.group(1))
        elif MIN_AGE <= value <= MAX_AGE and (_plain_after_cue(text, end, tables)
                                              or HEIGHT_WEIGHT.match(text, end) is not None):
            yield start, end, value


# "18 ans et +", "21 years +": a rule about clients, like "18 ans et plus"
_AND_OVER_SIGN = re.compile(r"[ \t\u00a0]{0,2}(?:(?:et|and|&|y|e|und|en|ou|i|și|si|o)[ \t\u00a0]{0,2})?\+(?![0-9])",
                            re.I)


# A listing's heading: "Memphis — Ebony 31", "Natascha, 33", "Kerry, 26 – Waterford", "Regina 28 ✨".
HEADING_MIN_AGE, HEADING_MAX_AGE = 16, 65
# Two digits after a letter and a short gap of blanks, commas or dashes (a superset of the gaps read below):
# the engine hops from digit to digit and checks what stands before in C, so the few candidates of an ad are
# all that is looked at in Python.
_AFTER_A_WORD = re.compile(r"[0-9]{2}(?![0-9])(?:" + "|".join(
    rf"(?<=[^\W\d_][\W_]{{{k}}}[0-9]{{2}})" for k in range(1, 9)) + ")")
_HEADING_OPENERS = frozenset("\n\r—–-|•·:/([*►▶➤→!>›»")
_HEADING_ENDS = frozenset("\n\r,;.!?)|•·—–-/&+~_(")
# Marks between the word and the number: "Natascha, 33", "Lieve – 25", "Ruby|29", "Wren • 27", "Kim-24",
# "Natascha (33)", "NATASCHA ~ 33"; or a line break after a word alone on its line ("Savannah\n27 | Atlanta").
_GAP_MARKS = frozenset(",–—-|•·~_(")
# Words after the number that go on with the heading: "Paris 22 in Houston", "Lotta 24 aus Hamburg" (then a
# capitalised word); not "de", "di", "da", which also stand before a month ("28 de mayo").
_ARRIVAL_WORDS = frozenset({"recém", "recem", "recién", "recien", "just", "new", "newly", "nueva", "nova", "neu",
                            "nouvelle", "nuova", "appena"})
_HEADING_LINKS = frozenset({"in", "à", "a", "en", "aus", "z", "ze", "din", "em", "at", "from", "nach", "uit"})
_BLANKS = " \t\u00a0"
# A word ending like a street's name, or a word for a number, numbers a house: "Handelsweg 50",
# "Naamsestraat 50", "Hauptstraße 24", "Hausnummer 27".
_STREET_ENDINGS = ("weg", "straat", "strasse", "str", "gasse", "laan", "plein", "gracht", "kade", "dreef", "steeg",
                   "gatan", "gata", "vagen", "gade", "vej", "veien", "katu", "utca", "iela", "gatve", "tanav",
                   "allee", "damm", "ufer", "platz", "street", "road", "lane", "avenue", "boulevard", "ulica",
                   "nummer", "number", "numero")


_PRICE_SIGNS = frozenset("🌹💵💶💷💴💰💲💸")  # "London 🌹 25": roses, a price


def _symbol(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk")


def _heading_word_before(text: str, start: int, tables: _Tables, value: int = 0) -> tuple[int, int] | None:
    """``(word_start, word_end)`` of the capitalised word that heads a listing before the number at ``start``
    ("Memphis — Ebony 31", "Natascha, 33", "Lieve – 25"), if one does: at the start of a line or after a
    separator, no abbreviation in capitals, no word that numbers something else, and, with the number's
    ``value``, no town whose districts are numbered up to it, without a mark between ("Paris 18")."""
    i = start
    while i > 0 and text[i - 1] in _BLANKS and start - i < 3:
        i -= 1
    mark = text[i - 1] if i > 0 and (text[i - 1] in _GAP_MARKS or text[i - 1] == "\n") else ""
    if not mark and i > 0 and i < start and (_symbol(text[i - 1]) or text[i - 1] == "\ufe0f") \
            and text[i - 1] not in _PRICE_SIGNS:
        # an emoji between the name and the number: "✨Jaide✨ 28 yo", "Lexi 🍒 24"
        k = i
        while i > 0 and (_symbol(text[i - 1]) or text[i - 1] in _BLANKS or text[i - 1] == "\ufe0f") and k - i < 4:
            i -= 1
        if i == 0 or not text[i - 1].isalpha():
            return None
        mark = "✨"
    elif mark:
        i -= 1
        if mark == "\n" and i > 0 and text[i - 1] == "\r":
            i -= 1
        k = i
        # a word alone on its line may carry an emoji after it: "Sky 💫\n24 y.o."
        while i > 0 and (text[i - 1] in _BLANKS or (mark == "\n" and _symbol(text[i - 1]))) and k - i < 4:
            i -= 1
    elif i == start:
        return None  # glued to a word: "Zimmer2", "G12"
    word_end = i
    while i > 0 and (text[i - 1].isalpha() or (text[i - 1] in "-'’" and i > 1 and text[i - 2].isalpha())) \
            and word_end - i < 24:
        i -= 1
    word = text[i:word_end]
    if len(word) < 3 or not word[0].isupper() or (i > 0 and text[i - 1].isalnum()) \
            or (word.isupper() and len(word) <= 3):
        return None
    o = i
    while o > 0 and text[o - 1] in _BLANKS and i - o < 3:
        o -= 1
    if o > 0 and not (text[o - 1] in _HEADING_OPENERS or _symbol(text[o - 1])):
        return None
    if mark == "\n" and o > 0 and text[o - 1] not in "\n\r":
        return None  # a word that ends a longer line: "Rates from\n40 ..."
    key = fold(word)
    if text[max(0, i - 3) : i].rstrip(" ").lower().endswith("c/"):
        return None  # "C/ Sierpes 20": a Spanish street ("calle") and its number
    if key in tables.heading_not_before or key.endswith(_STREET_ENDINGS) or "'" in key \
            or key in tables.cue_first or key in tables.name_cue_first:
        return None  # "Edad 29", "I'm 19", "Mam 27 lat": a cue, not a heading
    if value and not mark and tables.numbered_districts.get(key, 0) >= value:
        return None
    return i, word_end


def _heading_goes_on(text: str, end: int) -> bool:
    """Whether the heading goes on after the number at ``end``: the end of the text, a separator or an
    emoji, a link word then a capitalised word ("in Houston"), or a town ("Tiana 21 NYC Midtown")."""
    size = len(text)
    j = end
    while j < size and text[j] in _BLANKS and j - end < 3:
        j += 1
    if j >= size or text[j] in _HEADING_ENDS or _symbol(text[j]):
        return True
    if j == end:
        return False
    k = j
    while k < size and text[k].isalpha() and k - j < 24:
        k += 1
    word = text[j:k]
    if word.lower() in _ARRIVAL_WORDS:
        return True  # "Brasileira 22 recém chegada", "Latina 24 new in town": she has just arrived
    if word.lower() in _HEADING_LINKS:
        n = k
        while n < size and text[n] in _BLANKS and n - k < 2:
            n += 1
        return n > k and n < size and text[n].isupper()
    return word[:1].isupper() and bool(city_index().lookup(word))


# A postcode and a town after a heading's number: ", 120 00 Praha", ", 10000 Zagreb", ", 101 Reykjavík"
_POSTCODE_AFTER = re.compile(r"[ \t]{0,2},[ \t]{0,2}\d{3}(?:[ \u00a0]?\d{1,3})?[ \t]{1,2}[^\W\d_]")


def _heading_ages(text: str, tables: _Tables) -> Iterator[tuple[int, int, int, int, int]]:
    """``(start, end, age, word_start, word_end)`` of two digits after a capitalised word that opens a line
    or follows a listing's separator, where the phrase ends after the number.

    The word may be a name the first-name list lacks ("Ebony", "Natascha"), a town ("Dallas, 24, new in
    town") or a word for the poster: whichever, a heading states the poster's age there.  Not after a word
    that numbers something else (``heading_not_before``, rate and duration words: "Size 38", "Room 21",
    "Half 60", "Friday 24"; a street's name, "Handelsweg 50"), nor after a town whose districts are
    numbered, without a comma ("Paris 18", "Dublin 24"), nor an abbreviation in capitals ("HH 40", "EU 38").
    Asked only when no other form states an age in the text (see :func:`find_ages`).
    """
    for m in _AFTER_A_WORD.finditer(text):
        start, end = m.span()
        value = int(m.group())
        if not HEADING_MIN_AGE <= value <= HEADING_MAX_AGE:
            continue
        before = _heading_word_before(text, start, tables, value)
        if before is None:
            continue
        i, word_end = before
        if not _plain_after_cue(text, end, tables) or not _heading_goes_on(text, end) \
                or text.startswith(_NOT_AN_AGE_MARK, end + 1 if text[end : end + 1] in _BLANKS else end):
            continue
        post = _POSTCODE_AFTER.match(text, end)
        if post is not None and text[post.end() - 1].isupper():
            continue  # "Vinohradská 25, 120 00 Praha 2", "Ilica 45, 10000 Zagreb": a street and its number
        yield start, end, value, i, word_end


def find_ages(text: str, country: str | None = None) -> Iterator[tuple[int, int, int, bool]]:
    """Yield ``(start, end, age, words)`` for each stated age in ``text``, in text order.

    ``country`` (ISO alpha-2) keeps a city of that country that is also a first name out of "Name, 22".
    """
    by_country = _ages_by_country(text)
    got = by_country.get(country)
    if got is None:
        got = by_country[country] = _find_ages(text, country)
    yield from got


@per_text
def _ages_by_country(text: str) -> dict[str | None, list[tuple[int, int, int, bool]]]:
    # Filled by find_ages: the age and name extractors of one field share the ages of each country.
    return {}


def _find_ages(text: str, country: str | None) -> list[tuple[int, int, int, bool]]:
    tables = _tables()
    found: dict[int, tuple[int, int, int, bool]] = {}
    for start, end, value in _named_ages(text, tables, country):
        found[start] = (start, end, value, False)
    for start, end, value in _name_is_ages(text, tables):
        found.setdefault(start, (start, end, value, False))
    by_unit, by_cue = _worded_ages(text)
    found.update(by_unit)
    for start, age in by_cue.items():
        found.setdefault(start, age)
    glued = tables.glued.get(country or "")
    if glued is not None:
        for m in glued.finditer(text):
            # after a space the abbreviation may be a measure ("15 m." is fifteen metres): adults only
            low = _SPACED_UNIT_MIN_AGE if text[m.end(1)] in " \u00a0" else MIN_AGE
            if low <= int(m.group(1)) <= MAX_AGE:
                found.setdefault(m.start(), (m.start(), m.end(), int(m.group(1)), False))
    if not found:
        found = {start: (start, end, value, spelled) for start, end, value, spelled, _, _ in _heading_ages_of(text)}
    if not found and ("|" in text or "•" in text or "·" in text):
        found = {start: (start, end, value, False) for start, end, value in _item_ages(text, tables)}
    return [found[start] for start in sorted(found) if _MONTH_YEAR_AFTER.match(text, found[start][1]) is None
            and _REVIEWER_BEFORE.search(text, max(0, start - 40), start) is None
            and _COUNT_AFTER.match(text, found[start][1]) is None
            and not _things_age(text, start, found[start][1], tables)]


_THING_REACH = 80  # how far back in its sentence a thing's word is looked for
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def _things_age(text: str, start: int, end: int, tables: _Tables) -> bool:
    """Whether the years at ``text[start:end]`` are an animal's, a vehicle's or a building's: one of
    ``thing_words`` earlier in the sentence ("Mi perro Rocky tiene 12 años", "Wallach, 14 Jahre") or among
    the four words after the number ("30 year old bungalow", "11 yr old male Beagle")."""
    lo = i = max(0, start - _THING_REACH)
    k = start
    while k > lo:
        k -= 1
        c = text[k]
        if c in "!?\n" or (c == "." and k + 2 < len(text) and text[k + 1] == " " and text[k + 2].isupper()):
            i = k + 1  # a sentence's end ("15.2hh" and "ca. 10 jaar" end none)
            break
    if any(part in tables.things for w in _WORD.findall(text, i, start) for part in fold(w).split("-")):
        return True
    after = _words_after(text, end, 4)
    if any(w in tables.things for w in after):
        return True
    # a home's years, said of it right after the age words or as its subject: "30 year old house", "Die Wohnung
    # ist 20 Jahre alt" (not "I'm 24, my flat is in Soho", which the words near a number would take)
    return (_OLD_HOME_AFTER.match(text, end) is not None
            and _SHE_IS_BEFORE.search(text, max(0, start - 12), start) is None) \
        or _HOME_IS_BEFORE.search(text, max(0, start - 40), start) is not None


_SHE_IS_BEFORE = re.compile(r"(?i:(?<![^\W\d_])(?:i['’]?m|i am|ich bin|je suis|soy|tengo|sono|ho|ik ben)[ \t]{1,2})\Z")


_OLD_HOME_AFTER = re.compile(
    r"(?i:(?:(?:[ \t-]{1,2}(?:years?|yrs?))?[ \t-]{1,2}old)?(?<=old)[ \t]{1,2}"
    r"(?:house|flat|apartment|building|cottage|home)(?![^\W\d_]))")
_HOME_IS_BEFORE = re.compile(
    r"(?i:(?<![^\W\d_])(?:house|flat|apartment|building|haus|wohnung|geb[äa]ude|maison|appartement|immeuble|casa"
    r"|piso|apartamento|appartamento|huis|woning|appartement|mieszkanie|dom|apartament)"
    r"[ \t]{1,2}(?:is|ist|est|a|es|tiene|tem|è|ha|heeft|ma|are)[ \t]{1,2})\Z")


# A count after the number: a profile's reviews, photos and followers, "Chloe (24 reviews)", "Jade · 24
# photos", "Mia | 12 Fotos", "Manon – 27 avis".
_COUNT_AFTER = re.compile(
    r"[ \t\u00a0]{1,2}(?:reviews?|photos?|pics?|pictures?|images?|fotos?|bilder|videos?|vids?|avis|commentaires?"
    r"|comments?|bewertungen|kommentare|beoordelingen|recensies|reacties|opiniones|rese[ñn]as|comentarios"
    r"|recensioni|commenti|immagini|avalia[çc][õo]es|coment[áa]rios|opinii|recenzj[ei]|zdj[eę][ćc]|opinie"
    r"|followers|abonnés|abonnes|seguidores|follower|likes|views|vues|aufrufe|visitas|visualizzazioni"
    r"|posts|ads|annonces|anzeigen|anuncios|annunci|stars|sterne|étoiles|etoiles|estrellas|stelle)(?![^\W\d_])",
    re.IGNORECASE)


# A review's author after the quote: "« Très belle rencontre » — Thomas, 52 ans", "“Lovely” — Peter, 48".
_REVIEWER_BEFORE = re.compile(r"[\"»”“][ \t]{0,2}[—–-][ \t]{0,2}[^\W\d_][\w'’-]*,?[ \t]{0,2}\Z")


# A month and a year after the number: a date, "Agent Maria (12 Mar 2026 14:30)", "Anna, 24 mai 2026".
_MONTH_YEAR_AFTER = re.compile(
    r"[ \t\u00a0.]{1,2}(?:jan|feb|f[eé]v|mar|m[aä]r|apr|avr|abr|may|mai|mei|maj|mag|jun|jui|iun|giu|jul|iul|lug|"
    r"aug|ao[uû]|ago|sep|set|oct|okt|ott|out|nov|dec|d[eé]c|dez|dic|ene|gen|ian|mrt|sty|lut|kwi|cze|lip|sie|wrz|"
    r"pa[zź]|lis|gru)[^\W\d_]{0,7}\.?,?[ \t\u00a0](?:19|20)[0-9]{2}(?![0-9])", re.IGNORECASE)


# A profile's bio line of items: "23 | 🇷🇴 | London 📍 | DM for rates", "Lexi 🍒 | 24 | Toronto".
_ITEM_SEPARATORS = re.compile(r"[|•·]")
_MIN_ITEMS = 2
_NOT_AN_AGE_MARK = "🔞"  # "18 🔞": the clients' rule, not an age
_WORDS = re.compile(r"[^\W\d_]+")


def _item_ages(text: str, tables: _Tables) -> Iterator[tuple[int, int, int]]:
    """Two digits alone as one item of a line split by "|", "•" or "·", with the decorations of its item
    ("| 24 🍒 |"): a bio states the poster's age so.  Only where the line holds one such number (a rate
    table's row holds several: "30 | 45 | 60"), the item before it does not end with a word that numbers
    something else ("Floor | 12 | ...", "Half | 40 | ...") nor the item after it start with a unit, and a
    line of two items pairs it with words alone ("Lisboa 🇵🇹 | 25", "Berlin based 🇩🇪 | 25")."""
    line_start = 0
    for line in text.split("\n"):
        if _ITEM_SEPARATORS.search(line) is not None:
            yield from _item_ages_of_line(line, line_start, tables)
        line_start += len(line) + 1


def _item_ages_of_line(line: str, offset: int, tables: _Tables) -> Iterator[tuple[int, int, int]]:
    items: list[tuple[int, int]] = []
    last = 0
    for m in _ITEM_SEPARATORS.finditer(line):
        items.append((last, m.start()))
        last = m.end()
    items.append((last, len(line)))
    if len(items) < _MIN_ITEMS:
        return
    bare: list[tuple[int, int, int]] = []  # (item index, start, end) of an item that is two digits alone
    for k, (a, b) in enumerate(items):
        item = line[a:b]
        s = a
        while s < b and (line[s] in _BLANKS or _decoration(line[s])):
            s += 1
        e = b
        while e > s and (line[e - 1] in _BLANKS or _decoration(line[e - 1])):
            e -= 1
        if e - s == 2 and line[s:e].isdigit() and line[s:e].isascii():
            if _NOT_AN_AGE_MARK in item:
                return
            bare.append((k, s, e))
    if len(bare) != 1:
        return
    k, s, e = bare[0]
    value = int(line[s:e])
    if not HEADING_MIN_AGE <= value <= HEADING_MAX_AGE:
        return
    if len(items) == 2:
        other = line[slice(*items[1 - k])]
        if not any(ch.isalpha() for ch in other) or any(ch.isdigit() for ch in other):
            return  # two items: "Lisboa 🇵🇹 | 25", not "30 min | 45"
    if k > 0:
        prev = fold(line[slice(*items[k - 1])]).strip()
        before = _WORDS.findall(prev)
        if before and before[-1] in tables.heading_not_before and not _UNIT_OF_A_FIGURE.search(prev):
            return  # "Floor | 12 | ...", "Half | 40 | ..."; not "55kg | 27 | Lyon", where "kg" is 55's unit
    if k + 1 < len(items):
        after = _WORDS.findall(fold(line[slice(*items[k + 1])]))
        if after and (after[0] in tables.not_units or after[0] in tables.unit_first):
            return  # "| 30 | min"
    yield offset + s, offset + e, value


_UNIT_OF_A_FIGURE = re.compile(r"[0-9][ \t]?[^\W\d_]{1,3}\Z")


def _decoration(ch: str) -> bool:
    """An emoji, a symbol or a mark that decorates an item: "🍒", "✨", "📍", a flag, a variation selector."""
    return unicodedata.category(ch) in ("So", "Sk", "Mn", "Me", "Cf")


def heading_words(text: str, country: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the word that heads a listing before a stated age ("Memphis — Ebony 31",
    "Québec — Marilou 26 ans": "Ebony", "Marilou"); the name extractor reads personas there."""
    tables = _tables()
    out = []
    found = list(find_ages(text, country))
    for start, _, value, _ in found:
        before = _heading_word_before(text, start, tables, value)
        if before is not None:
            out.append(before)
    values = {value for _, _, value, _ in found}
    if any(text.count(str(value)) > 1 for value in values):
        # A profile's field states the age the heading states too ("Jasmijn (25) – Rotterdam" then
        # "Leeftijd: 25"): the heading's word still heads the listing (headings are read only where no
        # other form states an age, see find_ages); only where an age's digits are written twice
        out += [(ws, we) for _s, _e, value, _w, ws, we in _heading_ages_of(text)
                if value in values and (ws, we) not in out]
    return out


def words_after_heading_ages(text: str, country: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the capitalised word right after an age that opens a listing's heading ("26 y/o
    Sky 💋 Sydney CBD", "26yo Skye | Seattle", "24 J. junge Lotta aus Hamburg": one lower-case word may stand
    between), where the heading goes on after it; the name extractor reads personas there."""
    tables = _tables()
    size = len(text)
    out = []
    for start, end, _, _ in find_ages(text, country):
        o = start
        while o > 0 and text[o - 1] in _BLANKS and start - o < 3:
            o -= 1
        if o > 0 and not (text[o - 1] in "\n\r|•·!" or _symbol(text[o - 1])):
            continue  # not after a label's dash or colon: "Возраст - 29 лет. Рост - 172 см"
        j = end
        for _ in range(2):
            gap = j
            while j < size and text[j] in _BLANKS and j - gap < 3:
                j += 1
            k = j
            while k < size and (text[k].isalpha() or (text[k] == "-" and k > j)) and k - j < 24:
                k += 1
            if k - j < 3 or not text[j].isupper():
                j = k  # "junge", "brasileña": a describing word before the name
                continue
            if fold(text[j:k]) not in tables.heading_not_before and _heading_goes_on(text, k):
                out.append((j, k))
            break
    return out


@per_text
def _heading_ages_of(text: str) -> list[tuple[int, int, int, bool, int, int]]:
    tables = _tables()
    found = [(start, end, value, False, ws, we) for start, end, value, ws, we in _heading_ages(text, tables)]
    found += _spelled_heading_ages(text, tables)
    return found


def _spelled_heading_ages(text: str, tables: _Tables) -> list[tuple[int, int, int, bool, int, int]]:
    """Ages spelled out in a heading ("Wren\nTwenty-six, Leeds", "Bogdana — thirty-two", "Sol\n
    sechsundzwanzig"): number words where :func:`_heading_ages` reads two digits."""
    w = words(text)
    firsts = tables.word_firsts & w.keys
    out = []
    for s, _, _ in w.find(firsts) if firsts else ():
        before = _heading_word_before(text, s, tables)
        if before is None:
            continue
        hit = _number_words_after(text, s, tables)
        if hit is None:
            continue
        end, value = hit
        if HEADING_MIN_AGE <= value <= HEADING_MAX_AGE and _plain_after_cue(text, end, tables) \
                and _heading_goes_on(text, end):
            out.append((s, end, value, True, before[0], before[1]))
    return out


@per_text
def _worded_ages(text: str) -> tuple[dict[int, tuple[int, int, int, bool]], dict[int, tuple[int, int, int, bool]]]:
    """The ages a unit or a cue states in ``text`` (``{start: (start, end, age, words)}`` each), the part
    of :func:`find_ages` that no country changes; an age a cue states where a unit states one is dropped."""
    tables = _tables()
    w = words(text)
    unit_keys = tables.unit_first & w.keys
    cue_keys = tables.cue_first & w.keys
    name_keys = tables.name_cue_first & w.keys
    person_keys = tables.person_first & w.keys if ("," in text or "(" in text or " van " in text) else frozenset()
    found: dict[int, tuple[int, int, int, bool]] = {}
    cued: dict[int, tuple[int, int, int, bool]] = {}
    if not (unit_keys or cue_keys or name_keys or person_keys):
        return found, cued
    unit_hits = []
    cue_hits = []
    for s, _, k in w.find(unit_keys | cue_keys | name_keys | person_keys):
        if k in unit_keys:
            um = tables.unit_re.match(text, s)
            if um is not None:
                unit_hits.append(um)
        if k in cue_keys:
            cm = tables.cue_re.match(text, s) or tables.line_cue_re.match(text, s)
            if cm is not None and not _matches_any(_words_before(text, s, 2), tables.not_before_cue, at_end=True):
                cue_hits.append(cm)
        if k in name_keys:
            nm = tables.name_cue_re.match(text, s)
            if nm is not None and not any(c in _PRICE_SIGNS for c in nm.group()) and not is_weekday(nm["word"]):
                # (not "it's Sunday, 23 May")
                cue_hits.append(nm)
        if k in person_keys:
            pm = tables.person_re.match(text, s)
            if pm is not None:
                cue_hits.append(pm)
    for m in unit_hits:
        i = m.start()
        while i > 0 and text[i - 1] in _SEP and m.start() - i < 3:
            i -= 1
        if i == m.start() and i > 1 and text[i - 1] == "." and text[i - 2].isdigit() \
                and _key(m.group()) not in tables.bare:
            i -= 1  # "25.y.o"
        elif i > 0 and not text[i - 1].isdigit() and is_decoration(text[i - 1]):
            j = i  # "❤29❤ ani", "✦ 35 ✦ lat", "(🎀30🎀 ans)", "｡･:*:･ﾟ★ 36 ★ﾟ･:*:･｡ años"
            while j > 0 and i - j < _MAX_DECORATION and (text[j - 1] in _SEP or is_decoration(text[j - 1])):
                j -= 1
            if j > 0 and text[j - 1].isdigit():
                i = j
        if i == 0:
            continue
        hit: tuple[int, int] | None
        spelled = False
        if text[i - 1].isdigit():
            hit = _digits_before(text, i) or _split_digits_before(text, i, tables)
            spelled = hit is not None and not text[hit[0]].isdigit()
        else:
            if i == m.start():
                continue  # a unit glued to a word is part of that word
            hit = _number_words_before(text, i, tables)
            spelled = True
        if hit is None:
            continue
        start, value = hit
        if not MIN_AGE <= value <= MAX_AGE:
            continue
        end = m.end()
        old = tables.old_re.match(text, end)
        if old is not None:
            end = old.end()
        before = _words_before(text, start, 3, label=True)
        if (old is not None or _key(m.group()) in tables.bare or _key(m.group()).endswith(" old")) \
                and _PAIRED_AGE.search(text, max(0, start - 12), start) is None \
                and _matches_any(before, tables.not_before, at_end=True) \
                and not (before[-1:] == ["ha"] and _key(m.group()).startswith("anni")):
            # (Italian "ha 22 anni" has them; Portuguese "há 10 anos" is ago)
            # not "en 5 años", "over 30 years old" (the clients), but "25 en 27 jaar" (two ages, Dutch "en" is "and")
            continue
        if _relatives_age(_words_before(text, start, 4), tables) or _relative_who_has(text, start, tables):
            continue  # "Mi hijo tiene 19 años", "Mi madre Rosario tiene 60 años": a relative's age
        if _range_to(text, start, value):
            continue  # "de 20 à 30 ans", "between 30 and 60 years": the clients' ages
        if old is None and _key(m.group()) in tables.bare and (
                _RESIDENCE_BEFORE.search(text, max(0, start - 50), start) is not None
                or _in_a_country_after(text, end)):
            continue  # "Been in Leeds 10 years, I'm 32", "Filipina from Manila, 12 yrs in Canada": years there
        if _EXPERIENCE_HINT.search(text[max(0, start - 60):start].lower()) is not None \
                and _EXPERIENCE_BEFORE.search(text, max(0, start - 60), start) is not None:
            continue  # "Doświadczenie w masażu 10 lat"
        if _matches_any(_words_after(text, end, 3), tables.not_after, at_end=False) \
                or _AND_OVER_SIGN.match(text, end) is not None:
            continue
        first_words = _spelled_pair_head(text, start, tables) if spelled else None
        if first_words is not None and _matches_any(_words_before(text, first_words[0], 1), _BETWEEN_WORDS,
                                                    at_end=True):
            continue  # "between twenty and thirty years old": the clients' ages
        found[start] = (start, end, value, spelled)
        if first_words is not None and MIN_AGE <= first_words[2] <= MAX_AGE:
            # "duas amigas de vinte e um e vinte e quatro anos": two women's ages in words before one unit
            found[first_words[0]] = (first_words[0], first_words[1], first_words[2], True)
        pair = _PAIRED_AGE.search(text, max(0, start - 12), start)
        if pair is not None and MIN_AGE <= int(pair.group(1)) <= MAX_AGE \
                and _RANGE_BEFORE.search(text, max(0, pair.start() - 20), pair.end()) is None:
            # "dos amigas de 21 y 24 años": two women's ages before one unit
            found[pair.start(1)] = (pair.start(1), pair.end(1), int(pair.group(1)), False)
    for m in cue_hits:
        start = m.end()
        if start in found or start in cued:
            continue
        if text[start].isdigit():
            end = start
            while end < len(text) and text[end].isdigit() and end - start < 3:
                end += 1
            if end - start != 2 or (end < len(text) and text[end].isdigit()) or not text[start:end].isascii():
                continue
            value, spelled = int(text[start:end]), False
        else:
            hit = _number_words_after(text, start, tables)
            if hit is None:
                continue
            end, value = hit
            spelled = True
            unit_digit = _TENS_THEN_DIGIT.match(text, end) if value % 10 == 0 and value >= 20 else None
            if unit_digit is not None:
                end, value = unit_digit.end(), value + int(unit_digit.group(1))  # "I'm twenty 4"
        if not MIN_AGE <= value <= MAX_AGE or not _plain_after_cue(text, end, tables):
            continue
        cued[start] = (start, end, value, spelled)
    return found, cued


class AgeExtractor:
    """Stated ages (kind ``age``): ``value`` is the age as digits, ``attrs["words"]`` if it was spelled out."""

    name = "ages"
    kinds: tuple[str, ...] = ("age",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        """Yield one ``age`` entity per stated age in ``text``."""
        if field in ("url", "email", "phone") or len(text) < 4:
            return
        read = read_lookalike_digits(text) or text  # "3O anni", "(2l)": the look-alikes read as digits
        for start, end, value, spelled in find_ages(read, (ctx.reading_country or "").upper() or None):
            yield Entity("age", str(value), field, start, end, text[start:end], {"words": spelled})
