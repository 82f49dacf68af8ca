"""Messaging and social handles with their platform: "Telegram: @anna_vip" -> ``telegram:anna_vip``.

Two ads that give the same Telegram or Snapchat name are very likely the same poster, so handles link ads
into networks just as shared phone numbers do.  A handle is only useful with its platform ("anna_vip" on
Telegram and on Instagram may be different people), so a name is reported only when the ad says where it
lives:

* a platform word before it: "Telegram: @anna_vip", "snap anna_b", "LINE ID: anna", "👻 anna_b";
* a platform word after it: "@anna_vip on telegram";
* the platform's link: "t.me/anna_vip", "instagram.com/anna.b", "snapchat.com/add/anna_b".

A bare "@anna" is never reported ("@home", "@ 10pm" are prose), nor is a phone number after "WhatsApp:"
(the phone extractor reads it), nor anything inside an email address.

Everything platform-specific (words per language, abbreviations, links, what a valid name looks like) is
declared in ``patterns/handles.yaml``, presidio-style, and checked when loaded: a user adds a platform or
a language without code, and a mistake in the file raises :class:`~unveil.extract.emails.PatternError`
naming the file and key.  The same engine reads payment handles from ``patterns/payments.yaml``
(:mod:`unveil.extract.payments`).

Linear time: platform words and links are found with alternations of literal words (no nested
quantifiers); from each hit a bounded number of characters is examined.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import string
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from unveil.extract.base import AdContext
from unveil.extract.emails import (
    TOP,
    PatternReader,
    all_words,
    email_patterns,
    find_emails,
    lower_words,
    needs_fold,
    read_pattern_file,
)
from unveil.extract.spans import SpanIndex
from unveil.extract.urls import SLASH_WORDS
from unveil.normalise.deobfuscate import deobfuscate_digits, folded_text
from unveil.normalise.memo import per_text
from unveil.normalise.numwords import leet_variants as number_leet_variants
from unveil.normalise.offsets import NormalisedBuilder, NormalisedText
from unveil.types import Entity

__all__ = [
    "HandleExtractor",
    "HandleHit",
    "NameRule",
    "Platform",
    "PlatformScanner",
    "PlatformSpec",
    "load_platform_spec",
    "parse_platform_spec",
    "platform_spec",
]

# A dot or slash of a link written so that a link search misses it: "t . me / anna", "t[.]me", "t dot me
# slash anna", "t punto me barra anna".  The words for "." are the email patterns' `dot_words`, those for "/"
# the web addresses' (every language).  The hint is tested first; most texts have none.
def _hidden_dot(words: str) -> str:
    return (rf"(?:[ \t]{{0,2}}(?:\[\.\]|\(\.\)|\{{\.\}}|\[(?:{words})\]|\((?:{words})\))[ \t]{{0,2}}"
            rf"|[ \t]{{1,2}}\.[ \t]{{0,2}}|[ \t]{{0,2}}\.[ \t]{{1,2}}|\.|[ \t]{{1,2}}(?:{words})[ \t]{{1,2}})")


_HIDDEN_SLASH = rf"(?:[ \t]{{0,2}}/[ \t]{{0,2}}|[ \t]{{1,2}}(?:{'|'.join(SLASH_WORDS)})[ \t]{{1,2}})"


@functools.cache
def _hidden_words() -> frozenset[str]:
    return frozenset(email_patterns().dot_words) | frozenset(SLASH_WORDS)


# What every hidden link holds: a bracketed or spaced dot, a spaced slash, or a word for "." or "/"
# ("t. me/anna", a spaced dot only after the dot, reads as a sentence end and is not looked for).
def _may_hide_a_link(t: str) -> bool:
    """Cheap test before the hidden-link patterns are tried (substring tests, no pattern scan)."""
    return (" ." in t or "/ " in t or " /" in t or ".]" in t or ".)" in t or ".}" in t
            or not _hidden_words().isdisjoint(lower_words(t)[1]))


_FIRST = ("letter", "alnum", "any")
_FIRST_CLASS = {"letter": r"[^\W\d_]", "alnum": "[A-Za-z0-9]", "any": r"\S"}  # where a name can start
_FORMS = ("url", "sigil", "label", "bare", "shaped")
_SCOPES = ("clause", "field")
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
_NAME_ALPHABET = _ASCII_ALNUM | frozenset("._-~")
_RUN_CHARS = _NAME_ALPHABET
_RUN_RE = re.compile(r"[A-Za-z0-9._~-]{1,80}")
_MAX_RUN = 80
_ARROWS = "→➡⇒👉➜➔➞⟶►▶⬇👇⤵"
_SEPARATORS = " \t\u00a0\u202f\u2009:=-–—>|~(\ufe0f" + _ARROWS  # with the no-break spaces of scraped pages
_STRONG_SEPARATORS = frozenset(":=>-–—" + _ARROWS)
_MAX_SEP = 6
_MAX_ASIDE = 24  # characters of a bracketed aside between a platform word and its colon
_MAX_STEPS = 4
# What an aside such as "for deposits" holds before the label's colon: words, spaces and joining marks only.
_ASIDE_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)?"
_ASIDE_RE = re.compile(rf"[ \t]+{_ASIDE_WORD}(?:(?:[ \t]*[&/,+][ \t]*|[ \t]+){_ASIDE_WORD}){{0,3}}[ \t]*:")
_LOOKBACK = 40
_LOOKBACK_WORDS = 6
_LOOKAHEAD = 16
_CLAUSE_END = frozenset(",;.!?•\n\r")
_DOTTED_NUMBER = re.compile(r"(?<=\d)\.(?=\d)")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_COMPACT_RE = re.compile(r"[ \t._-]")
_CUE_WORD = re.compile(r"[^\W_]+")
# The non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter ("İ", "ı", long s, Kelvin sign);
# a unit test recomputes the list from the running Python.
# "$" or "@" for a letter inside a platform word: "Ca$hApp", "C@sh app", "Ca$h @pp".
_SYMBOL = re.compile(r"[$@!|]|(?<=[a-z])I")  # "|" and a capital "I" inside a word are OCR's "l": "Te|egram", "OnIyFans"
_TG_RESOLVE = re.compile(r"tg://resolve\?(?:[\w=&]{0,40}&)?domain=([A-Za-z0-9_]{1,40})(?![A-Za-z0-9_])", re.IGNORECASE)
# A word of four to sixteen letters, each set apart by the same "." or space ("t.e.l.e.g.r.a.m").
_SPACED_WORD = re.compile(r"(?<![\w.*-])[A-Za-z]([. *-])[A-Za-z](?:\1[A-Za-z]){2,14}(?![\w.*-])")
_SYMBOL_LETTERS = str.maketrans("$@!|", "sail")
_LOWER_THEN_I = re.compile(r"(?<=[a-z])I")
_MAX_CUE_LEN = 24
_ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
_MIN_NUMBER_DIGITS = 7  # a name that de-obfuscates to this many digits and nothing else is a number
_MIN_SPLIT = 4  # letters of each part of a platform word cut in two ("Tele.gram")
_MAX_SAME_GAP = 24  # characters between a "same" word and its platform word
# After a name read with its sigil, an aside and another: " (main) / @", " / @", ", @", " or @"
_NEXT_LISTED = re.compile(r"(?:[ \t]{0,2}\([^()\n]{1,24}\))?[ \t]{0,2}(?:/|,|&|\bor\b|\bou\b|\bo\b|\boder\b)[ \t]{0,2}"
                          r"([@$])")
_MAX_LISTED_NAMES = 3
_MAX_GROUP = 6  # platform words in one group ("snap/insta/tiktok: anna_b"); bounds work on hostile input
# Times, prices and amounts are never names, even where a platform allows a leading digit.
_NOT_NAME = re.compile(
    r"\d+(?:[.:]\d+)?(?:am|pm|h|hr|hrs|hour|hours|min|mins|k|e|eur|euro|euros|usd|gbp|chf|x|st|nd|rd|th|yo|y)?",
    re.IGNORECASE,
)


_CRUMB_MARK = " > "
_CRUMB_REACH = 120  # a trail's line is short; bounded so a megabyte line of "WA > " costs linear time


def _in_breadcrumb(t: str, pos: int) -> bool:
    """Whether ``pos`` stands in a line of a page's trail: two " > " or more ("Home > Massage > WA > Perth")."""
    start = t.rfind("\n", max(0, pos - _CRUMB_REACH), pos) + 1 or max(0, pos - _CRUMB_REACH)
    end = t.find("\n", pos, pos + _CRUMB_REACH)
    return t.count(_CRUMB_MARK, start, min(len(t), pos + _CRUMB_REACH) if end == -1 else end) >= 2


def _ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def compact(word: str) -> str:
    """The matching key of a platform word: lower-case, without spaces, dots, dashes or underscores."""
    return _COMPACT_RE.sub("", word.lower())


# Fillers that restrict what follows: after one, a name must look like a handle ("Snap only: anna_b22"),
# since the words after them are mostly prose ("Telegram – only regulars", "nur Stammkunden").
_ONLY_WORDS = frozenset({"only", "nur", "solo", "sólo", "uniquement", "seulement", "alleen", "solamente", "soltanto",
                         "tylko", "doar", "apenas", "just", "juste"})
def _decoration(ch: str) -> bool:
    """A bullet or an emoji between a platform word and a name: "Telegram • mila_vip", "Snapchat 💛 lola.x"
    (the name must then look like a handle, as after a bare space)."""
    return ch in "•·»«" or (ch > "\u2000" and unicodedata.category(ch) == "So")


_LINK_ENDINGS = frozenset({"me", "app", "com", "gg", "link"})  # a service's own link: "revolut.me", "cash.app"


