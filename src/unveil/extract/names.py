"""Persona names introduced by a cue: "my name is Anna", "je m'appelle Léa", "soy Sofía", "Name: Jade".

A name is only read right after a cue (``attributes/names.yaml``), and the cue decides how much proof
the word needs.  Validation is a **stop-word list plus a first-name list**:

* *strong* cues ("my name is", "call me", "ask for", "je m'appelle", "me llamo", "ich heiße",
  "mi chiamo", "mijn naam is", "chamo-me") and labels ("Name:", "Nom :"): a capitalised word that is
  not a stop word ("my name is Zoraya"), or a known first name in any case ("my name is anna");
* *weak* first-person cues ("I'm", "soy", "ich bin", "sono", "ik ben", "je suis", "sou"), which
  introduce adjectives and nationalities just as often ("I'm new", "soy nueva", "ich bin neu",
  "sono disponibile", "I'm Brazilian"): a capitalised known first name, or a capitalised non-stop word
  that ends the phrase ("Hi, I'm Zoraya, 24");
* *known-only* cues (greetings and sign-offs: "It's", "Meet", "xoxo", "Bisous,"): a capitalised known
  first name only.

Two names joined after a cue ("Anna & Bella", "Lena und Mia") give two entities with the same cue.
The value is the name in title case ("ANNA" -> "Anna", "anne-marie" -> "Anne-Marie"); the span is the
name alone.  Scanning is one regular expression of literal cue alternatives plus a bounded match per
cue, so the cost is linear in the text.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from unveil.extract.base import AdContext
from unveil.extract.cities import Words, fold, load_attribute_data, shouting, words
from unveil.extract.literals import literal_alternation
from unveil.extract.spans import SpanIndex
from unveil.extract.translit import latin_spellings
from unveil.normalise.memo import per_text
from unveil.types import Entity

__all__ = ["NameExtractor", "find_names", "is_home_city", "name_then_number"]

_SP = r"[ \t\u00a0]"
_NAME = regex.compile(r"\p{L}[\p{L}\p{M}]{0,24}(?:-\p{L}[\p{L}\p{M}]{0,24})?(?![\p{L}\p{M}\p{Nd}])")
# A known first name set apart from the text around it (see :func:`_set_apart`): after the start of the
# field or of a line (and up to four symbols or spaces), then punctuation or a symbol ("Emily - private
# massage therapist", "Мила. Франкфурт", "Ксюша 💋 Нюрнберг"); a sentence of its own after another
# ("Hamburg. Nastya."); or closing a line after a dash, a bar or a symbol ("Houston — Tori"), or between
# two dashes or bars of a listing ("Taille 38 – 1m68 – Sophie – Lyon 3e").
# ... or kisses ending the line: a message's sign-off, "Lena x", "Mia xx", "Zoe xoxo"
_AFTER_OPENING = regex.compile(r"[ \t]{0,2}(?:[-–—,:|•·♥~!.꧁꧂༺༻彡】』」]|\p{So}|$)"
                               r"|[ \t]{1,2}(?i:x{1,4}|xo|xoxo)[ \t]*$", regex.M)
_AFTER_WORD_OPENING = regex.compile(r"[ \t]{1,2}[-–—|•♥~]|[ \t]{0,2}(?:,|\p{So})")
_AFTER_SENTENCE = regex.compile(r"[.!]?[ \t]*$|[.!][ \t]|[ \t]{1,2}(?i:x{1,4}|xo|xoxo)[ \t]*$", regex.M)
_LINE_END = regex.compile(r"[ \t]*$", regex.M)
# Words after which a known first name signs the ad (folded): "Roxana here", "Léa ici", "Lena hier", "Sara
# här", "Sofie her" (Danish and Norwegian), and Hungarian "vagyok" (I am), which follows the name: "Anna vagyok".
_HERE = frozenset({"here", "ici", "aqui", "hier", "qui", "aqua", "har", "her", "taalla", "tady", "ovdje", "tukaj",
                   "tu", "tutaj", "εδώ", "itt", "siin", "seit", "cia", "vagyok"})
# Before a first name that opens a phrase ("... in town! Mia, 24"), and between the name and the number.
# A listing's tag closes with one of these too: "NEW · Sophie 28", "[Available today] Jasmine, 24",
# "(Back this week) Chloe – 33yo".
# ... a page trail's marks ("Escorts > Jade 25") and opening quotes ("the 'Chloe, 22, Manchester' ads")
# ... and an ellipsis used as a separator ("Leeds… Jess, 24")
_NAME_OPENERS = frozenset(".,!?\n\r|•-–—~*:;(·)]&+/>›»'‘„‚“\"«…")
_DIGIT_PAIR = regex.compile(r"\d\d")
_WORD_RUN = regex.compile(r"[^\W\d_]+")
# Words that may follow the age in "Name, 22 ..." (folded): "Chloé, 23 ans", "Sabrina, 26 J.".
_AGE_WORDS = frozenset({"yo", "y", "yrs", "years", "year", "ans", "an", "anos", "anitos", "jahre", "j", "anni", "jaar",
                        "岁", "歳", "歲",  # "Yuki 25歳, Aya 28歳": the age units of Chinese and Japanese rosters
                        "jr", "lat", "lata", "ani", "de", "and", "et", "und", "e", "en", "i", "si", "v",
                        "new", "neu", "nouvelle", "nueva", "nuova", "nieuw", "nova",
                        "let", "roky", "rokov", "eves", "ετων", "ετών", "χρονων", "χρονών", "χρονια", "χρόνια", "ar",
                        "vuotta", "godine", "godina", "metai",
                        "metu", "gadi", "aastat",
                        # Russian, Ukrainian, Belarusian, Serbian and Macedonian, and their transliterations
                        "лет", "года", "год", "годика", "р", "л", "роки", "років", "рік", "гадоў", "гады",
                        "години", "године", "година", "goda", "g", "rokiv", "rik", "и", "і", "та", "г"})
# Height and weight after an age: "Kasia 22/165/50", "Tina (24/170/58)", in feet and pounds "Sasha 24/5'3/115".
HEIGHT_WEIGHT = regex.compile(r"/(?:1[4-9][0-9]/[3-9][0-9]"
                              r"|[4-6]['’′][ ]?1?[0-9][\"”″]?/(?:[89][0-9]|1[0-9]{2}|2[0-4][0-9]))(?![0-9])")
# A character that decorates a name or an age in a listing: emoji, stars, flowers, fancy brackets, kaomoji
# parts, box drawing ("★彡 Mia 彡★", "(✿25✿)", "【33】", "｡･:*:･ﾟ★ 21 ★ﾟ･:*:･｡", "❤29❤ ani"); not a currency
# sign, "+", "<", "=", ">", "|" or a letter, digit or blank.
DECORATION = (r"(?:(?![+<=>|])"
              r"[\p{So}\p{Sk}\p{Sm}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Lm}\p{Mn}\p{Cf}~*:･｡彡꧁꧂༺༻\u2010-\u2015\u2500-\u257f])")
_DECORATION_RE = regex.compile(DECORATION)


def is_decoration(ch: str) -> bool:
    """Whether ``ch`` is a decoration (see ``DECORATION``)."""
    return _DECORATION_RE.match(ch) is not None


# "Jelena iz Srbije, 25 godina", "Kasia z Polski, 27", "Laura from Riga, 24": where she comes from, between
# the name and the comma.
_FROM_PLACE = (r"[ \t\u00a0]{1,2}(?:from|de|da|di|din|aus|von|van|uit|z|ze|iz|iš|is|з|із|из|från|fra|от|από)"
               r"[ \t\u00a0]{1,2}\p{Lu}[\p{L}\-]{1,30}(?:[ \t\u00a0]\p{Lu}[\p{L}\-]{1,30})?")
# "here" after a name before her age: "Victoria here, 28", "Sara här, 24", "Ivana ovdje, 25"
_HERE_BEFORE_AGE = "(?:here|ici|aqui|aquí|hier|qui|här|her|täällä|tady|ovdje|tukaj|εδώ|itt|siin|šeit|čia)"
_IS_AGE = r"[ \t\u00a0](?:is|ist|è|es|é|est|jest|este)(?:[ \t\u00a0](?:only|just|now))?[ \t\u00a0](?=\d\d(?!\d))"
_NAME_NUMBER_GAP = regex.compile(
    r"(?:[ \t\u00a0]{1,2}" + _HERE_BEFORE_AGE + "|" + _FROM_PLACE + r")?"
    r"[ \t\u00a0]{0,2},[ \t\u00a0]{0,2}(?:age[ \t\u00a0])?(?=\d)"
    # "Victoria here! 28", "Victoria here 😊 28": after "here", an exclamation mark or a symbol does too
    r"|[ \t\u00a0]{1,2}" + _HERE_BEFORE_AGE + r"(?:!{1,3}|[ \t\u00a0]{0,2}\p{So}\ufe0f?)[ \t\u00a0]{1,2}(?=\d)"
    r"|[ \t\u00a0]{1,2}(?=\d)"
    # "Berlin. Lena. 26.", "Georgia • 25", "Valentina ✨ 24 ✨", "Rosa | 27 ans": a full stop, a bullet, a bar
    # or a symbol between them (read as without a comma: the phrase must end after the number)
    r"|(?:\.|[ \t\u00a0]{0,2}(?:[•|·]|\p{So}\ufe0f?))[ \t\u00a0]{1,2}(?=\d)"
    r"|[ \t\u00a0]{1,2}/[ \t\u00a0]{1,2}(?=\d)"  # "Ola / 22 / Kraków": a slash between spaces
    # "Naomi – 29 – Brazilian", "Ellie – age 19 –": a dash between spaces, as a listing separates its fields
    # (read the same way)
    r"|[ \t\u00a0]{1,2}[-–—][ \t\u00a0]{1,2}(?:age[ \t\u00a0])?(?=\d)"
    # "ik ben Femke (30)", "Tina (24/170/58)", "Chloe here (31)": brackets say it anywhere, not only where a
    # phrase opens
    # (also with a symbol after "here": "Noor hier 👋 (26)")
    r"|(?:[ \t\u00a0]{1,2}" + _HERE_BEFORE_AGE + r"(?:[ \t\u00a0]{0,2}\p{So}\ufe0f?)?)?[ \t\u00a0]{0,2}\((?=\d\d[)/])"
    # "I'm Naomi, 🎀28🎀", "★彡 Mia 彡★ 💋 ｡･:*:･ﾟ★ 21", "Poppy, ~ 27 ~": decorations between (read without
    # a comma as above: the phrase must end after the number)
    rf"|(?:[ \t\u00a0]{{0,2}}(?:{DECORATION}\ufe0f?|,)){{1,12}}[ \t\u00a0]{{0,2}}(?=\d)"
    # "Lucy is 29", "Jade is 24 and Honey is 26": a third person's ad states her age so
    r"|" + _IS_AGE
    # "Sora, Korean, 26", "Ana, brasileña, 23": a describing word between commas (checked in the code)
    + r"|[ \t\u00a0]{0,2},[ \t\u00a0]{1,2}(?P<desc>\p{L}{3,16}),[ \t\u00a0]{1,2}(?=\d)", regex.I)
_IS_GAP = regex.compile(_IS_AGE, regex.I)
# "Charlotte here, 28": a person, even where Charlotte is also a town of the ad's country.
_HERE_AFTER = regex.compile(
    r"[ \t\u00a0]{1,2}(?:" + "|".join(sorted(_HERE | {"aquí", "här", "täällä"})) + r")\b", regex.I)
_PHRASE_END = frozenset(",.;:!?)]}\n\r/|~*•-–—…")
_AGE_AFTER_HERE = regex.compile(r"[!,]?[ \t\u00a0]{1,2}[1-9]\d(?![\d/:%.,]|[ \t]?(?:h|hr|hrs|hours?|min)\b)")


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def _all_langs(block: Any) -> list[str]:
    if isinstance(block, dict):
        return [w for v in block.values() for w in _as_list(v)]
    return _as_list(block)


def _alternation(items: Iterable[str]) -> str:
    return literal_alternation({form for item in items for form in (item.lower(), fold(item))}, _SP + "{1,3}", True)


_CYRILLIC = regex.compile(r"\p{Cyrillic}")


class KnownNames:
    """The known first names (folded), also when written in Cyrillic letters ("Стелла" is Stella).

    The list holds Cyrillic spellings of the names that are mostly Russian or Ukrainian ("Катя", "Оксана");
    a Cyrillic word that is not in it is looked up under its Latin spellings (:mod:`unveil.extract.translit`).
    """

    __slots__ = ("_names",)

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(names)

    def __contains__(self, key: object) -> bool:
        if key in self._names:
            return True
        return isinstance(key, str) and not key.isascii() and not self._names.isdisjoint(latin_spellings(key))

    def present(self, w: Words) -> set[str]:
        """The words of a text (folded keys) that are known first names."""
        found = set(self._names & w.keys)
        if not w.text.isascii() and _CYRILLIC.search(w.text) is not None:
            found.update(k for k in w.keys if not k.isascii() and k not in found and k in self)
        return found


@dataclass(frozen=True, slots=True)
class _Tables:
    cues: regex.Pattern[str]
    joiner: regex.Pattern[str]
    first_names: KnownNames
    stop: frozenset[str]
    describing: frozenset[str]  # nationalities and "girl" before a "Name, 22" phrase
    word_names: frozenset[str]  # first names that are also ordinary words: never read from layout alone
    town_personas: frozenset[str]  # "Paris 24": famous towns that head a listing as a persona's name
    months: frozenset[str]  # first names that are also months (or their abbreviations): not before a day
    weekdays: frozenset[str]  # ... and weekdays
    staff: frozenset[str]  # "reception", "Hausdame": a name next to them is no persona
    triggers: frozenset[str]  # first word of every cue and label
    # first word -> the second words of its cues, or None when a cue is that word alone: "se llama" is tried
    # only where "llama" is a word of the text too ("se", "la", "my" stand in most ads)
    second_words: dict[str, frozenset[str] | None]
    staff_re: regex.Pattern[str]  # any staff word: the window around a name is searched once
    place_endings: tuple[str, ...]  # endings of words for where she is from ("Zürcherin"), after a weak cue
    place_name_endings: tuple[str, ...]  # endings of places' names ("Sachsenhausen"): no persona heads a listing
    # country -> first names that are a stop word elsewhere (Polish "Ola", the greeting "Olá" of Portuguese)
    country_names: dict[str, frozenset[str]]
    country_only_names: frozenset[str]  # every name of ``country_names``


@functools.cache
def _tables() -> _Tables:
    data = load_attribute_data("names.yaml")
    cue_re = (
        r"(?<![\p{L}\p{M}\p{Nd}'’])(?:"
        # "Name: Mia", and a table's label cell: "| Name | Mia |", "Name\tMia" (cells of a saved page)
        r"(?P<label>" + _alternation(_as_list(data.get("labels"))) + r")"
        r"(?:" + _SP + r"{0,2}[:\-–|]" + _SP + r"{0,3}| {0,2}\t" + _SP + r"{0,3})"
        r"|(?:(?P<strong>" + _alternation(_all_langs(data.get("strong_cues"))) + r")"
        r"|(?P<weak>" + _alternation(_all_langs(data.get("weak_cues"))) + r")"
        r"|(?P<known>" + _alternation(_all_langs(data.get("known_only_cues"))) + r"))"
        r"(?:" + _SP + r"{1,3}|" + _SP + r"{0,2}[,:\-–]" + _SP + r"{0,3}(?:\n" + _SP + r"{0,2})?"
        # "je m'appelle ⋆｡˚ ☁︎ Maëlys", "soy ꧁༺ Daniela", "ich bin 『Lara』": decorations before the name
        r"|" + _SP + r"{0,3}(?:" + DECORATION + r"\ufe0f?" + _SP + r"{0,2}){1,8})"
        r")(?=\p{L})"
    )
    # a joiner in letters is a word of its own: "AURORA IM 23" holds no "i" (Polish "and") before "M"
    joiner = regex.compile(_SP + r"{0,2}(?:" + _alternation(_as_list(data.get("joiners"))) + r")(?!(?<=\p{L})\p{L})"
                           + _SP + r"{0,2}", regex.I)
    phrases = (_as_list(data.get("labels")) + _all_langs(data.get("strong_cues")) + _all_langs(data.get("weak_cues"))
               + _all_langs(data.get("known_only_cues")))
    country_names = {cc.upper(): frozenset(fold(w) for w in _as_list(names))
                     for cc, names in (data.get("country_names") or {}).items()}
    return _Tables(
        triggers=frozenset(_first_word(p) for p in phrases),
        second_words=_second_words(phrases),
        staff_re=regex.compile(r"(?<![\p{L}\p{M}])(?:" + _alternation(_as_list(data.get("staff_words")))
                               + r")(?![\p{L}\p{M}])", regex.I),
        cues=regex.compile(cue_re, regex.I),
        joiner=joiner,
        first_names=KnownNames(fold(n) for n in _as_list(data.get("first_names"))),
        stop=frozenset(fold(w) for w in _as_list(data.get("stop_words"))),
        describing=frozenset(fold(w) for w in _as_list(data.get("describing_words"))),
        word_names=frozenset(fold(w) for w in _as_list(data.get("word_names"))),
        town_personas=frozenset(fold(w) for w in _as_list(data.get("town_personas"))),
        months=frozenset(fold(w) for w in _as_list(data.get("month_names"))),
        weekdays=frozenset(fold(w) for w in _as_list(data.get("weekday_names"))),
        staff=frozenset(fold(w) for w in _as_list(data.get("staff_words"))),
        place_endings=tuple(fold(w) for w in _as_list(data.get("place_word_endings"))),
        place_name_endings=tuple(fold(w) for w in _as_list(data.get("place_name_endings"))),
        country_names=country_names,
        country_only_names=frozenset().union(*country_names.values()),
    )


# The shortest word read by its ending as where she comes from ("Wienerin"; "Erin" and "Ilse" are names).
_MIN_PLACE_WORD = 7


def _second_words(phrases: list[str]) -> dict[str, frozenset[str] | None]:
    alone: set[str] = set()  # first words that are a cue by themselves
    seconds: dict[str, set[str]] = {}
    for p in phrases:
        words = _WORD_RUN.findall(fold(p))
        if len(words) == 1:
            alone.add(words[0])
        elif words:
            seconds.setdefault(words[0], set()).add(words[1])
    return {**{k: frozenset(v) for k, v in seconds.items()}, **dict.fromkeys(alone)}


def _first_word(phrase: str) -> str:
    key = fold(phrase)
    i = 0
    while i < len(key) and key[i].isalpha():
        i += 1
    return key[:i]


def _title(word: str) -> str:
    """Title case for all-lower or all-upper names; mixed case as written ("McKenzie").  A name in capitals
    but for an accented letter ("LUCíA": styled capitals, whose styles have no accented letters) is all-upper."""
    ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
    if word.islower() or word.isupper() or (len(ascii_letters) > 1 and all(c.isupper() for c in ascii_letters)) \
            or (len(word) > 3 and word[-1] == "x" and word[:-1].isupper()):
        # ... or small capitals with a plain "x", which has no small capital: "ᴍᴀʀɢᴀᴜx" reads "MARGAUx"
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word


def _nominative(name: str, t: _Tables) -> str:
    """A Polish feminine name in the accusative after "zapytaj o", "pytaj o" ("Weronikę") in its own form
    ("Weronika"), when that form is a known first name."""
    if name.endswith("ę") and fold(name) not in t.first_names and fold(name[:-1] + "a") in t.first_names:
        return name[:-1] + "a"
    return name


def _ends_phrase(text: str, pos: int) -> bool:
    i = pos
    while i < len(text) and text[i] in " \t\u00a0" and i - pos < 3:
        i += 1
    if i >= len(text):
        return True
    ch = text[i]
    return ch in _PHRASE_END or ch.isdigit() or not (ch.isalnum() or ch in "'’\"")


def _accept(word: str, cls: str, t: _Tables, cue: str = "") -> bool:
    """Whether ``word`` is a name after a cue of class ``cls``, before looking at what follows it."""
    key = fold(word)
    cap = word[:1].isupper()
    known = key in t.first_names
    if cls in ("strong", "label"):
        # a name that is also a word counts after a strong cue: "Mam na imię Ola" (Spanish "ola" is prose)
        return (cap and (known or key not in t.stop or key in t.word_names)) or (known and key not in t.stop)
    if cls == "known":
        return known and (cap or (cue == "im" and key not in t.stop and key not in t.word_names))
    # weak: decided with the context in find_names; a known first name that is no word in lower case too, as
    # texts write it ("hola soy lola", "ich bin mia", "hi im kayla"), with only accents to fold: Polish
    # "jestem miłą" (nice) is no "mila"
    return cap or (known and key not in t.stop and key not in t.word_names and key not in t.describing
                   and (word.isascii() or _without_accents(word.lower()) == key))


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def is_known_first_name(word: str) -> bool:
    """Whether ``word`` (as written) is a known first name."""
    return fold(word) in _tables().first_names


def is_weekday(word: str) -> bool:
    """Whether ``word`` is a weekday that is also a first name (``weekday_names``)."""
    return fold(word) in _tables().weekdays


def name_then_number(text: str, country: str | None) -> list[tuple[int, int, int, int]]:
    """``(name_start, name_end, number_start, number_end)``: a capitalised known first name that opens a
    phrase, then a comma and two digits ("Sandy, 22, independent", "... in town! Mia, 24", "Hi guys,
    Ashley here, 25"); at the start of the field or of a line the comma may be left out ("Anna 22 - new
    in town").  The two digits are an age (read by the age extractor, which also checks what follows
    them).  A city of the ad's country ("Charlotte, 28th Street") is not a name here, unless the age
    follows it in brackets ("Paris (35) · Brazilian", an agency's list).
    """
    return [hit for hit in _name_then_number(text)
            if (_HERE_AFTER.match(text, hit[1]) or "(" in text[hit[1]:hit[2]]
                or not is_home_city(text[hit[0]:hit[1]], country) or _cue_ends_at(text, hit[0]))
            and _named_here(fold(text[hit[0]:hit[1]]), country, text)]


def _named_here(key: str, country: str | None, text: str) -> bool:
    """Whether a known first name reads as a name in an ad of ``country``: one of ``country_names`` only in
    the countries that list it ("Ola" in Poland, the greeting "Ola" in Portugal)."""
    t = _tables()
    if key not in t.country_only_names or key in t.country_names.get(country or "", frozenset()):
        return True
    # ... or where the text names the nationality of one of those countries ("Ola here, 26, Polish girl" in
    # the Netherlands)
    from unveil.extract.phones import nations_named  # the phones module imports this one

    return any(key in t.country_names.get(nation, frozenset()) for nation in nations_named(text))


@per_text
def _known_names_in(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of every word of ``text`` that is a known first name, once per text."""
    w = words(text)
    known = _tables().first_names.present(w)
    return list(w.find(known)) if known else []


# What makes a number after a name something else than an age: a unit, a sign, an ordinal's ending, more digits.
_NOT_AN_AGE_AFTER = regex.compile(
    r"\d|[ \t]{0,2}(?:[/:.,x€$£%+-]\d|[€$£%/]|(?:h|hr|hrs|hours?|min|mins|minutes?|st|nd|rd|th|x|cm|kg|lbs?|"
    r"heures?|horas?|ore|uur|stunden?|std)(?![\p{L}\p{M}]))", regex.IGNORECASE)


# A street word right before a name: Spanish "C/" and "Calle", "Via", "Rua", "Strada", "Av.", "ul.", "rue" ...
_STREET_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\p{M}])(?:c/|c\.|calle|carrer|via|viale|piazza|rua|travessa|largo|strada|str\.|av\.|avda\.|"
    r"avenida|ul\.|ulica|rue|plaza|praça|praca)[ \t\u00a0]{0,2})\Z", regex.IGNORECASE)


