"""Property tests for the de-obfuscation front end (Hypothesis).

Invariants every extractor downstream relies on: never raise, offsets valid and monotonic, plain text
untouched, and a phone number comes back as the same digits whatever surrounds or splits it.
"""

from __future__ import annotations

import os
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unveil.normalise import deobfuscate as deob
from unveil.normalise.deobfuscate import deobfuscate_digits, digit_spans, fold_text
from unveil.normalise.numwords import lexicon
from unveil.normalise.offsets import NormalisedText

# Kept small for CI on two cores; set UNVEIL_FUZZ_EXAMPLES=5000 to fuzz harder locally.
SETTINGS = settings(
    max_examples=int(os.environ.get("UNVEIL_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.fixture(autouse=True)
def _strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deob, "RAISE_INTERNAL_ERRORS", True)


def assert_offsets(nt: NormalisedText) -> None:
    assert len(nt.starts) == len(nt.ends) == len(nt.text)
    prev_start = prev_end = 0
    for s, e in zip(nt.starts, nt.ends, strict=True):
        assert 0 <= s < e <= len(nt.original)
        assert s >= prev_start and e >= prev_end
        prev_start, prev_end = s, e


# Any code point, including lone surrogates, NULs, combining marks and the characters the scanner
# treats specially.
SPECIAL = [
    *"|oOlIi+*~[](){}.,-/_ \n\t\x00",
    "\ud800",
    "\udfff",
    "\u0301",
    "\u20e3",
    "\ufe0f",
    "\u200b",
    "seven",
    "double",
    "oh",
    "for",
    "und",
    "vingt",
    "quatre",
    "cent",
    "et",
    "zwanzig",
    "y",
]
any_text = st.lists(
    st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIAL), st.sampled_from(string.digits)),
    max_size=60,
).map("".join)


@SETTINGS
@given(any_text, st.sampled_from([None, "en", "fr", "es", "de", "it", "nl", "pt", "ro", "pl", "xx"]))
def test_never_raises_and_offsets_are_valid(text: str, lang: str | None) -> None:
    nt = deobfuscate_digits(text, lang)
    assert nt.original == text
    assert_offsets(nt)
    for s, e, _ in digit_spans(nt):
        a, z = nt.to_original(s, e)
        assert 0 <= a < z <= len(text)
    assert_offsets(fold_text(text))


def _has_number_word(text: str, substitutes: bool = False) -> bool:
    """True if any letter run of ``text`` reads as (glued) number words.

    Bare letter substitutes ("o", "I", "oil") count only when ``substitutes`` is true: next to digits they
    are words, next to spelled-out numbers they may be read as digits ("five o one o o").
    """
    lex = lexicon()
    word = []
    for ch in text + " ":
        if ch.isalpha():
            word.append(ch)
            continue
        if word:
            pieces = lex.segment("".join(word))
            if pieces is not None and (
                substitutes or any(p.entry is not None and not p.entry.sub for p in pieces)
            ):
                return True
            word = []
    return False


plain_ascii = st.text(
    alphabet=st.sampled_from(string.ascii_letters + " .,;:!?'\"()[]{}-_/*~|+@#&%$\n"), max_size=80
)


@SETTINGS
@given(plain_ascii)
def test_plain_ascii_without_numbers_is_unchanged(text: str) -> None:
    assume(not _has_number_word(text))
    nt = deobfuscate_digits(text)
    assert nt.text == text
    assert list(nt.starts) == list(range(len(text)))


words = st.lists(
    st.text(alphabet=st.sampled_from(string.ascii_letters + ".,:;!?'()-*"), min_size=1, max_size=10),
    max_size=6,
).map(" ".join)
phones = st.text(alphabet=st.sampled_from(string.digits), min_size=7, max_size=13)


@SETTINGS
@given(words, phones, words)
def test_phone_digits_recovered_whatever_surrounds_them(before: str, phone: str, after: str) -> None:
    assume(not _has_number_word(before) and not _has_number_word(after))
    text = f"{before} {phone} {after}"
    nt = deobfuscate_digits(text)
    found = [nt.text[s:e].lstrip("+") for s, e, _ in digit_spans(nt)]
    assert phone in found
    start = text.index(phone, len(before))
    spans = {nt.to_original(s, e) for s, e, _ in digit_spans(nt)}
    assert (start, start + len(phone)) in spans


# A "+" after a space or an opening bracket starts an international number ("one (+44 20 ...)"), by design:
# such a separator is not neutral, so the property leaves it out.
separators = st.text(alphabet=st.sampled_from(" .-/*~_,|[](){}+"), min_size=1, max_size=3).filter(
    lambda sep: "  " not in sep and not any(f"{o}+" in sep for o in " \t([{")
)


@SETTINGS
@given(phones, st.data())
def test_separators_between_digits_do_not_change_the_number(phone: str, data: st.DataObject) -> None:
    parts = [phone[0]]
    for ch in phone[1:]:
        if data.draw(st.booleans()):
            parts.append(data.draw(separators))
        parts.append(ch)
    text = "call me " + "".join(parts) + " tonight"
    nt = deobfuscate_digits(text)
    found = [nt.text[s:e] for s, e, _ in digit_spans(nt)]
    assert found == [phone]


@SETTINGS
@given(words, phones, words)
def test_number_words_read_like_digits(before: str, phone: str, after: str) -> None:
    assume(not _has_number_word(before, substitutes=True) and not _has_number_word(after, substitutes=True))
    spelled = " ".join(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][int(d)]
        for d in phone
    )
    nt = deobfuscate_digits(f"{before} {spelled} {after}")
    assert phone in [nt.text[s:e] for s, e, _ in digit_spans(nt)]


@SETTINGS
@given(any_text, st.sampled_from([None, "en", "fr", "es", "de", "it", "nl", "pt", "ro", "pl"]), st.integers(1, 8))
def test_deobfuscate_digits_if_skips_only_when_exact(text: str, lang: str | None, need: int) -> None:
    """The cheap pre-check returns None only when full de-obfuscation has fewer than ``need`` digits."""
    got = deob.deobfuscate_digits_if(text, lang, need)
    full = deobfuscate_digits(text, lang)
    if got is None:
        assert sum("0" <= c <= "9" for c in full.text) < need
    else:
        assert (got.text, list(got.starts), list(got.ends)) == (full.text, list(full.starts), list(full.ends))
