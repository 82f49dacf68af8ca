"""The extractor protocol and the registry that runs every extractor over an ad.

An extractor reads one field's text and yields ``Entity`` values whose
``start``/``end`` are offsets into that field's *original* text.  Extractors
are registered once; ``extract_ad`` runs them over every text field of an ad
and drops exact duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from unveil.normalise.escapes import decode_form_escapes, decode_literal_escapes
from unveil.normalise.markdown import plain_emphasis
from unveil.normalise.markup import decode_markup
from unveil.normalise.memo import shared_texts
from unveil.normalise.mojibake import repair_mojibake
from unveil.normalise.offsets import NormalisedText, compose
from unveil.normalise.spaces import collapse_blank_runs, plain_box_bars, plain_spaces
from unveil.normalise.styles import plain_styles
from unveil.types import TEXT_FIELDS, Entity


@dataclass(frozen=True, slots=True)
class AdContext:
    """What an extractor may know about the ad beyond the field it reads."""

    country: str | None = None  # ISO alpha-2, default region for phone numbers
    lang: str | None = None
    # An ad with no ``country``: the country its national phone numbers are read in, and where that came
    # from ("city", "towns", "web address"; see ``assumed_country``).
    assumed_country: str | None = None
    assumed_from: str | None = None
    # The countries whose nationality words some field of the ad names: "British babe in Benidorm" as the
    # title reads the body's "020 7946 0301" as a British number (see ``phones.nations_named``).
    nations: frozenset[str] = frozenset()

    @property
    def reading_country(self) -> str | None:
        """The country the ad is read in (currencies, towns, numbers): the stated one, else the assumed one."""
        return self.country or self.assumed_country


class Extractor(Protocol):
    """Reads one field and yields entities with offsets into that field's text.

    An extractor must be a pure function of ``(text, field, ctx)``: ``extract_batch`` reads a text that
    recurs in a batch once and gives every ad the same entities.  It may also offer
    ``extract_many(items)`` over ``(field, text, ctx)`` triples, returning one entity list per triple, the
    same as ``extract`` would; ``extract_batch`` then calls that instead.
    """

    name: str
    kinds: tuple[str, ...]

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterable[Entity]: ...


class ExtractorRegistry:
    def __init__(self) -> None:
        self._extractors: list[Extractor] = []

    def register(self, extractor: Extractor) -> None:
        if any(e.name == extractor.name for e in self._extractors):
            raise ValueError(f"an extractor named {extractor.name!r} is already registered")
        self._extractors.append(extractor)
        _RECENT.table.clear()  # kept results came from the registry as it was

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        return tuple(self._extractors)

    def kinds(self) -> tuple[str, ...]:
        return tuple(k for e in self._extractors for k in e.kinds)


registry = ExtractorRegistry()


def extract_ad(ad: Mapping[str, Any], extractors: Iterable[Extractor] | None = None) -> list[Entity]:
    """Run every extractor over every text field of ``ad`` (:func:`extract_batch` on a batch of one).

    Returns entities ordered by field (in ``TEXT_FIELDS`` order), start, kind.
    """
    return extract_batch([ad], extractors)[0]


#: Kinds whose ``obfuscated`` attribute says whether the value was written hidden.
_HIDING_KINDS = frozenset(("phone", "email", "url"))


def _in_stored_text(e: Entity, nt: NormalisedText) -> Entity:
    """An entity found in decoded text, with its span and text in the field as stored."""
    if e.start == e.end:
        return e  # a whole-field fact (the language)
    start, end = nt.to_original(e.start, e.end)
    written = nt.original[start:end]
    if e.kind in _HIDING_KINDS and not e.attrs.get("obfuscated") and plain_styles(written) is not None:
        # Styled digits or letters hide a contact from plain-text filters ("𝟕𝟎𝟐 555 0147"); markup does not.
        return replace(e, start=start, end=end, text=written, attrs={**e.attrs, "obfuscated": True})
    return replace(e, start=start, end=end, text=written)


def _readable(text: str) -> NormalisedText | None:
    """``text`` as the extractors read it (an export's and a form's escapes and mis-decoded UTF-8 read,
    markup decoded, markdown's bold markers dropped, styled letters, typographic spaces and box-drawing bars
    plain, runs of blanks as one), or None when unchanged."""
    nt = decode_literal_escapes(text)
    for step in (decode_form_escapes, repair_mojibake, decode_markup, plain_emphasis, plain_styles, plain_spaces,
                 plain_box_bars, collapse_blank_runs):
        inner = step(text if nt is None else nt.text)
        if inner is not None:
            nt = inner if nt is None else compose(inner, nt)
    return nt


def extract_batch(ads: Sequence[Mapping[str, Any]],
                  extractors: Iterable[Extractor] | None = None) -> list[list[Entity]]:
    """Every extractor over every text field of each ad; per ad, entities ordered by field, start, kind.

    Each extractor runs over the whole batch before the next starts: its code, tables and caches stay hot,
    which saves about a sixth of the time of running all twelve per ad.  A field
    text that recurs in the batch with the same country and language (a network's title, a reposted ad, a
    phone field) is read once: extractors are pure functions of ``(text, field, ctx)``.  With the built-in
    extractors, short fields that recur across batches are also read once while :func:`keep_recent_fields`
    is on (batch runs turn it on; it is off by default).
    """
    from unveil.extract.phones import nations_named  # imports the extractors' modules

    recent = _RECENT if extractors is None and _RECENT.size else None
    if extractors is None:
        _ensure_default_extractors()
        extractors = registry.extractors
    extractors = tuple(extractors)
    items: list[tuple[str, str, AdContext]] = []  # distinct (field, text, context) of the batch
    keys: list[Any] = []
    index: dict[Any, int] = {}
    per_ad: list[list[int]] = []
    detected = _detected_languages(ads)
    # per-text work (folding, words, addresses) done once for all extractors, and for the contexts here
    with shared_texts():
        for k, ad in enumerate(ads):
            # A country or language that is not a string (a data frame's NaN, a number, a list) is unknown.
            country, lang = _stated_country(ad.get("country")), _stated_lang(ad.get("lang"))
            ctx: AdContext | None = None
            # With neither stated, the body's language (identified) names the countries to try last.
            assumed = _assumed_country(ad, lang or detected.get(k)) if not country else None
            texts = [(field, text) for field in TEXT_FIELDS if (text := ad.get(field)) and isinstance(text, str)]
            # a nationality named in one field reads the numbers of the others ("British babe" in the title)
            nations = frozenset().union(*(nations_named(text) for _, text in texts)) if len(texts) > 1 else None
            ids = []
            for field, text in texts:
                key: Any = (field, text, country, lang) if assumed is None and not nations else \
                    (field, text, country, lang, assumed, nations)
                i = index.get(key)
                if i is None:
                    if ctx is None:
                        ctx = AdContext(country=country, lang=lang, assumed_country=assumed[0] if assumed else None,
                                        assumed_from=assumed[1] if assumed else None,
                                        nations=nations or frozenset())
                    i = len(items)
                    index[key] = i
                    items.append((field, text, ctx))
                    keys.append(key)
                ids.append(i)
            per_ad.append(ids)
        return _extract_items(extractors, items, keys, per_ad, recent)


def _extract_items(extractors: tuple[Extractor, ...], items: list[tuple[str, str, AdContext]], keys: list[Any],
                   per_ad: list[list[int]], recent: _RecentFields | None) -> list[list[Entity]]:
    """The entities of each ad of ``per_ad`` (indices into the distinct field texts ``items``)."""
    from unveil.extract.chrome import CHROME_KINDS, chrome_spans, in_chrome

    results: list[list[Entity]] = [[] for _ in items]
    todo = recent.fill(keys, results) if recent is not None else list(range(len(items)))
    todo_items = [items[i] for i in todo] if len(todo) < len(items) else items
    # Mis-decoded UTF-8 ("MÃ¼nchen"), scraped markup ("020&nbsp;7946&nbsp;0123", "<br>") and styled
    # letters ("𝐌𝐢𝐚, 𝟐𝟒") are read decoded; offsets are mapped back below.
    decoded = [_readable(text) for _, text, _ in todo_items]
    if any(nt is not None for nt in decoded):
        todo_items = [(f, t if nt is None else nt.text, c) for (f, t, c), nt in zip(todo_items, decoded, strict=True)]
    with shared_texts():  # nested in extract_batch's: the outer scope owns the results
        for extractor in extractors:
            many = getattr(extractor, "extract_many", None)
            if many is not None:  # an extractor with a batch method (one numpy product for all texts)
                for i, ents in zip(todo, many(todo_items), strict=True):
                    results[i].extend(ents)
                continue
            extract = extractor.extract
            for i, (field, text, ctx) in zip(todo, todo_items, strict=True):
                results[i].extend(extract(text, field, ctx))
        for i, (_, text, ctx) in zip(todo, todo_items, strict=True):
            if results[i] and (text.endswith(_CUT_MARKS) or "\ufffd" in text
                               or "…" in text[-30:] or "..." in text[-30:]):
                results[i] = _without_cut_words(text, results[i], ctx)
            if results[i]:
                results[i] = _outside_identifiers(text, results[i])
            chrome = chrome_spans(text)
            if chrome:
                # a scraped page's related ads, town menu, paid plans and footer: no towns, names, ages or
                # prices of the poster's there (contacts are kept)
                starts = [s for s, _e in chrome]
                results[i] = [e for e in results[i]
                              if e.kind not in CHROME_KINDS or not in_chrome(chrome, starts, e.start)]
    for i, nt in zip(todo, decoded, strict=True):
        if nt is not None:
            results[i] = [_in_stored_text(e, nt) for e in results[i]]
    if recent is not None:
        recent.keep(keys, results, todo)
    order = {f: i for i, f in enumerate(TEXT_FIELDS)}
    found = []
    for ids in per_ad:
        seen: dict[tuple[str, str, str, int, int], Entity] = {}
        towns = 0
        for i in ids:
            for ent in results[i]:
                seen.setdefault((ent.kind, ent.value, ent.field, ent.start, ent.end), ent)
            towns += any(e.kind == "city" for e in results[i])
        ents = list(seen.values())
        if towns >= 2:  # towns in two fields: one field may show another's to be a district or a persona
            from unveil.extract.cities import ad_towns  # imports this module

            ents = ad_towns(ents, {items[i][0]: items[i][1] for i in ids})
        found.append(sorted(ents, key=lambda e: (order.get(e.field, 99), e.start, e.end, e.kind, e.value)))
    return found


# A site cuts a long title or text and marks the cut: "Sophie 24 ans, nouvelle à Par…", "Call 020 7946 01..."
_CUT_MARKS = ("…", "...", "… ", "... ")
# ... and a link to the rest after the mark, which a scraper keeps: "Hi, I'm Chlo… Read more", "Lire la suite"
_READ_MORE = re.compile(
    r"(?<=[….])[ \t]*[(\[]?(?:read more|see more|show more|more|lire la suite|voir plus|leer más|leer mas|ver más"
    r"|ver mas|mehr lesen|weiterlesen|mehr anzeigen|leggi tutto|leggi di più|leggi di piu|continua a leggere"
    r"|lees meer|meer lezen|ler mais|ver mais|czytaj więcej|czytaj dalej|citește mai mult|citeste mai mult)"
    r"[ \t]*[)\]»›>]*\Z", re.IGNORECASE)
# Handles, addresses and links before "…" are kept: posters end a line with one for style ("IG: @carla.bcn…",
# "Mais fotos em ines.example.com/fotos...") as often as a site cuts one.
_CUT_KINDS = frozenset(("phone", "price", "name", "city"))


def _without_cut_words(text: str, found: list[Entity], ctx: AdContext) -> list[Entity]:
    """``found`` without the values a cut made: a number, name or town that runs into the mark of a cut
    field's end ("£1…", "Chlo…", "Mála…" read as Mala, Peru; "020 7946 012..." read as a shorter number;
    not a valid number, a known first name or a town of the ad's country) or a name or town that
    touches a character lost in decoding ("Jos� 25 a�os" is no town "Jos")."""
    from unveil.extract.names import is_known_first_name  # the names module imports this one

    body = text.rstrip()
    if body[-1:].isalpha() or body[-1:] in ")]»›>":
        more = _READ_MORE.search(body, max(0, len(body) - 40))
        if more is not None:
            body = body[: more.start()].rstrip()  # "Call 020 7946 034… Read more": a scraper's link after the cut
    cut = len(body) - (1 if body.endswith("…") else 3) if body.endswith(_CUT_MARKS[:2]) else -1
    out = []
    for e in found:
        if e.kind not in _CUT_KINDS:
            out.append(e)
            continue
        if e.end == cut and not (e.kind == "phone" and e.attrs.get("confidence") == "valid") \
                and not (e.kind == "name" and is_known_first_name(e.text)) \
                and not (e.kind == "city" and e.attrs.get("country") == ctx.reading_country):
            continue
        if e.kind in ("name", "city") and ("\ufffd" in text[max(0, e.start - 1):e.start]
                                           or "\ufffd" in text[e.end:e.end + 1]):
            continue
        out.append(e)
    return out


# Kinds read from words and figures, which a wallet's address or a transaction's hash may hold by chance
# ("...wyxj896h6cd" is no hourly rate, "...Dw963hr23..." no price, "...NYt92Yo4..." no age, "TEtE4j..." no Tete).
_PROSE_KINDS = frozenset(("price", "age", "city", "name", "phone"))
_ID_KINDS = frozenset(("crypto", "iban"))
_CONTACT_KINDS = frozenset(("handle", "email", "payment"))
_PART_KINDS = frozenset(("name", "city"))  # read from part of a contact's name, they are none
# A currency code glued to figures is a whole contact's name as often as a rate ("Line: nok1995", Nok born
# in 1995; "Snapchat: eur150"; "nok2024@example.com"): a price inside a contact or a web address is none.
_PRICE_IN_CONTACT_KINDS = frozenset(("handle", "email", "payment", "url"))
# A hash: 32 hex digits or more, set apart (transaction ids, "0x..." hashes of 64)
_HEX_RUN = re.compile(r"(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{32,}+(?![0-9A-Za-z])")


def _outside_identifiers(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` without the prose values inside a crypto address, an IBAN or a hash of the same text, nor
    the names and towns read from part of a handle, an address or a payment name ("Su Telegram sono
    bianca_mi" names no Bianca)."""
    if not any(e.kind in _PROSE_KINDS for e in found):
        return found
    spans = [(e.start, e.end) for e in found if e.kind in _ID_KINDS]
    if len(text) >= 32:
        spans += [m.span() for m in _HEX_RUN.finditer(text)]
    contacts: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []
    for e in found:
        if e.kind in _PRICE_IN_CONTACT_KINDS:
            links.append((e.start, e.end))
            if e.kind in _CONTACT_KINDS:
                contacts.append((e.start, e.end))
    if not spans and not links:
        return found
    return [e for e in found if e.kind not in _PROSE_KINDS
            or not (any(s <= e.start and e.end <= z for s, z in spans)
                    or (e.kind in _PART_KINDS and any(s <= e.start and e.end <= z and z - s > e.end - e.start
                                                      for s, z in contacts))
                    or (e.kind == "price" and any(s <= e.start and e.end <= z for s, z in links)))]