@per_text
def _name_then_number(text: str) -> list[tuple[int, int, int, int]]:
    """:func:`name_then_number` before the city test, once per text for the age and name extractors."""
    found = _known_names_in(text)
    if not found or _DIGIT_PAIR.search(text) is None:
        return []
    out = []
    describing = _tables().describing
    months = _tables().months
    weekdays = _tables().weekdays
    word_names = _tables().word_names
    for s, e, _k in found:
        if (not text[s].isupper() and not _cue_ends_at(text, s)) \
                or (s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha()):
            continue  # "Maria" of "Ana-Maria" is half a name; a lower-case name only after a cue ("hi im kayla 24")
        if _k in months or _k in weekdays:
            continue  # "Jan 10 - Jan 14", "April 3", "Sunday 23": a date
        if _STREET_BEFORE.search(text, max(0, s - 10), s) is not None:
            continue  # "C/ Rosario 22", "Via Giulia 24": a street named after a woman, and its number
        e = _second_name_end(text, e)  # a double first name: "Marie-Ève 29 ans"
        s = _first_of_two_names(text, s)  # "Ana Clara, 21 anos", "Daisy Mae, 26"
        head = _after_describing_words(text, s, describing)  # "Polish girl Kasia, 24", "Brasileña Larissa, 24"
        i = head
        while i > 0 and head - i < 4 and (not text[i - 1].isalnum() or is_decoration(text[i - 1])) \
                and text[i - 1] not in _NAME_OPENERS:
            i -= 1
        opening = i == 0 or text[i - 1] in "\n\r"  # the start of the field or of a line
        m = _NAME_NUMBER_GAP.match(text, e)
        if m is None or (m.group("desc") and fold(m.group("desc")) not in describing):
            continue
        loose = False  # no comma between the name and the number, away from the start of a line
        if not m.group().endswith("("):
            if not (opening or text[i - 1] in _NAME_OPENERS or _after_duo_joiner(text, head)
                    or any(unicodedata.category(c) == "So" for c in text[i:head]) or _cue_ends_at(text, s)
                    or (_k not in word_names and shouting(text) and not _second_word_of_cue(text, s, _k))):
                # an emoji or a cue opens a phrase too: "902-555-0177 🌊 Skylar, 23", "I'm Aurora 🌙 27"; in a
                # field in capitals, run on from scraping, any word may end the phrase before: "NEW IN TOWN
                # MIA 24 YEARS", "LEEDS SOPHIE 29 YRS" (an age word or a place must still follow)
                continue
            # Without a comma ("Leipzig. Dasha 26", "Houston — Kiara 24") the phrase must end after the
            # number or an age word follow it: "Hello. Anna 22 here" states no age.
            loose = not opening and "," not in m.group() and _IS_GAP.fullmatch(m.group()) is None \
                and not (_cue_ends_at(text, s) and _NOT_AN_AGE_AFTER.match(text, m.end() + 2) is None)
            # (after a cue the name's number is its age, unless a unit or a figure's mark follows it:
            # "hi im kayla 24 new in town", not "I'm Kayla 24 hours a day")
        start = end = m.end()
        while end < len(text) and text[end].isdigit() and end - start < 3:
            end += 1
        if end - start == 2 and text[start:end].isascii() and not (
                loose and not (_age_follows(text, end) or _place_follows(text, end))) \
                and _AREA_CODE_TAIL.match(text, end) is None:
            out.append((s, e, start, end))
    if len(out) >= 2:
        out = _roster(text, out)
    return out


