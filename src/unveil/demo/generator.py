"""Deterministic synthetic corpus of classified ads, with ground truth, for demos, tests and benchmarks.

The corpus imitates what counter-trafficking reviewers see, without any real person in it:

* **organised networks** (about 35% of ads): several personas, phones rotated over time, touring several
  cities (sometimes across borders, then with foreign ``+CC`` numbers), shared and re-uploaded photos, and
  one text template re-used with small edits;
* **independent posters**: one phone, one city, one to three ads in their own first-person wording about
  appointments, deposits and screening;
* contacts written plainly and obfuscated the ways real ads do (number words, ``oh`` for 0, separators,
  brackets, keycap emoji, full-width and mathematical digits, ``name at domain dot com``...);
* site footers carrying the site's own support number, shared by unrelated ads (a linking trap);
* indicator phrases by category, stated ages (including a rare plain "Age 17"), prices.

Phone numbers come only from ranges reserved for fiction (see :mod:`unveil.demo.phones`) and email domains
are ``example.com``/``.org``/``.net`` and ``mail.example``. Wording is strictly non-explicit.

Everything derives from ``random.Random(seed)``: the same ``(n_ads, seed)`` always gives byte-identical
output, and ads come out in ``posted_at`` order, networks interleaved.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import json
import random
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Final, TypeVar

from unveil.demo import lexicon as lx
from unveil.demo.images import render_file
from unveil.demo.phones import (
    EMAIL_METHODS,
    HOME_KINDS,
    PHONE_METHOD_WEIGHTS,
    PHONE_METHODS,
    FictionNumber,
    NumberPools,
    obfuscate_email,
    obfuscate_phone,
)

T = TypeVar("T")

__all__ = ["SITES", "CorpusSummary", "Site", "generate_corpus", "iter_ads", "iter_labelled_ads"]

# Posting times: a fixed base date (never the wall clock) and an eight-week window in which posters start.
BASE_DATE: Final = "2026-01-05"
_SPAN_DAYS: Final = 56.0
_NETWORK_SHARE: Final = 0.35  # share of ads posted by organised networks
_AGE17_GAP: Final = (60, 140)  # network ads between two plain "Age 17" statements: about 1 in 100
_NETWORK_OBF_SHARE: Final = 0.30  # share of network ads that hide their phone number
_HEAVY_OBF, _LIGHT_OBF = 0.75, 0.03  # per-ad obfuscation rate of hiding and of plain-writing networks
_WORDING_POOL: Final = 48  # distinct wordings kept per independent-poster template


@dataclass(frozen=True, slots=True)
class Site:
    """An ad site of the synthetic corpus.

    Attributes:
        name: Host name, used as the ad's ``source``.
        countries: Countries it serves.
        url: URL pattern with ``{id}``, ``{cc}`` (lower-case country) and ``{slug}`` (city) fields.
        footer: Boilerplate appended to every ad, or ``None``.
        support_phone: E.164 of the support number printed in the footer, or ``None``.
    """

    name: str
    countries: tuple[str, ...]
    url: str
    footer: str | None = None
    support_phone: str | None = None


SITES: Final[tuple[Site, ...]] = (
    Site("adsite-uk.example", ("GB",), "https://adsite-uk.example/ad/{id}",
         "Report abuse: +44 20 7946 0999", "+442079460999"),
    Site("adsite-us.example", ("US",), "https://adsite-us.example/listing/{id}",
         "Report this ad: (312) 555-0199", "+13125550199"),
    Site("annonces-fr.example", ("FR",), "https://annonces-fr.example/annonce/{id}",
         "Signaler une annonce : 01 99 00 99 99", "+33199009999"),
    Site("anuncios-es.example", ("ES",), "https://anuncios-es.example/anuncio/{id}"),
    # An offshore-run site: its support line is a UK number, printed under German ads.
    Site("anzeigen-de.example", ("DE",), "https://anzeigen-de.example/anzeige/{id}",
         "Anzeige melden: +44 20 7946 0998", "+442079460998"),
    Site("citylistings.example", ("GB", "US", "FR", "ES", "DE"), "https://citylistings.example/{cc}/{slug}/{id}"),
)  # fmt: skip
_HOME_SITE: Final[dict[str, Site]] = {site.countries[0]: site for site in SITES if len(site.countries) == 1}
_SHARED_SITE: Final[Site] = SITES[-1]
SUPPORT_PHONES: Final[tuple[str, ...]] = tuple(s.support_phone for s in SITES if s.support_phone)
STOCK_IMAGES: Final[tuple[str, ...]] = ("images/stock_1.jpg", "images/stock_2.jpg", "images/stock_3.jpg")

# Indicator rates per poster: networks carry more of every category except movement, which Lugo-Graulich
# et al. (2022) found *less* often in trafficking ads; it stays common in both so that a scorer cannot
# learn the folklore from the demo.
_NETWORK_INDICATOR_RATES: Final[tuple[tuple[str, float], ...]] = (
    ("stated_ethnicity_nationality", 0.55),
    ("youth_language", 0.40),
    ("movement", 0.35),
    ("multiple_persons", 0.25),
    ("third_party_control", 0.40),
    ("restricted_autonomy", 0.25),
    ("trust_language", 0.55),
)
_INDEPENDENT_INDICATOR_RATES: Final[tuple[tuple[str, float], ...]] = (
    ("stated_ethnicity_nationality", 0.15),
    ("youth_language", 0.08),
    ("movement", 0.25),
    ("multiple_persons", 0.01),
    ("third_party_control", 0.02),
    ("restricted_autonomy", 0.02),
    ("trust_language", 0.25),
)
_NETWORK_LOW_PRICE: Final = 0.30
_INDEPENDENT_LOW_PRICE: Final = 0.04
# Categories left out of an ad that states an age of 17 (besides the framed ones, which are descriptions).
_NOT_WITH_A_MINOR_AGE: Final = frozenset({"youth_language", "trust_language", "stated_ethnicity_nationality"})
_FRAMED: Final = {"stated_ethnicity_nationality": lx.ETHNICITY_FRAMES, "youth_language": lx.YOUTH_FRAMES}
_EU: Final = ("GB", "FR", "ES", "DE")
_NO_TRUTH: Final[dict[str, Any]] = {}
_US_NPAS: Final = tuple(npa for city in lx.CITIES["US"] for npa in city[2])


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    """What :func:`generate_corpus` wrote.

    Attributes:
        out_dir: The corpus folder.
        n_ads: Number of ads in ``ads.jsonl``.
        n_networks: Number of organised networks behind them.
        n_independent: Number of independent posters.
        n_images: Number of image files written.
        ads_path: ``out_dir/ads.jsonl``.
        truth_path: ``out_dir/ground_truth.jsonl``.
        bad_path: ``out_dir/bad_records.jsonl``, or ``None`` when not requested.
    """

    out_dir: Path
    n_ads: int
    n_networks: int
    n_independent: int
    n_images: int
    ads_path: Path
    truth_path: Path
    bad_path: Path | None


# ---------------------------------------------------------------------------------------------------
# Templates: "{a|b}" choices and "<slot>" placeholders, see lexicon.py.

_ALT_RE: Final = re.compile(r"\{([^{}]*)\}")


@cache
def _parse(template: str) -> tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    """Split a template into its text pieces and its choice points.

    Returns:
        The pieces, with the first option standing in at each choice point, and the choice points as
        ``(piece index, options)``.
    """
    pieces: list[str] = []
    alts: list[tuple[int, tuple[str, ...]]] = []
    pos = 0
    for match in _ALT_RE.finditer(template):
        if match.start() > pos:
            pieces.append(template[pos : match.start()])
        options = tuple(match.group(1).split("|"))
        alts.append((len(pieces), options))
        pieces.append(options[0])
        pos = match.end()
    if pos < len(template):
        pieces.append(template[pos:])
    return tuple(pieces), tuple(alts)


class _Sentence:
    """A template with a poster's habitual wording chosen; ``edited`` swaps one choice for a variation."""

    __slots__ = ("alts", "parts", "text")

    def __init__(self, template: str, rng: random.Random) -> None:
        pieces, alts = _parse(template)
        parts = list(pieces)
        for i, options in alts:
            parts[i] = options[int(rng.random() * len(options))]
        self.parts = parts
        self.alts = alts
        self.text = "".join(parts)

    def edited(self, rng: random.Random) -> str:
        alts = self.alts
        if not alts:
            return self.text
        i, options = alts[int(rng.random() * len(alts))]
        parts = self.parts.copy()
        parts[i] = options[int(rng.random() * len(options))]
        return "".join(parts)


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    """``rng.choice`` without its rejection sampling: several times faster, and just as deterministic."""
    return seq[int(rng.random() * len(seq))]


