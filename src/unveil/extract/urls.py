"""Web addresses, normalised to a lower-case host plus path and query.

Three written forms are read:

* with a scheme or ``www.`` ("https://site.example/ad/1", "www.annasite.com");
* a host with a path and no scheme ("annasite.es/fotos", "site.example/call/2025550123"): any real
  top-level domain (``patterns/tlds.yaml``), because the ``/`` after it rules out a missing space;
* a host alone ("annasite.com", "anna-london.co.uk") only under the endings listed as ``bare_hosts`` in
  ``patterns/tlds.yaml``, or after a label such as "Website:" (``bare_host_labels``) under any ending:
  "hola.es", "Hi.My name" or "new.Com" are prose with a missing space, and a mail provider ("anna at
  gmail.com") is part of an address, not a site.

:func:`web_address_spans` is also what keeps a web address's ids and dates out of the phone numbers.

How it stays linear.  The scheme form is one character class under one quantifier.  The host form can
only start at a token boundary (after a character that cannot be inside a host), each label is bounded
(at most 63 characters, then a dot) and the top-level domain is at most 24 letters followed by a
fixed-width look-ahead, so every start position does work bounded by the length of its own token.
Trailing sentence punctuation is trimmed afterwards.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from unveil.extract.base import AdContext
from unveil.extract.emails import (
    email_patterns,
    find_emails,
    known_tlds,
    lower_words,
    tlds_file,
    words_alternation,
)
from unveil.extract.spans import SpanIndex
from unveil.types import Entity

__all__ = ["UrlExtractor", "bare_host_endings", "normalise_url", "web_address_spans"]

# "hxxps://", "h**ps://": a scheme written so that filters miss it.  Quotes of every language end an address,
# and so do dashes, bars, an ellipsis and brackets glued after it ("…/tarifs—appelle", "…/rates|Text",
# markdown's "[https://x.example](https://x.example)", BBCode's "[url]…[/url]").
# A second address glued after a comma ends the first: "https://x.example/rates,https://x.example/faq".
SCHEME_URL = re.compile(r"(?:h(?:tt|xx|\*\*)ps?://|www\.)(?:(?!,(?:h(?:tt|xx)ps?://|www\.))[^\s<>\"'`“”„«»‘’‹›—–|…\[\]])+",
                        re.IGNORECASE)
_FAKE_SCHEME = re.compile(r"h(?:xx|\*\*)ps?://", re.IGNORECASE)
# A host ("label." repeated, then a top-level domain) not glued to a longer host, address or path, maybe
# followed by a path.  The look-ahead refuses a host that goes on ("anna.b@..." is not "anna.b"; "co.uk"
# is read whole), but allows a full stop that ends a sentence.
_HOST_URL = re.compile(
    r"(?<![\w@.\-/])((?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.)+)([A-Za-z]{2,24})(?![\w@-]|\.[\w-])(/[^\s<>\"'`—–|…\[\]]*)?")
# Where a host can be: a letter or digit, a dot, two letters.
_HOST_HINT = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2}")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_HOST_RUN = re.compile(r"[A-Za-z0-9.\-]*")
_TRAILING = ".,;:!?)]}>'\"“”„«»‘’‹›*"
LABEL_REACH = 32  # characters before a lone host searched for a label ("Mi web: luciamadrid.es")
AT_MARKER_REACH = 24  # characters before a lone host searched for an at-word ("jolie [ at ] example.com")


@functools.lru_cache(maxsize=1)
def _bare_host_label() -> re.Pattern[str]:
    """A label such as "Website:" or "Strona:" right before a lone host (``bare_host_labels``)."""
    r, top = tlds_file()
    words = frozenset(w.lower() for w in r.words(top.get("bare_host_labels"), "bare_host_labels"))
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{words_alternation(words)})[ \t]{{0,2}}[:=\-–][ \t]{{0,3}}$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def bare_host_endings() -> frozenset[str]:
    """Endings ("com", "co.uk") under which a host written alone is read as a web address, lower-case."""
    r, top = tlds_file()
    endings = frozenset(w.lower() for w in r.words(top.get("bare_hosts"), "bare_hosts"))
    tlds = known_tlds()
    for ending in endings:
        if ending.rsplit(".", 1)[-1] not in tlds:
            r.fail("bare_hosts", f"{ending!r} does not end in a listed top-level domain")
    return endings


@functools.lru_cache(maxsize=1)
def _after_at_marker() -> re.Pattern[str]:
    """An "@" or at-word ("at", "[at]", "arobase") right before a host: the host is an address's domain; also
    a "©" or "®" glued after a name, an "@" misread from an image ("millie.toon©example.com")."""
    p = email_patterns()
    words = words_alternation(p.at_strong | p.at_weak)
    return re.compile(rf"(?:@|(?<=[A-Za-z0-9._-])[©®]|(?<!\w)(?:{words})(?:[ \t]{{0,2}}[\]\)\}}>])?)[ \t]{{0,3}}$",
                      re.IGNORECASE)


def _host_is_address(text: str, start: int, host: str, tld: str, has_path: bool) -> bool:
    """Whether ``host`` + ``tld`` at ``text[start:]``, written without scheme or ``www.``, names a site.

    ``host`` is the labels before the top-level domain, each with its dot.
    """
    if tld.lower() not in known_tlds():
        return False
    labels = host[:-1].lower().split(".")
    if not any(c.isalpha() for c in labels[-1]):
        return False  # "100.ro/h" is a price, "1.5/hr" a rate
    if has_path:
        return True
    if not (tld.islower() or (host.isupper() and tld.isupper())):
        return False  # "I'm new.Com see me", "Sweet.Info": a sentence with a missing space
    if f"{host.lower()}{tld.lower()}" in _not_sites() or _after_handle_label(text, start):
        return False
    endings = bare_host_endings()
    tld = tld.lower()
    if tld not in endings and not (len(labels) >= 2 and f"{labels[-1]}.{tld}" in endings) \
            and not _country_host(text, start + len(host) + len(tld), labels[-1], tld) \
            and _bare_host_label().search(text, max(0, start - LABEL_REACH), start) is None:
        return False
    providers = email_patterns().providers
    if f"{labels[-1]}.{tld}" in providers or ".".join([*labels[-2:], tld]) in providers:
        return False
    at = _after_at_marker().search(text, max(0, start - AT_MARKER_REACH), start)
    return at is None or _prose_at(text, at)


# Words before a plain "at" that make it prose, not an address's "@": "reviews are at lolavelvet.com",
# "Verify at ...", "find me at ..." ("jolie at example.com" stays a hidden address's domain).
_PROSE_BEFORE_AT = frozenset({
    "are", "is", "am", "be", "me", "us", "it", "all", "everything", "more", "info", "details", "here", "there",
    "find", "found", "see", "visit", "verify", "book", "booking", "bookings", "online", "pics", "photos",
    "videos", "reviews", "gallery", "rates", "live", "up", "out", "look", "check", "now", "only", "also",
    "and", "or", "them", "available", "listed", "posted", "located", "based", "staying", "schedule",
    "appointments", "verified", "page", "profile", "site", "website", "link", "links", "me:", "contact"})


def _prose_at(text: str, at: re.Match[str]) -> bool:
    """Whether the at-word ``at`` is the English preposition after a prose word ("reviews are at ...")."""
    word = at.group().strip(" \t").lower()
    if word != "at":
        return False
    before = text[max(0, at.start() - 24) : at.start()].split()
    return bool(before) and before[-1].lower().strip(",.:;!?") in _PROSE_BEFORE_AT


@functools.lru_cache(maxsize=1)
def _not_sites() -> frozenset[str]:
    """``not_sites`` of ``patterns/tlds.yaml``: hosts named alone as services, not as the poster's site."""
    r, top = tlds_file()
    return frozenset(w.lower() for w in r.words(top.get("not_sites"), "not_sites"))


