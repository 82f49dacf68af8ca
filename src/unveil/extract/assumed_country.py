"""The country an ad is read in when it states no ``country``: its national phone numbers, currencies, towns.

libphonenumber reads "(713) 555-0184" or "020 7946 0123" only with a default region; an ad collected
without a ``country`` (a scraped site that serves one country, a CSV with only a town column) would lose
every phone written in national form.  Each source below names candidate countries, best source first:

1. the ad's own ``city`` (and ``region``) metadata, looked up in the offline gazetteer: "Houston",
   "Houston, TX", "Berlin, DE", "London" with region "KY" (a US state, Canadian province, Australian state
   or British nation settles a name); a name shared by towns of other calling codes of like size
   ("Cambridge": England, Ontario, Massachusetts) names them all, unless ``cities.yaml`` prefers one
   ("Valencia" is Spain's);
2. the ad's web address: a town or a country code in its subdomain, path or place-like query keys
   ("houston.example.com", "/uk/leeds/", "?country=nl"; "/fr/" on a Belgian site is a language);
3. the towns its title and body name, with their namesakes when read without a clue to their country;
4. the country-code domain of its web address ("example.fr"; not domains sold for other uses: .co, .io);
5. the countries where the ad's language is spoken (``lang``: "en" is the United States and Canada, the
   United Kingdom, Ireland, Australia and New Zealand), only when its numbers settle it.

A source whose candidates share one calling code settles it (towns of the United States and Canada, both +1,
never conflict), unless the ad's numbers read as no phone there but do in the country of a much smaller
namesake ("Windsor" with "07700 900 654" is England's) or read as no valid phone there, none written as
dialled there, but as valid ones in that country ("London" with "519-555-0177"); one that names several is
settled by the ad's own numbers, when they read as more valid (then possible) phones in one of them ("Paris /
Brussels tour ... 01 99 00 44 55" is French). Between countries where the numbers read as well, but as
different phones, none is chosen, and the next source is asked ("Athens – Istanbul ... 212 345 6789" names no
country). Last, only when no source named any country, the countries of the ad's language, most ads first: the
one where most of its numbers are valid numbers of that country written as they are dialled there (with the
trunk prefix its national numbers start with: "(702) 555-0178" in an English ad is American, since a British
one would start with its "0"), the first of those that tie ("612 34 56 78" in Spanish is Spain's, though it is
also a valid number in Chile). When the ad's language is neither stated nor identified (a text too short to
tell), a number in North America's layout ("416-555-0141", "(212) 555-0142") names the United States and
Canada in its place. With none, the ad is read with no country, as before.

The guess is a reading aid: the phone extractor marks every phone of such an ad with ``assumed_country``,
and marks a phone ``foreign`` only against a country taken from the ad's own city metadata (the listing's
location, the same kind of fact as ``country``), never against its web address or the towns its text names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

import phonenumbers

from unveil.extract.base import AdContext
from unveil.extract.cities import CityExtractor, fold, has_preferred_town, region_countries, towns_named
from unveil.extract.phones import PhoneExtractor, country_of_code
from unveil.normalise.deobfuscate import deobfuscate_digits
from unveil.normalise.offsets import NormalisedText

#: A name is taken for its biggest town when every town of another calling code with that name is at most
#: this share of its population ("London": Ontario's is 4% of England's).
DOMINANT_SHARE = 0.2

# Country-code domains commonly sold for other uses: they say nothing about where a site is.
_GENERIC_CCTLDS = frozenset({"ac", "ad", "ag", "ai", "am", "as", "bz", "cc", "cd", "co", "cx", "dj", "fm", "gg",
                             "gl", "gs", "im", "io", "la", "ly", "md", "me", "ms", "mu", "nu", "sc", "sh", "so",
                             "st", "tk", "to", "tv", "vc", "vg", "ws"})


class Assumed(NamedTuple):
    country: str  # ISO 3166-1 alpha-2
    source: str  # "city" (the ad's metadata), "towns" (named in its text), "web address", "currency", "language"
    # or "layout" (a number in North America's layout in an ad whose language is unknown)


def _calling_code(country: str) -> int:
    return phonenumbers.country_code_for_region(country)


def _distinct(countries: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(countries))


def _town_countries(name: str, region: str = "") -> tuple[list[str], list[str]]:
    """Countries a town name (with a region) is likely in, the likeliest first (one when it is clear), and
    the countries of its other, much smaller namesakes."""
    name, _, tail = name.partition(",")
    name, tail = name.strip(), tail.strip()
    towns = towns_named(name)
    if len(tail) == 2 and tail.isupper() and any(t.country == tail for t in towns):
        return [tail], []  # "Berlin, DE": a country code (not Delaware) when a town of that country has the name
    regions = region_countries()
    in_region = regions.get(fold(region).strip()) or regions.get(fold(tail))
    if in_region is not None:
        # "London, KY": a small town the gazetteer may not hold, but a US one; "Perth, WA": Australia's
        return _distinct([t.country for t in towns if t.country in in_region] + sorted(in_region)), []
    if not towns:
        return [], []
    chosen = towns[0]  # the gazetteer's own choice for the name (curated preference, then population)
    if has_preferred_town(name):
        likely = [chosen.country]  # "Valencia" is Spain's, not Venezuela's bigger town, as in the extractor
    else:
        cc = _calling_code(chosen.country)
        likely = _distinct([chosen.country] + [t.country for t in towns if _calling_code(t.country) != cc
                                               and t.population > DOMINANT_SHARE * chosen.population])
    return likely, [c for c in _distinct(t.country for t in towns) if c not in likely]


def _web_address_parts(url: str) -> tuple[str, list[str], list[str]] | None:
    """The top-level domain of ``url``, the words that may name a place (subdomains, path segments, values
    of place-like query keys) and the two-letter ones among them that may be a country code."""
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = parts.hostname or ""
    except ValueError:
        return None
    labels = host.split(".")
    words = [label for label in labels[:-2] if label not in _NOT_PLACES]
    words += [seg for seg in parts.path.split("/")[:8] if seg]
    words += [value for key, value in parse_qsl(parts.query)[:8] if key.lower() in _PLACE_KEYS]
    codes = [w.lower() for w in words if len(w) == 2 and w.isascii() and w.isalpha() and w.lower() not in _NOT_CODES]
    return (labels[-1] if len(labels) > 1 else ""), words, codes


# Subdomains that name no place.
_NOT_PLACES = frozenset({"www", "m", "mobile", "web", "ads", "classifieds", "listing", "listings"})
_PLACE_KEYS = frozenset({"country", "cc", "region", "city", "town", "location", "loc", "pays", "land", "paese",
                         "pais", "ville", "stadt", "ciudad", "citta", "kraj", "miasto"})
# Two letters in a web address that are a country's code but usually a word: "/ad/123", "/me/", "/id/".
_NOT_CODES = frozenset({"ad", "am", "do", "go", "id", "in", "me", "my", "so", "to", "tv", "co"})
# Language codes a site puts before its pages ("example.be/fr/annonce"): a language there, not a country.
_LANGUAGE_CODES = frozenset({"bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr", "ga", "hr",
                             "hu", "it", "lt", "lv", "nl", "pl", "pt", "ro", "sk", "sl", "sv"})


def _from_web_address_words(tld: str, words: list[str], codes: list[str]) -> list[str]:
    """A town or a country code in the path, subdomain or query ("/uk/leeds/", "houston.example.com",
    "?country=nl"); a language code is a country only on a site of no country ("example.com/de/")."""
    for word in words:
        name = word.replace("-", " ").replace("_", " ").replace("+", " ")
        if len(name) < 3 or any(c.isdigit() for c in name):
            continue
        countries = _town_countries(name)[0]
        if countries:
            return countries
    national_site = bool(_from_domain(tld))
    for code in codes:
        if national_site and code in _LANGUAGE_CODES:
            continue
        country = country_of_code(code)
        if country is not None:
            return [country]
    return []


def _from_domain(tld: str) -> list[str]:
    tld = tld.lower()
    if len(tld) != 2 or tld in _GENERIC_CCTLDS or not tld.isascii() or not tld.isalpha():
        return []
    country = country_of_code(tld)
    return [country] if country is not None else []


def _named_towns(ad: Mapping[str, Any], lang: str | None) -> tuple[list[str], list[str], bool]:
    """The countries of the towns that the title and body name, those of their smaller namesakes, and
    whether all of them are one name's (not a tour's towns).

    A town read as the gazetteer's own choice for its name was read without a clue to its country ("London
    this week"): its namesakes' countries come too, as for the ad's ``city``, so that a number valid only in
    one of them settles it ("Call 519-555-0177" is Ontario's).  A town read from a clue ("Paris, TX") is
    that town's country alone."""
    reader, ctx = CityExtractor(), AdContext(lang=lang)
    likely: list[str] = []
    also: list[str] = []
    names: set[str] = set()
    for field in ("title", "body"):
        text = ad.get(field)
        if not isinstance(text, str) or not text:
            continue
        for e in reader.extract(text, field, ctx):
            country = str(e.attrs["country"])
            names.add(fold(e.text))
            named, smaller = _town_countries(e.text)
            if named[:1] == [country]:
                likely += named
                also += smaller
            else:
                likely.append(country)
    likely = _distinct(likely)
    return likely, [c for c in _distinct(also) if c not in likely], len(names) == 1


def _sources(ad: Mapping[str, Any], lang: str | None) -> Iterator[tuple[str, list[str], list[str], bool]]:
    """Candidate countries from each source, best source first, computed only when asked for: the likely
    ones, those of a town's much smaller namesakes, and whether they are one place's namesakes (the
    ad's language may then break a tie between them; never between the towns of a tour)."""
    city, region = ad.get("city"), ad.get("region")
    if isinstance(city, str) and city.strip():
        yield "city", *_town_countries(city, region if isinstance(region, str) else ""), True
    elif isinstance(region, str) and region.strip():
        yield "city", sorted(region_countries().get(fold(region).strip(), ())), [], True
    url = ad.get("url")
    parts = _web_address_parts(url) if isinstance(url, str) and url else None
    if parts is not None:
        yield "web address", _from_web_address_words(*parts), [], False
    yield "towns", *_named_towns(ad, lang)
    if parts is not None:
        yield "web address", _from_domain(parts[0]), [], False
    currency = _currency_countries(ad, lang)
    if currency:
        yield "currency", currency, [], False  # read as the language is: see _by_language
    if lang:
        yield "language", list(LANGUAGE_COUNTRIES.get(lang.lower(), ())), [], False  # see _by_language
    elif _north_american_layout(ad):
        yield "layout", list(_NANP_LAYOUT_COUNTRIES), [], False  # read as the language is: see _by_language


# A number grouped 3-3-4 with a bracketed area code, dashes or dots: North America's layout, which no other
# country of the project's ads writes its national numbers in ("(416) 555-0141", "416-555-0141",
# "1-416.555.0141"; not "347 123 4567", an Italian mobile spaced the same way).
_NANP_LAYOUT = re.compile(r"(?<![\d+])(?:1[-. ])?(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}(?![\d-])")
_NANP_LAYOUT_COUNTRIES = ("US", "CA")


def _north_american_layout(ad: Mapping[str, Any]) -> bool:
    """Whether the ad's title or body writes a number in North America's layout: the last source, asked only
    for an ad whose language is neither stated nor identified (too short: "Hey it's Kim, text me
    416-555-0141")."""
    return any(isinstance(t := ad.get(field), str) and _NANP_LAYOUT.search(t) is not None
               for field in ("title", "body"))


# Currencies whose sign or code names a few countries: "$" those of the dollar of Europe and North America's
# ads and Oceania, most ads first; a prefixed sign or a code one of them.
_CURRENCY_MARKS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"(?<![A-Za-z])(?:{mark}) ?[0-9]|[0-9] ?(?:{mark})(?![A-Za-z])"), countries)
    for mark, countries in ((r"A\$|AU\$|AUD", ("AU",)), (r"C\$|CA\$|CAD|\$ ?CA", ("CA",)), (r"NZ\$|NZD", ("NZ",)),
                            (r"US\$|USD", ("US",)), (r"£|GBP|quid", ("GB",))))