# "Cláudia: (11) 96123-4535": digits in brackets before more digits are an area code, not an age.
_AREA_CODE_TAIL = regex.compile(r"\)[ \t]?\d")
# A capitalised word, then what stands between a name and its age in a roster
_ROSTER_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}'’-])\p{Lu}[\p{Ll}\p{M}]{1,14}(?![\p{L}\p{M}\p{Nd}])")


def _gap_shape(gap: str) -> str:
    return "(" if "(" in gap else "," if "," in gap else "-" if any(c in gap for c in "-–—") else " "


def _lower_word_before(text: str, s: int) -> bool:
    """Whether a word in lower case stands right before ``s``, one space apart ("meet Sakura")."""
    i, j = _word_before(text, s, " ", 1, 20)
    return i < j and text[i].islower()


_ROSTER_ITEM_SEP = regex.compile(r"\)?[ \t]{0,2}[,;/|•·][ \t]{0,2}")


@functools.cache
def _numbering_words() -> frozenset[str]:
    """The words that number something before two digits (``heading_not_before`` of ``ages.yaml``)."""
    return frozenset(fold(str(w)) for w in load_attribute_data("ages.yaml").get("heading_not_before") or ())


def _roster(text: str, out: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Add to the known names of a roster ("Chloe (25), Jess (32), Lani (27)", "Vanessa 23 – Steffi 37") the
    other capitalised words written the same way: opening an item, then the same gap before two digits.
    Two known names written alike make the list; the word must be no stop word, month or describing word."""
    t = _tables()
    shapes = {_gap_shape(text[e:n]) for _s, e, n, _z in out}
    taken = {s for s, _e, _n, _z in out}
    added = []
    lo = min(s for s, _e, _n, _z in out)
    line_start = text.rfind("\n", 0, lo) + 1
    next_line = text.find("\n", max(z for _s, _e, _n, z in out))
    hi = len(text) if next_line == -1 else next_line
    # the lines of the roster, and the one after its last known name
    hi = text.find("\n", hi + 1) if hi < len(text) else hi
    hi = len(text) if hi == -1 else hi
    for m in _ROSTER_WORD.finditer(text, line_start, hi):
        s, e = m.span()
        if s in taken:
            continue
        key = fold(m.group())
        if key in t.stop or key in t.months or key in t.describing or key in _numbering_words():
            continue  # (and "Suite 16", "Room 21" under a roster: words that number something)
        g = _NAME_NUMBER_GAP.match(text, e)
        if g is None or _gap_shape(g.group()) not in shapes:
            continue
        start = end = g.end()
        while end < len(text) and text[end].isdigit() and end - start < 3:
            end += 1
        if end - start != 2 or text[start] == "0" or _AREA_CODE_TAIL.match(text, end) is not None:
            continue  # "Vénissieux · 06 - 12 ...": a phone's first group
        i = s
        while i > 0 and s - i < 4 and (not text[i - 1].isalnum() or is_decoration(text[i - 1])) \
                and text[i - 1] not in _NAME_OPENERS:
            i -= 1
        item_end = _ROSTER_ITEM_SEP.match(text, end)
        if i == 0 or text[i - 1] in _NAME_OPENERS or text[i - 1] in "\n\r" or _after_duo_joiner(text, s) \
                or any(unicodedata.category(c) == "So" for c in text[i:s]) \
                or (item_end is not None and item_end.end() in taken and _lower_word_before(text, s)):
            # ... or the first item, after a word, of a list whose next item is a known name: "meet Sakura
            # (23), Lin (26), Hana (29)"
            added.append((s, e, start, end))
    return sorted(out + added) if added else out


def _two_word_name_end(text: str, nm: regex.Match[str], t: _Tables) -> int:
    """Where the name ``nm`` after a cue ends, taking a second known first name after one space when the
    phrase ends after it ("Chamo-me Ana Clara, 21 anos", "I'm Daisy Mae!"); else ``nm.end()``."""
    end = nm.end()
    if end + 2 >= len(text) or text[end] != " " or fold(nm.group()) not in t.first_names:
        return end
    second = _NAME.match(text, end + 1)
    if second is None or not second.group()[:1].isupper() or fold(second.group()) not in t.first_names \
            or fold(second.group()) in t.stop or not _ends_phrase(text, second.end()):
        return end
    return second.end()


def _first_of_two_names(text: str, s: int) -> int:
    """Where a two-word first name starts when the name at ``s`` is its second word: a capitalised known
    first name and one space before it ("Ana Clara", "Maria Eduarda", "Daisy Mae"); else ``s``."""
    if s < 3 or text[s - 1] != " " or not text[s - 2].isalpha():
        return s
    j = s - 1
    i = j
    while i > 0 and text[i - 1].isalpha() and j - i < 20:
        i -= 1
    if (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "-")) or not text[i].isupper():
        return s
    key, t = fold(text[i:j]), _tables()
    return i if key in t.first_names and key not in t.months else s


_DUO_JOINERS = frozenset({"and", "et", "y", "e", "und", "en", "si", "i", "oraz"})  # folded ("și" -> "si")


def _after_duo_joiner(text: str, head: int) -> bool:
    """Whether the phrase at ``head`` follows "and" right after an age or a known first name: the second of two
    personas, "Léa 23 ans et Inès 26 ans", "Kasia (22) i Ola (24)", "Andreea 22 ani si Bianca 25 ani", "Nadine
    and Katya, 26 and 38"."""
    if head < 4 or text[head - 1] != " ":
        return False
    k = j = head - 1
    while j > 0 and text[j - 1].isalpha() and k - j < 5:
        j -= 1
    if j == k or (j > 0 and text[j - 1] not in " ,") or fold(text[j:k]).lower() not in _DUO_JOINERS:
        return False
    m = j
    while m > 0 and text[m - 1] in " ,":
        m -= 1
    if m == 0 or m == j:
        return False
    if text[m - 1].isdigit() or text[m - 1] == ")":
        return True
    a = m
    while a > 0 and text[a - 1].isalpha() and m - a < 8:
        a -= 1
    if a < m and a > 0 and text[a - 1] in " \t" and a > 1 and text[a - 2].isdigit() \
            and fold(text[a:m]).lower() in _AGE_WORDS:
        return True
    # "We are Nadine and Katya, 26 and 38": a known first name before "and" (the ages follow both)
    return a < m and text[a].isupper() and fold(text[a:m]) in _tables().first_names


def _second_word_of_cue(text: str, start: int, key: str) -> bool:
    """Whether the word ``key`` at ``start`` ends a two-word cue with the word before it ("IK BEN 26 JAAR")."""
    i, j = _word_before(text, start, " \t", 2, 20)
    seconds = _tables().second_words.get(fold(text[i:j])) if i < j else None
    return seconds is not None and key in seconds


def _cue_ends_at(text: str, pos: int) -> bool:
    """Whether a name cue ("I'm", "je suis", "Name:") ends right at ``pos``."""
    t = _tables()
    lo = max(0, pos - 24)
    if t.triggers.isdisjoint(fold(w) for w in _WORD_RUN.findall(text, lo, pos)):
        return False  # no cue's first word in reach: most names after an age's comma
    cues = t.cues
    for k in range(lo, pos):
        if (k == 0 or not text[k - 1].isalnum()) and text[k].isalpha():
            m = cues.match(text, k)
            if m is not None and m.end() == pos:
                return True
    return False


_MAX_DESCRIBING = 3


def _after_describing_words(text: str, s: int, describing: frozenset[str]) -> int:
    """Where the phrase before a name at ``s`` starts, when up to three words that describe her stand first
    ("Romanian girl Bianca", "Polin Agnieszka", "Upscale Asian model Yumi": ``describing_words`` in
    ``attributes/names.yaml``)."""
    for _ in range(_MAX_DESCRIBING):
        if s < 2 or text[s - 1] != " " or not text[s - 2].isalpha():
            break
        k = s - 1
        while k > 0 and s - k < 16 and text[k - 1].isalpha():
            k -= 1
        if fold(text[k : s - 1]) not in describing:
            break
        s = k
    return s


# Presentations after which any name counts when her age follows it: "its Kandi 😘 24 yrs old", "it's Roxxy,
# 23", "Meet Jaylah (22)". Alone they take known first names only ("It's Friday", "Meet Downtown").
_PRESENTING_CUES = frozenset({"it's", "its", "this is", "meet", "c'est", "voici", "me name", "it is me", "is me"})
# Between such a name and the age: a comma, an opening bracket or emoji; or a space with an age word after
_PRESENTED_GAP = regex.compile(
    r"[ \t]{0,2}(?:(?P<mark>[,(]|[\p{So}\p{Sk}\uFE0F\u200D]{1,6})[ \t]{0,2})?(?P<age>\d\d)(?!\d)")


def _presented_age(text: str, end: int) -> bool:
    """Whether two digits stating an age follow the word ending at ``end``: after a comma, a bracket or emoji
    where the phrase then ends ("Kandi 😘 24!"), or after a space where an age word follows ("Kandi 24 yrs";
    not "it's Suite 24, 3rd floor")."""
    m = _PRESENTED_GAP.match(text, end)
    if m is None or not _age_follows(text, m.end()):
        return False
    if m.group("mark"):
        return True
    i = m.end()
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    return i < len(text) and text[i].isalpha()


def _age_follows(text: str, end: int) -> bool:
    """Whether the two digits ending at ``end`` after "Name, " read as an age: the phrase ends or an age
    word follows ("Mia, 24, sweet", "Chloé, 23 ans"), not a unit, a price or more digits ("Florence, 50
    km", "Anna, 25€", "Anna 24/7")."""
    i = end
    while i < len(text) and text[i] in " \t\u00a0" and i - end < 2:
        i += 1
    if i == len(text):
        return True
    ch = text[i]
    if ch.isalpha():
        j = i
        while j < len(text) and text[j].isalpha() and j - i < 8:
            j += 1
        return fold(text[i:j]) in _AGE_WORDS
    if ch == "/" and HEIGHT_WEIGHT.match(text, i) is not None:
        return True
    if ch in "/:.," and i + 1 < len(text) and text[i + 1].isdigit():
        return False
    return not (ch.isdigit() or ch in "€$£%")


# Where she comes from, after her age in a roster: "Amy 28 from Thailand", "Yuki 24 Japan"
_FROM_AFTER = regex.compile(r"(?:from|aus|de|din|da|uit|van|z|iz|in|im|à|en|em|în)[ \t\u00a0]", regex.I)


def _place_follows(text: str, end: int) -> bool:
    """Whether a town, a place's abbreviation or a country follows the two digits ending at ``end``: "Brand
    new!!! Tiana 21 NYC Midtown", "Leipzig. Dasha 26 Berlin" (a listing's next field), "Amy 28 from
    Thailand", "Yuki 24 Japan, Hana 27 Korea" (where she comes from)."""
    i = end
    if i >= len(text) or text[i] != " ":
        return False
    i += 1
    came = _FROM_AFTER.match(text, i)
    if came is not None:
        i = came.end()
    if i < len(text) and text[i].isupper():
        from unveil.extract.cities import country_spans

        if any(s == i for s, _e, _c in country_spans(text)):
            return True
    j = i
    while j < len(text) and text[j].isalpha() and j - i < 25:
        j += 1
    word = text[i:j]
    if len(word) < 2 or not word[0].isupper() or (j < len(text) and text[j].isdigit()):
        return False
    if word.isupper() and len(word) <= 4:
        return True  # "NYC", "ATL", "CDMX"
    from unveil.extract.cities import city_index

    return bool(city_index().lookup(word))


def is_home_city(word: str, country: str | None) -> bool:
    """True if ``word`` is the own name of a city of 100,000+ people in ``country`` ("Charlotte, NC"), or a
    nickname of a town of ``country`` written in capitals ("NOLA")."""
    if not country:
        return False
    from unveil.extract.cities import city_index, nickname_town

    if word.isupper() and (nick := nickname_town(word)) is not None and nick.country == country:
        return True  # "NOLA 🎭 Mardi Gras": New Orleans in capitals ("Nola" is a first name too)
    key = fold(word)
    # By a name of the town that looks like its own ("Milano", "Милан"), not by an unrelated old one:
    # "Harper" is a former name of Costa Mesa, and a first name.
    return any(c.country == country and c.population >= 100_000
               and (not key.isascii() or fold(c.name)[:1] == key[:1]) for c in city_index().lookup(word))


def _second_name_end(text: str, e: int) -> int:
    """Where the capitalised second part of a double name after ``e`` ends ("Marie-Ève"), or ``e``."""
    if e + 1 < len(text) and text[e] == "-" and text[e + 1].isupper():
        j = e + 1
        while j < len(text) and text[j].isalpha() and j - e <= 25:
            j += 1
        return j
    return e


def _set_apart(text: str, s: int, e: int, word: bool = False) -> bool:
    """Whether the name at ``text[s:e]`` stands apart: see ``_AFTER_OPENING`` and the two below it.

    A name that is also an ordinary word (``word``: "Bella", "Nova") needs a dash, bar, comma or symbol
    after it: "Bella - private massage therapist", not "Bella. Dolce. Discreta." nor "Liga-me"."""
    i = s
    while i > 0 and s - i < 4 and text[i - 1] != "\n" and not text[i - 1].isalnum():
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        after = (_AFTER_WORD_OPENING if word else _AFTER_OPENING).match(text, e)
        if after is not None:
            return True
    j = s
    while j > 0 and s - j < 2 and text[j - 1] in " \t":
        j -= 1
    if j == s or j == 0:
        return False
    before = text[j - 1]
    if before in _CRUMB_MARKS:
        # the last item of a page's breadcrumb trail, "Home / Escorts / Boston / Sophie" (also a name that is
        # a word, "... > Kilkenny > Amber"): two marks before it
        line = text.rfind("\n", 0, j) + 1
        crumbs = sum(1 for _ in itertools.islice(_CRUMB.finditer(text, line, j), _MIN_CRUMBS))
        return crumbs >= _MIN_CRUMBS and _LINE_END.match(text, e) is not None
    if word:
        return False
    if before in ".!?":
        return _AFTER_SENTENCE.match(text, e) is not None
    return (before in "—–|•~" or unicodedata.category(before) == "So") and (
        _LINE_END.match(text, e) is not None or (before in "—–|•~" and _NEXT_FIELD.match(text, e) is not None))


# A listing's next field after a name between separators: "Taille 38 – 1m68 – Sophie – Lyon 3e".
_NEXT_FIELD = regex.compile(r"[ \t]{1,2}[—–|•~][ \t]")


_CRUMB_MARKS = frozenset("/›»>")
_CRUMB = regex.compile(r"[/›»>][ \t]\p{Lu}")  # a mark before a page's name in the trail ("/ Boston")
_MIN_CRUMBS = 2


def _set_apart_names(text: str, country: str | None) -> list[tuple[int, int]]:
    """Spans of the known first names of ``text`` that stand apart (:func:`_set_apart`), in order; a
    hyphenated name whose first part is known is taken whole ("Marie-Ève")."""
    t = _tables()
    out = []
    for s, e, _k in _known_names_in(text):
        if not text[s].isupper() or (s > 0 and text[s - 1] == "-") or _SAINT_BEFORE.search(text, max(0, s - 6), s):
            continue  # "St. Louis", "Ste-Catherine": a place named after a saint
        j = _second_name_end(text, e)
        if j > e:
            if fold(text[e + 1 : j]) not in t.first_names:
                continue  # "Lorraine-Quartier", "Liga-me": not a double first name such as "Marie-Ève"
            e = j
        elif e + 1 < len(text) and text[e] == "-" and text[e + 1].isalpha():
            continue  # "Juan-les-Pins": the head of a compound name
        if _set_apart(text, s, e, _k in t.word_names) and _named_here(_k, country, text) \
                and not is_home_city(text[s:e], country) \
                and not _town_and_state(text, s, e, country):
            out.append((s, e))
    return out


_SAINT_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:St|Ste|Sta|Sto|Sf|Sv)\.?[ \t\u00a0]?\Z")
_STATE_CODE_AFTER = regex.compile(r",?[ \t]?(\p{Lu}{2})(?![\p{L}\p{M}])")


