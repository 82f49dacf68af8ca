"""Email addresses: plain ones and the forms posters use to hide them from an ``@`` search.

Ads write "anna at example dot com", "anna[at]example(dot)com", "anna (AT) example {dot} com",
"anna arobase example point com", "a n n a @ g m a i l . c o m" and "anna@gml".  All of them are read
here and reported with ``obfuscated=True``, because a hidden address is itself a signal (see the field
notes).  The value is always the plain lower-case ``local@domain``; the span covers the whole written
form, from the first character of the name to the last character of the top-level domain.

How it stays precise.  "at" is also a preposition and "point"/"punto" are ordinary words, so:

* a marker word only counts between two address parts, never on its own;
* the top-level domain must be a real one (``patterns/tlds.yaml``), so "3233@no.s" and "logo@2x.png"
  are not addresses;
* a bare "at" needs more evidence: a hidden dot in the domain, a known mail provider, or an email cue word
  just before ("E-mail: anna at example.com"); words such as "me" or "available" are never a mailbox name
  in front of it ("email me at ...");
* a domain that starts with plain dots does not continue with hidden ones ("anna@example.com . com" is
  ``example.com``).

How it stays linear.  One regular expression with no nested quantifiers cuts the text into tokens (words,
spaces, ``@``, ``.``, bracketed markers such as ``[at]``); each ``@``-marker then looks at a bounded number
of tokens on either side.  A regex such as ``[\\w.-]+@[\\w.-]+\\.[a-z]+`` would backtrack quadratically on
hostile input instead.

The word lists live in ``patterns/emails.yaml`` (per language, extendable without code).  This module
also holds the small loader that every extractor uses to read and check its pattern file
(:func:`read_pattern_file`, :class:`PatternReader`, :class:`PatternError`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import yaml

from unveil.errors import UnveilError
from unveil.extract.base import AdContext
from unveil.extract.literals import literal_alternation
from unveil.normalise.deobfuscate import folded_text
from unveil.normalise.memo import per_text
from unveil.types import Entity

__all__ = [
    "EmailExtractor",
    "EmailMatch",
    "EmailPatterns",
    "PatternError",
    "PatternReader",
    "find_emails",
    "load_email_patterns",
    "lower_words",
    "needs_fold",
    "parse_email_patterns",
    "read_pattern_file",
    "scan_emails",
    "valid_domain",
]

MAX_LOCAL = 64
MAX_DOMAIN = 253
MAX_LABEL = 63
MAX_PARTS = 10  # dotted parts on either side of the "@": bounds the work per marker
CUE_WINDOW = 40  # characters before a bare "at" searched for an email cue word

# ---------------------------------------------------------------------------------------------------------
# Pattern files (shared by every extractor that keeps its words in patterns/*.yaml)
# ---------------------------------------------------------------------------------------------------------

_LANG_KEY = re.compile(r"any|[a-z]{2,3}")
TOP = "(top level)"  # the key path of a whole pattern file in error messages


class PatternError(UnveilError, ValueError):
    """A pattern file is malformed.

    The message names the file, the key path inside it and what is wrong, so that a user who edited the
    file can fix it without reading code: ``handles.yaml: platforms.kik.name.min: must be an integer``.
    """

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem


def read_pattern_file(source: str | Path) -> tuple[str, Any]:
    """Read and parse one YAML pattern file.

    Args:
        source: A bare file name is read from the package's ``extract/patterns/``; a ``Path`` from disk
            (a user's own copy with extra platforms or languages).

    Returns:
        ``(label, data)``: the label names the file in error messages.

    Raises:
        PatternError: The file cannot be read or is not valid YAML.
    """
    if isinstance(source, Path):
        label = str(source)
        try:
            text = source.read_text(encoding="utf-8")
        except OSError as exc:
            raise PatternError(label, "(file)", f"cannot be read: {exc.strerror or exc}") from exc
    else:
        label = f"unveil/extract/patterns/{source}"
        text = resources.files("unveil.extract").joinpath("patterns", source).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        raise PatternError(label, where, f"invalid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    return label, data


class PatternReader:
    """Typed, checked access to a parsed pattern file.

    Every accessor takes the value and its dotted key path and either returns a clean Python value or
    raises :class:`PatternError` naming the file and key.  Loud errors at load time beat silently
    ignoring a misspelt key, which would quietly stop an extractor from finding anything.
    """

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, problem: str) -> NoReturn:
        raise PatternError(self.file, key, problem)

    def mapping(self, value: Any, key: str, *, allowed: tuple[str, ...] | None = None,
                required: tuple[str, ...] = ()) -> dict[str, Any]:
        """A mapping with string keys; ``allowed`` catches typos, ``required`` missing keys."""
        if not isinstance(value, dict):
            self.fail(key, f"must be a mapping, not {type(value).__name__}")
        for k in value:
            if not isinstance(k, str):
                self.fail(key, f"key {k!r} must be a string")
            if allowed is not None and k not in allowed:
                path = k if key == TOP else f"{key}.{k}"
                self.fail(path, f"unknown key (expected one of: {', '.join(allowed)})")
        for k in required:
            if k not in value:
                self.fail(key, f"missing required key {k!r}")
        return value

    def string(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"must be a non-empty string, not {value!r}")
        return value.strip()

    def integer(self, value: Any, key: str, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"must be an integer, not {value!r}")
        if not lo <= value <= hi:
            self.fail(key, f"must be between {lo} and {hi}, not {value}")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false, not {value!r}")
        return value

    def words(self, value: Any, key: str, *, lower: bool = True) -> list[str]:
        """A list of non-empty strings (numbers are accepted and read as text)."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, f"must be a list, not {type(value).__name__}")
        out: list[str] = []
        for idx, item in enumerate(value):
            if isinstance(item, bool):
                self.fail(f"{key}[{idx}]", f"must be a string, not {item!r} (YAML reads unquoted yes, no, on and "
                          "off as true/false: write \"on\")")
            if not isinstance(item, str | int):
                self.fail(f"{key}[{idx}]", f"must be a string, not {item!r}")
            word = str(item).strip()
            if not word:
                self.fail(f"{key}[{idx}]", "must not be empty")
            out.append(word.lower() if lower else word)
        return out

    def lang_words(self, value: Any, key: str, *, lower: bool = True) -> dict[str, list[str]]:
        """``{language: [words]}`` where a language is ``any`` or an ISO 639 code."""
        if value is None:
            return {}
        data = self.mapping(value, key)
        out: dict[str, list[str]] = {}
        for lang, words in data.items():
            if not _LANG_KEY.fullmatch(lang):
                self.fail(f"{key}.{lang}", "language must be 'any' or an ISO 639-1 code such as 'fr'")
            out[lang] = self.words(words, f"{key}.{lang}", lower=lower)
        return out

    def str_map(self, value: Any, key: str) -> dict[str, str]:
        """A mapping of string to string, keys lower-cased."""
        if value is None:
            return {}
        data = self.mapping(value, key)
        return {k.lower(): self.string(v, f"{key}.{k}").lower() for k, v in data.items()}


def all_words(by_lang: Mapping[str, list[str]]) -> frozenset[str]:
    return frozenset(w for words in by_lang.values() for w in words)


def words_alternation(words: set[str] | frozenset[str]) -> str:
    """A regex alternation of literal words, longest first so that no word hides a longer one."""
    return literal_alternation(words, r"\ ", ignore_case=False)


# ---------------------------------------------------------------------------------------------------------
# Email patterns
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmailPatterns:
    """The compiled content of ``emails.yaml`` and ``tlds.yaml``."""

    at_strong: frozenset[str]
    at_weak: frozenset[str]
    at_bracketed: frozenset[str]  # "@" only in brackets: "anna(a)example.com"
    at_provider: frozenset[str]  # "@" only between an address-shaped name and a provider: "anna.b sur gmail"
    at_words: frozenset[str]  # every at-word a word token may be (strong, weak and provider)
    provider_at_re: re.Pattern[str] | None  # a provider preposition, then a mail provider's first label
    provider_names: frozenset[str]  # the first labels of the providers and the bare short forms ("gmail")
    bracketed_re: re.Pattern[str] | None
    dot_words: frozenset[str]
    joiner_words: Mapping[str, str]  # words for "_" or "-" inside a mailbox name ("mila underscore rose")
    joiner_last_words: frozenset[str]  # their last words ("bas" of "tiret bas")
    local_stopwords: frozenset[str]
    providers: frozenset[str]
    not_mail: frozenset[str]
    bare: Mapping[str, str]
    labels: Mapping[str, str]
    split: Mapping[tuple[str, str], str]  # a provider's name cut in two words: ("g", "mail") -> "gmail"
    tlds: frozenset[str]
    token_re: re.Pattern[str]
    hint_re: re.Pattern[str]
    after_word_re: re.Pattern[str]
    affixed_res: tuple[re.Pattern[str], ...]  # an at-word between doubled dashes or underscores, " _at_ "
    cue_re: re.Pattern[str]
    at_first_words: frozenset[str]  # the first word of each at-word, lower-case
    named_re: re.Pattern[str] | None  # a provider's name for its domain: "Gmail: mia.rose", "mia.rose (gmail)"
    named_words: frozenset[str]  # the provider names it reads (the ``bare`` short forms), lower-case
    split_at_re: re.Pattern[str] | None  # an "@" beside a line break before a provider: "mia.rose\n@gmail.com"


def _joiner_words(r: PatternReader, data: Any, taken: frozenset[str]) -> dict[str, str]:
    """``joiner_words``: ``{"_": {lang: [words]}, "-": {...}}`` -> ``{word: "_" or "-"}``."""
    out: dict[str, str] = {}
    for mark, words in r.mapping(data or {}, "joiner_words", allowed=("_", "-")).items():
        for w in all_words(r.lang_words(words, f"joiner_words.{mark}")):
            if not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)?", w):
                r.fail(f"joiner_words.{mark}", f"{w!r} is not one or two words of letters")
            if w in taken or out.get(w, mark) != mark:
                r.fail(f"joiner_words.{mark}", f"{w!r} is also listed as another at-, dot- or joiner word")
            out[w] = mark
    return out