def _stated_country(value: Any) -> str | None:
    """The ad's country as an upper-case ISO code, as ingest stores it ("gb", " UK " -> "GB"), for callers
    that pass records straight in; anything else is no country ("United Kingdom"), which leaves the
    country to be assumed."""
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    code = "GB" if code == "UK" else code
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def _stated_lang(value: Any) -> str | None:
    """The ad's language as its primary subtag, lower case: sites write "en-GB", "fr_CA", "PT-br"."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-", 1)[0]
    return code or None


def _detected_languages(ads: Sequence[Mapping[str, Any]]) -> dict[int, str]:
    """The identified language of the title and body of each ad (by position) that states neither a country
    nor a language: scraped ads often come without both, and their numbers are read in a country of their
    language (``AdContext.lang`` stays the stated one)."""
    # with the title before the body: a short body ("New to the area. Text ...") may say too little alone
    need = [(k, f"{title}\n{body}" if isinstance(title := ad.get("title"), str) and title else body)
            for k, ad in enumerate(ads)
            if not _stated_country(ad.get("country")) and not _stated_lang(ad.get("lang"))
            and isinstance(body := ad.get("body"), str) and body]
    if not need:
        return {}
    from unveil.extract.language import identify_many  # the model loads only when an ad needs it

    found = identify_many([body for _, body in need])
    return {k: hit[0] for (k, _), hit in zip(need, found, strict=True) if hit is not None}


def _assumed_country(ad: Mapping[str, Any], lang: str | None) -> tuple[str, str] | None:
    from unveil.extract.assumed_country import assume_country  # imports the gazetteer: only when needed

    return assume_country(ad, lang)


class _RecentFields:
    """Entities of recently read short fields, by ``(field, text, country, lang)``, across batches.

    Titles, phone and email fields recur across a corpus (a network reuses its titles for months): in a
    demo corpus of 40,000 ads, 11,600 distinct titles.  Only those fields, up to ``_RECENT_CHARS``
    characters, are kept; bodies and web addresses almost never recur.  The table is emptied when full,
    which bounds memory without the bookkeeping of an LRU.
    """

    def __init__(self) -> None:
        self.size = 0
        self.table: dict[Any, list[Entity]] = {}

    def fill(self, keys: Sequence[Any], results: list[list[Entity]]) -> list[int]:
        """Put the kept entities of ``keys`` into ``results``; return the indexes still to read."""
        todo = []
        get = self.table.get
        for i, key in enumerate(keys):
            kept = get(key) if key is not None else None
            if kept is None:
                todo.append(i)
            else:
                results[i] = kept
        return todo

    def keep(self, keys: Sequence[Any], results: list[list[Entity]], read: Sequence[int]) -> None:
        for i in read:
            key = keys[i]
            if key is not None and key[0] in _RECENT_FIELD_NAMES and len(key[1]) <= _RECENT_CHARS:
                if len(self.table) >= self.size:
                    self.table.clear()
                self.table[key] = results[i]


_RECENT = _RecentFields()
_RECENT_FIELD_NAMES = frozenset({"title", "phone", "email"})
_RECENT_CHARS = 300


def keep_recent_fields(size: int) -> None:
    """Keep the entities of up to ``size`` recently read short fields across :func:`extract_batch` calls.

    0 (the default) keeps none and forgets those kept.  A batch run gains from it (titles recur); a
    server that screens ads for other parties keeps no ad text in memory after answering, so it leaves
    this off.  Only the built-in extractors use it: their results are pure functions of the field.
    """
    _RECENT.size = max(0, size)
    if not size:
        _RECENT.table.clear()


def _ensure_default_extractors() -> None:
    if not registry.extractors:
        for extractor in default_extractors():
            registry.register(extractor)


def default_extractors(**overrides: Extractor) -> tuple[Extractor, ...]:
    """New instances of the built-in extractors, in registry order; ``overrides`` replace some by name.

    ``default_extractors(emails=EmailExtractor(my_patterns))`` is the list a run with a user's email
    patterns uses (see :mod:`unveil.extract.user_patterns`).
    """
    from unveil.extract import (
        ages,
        cities,
        crypto,
        emails,
        handles,
        language,
        names,
        payments,
        phones,
        prices,
        urls,
    )

    built: list[Extractor] = [
        phones.PhoneExtractor(),
        emails.EmailExtractor(),
        urls.UrlExtractor(),
        handles.HandleExtractor(),
        payments.PaymentExtractor(),
        crypto.CryptoExtractor(),
        crypto.IbanExtractor(),
        ages.AgeExtractor(),
        prices.PriceExtractor(),
        cities.CityExtractor(),
        names.NameExtractor(),
        language.LanguageExtractor(),
    ]
    unknown = set(overrides) - {e.name for e in built}
    if unknown:
        raise ValueError(f"no built-in extractor named {sorted(unknown)}")
    return tuple(overrides.get(e.name, e) for e in built)
