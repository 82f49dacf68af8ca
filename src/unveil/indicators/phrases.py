"""The phrase mini-language of the rulebook.

A phrase is a sequence of words matched as whole words on folded text (see
:mod:`unveil.indicators.fold`), so case and accents never matter.  Three
pieces of syntax keep inflections readable:

``(a|b|c)``
    one of the alternatives: ``(new|fresh) in town``; alternatives may hold
    spaces and nest.
``(s)``
    a group with a single alternative is optional: ``girl(s)`` is ``girl`` or
    ``girls``; ``(very )young`` is ``young`` or ``very young``.
``_``
    any one word: ``new in _`` matches "new in Lyon".  A phrase cannot start or
    end with ``_``.

Words are runs of letters or runs of digits, so ``new2town`` is the three words
``new 2 town`` and matches "new 2 town", "new-2-town" and "new2town" alike.
"""

from __future__ import annotations

import regex

from .fold import fold

__all__ = ["ANY", "PhraseError", "expand", "phrase_tokens", "tokenize"]

ANY = "\x00any"  # token that matches any one word
MAX_VARIANTS = 512

# Words: runs of letters (with any marks left after folding) or runs of digits.
TOKEN_RE = regex.compile(r"[\p{L}\p{M}]+|\p{N}+")


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the message says why."""


def tokenize(folded: str) -> list[str]:
    """Words of already-folded text."""
    return TOKEN_RE.findall(folded)


def expand(phrase: str) -> list[str]:
    """All variants of a phrase, groups expanded (see the module docstring)."""
    variants, pos = _parse_seq(phrase, 0, top=True)
    if pos != len(phrase):
        raise PhraseError(f"unbalanced ')' at position {pos} in {phrase!r}")
    return [" ".join(v.split()) for v in variants]


def _parse_seq(text: str, pos: int, top: bool) -> tuple[list[str], int]:
    """Parse a sequence up to ``|`` or ``)``; return its variants and the stop position."""
    variants = [""]
    literal: list[str] = []
    while pos < len(text):
        char = text[pos]
        if char == "(":
            if literal:
                variants = [v + "".join(literal) for v in variants]
                literal = []
            alternatives, pos = _parse_group(text, pos + 1)
            variants = [v + alt for v in variants for alt in alternatives]
            if len(variants) > MAX_VARIANTS:
                raise PhraseError(f"{text!r} expands to more than {MAX_VARIANTS} variants")
            continue
        if char in "|)":
            if top:
                raise PhraseError(f"unexpected {char!r} at position {pos} in {text!r}")
            break
        literal.append(char)
        pos += 1
    return [v + "".join(literal) for v in variants], pos


def _parse_group(text: str, pos: int) -> tuple[list[str], int]:
    alternatives: list[str] = []
    count = 0
    while True:
        seq, pos = _parse_seq(text, pos, top=False)
        alternatives.extend(seq)
        count += 1
        if pos >= len(text):
            raise PhraseError(f"unclosed '(' in {text!r}")
        if text[pos] == ")":
            if count == 1:
                alternatives.append("")  # a single alternative is optional
            return alternatives, pos + 1
        pos += 1  # skip '|'


def phrase_tokens(variant: str) -> tuple[str, ...]:
    """Folded words of one expanded variant; ``_`` becomes :data:`ANY`."""
    tokens: list[str] = []
    for part in variant.split():
        if part == "_":
            tokens.append(ANY)
            continue
        words = tokenize(fold(part).text)
        if not words:
            raise PhraseError(f"{part!r} has no letters or digits (use `emoji:` for symbols)")
        tokens.extend(words)
    if not tokens:
        raise PhraseError("empty phrase")
    if tokens[0] == ANY or tokens[-1] == ANY:
        raise PhraseError(f"{variant!r} starts or ends with '_' (any word)")
    return tuple(tokens)