def _parse_email_patterns(label: str, data: Any, tlds: frozenset[str]) -> EmailPatterns:
    r = PatternReader(label)
    top = r.mapping(data, TOP, allowed=(
        "at_words", "dot_words", "joiner_words", "cue_words", "local_stopwords", "providers", "not_mail_domains",
        "shortcuts", "label_copulas"), required=("at_words", "dot_words"))
    at = r.mapping(top["at_words"], "at_words", allowed=("strong", "weak", "bracketed", "provider"))
    at_strong = all_words(r.lang_words(at.get("strong"), "at_words.strong"))
    at_weak = all_words(r.lang_words(at.get("weak"), "at_words.weak"))
    at_bracketed = all_words(r.lang_words(at.get("bracketed"), "at_words.bracketed"))
    at_provider = all_words(r.lang_words(at.get("provider"), "at_words.provider")) - at_strong - at_weak
    dots = all_words(r.lang_words(top["dot_words"], "dot_words"))
    if not at_strong | at_weak:
        r.fail("at_words", "lists no word at all")
    for key, words in (("at_words", at_strong | at_weak | at_provider), ("dot_words", dots)):
        for w in words:
            if not re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", w):
                r.fail(key, f"{w!r} is not a word (letters only)")
    if (at_strong | at_weak | at_provider) & dots:
        r.fail("dot_words", f"{sorted((at_strong | at_weak | at_provider) & dots)} also listed as at_words")
    joiners = _joiner_words(r, top.get("joiner_words"), at_strong | at_weak | at_provider | dots)
    cues = all_words(r.lang_words(top.get("cue_words"), "cue_words"))
    shortcuts = r.mapping(top.get("shortcuts") or {}, "shortcuts", allowed=("bare", "labels", "split"))
    bare = r.str_map(shortcuts.get("bare"), "shortcuts.bare")
    for k, v in bare.items():
        if "." not in v or v.rsplit(".", 1)[1] not in tlds:
            r.fail(f"shortcuts.bare.{k}", f"{v!r} is not a full domain with a known top-level domain")
    labels = r.str_map(shortcuts.get("labels"), "shortcuts.labels")
    split: dict[tuple[str, str], str] = {}
    for k, v in r.str_map(shortcuts.get("split"), "shortcuts.split").items():
        parts = k.lower().split()
        if len(parts) != 2 or not re.fullmatch(r"[a-z0-9-]+", v):
            r.fail(f"shortcuts.split.{k}", "needs two words and one domain label: 'g mail: gmail'")
        split[(parts[0], parts[1])] = v
    for k, v in labels.items():
        if not re.fullmatch(r"[a-z0-9-]+", v):
            r.fail(f"shortcuts.labels.{k}", f"{v!r} must be one domain label (no dots)")
    markers = at_strong | at_weak | dots
    marker_alt = words_alternation(markers)
    bracket_alt = words_alternation(markers | at_bracketed)
    token_re = re.compile(
        rf"(?P<b>[\[\(\{{<#*«【⟨「〈][ \t]{{0,2}}(?:{bracket_alt}|@|\.)[ \t]{{0,2}}[\]\)\}}>#*»】⟩」〉]"
        # dashes as brackets only between spaces: "anna -at- example -dot- com", not "stay-at-home"; doubled
        # anywhere ("amber--at--hotmail--dot--com"); underscores between spaces ("julie _arobase_ gmail")
        rf"|(?<!\S)-(?:{marker_alt})-(?!\S)|--(?:{marker_alt})--|(?<!\S)_(?:{marker_alt})_(?!\S))"
        r"|(?P<w>[\w%+']+(?:-[\w%+']+)*(?:-(?!-))?)"
        r"|(?P<s>[^\S\n\r\v\f\x85\u2028\u2029]+)"
        r"|(?P<n>\s+)"
        r"|(?P<a>@)"
        r"|(?P<d>\.)"
        r"|(?P<x>.)",
        re.IGNORECASE | re.DOTALL,
    )
    # "＠" and "﹫" fold to "@": the hint is also tested on unfolded text, to skip folding most ads.
    hint_re = re.compile(rf"[@＠﹫]|(?<!\w)(?:{words_alternation(at_strong | at_weak)})(?!\w)", re.IGNORECASE)
    # What must follow an at-word for an address to be possible: a domain label, then a dot in some form
    # or the end of a bare short form ("at gml").  Checked before tokenising, so prose such as "available
    # at night" costs one short match.
    dot_alt = words_alternation(dots)
    # (a bracket's end or a dash before the label; "." or a dot word, bare or in brackets or dashes, after it)
    opening = r"[ \t]{0,2}(?:[\]\)\}>#*»】⟩」〉_]|--?)?[ \t]{0,3}"
    seconds = words_alternation(frozenset(b for _, b in split)) if split else ""
    dotted = (r"[\w-]{1,63}" + (rf"(?:[ \t](?:{seconds}))?" if seconds else "")
              + rf"(?:[ \t]{{0,3}}(?:\.|[\[\(\{{<#*«【⟨「〈_-][ \t]{{0,2}}(?:{dot_alt}|\.))"
              rf"|[ \t]{{1,3}}(?:{dot_alt})[ \t])")
    if bare:
        dotted = rf"(?:{dotted}|(?:{words_alternation(frozenset(bare))})(?![\w.]))"
    # ... or a label spaced out letter by letter before its dot: "(a) i c l o u d . c o m"
    dotted = rf"(?:{dotted}|\w(?:[ \t]\w){{2,62}}[ \t]?\.)"
    after_word_re = re.compile(opening + dotted, re.IGNORECASE)
    at_alt = words_alternation(at_strong | at_weak)
    # Two patterns that each start with a literal, which the engine scans for quickly ("--" and " _" stand in
    # many ads as decoration; an alternation of them would be tried at every character).
    affixed_res = (re.compile(rf"--(?:{at_alt})--", re.IGNORECASE),
                   re.compile(rf" _(?:{at_alt})_(?!\S)", re.IGNORECASE))
    cue_re = re.compile(rf"(?<!\w)(?:{words_alternation(cues)})(?!\w)" if cues else r"(?!x)x", re.IGNORECASE)
    bracketed_re = re.compile(
        rf"[\[\(\{{<][ \t]{{0,2}}(?:{words_alternation(at_bracketed)})[ \t]{{0,2}}[\]\)\}}>]", re.IGNORECASE
    ) if at_bracketed else None
    providers = frozenset(r.words(top.get("providers"), "providers"))
    provider_names = _provider_labels(providers) | frozenset(bare)
    provider_at_re = re.compile(
        rf"(?<!\w)(?:{words_alternation(at_provider)})[ \t]{{1,3}}(?:{words_alternation(provider_names)})(?![\w-])",
        re.IGNORECASE,
    ) if at_provider and providers else None
    copulas = all_words(r.lang_words(top.get("label_copulas"), "label_copulas"))
    named_re, split_at_re = _provider_named_res(bare, providers, copulas)
    return EmailPatterns(
        at_strong=at_strong,
        at_weak=at_weak,
        at_bracketed=at_bracketed,
        at_provider=at_provider,
        at_words=at_strong | at_weak | at_provider,
        provider_at_re=provider_at_re,
        provider_names=provider_names,
        bracketed_re=bracketed_re,
        dot_words=dots,
        joiner_words=joiners,
        joiner_last_words=frozenset(w.rsplit(" ", 1)[-1] for w in joiners),
        local_stopwords=all_words(r.lang_words(top.get("local_stopwords"), "local_stopwords")),
        providers=providers,
        not_mail=frozenset(r.words(top.get("not_mail_domains"), "not_mail_domains")),
        bare=bare,
        labels=labels,
        split=split,
        tlds=tlds,
        token_re=token_re,
        hint_re=hint_re,
        after_word_re=after_word_re,
        affixed_res=affixed_res,
        cue_re=cue_re,
        at_first_words=frozenset(re.split(r"[ '-]", w)[0].lower() for w in at_strong | at_weak),
        named_re=named_re,
        named_words=frozenset(k.lower() for k in bare),
        split_at_re=split_at_re,
    )