@functools.lru_cache(maxsize=1)
def _name_paths() -> dict[str, tuple[str, ...]]:
    """``name_paths`` of ``patterns/tlds.yaml``: for each host, the path prefixes ("" or "/add") after which
    a segment is a user name that the platform reads in any case."""
    r, top = tlds_file()
    out: dict[str, list[str]] = {}
    for entry in r.words(top.get("name_paths"), "name_paths"):
        host, _, prefix = entry.lower().partition("/")
        out.setdefault(host, []).append(f"/{prefix}" if prefix else "")
    return {host: tuple(prefixes) for host, prefixes in out.items()}


def _name_blind(path: str, prefixes: tuple[str, ...]) -> str:
    """``path`` with its user-name segment lower-cased ("/LOLAVELVET" -> "/lolavelvet", "/add/Lola.Vip" ->
    "/add/lola.vip"); invites ("/+AbC...") and later segments keep their case."""
    for prefix in prefixes:
        if not path.lower().startswith(prefix + "/"):
            continue
        head = len(prefix) + 1
        end = path.find("/", head)
        end = len(path) if end < 0 else end
        name = path[head:end]
        if name.startswith("+"):
            return path
        return path[:head].lower() + name.lower() + path[end:]
    return path


def _pointer(c: str) -> bool:
    """An arrow or an emoji (symbols), as set between a platform's label and its name."""
    return unicodedata.category(c) in ("So", "Sm")