def _town_and_state(text: str, s: int, e: int, country: str | None) -> bool:
    """Whether ``text[s:e]`` is a town of the ad's country followed by the code of its state or province:
    "Florence, AL — Gabriela" names Florence, Alabama, whatever its size."""
    m = _STATE_CODE_AFTER.match(text, e)
    if m is None or not country:
        return False
    from unveil.extract.cities import city_index, region_countries

    if country not in region_countries().get(m.group(1).lower(), ()):
        return False
    return any(c.country == country for c in city_index().lookup(text[s:e]))


def find_names(text: str, country: str | None = None) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(start, end, name, cue)`` for each persona name introduced by a cue in ``text``.

    ``country`` (ISO alpha-2) lets a field that opens with a city of that country ("Charlotte, NC ...")
    keep the city out of the names.
    """
    t = _tables()
    w = words(text)
    # Three passes, each in text order: names set apart or before an age, names before "here", names
    # after a cue.  A later pass skips what overlaps an earlier one, wherever it stands in the text.
    found: list[tuple[int, int, str, str]] = []
    last_end = -1
    opening = _set_apart_names(text, country)
    for s, e, _a, z in name_then_number(text, country):
        while opening and opening[0][0] <= s:
            os, oe = opening.pop(0)
            if os >= last_end:
                last_end = oe
                found.append((os, oe, _title(text[os:oe]), "^"))
        if s >= last_end and (_age_follows(text, z) or _place_follows(text, z) or _IS_GAP.match(text, e) is not None) \
                and not _cue_ends_at(text, s):
            last_end = e  # (a name after a cue is the cue's: "Hi, I'm Zoraya, 24")
            found.append((s, e, _title(text[s:e]), "age"))
    for os, oe in opening:
        if os >= last_end:
            last_end = oe
            found.append((os, oe, _title(text[os:oe]), "^"))
    found.extend(_heading_names(text, country, found, t))
    here = _HERE & w.keys
    if here:
        earlier = SpanIndex((f[0], f[1]) for f in found)
        last_end = -1
        for s, e, _k in w.find(here):
            i, j = _word_before(text, s, " \t\u00a0", 2, 25)
            if i < j and i >= last_end and not earlier.hits(i, j) and text[i].isupper() \
                    and (i == 0 or not text[i - 1].isalnum()) and (fold(text[i:j]) in t.first_names or (
                        # "Sacha here, 23 yo" opening its line: any name, before an age
                        fold(text[i:j]) not in t.stop and (i == 0 or text[i - 1] == "\n")
                        and _AGE_AFTER_HERE.match(text, e) is not None and not is_home_city(text[i:j], country))):
                last_end = j
                found.append((i, j, _title(text[i:j]), "here"))
    hits = {k for k in t.triggers & w.keys
            if (second := t.second_words.get(k)) is None or not second.isdisjoint(w.keys)}
    if hits:
        earlier = SpanIndex((f[0], f[1]) for f in found)
        last_end = -1  # where the names of the last cue end: "we are Anna & Bella" holds one cue
        for s, _, _k in w.find(hits):
            if s < last_end or earlier.hits(s, s + 1):
                continue
            m = t.cues.match(text, s)
            if m is None:
                continue
            cls = m.lastgroup or "strong"
            cue = " ".join(fold(m.group(cls) or "").split())
            nm = _NAME.match(text, m.end())
            if nm is None:
                continue
            # a name that is also a word counts after a weak or greeting cue where its phrase ends: "Jestem Ola,",
            # "I'm Honey,", "it's Star ⭐"
            key = fold(nm.group())
            if cue == "im" and (key in t.months or key == "mai"):
                continue  # German "im April", "im Mai": in the month ("Mai" stays a name elsewhere: "Mai 27")
            worded = cls in ("weak", "known") and nm.group()[:1].isupper() and key in t.word_names \
                and key not in t.describing and _ends_phrase(text, nm.end())  # not "I'm Latina,"
            if not (worded or _accept(nm.group(), cls, t, cue) or (
                    cue in _PRESENTING_CUES and nm.group()[:1].isupper() and key not in t.stop
                    and _presented_age(text, nm.end()) and not is_home_city(nm.group(), country))):
                continue
            names = [(nm.start(), _two_word_name_end(text, nm, t))]  # "Chamo-me Ana Clara"
            while len(names) < _MAX_LISTED_NAMES:
                # "we are Anna & Bella"; a list after the cue: "ask for Lily, Coco or Amy" (a name after a comma
                # only when known: "Ask for Mia, Tuesdays only")
                jm = t.joiner.match(text, names[-1][1])
                comma = jm is None or jm.end() == names[-1][1]
                if comma:
                    jm = _LIST_COMMA.match(text, names[-1][1])
                if jm is None:
                    break
                nxt = _NAME.match(text, jm.end())
                if nxt is None or not nxt.group()[:1].isupper():
                    break
                key = fold(nxt.group())
                if not (key in t.first_names or (not comma and key not in t.stop)) \
                        and fold(_nominative(nxt.group(), t)) not in t.first_names:
                    break
                names.append(nxt.span())
            if cls == "weak" and not worded:
                first_key = fold(nm.group())
                if first_key not in t.first_names and (
                    first_key in t.stop or (len(names) == 1 and not _ends_phrase(text, nm.end()))
                    or (len(first_key) >= _MIN_PLACE_WORD and first_key.endswith(t.place_endings))
                    or _named_before_cue(text, s, t)
                ):
                    continue  # ... "Ich bin Zürcherin", "Je suis Liégeoise", "Ik ben Antwerpse": where she is from
            names = [(a, z) for a, z in names if not earlier.hits(a, z)]
            found.extend((a, z, _nominative(_title(text[a:z]), t), cue) for a, z in names)
            if names:
                last_end = names[-1][1]
    found.extend(_first_of_pairs(text, found, t))
    found.extend(_signature_names(text, found, t))
    found.sort(key=lambda f: f[0])
    for f in found:
        if not _staff(text, f[0], f[1], f[3], t.staff) \
                and _REVIEWER_BEFORE.search(text, max(0, f[0] - 8), f[0]) is None \
                and not _business_after(text, f[1]):
            yield f


_FROM_WORDS = frozenset({"from", "de", "aus", "di", "da", "van", "uit", "z", "ze", "iz", "din", "desde"})


def _business_after(text: str, end: int) -> bool:
    """Whether a capitalised word of ``business_words_after`` (cities) follows the name ending at ``end``: a
    shop's name ("im Asia Massage Studio", "Jade Spa"), no persona."""
    from unveil.extract.cities import business_word_after  # the cities module imports this one

    return business_word_after(text, end)