@dataclass(frozen=True, slots=True)
class NameRule:
    """What a valid name is on one platform."""

    chars: frozenset[str]
    first: str
    min_len: int
    max_len: int
    pattern: re.Pattern[str] | None

    def cut(self, run: str) -> str | None:
        """The name that ``run`` (a maximal run of name-like characters) spells, or None.

        If the written token goes on with characters the platform does not allow ("anna.vip" for
        Telegram, which has no dots), it is something else (a domain, another platform's name), not a
        shorter name.
        """
        i = 0
        while i < len(run) and run[i] in self.chars:
            i += 1
        name = run[:i].rstrip(".-")
        if any(c in _ASCII_ALNUM for c in run[len(name) :]):
            return None
        if not self.min_len <= len(name) <= self.max_len:
            return None
        first = name[0]
        if self.first == "letter" and not first.isalpha():
            return None
        if self.first == "alnum" and first not in _ASCII_ALNUM:
            return None
        if not any(c.isalpha() for c in name) or _NOT_NAME.fullmatch(name) or _spells_a_number(name):
            return None
        if self.pattern is not None and not self.pattern.fullmatch(name):
            return None
        return name


def _spells_a_number(name: str) -> bool:
    """A phone number in words and digits ("whatsapp: seven0seven7009000", "oh7700900123"), not a name.

    The phone extractor reads it; as a handle it would link the ads of one number under a made-up name.
    """
    if not any("0" <= c <= "9" for c in name):
        return False  # glued number words alone ("sevenseven") are not rewritten: a name, as written
    digits = deobfuscate_digits(name).text
    return digits.isascii() and digits.isdigit() and len(digits) >= _MIN_NUMBER_DIGITS


def _number_word_in_disguise(low: str) -> bool:
    """A number word with digits for letters ("z3ro", "f1ve", "n3uf"): the start of a number spelled out
    after a platform's label ("WhatsApp : z3ro un, n3uf n3uf ..."), as much a stop word as "zero" itself."""
    if not any("0" <= c <= "9" for c in low) or not any(c.isalpha() for c in low):
        return False
    digits = deobfuscate_digits(low).text
    return digits.isascii() and digits.isdigit() and len(digits) <= 2


@dataclass(frozen=True, slots=True)
class UrlForm:
    """A link whose path holds a name: ``host/segment.../<prefix>{name}``."""

    host: str
    segments: tuple[str, ...]
    prefix: str


@dataclass(frozen=True, slots=True)
class Platform:
    key: str
    name: NameRule
    sigils: str
    scope: str
    forms: frozenset[str]
    reserved: frozenset[str]
    stopwords: frozenset[str]


@dataclass(frozen=True, slots=True)
class Cue:
    """One platform word found in a text; ``members`` are (platform, short?) pairs."""

    start: int
    end: int
    members: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class PlatformSpec:
    """A checked, compiled pattern file (``handles.yaml`` or ``payments.yaml``)."""

    file: str
    kind: str
    platforms: Mapping[str, Platform]
    cue_owners: Mapping[str, tuple[tuple[str, bool], ...]]
    exact_owners: Mapping[str, tuple[str, ...]]
    full_cues: frozenset[str]  # compact keys of the cues that are not abbreviations
    single_cues: frozenset[str]  # compact keys of one-word cues ("telegram", "tg")
    pair_cues: frozenset[str]  # compact keys of two-word cues ("whats app" -> "whatsapp")
    symbol_cues: tuple[str, ...]  # emoji and other non-word cues ("👻")
    exact_re: re.Pattern[str] | None
    url_re: re.Pattern[str] | None
    url_forms: Mapping[str, tuple[tuple[str, UrlForm], ...]]
    labels: frozenset[str]
    copulas: frozenset[str]
    fillers: frozenset[str]
    alias_words: frozenset[str]  # "Insta como @vale.mx": the name after one must look like a handle
    aside_words: frozenset[str]  # "Venmo for deposits: anna-b": a short aside opened by one before the colon
    joiners: frozenset[str]
    after_words: frozenset[str]
    stopwords: frozenset[str]
    sigils: str
    # "same" words: a platform word next to one holds the name given for another platform ("Insta: mia.kay
    # (same on snap)"); link words may stand between ("même pseudo sur Insta").
    same_words: frozenset[str]
    same_links: frozenset[str]
    same_not_before: frozenset[str]  # "WhatsApp same number as the ad": a phone, not a name
    # Cues whose platforms read names only after a sigil ("deposit" for Cash App's "$tag"), and where such a
    # name can start: without a match, those cues alone cannot lead to a name and the text is not scanned.
    sigil_only_cues: frozenset[str]
    sigil_words: frozenset[str]  # cues that name their platform for a sigil name only ("deposit $anna")
    sigil_name_res: Mapping[str, re.Pattern[str]]  # platform -> its sigil, a space or not, then a name's start


def _char_class(r: PatternReader, spec: str, key: str) -> frozenset[str]:
    out: set[str] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            lo, hi = spec[i], spec[i + 2]
            if not (lo in _ASCII_ALNUM and hi in _ASCII_ALNUM and lo <= hi):
                r.fail(key, f"bad range {spec[i:i + 3]!r} (use A-Z, a-z or 0-9 style ranges)")
            out.update(chr(c) for c in range(ord(lo), ord(hi) + 1))
            i += 3
        else:
            out.add(spec[i])
            i += 1
    bad = sorted(out - _NAME_ALPHABET)
    if bad:
        r.fail(key, f"characters {bad} are not allowed in names (letters, digits and . _ - ~ only)")
    return frozenset(out)


def _name_rule(r: PatternReader, data: Any, key: str) -> NameRule:
    d = r.mapping(data, key, allowed=("chars", "first", "min", "max", "pattern"), required=("chars",))
    chars = _char_class(r, r.string(d["chars"], f"{key}.chars"), f"{key}.chars")
    first = r.string(d.get("first", "alnum"), f"{key}.first")
    if first not in _FIRST:
        r.fail(f"{key}.first", f"must be one of {', '.join(_FIRST)}, not {first!r}")
    lo = r.integer(d.get("min", 1), f"{key}.min", 1, _MAX_RUN)
    hi = r.integer(d.get("max", 30), f"{key}.max", 1, _MAX_RUN)
    if lo > hi:
        r.fail(key, f"min ({lo}) is greater than max ({hi})")
    pattern = None
    if "pattern" in d:
        src = r.string(d["pattern"], f"{key}.pattern")
        try:
            pattern = re.compile(src)
        except re.error as exc:
            r.fail(f"{key}.pattern", f"not a valid regular expression: {exc}")
    return NameRule(chars, first, lo, hi, pattern)


def _url_form(r: PatternReader, text: str, key: str) -> UrlForm:
    if text.count("{name}") != 1 or not text.endswith("{name}") or "/" not in text or "://" in text:
        r.fail(key, f"{text!r} must look like 'host/{{name}}' or 'host/path/@{{name}}' (no scheme, name last)")
    host, _, path = text.partition("/")
    host = host.lower().removeprefix("www.")
    if not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", host):
        r.fail(key, f"{host!r} is not a host name")
    *segments, last = path.split("/")
    prefix = last[: -len("{name}")]
    if any(not s for s in segments) or len(prefix) > 2:
        r.fail(key, f"{text!r}: empty path segment or long prefix before {{name}}")
    return UrlForm(host, tuple(s.lower() for s in segments), prefix)


def _exact_pattern(words: set[str]) -> re.Pattern[str] | None:
    """Case-sensitive whole-word alternation for the ``exact`` cues ("OF", "X")."""
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w@#$/.])(?:{alt})(?![\w@]|\.\w)")


def _cue_parts(r: PatternReader, word: str, key: str) -> list[str]:
    """The words of a cue ("whats app" -> [whats, app]); a symbol cue ("👻") is one part."""
    if not any(c.isalnum() for c in word):
        return [word]
    parts = [p for p in _COMPACT_RE.split(word) if p]
    if len(parts) > 2 or any(not _CUE_WORD.fullmatch(p) for p in parts):
        r.fail(key, f"{word!r}: a platform word is one or two words of letters and digits, or a symbol such as an "
               "emoji")
    return parts


# Digits posters write for letters in a platform word to slip past filters ("0nlyfans", "t3legram").
_LEET_DIGITS = {"o": "0", "i": "1", "l": "1", "e": "3", "a": "4", "s": "5", "t": "7"}
_MAX_LEET = 2  # digits for letters in one word; more would make words out of numbers
_MIN_LEET_WORD = 4  # "kik" or "tg" with a digit is a code, not a platform


def leet_variants(key: str) -> set[str]:
    """``key`` (a compact platform word) with one or two of its letters written as look-alike digits."""
    if len(key) < _MIN_LEET_WORD:
        return set()
    return set(number_leet_variants(key, _LEET_DIGITS, _MAX_LEET))