def _after_handle_label(text: str, start: int) -> bool:
    """Whether a host at ``start`` follows a messaging or social platform's label: "snap: lola.vip", "Insta:
    ioana.ro" are handles (read by the handle extractor), not sites."""
    from unveil.extract.handles import compact, platform_aside_before, platform_spec  # handles read urls' patterns

    j = start
    while j > 0 and start - j < 8 and (text[j - 1] in " \t\u00a0:=-–@\ufe0f" or _pointer(text[j - 1])
                                         or (text[j - 1] in "\r\n" and start - j < 2)):
        j -= 1  # (the label may end the line above: "Snap:\nlola.vip", "IG 📸\nlola.vip")
    if j == start:
        return False
    spec = platform_spec("handles.yaml")
    owners = spec.cue_owners
    # a colon, or an arrow or the platform's emoji: "Snap 👻 ➜ lola.vip", "Snapchat 👻 lola.vip"
    labelled = any(c in ":=-–" or _pointer(c) for c in text[j:start])
    if "\n" in text[j:start] and not labelled:
        return False  # a word alone on the line above labels nothing: "Photos of Paris\nlola.vip"
    k = _word_start(text, j)
    if k == j and "\n" in text[j:start] and (j == 0 or text[j - 1] in "\r\n" or _pointer(text[j - 1])) \
            and any(symbol in text[j:start] for symbol in spec.symbol_cues):
        return True  # a platform's emoji alone on the line above: "Add me\n👻\nlola.vip"
    word = text[k:j].lower()
    if labelled and word not in owners and (colon := text.rfind(":", j, start)) != -1 \
            and platform_aside_before(text, colon, spec):
        return True  # "Insta pour les photos : lola.vip"
    copula = not labelled and (word in _HANDLE_COPULAS or word in spec.alias_words)
    if copula:
        # "Mi insta es vale.mx", "Il mio Insta è giulia.it", "TikTok como vale.mx": a platform, a copula or
        # an "as", then the name
        j = k
        while j > 0 and k - j < 2 and text[j - 1] in " \t":
            j -= 1
        k = _word_start(text, j)
    if k == j:
        return False
    if k > 0 and text[k - 1] == "$":
        k -= 1  # "$nap: lola.vip", a "$" for the "s" of a platform word
    if compact(text[k:j].lower().replace("$", "s")) in owners:
        return labelled or copula or text[j:start].strip(" \t") == ""
    # a platform's name in two words: "Tik Tok: vale.mx"
    i = k
    while i > 0 and k - i < 2 and text[i - 1] in " \t":
        i -= 1
    h = _word_start(text, i)
    return labelled and h < i and compact(text[h:j].lower()) in owners