# A review's author after the quote: "“Lovely evening.” — James", "« Très belle rencontre » — Thomas, 52 ans".
_REVIEWER_BEFORE = regex.compile(r"[\"»”“][ \t]{0,2}[—–-][ \t]{0,2}\Z")


# An ad signed at its end with one or two first names, maybe with the town: "Rosa, Miami.", "— Melanie,
# Innsbruck", "Sevilla, Triana. Marta y Elena.", "Sheffield — Courtney & Jade." (the text's last phrase).
_SIGNED_NAME = r"\p{Lu}[\p{Ll}\p{M}'’]{1,20}(?:-\p{Lu}[\p{Ll}\p{M}]{1,20})?"
_TOWN_WORD = r"\p{Lu}[\p{L}\p{M}'’-]{1,30}"
# A thanks before the signing name: "Thanks, Sarah", "Merci, Léa", "Danke, Lena"
_THANKS = r"(?i:thanks|thank you|many thanks|cheers|merci|danke|gracias|grazie|bedankt|obrigada|dzięki|mulțumesc)"
_SIGNATURE = regex.compile(
    rf"(?:\A|[.!?\n•·|]|[—–-][ \t])[ \t]*(?:{_THANKS}[ \t]*,[ \t]*)?({_SIGNED_NAME})"
    rf"(?:[ \t]{{1,2}}(?:&|\+|and|et|y|e|i|und|en|och|og|și|si)[ \t]{{1,2}}({_SIGNED_NAME}))?"
    rf"(?:,[ \t]{{1,2}}({_TOWN_WORD}(?:[ \t]{_TOWN_WORD})?)(?:[ \t]?/[ \t]?{_TOWN_WORD})?)?[ \t]*[.!]?[ \t]*\Z")