def _parse_spec(label: str, data: Any) -> PlatformSpec:
    r = PatternReader(label)
    top = r.mapping(data, TOP, allowed=(
        "kind", "name_labels", "copulas", "fillers", "alias_words", "aside_words", "joiners", "after_words",
        "stopwords", "same_words", "same_links", "same_not_before", "platforms"),
        required=("kind", "platforms"))
    kind = r.string(top["kind"], "kind")
    if not re.fullmatch(r"[a-z_]+", kind):
        r.fail("kind", f"{kind!r} must be a lower-case id such as 'handle'")
    platforms: dict[str, Platform] = {}
    cue_owners: dict[str, list[tuple[str, bool]]] = {}
    exact_owners: dict[str, list[str]] = {}
    single: set[str] = set()
    pairs: set[str] = set()
    sigil_words: set[str] = set()  # cues that name their platform only for a sigil name ("deposit $anna")
    symbols: set[str] = set()
    exact_words: set[str] = set()
    url_forms: dict[str, list[tuple[str, UrlForm]]] = {}
    plats = r.mapping(top["platforms"], "platforms")
    if not plats:
        r.fail("platforms", "lists no platform")
    for key, pdata in plats.items():
        base = f"platforms.{key}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            r.fail(base, "a platform key must be a lower-case id (letters, digits, _)")
        p = r.mapping(pdata, base, allowed=(
            "cues", "short", "exact", "urls", "reserved", "name", "sigils", "scope", "forms", "stopwords",
            "sigil_cues"),
            required=("name",))
        cues = all_words(r.lang_words(p.get("cues"), f"{base}.cues"))
        short = all_words(r.lang_words(p.get("short"), f"{base}.short"))
        exact = all_words(r.lang_words(p.get("exact"), f"{base}.exact", lower=False))
        sigil_cues = all_words(r.lang_words(p.get("sigil_cues"), f"{base}.sigil_cues"))
        urls = [_url_form(r, u, f"{base}.urls[{i}]") for i, u in enumerate(r.words(p.get("urls"), f"{base}.urls",
                                                                                    lower=False))]
        if not (cues or short or exact or urls):
            r.fail(base, "needs at least one of cues, short, exact or urls, or nothing can name it")
        for w in cues | short | sigil_cues:
            parts = _cue_parts(r, w, f"{base}.{'cues' if w in cues else 'short' if w in short else 'sigil_cues'}")
            owner = compact(w) if len(parts) > 1 or parts[0][0].isalnum() else w
            if w in sigil_cues:
                sigil_words.add(owner)
            cue_owners.setdefault(owner, []).append((key, w in short and w not in cues))
            (single if len(parts) == 1 and parts[0][0].isalnum() else pairs if len(parts) > 1 else symbols).add(owner)
        for w in exact:
            if not _CUE_WORD.fullmatch(w):
                r.fail(f"{base}.exact", f"{w!r}: an exact cue is one word of letters and digits")
            exact_owners.setdefault(w, []).append(key)
            exact_words.add(w)
        for form in urls:
            url_forms.setdefault(form.host, []).append((key, form))
        sigils = r.string(p.get("sigils", "@"), f"{base}.sigils")
        if any(c.isalnum() or c.isspace() for c in sigils):
            r.fail(f"{base}.sigils", f"{sigils!r}: sigils are punctuation such as @ or $")
        scope = r.string(p.get("scope", "clause"), f"{base}.scope")
        if scope not in _SCOPES:
            r.fail(f"{base}.scope", f"must be one of {', '.join(_SCOPES)}, not {scope!r}")
        forms = r.words(p.get("forms", list(_FORMS)), f"{base}.forms")
        for i, f in enumerate(forms):
            if f not in _FORMS:
                r.fail(f"{base}.forms[{i}]", f"must be one of {', '.join(_FORMS)}, not {f!r}")
        platforms[key] = Platform(
            key=key,
            name=_name_rule(r, p["name"], f"{base}.name"),
            sigils=sigils,
            scope=scope,
            forms=frozenset(forms),
            reserved=frozenset(r.words(p.get("reserved"), f"{base}.reserved")),
            stopwords=frozenset(r.words(p.get("stopwords"), f"{base}.stopwords")),
        )
    # A platform word in leetspeak names the same platforms as the word, unless it is another word itself.
    written = set(cue_owners)
    for words in (single, pairs):
        for owner in list(words):
            for variant in leet_variants(owner) - written:
                cue_owners.setdefault(variant, cue_owners[owner])
                words.add(variant)
                if owner in sigil_words:
                    sigil_words.add(variant)
    hosts = sorted(url_forms, key=lambda h: (-len(h), h))
    url_re = None
    if hosts:
        url_re = re.compile(
            rf"(?<![\w.-])(?:https?://)?(?:(?:www|m|mobile|web)\.)?({'|'.join(re.escape(h) for h in hosts)})/",
            re.IGNORECASE,
        )
    for forms_ in url_forms.values():
        forms_.sort(key=lambda pf: -len(pf[1].segments))
    owners = {k: tuple(v) for k, v in cue_owners.items()}
    sigil_only = {k for k, v in platforms.items() if v.forms <= {"sigil", "url"} and v.sigils}
    return PlatformSpec(
        file=label,
        kind=kind,
        platforms=platforms,
        cue_owners=owners,
        exact_owners={k: tuple(v) for k, v in exact_owners.items()},
        full_cues=frozenset(k for k, v in owners.items() if any(not short for _, short in v)),
        single_cues=frozenset(single),
        pair_cues=frozenset(pairs),
        symbol_cues=tuple(sorted(symbols)),
        exact_re=_exact_pattern(exact_words),
        url_re=url_re,
        url_forms={k: tuple(v) for k, v in url_forms.items()},
        labels=all_words(r.lang_words(top.get("name_labels"), "name_labels")),
        copulas=all_words(r.lang_words(top.get("copulas"), "copulas")),
        fillers=all_words(r.lang_words(top.get("fillers"), "fillers")),
        alias_words=all_words(r.lang_words(top.get("alias_words"), "alias_words")),
        aside_words=all_words(r.lang_words(top.get("aside_words"), "aside_words")),
        joiners=all_words(r.lang_words(top.get("joiners"), "joiners")),
        after_words=all_words(r.lang_words(top.get("after_words"), "after_words")),
        stopwords=all_words(r.lang_words(top.get("stopwords"), "stopwords")),
        sigil_only_cues=frozenset(k for k, v in owners.items()
                                  if k in sigil_words or all(p in sigil_only for p, _ in v)),
        sigil_words=frozenset(sigil_words),
        sigil_name_res={k: re.compile(f"[{re.escape(platforms[k].sigils)}] ?{_FIRST_CLASS[platforms[k].name.first]}")
                        for k in sigil_only | {p for w in sigil_words for p, _ in owners[w]}},
        sigils="".join(sorted({c for p in platforms.values() for c in p.sigils})),
        same_words=all_words(r.lang_words(top.get("same_words"), "same_words")),
        same_links=all_words(r.lang_words(top.get("same_links"), "same_links")),
        same_not_before=all_words(r.lang_words(top.get("same_not_before"), "same_not_before")),
    )


def load_platform_spec(source: str | Path) -> PlatformSpec:
    """Load and check a platform pattern file.

    Args:
        source: A file name in the package's ``extract/patterns/`` or a ``Path`` to a user's file.

    Raises:
        PatternError: The file is malformed; the message names file, key and problem.
    """
    label, data = read_pattern_file(source)
    return _parse_spec(label, data)


def parse_platform_spec(label: str, data: Any) -> PlatformSpec:
    """Check and compile the parsed content of a platform pattern file (``label`` names it in errors).

    Raises:
        PatternError: The content is malformed; the message names file, key and problem.
    """
    return _parse_spec(label, data)


@functools.lru_cache(maxsize=8)
def platform_spec(name: str) -> PlatformSpec:
    """A packaged pattern file, loaded once per process."""
    return load_platform_spec(name)


# ---------------------------------------------------------------------------------------------------------
# Scanner
# ---------------------------------------------------------------------------------------------------------


class HandleHit(NamedTuple):
    """One name on one platform; ``[start, end)`` covers the sigil and name, or the whole link."""

    start: int
    end: int
    platform: str
    name: str
    form: str


def _after_word(t: str, i: int) -> bool:
    """Whether position ``i`` follows a word and one space ("anna @example.com")."""
    return i >= 2 and t[i - 1] == " " and t[i - 2].isalnum()


def _mapped(hit: HandleHit, nt: NormalisedText) -> HandleHit:
    start, end = nt.to_original(hit.start, hit.end)
    return hit._replace(start=start, end=end)


def _same_platform(a: Cue, b: Cue) -> bool:
    return not {k for k, _ in a.members}.isdisjoint(k for k, _ in b.members)


def _alone_on_line(t: str, start: int, end: int, newline: int) -> bool:
    """Whether the platform word at ``t[start:end]`` is the only word on its line (emoji, arrows and a colon
    may stand around it: "💬 signal", "IG 📸"), the line ending at ``newline``."""
    line_start = t.rfind("\n", 0, start) + 1
    return not any(c.isalnum() for c in t[line_start:start]) and not any(c.isalnum() for c in t[end:newline])


def _own_sigil_after(t: str, end: int, spec: PlatformSpec) -> bool:
    """Whether a sigil of the spec starts a name right after a platform word ending at ``end``."""
    i = end
    while i < len(t) and i - end < 3 and t[i] in " \t:=-":
        i += 1
    return i < len(t) and t[i] in spec.sigils



def _aside_colon(t: str, start: int) -> int:
    """The position of the label's colon that ends a short aside after a platform word ("Venmo for deposits:
    brooke-nash", "Snap pour les photos : lola.vip"), or -1: at most four words on the line, then ":"."""
    m = _ASIDE_RE.match(t, start, min(len(t), start + _MAX_ASIDE + 8))
    return -1 if m is None else m.end() - 1


def platform_aside_before(text: str, colon: int, spec: PlatformSpec) -> bool:
    """Whether the colon at ``colon`` ends a platform word and its aside: "Insta pour les photos : lola.vip"."""
    line = max(text.rfind("\n", 0, colon) + 1, colon - _MAX_ASIDE - 24)
    words = list(_WORD_RE.finditer(text, line, colon))
    for k in range(len(words) - 1, 0, -1):
        w = words[k]
        if w.group().lower() in spec.aside_words and _aside_colon(text, w.end()) == colon:
            before = words[k - 1]
            return text[before.end() : w.start()].strip(" \t") == "" \
                and compact(before.group().lower()) in spec.cue_owners
    return False

def _looks_like_handle(name: str) -> bool:
    """Digits, an inner "_" or ".", or CamelCase: not an ordinary word."""
    core = name.strip("._-")
    return (
        any(c.isdigit() for c in name)
        or any(c in "._" for c in core)
        or (any(c.isupper() for c in name[1:]) and any(c.islower() for c in name))
    )