# Copulas between a platform and a name: "Mi insta es vale.mx", "Il mio Insta è giulia.it", "my IG is ..."
_HANDLE_COPULAS = frozenset({"es", "è", "e", "é", "is", "ist", "est", "este", "jest"})


def _word_start(text: str, j: int) -> int:
    k = j
    while k > 0 and j - k < 24 and text[k - 1].isalpha():
        k -= 1
    return k


@functools.lru_cache(maxsize=1)
def _country_endings() -> tuple[frozenset[str], frozenset[str]]:
    """``country_hosts`` and ``word_hosts`` of ``patterns/tlds.yaml``, lower-case and checked."""
    r, top = tlds_file()
    tlds = known_tlds()
    out = []
    for key in ("country_hosts", "word_hosts"):
        endings = frozenset(w.lower() for w in r.words(top.get(key), key))
        for ending in endings:
            if ending not in tlds:
                r.fail(key, f"{ending!r} is not a listed top-level domain")
        out.append(endings)
    return out[0], out[1]


_MIN_COUNTRY_LABEL = 3
_MIN_WORD_LABEL = 5
# What may follow a host under an ending that is also a word: the end of the text or line, or a mark that
# ends the phrase ("bookjade.io - deposits", "bellarose.me\n", "julie.be...", "(femke.be)"), or hashtags after
# it ("sofiavip.es #Madrid").
_PHRASE_END_AFTER = re.compile(
    r"[ \t]*(?:$|[\n\r]|[.,;:!?)\]}»”\"'](?![A-Za-z0-9])|[-–—|•·](?:[ \t]|$)|\(|#[^\W_])", re.M)


