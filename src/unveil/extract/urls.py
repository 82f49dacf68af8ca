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

import functools
import re
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
from unveil.types import Entity

__all__ = ["UrlExtractor", "bare_host_endings", "normalise_url", "web_address_spans"]

SCHEME_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
# A host ("label." repeated, then a top-level domain) not glued to a longer host, address or path, maybe
# followed by a path.  The look-ahead refuses a host that goes on ("anna.b@..." is not "anna.b"; "co.uk"
# is read whole), but allows a full stop that ends a sentence.
_HOST_URL = re.compile(
    r"(?<![\w@.\-/])((?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.)+)([A-Za-z]{2,24})(?![\w@-]|\.[\w-])(/[^\s<>\"'`]*)?")
# Where a host can be: a letter or digit, a dot, two letters.
_HOST_HINT = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2}")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_HOST_RUN = re.compile(r"[A-Za-z0-9.\-]*")
_TRAILING = ".,;:!?)]}>'\""
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
    """An "@" or at-word ("at", "[at]", "arobase") right before a host: the host is an address's domain."""
    p = email_patterns()
    words = words_alternation(p.at_strong | p.at_weak)
    return re.compile(rf"(?:@|(?<!\w)(?:{words})(?:[ \t]{{0,2}}[\]\)\}}>])?)[ \t]{{0,3}}$", re.IGNORECASE)


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
    endings = bare_host_endings()
    tld = tld.lower()
    if tld not in endings and not (len(labels) >= 2 and f"{labels[-1]}.{tld}" in endings) \
            and _bare_host_label().search(text, max(0, start - LABEL_REACH), start) is None:
        return False
    providers = email_patterns().providers
    if f"{labels[-1]}.{tld}" in providers or ".".join([*labels[-2:], tld]) in providers:
        return False
    return _after_at_marker().search(text, max(0, start - AT_MARKER_REACH), start) is None


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


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
                            "_ga", "_gl", "si", "ttclid", "twclid", "li_fat_id"})


def _kept_query(query: str) -> str:
    kept = [p for p in query.split("&") if p and not _tracking(p.split("=", 1)[0].lower())]
    return "?" + "&".join(kept) if kept else ""


def _tracking(key: str) -> bool:
    return key.startswith("utm_") or key in _TRACKING_KEYS


def normalise_url(raw: str) -> str | None:
    """The value of a web address: lower-case host without "www.", path, query without tracking keys, and
    a fragment only when it is a route ("signal.me/#eu/...", whose fragment is the person's link)."""
    text = raw if "://" in raw else "http://" + raw
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if "." not in host:
        return None
    host = host.removeprefix("www.")
    path = parts.path.rstrip("/")
    query = _kept_query(parts.query) if parts.query else ""
    fragment = f"/#{parts.fragment}" if not path and "/" in parts.fragment else ""
    return f"{host}{path}{query}{fragment}"


# A host whose dots are hidden ("annavip[.]com", "zoe-lux[dot]com", "site(.)com"), which posters write
# where a site refuses links: read anywhere, the brackets leave no doubt.  A dot spelled out ("sophiavip
# dot com") is prose too ("the dot com era"), so it counts only after a label ("website:").  Possessive
# loops and a look-behind that starts a host only after a character no host holds keep both linear.
_DOT_WORD_SET = frozenset({"dot", "punto", "point", "punkt", "kropka"})
_DOT_WORDS = "(?:" + "|".join(sorted(_DOT_WORD_SET)) + ")"
_DOT_INSIDE = rf"[ \t]?(?:\.|{_DOT_WORDS})[ \t]?"
_HIDDEN_DOT = rf"(?:[ \t]?(?:\[{_DOT_INSIDE}\]|\({_DOT_INSIDE}\)|\{{{_DOT_INSIDE}\}})[ \t]?)"
_HIDDEN_HOST = re.compile(
    # a host starts after no host character and no hidden dot ("a [.] b": "b" is no start)
    rf"(?<![\w@.\-/\]\)}}])(?<!\][ \t])(?<!\)[ \t])(?<!}}[ \t])"
    rf"((?:[A-Za-z0-9][A-Za-z0-9-]{{0,62}}+{_HIDDEN_DOT})++)([A-Za-z]{{2,24}}+)(?![\w@-])", re.I)
_HIDDEN_HINT = re.compile(rf"[\[({{][ \t]?(?:\.|{_DOT_WORDS})", re.I)
_SPELLED_DOT = rf"[ \t]{_DOT_WORDS}[ \t]"
_DOT_SPLIT = re.compile(rf"{_HIDDEN_DOT}|{_SPELLED_DOT}", re.I)


@functools.lru_cache(maxsize=1)
def _spelled_host() -> tuple[re.Pattern[str], frozenset[str]]:
    """A labelled host with its dots spelled out ("website: sophiavip dot com"), and the labels."""
    r, top = tlds_file()
    labels = frozenset(w.lower() for w in r.words(top.get("bare_host_labels"), "bare_host_labels"))
    return re.compile(
        rf"(?<!\w)(?:{words_alternation(labels)})[ \t]{{0,2}}[:=\-–]?[ \t]{{0,3}}"
        rf"((?:[A-Za-z0-9][A-Za-z0-9-]{{0,62}}+{_SPELLED_DOT})++)([A-Za-z]{{2,24}}+)(?![\w@.-])", re.I), labels


def hidden_hosts(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, host)`` of the hosts whose dots are hidden, with the dots put back (lower case)."""
    found: list[re.Match[str]] = []
    if _HIDDEN_HINT.search(text) is not None:
        found.extend(_HIDDEN_HOST.finditer(text))
    low, words = lower_words(text)  # shared with the email and handle scanners of the field
    if not _DOT_WORD_SET.isdisjoint(words):
        spelled, labels = _spelled_host()
        if any(w in low for w in labels):
            found.extend(spelled.finditer(text))
    tlds = known_tlds()
    for m in found:
        tld = m.group(2).lower()
        if tld not in tlds:
            continue
        parts = _DOT_SPLIT.split(m.group(1))
        host = ".".join(part.lower() for part in parts if part)
        yield m.start(1), m.end(2), f"{host}.{tld}"



class UrlExtractor:
    name = "urls"
    kinds: tuple[str, ...] = ("url",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        for start, end in web_address_spans(text):
            value = normalise_url(text[start:end])
            if value:
                yield Entity("url", value, field, start, end, text[start:end])
        hidden = list(hidden_hosts(text)) if field not in ("url", "phone", "email") else []
        if hidden:
            mail = [(m.start, m.end) for m in find_emails(text)]
            for start, end, host in hidden:
                value = normalise_url(host)
                if value and not any(s < end and start < e for s, e in mail):  # not an address's domain
                    yield Entity("url", value, field, start, end, text[start:end], {"obfuscated": True})