# A name spaced out after its sigil or a label's colon, to beat filters: letter by letter ("@ s a s h a v i p",
# ": m a n o n . l x", "@ c a n d y _ 2 2") or words around a spaced dot or an underscore ("@ rosie . vip",
# "@ sandy _ leipzig").  A dot with a space only after it ends a sentence ("@ home. Call me"), never a name.
_SPACED_NAME = re.compile(
    r"(?P<sigil>@ ?)(?P<words>[A-Za-z0-9]+(?:(?: [._] ?| ?_ )[A-Za-z0-9]+){1,4})(?![\w.@])"
    r"|(?P<lead>[@:] ?)(?P<letters>[A-Za-z0-9](?: (?:[._] )?[A-Za-z0-9]){3,40})(?![\w.@])")


# How a PayPal payment is sent, between the service and its label's colon: "F&F", "friends and family", "G&S".
_PAYMENT_MODE = re.compile(r"(?:ff|f ?& ?f|g ?& ?s|friends ?(?:&|and|\+|n) ?family|goods ?(?:&|and) ?services"
                           r"|freunde ?(?:&|und|\+) ?familie)"
                           r"(?![^\W\d_])(?=[ \t]{0,2}:)", re.I)
_GLUED_UNDERSCORE = re.compile(r"[A-Za-z0-9]_ ")


# Letters or digits in a row, each set apart by a dot or by a space: a cheap test before the patterns that
# read a word spelled out letter by letter ("t.e.l.e.g.r.a.m", "s a s h a"). Each starts with a literal, which
# the engine scans for quickly; one class of both separators would be tried at every character.
_LONE_DOTTED = re.compile(r"\.[A-Za-z0-9]\.[A-Za-z0-9]\.")
_LONE_SPACED = re.compile(r" [A-Za-z0-9] (?:[._] )?[A-Za-z0-9] ")
_LONE_STARRED = re.compile(r"\*[A-Za-z]\*[A-Za-z]\*")  # "T*e*l*e"
_LONE_DASHED = re.compile(r"-[A-Za-z]-[A-Za-z]-")  # "S-N-A-P"


@per_text
def _spells_out(t: str) -> bool:
    return _LONE_SPACED.search(t) is not None or _LONE_DOTTED.search(t) is not None or (
        "*" in t and _LONE_STARRED.search(t) is not None) or ("-" in t and _LONE_DASHED.search(t) is not None)


@functools.cache
def _spelled_mark_words() -> frozenset[str]:
    """The first words of the words for "_", "." and "-" (lower case): a cheap test before the patterns."""
    pats = email_patterns()
    return frozenset(w.split()[0] for w in (*pats.dot_words, *pats.joiner_words))


@functools.cache
def _spelled_marks() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Words for "_", "." or "-" between the parts of a name after a sigil, a colon or "username is"
    ("username is jasmine underscore ldn", "telegram: tamara punto mad"): the email patterns' `joiner_words`
    and `dot_words`.  The name's pattern, one such word between spaces, and each word (lower case) -> mark."""
    pats = email_patterns()
    marks = {w: "." for w in pats.dot_words} | dict(pats.joiner_words)
    words = "|".join(re.escape(w) for w in sorted(marks, key=lambda w: (-len(w), w)))
    part = r"[A-Za-z0-9]+"
    # a word between spaces, or in brackets ("lola(dot)vip", "lola [.] vip")
    mark = rf"(?: (?:{words}) | ?[\[(] ?(?:{words}|\.) ?[\])] ?)"
    name = re.compile(
        rf"(?:[@:] ?|(?<![^\W\d_])(?:username|usuario|utente|pseudo|nutzername|gebruikersnaam) is )"
        rf"(?P<name>{part}(?:{mark}{part}){{1,3}})(?![\w@]|{mark})", re.I)
    return name, re.compile(rf" ({words}) | ?[\[(] ?({words}|\.) ?[\])] ?", re.I), marks


def close_spelled_marks(t: str) -> NormalisedText | None:
    """``t`` with the words for "_", "." and "-" inside a name after a label written as the marks
    ("telegram: tamara punto mad" -> "telegram: tamara.mad"), or None when it has none."""
    if (":" not in t and "@" not in t and " is " not in t) or (
            _spelled_mark_words().isdisjoint(lower_words(t)[1]) and "[.]" not in t and "(.)" not in t):
        return None  # the patterns' cost, saved on most fields: no word for a mark
    name, joiner, marks = _spelled_marks()
    out: NormalisedBuilder | None = None
    pos = 0
    for m in name.finditer(t):
        if out is None:
            out = NormalisedBuilder(t)
        for j in joiner.finditer(t, m.start("name"), m.end("name")):
            word = j.group(1) or j.group(2)
            out.copy(pos, j.start())
            out.emit("." if word == "." else marks[word.lower()], j.start(), j.end())
            pos = j.end()
    if out is None:
        return None
    out.copy(pos, len(t))
    return out.build()


def close_spaced_names(t: str) -> NormalisedText | None:
    """``t`` with spaced-out names after a sigil or a colon closed up ("@ rosie . vip" -> "@rosie.vip"), or
    None when it has none.  Whether a closed name is a handle is decided as for any other name."""
    if "@" not in t and ":" not in t:
        return None
    if not (("@" in t and (" ." in t or " _" in t or "_ " in t)) or _spells_out(t)):
        return None  # the pattern's cost, saved on most fields: no spaced dot or underscore, no lone letters
    out: NormalisedBuilder | None = None
    pos = 0
    for m in _SPACED_NAME.finditer(t):
        group = "words" if m.group("words") else "letters"
        if group == "words" and m.group("sigil") == "@" and _GLUED_UNDERSCORE.search(m.group("words")):
            continue  # "@lolamtl_ for updates": a name ending in "_", then prose ("@ sandy_ leipzig" is spaced)
        if out is None:
            out = NormalisedBuilder(t)
        a, z = m.span(group)
        sigil = m.start("sigil") if group == "words" else m.start("lead")
        out.copy(pos, sigil + 1)
        if t[sigil] == ":":
            out.copy(sigil + 1, a)  # ": m a n o n": the label's space stays
        for i in range(a, z):
            if t[i] != " ":
                out.copy(i, i + 1)
        pos = z
    if out is None:
        return None
    out.copy(pos, len(t))
    return out.build()


def _after_spaced_sigil(t: str, name: str, end: int) -> bool:
    """Whether ``name``, ending at ``end`` one space after its sigil ("cashapp $ annab"), reads as a name:
    it looks like a handle or ends its phrase ("snap @ the hotel" is prose), and does not go on after a
    spaced dot or underscore ("ig @ kayla . rose" is spaced out, not "kayla")."""
    if t.startswith((" . ", " _ "), end) and end + 3 < len(t) and t[end + 3].isalnum():
        return False
    return _looks_like_handle(name) or _ends_phrase(t, end)


# A colon or an "@" on the rest of a line: "Snap & IG same: @kira" gives the name after the "same" word.
_LABEL_MARKS_ON_LINE = re.compile(r"[^\n]{0,40}?[:@]")
_SAME_LOOK = 4  # handles looked at on each side of a "same" word; bounds work on hostile input


def _same_source(t: str, sources: list[HandleHit], starts: list[int], pos: int, g: Cue) -> HandleHit | None:
    """The handle a "same" word at ``pos`` refers to: the nearest on its line that is not on a platform of
    ``g``, else the last such on the line before (``sources`` in text order, ``starts`` their starts)."""
    line_start = t.rfind("\n", 0, pos) + 1
    line_end = t.find("\n", pos)
    line_end = len(t) if line_end == -1 else line_end
    own = {k for k, _ in g.members}
    k = bisect.bisect_left(starts, pos)
    near = [h for h in sources[max(0, k - _SAME_LOOK) : k + _SAME_LOOK]
            if h.platform not in own and h.form != "same" and line_start <= h.start < line_end]
    if near:
        return min(near, key=lambda h: abs(h.start - pos))
    prev_start = t.rfind("\n", 0, max(0, line_start - 1)) + 1
    k = bisect.bisect_left(starts, line_start)
    before = [h for h in sources[max(0, k - _SAME_LOOK) : k]
              if h.platform not in own and h.form != "same" and prev_start <= h.start]
    return before[-1] if before else None


def _decorates(t: str, hit: HandleHit, symbol: Cue) -> bool:
    """Whether the platform symbol ``symbol`` ("👻") follows ``hit``, a name of the same platform, with only
    spaces between: it decorates that name and announces no other."""
    return hit.end <= symbol.start and not t[hit.end : symbol.start].strip() \
        and any(key == hit.platform for key, _ in symbol.members)


def _ends_phrase(t: str, end: int) -> bool:
    """Whether a name at ``t[:end]`` is the last word of its phrase ("snapchat anna" + line break)."""
    i = end
    n = len(t)
    while i < n and i - end < 8 and t[i] in " \t":
        i += 1
    if i >= n:
        return True
    c = t[i]
    if c in "\n\r,;!)]}|/•·":
        return True
    if c == "?":
        return False  # "Twitter drama? Not me.", "Snapchat anyone?": a question, no name ends there
    if c == ".":
        return i + 1 >= n or not t[i + 1].isalnum()
    return not (c.isalnum() or c in "@#$&'\"(-+*:_\t ")



# A platform's hashtag used as a label: "#snapchat @mia_ldn", "#snapchat: mia_ldn", "#Telegram ➡️ @jade_vip"
# (a hashtag alone, "#snapchat #selfie", only tags a topic).
_HASHTAG_LABEL = re.compile(r"[ \t]{0,2}(?::|(?:[➡→👉⬇\ufe0f][ \t]{0,2}){0,3}@)")

