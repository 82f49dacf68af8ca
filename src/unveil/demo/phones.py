"""Fictional phone numbers and the ways ads write (and hide) them.

Only numbers from ranges that regulators reserve for drama and documentation are ever produced, so a demo
corpus can be shared, committed and shown on screen without pointing at a real person:

* US ``+1 NPA 555-0100`` to ``555-0199`` (valid for ``phonenumbers``);
* UK ``020 7946 0000`` to ``0999`` (valid) and ``07700 900000`` to ``900999`` (possible only);
* FR ``01 99 00 00 00`` to ``99 99`` (valid) and ``06 39 98 00 00`` to ``99 99`` (possible only);
* AU ``0491 570 006`` to ``0491 570 159`` (valid).

Spain and Germany have no such range, so ads there use one of the above with its ``+CC`` written out, as
ads of foreign-run operations often do.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Final

from unveil.demo.lexicon import AT_WORDS, DIGIT_WORDS, DOT_WORDS, HUNDRED_WORDS, two_digit_words

# Suffixes kept back from the poster pools so the sites' support lines never collide with a poster's number.
SUPPORT_RESERVED: Final[dict[str, range]] = {
    "GB_L": range(990, 1000),
    "FR_L": range(9990, 10000),
    "US": range(190, 200),
}

# Number kinds per home country, with weights: mostly the "valid" ranges, a few "possible only" ones.
HOME_KINDS: Final[dict[str, tuple[tuple[str, float], ...]]] = {
    "GB": (("GB_L", 0.75), ("GB_M", 0.25)),
    "FR": (("FR_L", 0.75), ("FR_M", 0.25)),
    "US": (("US", 1.0),),
    # Spain and Germany: foreign numbers only, mostly French as that range is the largest.
    "ES": (("GB_L", 0.18), ("GB_M", 0.10), ("FR_L", 0.45), ("FR_M", 0.19), ("AU", 0.08)),
    "DE": (("GB_L", 0.18), ("GB_M", 0.10), ("FR_L", 0.42), ("FR_M", 0.20), ("AU", 0.10)),
}

KIND_COUNTRY: Final[dict[str, str]] = {"GB_L": "GB", "GB_M": "GB", "FR_L": "FR", "FR_M": "FR", "US": "US",
                                       "AU": "AU"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FictionNumber:
    """One fictional number and the plain ways to write it.

    Attributes:
        e164: The number in E.164, e.g. ``+442079460123``.
        country: ISO code of the numbering plan (``GB``, ``FR``, ``US``, ``AU``).
        national: Plain national writings, the first one canonical (``020 7946 0123``).
        international: Plain writings with the country code, the first one canonical.
    """

    e164: str
    country: str
    national: tuple[str, ...]
    international: tuple[str, ...]

    def plain(self, ad_country: str, rng: random.Random) -> str:
        """Pick a plain writing for an ad posted in ``ad_country``.

        A number from another country is always written with its ``+CC``; a domestic one mostly in national
        form.

        Args:
            ad_country: Country the ad is posted in.
            rng: The generator's random source.

        Returns:
            The number as the ad would print it.
        """
        domestic = ad_country == self.country and rng.random() < 0.7
        forms = self.national if domestic else self.international
        return forms[0] if rng.random() < 0.6 else forms[int(rng.random() * len(forms))]

    def canonical(self, ad_country: str) -> str:
        """Canonical plain writing for an ad in ``ad_country`` (the basis of every obfuscated form)."""
        return self.national[0] if ad_country == self.country else self.international[0]


def make_number(kind: str, suffix: int, npa: int = 0) -> FictionNumber:
    """Build the number of a given range from its varying suffix.

    Args:
        kind: ``GB_L``, ``GB_M``, ``FR_L``, ``FR_M``, ``US`` or ``AU``.
        suffix: The varying tail (``0123`` of ``020 7946 0123``; ``42`` of ``555-0142``).
        npa: US area code, for ``kind == "US"`` only.

    Returns:
        The number with its plain writings.
    """
    if kind == "GB_L":
        s = f"{suffix:03d}"
        return FictionNumber(
            f"+442079460{s}",
            "GB",
            (f"020 7946 0{s}", f"020 79460{s}", f"0207946 0{s}", f"020-7946-0{s}"),
            (f"+44 20 7946 0{s}", f"+442079460{s}", f"+44 (0)20 7946 0{s}"),
        )
    if kind == "GB_M":
        s = f"{suffix:03d}"
        return FictionNumber(
            f"+447700900{s}",
            "GB",
            (f"07700 900{s}", f"07700900{s}", f"07700 900 {s}"),
            (f"+44 7700 900{s}", f"+447700900{s}", f"+44 7700 900 {s}"),
        )
    if kind in ("FR_L", "FR_M"):
        head = ("1", "99", "00") if kind == "FR_L" else ("6", "39", "98")
        a, b = f"{suffix:04d}"[:2], f"{suffix:04d}"[2:]
        nat = f"0{head[0]} {head[1]} {head[2]} {a} {b}"
        return FictionNumber(
            f"+33{head[0]}{head[1]}{head[2]}{a}{b}",
            "FR",
            (nat, nat.replace(" ", "."), nat.replace(" ", "")),
            (f"+33 {head[0]} {head[1]} {head[2]} {a} {b}", f"+33{head[0]}{head[1]}{head[2]}{a}{b}",
             f"+33 (0){head[0]} {head[1]} {head[2]} {a} {b}"),
        )  # fmt: skip
    if kind == "US":
        s = f"01{suffix % 100:02d}"
        return FictionNumber(
            f"+1{npa}555{s}",
            "US",
            (f"({npa}) 555-{s}", f"{npa}-555-{s}", f"{npa}.555.{s}", f"{npa} 555 {s}"),
            (f"+1 {npa}-555-{s}", f"+1 ({npa}) 555-{s}", f"+1{npa}555{s}", f"1-{npa}-555-{s}"),
        )
    if kind == "AU":
        s = f"{suffix:03d}"
        return FictionNumber(
            f"+61491570{s}",
            "AU",
            (f"0491 570 {s}", f"0491570{s}"),
            (f"+61 491 570 {s}", f"+61491570{s}"),
        )
    raise ValueError(f"unknown number kind {kind!r}")


def _suffixes(kind: str) -> list[int]:
    if kind in ("GB_L", "GB_M"):
        full = range(1000)
    elif kind in ("FR_L", "FR_M"):
        full = range(10000)
    elif kind == "US":
        full = range(100, 200)
    else:
        full = range(6, 160)
    reserved = SUPPORT_RESERVED.get(kind, range(0))
    return [s for s in full if s not in reserved]


# When a range runs out, take the next number from a sibling range before reusing any number.
FALLBACKS: Final[dict[str, tuple[str, ...]]] = {
    "GB_L": ("GB_M",),
    "GB_M": ("GB_L",),
    "FR_L": ("FR_M",),
    "FR_M": ("FR_L",),
    # AU numbers only appear in Spanish and German ads, where any foreign number does.
    "AU": ("FR_L", "FR_M", "GB_M", "GB_L"),
}


class NumberPools:
    """Hands out fictional numbers without repeats for as long as the reserved ranges allow.

    Each range (and each US area code) is a shuffled deck drawn in order. An exhausted deck hands over to
    its sibling ranges (:data:`FALLBACKS`, or the other area codes for the US); only when those are
    exhausted too is a deck reshuffled and numbers reused, which :attr:`reused` then reports. With the
    default country mix that happens beyond roughly 10,000 ads.
    """

    def __init__(self, rng: random.Random, us_area_codes: tuple[int, ...]) -> None:
        """Create empty decks that are filled on first use.

        Args:
            rng: Random source (the generator's own, so that draws stay in its deterministic stream).
            us_area_codes: Area codes US numbers may use, in the order they are tried as fallbacks.
        """
        self._rng = rng
        self._us = us_area_codes
        self._decks: dict[tuple[str, int], list[int]] = {}
        self._pos: dict[tuple[str, int], int] = {}
        self.reused = False

    def _left(self, key: tuple[str, int]) -> bool:
        deck = self._decks.get(key)
        return deck is None or self._pos[key] < len(deck)

    def draw(self, kind: str, npa: int = 0) -> FictionNumber:
        """Take the next unused number of a range (or of a sibling range once it is used up).

        Args:
            kind: Range kind, see :func:`make_number`.
            npa: US area code when ``kind == "US"``.

        Returns:
            A fictional number.
        """
        key = (kind, npa)
        if not self._left(key):
            if kind == "US":
                siblings = [("US", code) for code in self._us]
            else:
                siblings = [(k, 0) for k in FALLBACKS[kind]]
            key = next((k for k in siblings if self._left(k)), key)
        deck = self._decks.get(key)
        if deck is None:
            deck = _suffixes(key[0])
            self._rng.shuffle(deck)
            self._decks[key] = deck
            self._pos[key] = 0
        pos = self._pos[key]
        if pos >= len(deck):
            self._rng.shuffle(deck)
            pos = 0
            self.reused = True
        self._pos[key] = pos + 1
        return make_number(key[0], deck[pos], key[1])


# ---------------------------------------------------------------------------------------------------
# Obfuscation. Every method is faithful: the digits can be read back exactly, as a determined reader (or
# a good de-obfuscator) would.

PHONE_METHODS: Final = ("words", "tens", "mixed", "letters", "separators", "brackets", "emoji", "fullwidth",
                        "math", "spaced")  # fmt: skip
# Fewer ads go to the trouble of typing keycaps or mathematical digits than of writing words.
PHONE_METHOD_WEIGHTS: Final = (14, 8, 14, 10, 14, 8, 8, 8, 4, 12)

_SEPARATORS: Final = ("*", "-", ".", "~", "_", "/", "**", " - ", "~*", "..")
_BRACKETS: Final = (("[", "]"), ("(", ")"), ("{", "}"))
_MATH_BASES: Final = (0x1D7CE, 0x1D7D8, 0x1D7EC)  # bold, double-struck, sans-serif bold digits
_KEYCAP: Final = "\ufe0f\u20e3"
_DIGITS_RE: Final = re.compile(r"\d+")
_FULLWIDTH: Final = {ord(str(d)): chr(0xFF10 + d) for d in range(10)} | {ord("+"): "\uff0b"}


def _split(plain: str) -> tuple[str, list[str]]:
    """Split a plain number into an optional ``+CC`` head (kept visible) and digit groups."""
    groups = _DIGITS_RE.findall(plain)
    if plain.startswith("+"):
        return "+" + groups[0], groups[1:]
    return "", groups


def _digit_words(group: str, lang: str, rng: random.Random, allow_double: bool) -> list[str]:
    words = DIGIT_WORDS[lang]
    out: list[str] = []
    i = 0
    while i < len(group):
        d = group[i]
        # British speakers say "double seven"; only English ads do it here.
        if allow_double and i + 1 < len(group) and group[i + 1] == d and rng.random() < 0.5:
            out.append("double " + ("oh" if d == "0" else words[int(d)]))
            i += 2
            continue
        out.append("oh" if (d == "0" and lang == "en" and rng.random() < 0.3) else words[int(d)])
        i += 1
    return out


def obfuscate_phone(plain: str, lang: str, method: str, rng: random.Random) -> str:
    """Write a number the way an ad hides it from keyword filters.

    Args:
        plain: A canonical plain writing (``07700 900123`` or ``+44 7700 900123``).
        lang: Ad language, for number words.
        method: One of :data:`PHONE_METHODS`.
        rng: Random source.

    Returns:
        The obfuscated text.
    """
    head, groups = _split(plain)
    lead = head + " " if head else ""
    if method == "words":
        sep = rng.choice((" ", "-", " "))
        gsep = rng.choice((", ", " - ", " ", " / "))
        return lead + gsep.join(sep.join(_digit_words(g, lang, rng, lang == "en")) for g in groups)
    if method == "tens":
        # Read in pairs, the French way. An odd digit goes first: a lone digit after a tens word would read
        # as one number ("twenty six" is 26, not 206).
        digits = "".join(groups)
        parts: list[str] = []
        if len(digits) % 2:
            parts.append(DIGIT_WORDS[lang][int(digits[0])])
            digits = digits[1:]
        for i in range(0, len(digits), 2):
            pair = digits[i : i + 2]
            if pair[0] != "0":
                parts.append(two_digit_words(int(pair), lang))
            else:
                parts.extend(DIGIT_WORDS[lang][int(c)] for c in pair)
        return lead + rng.choice((" ", ", ", " ")).join(parts)
    if method == "mixed":
        tokens: list[str] = []
        words = DIGIT_WORDS[lang]
        for g in groups:
            i = 0
            while i < len(g):
                d = g[i]
                if d != "0" and g[i + 1 : i + 3] == "00" and rng.random() < 0.7:
                    tokens.append(HUNDRED_WORDS[lang][int(d)])
                    i += 3
                    continue
                r = rng.random()
                if r < 0.45:
                    tokens.append(d)
                elif lang == "en" and d == "4" and r < 0.55:
                    tokens.append("for")  # homophone seen in real ads ("for80 2sixseven")
                elif lang == "en" and d == "0" and r < 0.6:
                    tokens.append("oh")
                else:
                    tokens.append(words[int(d)])
                i += 1
        out = tokens[0]
        for tok in tokens[1:]:
            # Digits glue to words ("zero7"), words are mostly spaced apart.
            glue = tok.isdigit() or out[-1].isdigit()
            out += ("" if glue and rng.random() < 0.6 else " ") + tok
        return lead + out
    if method == "letters":
        zero = rng.choice(("O", "o", "O", "\u041e"))  # \u041e is Cyrillic capital O, a look-alike
        one = rng.choice(("l", "I", "1"))
        body = " ".join(groups).replace("0", zero).replace("1", one)
        return lead + body
    if method == "separators":
        seps = rng.sample(_SEPARATORS, 2)
        digits = "".join(groups)
        out = digits[0]
        for c in digits[1:]:
            out += (seps[0] if rng.random() < 0.7 else seps[1]) + c
        return (head + seps[0] if head else "") + out
    if method == "brackets":
        left, right = rng.choice(_BRACKETS)
        gsep = rng.choice(("", " "))
        return lead + gsep.join("".join(left + c + right for c in g) for g in groups)
    if method == "emoji":
        return lead + " ".join("".join(c + _KEYCAP for c in g) for g in groups)
    if method == "fullwidth":
        return plain.translate(_FULLWIDTH)
    if method == "math":
        base = rng.choice(_MATH_BASES)
        return lead + " ".join(g.translate({ord(str(d)): chr(base + d) for d in range(10)}) for g in groups)
    if method == "spaced":
        gsep = rng.choice(("  ", " ", " - "))
        return lead + gsep.join(" ".join(g) for g in groups)
    raise ValueError(f"unknown obfuscation method {method!r}")


EMAIL_METHODS: Final = ("words", "brackets", "caps", "local", "spaced")


def obfuscate_email(email: str, lang: str, method: str, rng: random.Random) -> str:
    """Write an email address the way ads hide it ("name at domain dot com").

    Args:
        email: The plain address.
        lang: Ad language, for the local words (arobase, arroba, punkt...).
        method: One of :data:`EMAIL_METHODS`.
        rng: Random source.

    Returns:
        The obfuscated address.
    """
    local, domain = email.split("@")
    if method == "words":
        return f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    if method == "brackets":
        return f"{local}[at]{domain.replace('.', '(dot)')}"
    if method == "caps":
        return f"{local} (AT) {domain.replace('.', ' {dot} ')}"
    if method == "local":
        at = rng.choice(AT_WORDS[lang])
        dot = rng.choice(DOT_WORDS[lang])
        return f"{local} {at} {domain.replace('.', f' {dot} ')}"
    if method == "spaced":
        return f"{local} @ {domain.replace('.', ' . ')}"
    raise ValueError(f"unknown obfuscation method {method!r}")