def _country_host(text: str, end: int, label: str, tld: str) -> bool:
    """Whether a lone host ending at ``end`` under a country ending names a site (see ``country_hosts``
    and ``word_hosts`` in ``patterns/tlds.yaml``)."""
    country, word = _country_endings()
    if tld in country:
        return len(label) >= _MIN_COUNTRY_LABEL
    return tld in word and len(label) >= _MIN_WORD_LABEL and _PHRASE_END_AFTER.match(text, end) is not None


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` without the punctuation, emoji and other symbols that close a sentence after an address
    ("www.carla.es👈", "…/anna💋")."""
    while end > start and (text[end - 1] in _TRAILING or unicodedata.category(text[end - 1]) in _SYMBOLS):
        end -= 1
    return end


_SYMBOLS = frozenset({"So", "Sk", "Mn", "Cf"})  # emoji, their modifiers and variation selectors, joiners


def web_address_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every web address in ``text``, in order, trailing punctuation left out."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text or "WWW." in text or "Www." in text:
        spans = [(m.start(), _trimmed_end(text, m.start(), m.end())) for m in SCHEME_URL.finditer(text)]
    hosts = []
    # Only the first character of a run of host characters can start a host (the pattern's look-behind), so
    # each hint is taken back to the start of its run, tried once, and the search goes on after the run.
    pos = 0
    k = 0  # the next scheme-form span: hosts inside one are already found
    while (h := _HOST_HINT.search(text, pos)) is not None:
        while k < len(spans) and spans[k][1] <= h.start():
            k += 1
        if k < len(spans) and spans[k][0] <= h.start():
            pos = max(h.end(), spans[k][1])
            continue
        start = h.start()
        floor = max(pos, spans[k - 1][1]) if k else pos
        while start > floor and text[start - 1] in _HOST_CHARS:
            start -= 1
        m = _HOST_URL.match(text, start)
        if m is not None and _host_is_address(text, start, m.group(1), m.group(2), m.group(3) is not None):
            hosts.append((start, _trimmed_end(text, start, m.end())))
            pos = m.end()
        else:
            run = _HOST_RUN.match(text, h.end())
            pos = run.end() if run is not None else h.end()
    if hosts:
        # "bree.vip at gmail dot com": a host that is an address's mailbox name is no web address
        mail = [(m.start, m.end) for m in find_emails(text)]
        if mail:
            hosts = [(a, z) for a, z in hosts if not any(s <= a and z <= e for s, e in mail)]
    if not spans:
        return hosts
    return sorted(spans + hosts) if hosts else spans


# Query keys that say where a click came from, not what it opens: the same page carries other values in
# every ad ("?utm_source=ad&fbclid=..."), so they are dropped from the value.
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "igsh", "mc_cid", "mc_eid",
                            "_ga", "_gl", "si", "ttclid", "twclid", "li_fat_id", "ref", "lang", "hl", "locale",
                            "ltsid", "share_id", "ref_src", "ref_url",
                            # Amazon's share links ("/hz/wishlist/ls/3KX9ZQ1ABCDEF?ref_=wl_share")
                            "ref_", "_encoding", "psc"})


def _kept_query(query: str) -> str:
    kept = [p for p in query.split("&") if p and not _tracking(p.split("=", 1)[0].lower())]
    return "?" + "&".join(kept) if kept else ""


def _tracking(key: str) -> bool:
    return key.startswith("utm_") or key in _TRACKING_KEYS


def normalise_url(raw: str) -> str | None:
    """The value of a web address: lower-case host without "www.", path, query without tracking keys, and
    a fragment only when it is a route ("signal.me/#eu/...", whose fragment is the person's link)."""
    if "://" in raw:
        text = _FAKE_SCHEME.sub("http://", raw, count=1) if raw[:1] in "hH" else raw
        text = _BRACKET_DOT.sub(".", text) if "[" in text or "(" in text or "{" in text else text
    else:
        text = "http://" + raw
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if "." not in host:
        return None
    host = host.removeprefix("www.")
    path = parts.path.rstrip("/")
    if host in _name_paths() and path:
        path = _name_blind(path, _name_paths()[host])
    query = _kept_query(parts.query) if parts.query else ""
    fragment = f"/#{parts.fragment}" if not path and "/" in parts.fragment else ""
    return f"{host}{path}{query}{fragment}"


# A host whose dots are hidden ("annavip[.]com", "zoe-lux[dot]com", "site(.)com"), which posters write
# where a site refuses links: read anywhere, the brackets leave no doubt.  A dot spelled out ("sophiavip
# dot com") is prose too ("the dot com era"), so a loosely written host counts only under a listed ending,
# where it ends its phrase or after a label ("website:").  Possessive loops, bounded repeats and a
# look-behind that starts a host only after a character no host holds keep the patterns linear.
_DOT_WORD_SET = frozenset({"dot", "d0t", "punto", "point", "punkt", "kropka", "punct", "ponto", "punt"})
_DOT_WORDS = "(?:" + "|".join(sorted(_DOT_WORD_SET)) + ")"
_DOT_INSIDE = rf"[ \t]?(?:\.|•|·|{_DOT_WORDS})[ \t]?"
_HIDDEN_DOT = rf"(?:[ \t]?(?:\[{_DOT_INSIDE}\]|\({_DOT_INSIDE}\)|\{{{_DOT_INSIDE}\}})[ \t]?)"
# A path after a hidden host, its slash maybe spelled or spaced: "tinyurl (dot) com / ivybook", "... slash book".
SLASH_WORDS = ("slash", "barra", "schrägstrich", "ukośnik")  # also read by the handles' hidden links
_SLASH = rf"[ \t]{{0,2}}(?:/|{'|'.join(SLASH_WORDS)})[ \t]{{0,2}}"
_PATH = rf"(?:{_SLASH}(?P<path>[A-Za-z0-9._~%-]{{1,80}}+(?:{_SLASH}[A-Za-z0-9._~%-]{{1,80}}+){{0,4}}))?"
_SLASH_RE = re.compile(_SLASH, re.I)
_HIDDEN_HOST = re.compile(
    # a host starts after no host character and no hidden dot ("a [.] b": "b" is no start)
    rf"(?<![\w@.\-/\]\)}}])(?<!\][ \t])(?<!\)[ \t])(?<!}}[ \t])"
    # plain dots may stand between other labels ("jade.example(.)com"): the caller asks for a hidden one
    rf"((?:[A-Za-z0-9][A-Za-z0-9-]{{0,62}}+(?:{_HIDDEN_DOT}|\.))++)([A-Za-z]{{2,24}}+)(?![\w@-]){_PATH}", re.I)
_BRACKET_DOT = re.compile(_HIDDEN_DOT, re.I)
_HIDDEN_HINT = re.compile(rf"[\[({{][ \t]?(?:\.|•|·|{_DOT_WORDS})", re.I)
# Dots written loosely: a word ("dot", "punto", "kropka"), glued between marks ("_dot_", "-dot-"), a symbol
# ("·", "•", "。"), a dot with a space around it ("site . com", "jasminela. com"), a comma ("lola,vip"), or
# plain (read here only with a hidden ending: "tahliaperth.c0m", "scarlettdenver.c o m").
_LOOSE_DOT = (rf"(?:[ \t]{{1,2}}{_DOT_WORDS}[ \t]{{1,2}}|[ \t]?[-_]{_DOT_WORDS}[-_][ \t]?"
              r"|[ \t]{0,2}[。．·•][ \t]{0,2}|[ \t]{1,2}\.[ \t]{0,2}|\.)")
# Before the ending only: a dot then a space ("jasminela. com", also how a sentence ends) or a comma.
_LAST_DOT = rf"(?:\.[ \t]{{1,2}}|{_LOOSE_DOT}|,)"
_LABEL = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}+"
_LOOSE_HOST = re.compile(
    rf"(?<![\w@.\-/])(?P<www>w[ \t]?w[ \t]?w{_LOOSE_DOT})?"
    rf"(?P<labels>(?:{_LABEL}{_LOOSE_DOT}){{0,3}}{_LABEL}{_LAST_DOT})"
    rf"(?P<tld>c[ \t]?[o0][ \t]?m|[A-Za-z]{{2,24}}+)(?![\w@.-]){_PATH}", re.I)
# Cheap tests before the pattern, which most fields fail: a loose dot other than a word, with what may follow
# it (every ad has a comma or a full stop; few have one right before "com").  Each starts with a literal,
# which the engine scans for quickly.
_LOOSE_HINTS = (
    re.compile(r",(?:com|net|org|vip|xyz|club|online|site|top|info)\b", re.I),
    re.compile(r"\.[ \t]{1,2}(?:com|net|org)\b", re.I),
    re.compile(r" \.[ \t]{0,2}[a-z]", re.I),
    re.compile(r"\.c(?: o|0)", re.I),
)
_LOOSE_SYMBOLS = "。．·•"
_LOOSE_SPLIT = re.compile(_LAST_DOT, re.I)
_SENTENCE_ENDINGS = frozenset({"com", "net", "org"})  # the only endings read after "word. " ("jasminela. com")
_GENERIC_FOR_COMMA = frozenset({"com", "net", "org", "vip", "xyz", "club", "online", "site", "top", "info"})
_MIN_LOOSE_LABEL = 4


def _path_of(m: re.Match[str]) -> str | None:
    """The path of a hidden or loose host, its slashes put back: "chloe slash tarifs" is "chloe/tarifs"."""
    path = m.group("path")
    return _SLASH_RE.sub("/", path) if path else path


def hidden_hosts(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, address)`` of the web addresses whose dots, ending or scheme are hidden, with the dots
    put back (lower case): in brackets anywhere ("annavip[.]com", "site(punkt)de/galerie"), or written
    loosely ("lolavelvet dot com", "biancabrasov punct ro", "jasminela。com", "tahliaperth.c0m") under a
    listed ending, where the address ends its phrase or follows a label ("website:"), the site's own
    label having four letters or more: "the dot com era" and "vous point de vue" name no site."""
    if _HIDDEN_HINT.search(text) is not None:
        tlds = known_tlds()
        for hm in _HIDDEN_HOST.finditer(text):
            tld = hm.group(2).lower()
            if tld in tlds and _BRACKET_DOT.search(hm.group(1)) is not None:
                host = ".".join(part.lower() for part in _BRACKET_DOT.split(hm.group(1)) if part)
                path = _path_of(hm)
                yield hm.start(1), hm.end(), f"{host}.{tld}" + (f"/{path}" if path else "")
    words = lower_words(text)[1]  # shared with the email and handle scanners of the field
    if _DOT_WORD_SET.isdisjoint(words) and not _symbol_dot(text) \
            and not any(h.search(text) is not None for h in _LOOSE_HINTS):
        return
    pos = 0
    while (m := _LOOSE_HOST.search(text, pos)) is not None:
        address = _loose_address(text, m)
        if address is not None:
            yield m.start(), m.end(), address
            pos = m.end()
        else:
            pos = m.start() + 1  # "Rosie, Sheffield. rosieleeds dot co dot uk": the site may start later


@functools.lru_cache(maxsize=1)
def _loose_endings() -> frozenset[str]:
    """Every ending a loosely written host may have (and "c0m")."""
    country, word = _country_endings()
    return bare_host_endings() | country | word | {"c0m"}


_MAX_SYMBOLS = 64  # symbols looked at per field: bullets between a listing's fields are common


def _symbol_dot(text: str) -> bool:
    """Whether a "·", "•" or "。" may stand for a dot: between a letter or digit and an ending, maybe with a
    space on each side ("rosieleeds·com", "tahliaperth • com • au"), not as a bullet between phrases."""
    seen = 0
    endings = _loose_endings()
    for ch in _LOOSE_SYMBOLS:
        pos = text.find(ch)
        while pos != -1 and seen < _MAX_SYMBOLS:
            seen += 1
            b = pos - 1 if pos > 0 and text[pos - 1] not in " \t" else pos - 2
            a = pos + 1 if pos + 1 < len(text) and text[pos + 1] not in " \t" else pos + 2
            z = a
            while z < len(text) and z - a < 8 and text[z].isalnum():
                z += 1
            word = text[a:z].lower()
            if b >= 0 and text[b].isalnum() and word in endings:
                return True
            pos = text.find(ch, pos + 1)
    return False


def _loose_address(text: str, m: re.Match[str]) -> str | None:
    """The address of a loosely written host (see :func:`hidden_hosts`), or None when it names no site."""
    written_tld = m.group("tld")
    tld = "com" if written_tld.replace(" ", "").replace("\t", "").lower() in ("com", "c0m") else written_tld.lower()
    if tld not in known_tlds() or (written_tld[:1].isupper() and written_tld[1:].islower()):
        return None  # "... here. Com": a sentence with a missing space
    labels_text = m.group("labels")
    seps = _LOOSE_SPLIT.findall(labels_text)
    labels = [part for part in _LOOSE_SPLIT.split(labels_text) if part]
    if len(labels) != len(seps):
        return None
    plain = all(sep == "." for sep in seps) and written_tld.isalpha()
    if plain:
        return None  # an ordinary host: read by web_address_spans
    name = labels[0]
    if (len(name) < _MIN_LOOSE_LABEL and not m.group("path")) or not any(c.isalpha() for c in name):
        return None  # "t . me / lolavelvet", "bit . ly / 3xKq": a path makes a short site name plain
    ending = ".".join([*(part.lower() for part in labels[1:]), tld])
    country, word = _country_endings()
    if "," in seps:
        if tld not in _GENERIC_FOR_COMMA:
            return None
    elif seps[-1].startswith(".") and seps[-1] != "." and tld not in _SENTENCE_ENDINGS:
        return None  # "Vancouver. site:": a sentence, then a word that is also an ending
    elif ending not in bare_host_endings() and tld not in bare_host_endings() and tld not in country \
            and tld not in word:
        return None
    labelled = _bare_host_label().search(text, max(0, m.start() - LABEL_REACH), m.start()) is not None
    if not labelled and _PHRASE_END_AFTER.match(text, m.end()) is None and not _spelled_throughout(m):
        return None
    host = ".".join([*(part.lower() for part in labels), tld])
    path = _path_of(m)
    return host + (f"/{path}" if path else "")


def _spelled_throughout(m: re.Match[str]) -> bool:
    """Whether a loose host's dot and its path's slash are both words ("t punto me barra valeria_vlc"): no
    prose writes that, so the address need not end its phrase."""
    path_at = m.start("path")
    if path_at < 0:
        return False
    slash = m.string[m.end("tld"):path_at]
    return _SLASH_RE.fullmatch(slash) is not None and "/" not in slash \
        and any(w in _DOT_WORD_SET for w in m.group("labels").lower().split())


def _not_inside(spans: list[tuple[int, int]], outer: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without those that lie inside a span of ``outer`` (sorted by start), or are one: a hidden
    host read over the same text as a plain one ("www.mia-rose.example.c0m") gives the hidden's value."""
    starts = [s for s, _ in outer]
    reach = list(itertools.accumulate((e for _, e in outer), max))  # the farthest end of the outer spans so far
    return [(a, z) for a, z in spans if (k := bisect.bisect_right(starts, a) - 1) < 0 or reach[k] < z]


class UrlExtractor:
    name = "urls"
    kinds: tuple[str, ...] = ("url",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        taken = web_address_spans(text)
        hidden = list(hidden_hosts(text)) if field not in ("url", "phone", "email") else []
        if hidden and taken:
            # "jade.example(.)com", "poppy-leeds.example . com": the plain start of a hidden host is no address
            taken = _not_inside(taken, [(start, end) for start, end, _ in hidden])
        for start, end in taken:
            value = normalise_url(text[start:end])
            if not value:
                continue
            host, slash, path = value.partition("/")
            if "," in host:
                # "www.martavitoria,com": OCR or the poster wrote a comma for the dot before a generic ending;
                # any other comma in a host makes no address
                head, _, tld = host.rpartition(",")
                if "," in head or tld not in _GENERIC_FOR_COMMA:
                    continue
                yield Entity("url", f"{head}.{tld}{slash}{path}", field, start, end, text[start:end],
                             {"obfuscated": True})
                continue
            yield Entity("url", value, field, start, end, text[start:end])
        if hidden:
            # not an address's domain, nor a plain address read above (a sorted index: both may be many)
            seen = SpanIndex([(m.start, m.end) for m in find_emails(text)] + taken)
            providers = email_patterns().providers
            for start, end, host in hidden:
                value = normalise_url(host)
                if value in providers:
                    continue  # "sofi.vip en hotmail punto es": a mail provider's domain, no site of the poster's
                if value and "/" not in value and _after_handle_label(text, start):
                    continue  # "Snap: lola dot vip", "Insta: vale punto mx": a handle, its dot hidden
                if value and not seen.hits(start, end):
                    yield Entity("url", value, field, start, end, text[start:end], {"obfuscated": True})