_SIGNATURE_REACH = 100


def _signature_names(text: str, found: list[tuple[int, int, str, str]],
                     t: _Tables) -> Iterator[tuple[int, int, str, str]]:
    """Known first names signing the ad off at its end (cue ``signature``); the town after them, when
    written, must be one ("Rosa, Miami."), and no name may be a town ("Sydney, Australia." signs nothing)."""
    from unveil.extract.cities import city_index

    end = len(text.rstrip())
    m = _SIGNATURE.search(text, max(0, end - _SIGNATURE_REACH), end)
    if m is None:
        return
    index = city_index()
    if m.group(3) is not None and not index.lookup(m.group(3)):
        return
    names = [(m.start(k), m.end(k)) for k in (1, 2) if m.group(k) is not None]
    if any(fold(text[a:z]) not in t.first_names or fold(text[a:z]) in t.stop or index.lookup(text[a:z])
           or _SAINT_BEFORE.search(text, max(0, a - 6), a) for a, z in names):
        return  # ... nor a saint's ("Visiting St. Louis")
    taken = SpanIndex((f[0], f[1]) for f in found)
    for a, z in names:
        if not taken.hits(a, z):
            yield a, z, _title(text[a:z]), "signature"


_PAIR_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]{1,20})[ \t\u00a0]{1,2}(?:and|&|\+|et|y|e|und|en|og|"
                             r"och|și|si|i|oraz|ou|ve|dhe)[ \t\u00a0]{1,2}\Z")