def _randint(rng: random.Random, low: int, high: int) -> int:
    """Integer in ``[low, high]``, the fast way (see :func:`_pick`)."""
    return low + int(rng.random() * (high - low + 1))


def _uniform(rng: random.Random, low: float, high: float) -> float:
    """Float in ``[low, high)``."""
    return low + (high - low) * rng.random()


def _render(sentence: _Sentence | None, rng: random.Random, edit_rate: float) -> str:
    """The poster's habitual sentence, or with probability ``edit_rate`` a one-word variation of it."""
    if sentence is None:
        return ""
    return sentence.edited(rng) if rng.random() < edit_rate else sentence.text


def _slug(city: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", city).encode("ascii", "ignore").decode()
    return ascii_name.lower().replace(" ", "-")


_SLUGS: Final[dict[str, str]] = {c[0]: _slug(c[0]) for cities in lx.CITIES.values() for c in cities}
_CUM_COUNTRY: Final = (
    [c for c, _ in lx.COUNTRY_WEIGHTS],
    list(itertools.accumulate(w for _, w in lx.COUNTRY_WEIGHTS)),
)


def _timestamp(t_days: float, day_cache: list[str]) -> str:
    """Format a corpus time (days since the base date) as ISO 8601 UTC.

    Ads are posted between 08:00 and 24:00; the mapping keeps the order of times.
    """
    day = int(t_days)
    while len(day_cache) <= day:
        day_cache.append(_date_plus(len(day_cache)))
    secs = 28800 + int((t_days - day) * 57599)
    hh, rem = divmod(secs, 3600)
    mm, ss = divmod(rem, 60)
    return f"{day_cache[day]}T{hh:02d}:{mm:02d}:{ss:02d}Z"


def _date_plus(days: int) -> str:
    return (date.fromisoformat(BASE_DATE) + timedelta(days=days)).isoformat()


# ---------------------------------------------------------------------------------------------------
# Shared generation state.


class _State:
    """Random sources, number decks and counters shared by all posters of one corpus."""

    def __init__(self, seed: int, with_images: bool, with_truth: bool = True) -> None:
        self.rng = random.Random(seed)
        self.with_truth = with_truth
        # Image choices use their own stream, so texts are identical with and without images.
        self.img_rng = random.Random(f"{seed}:images")
        self.with_images = with_images
        self.pools = NumberPools(self.rng, _US_NPAS)
        self.next_id = {site.name: 10000 + _randint(self.rng, 0, 79999) for site in SITES}
        self.days: list[str] = []
        self.n_network_ads = 0
        self.network_ads_planned = 0
        self.obfuscated_planned = 0.0
        self._wordings: dict[str, list[_Sentence]] = {}
        self.next_age17 = _randint(self.rng, *_AGE17_GAP) // 2

    def pick_country(self) -> str:
        names, cum = _CUM_COUNTRY
        return names[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def draw_number(self, home: str, city: tuple[str, str, tuple[int, ...]]) -> FictionNumber:
        """Next unused number for a poster based in ``home``; US numbers mostly carry the city's area code."""
        npa = 0
        if home == "US":
            # Many people keep a number from elsewhere: this also spreads the draws over more 555-01xx blocks.
            npa = _pick(self.rng, city[2] if self.rng.random() < 0.7 else _US_NPAS)
        kinds = HOME_KINDS[home]
        r = self.rng.random()
        chosen = kinds[-1][0]
        for kind, weight in kinds:
            r -= weight
            if r < 0:
                chosen = kind
                break
        return self.pools.draw(chosen, npa)

    def wording(self, template: str) -> _Sentence:
        """A compiled sentence for an independent poster, drawn from a bounded pool per template.

        Compiling is the costliest step of a new poster; once a template has enough distinct wordings,
        posters reuse one (everyday phrases repeat between unrelated people anyway).
        """
        pool = self._wordings.setdefault(template, [])
        if len(pool) < _WORDING_POOL:
            sentence = _Sentence(template, self.rng)
            pool.append(sentence)
            return sentence
        return pool[int(self.rng.random() * _WORDING_POOL)]

    def new_id(self, site: Site) -> str:
        value = self.next_id[site.name] + 1 + int(self.rng.random() * 9)
        self.next_id[site.name] = value
        return str(value)


def _price_text(lang: str, currency: str, hourly: int, form: int) -> str:
    forms = lx.PRICE_FORMS[currency if currency != "EUR" else f"EUR:{lang}"]
    half = round(hourly * 0.6 / 10.0) * 10
    return forms[form % len(forms)].format(h=hourly, m=half)


def _indicator_sentence(category: str, lang: str, index: int, frame: int, punct: str) -> tuple[str, str]:
    """Sentence carrying one indicator phrase, and the phrase itself (the evidence text)."""
    phrases = lx.INDICATOR_PHRASES[category][lang]
    phrase = phrases[index % len(phrases)]
    frames = _FRAMED.get(category)
    if frames is None:
        return phrase + punct, phrase
    options = frames[lang]
    return options[frame % len(options)].replace("<w>", phrase), phrase


@dataclass(slots=True)
class _Contact:
    """What an ad shows to be contacted, and what the ground truth says about it."""

    lines: list[str]
    phones: list[str]
    handles: list[str]
    emails: list[str]
    obfuscation: str | None
    email_obfuscated: bool


class _Poster:
    """Base of both poster kinds: a key, the times of its ads and how far it has posted."""

    __slots__ = ("idx", "key", "pos", "times")

    def __init__(self, key: str, idx: int, times: list[float]) -> None:
        self.key = key
        self.idx = idx
        self.times = times
        self.pos = 0

    def make_ad(self, st: _State, t: float) -> tuple[dict[str, Any], dict[str, Any]]:
        raise NotImplementedError


class _Lang:
    """A poster's wording in one language: compiled sentences and fixed phrases."""

    __slots__ = ("extra", "indicators", "lines", "optional", "title")

    def __init__(
        self,
        lines: list[_Sentence],
        optional: list[_Sentence],
        extra: _Sentence | None,
        title: _Sentence,
        indicators: list[tuple[str, str, str]],
    ) -> None:
        self.lines = lines
        self.optional = optional
        self.extra = extra
        self.title = title
        self.indicators = indicators


def _contact_lines(
    st: _State,
    lang: str,
    country: str,
    contact: _Sentence,
    number: FictionNumber,
    old: FictionNumber | None,
    method: str | None,
    plain_cache: dict[tuple[str, str], str],
    whatsapp: bool,
    telegram: str | None,
    email: str | None,
    email_method: str | None,
) -> _Contact:
    rng = st.rng
    phones = [number.e164]
    handles: list[str] = []
    emails: list[str] = []

    def write(num: FictionNumber) -> str:
        if method is not None:
            return obfuscate_phone(num.canonical(country), lang, method, rng)
        key = (num.e164, country)
        text = plain_cache.get(key)
        # Posters keep one habitual writing of their number, with the odd variation.
        if text is None or rng.random() < 0.15:
            text = num.plain(country, rng)
            plain_cache.setdefault(key, text)
        return text

    shown = write(number)
    lines: list[str] = []
    if whatsapp:
        forms = lx.WHATSAPP_FORMS[lang]
        lines.append(forms[int(rng.random() * len(forms))].format(p=shown))
        handles.append("whatsapp:" + number.e164)
    else:
        lines.append(_render(contact, rng, 0.25).replace("<phone>", shown))
    if old is not None:
        notices = lx.NEW_NUMBER_NOTICE[lang]
        lines.append(notices[int(rng.random() * len(notices))].format(old=write(old)))
        phones.append(old.e164)
    if telegram is not None:
        forms = lx.TELEGRAM_FORMS[lang]
        lines.append(forms[int(rng.random() * len(forms))].format(h=telegram))
        handles.append("telegram:" + telegram.lower())
    email_obfuscated = False
    if email is not None:
        forms = lx.EMAIL_FORMS[lang]
        if email_method is not None:
            shown_email = obfuscate_email(email, lang, email_method, rng)
            email_obfuscated = True
        else:
            shown_email = email
        lines.append(forms[int(rng.random() * len(forms))].format(e=shown_email))
        emails.append(email)
    return _Contact(lines, phones, handles, emails, method, email_obfuscated)


def _structured_phone(number: FictionNumber, country: str, rng: random.Random) -> str:
    """The number as typed into a site's phone field: compact national form or with its country code."""
    if number.country == country and rng.random() < 0.6:
        return number.national[0].replace(" ", "")
    return number.e164 if rng.random() < 0.6 else number.international[0]


def _absent(rng: random.Random) -> str | None:
    """An unfilled form field as some exports write it: empty or null (most ads just omit the key)."""
    r = rng.random()
    return "" if r < 0.5 else None


def _assemble(
    st: _State,
    poster: _Poster,
    kind: str,
    t: float,
    site: Site,
    country: str,
    city: tuple[str, str, tuple[int, ...]],
    lang: str,
    title: str,
    sentences: list[str],
    joiner: str,
    contact: _Contact,
    persona: str,
    indicators: list[dict[str, str]],
    age_field: int | None,
    stated_age: int | None,
    phone_field: FictionNumber | None,
    email_field: str | None,
    images: list[str],
    origins: list[str],
) -> tuple[dict[str, Any], dict[str, Any]]:
    rng = st.rng
    ad_id = st.new_id(site)
    body = joiner.join(s for s in sentences if s)
    body = body.replace("<name>", persona).replace("<city>", city[0])
    if site.footer is not None:
        body += "\n\n--\n" + site.footer
    title = title.replace("<name>", persona).replace("<city>", city[0])
    url = site.url.format(id=ad_id, cc=country.lower(), slug=_SLUGS[city[0]])
    ad: dict[str, Any] = {
        "id": ad_id,
        "source": site.name,
        "url": url,
        "posted_at": _timestamp(t, st.days),
        "title": title,
        "body": body,
        "city": city[0],
        "region": city[1],
        "country": country,
        "lang": lang,
    }
    phones = contact.phones
    if phone_field is not None:
        ad["phone"] = _structured_phone(phone_field, country, rng)
        if phone_field.e164 not in phones:
            phones = [*phones, phone_field.e164]
    elif rng.random() < 0.3:
        ad["phone"] = _absent(rng)
    if email_field is not None:
        ad["email"] = email_field
    if age_field is not None:
        ad["age"] = age_field
    ad["images"] = images
    if not st.with_truth:
        return ad, _NO_TRUTH
    truth: dict[str, Any] = {
        "type": "ad",
        "source": site.name,
        "id": ad_id,
        "network": poster.key,
        "kind": kind,
        "persona": persona,
        "phones": phones,
        "phone_obfuscated": contact.obfuscation is not None,
        "phone_obfuscation": contact.obfuscation,
        "emails": contact.emails if email_field is None or email_field in contact.emails
        else [*contact.emails, email_field],
        "email_obfuscated": contact.email_obfuscated,
        "handles": contact.handles,
        "indicators": indicators,
        "stated_age": stated_age,
        "images": images,
        "image_origins": origins,
    }  # fmt: skip
    return ad, truth


def _age_text(lang: str, form: int, age: int) -> str:
    """A stated age in the poster's habitual form ("24yo", "24 ans", "Edad: 24 años"...)."""
    forms = lx.AGE_FORMS[lang]
    return forms[form % len(forms)].format(n=age)


# ---------------------------------------------------------------------------------------------------
# Organised networks.


class _Network(_Poster):
    """An organised network: personas, rotated phones, a tour of cities, one template, shared photos."""

    __slots__ = (
        "age_form",
        "cities",
        "email",
        "email_method",
        "hourly",
        "indicator_plan",
        "joiner",
        "langs",
        "low_price",
        "methods",
        "n_photos",
        "p_email",
        "p_obf",
        "p_telegram",
        "p_whatsapp",
        "personas",
        "phone_cuts",
        "phones",
        "plain_cache",
        "price_form",
        "punct",
        "stop_cuts",
        "telegram",
    )

    def __init__(self, st: _State, idx: int, size: int, start: float) -> None:
        rng = st.rng
        duration = min(50.0, max(1.5, size / _uniform(rng, 0.8, 3.0)))
        times = sorted(start + rng.random() * duration for _ in range(size - 1))
        super().__init__(f"net-{idx:04d}", idx, [start, *times])
        end = start + duration

        home = st.pick_country()
        countries = [home]
        if home in _EU and rng.random() < 0.35:
            # Touring abroad: the phones stay those of the home operation, hence foreign +CC numbers.
            countries.append(_pick(rng, [c for c in _EU if c != home]))
            if rng.random() < 0.3:
                countries.append(_pick(rng, [c for c in _EU if c not in countries]))
        n_cities = 1 if size < 4 else min(2 + int(rng.random() * 5), 1 + size // 3)
        pool = [(c, city) for c in countries for city in lx.CITIES[c]]
        # Each country of the tour gets at least one city, then more cities from any of them.
        picked = [(c, _pick(rng, lx.CITIES[c])) for c in countries]
        others = [p for p in pool if p not in picked]
        picked += rng.sample(others, min(len(others), max(0, n_cities - len(picked))))
        base_city = picked[0][1]
        rng.shuffle(picked)
        self.cities = picked
        self.stop_cuts = sorted(start + rng.random() * duration for _ in range(len(picked) - 1))

        n_phones = 1 + min(3, int(size / 12 + rng.random() * 1.5))
        self.phones = [st.draw_number(home, base_city) for _ in range(n_phones)]
        self.phone_cuts = sorted(_uniform(rng, start, end) for _ in range(n_phones - 1))
        self.plain_cache: dict[tuple[str, str], str] = {}

        n_personas = 1 if size < 3 else 1 + min(5, int(rng.random() * (2 + size / 10)))
        self.personas = [(name, _randint(rng, 19, 33)) for name in rng.sample(lx.NETWORK_NAMES, n_personas)]
        # Some networks hide their numbers most of the time, the others hardly ever. Which ones is steered
        # by the running total, so that ~30% of network ads are obfuscated at any corpus size.
        st.network_ads_planned += size
        heavy = st.obfuscated_planned + _LIGHT_OBF * size < _NETWORK_OBF_SHARE * st.network_ads_planned
        self.p_obf = _HEAVY_OBF if heavy else _LIGHT_OBF
        st.obfuscated_planned += self.p_obf * size
        self.methods = rng.choices(PHONE_METHODS, PHONE_METHOD_WEIGHTS, k=2)
        self.email = (
            f"{_pick(rng, lx.EMAIL_WORDS)}{idx}@{_pick(rng, lx.EMAIL_DOMAINS)}" if rng.random() < 0.35 else None
        )
        self.email_method = _pick(rng, EMAIL_METHODS) if self.p_obf > 0.5 else None
        self.p_email = 0.4
        self.telegram = (
            f"{self.personas[0][0].lower()}{idx}_{_pick(rng, lx.HANDLE_SUFFIXES)}" if rng.random() < 0.3 else None
        )
        self.telegram = None if self.telegram is None else _ascii_handle(self.telegram)
        self.p_telegram = 0.5
        self.p_whatsapp = 0.3 if rng.random() < 0.4 else 0.0
        self.low_price = rng.random() < _NETWORK_LOW_PRICE
        self.hourly = _randint(rng, 0, 999)  # position in the band, scaled per currency
        self.price_form = _randint(rng, 0, 9)
        self.age_form = _randint(rng, 0, 9)
        self.joiner = _pick(rng, lx.JOINERS)
        self.punct = _pick(rng, (".", "!", "!!", ""))
        self.indicator_plan = [
            (cat, _randint(rng, 0, 99), _randint(rng, 0, 9)) for cat, p in _NETWORK_INDICATOR_RATES if rng.random() < p
        ]
        self.langs: dict[str, _Lang] = {}
        self.n_photos = 0

    def _lang(self, rng: random.Random, lang: str) -> _Lang:
        compiled = self.langs.get(lang)
        if compiled is not None:
            return compiled
        roles = lx.NETWORK_ROLES[lang]

        def pick(role: str) -> _Sentence:
            return _Sentence(_pick(rng, roles[role]), rng)

        lines = [pick("intro"), pick("service"), pick("location"), pick("price"), pick("contact")]
        optional = [pick("desc"), pick("hours"), pick("closing")]
        extra = _Sentence(_pick(rng, roles["service"] + roles["desc"]), rng)
        title = _Sentence(_pick(rng, lx.TITLE_FORMS[lang]), rng)
        indicators = [
            (cat, *_indicator_sentence(cat, lang, index, frame, self.punct))
            for cat, index, frame in self.indicator_plan
        ]
        compiled = _Lang(lines, optional, extra, title, indicators)
        self.langs[lang] = compiled
        return compiled

    def make_ad(self, st: _State, t: float) -> tuple[dict[str, Any], dict[str, Any]]:
        rng = st.rng
        stop = bisect.bisect(self.stop_cuts, t)
        country, city = self.cities[stop] if rng.random() < 0.75 else _pick(rng, self.cities)
        lang = lx.COUNTRY_LANG[country]
        words = self._lang(rng, lang)
        intro, service, location, price_s, contact_s = words.lines
        desc, hours, closing = words.optional
        persona, age = _pick(rng, self.personas)

        st.n_network_ads += 1
        age17 = st.n_network_ads >= st.next_age17
        if age17:
            st.next_age17 = st.n_network_ads + _randint(rng, *_AGE17_GAP)
        elif rng.random() < 0.1:
            age = max(19, age - 1 - int(rng.random() * 2))  # stated ages drift downwards, never below 19

        indicators: list[dict[str, str]] = []
        early: list[str] = []
        late: list[str] = []
        drawn = False  # whether an indicator would be drawn without the age-17 filter (keeps the draws aligned)
        for cat, sentence, phrase in words.indicators:
            # A stated age of 17 is kept a bare fact in a logistics-only ad (who, where, when, price, contact):
            # no description, youth, ethnicity or trust wording next to it.
            if rng.random() < 0.85 and not (age17 and cat == "youth_language"):
                drawn = True
                if not (age17 and cat in _NOT_WITH_A_MINOR_AGE):
                    (early if cat in _FRAMED else late).append(sentence)
                    indicators.append({"category": cat, "text": phrase})

        sentences = [_render(intro, rng, 0.25)]
        stated_age: int | None = None
        if age17:
            # Every random draw below still happens, so the rest of the corpus does not depend on this ad.
            sentences = [f"{persona}."]
            sentences.append(lx.AGE_PLAIN_FORM[lang].format(n=17) + ".")
            stated_age = 17
        elif rng.random() < 0.6:
            sentences.append(_age_text(lang, self.age_form, age) + ".")
            stated_age = age
        sentences.extend(early)
        described = [_render(desc, rng, 0.3)] if rng.random() < 0.85 else []
        described.append(_render(service, rng, 0.3))
        if rng.random() < 0.3:
            described.append(_render(words.extra, rng, 0.3))
        if not age17:
            sentences.extend(described)
        sentences.append(_render(location, rng, 0.2))
        if rng.random() < 0.8:
            sentences.append(_render(hours, rng, 0.3))
        sentences.extend(late)
        if rng.random() < 0.9:
            currency = lx.COUNTRY_CURRENCY[country]
            lo, hi, cut_lo, cut_hi = lx.PRICE_BANDS[currency]
            a, b = (cut_lo, cut_hi) if self.low_price else (lo, hi)
            hourly = (a + (b - a) * self.hourly // 1000) // 10 * 10
            price = _price_text(lang, currency, hourly, self.price_form)
            sentences.append(_render(price_s, rng, 0.2).replace("<price>", price).replace("..", "."))
            if self.low_price:
                indicators.append({"category": "low_price", "text": price})

        window = bisect.bisect(self.phone_cuts, t)
        number = self.phones[window]
        old = None
        if window and rng.random() < 0.35 and t - self.phone_cuts[window - 1] < 2.0:
            old = self.phones[window - 1]  # just rotated: the ad still mentions the previous number
        method = None
        if rng.random() < self.p_obf:
            method = self.methods[0] if rng.random() < 0.7 else self.methods[1]
        contact = _contact_lines(
            st,
            lang,
            country,
            contact_s,
            number,
            old,
            method,
            self.plain_cache,
            rng.random() < self.p_whatsapp,
            self.telegram if self.telegram is not None and rng.random() < self.p_telegram else None,
            self.email if self.email is not None and rng.random() < self.p_email else None,
            self.email_method,
        )
        sentences.extend(contact.lines)
        if rng.random() < 0.6:
            closing_line = _render(closing, rng, 0.3)
            if not age17:
                sentences.append(closing_line)

        title = _render(words.title, rng, 0.4)
        if (drawn or indicators) and rng.random() < 0.15 and indicators:
            title = f"{indicators[0]['text']} - {title}"
        if age17:
            title = f"{persona} - {city[0]}"
        site = _HOME_SITE[country] if rng.random() < 0.6 else _SHARED_SITE
        phone_field = number if method is None and rng.random() < 0.6 else None
        email_field = self.email if (self.email is not None and method is None and rng.random() < 0.2) else None
        age_field = age if (not age17 and rng.random() < 0.35) else None
        if age_field is not None and stated_age is None:
            stated_age = age_field
        images, origins = self._images(st)
        return _assemble(
            st, self, "network", t, site, country, city, lang, title, sentences, self.joiner, contact,
            persona, indicators, age_field, stated_age, phone_field, email_field, images, origins,
        )  # fmt: skip

    def _images(self, st: _State) -> tuple[list[str], list[str]]:
        if not st.with_images:
            return [], []
        rng = st.img_rng
        if self.n_photos == 0:
            self.n_photos = _randint(rng, 3, 8)
        if rng.random() < 0.05:
            return [], []
        k = min(self.n_photos, 1 + int(rng.random() * 3.5))
        images: list[str] = []
        origins: list[str] = []
        for photo in sorted(rng.sample(range(1, self.n_photos + 1), k)):
            variant = 0 if rng.random() < 0.55 else _randint(rng, 1, 3)
            base = f"n{self.idx:03d}_p{photo}"
            images.append(f"images/{base}_v{variant}.jpg")
            origins.append(base)
        return images, origins


def _ascii_handle(handle: str) -> str:
    return unicodedata.normalize("NFKD", handle).encode("ascii", "ignore").decode()


# ---------------------------------------------------------------------------------------------------
# Independent posters.


class _Independent(_Poster):
    """One person advertising for herself: one city, one number, first-person wording."""

    __slots__ = (
        "age",
        "age_form",
        "city",
        "country",
        "email",
        "email_method",
        "ext",
        "joiner",
        "lang",
        "low_price",
        "method",
        "n_photos",
        "name",
        "number",
        "plain_cache",
        "price",
        "site",
        "telegram",
        "words",
    )

    def __init__(self, st: _State, idx: int, size: int, start: float) -> None:
        rng = st.rng
        times = sorted(start + rng.random() * 10.0 for _ in range(size - 1))
        super().__init__(f"indep-{idx:04d}", idx, [start, *times])
        country = st.pick_country()
        self.country = country
        self.city = _pick(rng, lx.CITIES[country])
        lang = lx.COUNTRY_LANG[country]
        self.lang = lang
        self.site = _HOME_SITE[country] if rng.random() < 0.7 else _SHARED_SITE
        self.name = _pick(rng, lx.LOCAL_NAMES[lang]) if rng.random() < 0.75 else _pick(rng, lx.NETWORK_NAMES)
        self.age = _randint(rng, 21, 35) if rng.random() < 0.8 else _randint(rng, 19, 20)
        self.age_form = _randint(rng, 0, 9)
        self.number = st.draw_number(country, self.city)
        self.plain_cache: dict[tuple[str, str], str] = {}
        self.method = rng.choices(PHONE_METHODS, PHONE_METHOD_WEIGHTS)[0] if rng.random() < 0.1 else None
        local = self.name.lower()
        if not local.isascii():
            local = _ascii_handle(local)
        self.email = (
            f"{local}.{_pick(rng, lx.EMAIL_WORDS)}{idx}@{_pick(rng, lx.EMAIL_DOMAINS)}" if rng.random() < 0.4 else None
        )
        self.email_method = _pick(rng, EMAIL_METHODS) if rng.random() < 0.15 else None
        self.telegram = f"{local}{idx}_{_pick(rng, lx.HANDLE_SUFFIXES)}" if rng.random() < 0.15 else None
        self.joiner = _pick(rng, lx.JOINERS)
        currency = lx.COUNTRY_CURRENCY[country]
        lo, hi, cut_lo, cut_hi = lx.PRICE_BANDS[currency]
        self.low_price = rng.random() < _INDEPENDENT_LOW_PRICE
        a, b = (cut_lo, cut_hi) if self.low_price else (lo, hi)
        self.price = _price_text(lang, currency, _randint(rng, a, b) // 10 * 10, _randint(rng, 0, 9))

        roles = lx.INDEPENDENT_ROLES[lang]
        lines = [st.wording(_pick(rng, roles["intro"]))]
        if rng.random() < 0.7:
            lines.append(st.wording(_pick(rng, roles["about"])))
        booking = roles["booking"]
        first = int(rng.random() * len(booking))
        for k in range(_randint(rng, 1, 3)):  # consecutive (wrapping) picks: cheaper than rng.sample
            lines.append(st.wording(booking[(first + k) % len(booking)]))
        lines.append(st.wording(roles["price"][0]))
        optional = [st.wording(_pick(rng, roles["contact"])), st.wording(roles["closing"][0])]
        punct = _pick(rng, (".", "!"))
        indicators = [
            (cat, *_indicator_sentence(cat, lang, _randint(rng, 0, 99), _randint(rng, 0, 9), punct))
            for cat, p in _INDEPENDENT_INDICATOR_RATES
            if rng.random() < p
        ]
        self.words = _Lang(lines, optional, None, st.wording(_pick(rng, lx.TITLE_FORMS[lang])), indicators)
        self.n_photos = 0
        self.ext = "jpg"

    def make_ad(self, st: _State, t: float) -> tuple[dict[str, Any], dict[str, Any]]:
        rng = st.rng
        words = self.words
        lang = self.lang
        contact_s, closing = words.optional
        indicators: list[dict[str, str]] = []
        framed: list[str] = []
        plain: list[str] = []
        for cat, sentence, phrase in words.indicators:
            (framed if cat in _FRAMED else plain).append(sentence)
            indicators.append({"category": cat, "text": phrase})
        intro, *rest = words.lines
        sentences = [_render(intro, rng, 0.2)]
        stated_age: int | None = None
        if rng.random() < 0.5:
            sentences.append(_age_text(lang, self.age_form, self.age) + ".")
            stated_age = self.age
        sentences.extend(framed)
        for line in rest[:-1]:
            sentences.append(_render(line, rng, 0.2))
        sentences.extend(plain)
        if rng.random() < 0.85:
            sentences.append(_render(rest[-1], rng, 0.2).replace("<price>", self.price).replace("..", "."))
            if self.low_price:
                indicators.append({"category": "low_price", "text": self.price})
        contact = _contact_lines(
            st, lang, self.country, contact_s, self.number, None, self.method, self.plain_cache, False,
            self.telegram, self.email if self.email is not None and rng.random() < 0.6 else None,
            self.email_method,
        )  # fmt: skip
        sentences.extend(contact.lines)
        if rng.random() < 0.7:
            sentences.append(_render(closing, rng, 0.2))
        phone_field = self.number if self.method is None and rng.random() < 0.7 else None
        email_field = self.email if self.email is not None and rng.random() < 0.25 else None
        age_field = self.age if rng.random() < 0.45 else None
        if age_field is not None:
            stated_age = age_field
        images, origins = self._images(st)
        return _assemble(
            st, self, "independent", t, self.site, self.country, self.city, lang, _render(words.title, rng, 0.2),
            sentences, self.joiner, contact, self.name, indicators, age_field, stated_age, phone_field,
            email_field, images, origins,
        )  # fmt: skip

    def _images(self, st: _State) -> tuple[list[str], list[str]]:
        if not st.with_images:
            return [], []
        rng = st.img_rng
        if self.n_photos == 0:
            self.n_photos = _randint(rng, 1, 3)
            self.ext = "png" if rng.random() < 0.12 else "jpg"
        if rng.random() < 0.05:
            return [], []
        images = [f"images/i{self.idx:04d}_p{k}.{self.ext}" for k in range(1, self.n_photos + 1)]
        origins = [f"i{self.idx:04d}_p{k}" for k in range(1, self.n_photos + 1)]
        if rng.random() < 0.1:
            # A stock picture, as used by many unrelated posters: a trap for image-based linking.
            stock = _pick(rng, STOCK_IMAGES)
            images[-1] = stock
            origins[-1] = stock[len("images/") : -len(".jpg")]
        return images, origins


# ---------------------------------------------------------------------------------------------------
# The stream.


def _network_size(rng: random.Random) -> int:
    # Log-normal: median about 10 ads, a long tail up to 80.
    return max(3, min(80, round(rng.lognormvariate(2.3, 0.8))))


def _independent_size(rng: random.Random) -> int:
    r = rng.random()
    return 1 if r < 0.5 else (2 if r < 0.8 else 3)


def iter_labelled_ads(
    n_ads: int, seed: int = 7, *, with_images: bool = False
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Yield ``(ad, truth)`` pairs: each ad record with its ground-truth line.

    Args:
        n_ads: Exact number of ads to produce.
        seed: Corpus seed.
        with_images: List image files in the records (file names only; :func:`generate_corpus` draws them).

    Yields:
        The ad record (see :func:`iter_ads`) and its ground-truth object (``"type": "ad"``).

    Raises:
        ValueError: If ``n_ads`` is negative.
    """
    if n_ads < 0:
        raise ValueError("n_ads must be >= 0")
    return _stream(_State(seed, with_images), n_ads)


def _stream(st: _State, n_ads: int) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    rng = st.rng
    heap: list[tuple[float, int, _Poster]] = []
    planned = 0
    network_ads = 0
    n_networks = 0
    n_independent = 0
    seq = 0
    emitted = 0
    # Posters start in order, at a time proportional to the ads planned before them, so the ad rate is
    # even over the window; their ads are merged by time through the heap.
    next_start: float | None = 0.0 if n_ads else None
    while emitted < n_ads:
        if next_start is not None and (not heap or heap[0][0] > next_start):
            remaining = n_ads - planned
            poster: _Poster
            if network_ads < _NETWORK_SHARE * (planned + 1):
                size = min(_network_size(rng), remaining)
                n_networks += 1
                poster = _Network(st, n_networks, size, next_start)
                network_ads += size
            else:
                size = min(_independent_size(rng), remaining)
                n_independent += 1
                poster = _Independent(st, n_independent, size, next_start)
            planned += size
            heapq.heappush(heap, (poster.times[0], seq, poster))
            seq += 1
            next_start = _SPAN_DAYS * planned / n_ads if planned < n_ads else None
            continue
        t, _, poster = heapq.heappop(heap)
        yield poster.make_ad(st, t)
        emitted += 1
        poster.pos += 1
        if poster.pos < len(poster.times):
            heapq.heappush(heap, (poster.times[poster.pos], seq, poster))
            seq += 1


def iter_ads(n_ads: int, seed: int = 7, *, with_images: bool = False) -> Iterator[dict[str, Any]]:
    """Yield synthetic ad records in ``posted_at`` order.

    Each record has ``id``, ``source``, ``url``, ``posted_at``, ``title``, ``body``, ``city``, ``region``,
    ``country``, ``lang`` and ``images``, and sometimes ``phone``, ``email`` and ``age`` (absent, empty or
    null when the poster left the field blank).

    Args:
        n_ads: Exact number of ads to produce.
        seed: Corpus seed; the same ``(n_ads, seed)`` always yields the same records.
        with_images: When false, ``images`` is always an empty list (and generation is faster); when true it
            lists relative paths such as ``images/n003_p1_v2.jpg`` that only :func:`generate_corpus` writes.
            Texts are the same either way.

    Yields:
        Ad records as plain dicts.
    """
    if n_ads < 0:
        raise ValueError("n_ads must be >= 0")
    # Same random stream as iter_labelled_ads: the truth objects are just not built.
    for ad, _truth in _stream(_State(seed, with_images, with_truth=False), n_ads):
        yield ad


# ---------------------------------------------------------------------------------------------------
# Writing a corpus.


def _bad_records(first_ad: dict[str, Any] | None) -> list[bytes]:
    """Lines that an ingest validator must reject, each for one reason."""

    def record(num: int, **changes: Any) -> dict[str, Any]:
        base: dict[str, Any] = {
            "id": f"bad-{num:04d}",
            "source": "adsite-uk.example",
            "url": f"https://adsite-uk.example/ad/bad-{num:04d}",
            "posted_at": "2026-01-06T12:00:00Z",
            "title": "Relaxing massage in Leeds",
            "body": "Relaxing massage by appointment. Text 020 7946 0111",
            "city": "Leeds",
            "region": "West Yorkshire",
            "country": "GB",
            "lang": "en",
            "images": [],
        }
        base.update(changes)
        return base

    def line(obj: Any) -> bytes:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")

    lines = [
        # Not JSON at all: a record cut off mid-string, as from an interrupted scrape.
        b'{"id": "bad-0001", "source": "adsite-uk.example", "body": "Relaxing massage by appo',
        # Valid JSON but an array, not an object.
        line(["bad-0002", "adsite-uk.example", "Relaxing massage by appointment."]),
        # No id.
        line({k: v for k, v in record(3).items() if k != "id"}),
        # No body.
        line({k: v for k, v in record(4).items() if k != "body"}),
        # id must be a string; numbers lose leading zeros and precision in other tools.
        line(record(5, id=20005)),
        # age must be an integer.
        line(record(6, age="twenty")),
        # posted_at must be an ISO 8601 date-time.
        line(record(7, posted_at="last Tuesday")),
        # country must be an ISO 3166-1 alpha-2 code.
        line(record(8, country="XX1")),
        # A body over the 200,000-character limit (a runaway scrape concatenating pages).
        line(record(9, body="Relaxing massage by appointment. " * 6100)),
        # Invalid UTF-8: a Latin-1 byte in the middle of the body.
        b'{"id": "bad-0010", "source": "adsite-uk.example", "posted_at": "2026-01-06T12:00:00Z", '
        b'"title": "Caf\xe9 meeting", "body": "Caf\xe9 then a relaxing massage.", "country": "GB", '
        b'"lang": "en", "images": []}',
    ]
    if first_ad is not None:
        # Same id and source as an ad already in ads.jsonl, different content: a conflicting duplicate.
        dup = dict(first_ad)
        dup["body"] = "Different text under the same id. Text 020 7946 0112"
        dup["title"] = "Conflicting copy"
        lines.append(line(dup))
    return lines


def generate_corpus(
    out_dir: Path | str,
    n_ads: int = 2000,
    seed: int = 7,
    *,
    images: bool = True,
    bad_records: bool = True,
) -> CorpusSummary:
    """Write a demo corpus: ads, ground truth, images and a file of invalid records.

    Files written in ``out_dir`` (created if needed):

    * ``ads.jsonl``: one ad record per line, UTF-8 (same records as :func:`iter_ads` with
      ``with_images=images``);
    * ``ground_truth.jsonl``: a ``{"type": "corpus", ...}`` header, then one ``{"type": "ad", ...}`` line
      per ad in the same order;
    * ``images/*.jpg`` and ``*.png`` when ``images`` is true;
    * ``bad_records.jsonl`` when ``bad_records`` is true: a dozen lines each invalid in a different way.

    Args:
        out_dir: Target folder.
        n_ads: Number of ads.
        seed: Corpus seed; the same arguments give byte-identical files.
        images: Draw and reference images.
        bad_records: Also write ``bad_records.jsonl``.

    Returns:
        A summary of what was written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ads_path = out / "ads.jsonl"
    truth_path = out / "ground_truth.jsonl"
    img_dir = out / "images"
    if images:
        img_dir.mkdir(exist_ok=True)
    written: set[str] = set()  # membership only: never iterated, so order cannot leak into output
    networks: set[str] = set()
    independents: set[str] = set()
    first_ad: dict[str, Any] | None = None
    with (
        ads_path.open("w", encoding="utf-8", newline="\n") as ads_file,
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=out) as body_file,
    ):
        if n_ads < 0:
            raise ValueError("n_ads must be >= 0")
        state = _State(seed, images)
        for ad, truth in _stream(state, n_ads):
            if first_ad is None:
                first_ad = ad
            ads_file.write(json.dumps(ad, ensure_ascii=False) + "\n")
            body_file.write(json.dumps(truth, ensure_ascii=False) + "\n")
            (networks if truth["kind"] == "network" else independents).add(truth["network"])
            for rel in ad["images"]:
                name = rel[len("images/") :]
                if name not in written:
                    written.add(name)
                    (img_dir / name).write_bytes(render_file(name, seed))
        header = {
            "type": "corpus",
            "seed": seed,
            "n_ads": n_ads,
            "base_date": BASE_DATE,
            "n_networks": len(networks),
            "n_independent": len(independents),
            "site_support_phones": list(SUPPORT_PHONES),
            "stock_images": list(STOCK_IMAGES) if images else [],
            # True only for very large corpora: fictional ranges ran out and numbers were handed out again.
            "phone_numbers_reused": state.pools.reused,
        }
        body_file.seek(0)
        with truth_path.open("w", encoding="utf-8", newline="\n") as truth_file:
            truth_file.write(json.dumps(header, ensure_ascii=False) + "\n")
            shutil.copyfileobj(body_file, truth_file)
    bad_path: Path | None = None
    if bad_records:
        bad_path = out / "bad_records.jsonl"
        bad_path.write_bytes(b"\n".join(_bad_records(first_ad)) + b"\n")
    return CorpusSummary(
        out_dir=out,
        n_ads=n_ads,
        n_networks=len(networks),
        n_independent=len(independents),
        n_images=len(written),
        ads_path=ads_path,
        truth_path=truth_path,
        bad_path=bad_path,
    )