class PlatformScanner:
    """Finds ``platform:name`` handles in a text, following one :class:`PlatformSpec`.

    Args:
        spec: The compiled pattern file.
        blockers: Platform words of the *other* pattern file (payment words for handles and the other
            way round): "Snap / Venmo: @anna" must not give Snapchat the Venmo name.
    """

    def __init__(self, spec: PlatformSpec, blockers: frozenset[str] = frozenset()) -> None:
        self.spec = spec
        self.blockers = blockers
        self.never = (
            spec.stopwords | spec.labels | spec.copulas | spec.fillers | spec.alias_words | spec.joiners
            | spec.after_words | blockers
            | spec.same_words | spec.same_links | frozenset(spec.cue_owners)
        )
        # Words between a "same" word and its platform word: "same name on snap", "même pseudo sur Insta".
        self._same_gap_words = spec.same_links | spec.after_words | spec.labels | spec.fillers | spec.copulas \
            | spec.joiners
        self._host_slashes = tuple(f"{host.lower()}/" for host in spec.url_forms)
        # Links whose dots and slash are hidden ("t . me / anna", "t[.]me/anna", "onlyfans dot com slash
        # anna"): one pattern per host, tried only in a text with such a dot or slash.
        hidden_dot = _hidden_dot("|".join(re.escape(w) for w in sorted(email_patterns().dot_words)))
        self._hidden_links = tuple(
            (host, host.split(".")[0].lower(),
             re.compile(r"(?<![\w.-])" + hidden_dot.join(re.escape(part) for part in host.split("."))
                        + _HIDDEN_SLASH, re.IGNORECASE))
            for host in spec.url_forms
        )
        self._ascii_hosts = all(host.isascii() for host in spec.url_forms)
        # Every way to cut each two-word cue into a first and a second word.
        seconds: dict[str, set[str]] = {}
        for key in spec.pair_cues:
            for i in range(1, len(key)):
                seconds.setdefault(key[:i], set()).add(key[i:])
        # A long platform word cut in two to beat filters, "Tele.gram", "Insta gram": both parts of four
        # letters or more ("we chat" stays two words).
        self._split_singles = frozenset(
            key for key in spec.single_cues
            if len(key) >= 2 * _MIN_SPLIT and key.isalpha() and any(not short for _, short in spec.cue_owners[key]))
        for key in self._split_singles:
            for i in range(_MIN_SPLIT, len(key) - _MIN_SPLIT + 1):
                seconds.setdefault(key[:i], set()).add(key[i:])
        self._pair_seconds = {first: frozenset(rest) for first, rest in seconds.items()}
        # Words that may be a platform word or one of its two words ("cash" of "cash app").
        self._cue_parts = frozenset(spec.single_cues | spec.pair_cues | seconds.keys()).union(*seconds.values())

    def _names_a_host(self, t: str) -> bool:
        """Whether ``t`` may hold one of the link hosts followed by "/" (in any case).

        A few substring tests instead of the case-insensitive link pattern, which is tried at every
        position; most fields with a "/" ("24/7", "$150/hr", the ad's own address) link to no platform.
        Exact when every host is ASCII and ``t`` holds none of the four non-ASCII letters that the pattern's
        case-insensitive matching equates with an ASCII one (``_ASCII_CASE_TWINS``): then a match is made of
        characters that lower-case to the host's.  Otherwise it answers True, and the pattern decides.
        """
        if not t.isascii() and (not self._ascii_hosts or _ASCII_CASE_TWINS.search(t) is not None):
            return True
        low = lower_words(t)[0]
        return any(host in low for host in self._host_slashes)

    # -- entry point ----------------------------------------------------------------------------------------

    def scan(self, text: str) -> list[HandleHit]:
        """Every handle in ``text`` with offsets into ``text`` (folded first when not ASCII, spaced-out
        names closed up)."""
        folded = folded_text(text) if needs_fold(text) else None
        t = text if folded is None else folded.text
        closed = close_spaced_names(t)
        t2 = t if closed is None else closed.text
        spelled = close_spelled_marks(t2)
        hits = self._scan(t2 if spelled is None else spelled.text)
        for nt in (spelled, closed, folded):  # back through each rewrite, the last one first
            if nt is not None:
                hits = [_mapped(h, nt) for h in hits]
        if any(h.form in ("label", "bare") or (h.form == "sigil" and _after_word(text, h.start)) for h in hits):
            # A name inside an email address is not a handle ("Snap: anna@example.com", "anna @example.com").
            emails = SpanIndex((m.start, m.end) for m in find_emails(text))
            hits = [h for h in hits if not emails.hits(h.start, h.end)]
        seen: set[tuple[int, int, str, str]] = set()
        out = []
        for h in sorted(hits):
            key = (h.start, h.end, h.platform, h.name.lower())
            if key not in seen:
                seen.add(key)
                out.append(h)
        return out

    def _scan(self, t: str) -> list[HandleHit]:
        spec = self.spec
        hits: list[HandleHit] = []
        if "İ" in t:
            # the Turkish capital dotted I ("İnsta:", "İNSTAGRAM"), whose lower case is two characters
            t = t.replace("İ", "I")
        if spec.url_re is not None and "/" in t and self._names_a_host(t):
            hits.extend(self._urls(t))
        if spec.url_re is not None and _may_hide_a_link(t):
            hits.extend(self._hidden_urls(t))
        if "tg://" in t and "telegram" in spec.platforms:
            hits.extend(self._telegram_app_links(t))
        if "$" in t or "@" in t or "!" in t or "|" in t or _LOWER_THEN_I.search(t) is not None:
            t = self._symbols_as_letters(t)
        if _spells_out(t) and _SPACED_WORD.search(t) is not None:
            t = self._spaced_platform_words(t)
        cues = self.cues(t)
        if not cues:
            return hits
        groups = self._groups(t, cues)
        taken: set[int] = set()
        announcing = []
        for g in groups:
            if hits and not t[g.start].isalnum() and _decorates(t, hits[-1], g):
                # "Snap: vale.na 👻 Napoli": the emoji closes the name before it; a platform grouped with it
                # still announces ("Snap: mila.dd 👻 | Insta: @mila.dresden")
                rest = tuple(m for m in g.members if m[0] != hits[-1].platform)
                if not rest:
                    continue
                g = Cue(g.start, g.end, rest)
            announcing.append(g)
            for h in self._after(t, g):
                hits.append(h)
                taken.add(h.start)
                for more in self._listed_after(t, h):
                    hits.append(more)
                    taken.add(more.start)
        if any(s in t for s in spec.sigils):
            # ... and announces no "@name" after it: "Snap: mila.dd 👻 | Insta: @mila.dresden"
            hits.extend(self._sigil_names(t, announcing, taken))
        if hits and spec.same_words and not spec.same_words.isdisjoint(lower_words(t)[1]):
            hits.extend(self._same_names(t, groups, hits))
        return hits

    # -- platform words -------------------------------------------------------------------------------------

    def _symbols_as_letters(self, t: str) -> str:
        """``t`` with "$", "@" and "!" read as letters inside platform words ("Ca$hApp", "k!k"); same length, so
        offsets hold.  Elsewhere they stay: "$anna" is a cashtag, "anna@example.com" an address."""
        pieces: list[str] = []
        changed = False
        done = 0  # every character before this has been looked at
        size = len(t)
        for m in _SYMBOL.finditer(t):
            p = m.start()
            if p < done or p + 1 >= size or not _ascii_letter(t[p + 1]):
                continue
            # inside a word ("Ca$hApp"), or an "@" opening one ("Ca$h @pp"; "$anna" stays a cashtag), or a
            # "$" opening a label ("$nap: lola.vip")
            opening = t[p] == "$" and (p == 0 or not _ascii_letter(t[p - 1]))
            if not ((p > 0 and _ascii_letter(t[p - 1])) or (t[p] == "@" and (p == 0 or t[p - 1] in " \t"))
                    or opening):
                continue
            a = p
            while a > done and (_ascii_letter(t[a - 1]) or t[a - 1] in "$@!|"):
                a -= 1
            z = p + 1
            while z < size and (_ascii_letter(t[z]) or t[z] in "$@!|"):
                z += 1
            word = t[a:z]
            labelled = opening and a == p and t[z:z + 2].lstrip(" ")[:1] == ":"
            if z - a <= _MAX_CUE_LEN and (word[0] not in "$!|" or labelled) and word[-1] not in "$@!|":
                word = _LOWER_THEN_I.sub("l", word.translate(_SYMBOL_LETTERS))
                if word.lower() in self._cue_parts:
                    pieces += (t[done:a], word)
                    done, changed = z, True
                    continue
            pieces.append(t[done:z])  # not a platform word: kept as written
            done = z
        return "".join([*pieces, t[done:]]) if changed else t

    def _spaced_platform_words(self, t: str) -> str:
        """``t`` with platform words spelled out letter by letter ("t.e.l.e.g.r.a.m", "W h a t s A p p")
        closed up and padded with spaces before it to the same length, so offsets hold and a label's colon
        stays right after the word ("S n a p c h a t: mia.kay")."""
        def closed(m: re.Match[str]) -> str:
            word = m.group()[::2]
            return " " * (len(m.group()) - len(word)) + word if word.lower() in self._cue_parts else m.group()
        return _SPACED_WORD.sub(closed, t)

    def cues(self, t: str) -> list[Cue]:
        """Platform words in ``t``, in text order.

        Words are looked up in a table rather than matched with one big case-insensitive alternation:
        a cheap set test on the lower-cased words rejects most ads (which name no platform) outright.
        """
        spec = self.spec
        word_set = lower_words(t)[1]
        found = spec.single_cues & word_set
        if found and found <= spec.sigil_only_cues and not any(
                spec.sigil_name_res[p].search(t) for c in found for p, _ in spec.cue_owners[c]):
            found = frozenset()  # "deposit" with no "$tag" in the text
        hit = bool(found) or any(c in t for c in spec.symbol_cues)
        if not hit and self._pair_seconds:
            # A two-word cue ("whats app") needs both its words: look the pairs up in the word set.
            pairs = self._pair_seconds
            hit = any(not pairs[w].isdisjoint(word_set) for w in word_set & pairs.keys())
        exact = spec.exact_re is not None and any(w in t for w in spec.exact_owners)
        if not hit and not exact:
            return []
        cues: list[Cue] = []
        if hit:
            words = [(m.start(), m.end(), m.group().lower()) for m in _CUE_WORD.finditer(t)]
            i = 0
            while i < len(words):
                start, end, word = words[i]
                nxt = words[i + 1] if i + 1 < len(words) else None
                if nxt is not None and nxt[0] - end <= 1 and t[end:nxt[0]] in ("", " ", "\t", ".", "_", "-") \
                        and ((joined := word + nxt[2]) in spec.pair_cues or (
                            joined in self._split_singles and min(len(word), len(nxt[2])) >= _MIN_SPLIT)) \
                        and self._free(t, start, nxt[1]):
                    cues.append(Cue(start, nxt[1], spec.cue_owners[joined]))
                    i += 2
                    continue
                if word in spec.single_cues and self._free(t, start, end):
                    cues.append(Cue(start, end, spec.cue_owners[word]))
                i += 1
            for sym in spec.symbol_cues:
                pos = t.find(sym)
                while pos != -1:
                    cues.append(Cue(pos, pos + len(sym), spec.cue_owners[sym]))
                    pos = t.find(sym, pos + len(sym))
        if exact:
            assert spec.exact_re is not None
            for m in spec.exact_re.finditer(t):
                cues.append(Cue(m.start(), m.end(), tuple((k, True) for k in spec.exact_owners[m.group()])))
        cues.sort(key=lambda c: c.start)
        return cues

    @staticmethod
    def _free(t: str, start: int, end: int) -> bool:
        """A platform word standing on its own: not in a handle ("@telegram", "anna_snap"), a link or a domain.

        After a "/" it stands on its own in "snap/ig", not in a link path ("t.me/telegram"); after a "$" when
        a colon follows it, as a label: "$ChimeSign: $ZoeyK88".
        """
        if start > 0:
            before = t[start - 1]
            if before in "@#$._" and not (before == "$" and t[end:end + 1] == ":") \
                    and not (before == "#" and _HASHTAG_LABEL.match(t, end) is not None):
                return False
            if before == "/":
                token = t[max(0, start - 64) : start - 1].rsplit(None, 1)
                if token and ("." in token[-1] or ":" in token[-1]):
                    return False
        if end < len(t):
            after = t[end]
            if after in "@_" or (after == "." and end + 1 < len(t) and t[end + 1].isalnum()):
                return False
        return True

    def _groups(self, t: str, cues: list[Cue]) -> list[Cue]:
        """Merge platform words joined by "/", "&", "," or "and": "Snap & Insta: anna_b"."""
        groups: list[Cue] = []
        for c in cues:
            gap = t[groups[-1].end : c.start] if groups else ""
            if groups and len(groups[-1].members) < _MAX_GROUP and self._joined(gap) \
                    and (gap.strip() or t[c.start].isalnum() == t[groups[-1].end - 1].isalnum()
                         or _same_platform(groups[-1], c)):
                # Not an emoji and a word with only a space between: "Snap: emiliemtl 👻 Insta: @emilie.mtl"
                # ends Snapchat's name with its emoji; but "IG 📸", "snap 👻" is one platform named twice.
                last = groups[-1]
                groups[-1] = Cue(last.start, c.end, last.members + tuple(m for m in c.members if m not in last.members))
            else:
                groups.append(c)
        return groups

    def _joined(self, gap: str) -> bool:
        if len(gap) > 8:
            return False
        rest = gap.strip(" \t/&+,|")
        return not rest or (rest.lower() in self.spec.joiners and gap != rest)

    # -- a name right after a platform word -----------------------------------------------------------------

    def _after(self, t: str, g: Cue) -> Iterator[HandleHit]:
        spec = self.spec
        sigil_only = compact(t[g.start : g.end]) in spec.sigil_words  # "deposit $anna", never "deposit anna"
        n = len(t)
        i = g.end
        strength = 0  # 0 bare, 1 after "is", 2 after ":" or an id word, 3 with a sigil
        next_line = False  # the name is on a line after the platform word, which stood alone on its own
        only = False  # an "only" word stood before the name: "Telegram – only regulars" is prose
        dashed = True  # no strong separator but dashes so far ("✈️ — Latina 27": a plane, then a heading)
        if i + 1 < n and t[i] == "-" and t[i - 1].isalpha() and t[i + 1].isalpha():
            m = _WORD_RE.match(t, i + 1)
            if m is None or m.group().lower() not in spec.labels or t[m.end():m.end() + 3].lstrip(" ")[:1] != ":":
                return  # a compound word, "Insta-worthy"; not a label's, "Signal-Benutzername: lena.88"
            i = m.end()
        for _ in range(_MAX_STEPS):
            j = i
            while j < n and j - i < _MAX_SEP and (t[j] in _SEPARATORS or _decoration(t[j]) or (t[j] in "\r\n" and (
                    strength == 2 or next_line or _alone_on_line(t, g.start, g.end, j)))):
                if t[j] in _STRONG_SEPARATORS:
                    strength = 2  # after ":" the name may be on the next line ("Telegram:\n@anna_vip")
                    dashed = dashed if t[j] in "-–—" else False
                elif t[j] in "\r\n" and strength < 2:
                    next_line = True  # "👻\nkaylee.xo", "Telegram\n⬇️\nlaura_vip"
                j += 1
            if j > i and ">" in t[i:j] and _in_breadcrumb(t, g.start):
                return  # "Home > Massage > WA > Perth": Western Australia in a page's trail, no WhatsApp label
            if j > i and t[j - 1] == "(":
                close = t.find(")", j, j + _MAX_ASIDE)
                if close != -1 and t[close + 1 : close + 3].lstrip(" ")[:1] in _STRONG_SEPARATORS:
                    i = close + 1  # an aside before the label's colon: "Telegram (fastest): ...", "IG (backup): @x"
                    continue
            mode = _PAYMENT_MODE.match(t, j) if j < n and t[j] in "FfGg" else None
            if mode is not None:
                i = mode.end()  # "PayPal F&F: rosie.hfx", "PayPal friends and family: mia.leeds"
                continue
            m = _WORD_RE.match(t, j)
            word = m.group().lower() if m else ""
            if word in spec.labels:
                strength = 2
            elif word in spec.copulas:
                strength = max(strength, 1)
            elif word in spec.alias_words:
                only = True  # "TikTok como vale.mx", never "Telegram as well"
            elif word in spec.aside_words and m is not None and (colon := _aside_colon(t, m.end())) != -1:
                i = colon  # "Venmo for deposits: brooke-nash", "Snap for pics: lola.vip"
                continue
            elif word not in spec.fillers and word not in spec.same_words:  # "Snap & IG same: @kira"
                i = j
                break
            elif word in spec.same_words and m is not None and not _LABEL_MARKS_ON_LINE.match(t, m.end()):
                return  # "Insta même pseudo 📸\nMon gmail ...": another platform's name, none on a line after
            elif word in _ONLY_WORDS:
                only = True
            i = m.end() if m else j
        else:
            return
        sigil = ""
        spaced = False  # "cashapp $ annab": one space after the sigil
        if i < n and t[i] in spec.sigils:
            sigil = t[i]
            i += 1
            strength = 3
            if i + 1 < n and t[i] == " " and t[i + 1].isalpha():
                i += 1
                spaced = True
        if sigil_only and not sigil:
            return
        run = self._run(t, i)
        if run is None:
            return
        for platform, short in g.members:
            p = spec.platforms[platform]
            if sigil and sigil not in p.sigils:
                continue
            form = ("bare", "bare", "label", "sigil")[strength]
            # A `shaped`-only platform reads a name in a handle's shape after a space or a label alike.
            shaped = form in ("bare", "label") and form not in p.forms and "bare" not in p.forms and "shaped" in p.forms
            if form not in p.forms and not shaped:
                continue
            name = self._name(p, run)
            if name is None:
                continue
            if shaped and not (_looks_like_handle(name) or "-" in name.strip("-")):
                continue  # "venmo anna-b", "venmo AnnaB22"; not "Venmo preferred"
            if spaced and not _after_spaced_sigil(t, name, i + len(name)):
                continue
            # After a bare space or "is", the name must not read as prose: it looks like a handle or ends its
            # phrase ("snapchat annab" + line break).  After an abbreviation ("snap tessy_x", "tg anna_vip")
            # only the handle shape counts: "WA area", "SC girls" are places.
            if short and strength < 3 and _state_after_town(t, g.start, g.end):
                continue  # "Perth, WA — swapped the sunshine": Western Australia after its town
            if (strength == 0 or (strength == 2 and dashed and name[:1].isupper())) and short \
                    and not _looks_like_handle(name):
                continue  # (a capitalised word after an emoji and a dash too: "airport ✈️ — Latina 27")
            if (next_line or only) and strength < 3 and not _looks_like_handle(name):
                continue  # a word on the next line is the ad going on; a name there must look like one
            if strength <= 1 and not (_looks_like_handle(name) or _ends_phrase(t, i + len(name))):
                continue
            yield HandleHit(i - len(sigil) - spaced, i + len(name), platform, name, form)

    def _listed_after(self, t: str, h: HandleHit) -> Iterator[HandleHit]:
        """More "@names" of the same platform listed after one read with its sigil, each maybe with an aside:
        "Twitter: @sienna_leeds (main) / @siennaleeds2 (backup)", "Insta : @lea.main / @lea.backup"."""
        if h.form != "sigil":
            return
        p = self.spec.platforms[h.platform]
        end = h.end
        for _ in range(_MAX_LISTED_NAMES):
            m = _NEXT_LISTED.match(t, end)
            if m is None or m.group(1) not in p.sigils:
                return
            run = self._run(t, m.end())
            name = self._name(p, run) if run is not None else None
            if name is None:
                return
            end = m.end() + len(name)
            yield HandleHit(m.start(1), end, h.platform, name, "sigil")

    def _run(self, t: str, i: int, *, in_link: bool = False) -> str | None:
        m = _RUN_RE.match(t, i)
        if m is None:
            return None
        end = m.end()
        if end < len(t) and (t[end] in _RUN_CHARS or t[end] == "@" or t.startswith("://", end) or t[end].isalpha()):
            return None  # too long, an email address, a link or a word going on ("privé"): not a name
        run = m.group()
        if not in_link and end < len(t) and t[end] == "/" and "." in run.strip("."):
            return None  # "onlyfans.com/anna": a link, read by _urls
        if run[-1:] in "._" and t[end:end + 1] in ("\n", "\r") and (t[end + 1:end + 2].islower()
                                                                    or t[end + 1:end + 2].isdigit()):
            return None  # "@lola.\nvip.ldn": a name cut by the line's end, whose head alone is no handle
        return run

    def _name(self, p: Platform, run: str) -> str | None:
        name = p.name.cut(run)
        if name is None:
            return None
        low = name.lower()
        if low in self.never or low in p.stopwords or compact(low) in self.spec.cue_owners \
                or _number_word_in_disguise(low):
            return None
        head, dot, tail = low.partition(".")
        if dot and tail in _LINK_ENDINGS and compact(head) in self.spec.cue_owners:
            return None  # "Revolut: revolut dot me slash annab": the service's link, whose name comes after
        return name

    # -- "@name" with a platform word nearby ----------------------------------------------------------------

    def _sigil_names(self, t: str, groups: list[Cue], taken: set[int]) -> Iterator[HandleHit]:
        spec = self.spec
        ends = [g.end for g in groups]
        starts = [g.start for g in groups]
        field_wide = {key for g in groups for key, _ in g.members if spec.platforms[key].scope == "field"}
        for s in spec.sigils:
            pos = t.find(s)
            while pos != -1:
                at = pos
                pos = t.find(s, pos + 1)
                if at in taken or (at > 0 and (t[at - 1].isalnum() or t[at - 1] in "@$._/")):
                    continue
                gap = 1 if t.startswith(" ", at + 1) and at + 2 < len(t) and t[at + 2].isalpha() else 0
                run = self._run(t, at + 1 + gap)  # "deposit required: $ BreeXO": one space after the sigil
                if run is None:
                    continue
                # Platform words of the same clause, before ("Telegram (fast reply) @anna_vip") or after
                # ("@anna_vip on telegram"); abbreviations only count right next to the name.
                keys: list[str] = []
                k = bisect.bisect_right(ends, at) - 1
                if k >= 0 and at - ends[k] <= _LOOKBACK and self._clause_gap(t[ends[k] : at]):
                    # A name with the platform's own sigil in between takes the word: in
                    # "Cashapp/Venmo: $annab / @anna-b", "$annab" stops Cash App, not Venmo.
                    between = t[ends[k] : at]
                    keys.extend(key for key, short in groups[k].members
                                if not short and not any(c in between for c in spec.platforms[key].sigils))
                name_end = at + 1 + gap + len(run)
                k2 = bisect.bisect_left(starts, name_end)
                near = k2 < len(groups) and starts[k2] - name_end <= _LOOKAHEAD
                if near and self._after_gap(t[name_end : starts[k2]]) and not _own_sigil_after(t, groups[k2].end, spec):
                    # (a platform word followed by a name of its own names that one: "IG @sofia.ldn | Revolut
                    # @sofialdn")
                    # an abbreviation after a word of its own: "@dani.rose on IG"; not "@home (IG)"
                    # (or a name in a handle's shape before it in brackets: "Follow @lola.vip (IG) for updates")
                    spoken = _WORD_RE.search(t, name_end, starts[k2]) is not None or (
                        "(" in t[name_end:starts[k2]] and _looks_like_handle(run))
                    keys.extend(key for key, short in groups[k2].members if not short or spoken)
                keys = [key for key in keys if spec.platforms[key].scope == "clause"]
                if not any(s in spec.platforms[key].sigils for key in keys):
                    keys.extend(sorted(field_wide))  # "Chime: $CarmenLV (not cashapp)" is Chime's alone
                done: set[str] = set()
                for key in keys:
                    p = spec.platforms[key]
                    if key in done or s not in p.sigils or "sigil" not in p.forms:
                        continue
                    name = self._name(p, run)
                    if name is not None and gap and not _after_spaced_sigil(t, name, at + 2 + len(name)):
                        name = None
                    if name is not None:
                        done.add(key)
                        yield HandleHit(at, at + 1 + gap + len(name), key, name, "sigil")

    def _clause_gap(self, gap: str) -> bool:
        """Text between a platform word and a later "@name" that keeps them in one clause."""
        if len(gap) > _LOOKBACK or any(c in _CLAUSE_END for c in _DOTTED_NUMBER.sub("", gap)):
            return False  # the dots of "Telegram: 415.555.0190 / @skye_sf" end no clause
        words = _WORD_RE.findall(gap)
        return len(words) <= _LOOKBACK_WORDS and not self._blocked(words)

    def _after_gap(self, gap: str) -> bool:
        """Text between "@name" and a later platform word: "@anna_vip on telegram", "@anna_vip (IG)"."""
        if len(gap) > _LOOKAHEAD or "\n" in gap:
            return False
        words = _WORD_RE.findall(gap)
        rest = _WORD_RE.sub("", gap)
        # (emoji may decorate the gap: "@lola.vip 💖 on Insta", "✨ @lola.vip ✨ on IG")
        return all(w.lower() in self.spec.after_words for w in words) and all(
            c in " \t(-–:|\ufe0f" or _decoration(c) for c in rest)

    def _blocked(self, words: list[str]) -> bool:
        if not self.blockers:
            return False
        keys = [compact(w) for w in words]
        return any(k in self.blockers for k in keys) or any(
            a + b in self.blockers for a, b in itertools.pairwise(keys))

    # -- "same on snap": a platform word that takes another platform's name -----------------------------------

    def _same_names(self, t: str, groups: list[Cue], hits: list[HandleHit]) -> Iterator[HandleHit]:
        """Names of platforms that the text says hold the same name as a handle given for another platform:
        "Insta: mia.kay (same on snap)", "Snap : manon_prv — même pseudo sur Insta", "snap: bree_atl\nTelegram
        (same as snap)".  The name is the nearest handle on the same line, else the last one on the line
        before; it must be a valid name on the new platform.  Span: from that name to the platform word."""
        named = {h.platform for h in hits}
        sources = sorted(hits)
        source_starts = [h.start for h in sources]
        group_starts = [g.start for g in groups]
        for m in _WORD_RE.finditer(t):
            if m.group().lower() not in self.spec.same_words:
                continue
            after = _WORD_RE.match(t, m.end() + 1) if t[m.end() : m.end() + 1] == " " else None
            if after is not None and after.group().lower() in self.spec.same_not_before:
                continue  # "WhatsApp same number as the ad"
            # the platform words close enough to the "same" word (groups are in text order, apart)
            k = max(0, bisect.bisect_left(group_starts, m.start() - _MAX_SAME_GAP) - 1)
            while k < len(groups) and groups[k].start <= m.end() + _MAX_SAME_GAP:
                g = groups[k]
                k += 1
                if all(key in named for key, _ in g.members) or not self._same_gap(t, g, m.start(), m.end()):
                    continue
                source = _same_source(t, sources, source_starts, m.start(), g)
                if source is None:
                    continue
                for key, _ in g.members:
                    if key not in named and self._name(self.spec.platforms[key], source.name) == source.name:
                        named.add(key)
                        yield HandleHit(min(source.start, g.start), max(source.end, g.end), key, source.name, "same")

    def _same_gap(self, t: str, g: Cue, start: int, end: int) -> bool:
        """Whether only link words, brackets and dashes stand between a "same" word at ``t[start:end]`` and
        the platform word ``g``, on one line: "same on snap", "snap same", "Telegram (same as snap)"."""
        gap = t[g.end : start] if g.end <= start else t[end : g.start] if end <= g.start else None
        if gap is None or len(gap) > _MAX_SAME_GAP or "\n" in gap:
            return False
        words = _WORD_RE.findall(gap)
        return len(words) <= 3 and all(w.lower() in self._same_gap_words for w in words) \
            and all(c in " \t()-–—:,'" for c in _WORD_RE.sub("", gap))

    # -- links ----------------------------------------------------------------------------------------------

    def _urls(self, t: str) -> Iterator[HandleHit]:
        spec = self.spec
        assert spec.url_re is not None
        for m in spec.url_re.finditer(t):
            yield from self._link_names(t, m.start(), m.end(), m.group(1).lower())

    def _hidden_urls(self, t: str) -> Iterator[HandleHit]:
        word_set = lower_words(t)[1]
        for host, first, pattern in self._hidden_links:
            if first in word_set:  # the host's first label stands as a word: "t . me", "onlyfans dot com"
                for m in pattern.finditer(t):
                    yield from self._link_names(t, m.start(), m.end(), host)

    def _telegram_app_links(self, t: str) -> Iterator[HandleHit]:
        """Telegram's own app links, "tg://resolve?domain=lola_roma_vip", which its buttons on web pages use."""
        p = self.spec.platforms["telegram"]
        for m in _TG_RESOLVE.finditer(t):
            name = p.name.cut(m.group(1))
            if name is not None and name.lower() not in p.reserved and len(name) == len(m.group(1)):
                yield HandleHit(m.start(), m.end(), "telegram", name, "url")

    def _link_names(self, t: str, start: int, path: int, host: str) -> Iterator[HandleHit]:
        """The name of the first link form of ``host`` that the path at ``t[path:]`` spells (at most one)."""
        spec = self.spec
        for platform, form in spec.url_forms.get(host, ()):
            i = path
            ok = True
            for seg in form.segments:
                if t[i : i + len(seg)].lower() == seg and t[i + len(seg) : i + len(seg) + 1] == "/":
                    i += len(seg) + 1
                else:
                    ok = False
                    break
            if not ok or not t.startswith(form.prefix, i):
                continue
            i += len(form.prefix)
            run = self._run(t, i, in_link=True)
            if run is None:
                continue
            p = spec.platforms[platform]
            name = p.name.cut(run)
            if name is None or name.lower() in p.reserved:
                continue
            yield HandleHit(start, i + len(name), platform, name, "url")
            break


