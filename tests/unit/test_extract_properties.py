"""Properties of the email, handle, payment, crypto and IBAN extractors on generated text.

* No extractor raises, whatever the text (any Unicode, or soup made of the tokens the extractors react to).
* Every entity's offsets point at its text, and its text is a non-empty part of the field.
* An identifier placed in neutral prose is found with the same value and span whatever that prose is.
  Neutral means what the identifier itself does not depend on: no "@", "$" or digits, no platform words
  and no email marker words ("at", "dot", "[at]") next to it.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unveil.extract.base import AdContext
from unveil.extract.crypto import CryptoExtractor, IbanExtractor
from unveil.extract.emails import EmailExtractor, email_patterns
from unveil.extract.handles import HandleExtractor
from unveil.extract.payments import PaymentExtractor
from unveil.normalise.deobfuscate import fold_text

CTX = AdContext()
EXTRACTORS = (EmailExtractor(), HandleExtractor(), PaymentExtractor(), CryptoExtractor(), IbanExtractor())
HANDLES = HandleExtractor()
PAYMENTS = PaymentExtractor()

# Pieces the extractors react to, so that generated text reaches their deeper paths.
SOUP = st.sampled_from([
    "@", " @ ", "at", " at ", "dot", " dot ", "[at]", "(dot)", "{.}", ".", " . ", "anna", "example", "com",
    "gml", "a n n a", " ", "\n", ":", "telegram", "tg", "snap", "👻", "️", "IG", "OF", "X", "whats app", "@anna_vip",
    "t.me/", "instagram.com/", "/", "~", "$", "$Anna", "cash app", "venmo", "paypal.me/", "revtag", "0x",
    "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "bc1q", "1", "3", "T", "DE89", " 3704", "0044", "＠", "．",
    "\u200b", "а", "é", "İ", "ß", "(", ")", "[", "]", "-", "_", "'", "c'est", "is", "id",
])
SOUP_TEXT = st.lists(SOUP, max_size=40).map("".join)


def _check(text: str) -> None:
    for extractor in EXTRACTORS:
        for e in extractor.extract(text, "body", CTX):
            assert 0 <= e.start < e.end <= len(text)
            assert text[e.start : e.end] == e.text
            assert e.kind in extractor.kinds
            assert e.value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    _check(text)


@settings(max_examples=400, deadline=None)
@given(SOUP_TEXT)
def test_never_raises_on_token_soup(text):
    _check(text)


# ---------------------------------------------------------------------------------------------------------
# Found the same whatever the surroundings
# ---------------------------------------------------------------------------------------------------------

PROSE = st.text(
    alphabet=st.characters(blacklist_categories=("N", "Cs", "Co"), blacklist_characters="@＠﹫$"),
    max_size=60,
)
_WORDS = re.compile(r"\w+")
_SPACED_DOT_END = re.compile(r"\.\s*$|^\s*\.")
_BRACKETED = re.compile(r"[\[\(\{<]\s*(?:[@.]|\w+)\s*[\]\)\}>]")


def _markers() -> frozenset[str]:
    p = email_patterns()
    return p.at_strong | p.at_weak | p.dot_words


def neutral(text: str) -> bool:
    """No platform word, email marker word or bracketed marker (after folding, as the extractors read), and
    no spaced-out dot at either end: "A . anna at example dot com" spells the address "a.anna@example.com"
    (the reader joins letters around a spaced dot), so such surroundings are part of the identifier."""
    folded = fold_text(text).text
    words = {w.lower() for w in _WORDS.findall(folded)}
    if words & _markers() or _BRACKETED.search(folded) or _SPACED_DOT_END.search(folded):
        return False
    return not any(ex.scanner.cues(folded) for ex in (HANDLES, PAYMENTS))


def entities(text: str) -> set[tuple[str, str, str]]:
    return {(e.kind, e.value, e.text) for ex in EXTRACTORS for e in ex.extract(text, "body", CTX)}


EMBEDDED = [
    ("email", "anna.b@example.com", "anna.b@example.com"),
    ("email", "anna@example.com", "anna at example dot com"),
    ("email", "anna@example.org", "anna [at] example [dot] org"),
    ("email", "anna@example.fr", "anna arobase example point fr"),
    ("email", "anna@mail.example", "anna(at)mail(dot)example"),
    ("email", "anna@gmail.com", "anna@gml"),
    ("handle", "telegram:anna_vip", "Telegram: @anna_vip"),
    ("handle", "snapchat:anna_b", "snapchat.com/add/anna_b"),
    ("handle", "instagram:anna.b", "IG: @anna.b"),
    ("handle", "onlyfans:annab", "onlyfans.com/annab"),
    ("payment", "cashapp:annab", "cash app: $AnnaB"),
    ("payment", "paypal:annab", "paypal.me/annab"),
    ("iban", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00"),
    ("iban", "GB82WEST12345698765432", "GB82WEST12345698765432"),
]

# The span of the identifier inside each embedded form (the platform word is context, not the handle).
_SPAN = {
    "Telegram: @anna_vip": "@anna_vip",
    "IG: @anna.b": "@anna.b",
    "cash app: $AnnaB": "$AnnaB",
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.sampled_from(EMBEDDED), PROSE, PROSE)
def test_identifier_found_whatever_the_surroundings(case, before, after):
    kind, value, written = case
    assume(neutral(before) and neutral(after))
    text = f"{before} {written} {after}"
    span = _SPAN.get(written, written)
    assert (kind, value, span) in entities(text)