_DOLLAR = re.compile(r"\$ ?[0-9]|[0-9] ?\$")
_DOLLAR_COUNTRIES = ("US", "CA", "AU", "NZ")


def _currency_countries(ad: Mapping[str, Any], lang: str | None) -> list[str]:
    """The countries that the currencies of the ad's amounts name, when they name one family: "$300/hr"
    the dollar's, "A$300" Australia.  Amounts in two currencies name none, and a bare "$" in a language
    other than English and French none (the peso's sign in Spanish and Portuguese)."""
    text = "\n".join(t for field in ("title", "body") if isinstance(t := ad.get(field), str))
    if "$" not in text and "£" not in text and not _CURRENCY_CODE_HINT.search(text):
        return []
    named = [countries for pattern, countries in _CURRENCY_MARKS if pattern.search(text) is not None]
    if len(named) > 1:
        return []
    if named:
        return list(named[0])
    if lang is not None and lang.lower() not in ("en", "fr"):
        return []
    return list(_DOLLAR_COUNTRIES) if _DOLLAR.search(text) is not None else []


_CURRENCY_CODE_HINT = re.compile(r"AUD|CAD|NZD|USD|GBP|quid")


#: Countries whose ads are written in a language, most ads first: the last source, asked only when the ad's
#: numbers settle it, and the tie-break between countries where they read alike.
LANGUAGE_COUNTRIES: dict[str, tuple[str, ...]] = {
    "en": ("US", "GB", "CA", "AU", "IE", "NZ"),
    "fr": ("FR", "BE", "CH", "CA", "LU"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE", "VE"),
    "de": ("DE", "AT", "CH"),
    "it": ("IT", "CH"),
    "nl": ("NL", "BE"),
    "pt": ("PT", "BR"),
    "ro": ("RO", "MD"),
    "pl": ("PL",),
    "cs": ("CZ",),
    "sk": ("SK",),
    "hu": ("HU",),
    "sv": ("SE", "FI"),
    "da": ("DK",),
    "no": ("NO",),
    "fi": ("FI",),
    "el": ("GR", "CY"),
    "bg": ("BG",),
    "hr": ("HR", "BA"),
    "sl": ("SI",),
    "sr": ("RS", "BA", "ME"),
    "ru": ("RU", "UA", "BY", "KZ"),
    "uk": ("UA",),
    "lt": ("LT",),
    "lv": ("LV",),
    "et": ("EE",),
}


_MAX_TRIED = 4


class _Readings:
    """The phones an ad's title and body read as in each country tried, counted once per country."""

    def __init__(self, ad: Mapping[str, Any], lang: str | None) -> None:
        self.reader = PhoneExtractor()
        self.texts = [(field, text) for field in ("title", "body") if isinstance(text := ad.get(field), str) and text]
        self.lang = lang
        self.done: dict[str, tuple[int, int, frozenset[str], int, int, int]] = {}
        self.read_digits: dict[str, NormalisedText] = {}  # each field de-obfuscated once, for every country tried

    def __call__(self, country: str) -> tuple[int, int, frozenset[str], int, int, int]:
        """(valid phones, possible ones, their values, how many are valid numbers of that country written as
        dialled there, how many are valid or possible numbers of it so written, how many valid ones are
        another country's though written with no "+" or "00": a neighbour's, see ``phones._NEIGHBOURS``)
        with ``country`` as the ad's ("" for none)."""
        got = self.done.get(country)
        if got is None:
            ctx = AdContext(country=country or None, lang=self.lang)
            phones = [e for field, text in self.texts for e in self.reader.extract(text, field, ctx)]
            valid = sum(e.attrs["confidence"] == "valid" for e in phones)
            own = f"+{_calling_code(country)}" if country else "+"
            written = [e for e in phones if e.value.startswith(own) and _written_for(e.text, country)
                       and not self._cut_from_digits(e.field, e.start)]
            dialled = sum(e.attrs["confidence"] == "valid" for e in written)
            # (not a number its own mark reads abroad, "my AU mob 0491 ...": it reads so with no country too)
            marked = self("")[2] if country else frozenset()
            abroad = sum(e.attrs["confidence"] == "valid" and country != "" and not e.value.startswith(own)
                         and not _international(e.text) and e.value not in marked for e in phones)
            got = self.done[country] = (valid, len(phones) - valid, frozenset(e.value for e in phones), dialled,
                                        len(written), abroad)
        return got


    def _cut_from_digits(self, field: str, start: int) -> bool:
        """Whether a phone read from ``start`` leaves out digits the poster wrote right before it: "oh two
        zero / seven nine four six ..." read from "two" in the United States drops its leading zero."""
        nt = self.read_digits.get(field)
        if nt is None:
            nt = self.read_digits[field] = deobfuscate_digits(dict(self.texts).get(field, ""), self.lang)
        i = bisect.bisect_left(nt.starts, start)
        # (a reading that opens with a zero, a trunk prefix, starts where the poster's number does: "Grace 23 ·
        # 0491 570 114" leaves out an age)
        return 0 < i < len(nt.text) and i < len(nt.starts) and nt.starts[i] == start and nt.text[i - 1].isdigit() \
            and nt.text[i] != "0"


def _dialled(written: str) -> str:
    """A phone's digits as written, with its "+"."""
    return "".join(ch for ch in written if ch.isdigit() or ch == "+")


def _international(written: str) -> bool:
    """Whether a phone is written with "+" or "00" before its country code."""
    return _dialled(written).startswith(("+", "00"))


def _written_for(written: str, country: str) -> bool:
    """Whether a phone as written is dialled that way in ``country``: with "+" or "00", spelled out, or
    starting with the trunk prefix that the country's national numbers are dialled with (none in North
    America, whose "1" is optional)."""
    digits = _dialled(written)
    if not digits or digits.startswith(("+", "00")):
        return True
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(country)
    trunk = metadata.national_prefix if metadata is not None else None
    return not trunk or trunk == "1" or digits.startswith(trunk)


def _by_phones(readings: _Readings, countries: list[str], namesakes: bool = False) -> str | None:
    """Of ``countries``, the one in which the ad's numbers read as the most valid phones (then possible
    ones, then valid ones written as dialled there, then, for ``namesakes`` of one place, in a country of
    the ad's language), if one does; countries that read them alike count as one."""
    scores = [readings(c) for c in countries[:_MAX_TRIED]]
    best = max(score[:2] for score in scores)
    winners = [i for i, score in enumerate(scores) if score[:2] == best]
    if len({scores[i][2] for i in winners}) > 1:
        # as many in two countries, read differently: the one where more are written as dialled there
        # ("Manchester", England's or New Hampshire's, with "oh two zero / seven nine four six / ...")
        most = max(scores[i][3] for i in winners)
        winners = [i for i in winners if scores[i][3] == most]
    if namesakes and len({scores[i][2] for i in winners}) > 1 and readings.lang:
        # still a tie: the countries where the ad's language is written ("Newcastle ... 0491 570 155" in
        # English is Australia's, though valid in South Africa too)
        spoken = LANGUAGE_COUNTRIES.get(readings.lang.lower(), ())
        kept = [i for i in winners if countries[i] in spoken]
        if kept and len({scores[i][2] for i in kept}) == 1:
            winners = kept
        elif kept:
            winners = [min(kept, key=lambda i: spoken.index(countries[i]))]  # the one most ads are from
    if best == (0, 0) or len({scores[i][2] for i in winners}) > 1:
        return None  # no number anywhere, or as many in two countries, read differently
    return countries[winners[0]]


def _smaller_namesake(readings: _Readings, favourite: str, also: list[str]) -> str | None:
    """The country of a smaller namesake where the ad's numbers read as phones when the favourite's reads
    none, or as valid phones when the favourite's reads none valid and none as written there (a possible
    British "07700 900 222" is written as dialled in Britain; "519-555-0177", without its trunk "0", is not)."""
    fav = readings(favourite)
    if fav[0] > fav[5] or fav[4] > 0:
        return None  # (valid numbers only as a neighbour's read "07700 ..." in Ireland: none of its own)
    other = _by_phones(readings, also, namesakes=True)
    if other is None:
        return None
    theirs = readings(other)
    if fav[0] > 0 and theirs[0] == theirs[5]:
        return None  # read only as neighbours' numbers there too: "Christchurch · 0491 570 060" is New
        # Zealand's, the number Australia's, not England's town with an Irish number
    return other if theirs[0] > 0 or fav[:2] == (0, 0) else None


def _namesake_rival(readings: _Readings, chosen: str, also: list[str]) -> str:
    """``chosen``, or the country of a smaller namesake where the ad's numbers read as well (as many valid,
    then possible phones, as many written as dialled there) but as other phones, when the ad's language
    is more often written there: "Hamilton ... 020 7946 0185" in English is Scotland's, whose London number
    New Zealand reads as a mobile too."""
    spoken = LANGUAGE_COUNTRIES.get((readings.lang or "").lower(), ())
    if not also or chosen not in spoken:
        return chosen
    mine = readings(chosen)
    rivals = [c for c in also[:_MAX_TRIED] if c in spoken and spoken.index(c) < spoken.index(chosen)
              and (theirs := readings(c))[:2] == mine[:2] and theirs[2] != mine[2] and theirs[3] >= mine[3]]
    return min(rivals, key=spoken.index) if rivals else chosen


def _paid_namesake(ad: Mapping[str, Any], lang: str | None, readings: _Readings, chosen: str,
                   also: list[str]) -> str | None:
    """The country of a smaller namesake whose currency the ad's amounts are in (or, without one, whose
    layout its numbers are written in: North America's), where its numbers read as valid phones, when the
    bigger town's country pays in another: "Salem ... $$ 200 hr ... 978.555.0134" is a Salem of the United
    States, not India's (where the number is valid too)."""
    paid = _currency_countries(ad, lang) or (list(_NANP_LAYOUT_COUNTRIES) if _north_american_layout(ad) else [])
    if not paid or chosen in paid:
        return None
    # (within one calling code the area codes decide: "Kingston ... 876-555-0181" stays Jamaica's)
    return next((c for c in paid if c in also[:_MAX_TRIED] and _calling_code(c) != _calling_code(chosen)
                 and readings(c)[0] > 0), None)


def _by_language(readings: _Readings, countries: tuple[str, ...]) -> str | None:
    """Of the countries of the ad's language (most ads first), the one where most of its numbers are valid
    numbers of that country written as they are dialled there; the first of those that tie.  "(702)
    555-0178" would be a valid British number, but one is written with its trunk "0".  None when the ad's
    numbers read the same without a country ("+1 202 555 0143", "🇬🇧 020 7946 0371"): nothing to guess."""
    best, chosen = 0, None
    for country in countries:
        dialled = readings(country)[3]
        if dialled > best:
            best, chosen = dialled, country
    if chosen is None and len(countries) == 1 and readings(countries[0])[2] == readings("")[2]:
        # A language of one country ("Hej, 1 time 1500 kr" is Danish, "Óra: 20e" Hungarian): its prices,
        # ages and towns are read there, when that changes none of the ad's phones.
        return countries[0]
    if chosen is not None and readings(chosen)[2] == readings("")[2]:
        return None
    if chosen is not None:
        # North American numbers read alike in the United States and Canada: their area codes say which
        # ("$300/hr, text 416-555-0122" is Toronto's, so its dollars are Canadian)
        return _area_code_region(readings, chosen, list(countries)) or chosen
    return chosen



def _area_code_region(readings: _Readings, chosen: str, candidates: list[str]) -> str | None:
    """Among North American candidates (Jamaica's, Canada's, the United States' Kingston), the one that the
    area codes of all the ad's numbers name, when it is not ``chosen`` already: "Kingston this weekend, text
    613-555-0147" is Ontario's.  The numbers read alike in all of them."""
    values = readings(chosen)[2]
    if _calling_code(chosen) != 1 or not values:
        return None
    regions = {phonenumbers.region_code_for_number(phonenumbers.parse(v)) for v in values}
    region = regions.pop() if len(regions) == 1 else None
    return region if region is not None and region != chosen and region in candidates else None


def assume_country(ad: Mapping[str, Any], lang: str | None = None) -> Assumed | None:
    """The country to read ``ad``'s national phone numbers in, and where it came from; None if unclear.

    Call only for an ad without a ``country``.
    """
    readings = _Readings(ad, lang)
    named = False  # an earlier source named a country, without settling it: a tour ("Athens – Istanbul")
    abroad: Assumed | None = None  # a town's country that reads every number only as a neighbour's
    unsettled: list[str] = []  # the namesakes of one place that an earlier source named, unsettled
    for source, likely, also, namesakes in _sources(ad, lang):
        if not likely:
            continue
        if source == "currency" and named and unsettled:
            # the currency picks among one place's namesakes: "Newcastle · 0491 570 115 · $260/hr" is
            # Australia's, not South Africa's, where the number is valid too
            paid = [c for c in unsettled if c in likely]
            if len(paid) == 1 and readings(paid[0])[0] > 0:
                return Assumed(paid[0], source)
        if source in ("currency", "language", "layout"):
            chosen = None if named else _by_language(readings, tuple(likely))
            if chosen is None and not named and source == "currency" and len(likely) == 1 \
                    and readings(likely[0])[4] > 0 and readings(likely[0])[2] != readings("")[2]:
                # a currency of one country reads its possible numbers too: "30 mins £80, call 07700 900164"
                chosen = likely[0]
            if chosen is None and source == "currency":
                continue  # the language may still say
            if abroad is not None and (chosen is None or readings(chosen)[2] == readings(abroad.country)[2]):
                return abroad  # "Dublin ... 020 7946 0388": Irish, its number British either way
            return Assumed(chosen, source) if chosen is not None else None
        if abroad is not None:
            continue
        named = True
        if len({_calling_code(c) for c in likely}) == 1:
            first = readings(likely[0])
            region = _area_code_region(readings, likely[0], likely + also)
            if region is not None:
                return Assumed(region, source)
            if also and first[0] == first[5]:
                # "Windsor" is Ontario's, but "07700 900 654" is a number only in England's smaller Windsor;
                # "London this week. Call 519-555-0177" is no valid British number but an Ontario one
                other = _smaller_namesake(readings, likely[0], also)
                if other is not None:
                    return Assumed(other, source)
            if first[0] > 0 and first[0] == first[5] and first[4] == 0:
                # every number valid only as a neighbour's there: the language may read them otherwise, as
                # numbers of its own country ("Incall Ipswich · 0491 570 131" in English is Australian,
                # not an Irish landline)
                abroad = Assumed(likely[0], source)
                named = False
                continue
            paying = _paid_namesake(ad, lang, readings, likely[0], also) if namesakes else None
            if paying is not None:
                return Assumed(paying, source)
            return Assumed(_namesake_rival(readings, likely[0], also) if namesakes else likely[0], source)
        chosen = _by_phones(readings, likely, namesakes)
        if chosen is None and also and all(readings(c)[0] == 0 for c in likely[:_MAX_TRIED]):
            chosen = _smaller_namesake(readings, likely[0], also)  # "Mérida" (Yucatán, Venezuela), a Spanish number
        if chosen is not None:
            region = _area_code_region(readings, chosen, likely + also)
            if region is None and namesakes:
                region = _namesake_rival(readings, chosen, also)
            return Assumed(region or chosen, source)
        if namesakes:
            unsettled = likely
    return abroad


__all__ = ["DOMINANT_SHARE", "LANGUAGE_COUNTRIES", "Assumed", "assume_country"]