# ---------------------------------------------------------------------------------------------------------
# Extractor
# ---------------------------------------------------------------------------------------------------------


def make_entities(hits: list[HandleHit], kind: str, text: str, field: str) -> Iterator[Entity]:
    """Entities for scanner hits: value ``platform:name`` lower-case (names are case-insensitive on every
    platform read here), ``attrs`` the platform and the form it was written in (url, sigil, label, bare, same:
    given for another platform, "same on snap")."""
    for h in hits:
        yield Entity(kind, f"{h.platform}:{h.name.lower()}", field, h.start, h.end, text[h.start : h.end],
                     {"platform": h.platform, "form": h.form})


@functools.lru_cache(maxsize=1)
def _default_handle_scanner() -> PlatformScanner:
    blockers = platform_spec("payments.yaml").full_cues
    return PlatformScanner(platform_spec("handles.yaml"), blockers)


class HandleExtractor:
    """Messaging and social handles (kind ``handle``, value ``platform:name``)."""

    name = "handles"
    kinds: tuple[str, ...] = ("handle",)

    def __init__(self, patterns: Path | PlatformSpec | None = None,
                 blockers: frozenset[str] | None = None) -> None:
        """Use the packaged ``handles.yaml``, a user's copy at ``patterns`` or a compiled spec.

        ``blockers`` are the platform words of the other file (``payments.yaml``); the packaged ones by default.
        """
        if patterns is None and blockers is None:
            self._scanner = _default_handle_scanner()
        else:
            spec = platform_spec("handles.yaml") if patterns is None else (
                patterns if isinstance(patterns, PlatformSpec) else load_platform_spec(patterns))
            if blockers is None:
                blockers = platform_spec("payments.yaml").full_cues
            self._scanner = PlatformScanner(spec, blockers)

    @property
    def scanner(self) -> PlatformScanner:
        return self._scanner

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        hits = self._scanner.scan(text)
        if hits and any(mark in text for mark in _CREDIT_MARKS):
            hits = [h for h in hits if not _credited(text, h)]
        page = _page_hits(text, self._scanner.spec) if "\n" in text else []
        if "(@" in text:
            page += _title_hits(text, self._scanner.spec)
        if page:
            seen = {(h.platform, h.name.lower()) for h in hits}
            hits = sorted([*hits, *(h for h in page if (h.platform, h.name.lower()) not in seen)])
        yield from make_entities(hits, self._scanner.spec.kind, text, field)