# A mailbox name as posters write it: a letter or digit first, then letters, digits, ".", "_" or "-".
_MAILBOX = r"[a-z0-9][a-z0-9._-]{0,63}"


def _provider_named_res(bare: Mapping[str, str], providers: frozenset[str],
                        copulas: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The patterns of :func:`_provider_named`.  Each starts at a word's start and reads a bounded name, so
    a scan stays linear."""
    named = None
    if bare:
        alt = words_alternation(frozenset(bare))
        copula = rf"|[ \t]+(?:{words_alternation(copulas)})[ \t]*:?[ \t]*" if copulas else ""
        named = re.compile(
            # "Gmail: mia.rose", "gmail -> mia.rose", "Gmail:\nmia.rose", "my gmail is mia.rose"
            rf"(?<![\w.@-])(?P<p>{alt})"
            rf"(?P<sep>[ \t]*(?:[:=|>»➜→➡]|[-–—]{{1,2}}>?)[ \t]*(?:\r?\n[ \t]*)?|[ ]*\t[ \t]*{copula})"
            rf"(?P<n>{_MAILBOX})(?![\w@])"
            # "mia.rose (gmail)", "mia.rose [Gmail]"
            rf"|(?<![\w.@-])(?P<bn>{_MAILBOX})[ \t]*[(\[][ \t]*(?P<bp>{alt})[ \t]*[)\]]",
            re.IGNORECASE,
        )
    split_at = re.compile(
        rf"(?<![\w.@-])(?P<n>{_MAILBOX})(?:[ \t]*\r?\n[ \t]*@|@[ \t]*\r?\n)[ \t]*"
        rf"(?P<d>{words_alternation(providers)})(?![\w-]|\.[a-z])",
        re.IGNORECASE,
    ) if providers else None
    return named, split_at


def _named_mailbox(name: str, pats: EmailPatterns, strict: bool, plain_min: int = 6) -> str | None:
    """``name`` without a sentence's final dot, when it can be a mailbox: not a stop word; and when it is
    a plain word, not ``strict`` and at least ``plain_min`` letters long (a name with a digit, ".", "_"
    or "-" is an address's: "mia.rose", "lola_22")."""
    name = name.rstrip("._-").lower()
    if len(name) < 3 or ".." in name or name in pats.local_stopwords:
        return None
    if name.isalpha() and (strict or len(name) < plain_min):
        return None  # "Gmail: yes"; and no provider with one domain takes names this short
    return name


# The marks after which a plain word is a mailbox's name ("Gmail: sexylola"); after a dash it may be the
# next item of a list of apps ("Gmail - Facebook").
_LABEL_MARKS = frozenset((":", "=", "->", "=>", "➜", "→", "➡"))


def _provider_named(text: str, pats: EmailPatterns) -> list[EmailMatch]:
    """Addresses whose provider stands as a label or in brackets ("Gmail: mia.rose", "my gmail is
    lola_22", "mia.rose (gmail)"), only for providers with one domain (the ``bare`` short forms); and
    addresses cut by a line break at the "@" ("mia.rose\n@gmail.com"), only before a known provider."""
    out: list[EmailMatch] = []
    if pats.named_re is not None:
        for m in pats.named_re.finditer(text):
            if m.group("p") is not None:
                # a plain word is a name only after a label's mark at the end of its line ("Gmail: sexylola")
                sep = m.group("sep")
                end = m.end("n")
                plain_ok = sep.strip(" \t\r\n") in _LABEL_MARKS \
                    and text[end:].split("\n", 1)[0].strip(" \t.!") == ""
                name = _named_mailbox(m.group("n"), pats, strict=not plain_ok)
                domain = pats.bare.get(m.group("p").lower())
                if name is not None and domain is not None:
                    out.append(EmailMatch(m.start(), m.start("n") + len(name), f"{name}@{domain}", True))
            else:
                name = _named_mailbox(m.group("bn"), pats, strict=True)
                domain = pats.bare.get(m.group("bp").lower())
                if name is not None and domain is not None:
                    out.append(EmailMatch(m.start(), m.end(), f"{name}@{domain}", True))
    if pats.split_at_re is not None and "@" in text and "\n" in text:
        for m in pats.split_at_re.finditer(text):
            name = _named_mailbox(m.group("n"), pats, strict=False, plain_min=3)
            if name is not None:
                out.append(EmailMatch(m.start(), m.end(), f"{name}@{m.group('d').lower()}", True))
    if "@" in text and "\n" in text:
        taken = {(e.start, e.end) for e in out}
        for m in _SPLIT_AFTER_AT.finditer(text):
            if (m.start(), m.end()) not in taken and valid_domain(m.group("d")):
                out.append(EmailMatch(m.start(), m.end(), f"{m.group('n')}@{m.group('d')}".lower(), True))
    return out


# An address whose "@" ends a line and whose domain opens the next, any domain with a real top level: "Email
# me: jenna.yyz@\nexample.com" (OCR and narrow columns break lines there).  The "@" stays with the mailbox,
# so no handle on the next line is read as a domain.
_SPLIT_AFTER_AT = re.compile(
    rf"(?<![\w.@-])(?P<n>{_MAILBOX})@[ \t]*\r?\n[ \t]*"
    r"(?P<d>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}[a-z]{2,24})(?![\w-]|\.[a-z])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def tlds_file() -> tuple[PatternReader, dict[str, Any]]:
    """The checked top level of ``patterns/tlds.yaml`` with a reader for its keys (emails and web
    addresses both read it)."""
    label, data = read_pattern_file("tlds.yaml")
    r = PatternReader(label)
    return r, r.mapping(data, TOP, allowed=("tlds", "reserved", "bare_hosts", "bare_host_labels",
                                                       "country_hosts", "word_hosts", "not_sites",
                                                       "name_paths"),
                        required=("tlds",))


@functools.lru_cache(maxsize=1)
def known_tlds() -> frozenset[str]:
    """The real top-level domains (IANA root zone plus ``example``/``test``), lower-case."""
    r, top = tlds_file()
    return frozenset(r.words(top["tlds"], "tlds")) | frozenset(r.words(top.get("reserved"), "reserved"))


def parse_email_patterns(label: str, data: Any) -> EmailPatterns:
    """Check and compile the parsed content of an ``emails.yaml`` (``label`` names it in errors).

    Raises:
        PatternError: The content is malformed; the message names the key.
    """
    return _parse_email_patterns(label, data, known_tlds())


def load_email_patterns(path: Path | None = None) -> EmailPatterns:
    """Load and check ``emails.yaml`` (or a user's copy at ``path``).

    Raises:
        PatternError: The file is malformed; the message names the key.
    """
    label, data = read_pattern_file(path if path is not None else "emails.yaml")
    return _parse_email_patterns(label, data, known_tlds())


@functools.lru_cache(maxsize=1)
def email_patterns() -> EmailPatterns:
    """The packaged patterns, loaded once per process."""
    return load_email_patterns()


# ---------------------------------------------------------------------------------------------------------
# Scanner
# ---------------------------------------------------------------------------------------------------------

# Token kinds.
_W, _S, _N, _AT, _DOT, _BAT, _BDOT, _X = range(8)
_GROUP_KIND = {"w": _W, "s": _S, "n": _N, "a": _AT, "d": _DOT, "x": _X}

# Styles of the "@" marker, from plain to weakest evidence.
_PLAIN, _SPACED, _BRACKET, _STRONG, _WEAK, _PROVIDER = range(6)
# Families of the separators between domain labels: ".", " . ", " dot ", "[dot]".
_GLUED, _SPACED_DOT, _WORD_DOT, _BRACKET_DOT, _COMMA_DOT = range(5)

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_%+-'")
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_LEAD_PUNCT = "._%+-'"
_WORD_BEFORE = re.compile(r"([^\W\d_]+) \Z")
_GLUED_MARKS = frozenset(",·•∙⋅")  # a mark glued between two parts of a name (OCR's comma for a dot)


class EmailMatch(NamedTuple):
    """One address: ``[start, end)`` in the scanned text, the plain value, and whether it was hidden."""

    start: int
    end: int
    value: str
    obfuscated: bool


class _Tokens:
    """The text cut into tokens: parallel lists of kind, start and end."""

    __slots__ = ("ends", "kinds", "markers", "n", "starts", "text")

    def __init__(self, text: str, pats: EmailPatterns) -> None:
        self.text = text
        kinds: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        markers: list[int] = []  # indices of tokens that may stand for "@"
        at_words = pats.at_words
        for m in pats.token_re.finditer(text):
            group = m.lastgroup or "x"
            s, e = m.span()
            if group == "b":
                inner = text[s + 1 : e - 1].strip(" \t-_").lower()
                kind = _BAT if inner == "@" or inner in at_words or inner in pats.at_bracketed \
                    else _BDOT if inner == "." or inner in pats.dot_words else _X
            else:
                kind = _GROUP_KIND[group]
            if kind in (_AT, _BAT) or (kind == _W and text[s:e].lower() in at_words):
                markers.append(len(kinds))
            kinds.append(kind)
            starts.append(s)
            ends.append(e)
        self.kinds = kinds
        self.starts = starts
        self.ends = ends
        self.markers = markers
        self.n = len(kinds)

    def kind(self, i: int) -> int:
        return self.kinds[i] if 0 <= i < self.n else _N

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def single(self, i: int) -> bool:
        """A one-character letter/digit, ``@`` or ``.`` token (a piece of a spaced-out address)."""
        k = self.kind(i)
        return (k == _W and self.ends[i] - self.starts[i] == 1 and self.text[self.starts[i]].isalnum()) or k in (
            _AT, _DOT)

    def one_space(self, i: int) -> bool:
        return self.kind(i) == _S and self.ends[i] - self.starts[i] == 1


def _valid_suffix(word: str, allowed: frozenset[str]) -> str:
    i = len(word)
    while i > 0 and word[i - 1] in allowed:
        i -= 1
    return word[i:]


def _valid_prefix(word: str, allowed: frozenset[str]) -> str:
    i = 0
    while i < len(word) and word[i] in allowed:
        i += 1
    return word[:i]


class _Scanner:
    """Reads the addresses around each "@"-marker of one text."""

    def __init__(self, text: str, pats: EmailPatterns) -> None:
        self.text = text
        self.p = pats
        self.t = _Tokens(text, pats)

    # -- the marker ---------------------------------------------------------------------------------------

    def style(self, i: int) -> int | None:
        t = self.t
        k = t.kinds[i]
        if k == _AT:
            return _PLAIN if t.kind(i - 1) == _W and t.kind(i + 1) == _W else _SPACED
        if k == _BAT:
            return _BRACKET
        # A marker word counts only as a word of its own between spaces.
        if t.kind(i - 1) != _S or t.kind(i + 1) != _S:
            return None
        word = t.word(i).lower()
        if word in self.p.at_strong:
            return _STRONG
        if word in self.p.at_weak:
            return _WEAK
        # "sur", "bei": only right before a mail provider's name
        nxt = t.word(i + 2).lower() if t.kind(i + 2) == _W else ""
        return _PROVIDER if nxt in self.p.provider_names else None

    def dot_word(self, i: int) -> bool:
        return self.t.kind(i) == _W and self.t.word(i).lower() in self.p.dot_words

    # -- the name before the "@" ----------------------------------------------------------------------------

    def _sep_back(self, j: int, spaced: bool = False) -> tuple[int, bool, str] | None:
        """The part before the separator that ends just before token ``j``: (index, hidden?, separator).

        With ``spaced`` (a name before a spaced or word "@") a dot between single spaces counts too:
        "sophie . m @ gmail . com", unless the word before it is prose ("email . anna @ ...").  A word for
        "_" or "-" between single spaces joins two parts with its mark: "mila underscore rose at ..."."""
        t = self.t
        if t.kind(j - 1) == _DOT and t.kind(j - 2) == _W:
            return j - 2, False, "."
        if spaced and t.one_space(j - 1) and t.kind(j - 2) == _DOT and t.one_space(j - 3) and t.kind(j - 4) == _W \
                and t.word(j - 4).lower() not in self.p.local_stopwords:
            return j - 4, True, "."
        if t.kind(j - 1) == _S and t.kind(j - 2) == _W and t.kind(j - 3) == _S and t.kind(j - 4) == _W:
            word = t.word(j - 2).lower()
            if word in self.p.dot_words:
                return j - 4, True, "."
            if t.one_space(j - 1) and t.one_space(j - 3):
                joiners = self.p.joiner_words
                if t.one_space(j - 5) and t.kind(j - 6) == _W:  # two words: "guion bajo", "tiret bas"
                    mark = joiners.get(t.word(j - 4).lower() + " " + word)
                    if mark is not None:
                        return j - 6, True, mark
                mark = joiners.get(word)
                if mark is not None:
                    return j - 4, True, mark
        k = j - 1
        if t.kind(k) == _S:
            k -= 1
        if t.kind(k) == _BDOT:
            k -= 1
            if t.kind(k) == _S:
                k -= 1
            if t.kind(k) == _W:
                return k, True, "."
        return None

    def local(self, i: int, style: int) -> tuple[int, str, bool] | None:
        """``(start, local, hidden?)`` of the mailbox name that ends before marker token ``i``."""
        t = self.t
        j = i - 1
        if style != _PLAIN and t.kind(j) == _S:
            j -= 1
        if t.kind(j) != _W:
            return None
        if style != _PLAIN and t.single(j) and t.one_space(j - 1) and t.single(j - 2):
            # "a n n a @ ...", and a spaced name before an at-word: "s o f i . v i p arroba gmail punto com"
            # (not its last letter alone, "p@gmail.com")
            spaced = self._spaced_back(j)
            if spaced is not None:
                return spaced
            if style != _SPACED:
                return None
        word = t.word(j)
        atom = _valid_suffix(word, _LOCAL_CHARS)
        if not atom or len(atom) < len(word):
            return None  # a name with a letter no address holds ("chloé.massage@"): not its tail
        atoms = [atom]
        seps: list[str] = []
        start = t.ends[j] - len(atom)
        hidden = False
        size = len(atom)
        if len(atom) == len(word):
            while len(atoms) < MAX_PARTS:
                back = self._sep_back(j, style != _PLAIN)
                if back is None:
                    break
                nj, sep_hidden, sep = back
                word = t.word(nj)
                if any(c not in _LOCAL_CHARS for c in word):
                    return None
                if size + len(word) + 1 > MAX_LOCAL:
                    break
                atoms.append(word)
                seps.append(sep)
                size += len(word) + 1
                hidden |= sep_hidden
                j = nj
                start = t.starts[nj]
            if t.kind(j - 1) == _DOT and t.kind(j - 2) != _W:
                return None  # "..anna@", ".anna@": a malformed name
        text = self.text
        before = _WORD_BEFORE.search(text, max(0, start - 24), start)
        if before is not None and before.group(1).lower() in self.p.joiner_last_words:
            return None  # "julie tiret du bas lyon arobase ...": a joiner the patterns do not know cut the name
        if start >= 2 and text[start - 1] in _GLUED_MARKS and text[start - 2].isalnum() \
                and "@" not in text[max(0, start - MAX_LOCAL - 256) : start].rsplit(None, 1)[-1]:
            # "mia,rose@gmail.com", "anna·b@gmail.com": a name cut by a mark, not its tail (but
            # "anna@gmail.com,mia@gmail.com" lists two)
            return None
        local = atoms[-1] + "".join(sep + atom for sep, atom in zip(reversed(seps), reversed(atoms[:-1]), strict=True))
        stripped = local.lstrip(_LEAD_PUNCT)
        start += len(local) - len(stripped)
        if not stripped or ".." in stripped or len(stripped) > MAX_LOCAL or stripped.endswith("-"):
            return None  # "IG-@zuri.lv" is a label and a handle: mail providers end no name with "-"
        return start, stripped, hidden

    def _spaced_back(self, j: int) -> tuple[int, str, bool] | None:
        """A spaced-out name "a n n a" ending at token ``j``."""
        t = self.t
        chars = [t.word(j)]
        first = j
        while len(chars) < MAX_LOCAL and t.one_space(first - 1) and t.single(first - 2) and t.kind(first - 2) != _AT:
            first -= 2
            chars.append(t.word(first))
        chars.reverse()
        if len(chars) < 3 or chars[0] == "." or chars[-1] == ".":
            return None
        local = "".join(chars)
        if ".." in local:
            return None
        return t.starts[first], local, True

    # -- the domain after the "@" --------------------------------------------------------------------------

    def _sep_fwd(self, k: int) -> tuple[int, int] | None:
        """The label after the separator that follows token ``k``: (index, separator family)."""
        t = self.t
        k1, k2 = t.kind(k + 1), t.kind(k + 2)
        if k1 == _DOT and k2 == _W:
            return k + 2, _GLUED
        if k1 == _X and k2 == _W and t.word(k + 1) == "," and self._provider_label(k):
            return k + 2, _COMMA_DOT  # "pauline@hotmail,fr", "grace@yahoo,co,uk": a comma for the dot
        if k1 == _DOT and t.one_space(k + 2) and t.kind(k + 3) == _W and t.word(k + 3).islower():
            return k + 3, _SPACED_DOT  # "example. com"; not a sentence's end ("me@home. Call me")
        if k1 == _S and k2 == _DOT:
            if t.kind(k + 3) == _W:
                return k + 3, _SPACED_DOT  # "example .com"
            if t.kind(k + 3) == _S and t.kind(k + 4) == _W:
                return k + 4, _SPACED_DOT  # "example . com"
            return None
        if k1 == _S and self.dot_word(k + 2) and t.kind(k + 3) == _S and t.kind(k + 4) == _W:
            return k + 4, _WORD_DOT
        m = k + 1
        if t.kind(m) == _S:
            m += 1
        if t.kind(m) == _BDOT:
            m += 1
            if t.kind(m) == _S:
                m += 1
            if t.kind(m) == _W:
                return m, _BRACKET_DOT
        return None

    def _provider_label(self, k: int) -> bool:
        """Whether word ``k`` is the first label of a mail provider's domain ("hotmail", "yahoo") or a label
        after one, which a comma may follow in place of a dot."""
        labels = _provider_labels(self.p.providers)
        return self.t.word(k).lower() in labels or (
            k >= 2 and self.t.word(k - 1) == "," and self.t.word(k - 2).lower() in labels)

    def domain(self, i: int, style: int) -> tuple[int, list[str], bool] | None:
        """``(end, labels, hidden?)`` of the domain that follows marker token ``i`` (labels as written).

        Posters hide every dot of a domain the same way.  So the separators after the first one must be of
        its kind ("example dot co dot uk") or plain dots ("example dot co.uk"), and plain dots are not
        followed by hidden ones: in "anna@example.com . com" and "anna at example dot com . Next" the
        address ends at "com".
        """
        t = self.t
        k = i + 1
        if style != _PLAIN and t.kind(k) == _S:
            k += 1
        if t.kind(k) != _W:
            return None
        if style != _PLAIN and t.single(k) and t.one_space(k + 1) and t.single(k + 2):
            return self._spaced_fwd(k)  # "@ g m a i l . c o m", "(a) i c l o u d . c o m", "at g m x . d e"
        labels: list[str] = []
        ends: list[int] = []
        hidden_after: list[bool] = []  # hidden? for the separator before each label
        first_family = -1
        family = _GLUED
        size = 0
        merged = ""
        if t.one_space(k + 1) and t.kind(k + 2) == _W:
            merged = self.p.split.get((t.word(k).lower(), t.word(k + 2).lower()), "")
        while True:
            word = t.word(k)
            if merged:  # "jenna at g mail dot com": the provider's name cut in two
                label = word = merged
                k, merged = k + 2, ""
                ends.append(t.ends[k])
            else:
                label = _valid_prefix(word, _LABEL_CHARS).rstrip("-")
                if not label or label[0] == "-" or len(label) > MAX_LABEL or size + len(label) > MAX_DOMAIN:
                    break
                ends.append(t.starts[k] + len(label))
            labels.append(label)
            hidden_after.append(family != _GLUED)
            size += len(label) + 1
            if len(label) < len(word) or len(labels) >= MAX_PARTS:
                break
            nxt = self._sep_fwd(k)
            if nxt is None:
                break
            nk, nfamily = nxt
            if first_family == -1:
                first_family = nfamily
            elif nfamily != _GLUED and (nfamily != first_family or family == _GLUED):
                break
            k, family = nk, nfamily
        best = self._best_domain(labels)
        if best is None:
            if labels and labels[0].lower() in self.p.bare:
                return ends[0], [labels[0]], True
            return None
        return ends[best - 1], labels[:best], any(hidden_after[1:best])

    def _best_domain(self, labels: list[str]) -> int | None:
        """Number of leading labels that make the longest domain with a real top-level domain."""
        for m in range(len(labels), 1, -1):
            if labels[m - 1].lower() in self.p.tlds:
                return m
        return None

    def _spaced_fwd(self, k: int) -> tuple[int, list[str], bool] | None:
        """A spaced-out domain "g m a i l . c o m" starting at token ``k``."""
        t = self.t
        chars = [t.word(k)]
        idx = [k]
        while len(chars) < MAX_DOMAIN and t.one_space(idx[-1] + 1) and t.single(idx[-1] + 2) \
                and t.kind(idx[-1] + 2) != _AT:
            idx.append(idx[-1] + 2)
            chars.append(t.word(idx[-1]))
        # The run may run on into prose ("... c o m I love"): take the longest prefix that is a domain.
        for p in range(len(chars), 2, -1):
            domain = "".join(chars[:p])
            labels = domain.split(".")
            if len(labels) >= 2 and all(labels) and labels[-1].lower() in self.p.tlds:
                return t.ends[idx[p - 1]], labels, True
        return None

    # -- one address ---------------------------------------------------------------------------------------

    def at(self, i: int) -> EmailMatch | None:
        style = self.style(i)
        if style is None:
            return None
        local = self.local(i, style)
        if local is None:
            return None
        dom = self.domain(i, style)
        if dom is None:
            return None
        start, name, local_hidden = local
        end, labels, dom_hidden = dom
        p = self.p
        written = ".".join(labels).lower()
        shortcut = False
        if len(labels) == 1:
            domain = p.bare[written]
            shortcut = True
        else:
            domain = written
            if len(labels) == 2 and labels[0].lower() in p.labels:
                domain = f"{p.labels[labels[0].lower()]}.{labels[1].lower()}"
                shortcut = True
        lname = name.lower()
        if style != _PLAIN and lname in p.local_stopwords:
            return None
        if style == _WEAK:
            if written in p.not_mail:
                return None
            if not (dom_hidden or shortcut or domain in p.providers or self._cue_before(start)):
                return None
        elif style == _PROVIDER and not ((shortcut or domain in p.providers) and (
                self._address_shaped(start, name) or self._cued_name(start, name))):
            return None  # "je suis sur gmail", "anna on gmail.com": no name in an address's shape
        hidden = style != _PLAIN or local_hidden or dom_hidden or shortcut
        return EmailMatch(start, end, f"{lname}@{domain}", hidden)

    def _address_shaped(self, start: int, name: str) -> bool:
        """A name that reads as an address's before a provider preposition: a letter first, a dot, "_", "-"
        or a digit in it; not a web address ("annavip.com on gmail"), a figure ("9.30") or a handle
        ("@anna_b on gmail")."""
        ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        return name[:1].isalpha() and _ADDRESS_SHAPED.search(name) is not None \
            and not (ending in self.p.tlds and (len(ending) == 2 or ending in _SITE_ENDINGS)) \
            and self.text[start - 1 : start] != "@"

    def _cued_name(self, start: int, name: str) -> bool:
        """A name in a site's shape after an email label: "Correo: sofi.vip en hotmail.es" is an address."""
        return "." in name and name[:1].isalpha() and self.text[start - 1 : start] != "@" and self._cue_before(start)

    def _cue_before(self, start: int) -> bool:
        lo = max(0, start - CUE_WINDOW)
        return any("\n" not in self.text[m.end() : start] for m in self.p.cue_re.finditer(self.text, lo, start))

    def scan(self) -> list[EmailMatch]:
        found = [m for m in (self.at(i) for i in self.t.markers) if m is not None]
        # Overlaps ("anna at example dot com at ..."): keep the earliest, then the longest.
        found.sort(key=lambda m: (m.start, -m.end))
        out: list[EmailMatch] = []
        last_end = -1
        for m in found:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
        return out


# What follows an "@" that may start a domain (see _Scanner.domain): spaces and a bracket's end ("(@)"),
# a word, then what comes after it on the same line.
# Possessive quantifiers: nothing is given back, so a megabyte of spaces after an "@" is read once.
_LINE_SPACE = r"[^\S\n\r\v\f\x85\u2028\u2029]*+"
_AFTER_AT_RE = re.compile(
    rf"@{_LINE_SPACE}(?:[\]\)\}}>#*]{_LINE_SPACE})?+(?P<w>[\w%+'\-]++)(?P<s>{_LINE_SPACE})"
    rf"(?:(?P<dw>[\w%+'\-]++)|(?P<n>.))?",
    re.DOTALL,
)


# A name in an address's shape, not a word of prose: "margaux.lille", "anna_b", "kim-vip", "lena92".
# Endings that make a name before a provider preposition a web address ("annavip.com on gmail"); a town's
# ending is a name's part there ("chloe.paris sur gmail", "lena.berlin bei gmail").
_SITE_ENDINGS = frozenset({"com", "net", "org", "info", "biz", "vip", "club", "xyz", "online", "site", "top", "pro",
                           "live", "link", "shop", "store", "app", "page", "blog", "web", "website"})
_ADDRESS_SHAPED = re.compile(r"[._\-0-9]")


def _at_may_start_domain(text: str, at: int, pats: EmailPatterns) -> bool:
    """Whether the "@" at ``at`` may be followed by a domain: a word, then a dot in some form (".",
    " . ", " dot ", "[dot]"), or a spaced-out letter ("g m a i l"), or a bare short form ("gml").
    "@anna_vip on telegram" is a handle: the whole field is not tokenised for it."""
    m = _AFTER_AT_RE.match(text, at)
    if m is None:
        return False
    word = m.group("w")
    if len(word) == 1 or m.group("n") in (".", "[", "(", "{", "<", "#", "*"):
        return True
    if m.group("n") == "," and word.lower() in _provider_labels(pats.providers):
        return True  # "pauline@hotmail,fr"
    if _valid_prefix(word, _LABEL_CHARS).rstrip("-").lower() in pats.bare:
        return True
    dot_word = m.group("dw")
    return bool(m.group("s")) and dot_word is not None and dot_word.strip("-").lower() in pats.dot_words


def _possible(text: str, pats: EmailPatterns) -> bool:
    """Cheap test: could any marker in ``text`` start an address?  Most ads say "at" only as prose."""
    if "＠" in text or "﹫" in text:
        return True  # folded to "@" later
    at = text.find("@")
    while at != -1:
        if _at_may_start_domain(text, at, pats):
            return True
        at = text.find("@", at + 1)
    if pats.bracketed_re is not None and any(b in text for b in "([{<"):
        for b in pats.bracketed_re.finditer(text):
            if pats.after_word_re.match(text, b.end()):
                return True  # "anna(a)example.com"
    for mark, affixed_re in zip(("--", " _"), pats.affixed_res, strict=True):
        if mark in text:
            for affixed in affixed_re.finditer(text):
                if pats.after_word_re.match(text, affixed.end()):
                    return True  # "amber--at--hotmail--dot--co--dot--uk", "julie _arobase_ gmail _point_ com"
    low, words = lower_words(text)
    if pats.provider_at_re is not None and not pats.provider_names.isdisjoint(words) \
            and pats.provider_at_re.search(text) is not None:
        return True  # "margaux.lille sur gmail"
    if len(low) != len(text):  # lower-casing moved offsets ("İ" is two characters lower-cased): scan it all
        return any(pats.after_word_re.match(text, m.end()) for m in pats.hint_re.finditer(text))
    # Only the at-words the field holds are looked at, where they start a word, instead of a
    # case-insensitive scan of the whole field for every at-word.
    firsts = pats.at_first_words.intersection(words)
    if not firsts:
        return False
    hint, after = pats.hint_re.match, pats.after_word_re.match
    for word in firsts:
        i = low.find(word)
        while i != -1:
            if i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_"):
                m = hint(text, i)
                if m is not None and after(text, m.end()):
                    return True
            i = low.find(word, i + 1)
    return False


@functools.lru_cache(maxsize=4)
def _provider_labels(providers: frozenset[str]) -> frozenset[str]:
    return frozenset(d.split(".", 1)[0] for d in providers)


def _find(text: str, pats: EmailPatterns) -> list[EmailMatch]:
    found = _Scanner(text, pats).scan() if _possible(text, pats) else []
    if (pats.named_re is not None and not pats.named_words.isdisjoint(lower_words(text)[1])) \
            or ("@" in text and "\n" in text):
        named = _provider_named(text, pats)
        if named:
            found = sorted(found + [m for m in named if not any(f.start < m.end and m.start < f.end for f in found)])
    return found


# Characters that fold_text turns into ASCII letters, digits or "@" or drops: look-alike Greek and
# Cyrillic letters, full-width and mathematical forms, letter-like symbols, invisible and format characters
# (those used in practice; the others only matter inside an identifier and are rare).  Text without any of
# them (plain accented Latin, emoji) is scanned as written, which skips the cost of folding.
_FOLDS = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0250-\u02af\u2100-\u214f\u2460-\u24ff\u3000-\u303f"
    "\uff00-\uffef\ufe50-\ufe6f\U0001d400-\U0001d7ff\U0001f100-\U0001f1ff\u00ad\u034f\u061c\u115f\u1160"
    "\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\U000e0000-\U000e0fff]"
)


_WORD_RUN = re.compile(r"[^\W_]+")


@per_text
def lower_words(text: str) -> tuple[str, frozenset[str]]:
    """``text`` lower-cased and its distinct words (runs of letters and digits), shared by the email, handle
    and payment scanners of one field."""
    low = text.lower()
    return low, frozenset(_WORD_RUN.findall(low))


def needs_fold(text: str) -> bool:
    """Whether folding could change what an extractor reads in ``text``."""
    return not text.isascii() and _has_fold_chars(text)


@per_text
def _has_fold_chars(text: str) -> bool:
    # Five extractors ask about each field; a non-ASCII one (accents, emoji) costs a scan of the text.
    return _FOLDS.search(text) is not None


def _find_any(text: str, pats: EmailPatterns) -> list[EmailMatch]:
    if not needs_fold(text):
        return _find(text, pats)
    # The cheap test runs on the folded text: an invisible character inside a domain ("gm\u200bail.com")
    # hides what follows the "@" from it.
    nt = folded_text(text)
    out = []
    for m in _find(nt.text, pats):
        start, end = nt.to_original(m.start, m.end)
        out.append(EmailMatch(start, end, m.value, m.obfuscated or text[start:end] != nt.text[m.start : m.end]))
    return out


@per_text
def _find_cached(text: str) -> tuple[EmailMatch, ...]:
    # The handle and payment extractors ask for the same field's addresses to avoid reading an address as
    # a handle; a small cache keeps that to one scan per field.
    return tuple(_find_any(text, email_patterns()))


def find_emails(text: str, patterns: EmailPatterns | None = None) -> list[EmailMatch]:
    """Every address in ``text``, plain or hidden, with offsets into ``text``.

    Non-ASCII text is folded first (full-width ``＠``, look-alike Cyrillic letters, invisible characters),
    so offsets still point at what was written and such tricks mark the address as obfuscated.

    Args:
        text: Any string.
        patterns: Patterns from :func:`load_email_patterns`; the packaged ones by default.

    Returns:
        Non-overlapping matches in text order.
    """
    if patterns is None:
        return list(_find_cached(text))
    return _find_any(text, patterns)


def scan_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, address)`` for each address in ``text`` (plain or hidden)."""
    for m in find_emails(text):
        yield m.start, m.end, m.value


def valid_domain(domain: str) -> bool:
    """Whether ``domain`` is a well-formed host name with a real top-level domain."""
    labels = domain.split(".")
    if len(labels) < 2 or len(domain) > MAX_DOMAIN or labels[-1].lower() not in known_tlds():
        return False
    return all(
        label and len(label) <= MAX_LABEL and label[0] != "-" and label[-1] != "-" and set(label) <= _LABEL_CHARS
        for label in labels
    )


class EmailExtractor:
    """Email addresses, plain and obfuscated; ``attrs["obfuscated"]`` says which."""

    name = "emails"
    kinds: tuple[str, ...] = ("email",)

    def __init__(self, patterns: Path | EmailPatterns | None = None) -> None:
        """Use the packaged word lists, a user's copy of ``emails.yaml`` at ``patterns``, or compiled patterns
        (see :mod:`unveil.extract.user_patterns`)."""
        if patterns is None or isinstance(patterns, EmailPatterns):
            self._patterns = patterns
        else:
            self._patterns = load_email_patterns(patterns)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        read, misread = text, []
        if "©" in text or "®" in text:
            # "lola.ldn©outlook.com": an "@" read from an image as a copyright or registered sign, glued between a
            # name and a domain (the same length: offsets stay those of the text)
            misread = [m.start() for m in _MISREAD_AT.finditer(text)]
            if misread:
                read = _MISREAD_AT.sub("@", text)
        for m in find_emails(read, self._patterns):
            obfuscated = m.obfuscated or any(m.start <= p < m.end for p in misread)
            yield Entity("email", m.value, field, m.start, m.end, text[m.start : m.end], {"obfuscated": obfuscated})


_MISREAD_AT = re.compile(r"(?<=[A-Za-z0-9._-])[©®](?=[A-Za-z][A-Za-z0-9-]{1,62}\.[A-Za-z]{2,})")