def _first_of_pairs(text: str, found: list[tuple[int, int, str, str]],
                    t: _Tables) -> Iterator[tuple[int, int, str, str]]:
    """The known first name joined by "and" before a name read with its age: "Nadine and Katya, 26 and
    38", "Dupla Mel & Luna, 22 e 25 anos" (the age extractor reads both ages; the name before the pair's
    second has none of its own)."""
    taken = SpanIndex((f[0], f[1]) for f in found)
    for s, _, _, cue in list(found):
        if cue not in ("age", "duo"):
            continue
        m = _PAIR_BEFORE.search(text, max(0, s - 28), s)
        if m is None or taken.hits(m.start(1), m.end(1)):
            continue
        word = m.group(1)
        if fold(word) in t.first_names and fold(word) not in t.stop:
            yield m.start(1), m.end(1), _title(word), cue


def _named_before_cue(text: str, cue_at: int, t: _Tables) -> bool:
    """Whether a known first name stands right before the weak cue at ``cue_at``: "Zuzia tu 😘 Kralingen, 3062
    Rotterdam" is Zuzia here (Polish "tu"), and the word after the cue is where, not who."""
    i, j = _word_before(text, cue_at, " \t\u00a0", 2, 25)
    return i < j and text[i].isupper() and (i == 0 or not text[i - 1].isalnum()) and fold(text[i:j]) in t.first_names


def _word_before(text: str, pos: int, gap: str, max_gap: int, max_len: int) -> tuple[int, int]:
    """``(start, end)`` of the word before ``pos`` across at most ``max_gap`` characters of ``gap``
    (start == end when there is none)."""
    j = pos
    while j > 0 and text[j - 1] in gap and pos - j < max_gap:
        j -= 1
    i = j
    while i > 0 and text[i - 1].isalpha() and j - i < max_len:
        i -= 1
    return i, j


_STAFF_REACH = 32  # characters after a name where its clause may call her staff
_CLAUSE_END = frozenset(".!?;\n\r|•")