# A profile page pasted or scraped whole opens with the platform's name alone on its first line, the field's
# or one after a blank line ("Telegram\nLuna\nlast seen recently\n...\nUsername\n@luna_ldn",
# "OnlyFans\nScarlett ✓\n@scarlettgrey", "Instagram\nmia.rose ✓\nFollow  Message"): the page's own name is
# that platform's, written alone on a line near the top with its sigil, or right under the header without one
# when it looks like a handle.
_PAGE_LINES = 8
_PAGE_DECORATION = frozenset(" \t✓✔☑️\ufe0f✅💎⭐🌟✨")


# An X (Twitter) profile names no platform at its top; its "Joined <month> <year>" line, in the site's
# languages ("S-a alăturat în mai 2021", "Dołączył(a) w marcu 2019"), and its tabs tell it: its own "@name" is
# then alone on one of its first lines, under the display name ("Mia Rose 🌹\n@miarose_xo\n...\nJoined March
# 2021\n245 Following  12.3K Followers").
_X_PAGE = re.compile(
    r"(?:\bJoined|\bA rejoint (?:X|Twitter) en|\bSe unió en|\bBeigetreten|\bIscrizione:|\bDołączył\(?a?\)?:?"
    r"|\bLid sinds|\bEntrou em|\bIngressou em|\bS-a alăturat)[ \t]+(?:(?:în|in|w|im)[ \t]+)?[^\W\d_]+[ \t]+"
    r"(?:de[ \t]+)?(?:19|20)[0-9]{2}\b"
    r"|^Posts[ \t]+Replies\b", re.MULTILINE)
_X_HEAD_LINES = 4


def _page_header(text: str, spec: PlatformSpec) -> tuple[set[str], int]:
    """The platform keys of a page's header line (the field's first line, or one after a blank line: a page
    pasted under the ad, "...\n\nTelegram\nRhea\n...") and where the line after it starts."""
    head = 0
    for _ in range(_PAGE_PARAGRAPHS):
        first = text.find("\n", head)
        if 0 < first - head <= 24:
            owners = spec.cue_owners.get(compact(text[head:first].strip(" \t\r📱💬")), ())
            if owners:
                return {key for key, _short in owners}, first + 1
        head = text.find("\n\n", head)
        if head < 0:
            break
        head += 2
    return set(), 0


_PAGE_PARAGRAPHS = 12


def _page_hits(text: str, spec: PlatformSpec) -> list[HandleHit]:
    keys, start = _page_header(text, spec)
    lines = _PAGE_LINES
    if len(keys) != 1:
        # no header, or a word of several platforms: an X profile, or no page
        if "x" not in spec.platforms or _X_PAGE.search(text, 0, 20_000) is None:
            return []
        keys, start, lines = {"x"}, 0, _X_HEAD_LINES
    platform = spec.platforms[keys.pop()]
    out: list[HandleHit] = []
    for k in range(lines):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        a, b = 0, len(line)
        while a < b and line[a] in " \t":
            a += 1
        while b > a and (line[b - 1] in _PAGE_DECORATION or line[b - 1] == "\r"):
            b -= 1
        word = line[a:b]
        sigil = bool(word) and word[0] in platform.sigils
        run = word[1:] if sigil else word
        shaped = any(c in "._" or c.isdigit() for c in run)
        if run and (sigil or (k == 0 and shaped and lines == _PAGE_LINES)) and " " not in run:
            name = platform.name.cut(run)
            if name == run and name.lower() not in platform.stopwords and name.lower() not in spec.stopwords:
                out.append(HandleHit(start + a, start + b, platform.key, name, "page"))
                if sigil:
                    break
        if end >= len(text):
            break
        start = end + 1
    return out


# A profile page's title as the browser or a search result shows it: "Sofia (@sofia_vlc) / X", "Nina (@nina.hh) |
# TikTok", "Scarlett (@scarlettgrey) - OnlyFans", "Mia Rose (@mia.rose.ldn) • Instagram photos and videos".
_TITLE = re.compile(r"\(@([A-Za-z0-9._]{1,40})\)[ \t]{0,2}[/|•·–—-][ \t]{0,2}([A-Za-z]{1,12})(?![^\W\d_])")


def _title_hits(text: str, spec: PlatformSpec) -> list[HandleHit]:
    out: list[HandleHit] = []
    for m in _TITLE.finditer(text):
        word = m.group(2)
        keys = {"x"} if word == "X" else {key for key, _short in spec.cue_owners.get(compact(word), ())}
        if len(keys) != 1 or not keys <= spec.platforms.keys():
            continue
        platform = spec.platforms[keys.pop()]
        name = platform.name.cut(m.group(1))
        if name is not None and name == m.group(1):
            out.append(HandleHit(m.start(1) - 1, m.end(1), platform.key, name, "page"))
    return out


# A camera opening a line right before an "@name" credits the photographer, as bios and posts do ("📸
# @lumiere.studio", "📷 by @shotbyleo", "📸 par @studio.noir"): no handle of the poster's, though a camera
# elsewhere names Instagram ("Follow for updates 📸 @ruby.haze", "IG 📸 @dani.cdmx").
_CREDIT_MARKS = ("📸", "📷")
_CREDIT_LINE = re.compile(
    r"(?:\A|\n)[ \t]*[📸📷]\ufe0f?[ \t]*(?:[:|][ \t]*)?(?:(?:by|par|por|von|di|de|door|przez|foto|ph|credit|cred)"
    r"[ \t]*:?[ \t]*)?\Z",
    re.IGNORECASE)


# ... and one with a colon or a bar after it anywhere on a line that names no Instagram ("Shoot last week 📸:
# @photo.by.ana", "New set 📸 | @photo.by.ana"; not "IG 📸: @dani.cdmx").
_CREDIT_MARKED = re.compile(r"[📸📷]\ufe0f?[ \t]*[:|][ \t]*\Z")
_INSTAGRAM_WORD = re.compile(r"(?<![^\W\d_])(?:ig|insta\w*|instagram)(?![^\W\d_])", re.IGNORECASE)


def _credited(text: str, hit: HandleHit) -> bool:
    if hit.form != "sigil":
        return False
    if _CREDIT_LINE.search(text, max(0, hit.start - 24), hit.start) is not None:
        return True
    m = _CREDIT_MARKED.search(text, max(0, hit.start - 12), hit.start)
    if m is None:
        return False
    line = text.rfind("\n", 0, m.start()) + 1
    return _INSTAGRAM_WORD.search(text, line, m.start()) is None


def _state_after_town(t: str, start: int, end: int) -> bool:
    """Whether the platform word at ``t[start:end]`` is two capitals after a comma and a capitalised word:
    a state's or a province's code after its town ("Perth, WA", "Columbia, SC"), no platform's label."""
    if end - start != 2 or not t[start:end].isupper() or start < 3:
        return False
    i = start
    if t[i - 1] == " ":
        i -= 1
    if t[i - 1] != ",":
        return False
    i -= 1
    j = i
    while j > 0 and i - j < 30 and t[j - 1].isalpha():
        j -= 1
    return j < i and t[j].isupper()