_ASK_CUES = frozenset({"ask for", "ask", "demandez", "pregunta por", "preguntar por", "fragt nach", "frag nach",
                       "fragen sie nach",
                       "chiedi di", "vraag naar", "pergunte por", "pergunta por", "pergunta pela",
                       "pergunte pela", "pytaj o", "zapytaj o", "pytajcie o", "intreaba de"})  # folded
# "ask for Angel at the front desk", "Demandez Océane à l'accueil": where to ask for her
_AT_PLACE = regex.compile(r"[ \t\u00a0]{1,2}(?:at|à|a|al|bei|am|an|aan|no|na|en)(?![\p{L}\p{M}])", regex.I)


# One more name asked for: "... Lina ou Jade", "... RUBY OR JADE", "... Mia, Zoe"
_NEXT_ASKED = regex.compile(r"(?:[ \t\u00a0]{0,2},|[ \t\u00a0]{1,2}(?:or|ou|o|oder|of|lub|sau|ili|and|et|y|und|en|e|i)"
                            r"(?![\p{L}\p{M}]))[ \t\u00a0]{1,2}\p{Lu}[\p{L}\p{M}'’-]{1,20}", regex.IGNORECASE)


def _staff(text: str, s: int, e: int, cue: str, staff: frozenset[str]) -> bool:
    if _tables().staff_re.search(text, max(0, s - _DESK_REACH - 16), min(len(text), e + _STAFF_REACH + 20)) is None:
        return False  # no staff word near: most names
    return _staff_near(text, s, e, cue, staff)


# Words between a desk and its number: "Call reception on 020 7946 0731 (ask for Marie)".
_DESK_NUMBER_WORDS = frozenset({"on", "at", "via", "number", "no", "tel", "phone", "au", "al", "am", "unter", "op"})
_DESK_REACH = 48
_SENTENCE_BREAK = regex.compile(r"[.!?;|•](?:[ \t\u00a0]|\Z)")


def _desk_number_before(text: str, cue_at: int, staff: frozenset[str]) -> bool:
    """Whether a staff word and its phone number stand right before the asking cue at ``cue_at``, on its line:
    "Call reception on 020 7946 0731 (ask for Marie)" (only figures, marks and the words of
    ``_DESK_NUMBER_WORDS`` after the staff word)."""
    begin = max(text.rfind("\n", 0, cue_at) + 1, cue_at - _DESK_REACH)
    for m in _SENTENCE_BREAK.finditer(text, begin, cue_at):
        begin = m.end()  # the last sentence only: "Reception: 020 .... Ask for Marie, 25" asks for a persona
    words = _WORD_RUN.findall(text, begin, cue_at)
    if not any(ch.isdigit() for ch in text[begin:cue_at]):
        return False
    for w in reversed(words):
        folded = fold(w).lower()
        if folded in staff:
            return True
        if folded not in _DESK_NUMBER_WORDS:
            return False
    return False


def _staff_near(text: str, s: int, e: int, cue: str, staff: frozenset[str]) -> bool:
    """Whether the name at ``[s, e)`` is of the staff: a staff word right before it ("recepcionista Cláudia",
    "Madame Lee"), or after it in its clause, up to a closing bracket ("Maria at reception", "Carmen, de
    recepción", "Sophie (accueil)"); not after a cue asking for her at a place ("ask for Angel at the front
    desk")."""
    i, j = _word_before(text, s, " \t\u00a0:", 3, 20)
    if i < j and fold(text[i:j]) in staff:
        return True
    if cue.startswith("name"):
        # "Driver's name is Marcus": the cue's name is the staff member's
        c = max(0, s - len(cue) - 6)
        at = fold(text[c:s]).lower().rfind(cue[:4])
        if at >= 0:
            wi, wj = _word_before(text, c + at, " \t\u00a0", 3, 4)
            if text[wi:wj] == "s" and wi > 1 and text[wi - 1] in "'’":
                wi, wj = _word_before(text, wi - 1, "", 0, 24)
                if wi < wj and fold(text[wi:wj]).lower() in staff:
                    return True
    if cue in _ASK_CUES:
        c = j - len(cue) if i == j else i
        while c > 0 and j - c < len(cue) + 3 and fold(text[c:j]).lower() != cue:
            c -= 1
        if fold(text[c:j]).lower() == cue:
            # "Reception (ask for Dave)": the desk to ask at, then the cue
            wi, wj = _word_before(text, c, " \t\u00a0(:-–,", 3, 20)  # ... and "Call reception, ask for Tina"
            if wi < wj and fold(text[wi:wj]) in staff:
                return True
            if _desk_number_before(text, c, staff):
                return True
        pos = e
        for _ in range(_MAX_LISTED_NAMES):  # "Demandez Lina ou Jade à l'accueil": the list, then the place
            nxt = _NEXT_ASKED.match(text, pos)
            if nxt is None:
                break
            pos = nxt.end()
        if _AT_PLACE.match(text, pos) is not None:
            return False
    k = e
    while k < len(text) and k - e < _STAFF_REACH and text[k] not in _CLAUSE_END and text[k] != ")" \
            and not text[k].isdigit():
        k += 1  # up to an age too: "Ask for Nina, 15, ... her driver brings her" names a persona
    while k < len(text) and text[k].isalpha() and k - e < _STAFF_REACH + 20:
        k += 1  # a whole last word: "... en Palma" is no "pa"
    return any(fold(w) in staff for w in _WORD_RUN.findall(text, e, k))


_MAX_LISTED_NAMES = 6
_LIST_COMMA = regex.compile(r"[ \t]{0,2},[ \t]{1,2}")


def _heading_names(text: str, country: str | None, found: list[tuple[int, int, str, str]],
                   t: _Tables) -> Iterator[tuple[int, int, str, str]]:
    """Names that head a listing before its age ("Memphis — Ebony 31", "Natascha, 33"): any capitalised word
    the age extractor reads there (see :func:`unveil.extract.ages.heading_words`) that is no word of the stop
    list ("Latina 24"), no large town of the ad's country ("Angel – Graz – 24" in Austria), and, unless it
    is a known first name, no town of the ad's country at all, or of any country when the ad's is unknown."""
    from unveil.extract.ages import heading_words, words_after_heading_ages  # the age extractor imports this
    from unveil.extract.cities import city_index, country_names, word_before

    heads = sorted(heading_words(text, country) + words_after_heading_ages(text, country))
    if not heads:
        return
    earlier = SpanIndex((f[0], f[1]) for f in found)
    for s, e in heads:
        word = text[s:e]
        key = fold(word)
        # a town of another country is a persona named after it ("Paris\n27\nDüsseldorf"); a word that is
        # no known first name and a town of the ad's country ("Chester – 25"), or of any country when the
        # ad's is unknown, is the ad's place
        if earlier.hits(s, e) or key in t.stop or is_home_city(word, country):
            continue
        if key not in t.first_names and key not in t.town_personas \
                and any(not country or c.country == country for c in city_index().lookup(word)):
            continue
        if key not in t.first_names and len(key) >= _MIN_PLACE_WORD and key.endswith(t.place_name_endings):
            continue  # "Frankfurt – Sachsenhausen, 27 lat": a district, where the gazetteer holds towns only
        if key in country_names() and word_before(text, s) in _FROM_WORDS:
            continue  # "Coco 😊 26岁 from Taiwan": where she comes from ("India, 24, Perth" is her name)
        yield s, e, _title(word), "heading"


class NameExtractor:
    """Persona names (kind ``name``): ``value`` in title case, ``attrs["cue"]`` the folded cue that introduced it."""

    name = "names"
    kinds: tuple[str, ...] = ("name",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        """Yield one ``name`` entity per cued persona name in ``text``."""
        if field in ("url", "email", "phone") or len(text) < 4:
            return
        for start, end, value, cue in find_names(text, (ctx.reading_country or "").upper() or None):
            yield Entity("name", value, field, start, end, text[start:end], {"cue": cue})
